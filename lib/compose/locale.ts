// Money, dates, durations and counts written the way the buyer's market
// writes them: R$ 1.280,00 for Brazil, 1 280,00 ₽ for Russia, NT$1,280 for
// Taiwan. Pure: Intl and date-fns only.
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { enUS, es, ptBR, ru, zhCN, zhTW } from 'date-fns/locale';
import type { Money } from '../orders/money';
import { currencyDigits } from '../orders/money';
import { DAY_MS, HOUR_MS, MINUTE_MS, zoneOffsetMinutes } from '../orders/time';
import type { Language } from './model';

/** The BCP 47 locale a message language is written in. es is neutral Latin-American Spanish. */
export const MESSAGE_LOCALE: Readonly<Record<Language, string>> = {
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  // World English writes "US$5,000.00", which a buyer outside the US can read.
  en: 'en-001',
  ru: 'ru-RU',
  pt: 'pt-BR',
  es: 'es-419',
};

const DATE_LOCALE: Readonly<Record<Language, Locale>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS, ru, pt: ptBR, es };

// es-419 writes every currency as its ISO code ("MXN 1,280.00"); a Mexican,
// Colombian or Chilean buyer reads their own peso as "$1,280.00", so a peso
// is written the way its own country writes it.
const SPANISH_HOME: Readonly<Record<string, string>> = {
  MXN: 'es-MX',
  COP: 'es-CO',
  CLP: 'es-CL',
  ARS: 'es-AR',
  PEN: 'es-PE',
  UYU: 'es-UY',
};

// Taiwan prices are whole dollars: "NT$1,280", never "NT$1,280.00".
const WHOLE_UNITS: ReadonlySet<string> = new Set(['TWD']);

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}\u0000${whole}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * An amount in the message language's locale with the order's currency, or
 * undefined when it cannot be written (not finite, not an ISO code).
 */
