// Reading a page with a taught recipe. Each order block is found from an
// order number the page shows, then each value by its structural path, and
// checked: a value that is not what its field holds (no amount, two amounts,
// an empty buyer) makes the row unreadable rather than guessed.
import type { ObservedOrder, OrderStatus, PageRead, Platform } from '../../orders/model';
import { parseMoney, parseMoneyAll, type Money } from '../../orders/money';
import { regionSign } from '../money';
import { documentsOf } from '../frames';
import { nickOf, statusFromWords, withoutPartAmounts } from '../page-words';
import { countdownIn } from '../times';
import { labelledOther, labelledOtherIn, numberText, ORDER_NUMBER } from '../order-numbers';
import { amountText, spacedText } from '../page-text';
import { textOf } from '../types';
import { ancestorUp, follow, labelOf, LabelContext, repeatsOf, sameLabel } from './dom';
import type { FieldRecipe, Recipe, RecipeField } from './types';

/** Elements whose text the person never sees as page content (the same as read.ts's orderNumbersShown skips). */
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT']);

const BUYER_LABEL = /^(?:买家(?:昵称)?|買家(?:暱稱)?|buyer(?: name)?|customer|comprador|người mua|покупатель)\s*[:：]\s*/i;

/** The currency a platform's pages show bare amounts in, when the total had no symbol. */
export const DEFAULT_CURRENCY: Partial<Record<Platform, string>> = { taobao: 'CNY', pdd: 'CNY', alibaba: 'USD' };

/**
 * The currency a page's bare sign means where it is not the usual one: "¥" on Japanese TikTok Shop pages is the yen,
 * "$" on Mexican and Singaporean TikTok Shop and Shopee pages the peso and the Singapore dollar. A taught total keeps
 * it, as the adapters do.
 */
export function regionSignCurrency(platform: Platform, href: string): string | undefined {
  const host = /^https:\/\/([^/]+)/.exec(href)?.[1] ?? '';
  if (platform === 'tiktok') return { 'seller-jp': 'JPY', 'seller-mx': 'MXN', 'seller-sg': 'SGD' }[host.split('.')[0]!];
  if (platform === 'shopee') return host === 'seller.shopee.com.mx' ? 'MXN' : host === 'seller.shopee.sg' ? 'SGD' : undefined;
  return undefined;
}

/** `money` read from `text` as the page means it (see regionSignCurrency): a bare "$" in a peso or Singapore-dollar region, a bare "¥" in yen. */
export function inRegion(text: string, money: Money, currency: string | undefined): Money | null {
  const regional = regionSign(text, money, currency);
  return regional === undefined ? money : regional;
}

/** "d6-d15" → /\d{6}-\d{15}/ as a whole token. */
function shapeSource(shape: string): string {
  const parts = shape.match(/[dAa]\d{1,2}|-|_/g) ?? [];
  return parts.map((p) => (p === '-' || p === '_' ? `\\${p}` : `${p[0] === 'd' ? '\\d' : p[0] === 'A' ? '[A-Z]' : '[a-z]'}{${p.slice(1)}}`)).join('');
}

/** The order-number pattern a recipe looks for: its own shape, else its platform's format. A fresh global regexp. */
export function idPattern(recipe: Pick<Recipe, 'platform' | 'idShape'>): RegExp {
  if (recipe.idShape) return new RegExp(`(?<![\\dA-Za-z])${shapeSource(recipe.idShape)}(?![\\dA-Za-z])`, 'g');
  return new RegExp(ORDER_NUMBER[recipe.platform].source, 'g');
}

/** The distinct order numbers in `text`. */
export function idsIn(text: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  pattern.lastIndex = 0;
  // A sub-order, package or tracking number in the same shape is not an order's ("子订单号：3912…").
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!labelledOtherIn(text, m.index)) found.add(m[0]);
  return found;
}

/** The distinct order numbers in one text node (`text`, its value): a number labelled as a sub-order's, package's or tracking number, in the text or just before it, is not an order's. */
function idsOfText(node: Node, own: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  // Invisible marks out, a number broken by a <wbr> read whole (numberText).
  const text = numberText(node, own);
  if (text === null) return found;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!labelledOther(node, m.index, text)) found.add(m[0]);
  return found;
}

