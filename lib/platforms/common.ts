// Building blocks shared by the platform adapters. Pages change every few
// weeks, so adapters anchor on what survives redesigns: table headers,
// visible status words, order-number patterns, stable attribute prefixes.
// No zod here: content-script bundles stay small; the background validates.
import type { OrderStatus } from '../orders/model';
import { parseMoneyAll, type Money } from '../orders/money';
import { parseCountdown } from '../orders/time';
import { foldSpaces, textOf } from './types';

/**
 * Status words as seller back-offices print them, by what they mean for
 * collecting money. Checked in order: "closed" and "paid" phrases that
 * contain an unpaid-looking word ("取消待付款") come before "unpaid".
 */
export const STATUS_WORDS: ReadonlyArray<readonly [RegExp, OrderStatus]> = [
  [/交易关闭|已关闭|已取消|交易取消|订单关闭|\bcancel(?:l)?ed\b|\bclosed\b|cancelado|cancelada|đã hủy|отмен[её]н|закрыт|cerrad[oa]/i, 'closed'],
  [
    /等待买家付款|待付款|待支付|未支付|买家未付款|未付款|待买家付款|等待付款|待付尾款|待付预付款|待付首款|awaiting payment|awaiting (?:initial|balance) payment|pending payment|waiting for payment|unpaid|not paid|aguardando pagamento|pendiente de pago|esperando pago|chờ thanh toán|ожидает оплаты|не оплачен/i,
    'unpaid',
  ],
  [
    /买家已付款|等待卖家发货|卖家已发货|已付款|已支付|待发货|已发货|待收货|交易成功|已完成|已签收|\bpaid\b|awaiting shipment|to ship|shipped|in transit|delivered|completed|pago|enviado|entregue|concluído|chờ lấy hàng|đang giao|đã giao|оплачен|отправлен|доставлен/i,
    'paid',
  ],
];

export function statusFromWords(text: string): OrderStatus {
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status;
  return 'unknown';
}

/** Header-text patterns for the columns order lists have, Chinese and English UIs alike. */
export const HEADER_WORDS = {
  order: /订单号|订单编号|order\s*(id|no|number|#)|mã đơn|número do pedido|номер заказа/i,
  buyer: /买家|收货人|buyer|customer|người mua|comprador|покупатель/i,
  item: /宝贝|商品|产品|product|item|sản phẩm|produto|producto|товар/i,
  qty: /数量|qty|quantity|số lượng|quantidade|cantidad|кол/i,
  price: /单价|unit price|price/i,
  amount: /实收款|实付|订单金额|金额|总价|合计|total|amount|tổng|valor|importe|сумма/i,
  status: /状态|交易状态|订单状态|status|trạng thái|estado|статус/i,
  created: /下单时间|创建时间|成交时间|created|order time|order date|ngày đặt|data do pedido|fecha|дата/i,
  deadline: /剩余|自动关闭|auto[- ]?cancel|time left|pay by|payment due/i,
} as const;
export type ColumnName = keyof typeof HEADER_WORDS;

/**
 * Maps column names to cell indexes from a header row's cells, by text. A
 * header matching several names is taken by the first name that wants it,
 * so "商品单价" goes to price only when item already has a column.
 */
export function columnsByHeader(headerCells: readonly Element[], wanted: readonly ColumnName[] = Object.keys(HEADER_WORDS) as ColumnName[]): Partial<Record<ColumnName, number>> {
  const columns: Partial<Record<ColumnName, number>> = {};
  const taken = new Set<number>();
  // Most specific first: price before item ("商品单价"), amount before price ("订单金额").
  const order: ColumnName[] = ['order', 'created', 'deadline', 'status', 'qty', 'amount', 'price', 'buyer', 'item'];
  for (const name of order) {
    if (!wanted.includes(name)) continue;
    const index = headerCells.findIndex((cell, i) => !taken.has(i) && HEADER_WORDS[name].test(textOf(cell)));
    if (index >= 0) {
      columns[name] = index;
      taken.add(index);
    }
  }
  return columns;
}

/** The document and every same-origin iframe document under it (cross-origin frames are skipped). */
export function documentsOf(doc: Document): Document[] {
  const docs = [doc];
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.documentElement) docs.push(...documentsOf(inner));
    } catch {
      // Cross-origin: not ours to read.
    }
  }
  return docs;
}

