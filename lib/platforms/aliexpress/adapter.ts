import type { BuyerRef, ObservedOrder, OrderItem, PageRead } from '../../orders/model';
import { parseMoney } from '../../orders/money';
import { CHINA_OFFSET_MINUTES, DAY_MS } from '../../orders/time';
import { documentsOf, firstInFrames } from '../frames';
import { soleMoney } from '../money';
import { readRows } from '../order-blocks';
import { nickOf, noRowsFound, columnsByHeader, statusFromWords, statusOn, type ColumnName, withoutPartAmounts } from '../page-words';
import { allOf, firstOf, isShown, matchEach, mostOf, textOutside, type Matches } from '../query';
import { httpsLink } from '../links';
import { clockOfNote, countdownIn, deadlineIn, inPageLanguage, PACIFIC, PACIFIC_ZONE, readCreated, ZONE_NOTE as ZONE_WORDS, type Clock } from '../times';
import { spacedText } from '../page-text';
import { queryAllFirst, queryFirst, textOf, type PlatformAdapter } from '../types';
import { CONTACT_WORDS, DEFAULT_AUTO_CLOSE_DAYS, SELECTORS_VERSION, UNPAID_TAB, UNPAID_URL_STATUS, selectors } from './selectors';
import { noted } from '../block-notes';
import { isOrderNumber, uncut } from '../order-numbers';

// Not a sub-order's ("Sub-order ID: 8203…"), whose number has the order's shape.
const ID_IN_TEXT = uncut(/(?<![\p{L}-])(?:order\s*(?:id|no\.?|number)|订单号|订单编号|номер заказа|pedido|n[°º]\s*de\s*commande|numéro\s*de\s*commande)\s*[:：#]?\s*(\d{8,25})(?!\d)/iu);
const BEIJING = /beijing|北京时间|china standard/i;
// AliExpress prints its dates year first.
const CHINA_CLOCK: Clock = { offset: CHINA_OFFSET_MINUTES, order: 'ymd' };
const PACIFIC_CLOCK: Clock = { zone: PACIFIC_ZONE, order: 'ymd' };
const ZONE_NOTE = ['[class*="timezone"]', '[class*="time-zone"]', '[class*="timeZone"]', '[class*="TimeZone"]'];

/**
 * Which clock the page's order times use. AliExpress has shown seller times
 * in China time and, in older English back-offices, in US Pacific time; a
 * page that names its zone ("GMT+8", "Pacific Time", "北京时间", "Horário de
 * Brasília (GMT-3)") is believed, otherwise China time, the seller centre's
 * home zone. The note is found by its class, else by its words outside the
 * order tables (`tables`). `noted`: the clock is one the page names.
 */
function pageClock(doc: Document, found: Matches = matchEach(doc, [ZONE_NOTE]), tables: readonly Element[] = []): { clock: Clock; noted: boolean } {
  // Every note in page order (an element matching two patterns counts once).
  const notes = new Set(ZONE_NOTE.flatMap((s) => found.get(s) ?? []));
  const note = [...notes]
    .sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1))
    .map((el) => textOf(el))
    .join(' ');
  const named = clockOfNote(note) ?? clockOfNote(textOf(textOutside(doc, tables, ZONE_WORDS)));
  return named ? { clock: named, noted: true } : { clock: CHINA_CLOCK, noted: false };
}

/** A created time on the page's clock, unless the text names its own zone (US Pacific, Beijing); see readCreated. */
function createdOn(text: string, clock: Clock, now: number): number | undefined {
  return readCreated(text, PACIFIC.test(text) ? PACIFIC_CLOCK : BEIJING.test(text) ? CHINA_CLOCK : clock, now);
}

/** Header name -> the column key cells carry: Fusion's data-next-table-col, else the position. */
type Columns = Partial<Record<ColumnName, string>>;
function readColumns(found: Matches): { columns: Columns; count: number } {
  const cells = allOf(found, selectors.headerCells);
  const byIndex = columnsByHeader(cells);
  const columns: Columns = {};
  for (const [name, index] of Object.entries(byIndex) as [ColumnName, number][]) {
    columns[name] = cells[index]!.getAttribute('data-next-table-col') ?? `#${index}`;
  }
  return { columns, count: cells.length };
}

/** The cell of a row in a named column, or undefined when the row cannot be aligned with the header. */
function cellIn(row: Element, key: string | undefined, headerCount: number): Element | undefined {
  if (key === undefined) return undefined;
  const cells = [...row.children].filter((c) => c.tagName === 'TD' || c.getAttribute('role') === 'cell');
  if (!key.startsWith('#')) return cells.find((c) => c.getAttribute('data-next-table-col') === key);
  // Positions only mean something when the row has every column.
  return cells.length === headerCount ? cells[Number(key.slice(1))] : undefined;
}

