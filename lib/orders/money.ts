// Money as marketplace pages show it, stored as integer minor units so sums
// and comparisons are exact. Pure: no browser or Node APIs beyond Intl.
import { nfkc } from './nfkc';

export interface Money {
  /** Integer count of the currency's minor unit (fen, cents; whole units for 0-digit currencies). */
  minor: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

const CODE_RE = /^[A-Z]{3}$/;

const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  // Cached codes are trimmed upper case already: a code given that way is found without the clean-up.
  const known = digitsCache.get(currency);
  if (known !== undefined) return known;
  const code = currency.trim().toUpperCase();
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    const max = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 0 && max <= 4) digits = max;
  } catch {
    // Malformed codes throw a RangeError; callers still need some scale, and
    // 2 is what most of the world uses.
  }
  // Only cache well-formed codes so arbitrary page text cannot grow the map.
  if (CODE_RE.test(code)) digitsCache.set(code, digits);
  return digits;
}

// Digits used only to decide whether a lone separator is decimal or grouping.
// Indonesian pages write "Rp 150.000" for 150 thousand rupiah and never show
// sen, but CLDR/ICU versions disagree on IDR (some say 2), so we must not let
// the runtime's data turn that dot into a decimal point. The stored minor
// units still follow currencyDigits() so formatMoney stays consistent.
function separatorDigits(code: string): number {
  return code === 'IDR' ? 0 : currencyDigits(code);
}

// Symbols and local abbreviations seen on seller pages. "¥" alone means CNY
// here because the Chinese marketplaces are the main target; Japanese pages
// are recognised by "JP¥" or "円".
// A space in a marker may be there or not: "JP ¥3,480" as a page that draws the two apart reads it.
const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US $', 'USD'],
  ['US$', 'USD'],
  ['CN ¥', 'CNY'],
  ['JP ¥', 'JPY'],
  ['NT $', 'TWD'],
  ['HK $', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['MX $', 'MXN'],
  ['CLP $', 'CLP'],
  ['COP $', 'COP'],
  // Not ISO, but Chinese sellers write it constantly.
  ['RMB', 'CNY'],
  ['RM', 'MYR'],
  ['Rp', 'IDR'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['р.', 'RUB'],
  ['₽', 'RUB'],
  ['¥', 'CNY'],
  ['元', 'CNY'],
  ['円', 'JPY'],
  ['₩', 'KRW'],
  // Korean pages write "34,800원"; not the first syllable of a word ("원피스", a dress).
  ['원', 'KRW'],
  ['₫', 'VND'],
  ['đ', 'VND'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['₹', 'INR'],
  ['₺', 'TRY'],
  ['TL', 'TRY'],
  ['zł', 'PLN'],
  ['ر.س', 'SAR'],
  ['ريال', 'SAR'],
  ['د.إ', 'AED'],
  ['درهم', 'AED'],
  ['$', 'USD'],
];

const SYMBOL_CURRENCY = new Map<string, string>(SYMBOLS.map(([s, c]) => [s.replace(/\s+/g, ''), c]));

// Three capital letters are only trusted as a currency when they are a code
// these marketplaces use: the full ISO list contains ordinary words ("ALL",
// "TOP", "CUP", "PEN") that show up in titles next to numbers.
const KNOWN_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'CNY', 'JPY', 'KRW', 'VND', 'IDR', 'MYR', 'THB', 'PHP', 'SGD', 'TWD', 'HKD',
  'BRL', 'RUB', 'AUD', 'CAD', 'NZD', 'MXN', 'INR', 'TRY', 'PLN', 'CHF', 'SEK', 'NOK', 'DKK', 'CZK',
  'HUF', 'ILS', 'AED', 'SAR', 'ZAR', 'UAH', 'KZT', 'CLP', 'COP', 'ARS', 'BDT', 'PKR', 'NGN', 'EGP',
]);

