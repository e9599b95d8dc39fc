// The drift corpus: markup variants of a fixture order list, as a platform
// redeploy would produce them. Text stays the same (only header labels change
// language in one variant); classes, ids, wrappers, table-vs-card layout,
// where the order number sits and the column order change. Deterministic: the
// same fixture always gives the same variants.
//
// Test-only code. It works on any DOM (happy-dom in vitest, happy-dom's
// Window in a Playwright spec) through the `parse` function it is given.
import { findHeaderRow } from '../../lib/platforms/grid';
import { HEADER_WORDS } from '../../lib/platforms/page-words';
import { continuesWord, nextInlineText, previousInlineText } from '../../lib/platforms/page-text';

export const VARIANTS = ['rehashed', 'renamed', 'reshaped', 'numberRowFirst', 'wrapped', 'reordered', 'relabelled', 'splitAmounts', 'struckPrices', 'spelledDates', 'buyerBadges', 'countdownWords', 'otherNumbers', 'partAmounts', 'approxAmounts', 'invisibleMarks', 'currencyForms', 'shadowRoot', 'paidSoFar'] as const;
export type VariantName = (typeof VARIANTS)[number];

export interface Variant {
  name: VariantName;
  html: string;
}

type Parse = (html: string) => Document;

/** What a variant needs to know of the page that its markup does not say (buyerBadges: where the names are). */
export interface PageFacts {
  /** The buyers' names as the page shows them. */
  nicks: readonly string[];
}

const HEADER_SELECTORS = ['thead tr', 'tr', '[role="row"]', 'div'];