function readItems(table: Element, columns: Columns, headerCount: number): OrderItem[] {
  const items: OrderItem[] = [];
  for (const titleEl of queryAllFirst(table, selectors.itemTitle)) {
    const title = textOf(titleEl);
    if (!title) continue;
    const row = titleEl.closest('tr') ?? titleEl.parentElement!;
    const sku = textOf(queryFirst(row, selectors.sku)) || undefined;
    const qtyText = textOf(queryFirst(row, selectors.quantity) ?? cellIn(row, columns.qty, headerCount));
    const qtyMatch = /^[x×]?\s*(\d{1,6})$/i.exec(qtyText);
    const priceText = textOf(queryFirst(row, selectors.unitPrice) ?? cellIn(row, columns.price, headerCount));
    const unitPrice = soleMoney(priceText) ?? undefined;
    items.push({ title: title.slice(0, 1000), sku: sku?.slice(0, 500), qty: qtyMatch ? Math.max(1, Number(qtyMatch[1])) : 1, unitPrice });
  }
  return items;
}

/**
 * The order total: the amount element, else the cell under the "amount"
 * header when it shows exactly one sum. A unit price is never taken: a wrong
 * total is worse than an unreadable row.
 */
function readAmount(table: Element, columns: Columns, headerCount: number) {
  const el = queryFirst(table, selectors.amount);
  // Page text (see spacedText): a struck-through price is none, raised cents follow a point.
  // A subtotal, shipping fee or discount labelled beside the total is no part of it.
  if (el) return soleMoney(withoutPartAmounts(spacedText(el)));
  for (const row of table.querySelectorAll('tr')) {
    const cell = cellIn(row, columns.amount, headerCount);
    if (cell && !queryFirst(cell, selectors.unitPrice)) return soleMoney(withoutPartAmounts(spacedText(cell)));
  }
  return null;
}

function readOrderId(table: Element): string | undefined {
  // The number the element leads with: what follows it ("Sub-order ID: 8203…") is another's.
  const own = /^\D*(\d+)/.exec(textOf(queryFirst(table, selectors.orderId)))?.[1];
  if (isOrderNumber('aliexpress', own)) return own;
  const head = table.querySelector('tr') ?? table;
  // A number cut short for a narrow column ("819304…0234") is no order's.
  const id = ID_IN_TEXT.exec(textOf(head))?.[1];
  return isOrderNumber('aliexpress', id) ? id : undefined;
}

function readStatusText(table: Element, columns: Columns, headerCount: number): string {
  const label = queryFirst(table, selectors.status);
  if (label) return textOf(label);
  for (const row of table.querySelectorAll('tr')) {
    const cell = cellIn(row, columns.status, headerCount);
    // The first line only: the rest is a countdown or a hint.
    if (cell) return textOf(cell.firstElementChild ?? cell);
  }
  return '';
}

function readChatUrl(table: Element, pageUrl: string): string | undefined {
  const link =
    queryFirst<HTMLAnchorElement>(table, selectors.chatLink) ??
    [...table.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) => CONTACT_WORDS.test(textOf(a)));
  const href = link?.getAttribute('href');
  // An https address as the browser resolves it, without parsing one already in that form.
  return httpsLink(href, pageUrl);
}

function readOrder(table: Element, columns: Columns, headerCount: number, { clock, noted: named }: { clock: Clock; noted: boolean }, url: string, now: number): ObservedOrder | undefined {
  const orderId = readOrderId(table);
  const nick = nickOf(queryFirst(table, selectors.buyer));
  const amount = readAmount(table, columns, headerCount);
  if (!orderId || !nick || !amount) return undefined;

  const statusText = readStatusText(table, columns, headerCount);
  const status = statusOn('aliexpress', statusFromWords(statusText), statusText);
  const createdAt = createdOn(textOf(queryFirst(table, selectors.orderTime)), clock, now);
  const label = queryFirst(table, selectors.status);
  const statusCell = label?.parentElement ?? table;
  const open = status === 'unpaid' || status === 'unknown';
  // A countdown, or a date before or after its words ("将于 2026-12-08 18:02 (PST) 自动关闭"), on the page's clock;
  // else in the status's cell, under the label's own box ("Awaiting payment" in a badge, "Closes in 22h 47m" below it).
  const cell = label?.closest('td');
  const shown = open ? deadlineIn(textOf(statusCell), clock, now) ?? (cell && cell !== statusCell && table.contains(cell) ? deadlineIn(textOf(cell), clock, now) ?? deadlineAfter(cell, named ? clock : undefined, now) : undefined) : undefined;
  // Paid and closed orders have no payment deadline left to estimate.
  const estimated = open && shown === undefined && createdAt !== undefined ? createdAt + DEFAULT_AUTO_CLOSE_DAYS * DAY_MS : undefined;
  const buyer: BuyerRef = { nick: nick.slice(0, 200) };
  return {
    platform: 'aliexpress',
    orderId,
    buyer,
    items: readItems(table, columns, headerCount),
    amount,
    createdAt,
    autoCloseAt: shown ?? estimated,
    autoCloseEstimated: shown === undefined && estimated !== undefined ? true : undefined,
    status,
    statusText: statusText.slice(0, 200) || undefined,
    chatUrl: readChatUrl(table, url),
  };
}