export function formatAmount(m: Money, language: Language): string | undefined {
  if (!Number.isFinite(m.minor)) return undefined;
  const currency = m.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  const digits = currencyDigits(currency);
  const value = Math.round(m.minor) / 10 ** digits;
  const locale = language === 'es' ? (SPANISH_HOME[currency] ?? MESSAGE_LOCALE.es) : MESSAGE_LOCALE[language];
  const whole = WHOLE_UNITS.has(currency) && Number.isInteger(value);
  try {
    const parts = moneyFormat(locale, currency, whole).formatToParts(value);
    // zh-TW writes its own dollar as a bare "$"; in a message it must say which dollar.
    return parts.map((p) => (p.type === 'currency' && p.value === '$' && currency === 'TWD' ? 'NT$' : p.value)).join('');
  } catch {
    return undefined;
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of n in the message language ("one", "few", "many", "other"). */
export function pluralOf(n: number, language: Language): Intl.LDMLPluralRule {
  const locale = MESSAGE_LOCALE[language];
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The word for n in its plural form; a category a language lacks falls back to "other". */
export function plural(n: number, language: Language, forms: Forms): string {
  return forms[pluralOf(n, language)] ?? forms.other;
}

type Unit = 'day' | 'hour' | 'minute' | 'item';

// Russian forms are the accusative, the case after "через" and "ещё",
// which is how every Russian template uses {{timeLeft}}.
const UNIT_WORDS: Readonly<Record<Exclude<Language, 'zh-CN' | 'zh-TW'>, Record<Unit, Forms>>> = {
  en: {
    day: { one: 'day', other: 'days' },
    hour: { one: 'hour', other: 'hours' },
    minute: { one: 'minute', other: 'minutes' },
    item: { one: 'other item', other: 'other items' },
  },
  ru: {
    day: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
    hour: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    minute: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
    item: { one: 'товар', few: 'товара', many: 'товаров', other: 'товара' },
  },
  pt: {
    day: { one: 'dia', other: 'dias' },
    hour: { one: 'hora', other: 'horas' },
    minute: { one: 'minuto', other: 'minutos' },
    item: { one: 'item', other: 'itens' },
  },
  es: {
    day: { one: 'día', other: 'días' },
    hour: { one: 'hora', other: 'horas' },
    minute: { one: 'minuto', other: 'minutos' },
    item: { one: 'artículo', other: 'artículos' },
  },
};

const ZH_UNITS: Readonly<Record<'zh-CN' | 'zh-TW', Record<Exclude<Unit, 'item'>, string>>> = {
  'zh-CN': { day: '天', hour: '小时', minute: '分钟' },
  'zh-TW': { day: '天', hour: '小時', minute: '分鐘' },
};

function counted(n: number, unit: Unit, language: Language): string {
  if (language === 'zh-CN' || language === 'zh-TW') return `${n}${ZH_UNITS[language][unit as Exclude<Unit, 'item'>]}`;
  return `${n} ${plural(n, language, UNIT_WORDS[language][unit])}`;
}

/**
 * Under a minute, in a form that reads right after the word each template
 * puts before {{timeLeft}}: "in less than a minute", "через считаные секунды",
 * "em menos de um minuto", "不到1分钟后".
 */
export const UNDER_A_MINUTE: Readonly<Record<Language, string>> = {
  'zh-CN': '不到1分钟',
  'zh-TW': '不到1分鐘',
  en: 'less than a minute',
  ru: 'считаные секунды',
  pt: 'menos de um minuto',
  es: 'menos de un minuto',
};

const AND: Readonly<Record<Language, string>> = { 'zh-CN': '', 'zh-TW': '', en: ' and ', ru: ' ', pt: ' e ', es: ' y ' };

/** Time left in words, rounded down like a countdown; undefined once passed. */
export function formatTimeLeft(ms: number, language: Language): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  if (ms < MINUTE_MS) return UNDER_A_MINUTE[language];
  const d = Math.floor(ms / DAY_MS);
  const h = Math.floor((ms % DAY_MS) / HOUR_MS);
  const m = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  const [major, minor]: [string, string | undefined] =
    d > 0
      ? [counted(d, 'day', language), h > 0 ? counted(h, 'hour', language) : undefined]
      : h > 0
        ? [counted(h, 'hour', language), m > 0 ? counted(m, 'minute', language) : undefined]
        : [counted(m, 'minute', language), undefined];
  // Chinese writes "5小时30分", the minute unit shortened after hours.
  const tail = minor !== undefined && language.startsWith('zh') && h > 0 && d === 0 ? minor.replace(/分[钟鐘]$/, '分') : minor;
  return tail === undefined ? major : `${major}${AND[language]}${tail}`;
}

/** "and 2 other items" and its kin, for an order of more than one line. */
export function othersPhrase(title: string, count: number, language: Language): string {
  const others = count - 1;
  switch (language) {
    case 'zh-CN':
      return `${title}等${count}件宝贝`;
    case 'zh-TW':
      return `${title}等${count}件商品`;
    case 'en':
      return `${title} and ${others} ${plural(others, 'en', UNIT_WORDS.en.item)}`;
    case 'ru':
      return `${title} и ещё ${others} ${plural(others, 'ru', UNIT_WORDS.ru.item)}`;
    case 'pt':
      return `${title} e mais ${others} ${plural(others, 'pt', UNIT_WORDS.pt.item)}`;
    case 'es':
      return `${title} y ${others} ${plural(others, 'es', UNIT_WORDS.es.item)} más`;
  }
}

export interface Zone {
  /** IANA zone; wins over utcOffsetMinutes. */
  timeZone?: string | undefined;
  /** Fixed offset east of UTC when no zone name is known. */
  utcOffsetMinutes?: number | undefined;
}

/** Chinese seller pages and buyers work in China time unless told otherwise. */
export const DEFAULT_CHINESE_ZONE = 'Asia/Shanghai';

function offsetOf(at: number, zone: Zone): number | undefined {
  if (zone.timeZone !== undefined) {
    const named = zoneOffsetMinutes(zone.timeZone, at);
    return named === null ? undefined : named;
  }
  return Math.round(zone.utcOffsetMinutes ?? 0);
}

function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

// The zone's own name in the buyer's language ("hora padrão da China",
// "Китай, стандартное время"), else its UTC offset.
function zoneName(at: number, zone: Zone, offset: number, language: Language): string {
  if (zone.timeZone !== undefined) {
    try {
      const name = new Intl.DateTimeFormat(MESSAGE_LOCALE[language], { timeZone: zone.timeZone, timeZoneName: 'long' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      // Runtimes without zone names answer "GMT+08:00"; the offset reads better then.
      const comma = language.startsWith('zh') ? '，' : ', ';
      if (name && !/^(GMT|UTC)/.test(name)) return `${name}${comma}${offsetLabel(offset)}`;
    } catch {
      // An unknown zone falls through to the bare offset.
    }
  }
  return offsetLabel(offset);
}

const DEADLINE_PATTERN: Readonly<Record<Language, string>> = {
  'zh-CN': 'M月d日 HH:mm',
  'zh-TW': 'M月d日 HH:mm',
  en: 'MMM d, HH:mm',
  ru: "d MMMM 'в' HH:mm",
  pt: "d 'de' MMMM 'às' HH:mm",
  es: "d 'de' MMMM 'a las' HH:mm",
};

/**
 * The auto-close moment as wall time in the seller's zone, written with
 * date-fns in the buyer's language. The zone is named unless it is the
 * buyer's own: a Chinese buyer reads China time unlabelled; a buyer whose
 * zone we do not know always gets it named.
 */
export function formatDeadline(at: number, language: Language, zone: Zone = {}, buyerZone?: Zone): string | undefined {
  if (!Number.isFinite(at)) return undefined;
  const chinese = language === 'zh-CN' || language === 'zh-TW';
  const seller = zone.timeZone === undefined && zone.utcOffsetMinutes === undefined && chinese ? { timeZone: DEFAULT_CHINESE_ZONE } : zone;
  const offset = offsetOf(at, seller);
  if (offset === undefined) return undefined;
  // date-fns formats a Date's local fields: build one whose local fields are
  // the seller's wall clock. A wall time that falls in the runtime's own DST
  // gap moves by an hour, so it is checked and rebuilt from UTC fields.
  const wall = new Date(at + offset * MINUTE_MS);
  let local = new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes());
  if (local.getHours() !== wall.getUTCHours()) local = new Date(local.getTime() + (wall.getUTCHours() - local.getHours()) * HOUR_MS);
  const text = format(local, DEADLINE_PATTERN[language], { locale: DATE_LOCALE[language] });
  const buyer = buyerZone ?? (chinese ? { timeZone: DEFAULT_CHINESE_ZONE } : undefined);
  const buyerOffset = buyer === undefined ? undefined : offsetOf(at, buyer);
  if (buyerOffset === offset) return text;
  const name = zoneName(at, seller, offset, language);
  return chinese ? `${text}（${name}）` : `${text} (${name})`;
}

const DAY_PATTERN: Readonly<Record<Language, string>> = {
  'zh-CN': 'yyyy年M月d日',
  'zh-TW': 'yyyy年M月d日',
  en: 'd MMMM yyyy',
  ru: "d MMMM yyyy 'г.'",
  pt: "d 'de' MMMM 'de' yyyy",
  es: "d 'de' MMMM 'de' yyyy",
};

/**
 * The calendar day of `at` in `timeZone`, written out in full the way a
 * business letter in that language dates things ("26 November 2026",
 * "26 ноября 2026 г.", "26 de novembro de 2026", "2026年11月26日"). The zone
 * is not named here: the sentence around it says which one it is.
 */
export function formatLongDate(at: number, language: Language, timeZone: string = DEFAULT_CHINESE_ZONE): string | undefined {
  if (!Number.isFinite(at)) return undefined;
  const offset = zoneOffsetMinutes(timeZone, at);
  if (offset === null) return undefined;
  const wall = new Date(at + offset * MINUTE_MS);
  // Noon of that day as a local Date: date-fns reads local fields, and noon is clear of any DST gap.
  const local = new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), 12);
  return format(local, DAY_PATTERN[language], { locale: DATE_LOCALE[language] });
}