/** A stable pseudo-hash of `text`: `len` letters and digits, at least one digit. */
function hashOf(text: string, len: number, salt = 'drift'): string {
  let h = 2166136261;
  for (const ch of salt + text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < len; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return /\d/.test(out) ? out : out.slice(0, -1) + String(h % 10);
}

function serialize(doc: Document): string {
  return '<!DOCTYPE html>\n' + doc.documentElement.outerHTML;
}

/** The order blocks of a fixture: each order's outermost element, marked by the fixture. */
function blocksOf(doc: Document): Element[] {
  return [...doc.querySelectorAll('[data-fixture-order]')];
}

/** The words of `table` for the page's language (its lang attribute), English when it has none of them. */
function inPageLanguage<T>(doc: Document, table: Readonly<Record<string, T>>): T {
  const lang = doc.documentElement.lang || 'en';
  return table[Object.keys(table).find((l) => lang.startsWith(l)) ?? 'en']!;
}

function headerOf(doc: Document): { row: Element; width: number } {
  const header = findHeaderRow(doc.body, HEADER_SELECTORS, 3);
  if (!header) throw new Error('fixture has no header row');
  return { row: header.row, width: header.cells.length };
}

/** Replaces `el` by a new element `tag` with its attributes (minus `drop`) and children. */
function retag(el: Element, tag: string, drop: readonly string[] = []): Element {
  const doc = el.ownerDocument;
  const next = doc.createElement(tag);
  for (const attr of [...el.attributes]) if (!drop.includes(attr.name)) next.setAttribute(attr.name, attr.value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.replaceWith(next);
  return next;
}

// ---- (a) class hashes changed ----

const HASHED: ReadonlyArray<[RegExp, number]> = [
  [/^(.+___)([A-Za-z0-9_-]{5})$/, 5], // item-mod__trade-order___2LnGB
  [/^(.+--)([A-Za-z0-9]{4,6})$/, 5], // amount--amount--2Zx9p
  [/^([A-Za-z][\w-]*_[\w-]+__)([A-Za-z0-9]{5})$/, 5], // order-card_wrap__3Nn1b, OrderCard_container__x8F2a
];

/**
 * Every class token of the page through `rename`, in its elements and in its own style sheets' selectors alike: a
 * redeploy renames the classes its styles use (a price struck through by a class stays struck).
 */
function renameClasses(doc: Document, rename: (token: string) => string): void {
  const renamedTokens = new Map<string, string>();
  for (const el of doc.querySelectorAll('[class]')) {
    const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    el.setAttribute(
      'class',
      tokens
        .map((t) => {
          const next = rename(t);
          renamedTokens.set(t, next);
          return next;
        })
        .join(' '),
    );
  }
  for (const style of doc.querySelectorAll('style')) {
    style.textContent = (style.textContent ?? '').replace(/\.(-?[_a-zA-Z][\w-]*)/g, (whole, token: string) => {
      const next = renamedTokens.get(token);
      return next === undefined ? whole : `.${next}`;
    });
  }
}

function rehashed(doc: Document): void {
  renameClasses(doc, (t) => {
    const version = /^(.+_)(\d+-\d+-\d+)$/.exec(t); // TB_tr_5-112-0
    if (version) return `${version[1]}6-3-1`;
    for (const [re, len] of HASHED) {
      const m = re.exec(t);
      if (m) return m[1] + hashOf(t, len);
    }
    return t;
  });
}

// ---- (b) every class and id renamed, data-testid dropped ----

function renamed(doc: Document): void {
  renameClasses(doc, (t) => `x${hashOf(t, 6, 'cls')}`);
  for (const el of doc.querySelectorAll('[id]')) el.setAttribute('id', `i${hashOf(el.id, 6, 'id')}`);
  for (const el of doc.querySelectorAll('[data-testid]')) el.removeAttribute('data-testid');
  for (const el of doc.querySelectorAll('[data-fixture-order]')) el.removeAttribute('data-fixture-order');
}

// ---- (c) tables to div cards, div cards to table rows ----

const TABLE_TAGS = 'table, thead, tbody, tfoot, tr, td, th';

function usesTables(doc: Document): boolean {
  return blocksOf(doc).some((b) => /^(TABLE|TBODY|TR)$/.test(b.tagName) || b.querySelector('table, tr'));
}

/** Every table element becomes a div (spans dropped): cards and rows of divs, as CSS-grid lists are built. */
function divify(doc: Document): void {
  for (const el of doc.querySelectorAll('colgroup, col')) el.remove();
  // Deepest first, so a replaced parent still holds its (already replaced) children.
  const all = [...doc.querySelectorAll(TABLE_TAGS)].reverse();
  for (const el of all) retag(el, 'div', ['colspan', 'rowspan']);
}

/** The first element at or under `el` with exactly `width` element children. */
function rowUnder(el: Element, width: number): Element | null {
  // An icon's drawing is no row: its paths are not cells (and would take the row's own text with them).
  if (el.localName === 'svg') return null;
  if (el.childElementCount === width) return el;
  for (const child of el.children) {
    const found = rowUnder(child, width);
    if (found) return found;
  }
  return null;
}

/**
 * Div cards become tables: the header row a thead row, each card a table
 * whose grid row is a tr of tds, and whatever else the card holds (its head
 * with the order number) a full-width row above.
 */
function tableify(doc: Document): void {
  const { row: headerRow, width } = headerOf(doc);
  if (headerRow.tagName !== 'TR') {
    const table = doc.createElement('table');
    const thead = doc.createElement('thead');
    const tr = doc.createElement('tr');
    for (const attr of [...headerRow.attributes]) tr.setAttribute(attr.name, attr.value);
    for (const cell of [...headerRow.children]) {
      const th = doc.createElement('th');
      while (cell.firstChild) th.appendChild(cell.firstChild);
      tr.appendChild(th);
    }
    thead.appendChild(tr);
    table.appendChild(thead);
    headerRow.replaceWith(table);
  }
  for (const block of blocksOf(doc)) {
    if (/^(TABLE|TBODY|TR)$/.test(block.tagName) || block.querySelector('table')) continue;
    const table = doc.createElement('table');
    for (const attr of [...block.attributes]) table.setAttribute(attr.name, attr.value);
    const tbody = doc.createElement('tbody');
    table.appendChild(tbody);
    for (const child of [...block.children]) {
      const found = rowUnder(child, width);
      // A row with text beside it (an order's head around a line of four parts) stays whole in a full-width row: its
      // cells alone would leave that text out.
      const gridRow = found && (child.textContent ?? '').replace(found.textContent ?? '', '').trim() === '' ? found : null;
      const tr = doc.createElement('tr');
      if (gridRow) {
        for (const cell of [...gridRow.children]) {
          const td = doc.createElement('td');
          for (const attr of [...cell.attributes]) td.setAttribute(attr.name, attr.value);
          while (cell.firstChild) td.appendChild(cell.firstChild);
          tr.appendChild(td);
        }
      } else {
        const td = doc.createElement('td');
        td.setAttribute('colspan', String(width));
        td.appendChild(child);
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    block.replaceWith(table);
  }
}

function reshaped(doc: Document): void {
  if (usesTables(doc)) divify(doc);
  else tableify(doc);
}

// ---- (d) the order-number row above the goods rows, in one shared table ----

/** The text node showing the order number of `block` (data-fixture-order). */
/** The text fields under `root` (never a checkbox, whose value an order list may set to the order's number). */
export function textFields(root: ParentNode): HTMLInputElement[] {
  return ([...root.querySelectorAll('input, textarea')] as HTMLInputElement[]).filter((f) => !/^(?:checkbox|radio|hidden|button|submit)$/i.test(f.getAttribute('type') ?? ''));
}

/** The form field of `block` whose value holds `id` (a list that shows its numbers only so). */
function fieldShowing(block: Element, id: string): HTMLInputElement | HTMLTextAreaElement | undefined {
  return textFields(block).find((f) => f.value.includes(id));
}

function numberNode(block: Element, id: string): Text | null {
  const walker = block.ownerDocument.createTreeWalker(block, 4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.nodeValue?.includes(id)) return t as Text;
  return null;
}

/**
 * Every order's rows in one shared tbody under the list header: first a
 * full-width row holding the order number (and whatever else the order's head
 * shows), then its goods rows. A number that sat in a cell of a goods row is
 * taken out into the number row.
 */
function numberRowFirst(doc: Document): void {
  if (!usesTables(doc)) tableify(doc);
  const { row: headerRow, width } = headerOf(doc);
  const blocks = blocksOf(doc);
  if (blocks.length === 0) return;
  // A list in groups, each under a head that names its orders' buyer or status ("Carlos Mendes · 3 orders"): one table
  // of every order would leave the heads behind, each order's buyer or status no longer on the page.
  const parents = new Set(blocks.map((b) => b.parentElement));
  if (parents.size > 1 && [...parents].some((p) => p && [...p.children].some((c) => !c.hasAttribute('data-fixture-order') && !blocks.some((b) => c.contains(b)) && (c.textContent ?? '').trim() !== '' && p.firstElementChild === c && blocks.some((b) => b.parentElement === p)))) {
    throw new Error('a list in groups under heads of their own');
  }
  const table = doc.createElement('table');
  const thead = doc.createElement('thead');
  const tbody = doc.createElement('tbody');
  table.append(thead, tbody);
  const at = blocks[0]!.tagName === 'TBODY' || blocks[0]!.tagName === 'TR' ? blocks[0]!.closest('table')! : blocks[0]!;
  at.parentElement!.insertBefore(table, at);
  const headerTable = headerRow.closest('table');
  thead.appendChild(headerRow);
  if (headerTable && headerTable !== table && !headerTable.querySelector('tr')) headerTable.remove();
  for (const block of blocks) {
    const id = block.getAttribute('data-fixture-order')!;
    const rows = block.tagName === 'TR' ? [block] : [...block.querySelectorAll('tr')];
    const numberText = numberNode(block, id);
    const numberRow = numberText?.parentElement?.closest('tr') ?? null;
    const fullRow = (content: Node[]) => {
      const tr = doc.createElement('tr');
      const td = doc.createElement('td');
      td.setAttribute('colspan', String(width));
      for (const node of content) td.appendChild(node);
      tr.appendChild(td);
      return tr;
    };
    let first: Element;
    if (numberRow && numberRow.childElementCount < width) {
      // A head row: its cells' contents side by side in one full-width cell.
      const content: Node[] = [];
      for (const cell of [...numberRow.children]) {
        const span = doc.createElement('span');
        while (cell.firstChild) span.appendChild(cell.firstChild);
        content.push(span);
      }
      first = fullRow(content);
    } else {
      // The number sits in a goods row's cell: take it out.
      const holder = numberText!.parentElement!;
      first = fullRow([holder]);
    }
    tbody.appendChild(first);
    for (const row of rows) if (row !== numberRow) tbody.appendChild(row);
    if (block.isConnected && block.tagName !== 'TR') block.remove();
  }
  for (const t of doc.querySelectorAll('table')) if (t !== table && !t.querySelector('tr')) t.remove();
}

// ---- (e) extra wrappers ----

function wrapChildren(el: Element): void {
  const div = el.ownerDocument.createElement('div');
  while (el.firstChild) div.appendChild(el.firstChild);
  el.appendChild(div);
}

function wrapped(doc: Document): void {
  const { row: headerRow, width } = headerOf(doc);
  for (const cell of headerRow.children) wrapChildren(cell);
  for (const block of blocksOf(doc)) {
    for (const el of [...block.querySelectorAll('*')]) {
      if (/^(TD|TH)$/.test(el.tagName) || (el.childElementCount === width && !/^(TR|TBODY|TABLE)$/.test(el.tagName))) {
        if (/^(TD|TH)$/.test(el.tagName)) wrapChildren(el);
        else for (const cell of el.children) wrapChildren(cell);
      }
    }
    if (/^(TABLE|TBODY|TR)$/.test(block.tagName)) continue;
    for (const child of [...block.children]) {
      const div = doc.createElement('div');
      child.replaceWith(div);
      div.appendChild(child);
    }
    const outer = doc.createElement('div');
    const inner = doc.createElement('div');
    block.replaceWith(outer);
    outer.appendChild(inner);
    inner.appendChild(block);
  }
  const list = blocksOf(doc)[0]?.parentElement;
  if (list && list.tagName === 'DIV') wrapChildren(list);
}

// ---- (f) columns reordered, header and cells alike ----

/** New start column of a cell at `col` spanning `span` columns, the columns reversed. */
const reversedAt = (col: number, span: number, width: number) => width - (col + span);

function reorderTableSection(section: Element, width: number): void {
  const rows = [...section.children].filter((r) => r.tagName === 'TR');
  // Columns each row's cells start at, honouring spans from rows above.
  const spanned: Array<Set<number>> = rows.map(() => new Set());
  rows.forEach((row, r) => {
    const placed: Array<[Element, number, number]> = [];
    let col = 0;
    for (const cell of [...row.children]) {
      while (spanned[r]!.has(col)) col++;
      const colSpan = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
      const rowSpan = Math.max(1, Number(cell.getAttribute('rowspan')) || 1);
      for (let i = 1; i < rowSpan && r + i < rows.length; i++) for (let j = 0; j < colSpan; j++) spanned[r + i]!.add(col + j);
      placed.push([cell, col, colSpan]);
      col += colSpan;
    }
    // A head row (one cell across the table, or cells that are not a grid) stays as it is.
    if (col !== width && !(spanned[r]!.size > 0 && col <= width)) return;
    if (placed.length === 1) return;
    placed.sort((a, b) => reversedAt(a[1], a[2], width) - reversedAt(b[1], b[2], width));
    for (const [cell] of placed) row.appendChild(cell);
  });
}

function reordered(doc: Document): void {
  const { row: headerRow, width } = headerOf(doc);
  // Every copy of the header row (a table library's fixed header drawn again over the body) changes with it.
  const words = headerRow.textContent;
  for (const row of [...doc.querySelectorAll(headerRow.tagName)].filter((r) => r === headerRow || (r.childElementCount === width && r.textContent === words))) {
    for (const cell of [...row.children].reverse()) row.appendChild(cell);
  }
  for (const block of blocksOf(doc)) {
    const sections = new Set<Element>();
    for (const tr of block.tagName === 'TR' ? [block] : block.querySelectorAll('tr')) sections.add(tr.parentElement!);
    for (const section of sections) {
      const hasGridRow = [...section.children].some((r) => r.tagName === 'TR' && r.childElementCount === width);
      if (hasGridRow) reorderTableSection(section, width);
    }
    if (block.tagName === 'TR' || block.tagName === 'TBODY') continue;
    // Div grids: every row with a cell per column, outermost only.
    const divRows: Element[] = [];
    const walk = (el: Element) => {
      for (const child of el.children) {
        // A line of inline parts is no row (a buyer's icon, label, name and chat link: reversed, the label would name
        // what follows it on the page), nor a clock drawn a character an element ("2 3 : 1 4 : 0 5", reversed "50:41:32").
        const characters = [...child.children].every((c) => (c.textContent ?? '').trim().length <= 1);
        if (child.tagName !== 'TR' && !/^(TABLE|TBODY|THEAD|SPAN|A|LABEL|B|I|EM|STRONG|FONT|SMALL|svg)$/.test(child.tagName) && child.childElementCount === width && !characters) divRows.push(child);
        else walk(child);
      }
    };
    walk(block);
    for (const row of divRows) for (const cell of [...row.children].reverse()) row.appendChild(cell);
  }
}

// ---- (g) header labels in the back-office's other language ----

/** Header and head labels as the fixtures print them, and the same label in the back-office's other language. */
export const OTHER_LANGUAGE: Readonly<Record<string, string>> = {
  // Chinese back-offices, shown in English.
  '宝贝': 'Item',
  '商品': 'Product',
  '商品信息': 'Product info',
  '单价': 'Unit price',
  '单价(元)': 'Unit price (CNY)',
  '数量': 'Quantity',
  '售后': 'After-sales',
  '买家': 'Buyer',
  '交易状态': 'Status',
  '订单状态': 'Order status',
  '实收款': 'Total',
  '实付金额': 'Amount paid',
  '实收金额(元)': 'Order amount (CNY)',
  '操作': 'Actions',
  '订单号': 'Order No.',
  '订单号:': 'Order No.:',
  '订单编号：': 'Order No.:',
  '创建时间': 'Created',
  '订单金额': 'Order amount',
  '订单号：': 'Order ID:',
  '下单时间：': 'Order time:',
  '买家：': 'Buyer:',
  '产品': 'Product',
  '金额': 'Amount',
  '状态': 'Status',
  '订单总额': 'Order total',
  // English (and other) back-offices, shown in Chinese or English.
  'Product': '商品',
  'Products': '商品',
  'Unit price': '单价',
  'Quantity': '数量',
  'Order amount': '订单金额',
  'Order status': '订单状态',
  'Actions': '操作',
  'Buyer': '买家',
  'Amount': '金额',
  'Status': '状态',
  'Order ID:': '订单号:',
  'Order time:': '下单时间:',
  'Buyer:': '买家:',
  'Total': '合计',
  'Product(s)': '商品',
  'Order Total': 'Tổng Đơn hàng',
  'Countdown': 'Đếm ngược',
  'Shipping Channel': 'Đơn vị vận chuyển',
  'Produto(s)': 'Product(s)',
  'Comprador': 'Buyer',
  'Valor total': 'Total',
  'Ações': 'Actions',
  'Total do pedido': 'Order Total',
  'Contagem regressiva': 'Countdown',
  'Forma de envio': 'Shipping option',
  'Người mua': 'Buyer',
  'Tổng tiền': 'Total',
  'Sản phẩm': 'Product',
  'Tổng Đơn hàng': 'Order total',
  'Trạng thái': 'Status',
  'Đếm ngược': 'Countdown',
  'Đơn vị vận chuyển': 'Shipping channel',
  'Thao tác': 'Actions',
  // Shopee Indonesia, Thailand and Taiwan: their seller centres' other language is English.
  'Produk': 'Product(s)',
  'Total Pesanan': 'Order Total',
  'Hitung Mundur': 'Countdown',
  'Jasa Kirim': 'Shipping Channel',
  'Aksi': 'Actions',
  'สินค้า': 'Product(s)',
  'ยอดคำสั่งซื้อ': 'Order Total',
  'สถานะ': 'Status',
  'นับถอยหลัง': 'Countdown',
  'ช่องทางการจัดส่ง': 'Shipping Channel',
  'การดำเนินการ': 'Actions',
  '訂單金額': 'Order Total',
  '狀態': 'Status',
  '倒數計時': 'Countdown',
  '物流方式': 'Shipping Channel',
  // TikTok Shop Thailand, Indonesia, Japan and Germany: English is their seller centres' other language.
  'ยอดรวม': 'Total',
  'ผู้ซื้อ': 'Buyer',
  'Pembeli': 'Buyer',
  'Tindakan': 'Actions',
  '合計': 'Total',
  '購入者': 'Buyer',
  'ステータス': 'Status',
  'Produkt': 'Product',
  'Gesamt': 'Total',
  'Käufer': 'Buyer',
  'Aktionen': 'Actions',
  // TikTok Shop France, Spain and Italy, Shopee Mexico.
  'Produit': 'Product',
  'Acheteur': 'Buyer',
  'Statut': 'Status',
  'Producto': 'Product',
  'Estado': 'Status',
  'Acciones': 'Actions',
  'Prodotto': 'Product',
  'Totale': 'Total',
  'Acquirente': 'Buyer',
  'Stato': 'Status',
  'Azioni': 'Actions',
  'Producto(s)': 'Product(s)',
  'Total del pedido': 'Order Total',
  'Cuenta regresiva': 'Countdown',
  'Opción de envío': 'Shipping Channel',
};

function relabelled(doc: Document): string[] {
  const missing: string[] = [];
  const { row: headerRow } = headerOf(doc);
  const swap = (t: Text) => {
    const text = t.nodeValue?.trim() ?? '';
    const other = OTHER_LANGUAGE[text];
    if (other !== undefined) t.nodeValue = t.nodeValue!.replace(text, other);
    return other !== undefined;
  };
  for (const cell of headerRow.children) {
    const walker = doc.createTreeWalker(cell, 4);
    let any = false;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if ((t.nodeValue ?? '').trim()) any = swap(t as Text) || any;
    if (!any && (cell.textContent ?? '').trim()) missing.push((cell.textContent ?? '').trim());
  }
  // Labels inside the orders (order number, created time, buyer, total) that stand alone as a text node.
  for (const block of blocksOf(doc)) {
    const walker = doc.createTreeWalker(block, 4);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.nodeValue?.trim() ?? '';
      if (text) swap(t as Text);
    }
  }
  return missing;
}

// ---- (h) amounts drawn in parts ----

/** The text nodes of every order block, listed before any is replaced. */
function blockTexts(doc: Document): Text[] {
  const texts: Text[] = [];
  for (const block of blocksOf(doc)) {
    const walker = doc.createTreeWalker(block, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  }
  return texts;
}

// An amount with its currency marker before or after it: "¥79.70", "R$ 1.149,00", "584.901₫", "€12,50".
const MARKED_AMOUNT = /(US\s?\$|(?<![A-Za-z])[A-Z]{1,2}\$|R\$|RM|NT\$|Rp|฿|₫|¥|￥|\$|€|£|₽)?(\s?)(\d(?:[\d.,]|\s(?=\d{3}(?!\d)))*?)([.,]\d{2})?(?![\d.,]*\d)(\s?(?:₫|đ|€))?/g;

/**
 * Every amount in an order block drawn in parts, as storefronts style a
 * price: the currency marker, the whole units and the decimals each in an
 * element of its own, with no space between them ("¥79.70" becomes
 * <span>¥</span><span>79</span><span>.70</span>, and every other one
 * <span>¥</span><span>79</span><sup>70</sup>, the cents raised with no
 * point). The page shows the same amount; a reader that spaces every
 * element's text apart reads ¥79, one that glues them reads ¥7,970.
 */
function splitAmounts(doc: Document): void {
  let split = 0;
  for (const t of blockTexts(doc)) {
    const value = t.nodeValue ?? '';
    const parts: Array<string | Element> = [];
    let at = 0;
    for (const m of value.matchAll(MARKED_AMOUNT)) {
      const [whole, pre, gap, units, decimals, post] = m;
      if (!whole || (!pre && !post) || (!decimals && !(pre && !gap) && !post)) continue;
      parts.push(value.slice(at, m.index));
      // Every other amount with cents raises them with no point, as some price displays do ($47<sup>97</sup>).
      const raised = decimals !== undefined && split % 2 === 1;
      for (const part of [pre && pre + (gap ?? ''), units, decimals, post]) {
        if (!part) continue;
        const el = doc.createElement(raised && part === decimals ? 'sup' : 'span');
        el.textContent = raised && part === decimals ? part.slice(1) : part;
        parts.push(el);
      }
      at = m.index! + whole.length;
      split++;
    }
    if (at === 0) continue;
    parts.push(value.slice(at));
    t.replaceWith(...parts.filter((p) => p !== ''));
  }
  if (split === 0) throw new Error('no amount to split in the order blocks');
}

// ---- (i) struck-through prices ----

// An amount's start: its marker before the digits ("S$", "HK$" whole: a sign cut in two is no page's), or its digits
// when the marker follows ("584.901₫").
const FIRST_MARKED = /(US\s?\$|(?<![A-Za-z])[A-Z]{1,2}\$|R\$|RM|NT\$|Rp|฿|₫|¥|￥|€|£|₽|\$)\s?\d|\d[\d.,]*\s?(₫|đ|€)(?!\p{L})/u;

/**
 * Before every amount with a currency marker in an order block, the price
 * before a discount, struck through (<del><span>¥999.00</span></del>, <s>, or
 * an inline style): the page shows what the buyer pays next to what they no longer do,
 * and the struck one comes first.
 */
function struckPrices(doc: Document): void {
  let struck = 0;
  for (const t of blockTexts(doc)) {
    const value = t.nodeValue ?? '';
    const m = FIRST_MARKED.exec(value);
    if (!m) continue;
    // Every other one nested a level down, every third an <s>, every fourth struck by an inline style instead
    // (<span style="text-decoration: line-through">, as React pages draw it): how deep the struck text sits and how it
    // is struck must not matter.
    const mark = struck % 4 === 3 ? doc.createElement('span') : doc.createElement(struck % 3 === 2 ? 's' : 'del');
    if (struck % 4 === 3) mark.setAttribute('style', 'color: #999; text-decoration: line-through');
    const price = m[1] ? `${m[1]}999.00` : `999.000${m[2]}`;
    if (struck % 2 === 0) mark.textContent = price;
    else mark.appendChild(doc.createElement('span')).textContent = price;
    t.replaceWith(value.slice(0, m.index), mark, ' ', value.slice(m.index));
    struck++;
  }
  if (struck === 0) throw new Error('no amount to strike in the order blocks');
}

/**
 * A price before its discount struck through by a class of the page's style sheet (`.q7v { text-decoration:
 * line-through }`), not by a tag or an inline style, before every amount `amount` finds in an order block's texts:
 * the same amount with every digit a 9, every other one a level down. Only the computed style tells it is struck.
 * Returns how many were struck.
 */
export function strikeByClass(doc: Document, amount: RegExp): number {
  (doc.head ?? doc.documentElement).append(Object.assign(doc.createElement('style'), { textContent: '.q7v { color: #999; text-decoration: line-through; }' }));
  let struck = 0;
  for (const t of blockTexts(doc)) {
    const value = t.nodeValue ?? '';
    const m = amount.exec(value);
    if (!m) continue;
    const mark = doc.createElement('span');
    mark.className = 'q7v';
    const price = m[0].replace(/\d[\d,.]*/, (n) => n.replace(/\d/g, '9'));
    if (struck % 2 === 0) mark.textContent = price;
    else mark.appendChild(doc.createElement('span')).textContent = price;
    t.replaceWith(value.slice(0, m.index), mark, ' ', value.slice(m.index));
    struck++;
  }
  return struck;
}

// ---- (j) dates written out ----

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PT_MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];
// Short and whole month names as back-offices in German, French, Italian, Spanish, Indonesian and Thai write them.
const MONTH_NAMES: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  de: [
    ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
    ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  ],
  fr: [
    ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ],
  it: [
    ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
    ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ],
  es: [
    ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ],
  id: [
    ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
    ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  ],
  th: [
    ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
    ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
  ],
};
// A date as the fixtures print it: year first ("2026-11-23 11:00:00") or last ("23/11/2026 02:00", "11/22/2026 9:00 PM").
const PRINTED_DATE =
  /(?<y1>\d{4})-(?<m1>\d{1,2})-(?<d1>\d{1,2})|(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})\k<sep>(?<y2>\d{4})/g;
const PRINTED_CLOCK = /^\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<mer>[AP]M))?/;

