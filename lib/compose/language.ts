// Which language to write to a buyer in. Domestic Chinese marketplaces are
// Simplified Chinese; cross-border buyers get their own language when we know
// it, else a guess from what the order shows (currency, market host, nick).
import type { Order, Platform } from '../orders/model';
import { LANGUAGES, type Language } from './model';

export type LanguageSource = 'explicit' | 'buyer' | 'platform' | 'market' | 'currency' | 'nick' | 'default';

export interface LanguageGuess {
  language: Language;
  source: LanguageSource;
}

/** What we may know about the buyer; `language` is a BCP 47 tag such as "pt-BR". */
export interface BuyerLanguageHint {
  language?: string | undefined;
  /** ISO 3166 country code, e.g. "BR". */
  country?: string | undefined;
}

const DOMESTIC: ReadonlySet<Platform> = new Set(['taobao', 'pdd']);

/** Normalises "pt-BR", "zh_Hant_HK", "ES" … to a template language, or undefined. */
export function normalizeLanguage(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!t) return undefined;
  const exact = LANGUAGES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const [base, ...rest] = t.split('-');
  if (base === 'zh') {
    return rest.some((r) => r === 'hant' || r === 'tw' || r === 'hk' || r === 'mo') ? 'zh-TW' : 'zh-CN';
  }
  if (base === 'en' || base === 'ru' || base === 'pt' || base === 'es') return base;
  return undefined;
}

const COUNTRY_LANGUAGE: Readonly<Record<string, Language>> = {
  cn: 'zh-CN',
  tw: 'zh-TW',
  hk: 'zh-TW',
  mo: 'zh-TW',
  ru: 'ru',
  by: 'ru',
  kz: 'ru',
  br: 'pt',
  pt: 'pt',
  ao: 'pt',
  mz: 'pt',
  es: 'es',
  mx: 'es',
  ar: 'es',
  co: 'es',
  cl: 'es',
  pe: 'es',
  uy: 'es',
  ec: 'es',
  ve: 'es',
  bo: 'es',
  py: 'es',
  cr: 'es',
  gt: 'es',
  do: 'es',
};

/** Language of a country; everything unlisted reads English (we have no vi/th/id templates). */
export function languageOfCountry(country: string | undefined): Language | undefined {
  if (!country) return undefined;
  const c = country.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(c)) return undefined;
  return COUNTRY_LANGUAGE[c] ?? 'en';
}

const CURRENCY_LANGUAGE: Readonly<Record<string, Language>> = {
  CNY: 'zh-CN',
  TWD: 'zh-TW',
  HKD: 'zh-TW',
  MOP: 'zh-TW',
  RUB: 'ru',
  BYN: 'ru',
  KZT: 'ru',
  BRL: 'pt',
  MXN: 'es',
  ARS: 'es',
  COP: 'es',
  CLP: 'es',
  PEN: 'es',
  UYU: 'es',
};

// The seller centre's regional host tells the market the shop sells in:
// seller-br.tiktok.com, seller.shopee.com.mx, banhang.shopee.vn …
function marketOfPage(pageUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const tiktok = /^seller-([a-z]{2})\.(?:tiktok|tokopedia)\.com$/.exec(host);
  if (tiktok) return tiktok[1];
  if (/(^|\.)shopee\./.test(host)) {
    const tld = host.split('.').pop();
    // seller.shopee.cn is the cross-border hub for Chinese sellers: says nothing about buyers.
    return tld === 'cn' ? undefined : tld;
  }
  if (/(^|\.)aliexpress\.ru$/.test(host)) return 'ru';
  return undefined;
}

const CYRILLIC = /[\u0400-\u04FF]/;
const HAN = /\p{Script=Han}/u;
// Characters that exist only in traditional forms (a handful of common ones).
const TRADITIONAL_ONLY = /[們這個來說會對時為過還麼點開關幫買賣錢號寶貝訂單運費實與體學國]/;

/**
 * Best language for this buyer, with where the guess came from. Order of
 * trust: the buyer's known language or country, a domestic platform, the
 * marketplace region, the currency, the script of the buyer's name, English.
 */
export function guessLanguage(order: Pick<Order, 'platform' | 'amount' | 'pageUrl' | 'buyer'>, buyer?: BuyerLanguageHint): LanguageGuess {
  const known = normalizeLanguage(buyer?.language) ?? languageOfCountry(buyer?.country);
  if (known) return { language: known, source: 'buyer' };
  if (DOMESTIC.has(order.platform)) return { language: 'zh-CN', source: 'platform' };
  const market = languageOfCountry(marketOfPage(order.pageUrl));
  if (market) return { language: market, source: 'market' };
  const byCurrency = CURRENCY_LANGUAGE[order.amount.currency.toUpperCase()];
  if (byCurrency) return { language: byCurrency, source: 'currency' };
  const name = `${order.buyer.displayName ?? ''}${order.buyer.nick}`;
  if (CYRILLIC.test(name)) return { language: 'ru', source: 'nick' };
  if (HAN.test(name)) return { language: TRADITIONAL_ONLY.test(name) ? 'zh-TW' : 'zh-CN', source: 'nick' };
  return { language: 'en', source: 'default' };
}

/** The language to write in: `explicit` (the person's choice) wins, then the guess. */
export function languageFor(
  order: Pick<Order, 'platform' | 'amount' | 'pageUrl' | 'buyer'>,
  buyer?: BuyerLanguageHint,
  explicit?: Language,
): Language {
  return explicit ?? guessLanguage(order, buyer).language;
}

/**
 * Languages to try in order when nothing in the first one fits. Traditional
 * falls back to Simplified Chinese (readable, if not ideal); every other
 * language falls back to English; Chinese never falls back to English, since
 * a domestic buyer would find an English message strange.
 */
export function languageFallbacks(language: Language): Language[] {
  switch (language) {
    case 'zh-CN':
      return ['zh-CN'];
    case 'zh-TW':
      return ['zh-TW', 'zh-CN'];
    case 'en':
      return ['en'];
    default:
      return [language, 'en'];
  }
}
