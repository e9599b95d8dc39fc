// The content-first reader: orders found by what survives a redesign (the
// order number's format, header and label words, money, status words,
// repeated structure), whatever the classes, ids, wrappers or layout. It runs
// when the adapter's selectors read short (see readPage), and it keeps the
// alignment checks that refuse a wrong total: an order it cannot read with
// confidence is counted unreadable, never guessed.
import type { ObservedOrder, OrderItem, OrderStatus, PageRead, Platform } from '../../orders/model';
import { parseMoneyAll, type Money } from '../../orders/money';
import { regionSign, SHARED_SIGN } from '../money';
import { firstInFrames } from '../frames';
import { cellAt, findHeaderRow, orderGrid, type HeaderRow, type OrderGrid } from '../grid';
import { findOrderAnchors, orderScopes, preferShown, readRows, type OrderAnchor } from '../order-blocks';
import { preferLabelled } from '../order-numbers';
import { pageTextRoot, spacedText, unstruckIfTwo } from '../page-text';
import { fullName, LONE_QUANTITY, receiverColumn, soleStatus, statusFromWords, statusOn, statusWithTags, withoutConversions } from '../page-words';
import { closeTimes, deadlineIn, readCreated, readTime } from '../times';
import { textOf } from '../types';
import { blockTexts, buyerLabelled, goodsByPrice, hasWords, itemsIn, joinedTexts, loadingTitle, type BlockText, nickAfterAvatar, nickAfterInitial, nickBeforeChat, nickBeforeMark, nickByLabel, nickInCell, nickInLine, shortTexts, textNodes, totalByLabel, totalIn } from './fields';
import { anchorPattern, clockNoteFor, platformFacts, type ListPlatform, type PlatformFacts } from './platform';
import { CREATED, UNPAID_PARAM, UNPAID_TAB } from './words';
import { anchorStill, noted } from '../block-notes';

// Generic rows only: the header is found by its words, wherever it sits.
const HEADER_SELECTORS = ['thead tr', 'tr', '[role="row"]', 'div'];
// What HEADER_SELECTORS finds on a page without a table row or a row by role.
const DIV_HEADER = HEADER_SELECTORS.slice(-1);
// Column words the shared header words miss.
const EXTRA_HEADER = { deadline: /đếm ngược|countdown|contagem regressiva|倒计时|cuenta regresiva/i };
// A unit a price is given per, after the price.
const PER_UNIT = /\s*(?:\/|per)\s*(?:kg|g|lb|lbs|pcs?|pieces?|sets?|units?|pairs?|lots?|boxe?s?|packs?|rolls?|met(?:re|er)s?|metros?|yards?|adet|m²|m2|m|l|斤|公斤|千克|克|件|个|套|双|米|升|ชิ้น|กก\.?|cái|chiếc|шт\.?)\s*$/iu;
// A cell that shows nothing but a dash.
const PLACEHOLDER = /^[-—–]$/;
// A quantity's packing after it: "（300箱）", "(10 boxes)".
const PACKING = /\s*[(（][^()（）]{1,16}[)）]/g;
// A stacked goods line's quantity: "2", "x2", "1,000件".
const STACKED_QTY = /^[x×]?(?:\d{1,3}(?:,\d{3})+|\d{1,6})\p{L}{0,2}$/u;
// A price (per unit or not) that a cell leads with, notes about prices after it.
const NOTED_PRICE = /^(\S{0,4}\s?\d[\d.,]*(?:\s*\/\s*\p{L}{1,3})?)\s+\S/u;
// The words of such notes: a wholesale price's tiers ("阶梯批发价：100–999件 ¥12.50/件；≥5,000件") and least order
// ("满1,000件起批"), a pre-sale's deposit ("定金¥100.00抵¥200.00"), the kind of price ("拼单价", "券后价").
const PRICE_NOTE_WORDS = /阶梯批发价|阶梯价|階梯價|起批|满|滿|定金|膨胀|抵|尾款|预售价|拼单价|单买价|券后价|到手价|活动价|原价|tier(?:ed)?\s*prices?|volume\s*prices?|min(?:imum)?\.?\s*order|moq|group\s*price|sale\s*price|件|个|箱|套|pcs|units?/giu;
// A unit anywhere after a price ("/件", "/kg").
const PER_UNIT_ANY = /\/\s*\p{L}{1,5}/gu;
// Money markers and currency words that a unit-price cell may hold besides its amount.
const CURRENCY_WORDS = /CN¥|JP¥|HK\$|NT\$|S\$|A\$|C\$|MX\$|US\s?\$|\$\s?US|USD|CNY|RMB|GBP|AUD|CAD|NZD|CHF|HKD|TWD|JPY|KRW|MXN|INR|AED|SAR|PLN|SEK|NOK|DKK|CZK|HUF|ZAR|руб\.?|₽|R\$|RM|元|₫|VND|BRL|MYR|EUR|SGD|PHP|THB|IDR|Rp|฿|€|¥|￥|\$|đ|zł|TL|TRY/gi;

