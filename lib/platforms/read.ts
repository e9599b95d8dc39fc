// One entry point for reading a seller page, whatever reader does the work:
// the adapter's dated selectors first (fast, exact where they still fit),
// then what the page's content says about how many orders it shows, so a
// reader that missed rows is caught rather than trusted.
import type { ObservedOrder, Platform, PageRead } from '../orders/model';
import { parseMoneyAll } from '../orders/money';
import { documentsOf } from './frames';
import { composedView, hasSlottedComponents, shadowViews, shownFields, shownFieldValue } from './shadow';
import { narrowed } from './filters';
import { moreToCome } from './more';
import { statusFromWords } from './page-words';
import { beforeWbr, isOrderNumber, labelledOther, numberText, ORDER_NUMBER } from './order-numbers';
import { structureReader } from './structure/reader-host';
import { textOf, type PlatformAdapter } from './types';
import { recipeReader } from './recipe/reader-host';
import type { Recipe } from './recipe/types';
import { preferRecipe } from './recipe/prefer';

// The formats live in their own module so the structural reader can use them without importing this one.
export { ORDER_NUMBER } from './order-numbers';

/** Elements whose text the person never sees as page content (a page's JSON state lists orders it does not show). */
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT']);

/**
 * The order numbers the page shows as text, in this document and its
 * same-origin frames. Only text nodes count: attributes, links and inline
 * scripts carry ids of orders that are not on screen.
 */
export function orderNumbersShown(doc: Document, platform: Platform, hits?: IdHit[]): Set<string> {
  const found = new Set<string>();
  if (platform === 'manual') return found;
  for (const d of documentsOf(doc)) if (d.body) numbersUnder(d.body, ORDER_NUMBER[platform], found, hits);
  return found;
}

/** A text node that shows order numbers, and the numbers. */
export interface IdHit {
  node: Node;
  ids: string[];
}

/** The order numbers shown as text under `root`, added to `found`; with `hits`, where each was seen. */
function numbersUnder(root: Element, pattern: RegExp, found: Set<string>, hits?: IdHit[]): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const own = node.nodeValue;
    // Four digits at least in a row before any regex runs: most text nodes have none. A number broken by a <wbr> goes
    // on in the next text.
    if (!own || ((own.length < 14 || !/\d{4}/.test(own)) && !beforeWbr(node, own))) continue;
    const text = numberText(node, own);
    if (text === null || UNSHOWN.has(node.parentElement?.tagName ?? '')) continue;
    pattern.lastIndex = 0;
    const ids: string[] = [];
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (labelledOther(node, m.index, text)) continue;
      found.add(m[0]);
      ids.push(m[0]);
    }
    if (hits && ids.length > 0) hits.push({ node, ids });
  }
}

/** The order numbers shown as text under `els` (one block of the page), as orderNumbersShown counts them, sorted. */
export function orderNumbersIn(els: readonly Element[], platform: Platform): string[] {
  const found = new Set<string>();
  if (platform !== 'manual') for (const el of els) numbersUnder(el, ORDER_NUMBER[platform], found);
  return [...found].sort();
}

/** Order numbers shown on the page that `read` has no order for. */
export function missedIds(read: Pick<PageRead, 'orders'>, shown: ReadonlySet<string>): number {
  if (shown.size === 0) return 0;
  const readIds = new Set(read.orders.map((o) => o.orderId));
  let missed = 0;
  for (const id of shown) if (!readIds.has(id)) missed++;
  return missed;
}

/**
 * Whether a read may stand for the whole list: it found the list and read
 * every row on it, or the page says the list is empty. Only such a read may
 * let an order's absence mean it left the unpaid state.
 */
export function readIsWhole(read: PageRead): boolean {
  if (read.noRowsFound || read.unreadable > 0 || (read.idsMissed ?? 0) > 0) return false;
  // No order and no explicit "the page says it is empty" from the adapter: nothing is proven.
  if (read.orders.length === 0 && read.noRowsFound !== false) return false;
  return true;
}

/**
 * Whether the page's own content says it is an order list: an order number in
 * the platform's format, and a status word or an amount beside it.
 */
function looksLikeOrderList(doc: Document, shown: ReadonlySet<string>): boolean {
  if (shown.size === 0) return false;
  // The numbers may be shown in a same-origin frame (the Qianniu workbench): so may the words.
  const text = documentsOf(doc).map((d) => textOf(d.body)).join(' ');
  return statusFromWords(text) !== 'unknown' || parseMoneyAll(text).length > 0;
}

/** How much of each order a read has: orders with their goods, orders with their created time. */
function detail(read: PageRead): number {
  let filled = 0;
  for (const o of read.orders) filled += (o.items.length > 0 ? 1 : 0) + (o.createdAt !== undefined ? 1 : 0);
  return filled;
}

