import { beforeWbr, labelledOther, numberText } from './order-numbers';
import { isComposedView } from './shadow';
import { invisibleMark } from './types';

// Orders found by their number: where each number shows, the part of the
// page that belongs to each order, and reading every order block.

/** Where an order number shows on the page: the number and the element whose own text holds it. */
export interface OrderAnchor {
  id: string;
  el: Element;
  /**
   * The number is mentioned in a sentence ("US $120.00 refunded to the buyer on order 2166…", a notification's or
   * a note's words), not shown as an order's own: see preferShown.
   */
  mention?: boolean;
}

// Letters around a number in its own text that make the text a sentence about the order rather than its number's
// place ("订单号：", "Order ID 5768…", "Order No."): more than a label holds.
const SENTENCE_LETTERS = 16;

/** Whether `text`, holding `id`, is a sentence that mentions the number (see OrderAnchor.mention). */
function mentions(text: string, id: string): boolean {
  let letters = 0;
  const rest = text.replace(id, ' ');
  for (const _ of rest.matchAll(/\p{L}/gu)) if (++letters > SENTENCE_LETTERS) return true;
  return false;
}

/**
 * The anchors to read orders from: on a page that shows order numbers on their own, a number mentioned in a
 * sentence (a notification's "Order 1900…  closed automatically", a toast's "订单 2891… 买家已付款") is no order's
 * block. A page whose numbers all sit in sentences keeps them all. What is left out still counts among the numbers
 * the page shows, so such a read is never taken as complete.
 */
export function preferShown<A extends OrderAnchor>(anchors: readonly A[]): readonly A[] {
  let mentioned = 0;
  for (const a of anchors) if (a.mention) mentioned++;
  return mentioned > 0 && anchors.length - mentioned >= 2 ? anchors.filter((a) => !a.mention) : anchors;
}

/**
 * Every distinct order number in visible text under `root`, in page order.
 * `pattern` must have one capture group: the number. Text of scripts, styles
 * and form fields is not page text. `alsoSee`, when given, is shown every
 * text node of the walk in page order until it returns true: another search
 * of the page's text that rides on this walk instead of walking it again.
 */
export function findOrderAnchors(root: Element, pattern: RegExp, alsoSee?: (text: Text) => boolean): OrderAnchor[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // Where each number was first found. When that was a mention, a later place that shows it on its own is its block.
  const seen = new Map<string, OrderAnchor>();
  let anchors: OrderAnchor[] = [];
  let moved = false;
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const digits = leadingDigits(pattern);
  let see = alsoSee;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (see && see(node as Text)) see = undefined;
    const own = node.nodeValue ?? '';
    // Most texts of a page (white space, labels, prices) are short and lack
    // the run of digits every number starts with: a loop over their few
    // characters says so several times cheaper than a call of the regexp
    // (which scans a long text faster than such a loop). A number broken by
    // a <wbr> goes on in the next text.
    if (digits > 0 && (own.length < digits || (own.length <= SHORT_TEXT && !hasDigitRun(own, digits))) && !beforeWbr(node, own)) continue;
    const text = numberText(node, own);
    if (text === null) continue;
    // Test before looking up the ancestors: most text nodes hold no number.
    global.lastIndex = 0;
    if (!global.test(text)) continue;
    global.lastIndex = 0;
    const parent = node.parentElement;
    if (!parent || parent.closest(NOT_SHOWN)) continue;
    // exec on the one regexp rather than matchAll, which clones it per text node.
    for (let m = global.exec(text); m !== null; m = global.exec(text)) {
      if (m[0] === '') global.lastIndex = advance(text, global.lastIndex, global.unicode || global.flags.includes('v'));
      const id = m[1];
      if (!id) continue;
      const first = seen.get(id);
      // A number seen first where the page does not show it (a hidden tab panel's copy) gives way to one it shows.
      const replaces = first && !first.mention && notShown(first.el) && !notShown(parent);
      if ((first && !first.mention && !replaces) || labelledOther(node, m.index + m[0].indexOf(id), text)) continue;
      const mention = mentions(text, id);
      if (first && mention) continue;
      // The mention gives way (its place is dropped below), so the anchors stay in page order.
      if (first) moved = true;
      const anchor: OrderAnchor = mention ? { id, el: parent, mention } : { id, el: parent };
      seen.set(id, anchor);
      anchors.push(anchor);
    }
  }
  if (moved) anchors = anchors.filter((a) => seen.get(a.id) === a);
  return anchors;
}

// Where a number is no page text, or not shown: inside a script, style, template or form field, or parked far off
// screen ("translateY(-9999px)": a virtual list's recycled view, which may still hold an order that has left the
// list; "left: -9999px": text for screen readers only).
const NOT_SHOWN = 'script,style,template,textarea,noscript,[style*="-9999px"]';