/**
 * The distinct order numbers in the text under `el`, text node by text node:
 * textContent would glue a number to the date in the next element.
 */
export function idsUnder(el: Element, pattern: RegExp, stopAfter = Infinity): Set<string> {
  const found = new Set<string>();
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (!text || text.length < 4 || UNSHOWN.has(node.parentElement?.tagName ?? '')) continue;
    for (const id of idsOfText(node, text, pattern)) found.add(id);
    // Asking "one order or more?" of a whole list must not walk the whole list.
    if (found.size > stopAfter) break;
  }
  return found;
}

/** The text nodes the person sees that hold an order number, with the number. */
export function idTexts(doc: Document, pattern: RegExp): Array<{ el: Element; id: string }> {
  const out: Array<{ el: Element; id: string }> = [];
  if (!doc.body) return out;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    const parent = node.parentElement;
    if (!text || text.length < 4 || !parent || UNSHOWN.has(parent.tagName)) continue;
    const ids = idsOfText(node, text, pattern);
    if (ids.size === 1) out.push({ el: parent, id: [...ids][0]! });
  }
  return out;
}

/** What one field's element says, checked; undefined when it does not hold such a value. */
export type FieldValue = { kind: 'orderId'; id: string } | { kind: 'total'; money: Money } | { kind: 'text'; text: string } | { kind: 'status'; status: OrderStatus; text: string } | { kind: 'deadline'; at: number };

export function readValue(field: RecipeField, el: Element, opts: { pattern: RegExp; currency?: string; now: number }): FieldValue | undefined {
  const text = textOf(el);
  if (!text) return undefined;
  switch (field) {
    case 'orderId': {
      const ids = idsIn(text, opts.pattern);
      return ids.size === 1 ? { kind: 'orderId', id: [...ids][0]! } : undefined;
    }
    case 'total': {
      // One amount, or we would be choosing between a total and a unit price or shipping fee;
      // a bare number only when it is all the text (a "1" in a buyer's name is no total).
      // Page text (see amountText): a price before its discount, struck through by a tag, an inline style or a style sheet, is none of them.
      // A subtotal, shipping fee or discount labelled beside it is no part of it, and alone it is no total.
      const text = amountText(el, undefined, (t) => withoutPartAmounts(t, true));
      if (!text || text.length > 80 || parseMoneyAll(text, opts.currency).length !== 1) return undefined;
      let money = parseMoney(text) ?? (/^[\d\s.,]+\s*元?$/.test(text) ? parseMoney(text, opts.currency) : null);
      if (money) money = inRegion(text, money, opts.currency);
      return money && money.minor > 0 ? { kind: 'total', money } : undefined;
    }
    case 'buyer':
    case 'item': {
      // "买家：小美" clicked whole: the name is what follows the label.
      // A badge beside the name ("新客", "VIP") is not part of it.
      const value = field === 'buyer' ? nickOf(el).replace(BUYER_LABEL, '') : text;
      // A name or title, not a number or an amount that slid into its place.
      if (!value || value.length > (field === 'buyer' ? 200 : 1000) || idsIn(value, opts.pattern).size > 0 || /^[\d\s.,:：\-/+¥￥$€£]+$/.test(value)) return undefined;
      return { kind: 'text', text: value };
    }
    case 'status': {
      const status = statusFromWords(text);
      return status === 'unknown' || text.length > 200 ? undefined : { kind: 'status', status, text };
    }
    case 'deadline': {
      const at = countdownIn(text, opts.now);
      return at === undefined ? undefined : { kind: 'deadline', at };
    }
  }
}

/** An order's elements: its block, and for a block that spans siblings, those that belong to it. */
export interface Group {
  members: Element[];
  /** The member at a field's sibling offset (0: the block). */
  at(offset: number): Element | undefined;
}

/**
 * The block and, when the order spans siblings, the following ones up to
 * the next order number (goods rows after the number row) and the `before`
 * preceding ones (cells of a flat grid row before the number's), never
 * reaching into another order.
 */