/**
 * The first non-null `read` of the document, else of its same-origin frames
 * (depth first, in page order). The top document is read before any frame is
 * looked for, so a page without frames pays nothing for them.
 */
export function firstInFrames<T>(doc: Document, read: (d: Document) => T | null): T | null {
  const own = read(doc);
  if (own !== null) return own;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      // Cross-origin: not ours to read.
    }
    if (!inner?.documentElement) continue;
    const found = firstInFrames(inner, read);
    if (found !== null) return found;
  }
  return null;
}

/** Whether an element is rendered (not display:none, not detached); cheap enough for hundreds of rows. */
export function isShown(el: Element): boolean {
  const html = el as HTMLElement;
  if (!html.isConnected) return false;
  if (typeof html.checkVisibility === 'function') return html.checkVisibility();
  return html.getClientRects?.().length !== 0 || html.offsetParent !== null;
}

/** Empty-state messages: an order list saying it has nothing is not a broken page. */
export const EMPTY_LIST_WORDS = /暂无|没有(相关|符合|找到)?订单|无订单|no (orders|data|results)|nothing (here|found)|không có đơn|nenhum pedido|sin pedidos|нет заказов/i;

/**
 * PageRead.noRowsFound: an order page where `rows` order rows were found is
 * broken (its markup moved) when that is none and the page does not say the
 * list is empty ("暂无订单").
 */
export function noRowsFound(doc: Document, rows: number): boolean {
  return rows === 0 && !EMPTY_LIST_WORDS.test(textOf(doc.body));
}

// ---- Grid lists found by order number and header text (added for the PDD and Shopee adapters) ----
// Some back-offices' row markup has never been seen publicly (PDD), and others
// hash every class (Shopee). What survives is the order number's shape and the
// column headers, so these helpers find orders from those two anchors alone.

/**
 * Cells of each row by grid column. Table rows honour rowspan and colspan the
 * way the browser lays them out, so the second item row of an order (whose
 * order-level cells are spanned from the first) still maps to the right
 * header; other rows map their element children in order.
 */
export function gridCells(rows: readonly Element[]): Array<Map<number, Element>> {
  // Columns taken in each row by cells spanned down from rows above (made only when a cell spans rows).
  const spanned: Array<Set<number> | undefined> = [];
  const maps: Array<Map<number, Element>> = [];
  for (let r = 0; r < rows.length; r++) {
    const map = new Map<number, Element>();
    const taken = spanned[r];
    let col = 0;
    for (let cell = rows[r]!.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (taken) while (taken.has(col)) col++;
      map.set(col, cell);
      const tag = cell.tagName;
      if (tag !== 'TD' && tag !== 'TH') {
        col += 1;
        continue;
      }
      const rowSpan = Math.max(1, Math.min(50, Number(cell.getAttribute('rowspan')) || 1));
      const colSpan = Math.max(1, Math.min(50, Number(cell.getAttribute('colspan')) || 1));
      for (let i = 1; i < rowSpan && r + i < rows.length; i++) {
        const below = (spanned[r + i] ??= new Set());
        for (let j = 0; j < colSpan; j++) below.add(col + j);
      }
      col += colSpan;
    }
    maps.push(map);
  }
  return maps;
}

/** Whether textOf(el) is longer than `max`, without the text of a whole list when it plainly is. */
function textLongerThan(el: Element, max: number): boolean {
  // Folding keeps every character that is not white space: more than `max` of them decide it.
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let solid = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const value = t.nodeValue ?? '';
    for (let i = 0; i < value.length; i++) if (!WHITE_SPACE.test(value.charAt(i)) && ++solid > max) return true;
  }
  return textOf(el).length > max;
}
const WHITE_SPACE = /\s/;