// A pattern whose every match starts with a run of digits: "(?<!…)(\d{6}…", "((?<!…)\d{18,19}…".
// Only plain shapes are trusted: no alternation, no optional or repeated group.
const DIGITS_FIRST = /^\(?(?:\(\?<!(?:\[[^\]]*\]|[^()[\]|])*\))?\(?\\d\{(\d+)[,}]/;
const digitsOf = new WeakMap<RegExp, number>();
const SHORT_TEXT = 64;

/** How many digits every match of `pattern` starts with; 0 when that cannot be told from its source. */
export function leadingDigits(pattern: RegExp): number {
  let n = digitsOf.get(pattern);
  if (n === undefined) {
    const source = pattern.source;
    const m = source.includes('|') || /\)[?*{]/.test(source) ? null : DIGITS_FIRST.exec(source);
    n = m ? Number(m[1]) : 0;
    digitsOf.set(pattern, n);
  }
  return n;
}

/** Whether `text` holds `n` ASCII digits in a row (what \d{n} needs). */
function hasDigitRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= n) return true;
    } else if (!invisibleMark(c)) run = 0; // an invisible mark inside a number is no break
  }
  return false;
}

/** Where a global regexp goes on after an empty match (AdvanceStringIndex). */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1;
}

/**
 * The part of the page that belongs to each order: from its number up to the
 * largest ancestor holding no other order number and none of `fences` (the
 * header row, tabs, pager). When that is a lone table row (one tbody for the
 * whole list) or a row by role (a div grid's head row, its goods row after
 * it), the rows after it up to the next order's number join it.
 */
export function orderScopes(anchors: readonly OrderAnchor[], fences: ReadonlyArray<Element | null | undefined>): Element[][] {
  const body = anchors[0]?.el.ownerDocument.body;
  // One pass up from each anchor element and fence instead of asking every
  // ancestor about every other anchor: linear in the page, not quadratic.
  // holding: how many distinct anchor elements an element is or contains,
  // counted up to two (only "another order's number too" matters). Above an
  // element that already held two, every ancestor does: the walk up stops there.
  const holding = new Map<Element, number>();
  for (const el of new Set(anchors.map((a) => a.el))) {
    for (let at: Element | null = el; at; at = at.parentElement) {
      const held = holding.get(at) ?? 0;
      if (held >= 2) break;
      holding.set(at, held + 1);
    }
  }
  // walled: the fences and everything that contains one.
  const walled = new Set<Element>();
  for (const fence of fences) {
    for (let at: Element | null | undefined = fence; at && !walled.has(at); at = at.parentElement) walled.add(at);
  }
  return anchors.map(({ el }) => {
    let scope: Element = el;
    for (let parent = scope.parentElement; parent && parent !== body && parent.tagName !== 'HTML'; parent = parent.parentElement) {
      // Every ancestor holds `el`; one more anchor element under it is another order's.
      if ((holding.get(parent) ?? 0) > 1) break;
      if (walled.has(parent)) break;
      scope = parent;
    }
    if (scope.tagName !== 'TR' && scope.getAttribute('role') !== 'row') return [scope];
    const rows: Element[] = [scope];
    for (let next = scope.nextElementSibling; next; next = next.nextElementSibling) {
      if (holding.has(next) || walled.has(next)) break;
      rows.push(next);
    }
    return rows;
  });
}

/**
 * Whether a row (an order's block, or an anchor's element) is one the page does not show: under a `hidden` element, not
 * rendered (display:none by a style sheet's class), or parked invisible. A single-page back-office keeps other tabs' lists in the DOM
 * this way, and a hidden panel may still hold an order in a state it has left ("等待买家付款" for an order paid since).
 */
function notShown(row: unknown): boolean {
  const el = ((row as { el?: Element }).el ?? row) as Element;
  if (el?.nodeType !== 1) return false;
  if (el.closest('[hidden]')) return true;
  // A composed view holds only what the page draws, and no layout to ask.
  if (isComposedView(el.ownerDocument)) return false;
  const html = el as HTMLElement;
  if (typeof html.checkVisibility === 'function' && !html.checkVisibility()) return true;
  // Nor a virtual list's recycled row parked with stale content, hidden from sight and from screen readers alike
  // ("aria-hidden" and "visibility: hidden"). A number's cell hidden alone stays: a table with frozen columns (Ant
  // Design 3) hides its copy of them in the body and draws them in an overlay, the row itself shown.
  return !!el.closest('[aria-hidden="true"]') && el.ownerDocument.defaultView?.getComputedStyle(el).visibility === 'hidden';
}

/**
 * Reads every order row of a list: the orders that could be read and how many
 * rows could not, which the health warning and the "absence means paid" rule
 * rely on. With `idOf`, a row the page repeats counts once (and not as unreadable).
 * A row the page does not show (see notShown) is not read: its order is no
 * order of the list the person sees. Its number still counts among the numbers
 * the page shows (read.ts), so a read that leaves it out is never whole.
 */
export function readRows<R, O>(rows: Iterable<R>, read: (row: R, index: number) => O | null | undefined, idOf?: (order: O) => string): { orders: O[]; unreadable: number } {
  const orders: O[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  let index = 0;
  for (const row of rows) {
    if (notShown(row)) {
      index++;
      continue;
    }
    const order = read(row, index++);
    if (!order) {
      unreadable++;
      continue;
    }
    if (idOf) {
      const id = idOf(order);
      if (seen.has(id)) continue;
      seen.add(id);
    }
    orders.push(order);
  }
  return { orders, unreadable };
}