export function groupOf(block: Element, spans: boolean, before: number, pattern: RegExp): Group {
  const after: Element[] = [];
  const prior: Element[] = [];
  if (spans) {
    for (let next = block.nextElementSibling; next && after.length < 40; next = next.nextElementSibling) {
      if (idsUnder(next, pattern, 0).size > 0) break;
      after.push(next);
    }
    for (let prev = block.previousElementSibling; prev && prior.length < before; prev = prev.previousElementSibling) {
      if (idsUnder(prev, pattern, 0).size > 0) break;
      prior.push(prev);
    }
  }
  return {
    members: [...prior.slice().reverse(), block, ...after],
    at: (offset) => (offset === 0 ? block : offset > 0 ? after[offset - 1] : prior[-offset - 1]),
  };
}

/** How far before its block a recipe's fields reach. */
export function reachBefore(recipe: Recipe): number {
  return Math.max(0, ...Object.values(recipe.fields).map((f) => (f ? -f.sibling : 0)));
}

/** The widest ancestor of a block that holds no other order's number: where an unclicked status word would be. */
function orderScope(block: Element, pattern: RegExp): Element {
  let scope = block;
  for (let up = block.parentElement; up && up !== block.ownerDocument.body && idsUnder(up, pattern, 1).size === 1; up = up.parentElement) scope = up;
  return scope;
}

interface Reader {
  recipe: Recipe;
  pattern: RegExp;
  /** Column headers per document (the page and each same-origin frame). */
  labels: LabelContext;
  now: number;
}

/**
 * The element of one field in an order group: at its taught path when the
 * value there is of the right kind under the same label, else the one
 * element in the group with that label that holds such a value (columns
 * reordered, a wrapper added). Anything less certain is no element.
 */
function locate(field: RecipeField, spec: FieldRecipe, group: Group, r: Reader): { el: Element; value: FieldValue } | undefined {
  const opts = { pattern: r.pattern, currency: r.recipe.currency, now: r.now };
  const root = group.at(spec.sibling);
  const at = root ? follow(root, spec.path) : null;
  if (at) {
    const value = readValue(field, at, opts);
    if (value && (!spec.label || sameLabel(labelOf(at, r.labels), spec.label))) {
      // A total inside a line this order repeats (its goods lines) while the taught order had one:
      // the amount is a line's, not the order's, and which line's total is meant is not ours to guess.
      if (field === 'total' && root && repeatsOf(root, spec.path).some((twin) => readValue('total', twin, opts))) return undefined;
      return { el: at, value };
    }
  }
  if (!spec.label) return undefined;
  const last = spec.path.at(-1);
  if (!last) return undefined;
  const found: Array<{ el: Element; value: FieldValue }> = [];
  for (const member of group.members) {
    for (const el of [member, ...Array.from(member.querySelectorAll(last.tag))]) {
      if (el.tagName.toLowerCase() !== last.tag) continue;
      const value = readValue(field, el, opts);
      if (value && sameLabel(labelOf(el, r.labels), spec.label)) found.push({ el, value });
    }
  }
  if (found.length <= 1) return found[0];
  // Several under one label (a total and its shipping line in one cell): the one in the taught
  // position among its siblings, if exactly one is; else which one is meant is a guess, and we do not guess.
  const inPlace = found.filter(({ el }) => el.parentElement && Array.from(el.parentElement.children).filter((c) => c.tagName === el.tagName).indexOf(el) === last.index);
  return inPlace.length === 1 ? inPlace[0] : undefined;
}