/**
 * Reads an order list by its content. `base` is the adapter's read of the
 * same page, when it made one: the list facts (which listing, unpaid only,
 * complete) come from it. Null when the page shows no order number.
 */
export function readByStructure(doc: Document, platform: Platform, url: string, now: number, base: PageRead | null = null): PageRead | null {
  if (platform === 'manual') return null;
  let href: URL;
  try {
    href = new URL(url);
  } catch {
    return null;
  }
  return firstInFrames(doc, (d) => readDocument(d, platform, href, url, now, base));
}

function readDocument(doc: Document, platform: ListPlatform, href: URL, url: string, now: number, base: PageRead | null): PageRead | null {
  const body = doc.body;
  if (!body) return null;
  // The walk for the order numbers also looks for a time-zone note, where the platform's pages may show one.
  const note = clockNoteFor(platform);
  // Where the page labels its order numbers, a bare number of the same format is none (preferLabelled); where it shows
  // them on their own, one mentioned in a sentence is none (preferShown).
  const anchors = preferShown(preferLabelled(findOrderAnchors(body, anchorPattern(platform), note?.see)));
  if (anchors.length === 0) return null;
  const facts = platformFacts(platform, doc, href, note);
  // One query says whether the page has table rows or rows by role at all. On
  // a div grid it has neither: the header is looked for among the divs alone
  // (where the full list would end up after a query of its own), and no
  // order's block holds a table row.
  const rowsOnPage = body.querySelector('tr, [role="row"]');
  let header = findHeaderRow(body, rowsOnPage ? HEADER_SELECTORS : DIV_HEADER, 3, EXTRA_HEADER);
  // A header lies above the orders and holds none of their numbers; a "header" found inside an order is a row of it.
  if (header && (anchors.some((a) => header!.row.contains(a.el)) || !(header.row.compareDocumentPosition(anchors[0]!.el) & 4 /* FOLLOWING */))) header = null;
  // A total column whose header names its currency ("实收款(元)", "Total (USD)") may show bare amounts.
  const money = withHeaderUnit(facts, header);
  const scopes = orderScopes(anchors, [header?.row]);
  // Each list's halves, found once per kind of block (see besideHalf).
  const partners = new Map<Element, Map<string, Halves | null>>();
  // Whether an element holds an order number the page shows: every element around one, listed once when first asked.
  let aroundNumbers: Set<Element> | undefined;
  const holdsNumber = (el: Element) => {
    if (!aroundNumbers) {
      aroundNumbers = new Set();
      for (const a of anchors) for (let up: Element | null = a.el; up && !aroundNumbers.has(up); up = up.parentElement) aroundNumbers.add(up);
    }
    return aroundNumbers.has(el);
  };
  // A page without table rows (a div grid) has none inside any order: asked
  // once here instead of once per order. A reread (`at` given) asks its block,
  // which may have changed since.
  const noTableRows = header && !(rowsOnPage && (rowsOnPage.tagName === 'TR' || body.querySelector('tr'))) ? [] : undefined;
  const { orders, unreadable } = readRows(
    anchors,
    noted(
      (anchor, i, at) => {
        const scope = scopes[i]!;
        const read = readOrder(anchor, scope, header, money, at ?? now, at === undefined ? noTableRows : undefined);
        if (read) return read;
        // A row drawn in parts (pinned columns in containers of their own): read again with all its parts.
        const whole = header ? rowParts(scope) : null;
        if (whole) return readOrder(anchor, whole, header, money, at ?? now);
        // A list drawn in two halves lined up by position: read by its labels and words, the header being one half's.
        const halves = besideHalf(scope, holdsNumber, partners);
        return halves ? readOrder(anchor, halves, null, money, at ?? now) : undefined;
      },
      (_anchor, i) => scopes[i]!,
      (anchor, i) => anchorStill(anchor, scopes[i]!, facts.orderNumber),
    ),
  );
  const list = base ? { listKey: base.listKey, unpaidOnly: base.unpaidOnly, complete: base.complete } : listFacts(doc, href);
  return {
    platform,
    url,
    ...list,
    orders,
    unreadable,
    noRowsFound: false,
    selectorsVersion: base?.selectorsVersion,
    readPath: 'structure',
  };
}

