// Grid lists found by order number and header text, for back-offices whose
// rows carry no stable classes. Some back-offices' row markup has never been seen
// publicly (PDD), and others hash every class (Shopee). What survives is the
// order number's shape and the column headers, so these helpers find orders
// from those two anchors alone.
import { findOrderAnchors, orderScopes, preferShown, readRows, type OrderAnchor } from './order-blocks';
import { columnsByHeader, HEADER_WORDS, headerText, type ColumnName } from './page-words';
import { firstOf, joinedOf, leadingOf, matchEach, mostOf, type Matches } from './query';
import { ANY_DIGIT, textOf } from './types';
import { anchorStill, noted } from './block-notes';

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

const TAG_ONLY = /^[a-z][a-z0-9]*$/;

export interface HeaderRow {
  row: Element;
  cells: Element[];
  columns: Partial<Record<ColumnName, number>>;
  /**
   * The cells up to the last one with a word: a row of the list may leave out
   * the empty ones after it (a fixed header's cell over the body's scroll
   * bar). Absent: every cell.
   */
  filled?: number;
  /**
   * 1 when the header's first cell shows no word (a "select all" checkbox): a
   * card of a div list may leave that column out, its checkbox in its own head.
   */
  lead?: number;
}

/**
 * The cells of a header's second row by column, when the row above it spans down into it (a grouped header:
 * "商品信息 (3 columns) | 订单信息 (3 columns)" over "单价 | 数量 | 实收 | 买家 | 状态", a checkbox and "操作" spanning
 * both rows): each column's cell from the second row, else the cell spanning down from the first; an empty one
 * under a group takes the group's name ("商品信息" over the goods' own blank cell).
 */
function stackedCells(row: Element): Element[] | null {
  const above = row.previousElementSibling;
  if (row.tagName !== 'TR' || !above || above.tagName !== 'TR') return null;
  const covering: Element[] = [];
  let spansDown = false;
  for (let c = above.firstElementChild; c; c = c.nextElementSibling) {
    const colSpan = Math.max(1, Math.min(20, Number(c.getAttribute('colspan')) || 1));
    if ((Number(c.getAttribute('rowspan')) || 1) > 1) spansDown = true;
    for (let j = 0; j < colSpan; j++) covering.push(c);
  }
  if (!spansDown || covering.length > 20) return null;
  const bottom = gridCells([above, row])[1]!;
  const cells: Element[] = [];
  for (let col = 0; col < covering.length; col++) {
    const own = bottom.get(col);
    const top = covering[col]!;
    if (!own) cells.push(top);
    else cells.push(textOf(own) || covering[col - 1] === top ? own : top);
  }
  return cells;
}

const HOME = /^(?:home|homepage|首页|首頁|主页|工作台|trang\s*chủ|início|inicio|beranda|หน้าแรก|ホーム|홈|главная|startseite|accueil)$/i;
const NAVIGATION = 'nav, [role="navigation"], [role="menu"], [role="menubar"], [role="tablist"]';
const NAV_CLASS = /(?:^|[-_\s])(?:menu|menubar|nav|navbar|sidebar|sider|sidenav)(?:$|[-_\s])/i;

/** Whether `row` is a site's menu or lies in one: by its element or role, or by its own or its parent's class. */
function inNavigation(row: Element): boolean {
  if (row.tagName === 'TR') return false;
  return !!row.closest(NAVIGATION) || NAV_CLASS.test(row.getAttribute('class') ?? '') || NAV_CLASS.test(row.parentElement?.getAttribute('class') ?? '');
}

/** Whether `row` is a table header's top row of groups: a cell over several columns, one spanning down, a row under it. */
function groupsAbove(row: Element): boolean {
  if (row.tagName !== 'TR' || row.nextElementSibling?.tagName !== 'TR') return false;
  let group = false;
  let down = false;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    if ((Number(c.getAttribute('colspan')) || 1) > 1) group = true;
    if ((Number(c.getAttribute('rowspan')) || 1) > 1) down = true;
  }
  return group && down;
}