interface WallTime {
  y: number;
  mo: number;
  d: number;
  clock?: { h: number; mi: string; s?: string };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `t` written out the way a back-office in `lang` writes a date; `alt` picks its second way. */
function spelled(t: WallTime, lang: string, alt: boolean): string {
  const { y, mo, d, clock } = t;
  const hms = clock ? `${pad(clock.h)}:${clock.mi}${clock.s ? `:${clock.s}` : ''}` : '';
  const h12 = clock ? `${((clock.h + 11) % 12) + 1}:${clock.mi}${clock.s ? `:${clock.s}` : ''}` : '';
  if (lang.startsWith('zh')) return `${y}年${mo}月${d}日` + (!clock ? '' : alt ? ` ${clock.h < 12 ? '上午' : '下午'}${h12}` : ` ${hms}`);
  if (lang.startsWith('ja')) return `${y}年${mo}月${d}日` + (!clock ? '' : alt ? ` ${clock.h < 12 ? '午前' : '午後'}${h12}` : ` ${hms}`);
  if (lang.startsWith('pt')) return alt ? `${d} ${PT_MONTHS[mo - 1]} ${y}${clock ? ` ${hms}` : ''}` : `${d} de ${PT_MONTHS[mo - 1]}. de ${y}${clock ? ` às ${hms}` : ''}`;
  const named = MONTH_NAMES[lang.slice(0, 2)];
  if (named) {
    const [short, whole] = named;
    const month = (alt ? whole : short)[mo - 1];
    // A Thai-locale page counts years in the Buddhist era (2026 is 2569).
    const year = lang.startsWith('th') && y < 2400 ? y + 543 : y;
    const join = { de: alt ? ' um ' : ', ', fr: alt ? ' ' : ' à ', it: alt ? ' alle ' : ', ', es: ', ', id: ' ', th: ' ' }[lang.slice(0, 2)]!;
    const day = lang.startsWith('de') ? `${d}.` : `${d}`;
    return `${day} ${lang.startsWith('es') && alt ? `de ${month} de` : month} ${year}${clock ? `${join}${hms}` : ''}`;
  }
  if (lang.startsWith('vi')) return alt && clock ? `${hms} ${pad(d)}/${pad(mo)}/${y}` : `${d} thg ${mo}, ${y}${clock ? ` ${hms}` : ''}`;
  return alt ? `${d} ${EN_MONTHS[mo - 1]} ${y}${clock ? `, ${hms}` : ''}` : `${EN_MONTHS[mo - 1]} ${d}, ${y}${clock ? ` ${h12} ${clock.h < 12 ? 'AM' : 'PM'}` : ''}`;
}

/**
 * Every date in an order block written out as back-offices in the page's
 * language also print one: "2026年11月23日 下午3:00", "Nov 23, 2026 11:00 AM",
 * "23 Nov 2026, 14:00", "23 de nov. de 2026 às 03:30", "23 thg 11, 2026",
 * "23. Nov. 2026, 14:00", "23 nov. 2026 à 14:00", "23 พ.ย. 2569 14:00",
 * and the clock before the date ("11:00 23/11/2026"). A day and month that
 * could be either way round are left as printed.
 */
function spelledDates(doc: Document, facts: PageFacts | undefined): void {
  const lang = doc.documentElement.lang || 'en';
  let spelledCount = 0;
  // A buyer named like a date ("2026-12-01") keeps the name: a redeploy writes the page's dates, not its names.
  const nicks = new Set(facts?.nicks ?? []);
  for (const t of blockTexts(doc)) {
    const value = t.nodeValue ?? '';
    if (nicks.has(value.trim())) continue;
    let out = '';
    let at = 0;
    for (const m of value.matchAll(PRINTED_DATE)) {
      const g = m.groups!;
      let date: WallTime;
      if (g.y1) date = { y: Number(g.y1), mo: Number(g.m1), d: Number(g.d1) };
      else {
        const [a, b] = [Number(g.a), Number(g.b)];
        if (a <= 12 && b <= 12) continue;
        date = a > 12 ? { y: Number(g.y2), mo: b, d: a } : { y: Number(g.y2), mo: a, d: b };
      }
      let end = m.index! + m[0].length;
      const c = PRINTED_CLOCK.exec(value.slice(end));
      if (c) {
        const cg = c.groups!;
        let h = Number(cg.h);
        if (cg.mer) h = (h % 12) + (cg.mer === 'PM' ? 12 : 0);
        date.clock = { h, mi: cg.mi!, s: cg.s };
        end += c[0].length;
      }
      out += value.slice(at, m.index) + spelled(date, lang, spelledCount % 2 === 1);
      at = end;
      spelledCount++;
    }
    if (at > 0) t.nodeValue = out + value.slice(at);
  }
  if (spelledCount === 0) throw new Error('no date to write out in the order blocks');
}

// ---- (k) badges beside the buyer's name ----

const BADGES: Readonly<Record<string, readonly string[]>> = {
  zh: ['新客', '88VIP', '老客'],
  pt: ['Novo cliente', 'Seguidor'],
  vi: ['Khách mới', 'Khách quen'],
  en: ['New buyer', 'VIP', 'Follower'],
};

/**
 * A badge beside every buyer's name, inside the element that holds the
 * name, as back-offices mark new, returning and member buyers ("新客",
 * "88VIP", "New buyer", "Khách mới"): after the name, and every other one
 * before it. The name is still the name.
 */
function buyerBadges(doc: Document, facts: PageFacts | undefined): void {
  if (!facts) throw new Error('buyerBadges needs the names the page shows');
  const words = inPageLanguage(doc, BADGES);
  const nicks = new Set(facts.nicks);
  let badged = 0;
  for (const t of blockTexts(doc)) {
    if (!nicks.has((t.nodeValue ?? '').trim())) continue;
    // A name's part a search's highlight holds ("to<b>bia</b>s.ferreira" beside a buyer named "bia") is no name.
    const before = previousInlineText(t);
    const after = nextInlineText(t);
    if ((before && continuesWord(before, t)) || (after && continuesWord(t, after))) continue;
    const badge = doc.createElement('span');
    badge.textContent = words[badged % words.length]!;
    if (badged % 2 === 0) t.after(badge);
    else t.before(badge);
    badged++;
  }
  if (badged === 0) throw new Error('no buyer name found in the order blocks');
}

// ---- (l) countdowns in other words ----

// A payment countdown as the fixtures print one ("剩余 1天 05:59:10", "Auto-cancels in 20h 59m", "Tự động hủy sau 19 giờ 59 phút").
const PAYMENT_COUNTDOWN = /剩余支付|剩余付款|剩余\s*\d|auto-cancel|time left|cancelamento|hủy/i;
const DURATION_PARTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(\d+)\s*(?:天|d\b|dias?\b|ngày)/iu, 86_400],
  [/(\d+)\s*(?:小时|时|h\b|horas?\b|giờ)/iu, 3_600],
  [/(\d+)\s*(?:分钟|分|m\b|min\b|minutos?\b|phút)/iu, 60],
];