function readOrder(id: string, group: Group, r: Reader): ObservedOrder | null {
  const { recipe } = r;
  const total = locate('total', recipe.fields.total, group, r)?.value;
  const buyer = locate('buyer', recipe.fields.buyer, group, r)?.value;
  if (total?.kind !== 'total' || buyer?.kind !== 'text') return null;
  const item = recipe.fields.item && locate('item', recipe.fields.item, group, r)?.value;
  const statusValue = recipe.fields.status && locate('status', recipe.fields.status, group, r)?.value;
  const deadline = recipe.fields.deadline && locate('deadline', recipe.fields.deadline, group, r)?.value;
  let status: OrderStatus;
  let statusText: string | undefined;
  if (statusValue?.kind === 'status') {
    status = statusValue.status;
    statusText = statusValue.text.slice(0, 200);
  } else {
    status = statusFromWords(group.members.length > 1 ? group.members.map((g) => textOf(g)).join(' ') : textOf(orderScope(group.members[0]!, r.pattern)));
    // No status word we know: the person showed these as orders to collect. A paid or closed
    // word anywhere in the order still keeps it out of the queue.
    if (status === 'unknown') status = 'unpaid';
  }
  return {
    platform: recipe.platform,
    orderId: id,
    buyer: { nick: buyer.text.slice(0, 200) },
    items: item?.kind === 'text' ? [{ title: item.text.slice(0, 1000), qty: 1 }] : [],
    amount: total.money,
    status,
    ...(statusText ? { statusText } : {}),
    ...(deadline?.kind === 'deadline' && status === 'unpaid' ? { autoCloseAt: deadline.at } : {}),
  };
}

/** The orders of one document (the page or one of its same-origin frames). */
function readDocument(doc: Document, r: Reader, idSpec: FieldRecipe, before: number): { orders: ObservedOrder[]; unreadable: number } {
  const { recipe, pattern } = r;
  const blocks = new Map<Element, Set<string>>();
  for (const { el, id } of idTexts(doc, pattern)) {
    const block = ancestorUp(el, recipe.block.up);
    if (!block || block.tagName.toLowerCase() !== recipe.block.tag || block === doc.body) continue;
    // The number must sit where the taught one sat: a number in a search box or a banner is no order.
    const group = groupOf(block, recipe.block.spansSiblings, before, pattern);
    const root = group.at(idSpec.sibling);
    if (!root || follow(root, idSpec.path) !== el) continue;
    const ids = blocks.get(block) ?? new Set<string>();
    ids.add(id);
    blocks.set(block, ids);
  }
  const orders: ObservedOrder[] = [];
  let unreadable = 0;
  for (const [block, ids] of blocks) {
    const group = groupOf(block, recipe.block.spansSiblings, before, pattern);
    // One order per block: a block holding several numbers is the list, not an order.
    const id = ids.size === 1 ? [...ids][0]! : undefined;
    const order = id && new Set(group.members.flatMap((g) => [...idsUnder(g, pattern)])).size === 1 ? readOrder(id, group, r) : null;
    if (order) orders.push(order);
    else unreadable++;
  }
  return { orders, unreadable };
}

/**
 * Reads the orders a recipe finds on `doc` and its same-origin frames. Null
 * when the recipe matches no order block on the page (it no longer fits this
 * page, or the page shows no order); blocks it finds but cannot read count
 * as unreadable.
 */
export function readByRecipe(doc: Document, recipe: Recipe, url: string, now: number): PageRead | null {
  const pattern = idPattern(recipe);
  const idSpec = recipe.fields.orderId;
  const before = reachBefore(recipe);
  const orders: ObservedOrder[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  // The list may sit in a same-origin frame (the Qianniu workbench): each document is read on its own.
  for (const d of documentsOf(doc)) {
    const r: Reader = { recipe, pattern, labels: new LabelContext(d), now };
    const found = readDocument(d, r, idSpec, before);
    unreadable += found.unreadable;
    for (const order of found.orders) {
      if (seen.has(order.orderId)) continue;
      seen.add(order.orderId);
      orders.push(order);
    }
  }
  if (orders.length === 0) return null;
  let listKey = url;
  try {
    const u = new URL(url);
    listKey = `${u.host}${u.pathname}${u.search}#recipe`;
  } catch {
    // keep the URL as it is
  }
  return {
    platform: recipe.platform,
    url,
    listKey: listKey.slice(0, 4000),
    unpaidOnly: false,
    complete: false,
    orders,
    unreadable,
    noRowsFound: false,
    selectorsVersion: `recipe-${recipe.id}`.slice(0, 100),
    readPath: 'recipe',
  };
}