// Letters that glue a marker to a word: "RM" inside "FORM 3" is not ringgit.
const WORD_CHAR = 'A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function markerPattern(): string {
  // Longest first so "US$" wins over "$" and "RMB" over "RM" at one position.
  const alts = [...SYMBOLS]
    .map(([s]) => s)
    .sort((a, b) => b.length - a.length)
    .map((s) => {
      const body = escapeRe(s).replace(/ /g, '\\s?');
      if (s === '원') return `${body}(?![\\uAC00-\\uD7A3])`;
      return new RegExp(`[${WORD_CHAR}]$`, 'u').test(s) ? `${body}(?![${WORD_CHAR}])` : body;
    });
  alts.push(`[A-Z]{3}(?![${WORD_CHAR}])`, `[kK]r\\.?(?![${WORD_CHAR}])`);
  return `(?<![${WORD_CHAR}])(?:${alts.join('|')})`;
}

// Spaces only group digits in threes ("1 234,56"); anything else would merge
// neighbouring numbers like "10 2026". So do apostrophes, as Swiss pages write
// "CHF 1’234.50": read without them, "1" would be the whole amount.
// A number starts at the start of its digits, and a run cut by an apostrophe that groups no three digits ("1'23.50")
// is no number at all: neither "1" nor "23.50" (nor "50") is the amount shown.
const NUMBER = String.raw`(?<!\d|\d[.,'\u2019])(?:\d{1,3}(?:[ \u00A0\u202F\u2009'\u2019]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?!['\u2019]\d)`;
const MINUS = '[-\\u2212\\u2013]';
const MARKER = markerPattern();

const AMOUNT_RE = new RegExp(
  `(?<neg>(?<![\\p{L}\\p{N}])${MINUS}\\s*)?` +
    `(?:(?<pre>${MARKER})\\s*(?<neg2>${MINUS}\\s*)?)?` +
    `(?<num>${NUMBER})` +
    // A marker right before another number belongs to that number ("1 ¥20"), unless that number is followed by the
    // same marker: "١٬٤٣٩٫٠٠ ر.س ١٬٤٨٢٫٠٠ ر.س", "45,80 € 50,00 €" write each amount's currency after it.
    `(?:\\s*(?<suf>${MARKER})(?:(?!\\s*${MINUS}?\\d)|(?=\\s*${MINUS}?${NUMBER}\\s*\\k<suf>(?![\\d.,]))))?`,
  'gu',
);

const WHITE_SPACE_RE = /\s/;

function markerCurrency(marker: string, fallback: string | null): string | null {
  const key = WHITE_SPACE_RE.test(marker) ? marker.replace(/\s+/g, '') : marker;
  const symbol = SYMBOL_CURRENCY.get(key);
  if (symbol) return symbol;
  if (KNOWN_CODES.has(key) || key === fallback) return key;
  return null;
}