/** Seconds a countdown text shows, and whether it shows seconds at all. */
function durationOf(text: string): { seconds: number; exact: boolean } | undefined {
  const clock = /(\d{1,3}):(\d{2}):(\d{2})/.exec(text);
  let seconds = clock ? Number(clock[1]) * 3_600 + Number(clock[2]) * 60 + Number(clock[3]) : 0;
  let units = 0;
  for (const [re, unit] of DURATION_PARTS) {
    const m = re.exec(clock ? text.slice(0, clock.index) : text);
    if (m) {
      seconds += Number(m[1]) * unit;
      units++;
    }
  }
  return clock || units > 0 ? { seconds, exact: !!clock } : undefined;
}

/** `seconds` left, as a back-office in `lang` also prints a payment countdown; `alt` picks its second way. */
function countdownWords(seconds: number, exact: boolean, lang: string, alt: boolean): string {
  const [d, h, m, sec] = [Math.floor(seconds / 86_400), Math.floor((seconds % 86_400) / 3_600), Math.floor((seconds % 3_600) / 60), seconds % 60];
  const clock = `${Math.floor(seconds / 3_600)}:${pad(m)}:${pad(sec)}`;
  const useClock = exact || !alt;
  if (lang.startsWith('zh')) return useClock ? `${clock}后自动关闭` : `还剩${d ? `${d}天` : ''}${h}时${m}分`;
  if (lang.startsWith('pt')) return useClock ? `Restam ${clock} para pagar` : `Cancelamento em ${d ? `${d} dias, ` : ''}${h} horas e ${m} minutos`;
  if (lang.startsWith('vi')) return useClock ? `Còn ${clock} để thanh toán` : `Hủy sau ${d ? `${d} ngày ` : ''}${h} giờ ${m} phút`;
  return useClock ? `${clock} left to pay` : `Cancels in ${d ? `${d} days ` : ''}${h} hours ${m} minutes`;
}

