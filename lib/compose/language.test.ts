import { describe, expect, it } from 'vitest';
import type { Order } from '../orders/model';
import { guessLanguage, languageFallbacks, languageFor, normalizeLanguage } from './language';

type Seen = Pick<Order, 'platform' | 'amount' | 'pageUrl' | 'buyer'>;

const seen = (overrides: Partial<Seen> = {}): Seen => ({
  platform: 'aliexpress',
  amount: { minor: 1000, currency: 'USD' },
  pageUrl: 'https://csp.aliexpress.com/m_apps/order-manage',
  buyer: { nick: 'buyer_1' },
  ...overrides,
});

describe('languageFor', () => {
  it.each([
    ['taobao', 'CNY', 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', 'zh-CN'],
    ['pdd', 'CNY', 'https://mms.pinduoduo.com/orders/list', 'zh-CN'],
    // A domestic platform stays Chinese whatever else the page shows.
    ['taobao', 'USD', 'https://trade.taobao.com/x', 'zh-CN'],
    ['aliexpress', 'USD', 'https://csp.aliexpress.com/x', 'en'],
    ['aliexpress', 'BRL', 'https://csp.aliexpress.com/x', 'pt'],
    ['aliexpress', 'RUB', 'https://csp.aliexpress.com/x', 'ru'],
    ['aliexpress', 'MXN', 'https://csp.aliexpress.com/x', 'es'],
    ['aliexpress', 'EUR', 'https://csp.aliexpress.com/x', 'en'],
    ['tiktok', 'USD', 'https://seller-us.tiktok.com/order', 'en'],
    ['tiktok', 'BRL', 'https://seller-br.tiktok.com/order', 'pt'],
    ['tiktok', 'EUR', 'https://seller-es.tiktok.com/order', 'es'],
    ['tiktok', 'VND', 'https://seller-vn.tiktok.com/order', 'en'],
    ['tiktok', 'GBP', 'https://seller-uk.tiktok.com/order', 'en'],
    ['shopee', 'TWD', 'https://seller.shopee.tw/portal/sale', 'zh-TW'],
    ['shopee', 'COP', 'https://seller.shopee.com.co/portal/sale', 'es'],
    ['shopee', 'BRL', 'https://seller.shopee.com.br/portal/sale', 'pt'],
    ['shopee', 'VND', 'https://banhang.shopee.vn/portal/sale', 'en'],
    // The cross-border hub says nothing about the buyer; the currency does.
    ['shopee', 'BRL', 'https://seller.shopee.cn/portal/sale', 'pt'],
    ['alibaba', 'USD', 'https://biz.alibaba.com/ta/detail.htm', 'en'],
    ['manual', 'CNY', '', 'zh-CN'],
    ['manual', 'USD', '', 'en'],
  ] as const)('%s order in %s on %s is written in %s', (platform, currency, pageUrl, expected) => {
    expect(languageFor(seen({ platform, amount: { minor: 1, currency }, pageUrl }))).toBe(expected);
  });

  it('uses what we know of the buyer over every guess, and the explicit choice over that', () => {
    const brl = seen({ amount: { minor: 1, currency: 'BRL' } });
    expect(languageFor(brl, { language: 'es-AR' })).toBe('es');
    expect(languageFor(brl, { country: 'RU' })).toBe('ru');
    expect(languageFor(brl, { language: 'pt-BR' }, 'en')).toBe('en');
    expect(guessLanguage(brl, { language: 'pt-BR' }).source).toBe('buyer');
    // A language we have no templates for does not count as knowing.
    expect(guessLanguage(brl, { language: 'vi' })).toEqual({ language: 'pt', source: 'currency' });
    // A country we have no language for means English.
    expect(languageFor(brl, { country: 'DE' })).toBe('en');
  });

  it('reads the script of the buyer name as a last resort', () => {
    expect(guessLanguage(seen({ buyer: { nick: 'Иван П.' } }))).toEqual({ language: 'ru', source: 'nick' });
    expect(guessLanguage(seen({ buyer: { nick: 'x', displayName: '陳小姐們' } })).language).toBe('zh-TW');
    expect(guessLanguage(seen({ buyer: { nick: '陈小姐' } })).language).toBe('zh-CN');
    expect(guessLanguage(seen())).toEqual({ language: 'en', source: 'default' });
  });

  it('survives a page URL that is not a URL', () => {
    expect(languageFor(seen({ pageUrl: 'not a url', amount: { minor: 1, currency: 'RUB' } }))).toBe('ru');
  });
});

describe('normalizeLanguage', () => {
  it.each([
    ['zh-Hant-HK', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-Hans', 'zh-CN'],
    ['ZH', 'zh-CN'],
    ['en-GB', 'en'],
    ['pt-PT', 'pt'],
    ['es-419', 'es'],
    ['ru', 'ru'],
    ['vi-VN', undefined],
    ['', undefined],
  ] as const)('%s -> %s', (tag, expected) => {
    expect(normalizeLanguage(tag)).toBe(expected);
  });
});

describe('languageFallbacks', () => {
  it('falls back from Traditional to Simplified Chinese, from the others to English, and Chinese never to English', () => {
    expect(languageFallbacks('zh-TW')).toEqual(['zh-TW', 'zh-CN']);
    expect(languageFallbacks('pt')).toEqual(['pt', 'en']);
    expect(languageFallbacks('zh-CN')).toEqual(['zh-CN']);
    expect(languageFallbacks('en')).toEqual(['en']);
  });
});