// A row that names its index in the grid (ag-grid's "row-index", ARIA's "aria-rowindex").
const ROW_INDEXED = '[row-index],[aria-rowindex]';

/**
 * A grid row drawn in parts, each in a container of its own (ag-grid draws the pinned columns' cells apart from the
 * others): an order's block holding only the part with its number has its other parts elsewhere, tied to it by the
 * row's index alone. `scope` with those parts, in page order; null when its row has none.
 */
function rowParts(scope: readonly Element[]): Element[] | null {
  if (scope.length !== 1) return null;
  const row = scope[0]!.closest(ROW_INDEXED);
  if (!row || row.parentElement?.closest(ROW_INDEXED)) return null;
  const attr = row.hasAttribute('row-index') ? 'row-index' : 'aria-rowindex';
  const value = row.getAttribute(attr)!;
  // The grid holding every part: the nearest ancestor holding another row of the same index.
  for (let up = row.parentElement; up && up !== row.ownerDocument.body; up = up.parentElement) {
    // Of the same kind (a row by role beside a row by role), and no row of a grid inside another's row (the goods
    // table of an expanded row).
    const same = [...up.querySelectorAll(`[${attr}="${CSS.escape(value)}"]`)].filter(
      (el) => el !== row && !el.contains(row) && !row.contains(el) && el.getAttribute('role') === row.getAttribute('role') && !el.parentElement?.closest(ROW_INDEXED),
    );
    if (same.length === 0) continue;
    // Parts of one row sit side by side, none inside another row of the grid.
    const parts = same.filter((el) => !same.some((other) => other !== el && other.contains(el)));
    return [scope[0]!, ...parts].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  }
  return null;
}

/** A list's blocks and the other half's blocks at the same places (see besideHalf). */
interface Halves {
  mine: Element[];
  other: Element[];
}

/**
 * A list drawn in two halves side by side, each a list of its own (a pinned half with the order's number and goods, a
 * scrolling half with its buyer, status and total), lined up by position alone: `scope` with the block of the other
 * half at the same place, or null. The other half is the nearest list after this one whose blocks are as many, of one
 * kind, and show no order number, every block of this half showing one; two blocks whose styles give their heights
 * have the same. `partners` keeps each list's halves per kind of block, found for the first block of that kind.
 */
function besideHalf(scope: readonly Element[], holdsNumber: (el: Element) => boolean, partners: Map<Element, Map<string, Halves | null>>): Element[] | null {
  if (scope.length !== 1) return null;
  const block = scope[0]!;
  const list = block.parentElement;
  if (!list) return null;
  const kind = kindOf(block);
  let known = partners.get(list);
  if (!known) partners.set(list, (known = new Map()));
  let halves = known.get(kind);
  if (halves === undefined) {
    const mine = [...list.children].filter((c) => kindOf(c) === kind);
    const other = mine.length >= 2 && mine.every(holdsNumber) ? otherHalf(list, mine.length, holdsNumber) : null;
    known.set(kind, (halves = other && { mine, other }));
  }
  const beside = halves?.other[halves.mine.indexOf(block)];
  if (!beside) return null;
  const height = (el: Element) => /(?:^|;)\s*height\s*:\s*([\d.]+px)/.exec(el.getAttribute('style') ?? '')?.[1];
  const mine = height(block);
  const theirs = height(beside);
  return mine && theirs && mine !== theirs ? null : [block, beside];
}

/** An element's kind among its siblings: its tag and first class (a state's class after it, "… opacity-70", changes no kind). */
function kindOf(el: Element): string {
  return `${el.tagName} ${/^\s*(\S*)/.exec(el.getAttribute('class') ?? '')![1]}`;
}

/** See besideHalf: the blocks of the half beside `list`, which holds `count` blocks, or null. */
function otherHalf(list: Element, count: number, holdsNumber: (el: Element) => boolean): Element[] | null {
  // Up to three levels: the halves are cousins under the element that lays them side by side.
  for (let up = list.parentElement, level = 0; up && up !== list.ownerDocument.body && level < 3; up = up.parentElement, level++) {
    for (const candidate of up.querySelectorAll('*')) {
      if (candidate.childElementCount < count || candidate.contains(list) || list.contains(candidate) || !(list.compareDocumentPosition(candidate) & 4 /* FOLLOWING */)) continue;
      // The blocks: the children of one kind, as many as this half's, besides a header or a footer at most.
      const children = [...candidate.children];
      if (children.length > count + 2) continue;
      const byKind = new Map<string, Element[]>();
      for (const c of children) {
        const k = kindOf(c);
        byKind.set(k, [...(byKind.get(k) ?? []), c]);
      }
      const group = [...byKind.values()].find((g) => g.length === count);
      if (group?.every((b) => /\S/.test(b.textContent ?? '') && !holdsNumber(b))) return group;
    }
  }
  return null;
}

