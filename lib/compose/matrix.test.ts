// Every built-in template rendered the way a buyer would receive it, over
// every language, a spread of currencies, item lists and times left, new and
// returning buyers, every round and every channel: no gaps, no holes in the
// text, money in the buyer's own format, and never fewer than three choices.
import { simplifiedIn } from '../../test/support/opencc';
import { describe, expect, it } from 'vitest';
import type { Order, Platform } from '../orders/model';
import { composeSuggestions, type SuggestContext } from './engine';
import { formatAmount } from './locale';
import { COMPOSE_CHANNELS, LANGUAGES, REASONS, type ComposeChannel, type Language } from './model';
import { BUILTIN_TEMPLATES } from './templates';

const NOW = Date.UTC(2026, 10, 23, 4, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

const CURRENCIES = ['CNY', 'TWD', 'USD', 'BRL', 'RUB', 'MXN', 'VND', 'EUR'] as const;
const TIMES_LEFT = [['none', undefined], ['30 s', 30 * SECOND], ['50 min', 50 * MINUTE], ['2 days', 2 * DAY]] as const;
const ITEMS = ['present', 'absent', 'three'] as const;
const CUSTOMERS = ['new', 'returning'] as const;
// 0, 1 and 2 contacts: the first, second and last round even when no close time is known.
const ATTEMPTS = [0, 1, 2] as const;

// Names and titles in the buyer's own script, so the zh-TW check sees only our text in Traditional.
const PEOPLE: Readonly<Record<Language, { buyer: string; titles: [string, string, string] }>> = {
  'zh-CN': { buyer: '王女士', titles: ['纯棉儿童睡衣套装', '草帽防风绳', '收纳袋'] },
  'zh-TW': { buyer: '陳小姐', titles: ['純棉兒童睡衣套裝', '草帽防風繩', '收納袋'] },
  en: { buyer: 'Emily', titles: ['Cotton pyjama set', 'Hat strap', 'Storage bag'] },
  ru: { buyer: 'Ольга', titles: ['Пижама хлопковая', 'Ремешок для шляпы', 'Мешочек'] },
  pt: { buyer: 'Ana', titles: ['Pijama de algodão', 'Cordão para chapéu', 'Saquinho'] },
  es: { buyer: 'Lucía', titles: ['Pijama de algodón', 'Cordón para sombrero', 'Bolsita'] },
};

const PLATFORM: Readonly<Record<Language, Platform>> = { 'zh-CN': 'taobao', 'zh-TW': 'shopee', en: 'tiktok', ru: 'aliexpress', pt: 'shopee', es: 'tiktok' };

// 1,280.00 in every currency (1,280 for the whole-unit ones): the digits "280" appear nowhere else.
function amountOf(currency: string) {
  return { minor: currency === 'VND' ? 1280 : 128000, currency };
}

function orderFor(language: Language, currency: string, items: (typeof ITEMS)[number], left: number | undefined, platform = PLATFORM[language]): Order {
  const { buyer, titles } = PEOPLE[language];
  const lines =
    items === 'absent' ? [] : (items === 'present' ? titles.slice(0, 1) : titles).map((title, i) => ({ title, qty: 1, ...(i === 0 ? { sku: 'M' } : {}) }));
  return {
    key: `${platform}:8123`,
    platform,
    orderId: '8123',
    buyer: { nick: buyer },
    items: lines,
    amount: amountOf(currency),
    createdAt: NOW - 60 * MINUTE,
    ...(left === undefined ? {} : { autoCloseAt: NOW + left }),
    status: 'unpaid',
    pageUrl: 'https://example.test/orders',
    statusSource: 'page',
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    statusChangedAt: NOW,
  };
}

const EVERY_FACT: NonNullable<SuggestContext['vars']> = {
  shop: 'Bright Home',
  seller: 'Lin',
  coupon: 'SAVE10',
  gift: 'a tote bag',
  orderLink: 'https://biz.alibaba.com/order/8123',
  cutoff: '16:00',
  returns: '30-day returns',
};

const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

// A currency's symbol as the locale writes it ("R$", "₽", "NT$", "US$").
function symbolOf(language: Language, currency: string): string {
  const written = formatAmount(amountOf(currency), language)!;
  return spaced(written).replace(/[\d.,\s-]/g, '');
}

const OPTIONAL_LEFTOVER = /\[\[|\]\]/;
// A clause dropped badly leaves an empty bracket, a space before punctuation or two stops in a row.
const EMPTY_SENTENCE = /\(\s*\)|（\s*）|「\s*」|«\s*»|"\s*"|[^\S\n][,.;:!?](?!\d)|[,，]\s*[.。!！?？]|[.。!！?？]\s*[,，.。]|\n[^\S\n]*[,.;:]|^\s|\s$/;
const UNDER_A_MINUTE_MISUSED = /another less|for less than a minute more|mais menos|más menos|ещё считаные|durante menos de un minuto más/i;

interface Case {
  language: Language;
  currency: string;
  items: (typeof ITEMS)[number];
  time: string;
  left: number | undefined;
  customer: 'new' | 'returning';
  attempts: number;
  channel: ComposeChannel;
}

function* cases(): Generator<Case> {
  for (const language of LANGUAGES)
    for (const currency of CURRENCIES)
      for (const items of ITEMS)
        for (const [time, left] of TIMES_LEFT)
          for (const customer of CUSTOMERS)
            for (const attempts of ATTEMPTS) for (const channel of COMPOSE_CHANNELS) yield { language, currency, items, time, left, customer, attempts, channel };
}

const rendered = new Set<string>();

function check(c: Case, withFacts: boolean, platform?: Platform): string[] {
  const problems: string[] = [];
  const o = orderFor(c.language, c.currency, c.items, c.left, platform);
  const set = composeSuggestions(
    o,
    {
      now: NOW,
      attempts: c.attempts,
      customer: c.customer,
      channel: c.channel,
      language: c.language,
      ...(withFacts ? { vars: EVERY_FACT, facts: ['low_stock'] as const } : {}),
    },
    undefined,
    100,
  );
  const where = `${c.language} ${c.currency} item:${c.items} left:${c.time} ${c.customer} attempts:${c.attempts} ${c.channel}${withFacts ? ' +facts' : ''}`;
  if (set.language !== c.language) problems.push(`${where}: written in ${set.language}`);
  if (set.suggestions.length < 3) problems.push(`${where}: only ${set.suggestions.length} suggestions`);
  const amount = spaced(formatAmount(o.amount, c.language)!);
  const symbol = symbolOf(c.language, c.currency);
  for (const s of set.suggestions) {
    rendered.add(s.templateId);
    const text = spaced(`${s.subject ?? ''}\n${s.text}`.replace(/^\n/, ''));
    const at = `${where} ${s.templateId}: ${text.replace(/\n/g, ' / ')}`;
    if (/undefined|NaN|\{\{|\}\}/.test(text)) problems.push(`${at}: a hole`);
    if (OPTIONAL_LEFTOVER.test(text)) problems.push(`${at}: optional-part brackets left`);
    if (EMPTY_SENTENCE.test(s.text.replace(/[\u00a0\u202f]/g, ' '))) problems.push(`${at}: empty sentence or stray punctuation`);
    if (UNDER_A_MINUTE_MISUSED.test(text)) problems.push(`${at}: "under a minute" misused`);
    if (text.includes('280') && !text.includes(amount)) problems.push(`${at}: amount not written as ${amount}`);
    const rest = text.split(amount).join(' ');
    if (new RegExp(`\\b${c.currency}\\b`).test(rest) || (symbol && rest.includes(symbol)) || /currency:|币种|幣別|валюта|moeda:|moneda:/i.test(rest)) {
      problems.push(`${at}: currency written twice`);
    }
    if (c.language === 'ru') {
      if (c.items === 'three' && /ещё \d+ товар/.test(text) && !text.includes('и ещё 2 товара')) problems.push(`${at}: wrong plural for 2 items`);
      if (c.time === '50 min' && /\d+ минут/.test(text) && !text.includes('50 минут')) problems.push(`${at}: wrong plural for 50 minutes`);
      if (c.time === '2 days' && /\d+ д(ень|ня|ней)/.test(text) && !text.includes('2 дня')) problems.push(`${at}: wrong plural for 2 days`);
    }
    if (c.language === 'zh-TW') {
      const simplified = simplifiedIn(text);
      if (simplified.length > 0) problems.push(`${at}: Simplified characters ${simplified.join(' ')}`);
    }
  }
  return problems;
}

describe('the render matrix', () => {
  // ~2,300 renders per language: more than vitest's default 5 s on a slow machine.
  const SLOW = 60_000;

  it.each(LANGUAGES)(
    '%s: at least three clean suggestions for every currency, item list, time left, buyer, round and channel, with nothing filled in by the person',
    (language) => {
      const problems: string[] = [];
      let count = 0;
      for (const c of cases()) {
        if (c.language !== language) continue;
        problems.push(...check(c, false));
        count++;
      }
      expect(count).toBe(8 * 3 * 4 * 2 * 3 * 4);
      expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    },
    SLOW,
  );

  it('stays clean with every shop fact filled in and the order marked low on stock, on every marketplace', () => {
    const problems: string[] = [];
    for (const c of cases()) {
      // Currencies only change the amount: two are enough here.
      if (c.currency !== 'USD' && c.currency !== 'RUB') continue;
      problems.push(...check(c, true));
      if (c.items === 'present' && c.attempts === 0) problems.push(...check(c, true, 'alibaba'));
    }
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
  }, SLOW);

  it.each(LANGUAGES.flatMap((l) => COMPOSE_CHANNELS.map((ch) => [l, ch] as const)))('%s %s: at least three for every suspected reason and round', (language, channel) => {
    for (const reason of REASONS) {
      for (const attempts of ATTEMPTS) {
        for (const customer of CUSTOMERS) {
          const at = `${reason} ${attempts} ${customer}`;
          const bare = composeSuggestions(orderFor(language, 'USD', 'absent', undefined), { now: NOW, attempts, customer, channel, language, reason }, undefined, 100);
          expect(bare.language, at).toBe(language);
          expect(bare.suggestions.length, at).toBeGreaterThanOrEqual(3);
          const full = composeSuggestions(
            orderFor(language, 'USD', 'present', 2 * DAY),
            { now: NOW, attempts, customer, channel, language, reason, vars: EVERY_FACT, facts: ['low_stock'] },
            undefined,
            100,
          );
          for (const s of full.suggestions) rendered.add(s.templateId);
        }
      }
    }
  });

  it('renders every built-in template somewhere in the matrix', () => {
    const missing = BUILTIN_TEMPLATES.map((t) => t.id).filter((id) => !rendered.has(id));
    expect(missing).toEqual([]);
  });
});

describe('money in the buyer locale', () => {
  it.each([
    ['pt', 'BRL', 'R$ 1.280,00'],
    ['ru', 'RUB', '1 280,00 ₽'],
    ['zh-TW', 'TWD', 'NT$1,280'],
    ['en', 'USD', 'US$1,280.00'],
    ['zh-CN', 'CNY', '¥1,280.00'],
    ['es', 'MXN', '$1,280.00'],
    ['es', 'USD', 'USD 1,280.00'],
    ['pt', 'USD', 'US$ 1.280,00'],
    ['ru', 'EUR', '1 280,00 €'],
    ['en', 'VND', '₫1,280'],
  ] as const)('%s writes %s as %s', (language, currency, expected) => {
    expect(spaced(formatAmount({ minor: currency === 'VND' ? 1280 : 128000, currency }, language)!)).toBe(expected);
  });

  it('keeps cents in Taiwan dollars when there are any', () => {
    expect(formatAmount({ minor: 128050, currency: 'TWD' }, 'zh-TW')).toBe('NT$1,280.50');
  });
});