/**
 * Every payment countdown in an order block said another way a back-office
 * in the page's language says it: the clock with the word after it
 * ("18:30:00后自动关闭", "20:59:00 left to pay") or before it ("Restam
 * 22:30:00", "Còn 19:59:00"), and every other one in units joined by "e"
 * ("22 horas e 30 minutos"). The time left is the same to the second.
 */
function countdownWordsVariant(doc: Document): void {
  const lang = doc.documentElement.lang || 'en';
  let said = 0;
  for (const t of blockTexts(doc)) {
    const value = (t.nodeValue ?? '').trim();
    if (!PAYMENT_COUNTDOWN.test(value) || /发货|ship/i.test(value)) continue;
    const left = durationOf(value);
    if (!left) continue;
    t.nodeValue = countdownWords(left.seconds, left.exact, lang, said % 2 === 1);
    said++;
  }
  // Some lists show none (Taobao's sold items, Alibaba.com's all orders, Shopee's "pay by" dates): nothing to say otherwise.
}

// ---- (m) other numbers in the order number's format ----

/** Labels for a number that is not the order's, in the page's language: one printed with its number, one in an element of its own. */
const OTHER_NUMBER_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  zh: ['子订单号：', '包裹号：'],
  pt: ['Código de rastreio: ', 'ID do pacote:'],
  vi: ['Mã vận đơn: ', 'Mã kiện hàng:'],
  en: ['Sub-order ID: ', 'Package ID:'],
};