/** `derive` of a selector list, worked out once per list (the lists are module constants). */
function perList<T>(derive: (list: readonly string[]) => T): (list: readonly string[]) => T {
  const cache = new WeakMap<readonly string[], T>();
  return (list) => {
    let value = cache.get(list);
    if (value === undefined) cache.set(list, (value = derive(list)));
    return value;
  };
}
// A list without its last selector; a list's selectors joined; a list without its preferred selector.
const leadingOf = perList((list) => list.slice(0, -1));
const joinedOf = perList((list) => list.join(','));
const restOf = perList((list) => list.slice(1));

export interface HeaderRow {
  row: Element;
  cells: Element[];
  columns: Partial<Record<ColumnName, number>>;
}

/**
 * The first row whose cells name at least `min` known columns, tried per
 * selector in order of preference. `extra` adds platform words for columns
 * the shared words miss ("Đếm ngược" for a deadline).
 */
export function findHeaderRow(
  root: ParentNode,
  selectors: readonly string[],
  min = 3,
  extra: Partial<Record<ColumnName, RegExp>> = {},
): HeaderRow | null {
  // Selectors before the generic last one that match nothing are skipped with one query instead of a walk each.
  const leading = selectors.length > 2 ? leadingOf(selectors) : undefined;
  const from = leading && !root.querySelector(joinedOf(leading)) ? selectors.length - 1 : 0;
  for (let k = from; k < selectors.length; k++) {
    for (const row of root.querySelectorAll(selectors[k]!)) {
      const cells = [...row.children];
      if (cells.length < min || cells.length > 20) continue;
      // Header cells are short labels; a row of order data is not a header.
      if (cells.some((c) => textLongerThan(c, 40))) continue;
      const columns = columnsByHeader(cells);
      const taken = new Set(Object.values(columns));
      for (const [name, pattern] of Object.entries(extra) as Array<[ColumnName, RegExp]>) {
        if (columns[name] !== undefined) continue;
        const index = cells.findIndex((c, i) => !taken.has(i) && pattern.test(textOf(c)));
        if (index >= 0) {
          columns[name] = index;
          taken.add(index);
        }
      }
      if (Object.keys(columns).length >= min) return { row, cells, columns };
    }
  }
  return null;
}

/** Where an order number shows on the page: the number and the element whose own text holds it. */
export interface OrderAnchor {
  id: string;
  el: Element;
}

/**
 * Every distinct order number in visible text under `root`, in page order.
 * `pattern` must have one capture group: the number. Text of scripts, styles
 * and form fields is not page text.
 */
export function findOrderAnchors(root: Element, pattern: RegExp): OrderAnchor[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const seen = new Set<string>();
  const anchors: OrderAnchor[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    // Test before looking up the ancestors: most text nodes hold no number.
    global.lastIndex = 0;
    if (!global.test(text)) continue;
    global.lastIndex = 0;
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,template,textarea,noscript')) continue;
    // exec on the one regexp rather than matchAll, which clones it per text node.
    for (let m = global.exec(text); m !== null; m = global.exec(text)) {
      if (m[0] === '') global.lastIndex = advance(text, global.lastIndex, global.unicode || global.flags.includes('v'));
      const id = m[1];
      if (!id || seen.has(id)) continue;
      seen.add(id);
      anchors.push({ id, el: parent });
    }
  }
  return anchors;
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
 * whole list), the rows after it up to the next order's number join it.
 */
export function orderScopes(anchors: readonly OrderAnchor[], fences: ReadonlyArray<Element | null | undefined>): Element[][] {
  const body = anchors[0]?.el.ownerDocument.body;
  // One pass up from each anchor element and fence instead of asking every
  // ancestor about every other anchor: linear in the page, not quadratic.
  // holding: how many distinct anchor elements an element is or contains.
  const holding = new Map<Element, number>();
  for (const el of new Set(anchors.map((a) => a.el))) {
    for (let at: Element | null = el; at; at = at.parentElement) holding.set(at, (holding.get(at) ?? 0) + 1);
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
    if (scope.tagName !== 'TR') return [scope];
    const rows: Element[] = [scope];
    for (let next = scope.nextElementSibling; next; next = next.nextElementSibling) {
      if (holding.has(next)) break;
      rows.push(next);
    }
    return rows;
  });
}