/**
 * A header row's cells by column: a table header cell over two columns ("Product" over the checkbox's and the
 * goods' columns, as the rows draw them) stands for each of them, so column numbers are those of the rows' cells.
 */
function spreadCells(row: Element): Element[] {
  const cells = [...row.children];
  if (row.tagName !== 'TR' || !cells.some((c) => (Number(c.getAttribute('colspan')) || 1) > 1)) return cells;
  const spread: Element[] = [];
  for (const c of cells) for (let j = Math.max(1, Math.min(20, Number(c.getAttribute('colspan')) || 1)); j > 0; j--) spread.push(c);
  return spread;
}

const ANY_HEADER_WORD = new RegExp(Object.values(HEADER_WORDS).map((re) => re.source).join('|'), 'i');
const FORM_FIELD = 'input:not([type="checkbox"]):not([type="radio"]), select, textarea, [role="combobox"], [role="searchbox"], [role="textbox"]';

// A box drawn as a field by its class ("next-input", "ant-select", "el-date-picker"), and a search form's buttons.
const FIELD_CLASS = /(?:^|[-_\s])(?:input|select|picker|search(?:box)?)(?:$|[-_\s])/i;
const FORM_BUTTON = /^\s*(?:search|reset|query|filter|查询|搜索|重置|筛选|查詢|搜尋|buscar|pesquisar|filtrar|limpar|tìm\s*kiếm|đặt\s*lại|cari|ค้นหา|รีเซ็ต|検索|リセット|검색|초기화|поиск|найти|сбросить|suchen|zurücksetzen|rechercher|réinitialiser)\s*$/i;

/** Whether a row's cell is part of a form: a label, a field or a box drawn as one, a search form's button. */
function formPart(c: Element): boolean {
  if (c.localName === 'label' || c.matches(FORM_FIELD) || c.querySelector(FORM_FIELD) || FIELD_CLASS.test(c.getAttribute('class') ?? '')) return true;
  return (c.localName === 'button' || c.getAttribute('role') === 'button') && FORM_BUTTON.test(c.textContent ?? '');
}

/** `row` as a header row: at most 20 short cells naming at least `min` known columns. */
function headerOf(row: Element, min: number, extra: Partial<Record<ColumnName, RegExp>>): HeaderRow | null {
  // The top row of a grouped header ("金额(元)" over "单价 | 小计 | 实付", the other cells spanning both rows) names
  // each group's columns alike: the row under it names them one by one (read with the cells spanning down into it).
  if (groupsAbove(row)) {
    const below = headerOf(row.nextElementSibling!, min, extra);
    if (below) return below;
  }
  const cells = stackedCells(row) ?? spreadCells(row);
  const width = cells.length;
  if (width < min || width > 20) return null;
  // Header cells are short labels; a row of order data is not a header.
  // A long cell is a header's only with a tooltip beside its name, in a row whose short cells name columns: looked
  // for only then (most rows of a page are data rows, and a query per long cell would cost more than the rest).
  let long: Element[] | undefined;
  for (const c of cells) if (textLongerThan(c, 40)) (long ??= []).push(c);
  if (long) {
    let named = 0;
    for (const c of cells) if (!long.includes(c) && ANY_HEADER_WORD.test(textOf(c))) named++;
    if (named < 2 || long.some((c) => headerText(c).length > 40)) return null;
  }
  // A search form's fields ("Номер заказа [ ]", "Покупатель [ ]", "Дата заказа [ — ]") name the columns too: two
  // fields to fill make it a form, not a header (a header's one checkbox selects every row). A field's label element
  // is one too (a component library may draw the box itself as a span with its placeholder's words).
  let fields = 0;
  for (const c of cells) if (formPart(c) && ++fields >= 2) return null;
  // A site's menu names pages, not columns ("Home | Products | Orders | Messages | Customers"); with its classes
  // renamed it still leads with the way home, which no list names a column. Asked only of a row that could be a
  // header (a few short cells): the header search tries every row of the page.
  if (inNavigation(row)) return null;
  for (const c of cells) if (HOME.test(textOf(c))) return null;
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
  if (Object.keys(columns).length < min) return null;
  let filled = width;
  while (filled > 1 && !textOf(cells[filled - 1]!)) filled--;
  return textOf(cells[0]) ? { row, cells, columns, filled } : { row, cells, columns, filled, lead: 1 };
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
    const selector = selectors[k]!;
    // The header sits near the top: a bare tag name ("div", "tr") is listed
    // lazily, and another selector's first match is tried before listing all
    // of them (a query would first collect every such element of the page).
    let rows: ArrayLike<Element>;
    if (TAG_ONLY.test(selector) && 'getElementsByTagName' in root) rows = (root as Element | Document).getElementsByTagName(selector);
    else {
      const first = root.querySelector(selector);
      if (!first) continue;
      const found = headerOf(first, min, extra);
      if (found) return found;
      rows = root.querySelectorAll(selector);
    }
    // Indexed until past the end: asking a live list its length would list the whole page.
    for (let r = 0, row = rows[0]; row; row = rows[++r]) {
      const found = headerOf(row, min, extra);
      if (found) return found;
    }
  }
  return null;
}

