// Turning an order into the values a template may use, in the template's
// language, and filling a template with them. Pure: Intl only.
import type { Order } from '../orders/model';
import { formatMoney } from '../orders/money';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatDurationZh, zoneOffsetMinutes } from '../orders/time';
import type { ComposeChannel, Language, Variable } from './model';

/** Values the person supplies (panel or settings); the rest comes from the order. */
export interface ExtraVars {
  shop?: string | undefined;
  seller?: string | undefined;
  coupon?: string | undefined;
  gift?: string | undefined;
  orderLink?: string | undefined;
}

export interface VariableOptions {
  language?: Language | undefined;
  channel?: ComposeChannel | undefined;
  /** IANA zone the seller works in, for {{deadline}}. Wins over utcOffsetMinutes. */
  timeZone?: string | undefined;
  /** Fixed offset east of UTC when no zone name is known. */
  utcOffsetMinutes?: number | undefined;
  vars?: ExtraVars | undefined;
}

export type Vars = Partial<Record<Variable, string | undefined>>;

// Characters of the item title kept, by script: Chinese packs more into each.
// An SMS is paid per 70 Chinese (160 Latin) characters, so it keeps fewer.
const ITEM_TITLE_MAX = { cjk: 24, latin: 40 } as const;
const ITEM_TITLE_MAX_SMS = { cjk: 12, latin: 20 } as const;

/** Chinese seller pages and buyers work in China time unless told otherwise. */
export const DEFAULT_CHINESE_ZONE = 'Asia/Shanghai';

function shorten(title: string, max: number, words: boolean): string {
  const chars = [...title];
  if (chars.length <= max) return title;
  let cut = chars.slice(0, max).join('');
  // Latin titles are cut between words ("…charging case…", not "…cha…").
  const space = cut.search(/\s\S*$/);
  if (words && space > max / 2) cut = cut.slice(0, space).replace(/[\s,;:/|+-]+$/u, '');
  return `${cut}…`;
}

// Slavic plural: 1 товар, 2 товара, 5 товаров (11–14 take the "many" form).
function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

function itemPhrase(order: Order, language: Language, sms: boolean): string | undefined {
  const first = order.items[0]?.title.trim();
  if (!first) return undefined;
  // Chinese titles are long runs without spaces and get the shorter limit,
  // whatever language the message is in; spaced titles are cut between words.
  const latin = /\s/.test(first) && !/\p{Script=Han}/u.test(first);
  const limits = sms ? ITEM_TITLE_MAX_SMS : ITEM_TITLE_MAX;
  const title = shorten(first, latin ? limits.latin : limits.cjk, latin);
  const count = order.items.length;
  if (count <= 1) return title;
  const others = count - 1;
  switch (language) {
    case 'zh-CN':
      return `${title}等${count}件宝贝`;
    case 'zh-TW':
      return `${title}等${count}件商品`;
    case 'en':
      return `${title} and ${others} other item${others === 1 ? '' : 's'}`;
    case 'ru':
      return `${title} и ещё ${others} ${ruPlural(others, 'товар', 'товара', 'товаров')}`;
    case 'pt':
      return `${title} e mais ${others} ${others === 1 ? 'item' : 'itens'}`;
    case 'es':
      return `${title} y ${others} ${others === 1 ? 'artículo' : 'artículos'} más`;
  }
}

/**
 * Time left in words, rounded down like a countdown; undefined once passed.
 * Russian is in the accusative ("ещё 21 минуту"), which is how templates use it.
 */
export function formatTimeLeft(ms: number, language: Language): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  if (language === 'zh-CN') return formatDurationZh(ms);
  const d = Math.floor(ms / DAY_MS);
  const h = Math.floor((ms % DAY_MS) / HOUR_MS);
  const m = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  const parts: [number, number] = d > 0 ? [d, h] : h > 0 ? [h, m] : [m, 0];
  const unit = d > 0 ? 'd' : h > 0 ? 'h' : 'm';
  const minor = d > 0 ? 'h' : 'm';
  if (ms < MINUTE_MS) {
    return { 'zh-TW': '不到1分鐘', en: 'less than a minute', ru: 'минуту', pt: 'menos de um minuto', es: 'menos de un minuto' }[language];
  }
  const word = (n: number, u: string): string => {
    switch (language) {
      case 'zh-TW':
        return `${n}${u === 'd' ? '天' : u === 'h' ? '小時' : unit === 'm' ? '分鐘' : '分'}`;
      case 'en':
        return `${n} ${u === 'd' ? 'day' : u === 'h' ? 'hour' : 'minute'}${n === 1 ? '' : 's'}`;
      case 'ru':
        return `${n} ${u === 'd' ? ruPlural(n, 'день', 'дня', 'дней') : u === 'h' ? ruPlural(n, 'час', 'часа', 'часов') : ruPlural(n, 'минуту', 'минуты', 'минут')}`;
      case 'pt':
        return `${n} ${u === 'd' ? (n === 1 ? 'dia' : 'dias') : u === 'h' ? (n === 1 ? 'hora' : 'horas') : n === 1 ? 'minuto' : 'minutos'}`;
      default:
        return `${n} ${u === 'd' ? (n === 1 ? 'día' : 'días') : u === 'h' ? (n === 1 ? 'hora' : 'horas') : n === 1 ? 'minuto' : 'minutos'}`;
    }
  };
  const [major, rest] = parts;
  const head = word(major, unit);
  if (rest === 0 || unit === 'm') return head;
  const tail = word(rest, minor);
  const join = { 'zh-TW': '', en: ' and ', ru: ' ', pt: ' e ', es: ' y ' }[language];
  return `${head}${join}${tail}`;
}