const DIGITS_RE = /^\d+$/;
const SOME_DIGITS_RE = /^\d*$/;
const SPACE_GROUP_RE = /[ \u00A0\u202F\u2009'\u2019]/;
const SPACE_GROUPS_RE = /[ \u00A0\u202F\u2009'\u2019]/g;

/**
 * Reads the digits of one amount into minor units. `sepDigits` decides what a
 * lone separator means; `scale` is how many minor digits the result carries.
 */
function toMinor(raw: string, sepDigits: number, scale: number): number | null {
  const hasSpaceGroups = SPACE_GROUP_RE.test(raw);
  const s = hasSpaceGroups ? raw.replace(SPACE_GROUPS_RE, '') : raw;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let intPart = s;
  let frac = '';
  let groupSep: string | null = null;

  if (lastComma >= 0 && lastDot >= 0) {
    const decIdx = Math.max(lastComma, lastDot);
    const decChar = s.charAt(decIdx);
    if (s.indexOf(decChar) !== decIdx) return null;
    intPart = s.slice(0, decIdx);
    frac = s.slice(decIdx + 1);
    groupSep = decChar === ',' ? '.' : ',';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const at = s.indexOf(sep);
    // One separator: the text on either side of it (split without the arrays).
    const single = at === (lastComma >= 0 ? lastComma : lastDot);
    const head = s.slice(0, at);
    const tail = s.slice(at + 1);
    const decimal =
      sepDigits > 0 &&
      single &&
      // A lone separator followed by exactly three digits reads as grouping,
      // unless the integer part could not start a grouped number ("0,123",
      // "1234.567") or spaces already did the grouping ("1 234,567").
      (tail.length !== 3 || head === '0' || head.length > 3 || hasSpaceGroups);
    if (decimal) {
      intPart = head;
      frac = tail;
    } else {
      groupSep = sep;
    }
  }

  if (groupSep !== null) {
    // Groups after the first have three digits; the first one to three (more when spaces grouped).
    const firstSep = intPart.indexOf(groupSep);
    if (firstSep >= 0) {
      if (firstSep < 1 || (firstSep > 3 && !hasSpaceGroups)) return null;
      let joined = intPart.slice(0, firstSep);
      for (let at = firstSep; at >= 0; ) {
        const next = intPart.indexOf(groupSep, at + 1);
        const end = next < 0 ? intPart.length : next;
        if (end - at - 1 !== 3) return null;
        joined += intPart.slice(at + 1, end);
        at = next;
      }
      intPart = joined;
    }
  }
  if (!DIGITS_RE.test(intPart) || !SOME_DIGITS_RE.test(frac)) return null;

  // Integer arithmetic on the digit strings: float multiplication would turn
  // "0.29" into 28.999999999999996 fen.
  const kept = frac.slice(0, scale).padEnd(scale, '0');
  const roundUp = (frac.charAt(scale) || '0') >= '5'; // amounts are never negative, so half-up is half-away
  const digits = intPart + kept;
  // Up to 15 digits is exact as a double; BigInt only for the rare longer ones.
  if (digits.length <= 15) return Number(digits) + (roundUp ? 1 : 0);
  const minor = BigInt(digits) + (roundUp ? 1n : 0n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(minor);
}

const ANY_DIGIT_RE = /\d/;

function build(num: string, currency: string): Money | null {
  const minor = toMinor(num, separatorDigits(currency), currencyDigits(currency));
  return minor === null ? null : { minor, currency };
}

// A currency's code right after an amount ("$867.40 MXN").
const CODE_AFTER = /^\s?([A-Z]{3})(?![A-Za-z])/;

/** Three capitals written right after the number of an amount AMOUNT_RE matched with a marker before it, else right after the match. */
function codeAfter(m: RegExpExecArray, src: string): string | undefined {
  const g = m.groups ?? {};
  return (g.pre !== undefined ? g.suf : undefined) ?? CODE_AFTER.exec(src.slice((m.index ?? 0) + m[0].length))?.[1];
}

/** The code written right after an amount marked with a bare "$" or "¥" ("$867.40 MXN"), if any. */
function signCode(m: RegExpExecArray, src: string): string | undefined {
  const pre = m.groups?.pre;
  if (pre !== '$' && pre !== '¥') return undefined;
  const code = codeAfter(m, src);
  return code !== undefined && KNOWN_CODES.has(code) ? code : undefined;
}

const KRONA = /^[kK]r\.?$/;
const KRONA_CODES = /^(?:SEK|NOK|DKK|ISK)$/;

/**
 * The currency of an amount AMOUNT_RE matched with a marker: the marker's, unless it is a bare sign that several
 * currencies use with a currency's code right after the amount ("$867.40 MXN", "¥1,280 JPY"): the code says which
 * (`code`: signCode's answer, when the caller has it already).
 */
function amountCurrency(m: RegExpExecArray, src: string, fallback: string | null, code = signCode(m, src)): string | null {
  if (code !== undefined) return code;
  const g = m.groups ?? {};
  const marker = (g.pre ?? g.suf) as string;
  // "kr" is the Swedish, Norwegian, Danish and Icelandic crown alike: only a code beside it says which ("kr 437,00
  // NOK", "349,00 kr SEK"); alone it names no currency, and the amount is not read as a bare number either.
  if (KRONA.test(marker)) {
    const krona = codeAfter(m, src);
    return krona !== undefined && KRONA_CODES.test(krona) ? krona : null;
  }
  return markerCurrency(marker, fallback);
}

/**
 * Whether a number in `text` has digits the page's style sheet draws (U+FFFD where spacedText met them, see
 * drawnText): its value is not in the text, and no amount of the text can be trusted to be whole.
 */
function unseenDigits(src: string): boolean {
  return src.includes('\ufffd') && /\d\ufffd|\ufffd[\d.,]/.test(src);
}

/**
 * Whether the amount `m` found in `src` has its cents cut off by a space ("R$ 45, 90", a translator's spacing): a
 * whole number with its currency before a point or comma, one space and two digits. Neither "R$ 45" nor a guess is
 * its value.
 */
function cutCents(m: RegExpExecArray, src: string): boolean {
  const num = m.groups?.num ?? '';
  // A bare number is no amount to cut ("Dec 5, 2026, 18:02").
  if ((m.groups?.pre ?? m.groups?.suf) === undefined || /[.,]\d{1,2}$/.test(num)) return false;
  // A point or comma and a space right after it, asked first: the test reads only the few characters after them (a
  // copy of the text's rest per amount would cost every parse).
  const end = m.index + m[0].length;
  const mark = src.charCodeAt(end);
  return (mark === 46 || mark === 44) && src.charCodeAt(end + 1) === 32 && /^\d{2}(?![\d.,])/.test(src.slice(end + 2, end + 5));
}

/**
 * Reads the first amount in `text`. An amount with a currency marker wins over
 * an earlier bare number; a bare number is only used when `defaultCurrency` is
 * given. Returns null for anything unreadable, negative or beyond
 * Number.MAX_SAFE_INTEGER minor units.
 */
export function parseMoney(text: string, defaultCurrency?: string): Money | null {
  if (typeof text !== 'string' || text === '') return null;
  // NFKC folds full-width digits and "￥" and turns no-break spaces into plain ones. Text made only of
  // characters NFKC leaves alone (ASCII, ¥ £ € ₫ ₽, Cyrillic, CJK ideographs) skips the pass: most rows.
  const src = nfkc(text);
  // Every amount has a digit: text without one (a buyer's name, a label) has none to read.
  if (!ANY_DIGIT_RE.test(src) || unseenDigits(src)) return null;
  const fallbackCode = defaultCurrency?.trim().toUpperCase();
  const fallback = fallbackCode && CODE_RE.test(fallbackCode) ? fallbackCode : null;

  let bare: { num: string; negative: boolean } | null = null;
  // exec on the shared regexp rather than matchAll, which clones it per call; no match is empty.
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(src); m !== null; m = AMOUNT_RE.exec(src)) {
    const g = m.groups ?? {};
    const num = g.num;
    if (num === undefined) continue;
    if (cutCents(m, src)) return null;
    if (writtenShort(m, src)) continue;
    const negative = g.neg !== undefined || g.neg2 !== undefined;
    const marker = g.pre ?? g.suf;
    if (marker !== undefined) {
      const currency = amountCurrency(m, src, fallback);
      // Three capitals that are not a currency ("SKU 123") label something else.
      if (currency === null) continue;
      return negative ? null : build(num, currency);
    }
    if (bare === null) {
      const start = m.index ?? 0;
      const before = src.charAt(start - 1);
      const after = src.charAt(start + m[0].length);
      // Digits glued to Latin letters are identifiers ("A123", "3pcs"), not prices.
      if (!/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(after)) bare = { num, negative };
    }
  }
  if (bare === null || fallback === null || bare.negative) return null;
  return build(bare.num, fallback);
}

const FORMAT_SYMBOLS: Readonly<Record<string, string>> = {
  CNY: '¥',
  USD: 'US$',
  EUR: '€',
  GBP: '£',
  BRL: 'R$',
  RUB: '₽',
  VND: '₫',
  MYR: 'RM',
  JPY: 'JP¥',
};

/** "¥1,280.00", "US$23.50", "JP¥1,200", "IDR 150,000". en-US grouping so output does not depend on the user's locale. */
export function formatMoney(m: Money): string {
  const code = m.currency.trim().toUpperCase();
  const prefix = FORMAT_SYMBOLS[code] ?? `${code} `;
  // A placeholder beats "¥NaN" in a message the seller is about to send.
  if (!Number.isFinite(m.minor)) return '—';
  const digits = currencyDigits(code);
  // BigInt keeps every digit of large values where String(n) would switch to exponent form.
  const abs = BigInt(Math.abs(Math.round(m.minor)));
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  const sign = m.minor < 0 && abs !== 0n ? '-' : '';
  return `${sign}${prefix}${whole}${frac}`;
}

/** Totals per currency (never converted), sorted by currency code. */
export function sumByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const a of amounts) {
    const code = a.currency.trim().toUpperCase();
    totals.set(code, (totals.get(code) ?? 0) + a.minor);
  }
  return [...totals.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((currency) => ({ currency, minor: totals.get(currency) ?? 0 }));
}

/**
 * The first amount in `text` if it is in `currency` (a bare number counts as
 * one), or null: on a marketplace that only sells in one currency, "$5" in the
 * total column is not a total to store under any currency.
 */
export function parseMoneyIn(text: string, currency: string): Money | null {
  const money = parseMoney(text, currency);
  return money && money.currency === currency ? money : null;
}

// A magnitude right after an amount's digits: thousands, ten thousands, millions, billions, in the back-offices'
// languages ("k", "万", "tr"/"triệu" and "N"/"nghìn" in Vietnamese, "jt"/"juta" and "rb"/"ribu" in Indonesian and
// Malay, "mil", "mio", "млн"); a letter must end there ("12.8 kg" is a weight, never "k").
const MAGNITUDE_AFTER = /^(?:[.,]\d{1,2})?\s?(?:[kKMB](?![\p{L}])|千|万|萬|亿|億|(?:tr|triệu|nghìn|ngàn|N|jt|juta|rb|ribu|mil|mio|mln|mn|bn|тыс|млн|млрд)(?![\p{L}]))/u;

/** Whether the amount `m` matched in `src` has a magnitude right after its digits (see MAGNITUDE_AFTER). */
function writtenShort(m: RegExpExecArray, src: string): boolean {
  const end = (m.index ?? 0) + m[0].length;
  return MAGNITUDE_AFTER.test(src.slice(end, end + 8));
}

/**
 * Every amount in `text`, in order: each one parseMoney would accept on its
 * own (a marked amount, or a bare number when `defaultCurrency` is given).
 * Adapters use it to refuse a cell that shows more than one amount rather
 * than guess which of them is the order total.
 */
export function parseMoneyAll(text: string, defaultCurrency?: string): Money[] {
  if (typeof text !== 'string' || text === '') return [];
  const src = nfkc(text);
  if (!ANY_DIGIT_RE.test(src) || unseenDigits(src)) return [];
  const fallbackCode = defaultCurrency?.trim().toUpperCase();
  const fallback = fallbackCode && CODE_RE.test(fallbackCode) ? fallbackCode : null;
  const found: Money[] = [];
  // The amounts read with a bare "$" or "¥" as its usual currency, and the codes other amounts with that sign name.
  let plain: Array<{ index: number; num: string; sign: string }> | undefined;
  let named: Map<string, string | null> | undefined;
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(src); m !== null; m = AMOUNT_RE.exec(src)) {
    const g = m.groups ?? {};
    if (g.num === undefined || g.neg !== undefined || g.neg2 !== undefined) continue;
    if (cutCents(m, src)) return [];
    // An amount written short with its magnitude after it ("US$ 12.8k", "¥1.28万", "₫1,2 tr", "Rp1,2jt") is no
    // amount to read at face value: the exact one is elsewhere, or none is read.
    if (writtenShort(m, src)) continue;
    const marker = g.pre ?? g.suf;
    let currency: string | null;
    if (marker !== undefined) {
      const code = signCode(m, src);
      currency = amountCurrency(m, src, fallback, code);
      if ((marker === '$' || marker === '¥') && currency !== null) {
        if (code === undefined) (plain ??= []).push({ index: found.length, num: g.num, sign: marker });
        else {
          named ??= new Map();
          // Two codes for one sign ("$ MXN", "$ USD"): neither is the text's.
          named.set(marker, named.has(marker) && named.get(marker) !== code ? null : code);
        }
      }
    } else {
      const start = m.index ?? 0;
      const glued = /[A-Za-z]/.test(src.charAt(start - 1)) || /[A-Za-z]/.test(src.charAt(start + m[0].length));
      currency = glued ? null : fallback;
    }
    if (currency === null) continue;
    const money = build(g.num, currency);
    if (money) found.push(money);
    else if (plain?.at(-1)?.index === found.length) plain.pop();
  }
  // A text that names a bare sign's currency once ("¥3,880 JPY … 商品小計 ¥3,280"): its other amounts with that sign
  // are in that currency too.
  if (plain && named) {
    for (const { index, num, sign } of plain) {
      const code = named.get(sign);
      const money = code ? build(num, code) : null;
      if (money) found[index] = money;
    }
  }
  return found;
}