/** Another number of `id`'s shape: its last digit moved on by `by`. */
export function otherNumber(id: string, by = 1): string {
  for (let i = id.length - 1; i >= 0; i--) {
    const c = id.charCodeAt(i);
    if (c >= 48 && c <= 57) return id.slice(0, i) + String.fromCharCode(48 + ((c - 48 + by) % 10)) + id.slice(i + 1);
  }
  throw new Error(`no digit in order number ${id}`);
}

/** Where a line added at the end of an order block goes: in the element holding its last element (its last cell). */
export function lastLineOf(block: Element): Element {
  let last: Element = block;
  while (last.lastElementChild) last = last.lastElementChild;
  return last.parentElement && block.contains(last.parentElement) ? last.parentElement : block;
}

/**
 * Numbers in the order number's own format that belong to something else,
 * in every order block, as back-offices also print sub-order, package and
 * tracking numbers: one beside the order number, with its label in the same
 * text ("子订单号：3912…"), and one at the block's end with its label in an
 * element of its own ("<span>Package ID:</span><span>…</span>"). The block
 * is still one order, the one its order number names.
 */
function otherNumbers(doc: Document): void {
  const [inline, own] = inPageLanguage(doc, OTHER_NUMBER_LABELS);
  let marked = 0;
  for (const block of blocksOf(doc)) {
    const id = block.getAttribute('data-fixture-order');
    // Beside the number; where it shows only as a read-only field's value, beside the field.
    const at = id ? numberNode(block, id)?.parentElement ?? fieldShowing(block, id)?.parentElement : null;
    if (!id || !at) continue;
    const beside = doc.createElement('span');
    beside.textContent = ` ${inline}${otherNumber(id)}`;
    at.append(beside);
    const line = doc.createElement('div');
    const label = doc.createElement('span');
    label.textContent = own;
    const value = doc.createElement('span');
    value.textContent = otherNumber(otherNumber(id));
    line.append(label, ' ', value);
    lastLineOf(block).append(line);
    marked++;
  }
  if (marked === 0) throw new Error('no order number found in the order blocks');
}