/**
 * A deadline in a cell of its own after the status's ("Prazo de pagamento": "Fecha em 23 h 12 min", its last unit
 * right before a link's words, "minVer detalhes" in the cell's textContent): a countdown, or, on a page that names
 * its clock (`clock`), a date ("Pagar até 6 de dez. de 2026, 21:40" under "Horário de Brasília (GMT-3)"). A date is
 * not read there on a clock the page does not name: China's would put a Brazilian deadline 11 hours early.
 */
function deadlineAfter(statusCell: Element, clock: Clock | undefined, now: number): number | undefined {
  let shown: number | undefined;
  for (let c = statusCell.nextElementSibling; c && shown === undefined; c = c.nextElementSibling) {
    const text = spacedText(c);
    shown = countdownIn(text, now) ?? (clock ? deadlineIn(text, clock, now) : undefined);
  }
  return shown;
}

function selectedTabText(found: Matches): string | undefined {
  const tab = shownFirst(allOf(found, selectors.selectedTab));
  return tab ? textOf(tab).replace(/\(?\d+\)?$/, '').trim() : undefined;
}

/** The first rendered element, else the first at all (documents without layout render nothing). */
function shownFirst<E extends Element>(els: readonly E[]): E | undefined {
  return els.find((el) => isShown(el)) ?? els[0];
}

function isUnpaidOnly(found: Matches, url: URL): boolean {
  const tab = selectedTabText(found);
  if (tab !== undefined) return UNPAID_TAB.test(tab);
  return [...url.searchParams.values()].some((v) => UNPAID_URL_STATUS.test(v));
}

function listKeyOf(found: Matches, url: URL): string {
  const channel = url.searchParams.get('channelId');
  const tab = selectedTabText(found) ?? url.searchParams.get('orderStatus') ?? url.searchParams.get('tab') ?? '';
  const page = textOf(firstOf(found, selectors.activePage)) || '1';
  return `${url.host}${url.pathname}${channel ? `?channelId=${channel}` : ''}#tab=${tab}&page=${page}`;
}

/** One page and no live "next" button: the whole list is on screen. */
function isComplete(found: Matches): boolean {
  return mostOf(found, selectors.pageItems) <= 1 && !firstOf(found, selectors.nextPage);
}

function readDocument(doc: Document, href: string, now: number): PageRead | null {
  const tables = queryAllFirst(doc, selectors.orderRow);
  // Header, tabs, pagination and the time-zone note in one walk of the page outside the order tables.
  const found = matchEach(doc, [selectors.headerCells, ZONE_NOTE, selectors.selectedTab, selectors.activePage, selectors.pageItems, selectors.nextPage], tables);
  const { columns, count } = readColumns(found);
  // An order list has order rows, or at least its column headers (amount and status).
  const looksLikeList = tables.length > 0 || (columns.amount !== undefined && columns.status !== undefined);
  if (!looksLikeList) return null;
  const url = new URL(href);
  // Dates day first where the page's language writes them so ("04/12/2026 22:15" in Portuguese is 4 December).
  const page = pageClock(doc, found, tables);
  const clock = { clock: inPageLanguage(page.clock, doc), noted: page.noted };
  const { orders, unreadable } = readRows(tables, noted((table, _i, at = now) => readOrder(table, columns, count, clock, href, at), (table) => [table]), (o) => o.orderId);
  return {
    platform: 'aliexpress',
    url: href,
    listKey: listKeyOf(found, url),
    unpaidOnly: isUnpaidOnly(found, url),
    complete: isComplete(found),
    orders,
    unreadable,
    noRowsFound: noRowsFound(doc, tables.length),
    selectorsVersion: SELECTORS_VERSION,
  };
}

export const aliexpressAdapter: PlatformAdapter = {
  platform: 'aliexpress',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now) {
    // The order list sometimes sits in a same-origin iframe of the seller centre shell.
    return firstInFrames(doc, (d) => readDocument(d, href, now));
  },

  chatBuyer(doc) {
    for (const d of documentsOf(doc)) {
      const el = queryFirst(d, selectors.chatBuyer);
      const nick = (el?.getAttribute('data-buyer-nick') ?? nickOf(el)).trim();
      if (nick) return { nick: nick.slice(0, 200) };
    }
    return undefined;
  },

  findComposer(doc) {
    for (const d of documentsOf(doc)) {
      for (const selector of selectors.composer) {
        const found = shownFirst([...d.querySelectorAll<HTMLElement>(selector)]);
        if (found) return found;
      }
    }
    return null;
  },
};