/**
 * The one amount a piece of text shows, or null when it shows none or
 * several different ones: a cell with a unit price and a total side by side
 * must not be guessed at. (Added for the AliExpress and TikTok adapters.)
 */
export function soleMoney(text: string, defaultCurrency?: string): Money | null {
  const all = parseMoneyAll(text, defaultCurrency);
  const first = all[0];
  if (!first) return null;
  return all.every((m) => m.minor === first.minor && m.currency === first.currency) ? first : null;
}

/**
 * The UTC offset a page states for its times ("GMT+8", "UTC-07:00",
 * "(GMT+08:00)"), in minutes east of UTC; undefined when it states none.
 */
export function statedUtcOffset(text: string): number | undefined {
  const m = /(?<![A-Za-z])(?:GMT|UTC)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '+' ? minutes : -minutes;
}

/** One order's cells by header column: the order-level row and every item row. */
export interface OrderGrid {
  /** The row with a cell under every header column (it carries the order-level cells). */
  main: Map<number, Element>;
  /** Item rows from the main row on, by grid column (a lone full-width note row is not an item). */
  rows: Array<Map<number, Element>>;
}

/**
 * Whether `row` sits in another order's block than `anchor`: below where
 * their paths part, the two branches are alike (same tag and class, as two
 * cards of one list are; or, with classes renamed or absent, the anchor's
 * branch holds a twin of the row at the same place). A card's head and body
 * are not alike. This is how a lone order number's scope that grew over
 * cards whose numbers went missing is caught: the row it found there may be
 * another order's, even when its own row no longer lines up with the header.
 */
function inSiblingBlocks(anchor: Element, row: Element): boolean {
  const above = new Set<Element>();
  for (let at: Element | null = anchor; at; at = at.parentElement) above.add(at);
  let rowSide: Element = row;
  while (rowSide.parentElement && !above.has(rowSide.parentElement)) rowSide = rowSide.parentElement;
  const parting = rowSide.parentElement;
  if (!parting || parting === anchor) return false;
  let anchorSide: Element = anchor;
  while (anchorSide.parentElement && anchorSide.parentElement !== parting) anchorSide = anchorSide.parentElement;
  if (anchorSide.tagName !== rowSide.tagName) return false;
  if (anchorSide.className && anchorSide.className === rowSide.className) return true;
  if (rowSide === row) return false;
  const path: number[] = [];
  for (let at: Element = row; at !== rowSide; at = at.parentElement!) path.unshift(Array.prototype.indexOf.call(at.parentElement!.children, at));
  let twin: Element | undefined = anchorSide;
  for (const i of path) twin = twin?.children[i];
  return !!twin && twin.tagName === row.tagName && Math.abs(twin.childElementCount - row.childElementCount) <= 1;
}

/** Same tag, and a class in common when either has one ("item first-item" and "item" are rows of one kind). */
function sameKind(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  if (!a.className && !b.className) return true;
  const theirs = new Set(b.classList);
  for (const c of a.classList) if (theirs.has(c)) return true;
  return false;
}

/**
 * Lines an order's rows up with the header. Returns null when no row has a
 * cell under every header column: a cell went missing or moved, so reading
 * by position could take a unit price for the total. `itemLines` name the
 * goods lines of a div grid: a run of cells inside one of them is refused.
 */