// ---- (n) the parts of a total labelled beside it ----

/** A goods subtotal's and a shipping fee's labels, in the page's language. */
const PART_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  zh: ['商品总价：', '运费：'],
  pt: ['Subtotal: ', 'Frete: '],
  vi: ['Tổng tiền hàng: ', 'Phí vận chuyển: '],
  en: ['Subtotal: ', 'Shipping fee: '],
};

/** Words before an amount that is a part of the total or a stage of it, not the total: the lines are placed around the total. */
const PART_WORDS = /预付|尾款|首付|定金|运费|快递|邮费|含|单价|shipping|frete|phí\s*vận|deposit|balance|initial|unit/i;

/** `amount` (a marked amount as the page prints it) with its first digit made `digit`: another sum in the same format. */
function otherSum(amount: string, digit: string): string {
  const at = amount.search(/\d/);
  return amount.slice(0, at) + (amount[at] === digit ? '1' : digit) + amount.slice(at + 1);
}

/**
 * Around the last marked amount of every order block that is no shipping,
 * stage or unit price line (its total), a goods subtotal labelled before it and a
 * shipping fee labelled after it, in the page's language and the amount's own
 * format ("商品总价：¥928.00", "Tổng tiền hàng: 984.901₫", "Frete: R$ 7,90"):
 * sums the total is made of, each a line of its own. The total is still the
 * total.
 */
function partAmounts(doc: Document): void {
  const [subtotal, shipping] = inPageLanguage(doc, PART_LABELS);
  let added = 0;
  for (const block of blocksOf(doc)) {
    const total = totalOf(block);
    if (!total) continue;
    const { at, amount } = total;
    const line = (label: string, digit: string) => {
      const div = doc.createElement('div');
      div.textContent = `${label}${otherSum(amount, digit)}`;
      return div;
    };
    // A line beside the amount's element, or inside a cell that holds the amount as its own text (a div between cells
    // would leave the table when the page is parsed).
    if (/^(?:TD|TH|TR)$/.test(at.tagName)) {
      at.prepend(line(subtotal, '9'));
      at.append(line(shipping, '7'));
    } else {
      at.before(line(subtotal, '9'));
      at.after(line(shipping, '7'));
    }
    added++;
  }
  if (added === 0) throw new Error('no amount in the order blocks');
}

const PAID_LABELS: Readonly<Record<string, string>> = { zh: '已付：', pt: 'Valor pago: ', vi: 'Đã thanh toán: ', en: 'Amount paid: ' };

/**
 * What the buyer paid of the total so far, labelled right before it in the
 * page's language and the total's own format ("已付：¥0.00", "Amount paid:
 * RM0.00", "Valor pago: R$ 0,00"), as lists with deposits and part payments
 * show it: the first amount of the total's cell.
 * An unpaid order's is nothing; the total is still the total.
 */
function paidSoFar(doc: Document): void {
  const label = inPageLanguage(doc, PAID_LABELS);
  let added = 0;
  for (const block of blocksOf(doc)) {
    const total = totalOf(block);
    if (!total) continue;
    const { at, amount } = total;
    const div = doc.createElement('div');
    div.textContent = `${label}${amount.replace(/\d[\d.,]*/, (n) => `0${/[.,]\d{2}$/.exec(n)?.[0].replace(/\d/g, '0') ?? ''}`)}`;
    if (/^(?:TD|TH|TR)$/.test(at.tagName)) at.prepend(div);
    else at.before(div);
    added++;
  }
  if (added === 0) throw new Error('no amount in the order blocks');
}

/**
 * The total of an order block as the page prints it: its last marked amount that is no shipping, stage or unit price
 * line, and the element that holds it (with its sign, when the sign is an element of its own).
 */
function totalOf(block: Element): { at: Element; amount: string } | undefined {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* SHOW_TEXT */);
  let last: { at: Element; amount: string } | undefined;
  let previous = '';
  for (let t = walker.nextNode(); t; previous = (t.nodeValue ?? '').trim(), t = walker.nextNode()) {
    const value = t.nodeValue ?? '';
    // The sign in an element of its own before the number (<span>￥</span><span>128.00</span>): both together.
    if (/^\d[\d.,]*$/.test(value.trim()) && /^(?:US\s?\$|R\$|RM|NT\$|Rp|฿|₫|¥|￥|\$|€|£|₽)$/.test(previous)) {
      const pair = t.parentElement?.parentElement;
      if (pair && block.contains(pair) && pair !== block) last = { at: pair, amount: `${previous}${value.trim()}` };
      continue;
    }
    MARKED_AMOUNT.lastIndex = 0;
    for (let m = MARKED_AMOUNT.exec(value); m; m = MARKED_AMOUNT.exec(value)) {
      if (m[0] === '') {
        MARKED_AMOUNT.lastIndex++;
        continue;
      }
      if ((m[1] || m[5]) && t.parentElement && !PART_WORDS.test(value.slice(0, m.index))) last = { at: t.parentElement, amount: m[0].trim() };
    }
  }
  return last;
}

// ---- (o) the total in another currency, roughly ----

/**
 * After every order's total, the same sum in another currency, roughly, as
 * some back-offices print it for the buyer's side: "US $23.50 (≈ R$ 120,00)",
 * in the total's own element, every other one in an element of its own. The
 * total is still the total, in its own currency.
 */