/** One order's cells by header column: the order-level row and every item row. */
export interface OrderGrid {
  /** The row with a cell under every header column (it carries the order-level cells). */
  main: Map<number, Element>;
  /** Item rows from the main row on, by grid column (a lone full-width note row is not an item). */
  rows: Array<Map<number, Element>>;
  /**
   * The main row's cell that holds the order number and spans the goods
   * columns, when the order's head is its main row ("订单编号：… | buyer |
   * status | total", the goods rows below): the columns it covers show no
   * goods, price or quantity of their own.
   */
  numberCell?: Element;
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
  // A twin that holds the number is the anchor's own head beside its row (a card's head and body, each wrapped).
  return !!twin && twin.tagName === row.tagName && Math.abs(twin.childElementCount - row.childElementCount) <= 1 && !twin.contains(anchor);
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
export function orderGrid(
  scope: readonly Element[],
  header: HeaderRow,
  anchor: Element,
  itemLines: readonly string[] = [],
  rowsInside?: readonly Element[],
): OrderGrid | null {
  const width = header.cells.length;
  const filled = header.filled ?? width;
  // As many cells as the header, or as its cells up to the last with a word.
  const wide = (el: Element) => {
    const count = el.childElementCount;
    return count <= width && count >= filled;
  };
  const first = scope[0];
  if (!first) return null;
  // rowsInside: the table rows inside the scope, when the caller found them in a query of its own.
  // A tag's own live list finds a scope's rows (or, on a div grid, that it has none) cheaper than a query.
  const trs = first.tagName === 'TR' ? [...scope] : rowsInside ? [...rowsInside] : scope.flatMap((s) => rowsIn(s));
  if (trs.length > 0) {
    // The main row has exactly one cell per header column: as many cells, none spanning columns.
    const spanOf = (c: Element) => Math.max(1, Number(c.getAttribute('colspan')) || 1);
    // A cell spans columns only where one header cell spans the same ones (the goods' cell under "Product" over two).
    const fullWidth = (tr: Element) => {
      let col = 0;
      for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
        const span = spanOf(c);
        const over = header.cells[col];
        if (span !== 1 && (!over || header.cells[col - 1] === over || header.cells[col + span - 1] !== over || header.cells[col + span] === over)) return false;
        col += span;
      }
      return col <= width && col >= filled;
    };
    const isMain = (tr: Element) => fullWidth(tr) && !tr.contains(anchor);
    let mainIndex = trs.findIndex(isMain);
    // The order's own row holds its number and its total (one row per order): a row of cells after it is another
    // order's whose number went missing, never this one's.
    if (mainIndex >= 0 && header.columns.amount !== undefined) {
      const ownRow = trs.find((tr) => fullWidth(tr) && tr.contains(anchor) && numberCell(tr, anchor, header));
      if (ownRow && showsDigit(gridCells([ownRow])[0]!.get(header.columns.amount))) return null;
    }
    // No row of cells apart from the number's: the number sits in a cell of the order's own row (one row per order).
    let own = mainIndex < 0 ? trs.findIndex((tr) => fullWidth(tr) && numberCell(tr, anchor, header)) : -1;
    // Or in a cell of it that spans the goods columns, the goods rows below (a summary row first).
    let spanning: Element | undefined;
    if (mainIndex < 0 && own < 0) {
      for (let i = 0; i < trs.length && !spanning; i++) if ((spanning = spanningNumberCell(trs[i]!, anchor, header, filled))) own = i;
    }
    if (own >= 0) mainIndex = own;
    if (mainIndex < 0) return null;
    // An order whose number went missing leaves its rows to the order before
    // it: the main row follows this order's number with no other order's head
    // (a row across the whole table) between them, and is the scope's only one.
    const main = trs[mainIndex]!;
    if (own < 0 && !(anchor.compareDocumentPosition(main) & 4 /* FOLLOWING */)) return null;
    for (let i = mainIndex + 1; i < trs.length; i++) if (isMain(trs[i]!)) return null;
    // Nor a row of cells between them: that is this order's own row, damaged, and the main row another's.
    for (let i = 0; i < mainIndex; i++) {
      const tr = trs[i]!;
      // A note or an editor open across the row ("卖家备注：…", a memo's text box) is no order's head.
      const across = tr.childElementCount === 1 && spanOf(tr.firstElementChild!) >= filled && !noteOrEditor(tr);
      if ((across || tr.childElementCount >= 2) && !tr.contains(anchor) && anchor.compareDocumentPosition(tr) & 4 /* FOLLOWING */) return null;
    }
    const maps = gridCells(trs);
    // A goods row holds two cells or more, or one that the main row's cells spanning down push off the first column
    // (the goods column's own, its price and quantity in it: "8,99 US $ × 2").
    // A row whose cell under the goods column spans on over another column the header names is a note's ("Buyer
    // message: …", "买家留言：…" across the row), no goods line.
    const itemAt = header.columns.item;
    const named = Object.values(header.columns);
    const noteRow = (m: Map<number, Element>) => {
      const cell = itemAt === undefined ? undefined : m.get(itemAt);
      const span = cell ? spanOf(cell) : 1;
      return span > 1 && named.some((c) => c !== undefined && c > itemAt! && c < itemAt! + span && header.cells[c] !== header.cells[itemAt!]);
    };
    const rows = maps.slice(mainIndex).filter((m, i) => {
      if (i > 0 && noteRow(m)) return false;
      const count = trs[mainIndex + i]!.childElementCount;
      if (count !== 1) return count >= 2;
      const [at, cell] = m.entries().next().value!;
      // Or one in the first column beside the main row's cells that span down over it (the goods column first).
      return spanOf(cell) === 1 && (at > 0 || (i > 0 && spansDownTo(main, i)));
    });
    return spanning ? { main: maps[mainIndex]!, rows, numberCell: spanning } : { main: maps[mainIndex]!, rows };
  }
  // Div grids: the element with one child per header column. Two such rows,
  // neither inside the other, mean the scope spans more than one order (an
  // order lost its number), or that goods lines (one of them no longer marked
  // as one) have as many children as the header: which total is whose cannot
  // be told, so none is read.
  const lines = joinedLines(itemLines);
  const inLine = (el: Element, s: Element) => {
    if (!lines) return false;
    for (let up: Element | null = el; up && up !== s; up = up.parentElement) if (up.matches(lines)) return true;
    return false;
  };
  // Under a header row by role ('role="row"'), the order's rows are rows by role too: a buyer's line of as many
  // children ("Buyer:", the name, "Chat") is no row. Without such a row in the scope, any element may be one but a
  // line that shows no number under the total's column (a head's icon, "Người mua:", the name, "Nhắn tin").
  const amountAt = header.columns.amount;
  // A row one cell short of the header whose first cell is a checkbox's: its cells are the header's from the second on.
  const lead = header.lead ?? 0;
  // Or one cell more than the header, its first a row's checkbox under no header cell of its own: the rest are the header's.
  const shiftOf = (el: Element) => (lead && el.childElementCount === filled - 1 ? 1 : !lead && el.childElementCount === width + 1 && checkboxOnly(el.firstElementChild) ? -1 : 0);
  const divWide = (el: Element) => wide(el) || shiftOf(el) !== 0;
  const showsTotal = (el: Element) => amountAt === undefined || showsDigit(el.children[amountAt - shiftOf(el)]);
  const search = (byRole: boolean) => {
    let found: Element | null = null;
    let foundInLine = false;
    // A row of cells that holds the number in one of them: the order's own row when the scope holds no other.
    let own: Element | null = null;
    for (const s of scope) {
      for (let el: Element | null = s; el; ) {
        let skipInside = false;
        // A tooltip's list ("Subtotal | Rp148.000 | Shipping | Rp21.000 …" as dt and dd) is no row, however many children it has.
        if (divWide(el) && (!byRole || el.getAttribute('role') === 'row') && !el.closest(TOOLTIP)) {
          if (!el.contains(anchor)) {
            skipInside = true;
            if (showsTotal(el)) {
              // A goods line (picture, name, price …) can have as many children as a
              // header that lost columns: an order's row is never inside one.
              const lineCell = inLine(el, s);
              if (found) return null;
              found = el;
              foundInLine = lineCell;
            }
          } else if (!own && numberCell(el, anchor, header)) {
            own = el;
            // Its inside is its cells: a goods line in one is not another row.
            skipInside = true;
          }
        }
        // Depth first; a found row's inside is its cells, not another row.
        el = nextElement(el, s, skipInside);
      }
    }
    return { found: found as Element | null, foundInLine, own: own as Element | null };
  };
  const byRole = header.row.getAttribute('role') === 'row' ? search(true) : undefined;
  // Two rows by role: which total is whose cannot be told.
  if (byRole === null) return null;
  const rowsFound = byRole && (byRole.found || byRole.own) ? byRole : search(false);
  if (!rowsFound) return null;
  let { found } = rowsFound;
  const { foundInLine, own } = rowsFound;
  if (!found && own && !inLine(own, scope[0]!)) found = own;
  else if (!found && !own) return nestedGrid(scope, anchor, width, filled, amountAt);
  else if (!found || foundInLine || inSiblingBlocks(anchor, found)) return null;
  const shift = shiftOf(found);
  const cellsOf = (row: Element) => {
    const map = gridCells([row])[0]!;
    return shift ? new Map([...map].map(([at, cell]) => [at + shift, cell] as const).filter(([at]) => at >= 0)) : map;
  };
  const map = cellsOf(found);
  // Goods rows after a div main row, as a table's rowspans become in a div
  // grid: rows of the same kind with fewer cells (the order-level cells span
  // them), their goods cells first.
  const rows = [map];
  for (let next = found.nextElementSibling; next; next = next.nextElementSibling) {
    const cells = next.childElementCount;
    // Or as many cells, those under the total's column left empty (a div grid that draws every row whole).
    if (cells < 2 || (cells >= filled - shift && (amountAt === undefined || showsTotal(next))) || !sameKind(next, found) || next.contains(anchor)) break;
    rows.push(cellsOf(next));
  }
  return { main: map, rows };
}