export function orderGrid(scope: readonly Element[], header: HeaderRow, anchor: Element, itemLines: readonly string[] = []): OrderGrid | null {
  const width = header.cells.length;
  const first = scope[0];
  if (!first) return null;
  const trs = first.tagName === 'TR' ? [...scope] : scope.flatMap((s) => [...s.querySelectorAll('tr')]);
  if (trs.length > 0) {
    // The main row has exactly one cell per header column: as many cells, none spanning columns.
    const spanOf = (c: Element) => Math.max(1, Number(c.getAttribute('colspan')) || 1);
    const isMain = (tr: Element) => {
      if (tr.childElementCount !== width) return false;
      for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (spanOf(c) !== 1) return false;
      return !tr.contains(anchor);
    };
    const mainIndex = trs.findIndex(isMain);
    if (mainIndex < 0) return null;
    // An order whose number went missing leaves its rows to the order before
    // it: the main row follows this order's number with no other order's head
    // (a row across the whole table) between them, and is the scope's only one.
    const main = trs[mainIndex]!;
    if (!(anchor.compareDocumentPosition(main) & 4 /* FOLLOWING */)) return null;
    for (let i = mainIndex + 1; i < trs.length; i++) if (isMain(trs[i]!)) return null;
    // Nor a row of cells between them: that is this order's own row, damaged, and the main row another's.
    for (let i = 0; i < mainIndex; i++) {
      const tr = trs[i]!;
      const across = tr.childElementCount === 1 && spanOf(tr.firstElementChild!) >= width;
      if ((across || tr.childElementCount >= 2) && !tr.contains(anchor) && anchor.compareDocumentPosition(tr) & 4 /* FOLLOWING */) return null;
    }
    const maps = gridCells(trs);
    const rows = maps.slice(mainIndex).filter((_m, i) => trs[mainIndex + i]!.children.length >= 2);
    return { main: maps[mainIndex]!, rows };
  }
  // Div grids: the element with one child per header column. Two such rows,
  // neither inside the other, mean the scope spans more than one order (an
  // order lost its number), or that goods lines (one of them no longer marked
  // as one) have as many children as the header: which total is whose cannot
  // be told, so none is read.
  const lines = itemLines.join(',');
  const inLine = (el: Element, s: Element) => {
    if (!lines) return false;
    for (let up: Element | null = el; up && up !== s; up = up.parentElement) if (up.matches(lines)) return true;
    return false;
  };
  let found: Element | null = null;
  let foundInLine = false;
  for (const s of scope) {
    for (let el: Element | null = s; el; ) {
      let skipInside = false;
      if (el.childElementCount === width && !el.contains(anchor)) {
        // A goods line (picture, name, price …) can have as many children as a
        // header that lost columns: an order's row is never inside one.
        const lineCell = inLine(el, s);
        if (!found) {
          found = el;
          foundInLine = lineCell;
          skipInside = true;
        } else return null;
      }
      // Depth first; a found row's inside is its cells, not another row.
      if (el.firstElementChild && !skipInside) el = el.firstElementChild;
      else {
        while (el && el !== s && !el.nextElementSibling) el = el.parentElement;
        el = el && el !== s ? el.nextElementSibling : null;
      }
    }
  }
  if (!found || foundInLine || inSiblingBlocks(anchor, found)) return null;
  const map = gridCells([found])[0]!;
  // Goods rows after a div main row, as a table's rowspans become in a div
  // grid: rows of the same kind with fewer cells (the order-level cells span
  // them), their goods cells first.
  const rows = [map];
  for (let next = found.nextElementSibling; next; next = next.nextElementSibling) {
    const cells = next.childElementCount;
    if (cells < 2 || cells >= width || !sameKind(next, found) || next.contains(anchor)) break;
    rows.push(gridCells([next])[0]!);
  }
  return { main: map, rows };
}

// Countdown units parseCountdown does not know, as seller pages in Vietnam
// and Brazil print them.
const LOCAL_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\d)\s*ngày/giu, '$1d'],
  [/(\d)\s*giờ/giu, '$1h'],
  [/(\d)\s*phút/giu, '$1m'],
  [/(\d)\s*giây/giu, '$1s'],
  [/(\d)\s*dias?(?![a-z])/giu, '$1d'],
  [/(\d)\s*horas?(?![a-z])/giu, '$1h'],
  [/(\d)\s*min(?:utos?)?(?![a-z])/giu, '$1m'],
];

/** A countdown shown in `text` as a deadline (see parseCountdown), also in Vietnamese and Portuguese units. */
export function countdownIn(text: string, now: number): number | undefined {
  let src = text;
  for (const [pattern, replacement] of LOCAL_UNITS) src = src.replace(pattern, replacement);
  return parseCountdown(src, now) ?? undefined;
}