// A currency named in brackets after a column's header word: "实收款(元)", "Total (USD)", "Valor (R$)", "Tổng tiền (₫)",
// "Total Pesanan (Rp)"; a subtitle in another language may follow ("ราคาต่อหน่วย (฿)Unit Price").
const HEADER_UNIT = /[(（]\s*(US\s?\$|R\$|RM|S\$|MX\$|NT\$|CN¥|Rp|[A-Z]{3}|元|円|₫|đ|€|£|¥|￥|₽|฿|руб\.?|\$)\s*[)）](?:\s*$|\s*[A-Z][A-Za-z .]*$)/u;
// Units written after the amount.
const UNIT_AFTER = /^(?:元|円|₫|đ|₽|руб\.?)$/u;
// A bare amount at the start of a cell, words without a digit after it ("45.00 Online Banking"). It ends in cents or
// a group of three ("45.00", "250.000", "1 306,50"): a lone count ("2 items") under the column is no amount.
const BARE_AMOUNT = /^\s*(\d[\d.,]*(?: \d{3}(?!\d))*[.,]\d{2,3})(?:\s+[^\d]*)?$/u;

/**
 * The page's money with one more form: under a total or unit-price column
 * whose header names the currency ("实收款(元)", "Total (USD)"), a bare amount
 * ("4,797.00") is in that currency, read as if the cell had written it. The
 * platform's own rules still decide what the unit means (a bare "$" is the
 * region's dollar). A number anywhere else stays no money.
 */
function withHeaderUnit(facts: PlatformFacts, header: HeaderRow | null): PlatformFacts {
  if (!header) return facts;
  const { amount, price } = header.columns;
  let unit: string | undefined;
  for (const index of [amount, price]) if (!unit && index !== undefined) unit = HEADER_UNIT.exec(textOf(header.cells[index]))?.[1];
  if (!unit) return facts;
  const written = (amount: string) => (UNIT_AFTER.test(unit) ? `${amount} ${unit}` : `${unit} ${amount}`);
  const code = /^[A-Z]{3}$/.test(unit) ? unit : unit === '円' ? 'JPY' : undefined;
  return {
    ...facts,
    money: (text) => {
      const own = facts.money(text);
      // A sign several currencies share, bare ("$31.29", "¥3,810"), under a header naming another of them ("Order
      // amount (SGD)", "合計 (JPY)"): the header's, as the person reads it (not the platform's default dollar or yuan).
      const moved = own && code && SHARED_SIGN.test(code) ? regionSign(text, own, code) : undefined;
      if (moved !== undefined) return moved;
      if (own) return own;
      const bare = BARE_AMOUNT.exec(text)?.[1];
      return bare ? facts.money(written(bare)) : null;
    },
  };
}

/**
 * Which listing this is, from the page and the URL alone. The selected tab's
 * words decide "unpaid only" (the URL's tab parameter when no tab is marked);
 * whether the list fits on one page is not known, so absence proves nothing.
 */