// What a note across an order's rows starts with: the buyer's message or the seller's memo.
const NOTE_START = /^\s*(?:买家留言|买家备注|卖家备注|订单备注|備註|留言|备注|旗帜|(?:buyer|seller)(?:'s)?\s+(?:note|message|memo)|(?:order\s+)?(?:note|memo|remark)s?\s*[:：]|ghi\s*chú|nota|observa[cç](?:ão|ões))/i;

const TOOLTIP = '[role="tooltip"]';

/** Whether `el` is a row's checkbox and nothing more (the box itself, or an element holding only one, with no text). */
function checkboxOnly(el: Element | null): boolean {
  if (!el) return false;
  if (el.localName === 'input') return (el.getAttribute('type') ?? '').toLowerCase() === 'checkbox';
  return el.childElementCount <= 3 && !(el.textContent ?? '').trim() && el.querySelector('input[type="checkbox" i]') !== null;
}

/** Whether a table row is a note ("卖家备注：…") or an editor (a memo's text box), not an order's head. */
function noteOrEditor(tr: Element): boolean {
  return tr.querySelector('textarea, input:not([type="checkbox"]):not([type="radio"]), [contenteditable="true"]') !== null || NOTE_START.test(textOf(tr));
}

/** Whether a cell of table row `tr` spans down over the row `below` rows under it. */
function spansDownTo(tr: Element, below: number): boolean {
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if ((Number(c.getAttribute('rowspan')) || 1) > below) return true;
  return false;
}

/** Whether a digit is in `el`'s text, its texts read in order until one has one (an amount's cell: its first). */
function showsDigit(el: Element | undefined): boolean {
  if (!el) return false;
  for (let at: Node | null = el.firstChild; at; ) {
    if (at.nodeType === 3 && ANY_DIGIT.test(at.nodeValue as string)) return true;
    if (at.firstChild) at = at.firstChild;
    else {
      while (at && at !== el && !at.nextSibling) at = at.parentNode;
      at = at && at !== el ? at.nextSibling : null;
    }
  }
  return false;
}

/**
 * An order's row whose first cell holds its goods lines as rows of their own under the header's first columns
 * ("宝贝 | 单价 | 数量 | 子订单状态" for each goods line), its other cells lining up with the header's last columns
 * ("实收款 | 订单状态 | 操作"). Null unless exactly one such row shows a number under the total's column.
 */
function nestedGrid(scope: readonly Element[], anchor: Element, width: number, filled: number, amountAt: number | undefined): OrderGrid | null {
  let result: OrderGrid | null = null;
  for (const s of scope) {
    for (let el: Element | null = s; el; ) {
      const k = el.childElementCount;
      const inner = width - k + 1;
      let skipInside = false;
      // The goods cell: the first, or the one after an empty first (a checkbox's column left blank).
      let at = 0;
      let goods = el.firstElementChild;
      if (goods && goods.childElementCount === 0 && !(goods.textContent ?? '').trim()) {
        goods = goods.nextElementSibling;
        at = 1;
      }
      if (k >= 2 && k < filled && inner >= 2 && goods && !goods.contains(anchor)) {
        // The goods lines: the goods cell's children (or their children) with a cell per inner column, all alike.
        let lines: Element[] = [];
        for (let box: Element | null = goods, depth = 0; box && depth < 3 && lines.length === 0; box = box.childElementCount === 1 ? box.firstElementChild : null, depth++) {
          // A toggle that folds the lines ("+3 more items ▾") is no line.
          const kids = [...box.children].filter((c) => !((c.localName === 'a' || c.localName === 'button') && c.childElementCount <= 1));
          if (kids.length > 0 && kids.every((c) => c.childElementCount === inner && sameKind(c, kids[0]!))) lines = kids;
        }
        if (lines.length > 0) {
          const rows = gridCells(lines).map((row) => (at === 0 ? row : new Map([...row].map(([column, cell]) => [column + at, cell]))));
          const main = new Map(rows[0]);
          [...el.children].forEach((c, i) => {
            if (i < at) main.set(i, c);
            else if (i > at) main.set(inner + i - 1, c);
          });
          // Its total's cell shows a number, as an order's row does.
          if (amountAt === undefined || showsDigit(main.get(amountAt))) {
            if (result) return null;
            result = { main, rows };
            skipInside = true;
          }
        }
      }
      el = nextElement(el, s, skipInside);
    }
  }
  return result;
}

/** The element after `el` in page order inside `root`, depth first; past `el`'s inside when `skipInside`. */
function nextElement(el: Element, root: Element, skipInside: boolean): Element | null {
  if (el.firstElementChild && !skipInside) return el.firstElementChild;
  let at: Element | null = el;
  while (at && at !== root && !at.nextElementSibling) at = at.parentElement;
  return at && at !== root ? at.nextElementSibling : null;
}

/**
 * Whether the number `anchor` sits in a cell of `row` under the header's
 * order column ("Order", "订单号"). A number in any other cell (a package's or
 * a sub-order's, printed bare) is no order's: its row is another number's.
 */
function numberCell(row: Element, anchor: Element, header: HeaderRow): boolean {
  const { order } = header.columns;
  if (order === undefined || row === anchor || !row.contains(anchor)) return false;
  let index = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling, index++) if (c.contains(anchor)) return index === order;
  return false;
}

/**
 * The cell of table row `tr` that holds the number `anchor` and spans two or
 * more of the header's columns, none of them the total's, buyer's or
 * status's, when the row's cells span the header's width: an order's summary
 * row over its goods rows.
 */
function spanningNumberCell(tr: Element, anchor: Element, header: HeaderRow, filled: number): Element | undefined {
  if (!tr.contains(anchor) || tr === anchor) return undefined;
  const { amount, buyer, status } = header.columns;
  let col = 0;
  let found: Element | undefined;
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const span = Math.max(1, Math.min(50, Number(c.getAttribute('colspan')) || 1));
    if (c.contains(anchor)) {
      const covers = (index: number | undefined) => index !== undefined && index >= col && index < col + span;
      if (span < 2 || covers(amount) || covers(buyer) || covers(status)) return undefined;
      found = c;
    }
    col += span;
  }
  return found && col >= filled && col <= header.cells.length ? found : undefined;
}