const SKIPPED_TEXT = new Set(['script', 'style', 'template']);

/**
 * Visible text with a space between text nodes, so adjacent blocks do not run
 * together: textContent turns <div>Cancelled</div><div>by system</div> into
 * "Cancelledby system" and "500ml</div><div>x2" into "500mlx2". (Added for
 * the PDD and Shopee adapters.)
 */
export function spacedText(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === 3) return textOf(node);
  // A lone text node (most cells): its text is all there is.
  const only = node.firstChild;
  if (only && only.nodeType === 3 && !only.nextSibling) return node.nodeType === 1 && (node as Element).closest('script,style,template') ? '' : textOf(only);
  // Text under a script, style or template is not page text: skip those
  // subtrees on the way down (one check per element, not an ancestor walk per text node).
  if (node.nodeType === 1 && (node as Element).closest('script,style,template')) return '';
  const parts: string[] = [];
  // Nearly always there is none of them inside: then every text node counts, walked natively.
  if (!(node as ParentNode).querySelector?.('script,style,template')) {
    const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    // Folding white space per text node gives the same text as folding the
    // joined whole.
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      // Most text nodes between elements are white space only: trim first.
      const value = t.nodeValue?.trim();
      // Lone plain spaces fold to themselves: replace only when the text has other white space.
      if (value) parts.push(foldSpaces(value));
    }
    return parts.join(' ');
  }
  let at: Node | null = node.firstChild;
  while (at) {
    if (at.nodeType === 3) {
      if (at.nodeValue) parts.push(at.nodeValue);
    } else if (at.nodeType === 1 && !SKIPPED_TEXT.has((at as Element).localName) && at.firstChild) {
      at = at.firstChild;
      continue;
    }
    while (at && at !== node && !at.nextSibling) at = at.parentNode;
    at = at && at !== node ? at.nextSibling : null;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * What `re.exec(scope.map(spacedText).join(' '))` gives, read from the start of
 * the scope's text when that start already decides it (the created time
 * usually sits in a card's head, next to the order number); undefined when
 * the whole text has to be searched.
 *
 * For `re` without lookaround, anchors, \b or back references whose matches
 * hold a character outside `valueChars` only in their first `labelMax`
 * characters (a label, then a value such as a date). Then a match found in
 * the start is the whole text's first match once a character outside
 * `valueChars` follows it in the start, at least `labelMax` characters after
 * its beginning: no match can run across that character (it would have to be
 * in a label, and every label that starts no later than this match ends
 * before it), so the text after it changes nothing.
 *
 * The start is built text node by text node (at most `maxNodes`) exactly as
 * spacedText builds it, stopping as soon as it decides.
 */
export function headMatch(scope: readonly Element[], re: RegExp, labelMax: number, valueChars: RegExp, maxNodes = 24): RegExpExecArray | null | undefined {
  if (re.global || re.sticky || !Number.isFinite(labelMax)) return undefined;
  let text = '';
  let nodes = 0;
  for (let i = 0; i < scope.length; i++) {
    if (i > 0) text += ' ';
    const s = scope[i]!;
    // Under a script, style or template: spacedText gives ''.
    if (s.closest('script,style,template')) continue;
    let first = true;
    const walker = s.ownerDocument.createTreeWalker(s, 5 /* NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text under a script, style or template inside would have to be skipped: search the whole text (rare).
      if (node.nodeType === 1) {
        if (SKIPPED_TEXT.has((node as Element).localName)) return undefined;
        continue;
      }
      if (++nodes > maxNodes) return undefined;
      const value = node.nodeValue?.trim();
      if (!value) continue;
      if (!first) text += ' ';
      first = false;
      text += foldSpaces(value);
      const m = re.exec(text);
      if (!m) continue;
      for (let k = Math.max(m.index + m[0].length, m.index + labelMax); k < text.length; k++) if (!valueChars.test(text.charAt(k))) return m;
    }
  }
  // All of the text was read.
  return re.exec(text);
}

/** The longest alternative of a label pattern written as (?:a|b|c)…: Infinity when it is not plain text. */
export function longestLabel(pattern: RegExp): number {
  const alts = /^\(\?:([^()[\]\\.*+?{}^$]*)\)/.exec(pattern.source)?.[1];
  return alts === undefined ? Infinity : Math.max(...alts.split('|').map((a) => a.length));
}

// ---- Fallback lists in one walk (added for speed on 500-row pages) ----
// queryFirst walks the subtree once per selector that misses; inside each of
// hundreds of orders that adds up. These give the same answers from one walk.


/** What queryFirst(root, list) gives, from one query of all selectors together. */
export function firstIn<E extends Element = HTMLElement>(root: ParentNode, list: readonly string[]): E | null {
  const preferred = list[0];
  if (preferred === undefined) return null;
  // The preferred selector usually hits, and querySelector stops at the first match.
  const hit = root.querySelector<E>(preferred);
  if (hit || list.length === 1) return hit;
  const rest = restOf(list);
  // The first element any fallback matches, found without walking the rest
  // of the subtree: when the first fallback matches it, it is that one's answer.
  const early = root.querySelector<E>(joinedOf(rest));
  if (!early) return null;
  if (early.matches(rest[0]!)) return early;
  const all = root.querySelectorAll<E>(joinedOf(rest));
  for (const selector of rest) {
    for (let i = 0; i < all.length; i++) if (all[i]!.matches(selector)) return all[i]!;
  }
  return null;
}

/** What queryAllFirst(root, list) gives, from one query of all selectors together. */
export function allIn<E extends Element = HTMLElement>(root: ParentNode, list: readonly string[]): E[] {
  if (list.length === 0) return [];
  const all = root.querySelectorAll<E>(joinedOf(list));
  if (all.length === 0) return [];
  if (list.length === 1) return Array.from(all);
  for (const selector of list) {
    const found: E[] = [];
    for (let i = 0; i < all.length; i++) if (all[i]!.matches(selector)) found.push(all[i]!);
    if (found.length > 0) return found;
  }
  return [];
}

// ---- Page furniture in one walk (added for speed on 500-row pages) ----
// Tabs, pagination and notes sit once on a page of hundreds of rows, yet each
// selector that misses (or sits below the list) costs a walk of the whole
// page. These helpers find every selector of several lists in one walk.

/**
 * Matches of each selector in `doc`, in page order, from one walk for all of
 * them. Given the order blocks in `outside`, their insides are not searched.
 */
export type Matches = ReadonlyMap<string, readonly Element[]>;

export function matchEach(doc: Document, lists: ReadonlyArray<readonly string[]>, outside: readonly Element[] = []): Matches {
  const unique = [...new Set(lists.flat())];
  const found = new Map<string, Element[]>(unique.map((s) => [s, []]));
  if (unique.length === 0) return found;
  const joined = unique.join(',');
  const record = (el: Element) => {
    for (const selector of unique) if (el.matches(selector)) found.get(selector)!.push(el);
  };
  const everywhere = () => {
    for (const list of found.values()) list.length = 0;
    for (const el of doc.querySelectorAll(joined)) record(el);
    return found;
  };
  if (outside.length === 0 || !doc.body) return everywhere();
  // Furniture is never inside an order (nor in <head>): skip the order
  // blocks' subtrees, which hold nearly all of a long page's elements.
  const skip = new Set(outside);
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */, {
    acceptNode: (node) => (skip.has(node as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  try {
    for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
      if (node.matches(joined)) record(node);
    }
  } catch {
    // Element.matches is broken for some combinators in DOM shims (happy-dom
    // on a cloned document); browsers never get here.
    return everywhere();
  }
  return found;
}

/** What queryFirst(root, list) would give, from matchEach's result. */
export function firstOf<E extends Element = HTMLElement>(found: Matches, list: readonly string[]): E | null {
  for (const selector of list) {
    const el = found.get(selector)?.[0];
    if (el) return el as E;
  }
  return null;
}

/** What queryAllFirst(root, list) would give, from matchEach's result. */
export function allOf<E extends Element = HTMLElement>(found: Matches, list: readonly string[]): E[] {
  for (const selector of list) {
    const els = found.get(selector);
    if (els && els.length > 0) return [...els] as E[];
  }
  return [];
}

/** The most elements any one selector of `list` matched: one selector may only catch the active item. */
export function mostOf(found: Matches, list: readonly string[]): number {
  return Math.max(0, ...list.map((s) => found.get(s)?.length ?? 0));
}

// ---- One grid list read, shared by the PDD and Shopee adapters ----

/** The cell of a row under a header column, if the column is known and the row has one. */
export function cellAt(row: Map<number, Element>, index: number | undefined): Element | undefined {
  return index === undefined ? undefined : row.get(index);
}

/**
 * An unpaid order's close time: the shown deadline, else `hours` after
 * creation marked as an estimate. Paid and closed orders get none: their
 * countdowns are about shipping, not payment.
 */
export function closeTimes(status: OrderStatus, shown: number | undefined, createdAt: number | undefined, hours: number): { autoCloseAt?: number; autoCloseEstimated?: true } {
  if (status !== 'unpaid') return { autoCloseAt: undefined, autoCloseEstimated: undefined };
  if (shown !== undefined) return { autoCloseAt: shown, autoCloseEstimated: undefined };
  if (createdAt === undefined) return { autoCloseAt: undefined, autoCloseEstimated: undefined };
  return { autoCloseAt: createdAt + hours * 3_600_000, autoCloseEstimated: true };
}

export interface GridListSpec {
  /** Header row selectors, most specific first. */
  headerRow: readonly string[];
  /** The order number's shape, one capture group. */
  orderNumber: RegExp;
  selectedTab: readonly string[];
  activePage: readonly string[];
  pageItems: readonly string[];
  nextPage: readonly string[];
}

export interface GridList<O> {
  header: HeaderRow;
  /** Tabs and pager (see matchEach). */
  found: Matches;
  orders: O[];
  /** Order numbers found whose order could not be read. */
  unreadable: number;
  /** Order numbers found at all. */
  anchors: number;
  /** One page of several, or more to come: absence from this read proves nothing. */
  complete: boolean;
}

/**
 * Reads a list whose orders are found by number and whose cells line up with
 * a header row: null when the page has no such header. The tabs and pager
 * are looked for outside the orders (one walk), and fence the orders in.
 */
export function readGridList<O>(
  doc: Document,
  spec: GridListSpec,
  readOne: (anchor: OrderAnchor, scope: Element[], header: HeaderRow) => O | undefined,
): GridList<O> | null {
  if (!doc.body) return null;
  const header = findHeaderRow(doc.body, spec.headerRow, 3);
  if (!header) return null;
  const anchors = findOrderAnchors(doc.body, spec.orderNumber);
  // With two orders or more, each order's part of the page lies below what
  // they share, so tabs and pager cannot be inside one: skip those subtrees.
  const blocks = anchors.length >= 2 ? orderScopes(anchors, [header.row]).flat() : [];
  const found = matchEach(doc, [spec.selectedTab, spec.activePage, spec.pageItems, spec.nextPage], blocks);
  const scopes = orderScopes(anchors, [header.row, firstOf(found, spec.selectedTab), firstOf(found, spec.activePage)]);
  const { orders, unreadable } = readRows(anchors, (anchor, i) => readOne(anchor, scopes[i]!, header));
  const complete = mostOf(found, spec.pageItems) <= 1 && !firstOf(found, spec.nextPage);
  return { header, found, orders, unreadable, anchors: anchors.length, complete };
}

/**
 * Reads every order row of a list: the orders that could be read and how many
 * rows could not, which the health warning and the "absence means paid" rule
 * rely on. With `idOf`, a row the page repeats counts once (and not as unreadable).
 */
export function readRows<R, O>(rows: Iterable<R>, read: (row: R, index: number) => O | null | undefined, idOf?: (order: O) => string): { orders: O[]; unreadable: number } {
  const orders: O[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  let index = 0;
  for (const row of rows) {
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