function approxAmounts(doc: Document): void {
  let added = 0;
  for (const block of blocksOf(doc)) {
    const total = totalOf(block);
    if (!total) continue;
    const other = /R\$/.test(total.amount) ? '≈ US $21.30' : /¥|￥/.test(total.amount) ? '约 US $17.60' : '≈ R$ 120,00';
    if (added % 2 === 0) total.at.append(` (${other})`);
    else {
      const own = doc.createElement('span');
      own.textContent = `(${other})`;
      total.at.append(' ', own);
    }
    added++;
  }
  if (added === 0) throw new Error('no amount in the order blocks');
}

// ---- (p) invisible marks in numbers and around amounts ----

/**
 * What a page that wraps long numbers and also shows right-to-left text
 * leaves in its text: every order number broken for wrapping, with a
 * zero-width space or, every other one, a <wbr> element ("3912830471<wbr>
 * 625580441"), and left-to-right marks around every marked amount
 * ("\u200e$\u200e47.97\u200e"). The page shows the same numbers.
 */
function invisibleMarks(doc: Document): void {
  let broken = 0;
  for (const block of blocksOf(doc)) {
    const id = block.getAttribute('data-fixture-order');
    const t = id ? numberNode(block, id) : null;
    // A number shown only as a read-only field's value (a "form view"): the mark goes in the value.
    const field = id && !t ? fieldShowing(block, id) : undefined;
    if (id && field) {
      const cut = field.value.indexOf(id) + Math.floor(id.length / 2);
      const marked = `${field.value.slice(0, cut)}\u200b${field.value.slice(cut)}`;
      if (field.localName === 'textarea') field.textContent = marked;
      else field.setAttribute('value', marked);
      broken++;
      continue;
    }
    if (!id || !t) continue;
    const value = t.nodeValue ?? '';
    const cut = value.indexOf(id) + Math.floor(id.length / 2);
    if (broken % 2 === 0) t.nodeValue = `${value.slice(0, cut)}\u200b${value.slice(cut)}`;
    else t.replaceWith(value.slice(0, cut), doc.createElement('wbr'), value.slice(cut));
    broken++;
  }
  if (broken === 0) throw new Error('no order number found in the order blocks');
  for (const t of blockTexts(doc)) {
    const value = t.nodeValue ?? '';
    const marked = value.replace(/(US\s?\$|R\$|RM|NT\$|Rp|฿|¥|￥|€|£|₽|\$)(\s?)(\d[\d.,]*)/g, '\u200e$1$2\u200e$3\u200e');
    if (marked !== value) t.nodeValue = marked;
  }
}

// ---- (q) currencies written other ways ----

/**
 * Every currency sign in an order block written as other back-offices and
 * number formatters write it: yuan as "CN¥" (the English formatter's form) and
 * every other one as "RMB 128.00", US dollars as "USD 23.50" and every other
 * one as "23.50 USD", dong as "250.000 VND". The amounts are the same.
 */
function currencyForms(doc: Document): void {
  let changed = 0;
  // On a Japanese page "¥" is the yen, written "5,849円" or "JPY 5,849" there.
  const yen = (doc.documentElement.lang || '').startsWith('ja');
  for (const t of blockTexts(doc)) {
    const value = t.nodeValue ?? '';
    const next = value
      .replace(/[¥￥]\s?(\d[\d,]*(?:\.\d{2})?)/g, (_m, d: string) => (yen ? (changed++ % 2 === 0 ? `${d}円` : `JPY ${d}`) : changed++ % 2 === 0 ? `CN¥${d}` : `RMB ${d}`))
      .replace(/US\s?\$\s?(\d[\d,]*\.\d{2})/g, (_m, d: string) => (changed++ % 2 === 0 ? `USD ${d}` : `${d} USD`))
      .replace(/₫\s?(\d[\d.]*)|(\d[\d.]*)\s?₫/g, (_m, a?: string, b?: string) => (changed++, `${a ?? b} VND`));
    if (next !== value) t.nodeValue = next;
  }
  // Pages whose amounts are in reais, euros or roubles only keep their signs.
}

// ---- (r) the whole app inside a shadow root ----

/**
 * The page as a micro-frontend with isolated styles draws it (qiankun's
 * strictStyleIsolation, a web-component shell): the whole app mounted in an
 * open shadow root on a host element, its styles with it, and nothing in the
 * page's own tree but the host. Written declaratively
 * (`<template shadowrootmode="open">`), so a browser's HTML parser attaches
 * the root; unit tests attach it with attachDeclarativeShadows.
 */
function shadowRoot(doc: Document): void {
  const host = doc.createElement('div');
  host.id = `app-${hashOf(doc.title, 6)}`;
  const template = doc.createElement('template');
  template.setAttribute('shadowrootmode', 'open');
  const app = doc.createElement('div');
  app.id = 'root';
  app.append(...doc.body.childNodes);
  template.content.append(...doc.head.querySelectorAll('style'), app);
  host.append(template);
  doc.body.append(host);
}

/**
 * What a browser's HTML parser does with a declarative shadow root, for a DOM
 * that does not (happy-dom): each `<template shadowrootmode>` becomes its
 * parent's shadow root, innermost roots included.
 */
export function attachDeclarativeShadows(root: Document | ShadowRoot): void {
  for (const template of [...root.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadows(shadow);
  }
}

/**
 * The variants of one rendered fixture page. Throws when the page has no
 * header row or a header label has no translation (the corpus must grow with
 * the fixtures, not skip them).
 */
export function variantsOf(html: string, parse: Parse, facts?: PageFacts): Variant[] {
  return VARIANTS.map((name) => variantOf(html, parse, name, facts));
}

const CHANGES: Readonly<Record<VariantName, (doc: Document, facts: PageFacts | undefined) => void>> = {
  rehashed,
  renamed,
  reshaped,
  numberRowFirst,
  wrapped,
  reordered,
  relabelled: (doc) => {
    const missing = relabelled(doc);
    if (missing.length > 0) throw new Error(`no other-language label for header ${JSON.stringify(missing)}`);
  },
  splitAmounts,
  struckPrices,
  spelledDates,
  buyerBadges,
  countdownWords: countdownWordsVariant,
  otherNumbers,
  partAmounts,
  approxAmounts,
  invisibleMarks,
  currencyForms,
  shadowRoot,
  paidSoFar,
};

/** One variant of a rendered fixture page (see variantsOf); also one change on top of another's page. */
export function variantOf(html: string, parse: Parse, name: VariantName, facts?: PageFacts): Variant {
  const doc = parse(html);
  CHANGES[name](doc, facts);
  return { name, html: serialize(doc) };
}

/** Header words the shared reader knows, re-exported for tests that check the relabelled headers still name columns. */
export { HEADER_WORDS };