const joinedLists = new WeakMap<readonly string[], string>();
/** A list's selectors joined, once per list (the lists are module constants). */
function joinedLines(list: readonly string[]): string {
  let joined = joinedLists.get(list);
  if (joined === undefined) joinedLists.set(list, (joined = list.join(',')));
  return joined;
}

/** The table rows inside `el`, in page order (what querySelectorAll('tr') gives). */
function rowsIn(el: Element): Element[] {
  const rows = el.getElementsByTagName('tr');
  return rows[0] ? Array.from(rows) : [];
}

/** The cell of a row under a header column, if the column is known and the row has one. */
export function cellAt(row: Map<number, Element>, index: number | undefined): Element | undefined {
  return index === undefined ? undefined : row.get(index);
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
  readOne: (anchor: OrderAnchor, scope: Element[], header: HeaderRow, now?: number) => O | undefined,
): GridList<O> | null {
  if (!doc.body) return null;
  const header = findHeaderRow(doc.body, spec.headerRow, 3);
  if (!header) return null;
  // A number mentioned in a sentence (a toast's "Order 2612… has been paid") is no order's where others show on their own.
  const anchors = preferShown(findOrderAnchors(doc.body, spec.orderNumber));
  // With two orders or more, each order's part of the page lies below what
  // they share, so tabs and pager cannot be inside one: skip those subtrees.
  const fenced = anchors.length >= 2 ? orderScopes(anchors, [header.row]) : undefined;
  const found = matchEach(doc, [spec.selectedTab, spec.activePage, spec.pageItems, spec.nextPage], fenced ? fenced.flat() : []);
  const tab = firstOf(found, spec.selectedTab);
  const active = firstOf(found, spec.activePage);
  // The tab and pager also fence the orders in, but a fence only stops an
  // order's part from growing over it: when no part holds either, the parts
  // are the same, and the page's ancestors need not be walked again.
  const holds = (scope: Element[]) => (tab !== null && scope[0]!.contains(tab)) || (active !== null && scope[0]!.contains(active));
  const scopes = fenced && !fenced.some(holds) ? fenced : orderScopes(anchors, [header.row, tab, active]);
  const { orders, unreadable } = readRows(
    anchors,
    noted(
      (anchor, i, now) => readOne(anchor, scopes[i]!, header, now),
      (_anchor, i) => scopes[i]!,
      (anchor, i) => anchorStill(anchor, scopes[i]!, spec.orderNumber),
    ),
  );
  const complete = mostOf(found, spec.pageItems) <= 1 && !firstOf(found, spec.nextPage);
  return { header, found, orders, unreadable, anchors: anchors.length, complete };
}
