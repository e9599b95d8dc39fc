// Turning an order into the values a template may use, in the template's
// language, and filling a template with them. Pure: Intl only.
import type { Order } from '../orders/model';
import { formatAmount, formatDeadline, formatTimeLeft, othersPhrase, type Zone } from './locale';
import { OPTIONAL_SEGMENT_RE, type ComposeChannel, type Language, type Variable } from './model';

export { DEFAULT_CHINESE_ZONE, formatDeadline, formatTimeLeft } from './locale';

/** Values the person supplies (panel or settings); the rest comes from the order. */
export interface ExtraVars {
  /** What the person typed when the page gave no readable item title. */
  item?: string | undefined;
  shop?: string | undefined;
  seller?: string | undefined;
  coupon?: string | undefined;
  gift?: string | undefined;
  orderLink?: string | undefined;
  /** Shop fact: orders paid before this time ("16:00") ship the same day. */
  cutoff?: string | undefined;
  /** Shop fact: the return policy as the seller words it ("7天无理由退货"). */
  returns?: string | undefined;
}

export interface VariableOptions {
  language?: Language | undefined;
  channel?: ComposeChannel | undefined;
  /** IANA zone the seller works in, for {{deadline}}. Wins over utcOffsetMinutes. */
  timeZone?: string | undefined;
  /** Fixed offset east of UTC when no zone name is known. */
  utcOffsetMinutes?: number | undefined;
  /** The buyer's zone when known: a deadline in it is not labelled. */
  buyerZone?: Zone | undefined;
  vars?: ExtraVars | undefined;
}

export type Vars = Partial<Record<Variable, string | undefined>>;

// Characters of the item title kept, by script: Chinese packs more into each.
// An SMS is paid per 70 Chinese (160 Latin) characters, so it keeps fewer.
const ITEM_TITLE_MAX = { cjk: 24, latin: 40 } as const;
const ITEM_TITLE_MAX_SMS = { cjk: 12, latin: 20 } as const;


function shorten(title: string, max: number, words: boolean): string {
  const chars = [...title];
  if (chars.length <= max) return title;
  let cut = chars.slice(0, max).join('');
  // Latin titles are cut between words ("…charging case…", not "…cha…").
  const space = cut.search(/\s\S*$/);
  if (words && space > max / 2) cut = cut.slice(0, space).replace(/[\s,;:/|+-]+$/u, '');
  return `${cut}…`;
}

function itemPhrase(order: Order, language: Language, sms: boolean): string | undefined {
  const first = order.items[0]?.title.trim();
  if (!first) return undefined;
  // Chinese titles are long runs without spaces and get the shorter limit,
  // whatever language the message is in; spaced titles are cut between words.
  const latin = /\s/.test(first) && !/\p{Script=Han}/u.test(first);
  const limits = sms ? ITEM_TITLE_MAX_SMS : ITEM_TITLE_MAX;
  const title = shorten(first, latin ? limits.latin : limits.cjk, latin);
  return order.items.length <= 1 ? title : othersPhrase(title, order.items.length, language);
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
    item: itemPhrase(order, language, options.channel === 'sms') ?? clean(extra.item),
    sku: clean(order.items[0]?.sku),
    amount: formatAmount(order.amount, language),
    currency: clean(order.amount.currency),
    orderId: clean(order.orderId),
    orderLink: clean(extra.orderLink),
    deadline: open ? formatDeadline(order.autoCloseAt!, language, options, options.buyerZone) : undefined,
    timeLeft: open ? formatTimeLeft(left, language) : undefined,
    shop: clean(extra.shop),
    coupon: clean(extra.coupon),
    gift: clean(extra.gift),
    seller: clean(extra.seller),
    cutoff: clean(extra.cutoff),
    returns: clean(extra.returns),
  };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

const has = (vars: Readonly<Record<string, string | undefined>>, name: string) =>
  Object.hasOwn(vars, name) && vars[name] !== undefined;

/** The body with each optional [[ … ]] part kept (brackets removed) when all its variables have values, else dropped whole. */
function resolveOptional(body: string, vars: Readonly<Record<string, string | undefined>>): string {
  return body.replace(OPTIONAL_SEGMENT_RE, (_m, inner: string) => {
    for (const m of inner.matchAll(PLACEHOLDER)) if (!has(vars, m[1]!)) return '';
    return inner;
  });
}

/** The placeholders of `body` that `vars` cannot fill and that no optional part may drop. */
export function missingIn(body: string, vars: Readonly<Record<string, string | undefined>>): string[] {
  const missing: string[] = [];
  for (const m of body.replace(OPTIONAL_SEGMENT_RE, '').matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!has(vars, name) && !missing.includes(name)) missing.push(name);
  }
  return missing;
}

/** Variables in optional parts that have no value: filling them would add a clause. */
export function optionalMissingIn(body: string, vars: Readonly<Record<string, string | undefined>>): string[] {
  const missing: string[] = [];
  for (const seg of body.matchAll(OPTIONAL_SEGMENT_RE)) {
    for (const m of seg[1]!.matchAll(PLACEHOLDER)) if (!has(vars, m[1]!) && !missing.includes(m[1]!)) missing.push(m[1]!);
  }
  return missing;
}

/**
 * Fills a template, or returns undefined when a required placeholder has no
 * value. An optional part whose variables are not all known is dropped
 * whole, with the spaces it leaves behind.
 */
export function fill(body: string, vars: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const dropped = resolveOptional(body, vars);
  // Tidy only the template's own text, never a value the page gave.
  const resolved = dropped === body ? body : dropped.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+$/gm, '').replace(/ +([,.!?;:])/g, '$1').trim();
  // One pass: a value that itself contains "{{x}}" is left as written.
  const text = resolved.replace(PLACEHOLDER, (_m, name: string) => {
    const value = has(vars, name) ? vars[name] : undefined;
    if (value === undefined) missing = true;
    return value ?? '';
  });
  if (missing) return undefined;
  return text;
}