/**
 * The structural read instead of the adapter's when it reads more orders, or
 * as many with fewer left unreadable or more of each (goods, created time), every order the adapter
 * read among them with the same total: two readers that disagree on a total
 * are not mixed, the adapter's read stands.
 */
function better(selectorRead: PageRead, structural: PageRead | null): PageRead {
  if (!structural || structural.orders.length < selectorRead.orders.length) return selectorRead;
  // As many orders: the structural read when it leaves fewer unreadable (the selectors took the order numbers in a
  // notification drawer for rows they could not read) or reads more of them.
  if (structural.orders.length === selectorRead.orders.length && structural.unreadable >= selectorRead.unreadable && detail(structural) <= detail(selectorRead)) return selectorRead;
  const byId = new Map(structural.orders.map((o) => [o.orderId, o]));
  for (const o of selectorRead.orders) {
    const same = byId.get(o.orderId);
    if (!same || same.amount.minor !== o.amount.minor || same.amount.currency !== o.amount.currency) return selectorRead;
  }
  return structural;
}

/**
 * Reads a page with the adapter, then checks the read against the order
 * numbers the page shows. When the adapter reads short (no list, no rows,
 * unreadable rows, or fewer orders than the page shows numbers), the
 * structural reader (lib/platforms/structure) reads the page by its content,
 * and the better read is kept. Returns null only when the page holds no order
 * list: a page whose content looks like one always gets a read, empty and
 * flagged noRowsFound when nothing could be read, so the health banner shows.
 * `recipes`, the ones the seller taught for this page, are tried first.
 * `hits` collects where the page shows each order number (see reread.ts).
 */
export function readPage(doc: Document, adapter: PlatformAdapter, url: string, now: number, recipes: readonly Recipe[] = [], hits?: IdHit[]): PageRead | null {
  // Another page of the back-office (refunds, disputes, logistics, finance, reviews, invoices): its rows show order
  // numbers, amounts and status words about something else (a refund's "退款关闭", a settlement's amount). No built-in
  // reader takes them for orders, and no banner offers to teach it; a recipe the seller taught for it still reads.
  if (recipes.length === 0 && isOtherPage(url)) return null;
  // A list built of components that take their data through named slots is read as drawn (see composedView): its light
  // tree lacks the labels, and may hold what no slot draws.
  if (hasSlottedComponents(doc)) {
    const view = composedView(doc);
    if (view) return readPage(view, adapter, url, now, recipes, hits);
  }
  // One walk of the page's text for the numbers it shows, whichever readers then run.
  const shown = orderNumbersShown(doc, adapter.platform, hits);
  // None in the page's own tree: the list may be drawn inside a shadow root (see shadow.ts), read as a page of its own.
  if (shown.size === 0) {
    for (const view of shadowViews(doc)) {
      if (orderNumbersShown(view, adapter.platform).size > 0 || fieldsShowNumbers(shownFields(view), adapter.platform)) return readPage(view, adapter, url, now, recipes, hits);
    }
  }
  const builtIn = withFields(doc, adapter, url, now, readBuiltIn(doc, adapter, url, now, shown));
  // A recipe the seller taught for this page goes first; it gives way only to a reader that reads more (see preferRecipe).
  // The recipe reader comes with the recipes (see reader-host.ts); until it is there, the page reads as untaught.
  const readRecipe = recipes.length > 0 ? recipeReader() : undefined;
  const read = readRecipe ? preferRecipe(builtIn, recipes.map((r) => settled(readRecipe(doc, r, url, now))), shown) : builtIn;
  // Nor is a list that shows more of it is still to come ("加载更多", "Showing 6 of 23", a tab counting more).
  return read?.complete && (narrowed(doc) || moreToCome(doc, read.orders.length + read.unreadable)) ? { ...read, complete: false } : read;
}

/**
 * `read` (the page's built-in read), or the read of the page with its read-only fields drawn as text (see
 * composedView's `fields`) when that reads more: tried only when `read` is short and the page shows values in such
 * fields, or when it found no list and a field shows an order number (a list that shows its numbers only in
 * fields, for copying, is no page without orders). The two are weighed as the adapter's and the structural read.
 */
function withFields(doc: Document, adapter: PlatformAdapter, url: string, now: number, read: PageRead | null): PageRead | null {
  if (read && !read.noRowsFound && read.unreadable === 0 && (read.idsMissed ?? 0) === 0 && read.orders.length > 0) return read;
  const fields = shownFields(doc);
  if (fields.length === 0) return read;
  if (!read && !fieldsShowNumbers(fields, adapter.platform)) return null;
  const view = composedView(doc, { fields: true });
  if (!view) return read;
  const viewRead = readBuiltIn(view, adapter, url, now, orderNumbersShown(view, adapter.platform));
  if (!read || !viewRead) return read ?? viewRead;
  return better(read, viewRead);
}