function listFacts(doc: Document, href: URL): Pick<PageRead, 'listKey' | 'unpaidOnly' | 'complete'> {
  // A selected tab, else whatever is selected. The tabs sit above the list,
  // and the first selected thing is usually the tab: a query that stops there
  // instead of listing every selected thing of the page. A page with none
  // (Shopee's list) is walked once, as before.
  const first = doc.querySelector('[aria-selected="true"]');
  const tab = !first || first.getAttribute('role') === 'tab' ? first : (doc.querySelector('[aria-selected="true"][role="tab"]') ?? first);
  const tabText = textOf(tab).replace(/[\d()（）\s]+/g, ' ').trim().slice(0, 40);
  const params = [...href.searchParams.values()];
  const unpaidOnly = tabText ? UNPAID_TAB.test(tabText) : params.some((v) => UNPAID_PARAM.test(v));
  return {
    listKey: `${href.host}${href.pathname}#tab=${tabText || href.search.slice(0, 200)}&read=structure`,
    unpaidOnly,
    complete: false,
  };
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const LEADING_FLAGS = /^(?:\p{Regional_Indicator}{2}\s*)+(?=\S)/u;

/** The order's rows lined up with the header; its row follows its number (one before it is an order's whose number went missing). */
function soleGrid(scope: Element[], header: HeaderRow, anchor: OrderAnchor, rowsInside?: readonly Element[]): OrderGrid | null {
  const grid = orderGrid(scope, header, anchor.el, [], rowsInside);
  const row = grid?.main.values().next().value?.parentElement;
  // The number in a cell of the row itself: one row per order.
  return grid && row && (anchor.el.compareDocumentPosition(row) & FOLLOWING || row.contains(anchor.el)) ? grid : null;
}

/**
 * Whether every cell under a header holds what the header promises; otherwise
 * the total may be a unit price. `mainItems`: the goods read from the main
 * row's item cell (a titled one shows words, so its whole text need not be built).
 */
function linedUp(grid: OrderGrid, header: HeaderRow, facts: PlatformFacts, clean: Element | null, mainItems: readonly OrderItem[]): boolean {
  const { columns } = header;
  // Columns the number's cell spans show nothing of their own to check (see OrderGrid.numberCell).
  const holds = (index: number | undefined, ok: (text: string) => boolean) => {
    if (index === undefined) return true;
    const cell = cellAt(grid.main, index);
    return (grid.numberCell !== undefined && (cell === undefined || cell === grid.numberCell)) || ok(withoutHeader(spacedText(cell, clean), header, index));
  };
  const priceCell = cellAt(grid.main, columns.price);
  // A price per unit ("¥6.99/kg", "US $3.20 / kg", "₫185.000/kg") is a price.
  // Shown again in another currency ("US $14.80 ≈ €13.66"): the first is the price.
  const isPrice = (shown: string) => {
    const t = withoutConversions(shown);
    return t.length <= 40 && !hasWords(t.replace(CURRENCY_WORDS, ' ').replace(PER_UNIT, '')) && facts.money(t) !== null;
  };
  // Goods lines stacked in one row's cells ("¥59.00 ¥39.90 ¥29.90" over "1 2 1"): a price and a quantity a line, a
  // struck price beside each at most.
  const lines = mainItems.length;
  // A wholesale quantity may be grouped ("1,000件 120件").
  const eachQty = (t: string) => lines >= 2 && t.split(' ').every((q) => STACKED_QTY.test(q) || /^\p{L}{1,8}$/u.test(q)) && (t.match(/\d{1,3}(?:,\d{3})+|\d+/g)?.length ?? 0) === lines;
  // A price with notes about prices after it ("¥11.20 /件 阶梯价 阶梯批发价：100–999件 ¥12.50/件；…", "25.80 拼单价",
  // "¥799.00 定金¥100.00抵¥200.00"): a price first, then words about prices only.
  const notedPrice = (t: string) => {
    const m = NOTED_PRICE.exec(t);
    return !!m && isPrice(m[1]!) && !hasWords(t.replace(PRICE_NOTE_WORDS, ' ').replace(CURRENCY_WORDS, ' ').replace(PER_UNIT_ANY, ' '));
  };
  const eachPrice = (t: string) => {
    if (lines < 2 || hasWords(t.replace(CURRENCY_WORDS, ' '))) return false;
    const n = parseMoneyAll(t).length;
    return n >= lines && n <= 2 * lines;
  };
  return (
    // A wholesale quantity may be grouped ("1,000 件"), its packing in brackets after it ("12,000件 （300箱）"). A dash
    // under the price and quantity of a row whose goods are listed below it ("共 2 种宝贝，3 件" | - | -).
    holds(columns.qty, (t) => {
      if (PLACEHOLDER.test(t)) return true;
      const q = t.replace(PACKING, '');
      return /^[x×]?\s*(?:\d{1,3}(?:[,.\s]\d{3})+|\d{1,6})(?:\s*\p{L}{0,12})?$/u.test(q) || eachQty(q);
    }) &&
    holds(columns.price, (t) => PLACEHOLDER.test(t) || isPrice(t) || (!!priceCell && isPrice(unstruckIfTwo(priceCell, t, clean) ?? '')) || eachPrice(t) || notedPrice(t)) &&
    holds(columns.buyer, (t) => parseMoneyAll(t.replace(/(^|\s)[-−–]\s*(?=\S*\d)/g, '$1')).length === 0 && !LONE_QUANTITY.test(t)) &&
    (columns.item === undefined || mainItems.length > 0 || hasWords(cellAt(grid.main, columns.item)?.textContent ?? ''))
  );
}

const headerLabels = new WeakMap<HeaderRow, string[]>();

/**
 * A cell's text without its column's header repeated before it ("数量 × 1", "Unit price ¥69.90"): a list drawn as cards
 * under one header row writes the header into each card too, as a label hidden from sight or shown on narrow screens.
 */
function withoutHeader(text: string, header: HeaderRow, index: number): string {
  // The header's words, read once per header row (a read finds its own, so they are never stale).
  let labels = headerLabels.get(header);
  if (!labels) headerLabels.set(header, (labels = header.cells.map((c) => textOf(c))));
  const label = labels[index];
  if (!label || !text.startsWith(label)) return text;
  const rest = text.slice(label.length);
  return /^[\s:：]/.test(rest) ? rest.replace(/^[\s:：]+/, '') : text;
}

/** The text around the order number (the order's head, where its created time usually sits), at most a few hundred characters. */
function headText(anchor: OrderAnchor, scope: readonly Element[], clean: Element | null): string {
  // Two levels up at most: the number's line and the head around it.
  let head: Element = anchor.el;
  for (let up = head.parentElement, level = 0; up && level < 2 && scope.some((s) => s !== up && s.contains(up!)); up = up.parentElement, level++) head = up;
  const text = spacedText(head, clean);
  return text.length <= 600 ? text : '';
}

/** The total a total column's cell shows; a cell showing more amounts is read again without what the page's style sheets strike through. */
function cellTotal(cell: Element, clean: Element | null, facts: PlatformFacts) {
  const text = spacedText(cell, clean);
  const total = totalIn(text, facts.money);
  if (total) return total;
  const again = unstruckIfTwo(cell, text, clean);
  return again === undefined ? null : totalIn(again, facts.money);
}

/**
 * The buyer a group of orders names once, at its head ("Combined checkout · 2 orders", "Buyer: aisyah"), for an order
 * of the group whose own block names none ("—"). A group holds several orders, not every order of the list: the
 * list's own head (its toolbar, its column headers) names no buyer of any one order.
 */
function groupBuyer(scope: readonly Element[], facts: PlatformFacts, clean: Element | null): string {
  const head = groupHead(scope, facts);
  return head ? nickByLabel(head) || nickAfterInitial(head) || nickBeforeChat(head, clean) : '';
}

/**
 * The status a group of orders names once, at its head, for an order whose own block names none: a list grouped by
 * status with its status column hidden ("Aguardando pagamento · 3 pedidos", then the orders). 'unknown' when the head
 * names none, or more than one (a tab strip or a filter's words above the whole list): no status is taken on trust.
 */
function groupStatus(scope: readonly Element[], facts: PlatformFacts, clean: Element | null): OrderStatus {
  // A board's column heads its cards from one level up: the column's header above the box that holds them.
  const head = groupHead(scope, facts, 2);
  return head ? soleStatus(head.map((el) => spacedText(el, clean)).join(' ')) : 'unknown';
}

/**
 * The head of the group `scope` (an order's block) is one order of: the elements before the group's first order
 * number, when the group holds the block and other groups beside it hold orders too. Null when there is no such group.
 * With `levels` 2, a group whose own children start with an order is looked at as the one box of orders of the element
 * around it, headed by what comes before that box (a board's column: its header, then its cards).
 */
function groupHead(scope: readonly Element[], facts: PlatformFacts, levels = 1): Element[] | null {
  const group = scope[0]?.parentElement;
  if (!group || scope.some((s) => s.parentElement !== group)) return null;
  // The same for every order of the group: worked out once a read (facts are the read's own), not once an order, each
  // time walking the page beside the group for order numbers.
  let heads = GROUP_HEADS.get(facts);
  if (!heads) GROUP_HEADS.set(facts, (heads = new Map()));
  let known = heads.get(group);
  if (!known) heads.set(group, (known = []));
  if (known[levels] === undefined) known[levels] = headOfGroup(group, facts.orderNumber, levels);
  return known[levels];
}
const GROUP_HEADS = new WeakMap<PlatformFacts, Map<Element, Array<Element[] | null>>>();

/** groupHead's answer for `group`, the element that holds an order's block. */
function headOfGroup(group: Element, orderNumber: RegExp, levels: number): Element[] | null {
  const holdsNumber = (el: Element) => findOrderAnchors(el, orderNumber).length > 0;
  const headOf = (box: Element) => {
    const head: Element[] = [];
    for (let child = box.firstElementChild; child && !holdsNumber(child); child = child.nextElementSibling) head.push(child);
    return head;
  };
  let head = headOf(group);
  if (head.length === 0 && levels > 1 && group.parentElement && group.parentElement !== group.ownerDocument.body) {
    const column = group.parentElement;
    // The box is the column's only part that holds orders: what comes after it heads nothing.
    let boxes = 0;
    for (let child = column.firstElementChild; child; child = child.nextElementSibling) if (child === group || holdsNumber(child)) boxes++;
    if (boxes === 1) {
      head = headOf(column);
      group = column;
    }
  }
  if (head.length === 0) return null;
  let outside = false;
  for (let up: Element = group; !outside && up.parentElement && up !== up.ownerDocument.body; up = up.parentElement) {
    for (let sibling = up.parentElement.firstElementChild; sibling && !outside; sibling = sibling.nextElementSibling) outside = sibling !== up && holdsNumber(sibling);
  }
  return outside ? head : null;
}

// What a row shows in place of its goods: how many there are.
const GOODS_COUNT = /^\s*(?:共\s*\d+\s*(?:种|件|款|個|个)|\d+\s*(?:种|款)(?:商品|宝贝|寶貝)|\d+\s*(?:products?|items?|SKUs?|productos|produtos|produits|sản\s*phẩm|produk|สินค้า|товар(?:а|ов)?)(?![\p{L}]))/iu;

/**
 * The goods lines listed under an order's row in a row of their own, one cell across the table holding them (an
 * expanded row: a table, a list), read by their prices. The rows the grid lined up as goods rows are not it.
 */
function goodsBelow(grid: OrderGrid, scope: readonly Element[], anchor: OrderAnchor, amount: Money): OrderItem[] {
  const main = grid.main.values().next().value?.parentElement;
  const below: Element[] = [];
  for (let next = main?.nextElementSibling; next && scope.some((s) => s === next || s.contains(next!)); next = next.nextElementSibling) {
    if (next.childElementCount > 2) continue;
    let across = false;
    for (let c = next.firstElementChild; c && !across; c = c.nextElementSibling) across = Number(c.getAttribute('colspan')) >= 2;
    if (across) below.push(next);
  }
  return below.length === 0 ? [] : goodsByPrice(below, below.flatMap((row) => textNodes(row)), anchor.el, amount);
}

const STATUS_LABELLED = /(?:订单状态|交易状态|訂單狀態|交易狀態|order\s*status|trạng\s*thái(?:\s*đơn\s*hàng)?|estado\s*del?\s*pedido|status\s*(?:do\s*)?pedido|статус\s*заказа|สถานะ(?:คำสั่งซื้อ)?|주문\s*상태)\s*[:：]?\s*(\S.{0,23})/iu;

/** `rowsInside`: the table rows inside `scope`, when already known. */
function readOrder(anchor: OrderAnchor, scope: Element[], header: HeaderRow | null, facts: PlatformFacts, now: number, rowsInside?: readonly Element[]): ObservedOrder | undefined {
  const grid = header ? soleGrid(scope, header, anchor, rowsInside) : null;
  // The order's cells lie outside any script or style when their block does: checked once.
  const clean = pageTextRoot(scope);
  const itemCellOf = (row: Map<number, Element>) => {
    const cell = header ? cellAt(row, header.columns.item) : undefined;
    // The number's own cell over the goods columns holds no goods.
    return cell === grid?.numberCell ? undefined : cell;
  };
  const mainItemCell = grid ? itemCellOf(grid.main) : undefined;
  const mainItems = mainItemCell ? itemsIn(mainItemCell) : [];
  if (grid && header && !linedUp(grid, header, facts, clean, mainItems)) return undefined;
  const columns = grid && header ? header.columns : {};
  const cell = (index: number | undefined) => (grid ? cellAt(grid.main, index) : undefined);
  // The order's texts, walked once and only when a column does not answer: every search of the whole block reads them.
  let rawTexts: BlockText[] | undefined;
  const texts = () => (rawTexts ??= blockTexts(scope));
  let scopeTexts: ReturnType<typeof textNodes> | undefined;
  const allTexts = () => (scopeTexts ??= joinedTexts(texts()));
  let scopeText: string | undefined;
  // Labels, dates and countdowns sit in short texts: a long buyer note is not searched.
  const wholeText = () => (scopeText ??= shortTexts(scope, 200, allTexts()));

  // The total: its column, else its label. A total column that does not hold one amount refuses the order.
  const amountCell = cell(columns.amount);
  const amount = amountCell ? cellTotal(amountCell, clean, facts) : totalByLabel(allTexts(), facts.money);
  if (!amount) return undefined;

  const buyerCell = cell(columns.buyer);
  // A country's flag before the name ("🇲🇽 Carlos Mendoza") marks where the buyer is, no part of the name.
  // A receiver's column stands in for the buyer's only where the block names no buyer of its own (see receiverColumn):
  // where it labels one, that name or none (the order unread), never the receiver's by another road.
  const labelledOnly = !!buyerCell && !!header && receiverColumn(header) && buyerLabelled(texts());
  const nick = (labelledOnly ? nickByLabel(scope, texts()) : (buyerCell && nickInCell(buyerCell)) || nickByLabel(scope, texts()) || nickAfterAvatar(scope, texts()) || nickBeforeChat(scope, clean) || nickBeforeMark(scope, texts()) || nickInLine(scope, allTexts()) || groupBuyer(scope, facts, clean)).replace(LEADING_FLAGS, '').slice(0, 200);
  if (!nick || nick.includes(anchor.id)) return undefined;
  // A name cut short where it shows, whole where the page keeps it (a title, a tooltip).
  const buyer = fullName(nick, scope);

  const statusCell = cell(columns.status);
  const statusText = spacedText(statusCell, clean);
  // Without a status column: the words after a status label ("订单状态 等待买家付款") before any elsewhere in the
  // block (a memo's "交易关闭后不要补单", a buyer's "I already paid").
  const labelled = statusText ? undefined : STATUS_LABELLED.exec(wholeText())?.[1];
  const byLabel = labelled ? statusFromWords(labelled) : 'unknown';
  // Else the block's words, a card's status tag deciding between two statuses they name ("Cerrado" beside a line's
  // "disputa cerrada" or a buyer named "Pagado_Ya").
  const byWords = statusText ? statusFromWords(statusText) : byLabel !== 'unknown' ? byLabel : statusWithTags(wholeText(), allTexts, nick);
  // Else its group's head, in a list grouped by status.
  const status = statusOn(facts.platform, byWords === 'unknown' && !statusCell ? groupStatus(scope, facts, clean) : byWords, () => statusText || wholeText());
  // A status column without a status word: the cells no longer line up with the header.
  if (statusCell && status === 'unknown') return undefined;

  const items = [];
  if (grid) for (const row of grid.rows) {
    const itemCell = itemCellOf(row);
    if (itemCell) items.push(...(itemCell === mainItemCell ? mainItems : itemsIn(itemCell)));
  }
  // No goods column (a card, goods in a table of their own): the goods lines by their prices.
  if (columns.item === undefined) items.push(...goodsByPrice(scope, allTexts(), anchor.el, amount));
  // A row that shows only how many goods it holds ("共 2 种宝贝，3 件", "3 products · 7 pcs"): its lines are listed in a
  // row of their own under it (a table's expanded row).
  else if (grid && items.length <= 1 && (items.length === 0 || GOODS_COUNT.test(items[0]!.title))) {
    const below = goodsBelow(grid, scope, anchor, amount);
    if (below.length > 0) items.splice(0, items.length, ...below);
  }

  const createdCell = cell(columns.created);
  const createdText = createdCell ? spacedText(createdCell, clean) : (CREATED.exec(headText(anchor, scope, clean)) ?? CREATED.exec(wholeText()))?.[1];
  const createdAt = createdText ? readCreated(createdText, facts.clock, now) : undefined;

  let shown: number | undefined;
  if (status === 'unpaid') {
    const deadlineText = spacedText(cell(columns.deadline), clean);
    const near = [statusText, deadlineText].join(' ');
    // A date alone under a deadline's header ("ชำระเงินภายใน" over "อา. 6 ธ.ค. 69 · 23:47 น.") is the deadline.
    shown = deadlineIn(near, facts.clock, now) ?? deadlineIn(wholeText(), facts.clock, now) ?? (deadlineText ? readTime(deadlineText, facts.clock, now) : undefined);
  }
  const estimate = facts.closeHours === undefined ? { autoCloseAt: shown } : closeTimes(status, shown, createdAt, facts.closeHours);

  return {
    platform: facts.platform,
    orderId: anchor.id,
    buyer: { nick: buyer },
    // A goods line still loading ("Đang tải thông tin sản phẩm…") is no goods line yet: it is read when it is drawn.
    items: items.filter((item) => !loadingTitle(item.title)).slice(0, 200),
    amount,
    createdAt,
    ...estimate,
    status,
    statusText: (statusCell ? statusText : '').slice(0, 200) || undefined,
  };
}