interface WallTime {
  month: number;
  day: number;
  hour: number;
  minute: number;
  offsetMinutes: number;
}

/** Wall clock at `at` in an IANA zone (DST from the runtime's tz data) or at a fixed offset. */
export function wallTime(at: number, zone: { timeZone?: string | undefined; utcOffsetMinutes?: number | undefined }): WallTime | undefined {
  if (!Number.isFinite(at)) return undefined;
  const named = zone.timeZone === undefined ? undefined : zoneOffsetMinutes(zone.timeZone, at);
  if (named === null) return undefined; // unknown zone name
  const offsetMinutes = named ?? Math.round(zone.utcOffsetMinutes ?? 0);
  const d = new Date(at + offsetMinutes * MINUTE_MS);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), offsetMinutes };
}

function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The auto-close moment as wall time in the seller's zone: "11月25日 14:00"
 * for Chinese (China time unless another zone is given, then labelled),
 * "Nov 25, 14:00 (UTC+8)" and the like elsewhere, because a cross-border
 * buyer lives in another zone and needs the offset to read it.
 */
export function formatDeadline(
  at: number,
  language: Language,
  zone: { timeZone?: string | undefined; utcOffsetMinutes?: number | undefined } = {},
): string | undefined {
  const chinese = language === 'zh-CN' || language === 'zh-TW';
  const resolved = zone.timeZone === undefined && zone.utcOffsetMinutes === undefined && chinese ? { timeZone: DEFAULT_CHINESE_ZONE } : zone;
  const w = wallTime(at, resolved);
  if (!w) return undefined;
  const clock = `${pad(w.hour)}:${pad(w.minute)}`;
  const label = offsetLabel(w.offsetMinutes);
  switch (language) {
    case 'zh-CN':
    case 'zh-TW':
      return `${w.month}月${w.day}日 ${clock}${w.offsetMinutes === 480 ? '' : `（${label}）`}`;
    case 'en':
      return `${EN_MONTHS[w.month - 1]} ${w.day}, ${clock} (${label})`;
    case 'ru':
      return `${pad(w.day)}.${pad(w.month)} в ${clock} (${label})`;
    case 'pt':
      return `${pad(w.day)}/${pad(w.month)} às ${clock} (${label})`;
    case 'es':
      return `${pad(w.day)}/${pad(w.month)} a las ${clock} (${label})`;
  }
}

const clean = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v ? v : undefined;
};

/** The values a template may use; a missing one means "cannot fill". */
export function variablesFor(order: Order, now: number, options: VariableOptions = {}): Vars {
  const language = options.language ?? 'zh-CN';
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - now;
  const open = left !== undefined && left > 0;
  const extra = options.vars ?? {};
  return {
    buyer: clean(order.buyer.displayName) ?? clean(order.buyer.nick),
    item: itemPhrase(order, language, options.channel === 'sms'),
    sku: clean(order.items[0]?.sku),
    amount: Number.isFinite(order.amount.minor) ? formatMoney(order.amount) : undefined,
    currency: clean(order.amount.currency),
    orderId: clean(order.orderId),
    orderLink: clean(extra.orderLink),
    deadline: open ? formatDeadline(order.autoCloseAt!, language, options) : undefined,
    timeLeft: open ? formatTimeLeft(left, language) : undefined,
    shop: clean(extra.shop),
    coupon: clean(extra.coupon),
    gift: clean(extra.gift),
    seller: clean(extra.seller),
  };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The placeholders of `body` that `vars` cannot fill. */
export function missingIn(body: string, vars: Readonly<Record<string, string | undefined>>): string[] {
  const missing: string[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (vars[name] === undefined && !missing.includes(name)) missing.push(name);
  }
  return missing;
}

/** Fills a template, or returns undefined when any placeholder has no value. */
export function fill(body: string, vars: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  // One pass: a value that itself contains "{{x}}" is left as written.
  const text = body.replace(PLACEHOLDER, (_m, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}