/** Whether one of `fields` (see shownFields) shows an order number of `platform` as its whole value. */
function fieldsShowNumbers(fields: readonly Element[], platform: Platform): boolean {
  return platform !== 'manual' && fields.some((el) => isOrderNumber(platform, shownFieldValue(el)?.replace(/\u200b/g, '') ?? undefined));
}

// Words of the paths of a back-office's other pages, whose rows are about a refund, a dispute, a parcel, a payout, a
// review or an invoice and not the order itself.
const OTHER_PAGE = /refund|return|fund|after-?sales?|after_sales?|dispute|complain|finance|settle|income|payout|wallet|statement|logistic|evaluat|review|feedback|invoice/i;

/** Whether `url` is such a page, by its path (and a single-page app's route after "#"), never its query. */
export function isOtherPage(url: string): boolean {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(?:\?[^#]*)?(#[^?]*)?/i.exec(url);
  return path !== null && OTHER_PAGE.test(`${path[1] ?? ''}${path[2] ?? ''}`);
}

/**
 * Whether an order read says nothing is due on it while it waits for payment:
 * a misread (what was paid of it so far, "已付：¥0.00", or a label no reader
 * knows yet), never a total to remind a buyer of.
 */
export function nothingDue(order: ObservedOrder): boolean {
  return order.status === 'unpaid' && order.amount.minor === 0;
}

/** A reader's read as readPage takes it: listedUnpaid, then withoutNothingDue. */
function settled(read: PageRead | null): PageRead | null {
  return withoutNothingDue(listedUnpaid(read));
}

/** `read` with every order that says nothing is due counted unreadable instead (see nothingDue). */
function withoutNothingDue(read: PageRead | null): PageRead | null {
  if (!read || !read.orders.some(nothingDue)) return read;
  const orders = read.orders.filter((o) => !nothingDue(o));
  return { ...read, orders, unreadable: read.unreadable + read.orders.length - orders.length };
}

/**
 * On the unpaid tab, an order listed without a status word (a list that
 * shows only a countdown, or its status as an icon) is unpaid: the tab says
 * so. On any other list it stays unknown and changes no stored status.
 */
function listedUnpaid(read: PageRead | null): PageRead | null {
  if (!read?.unpaidOnly || !read.orders.some((o) => o.status === 'unknown')) return read;
  return { ...read, orders: read.orders.map((o) => (o.status === 'unknown' ? { ...o, status: 'unpaid' as const } : o)) };
}

/** The adapter's read, or the structural reader's when the adapter reads short; `shown` is orderNumbersShown of the page. */
function readBuiltIn(doc: Document, adapter: PlatformAdapter, url: string, now: number, shown: ReadonlySet<string>): PageRead | null {
  const read = settled(adapter.readOrders(doc, url, now));
  const checked = (r: PageRead): PageRead => ({ ...r, idsMissed: missedIds(r, shown), readPath: r.readPath ?? 'selectors', selectorsVersion: r.selectorsVersion ?? adapter.selectorsVersion });
  if (read) {
    const bySelectors = checked(read);
    const short = read.noRowsFound || read.unreadable > 0 || (bySelectors.idsMissed ?? 0) > 0 || (read.orders.length === 0 && shown.size > 0);
    // Selectors that still find the orders but no longer their goods have half moved too.
    const thin = read.orders.some((o) => o.items.length === 0);
    if ((!short && !thin) || shown.size === 0) return bySelectors;
    // Not in this frame yet (see reader-host.ts): the selectors' read, short as it is, until the frame has it.
    const readByStructure = structureReader();
    if (!readByStructure) return bySelectors;
    const structural = settled(readByStructure(doc, adapter.platform, url, now, read));
    return better(bySelectors, structural && checked(structural));
  }
  if (!looksLikeOrderList(doc, shown)) return null;
  const readByStructure = structureReader();
  const structural = readByStructure ? settled(readByStructure(doc, adapter.platform, url, now, null)) : null;
  if (structural && structural.orders.length > 0) return checked(structural);
  return checked({
    platform: adapter.platform,
    url,
    listKey: structural?.listKey ?? url,
    unpaidOnly: structural?.unpaidOnly ?? false,
    complete: false,
    orders: [],
    unreadable: structural?.unreadable ?? 0,
    noRowsFound: true,
    readPath: 'structure',
  });
}
