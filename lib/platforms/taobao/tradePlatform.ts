// The new Qianniu web trade platform's sold list (…/trade-platform/tp/sold).
// Columns come from the list-wide header by text; without a header, cells are
// recognised by what they hold (a chat link, a status word, "含运费").
import type { BuyerRef, ObservedOrder, OrderItem, PageRead } from '../../orders/model';
import { parseMoneyIn } from '../../orders/money';
import { CHINA_OFFSET_MINUTES, HOUR_MS, parseCountdown, parseCreatedTime } from '../../orders/time';
import { readRows } from '../order-blocks';
import { nickOf, noRowsFound, columnsByHeader, statusFromWords, type ColumnName, withoutPartAmounts } from '../page-words';
import { allOf, firstOf, matchEach, mostOf } from '../query';
import { spacedText } from '../page-text';
import { queryAllFirst, queryFirst, textOf, throughWrappers } from '../types';
import { DEFAULT_AUTO_CLOSE_HOURS, SELECTORS_VERSION, selectors, tradePlatformSelectors as tp } from './selectors';
import { noted } from '../block-notes';
import { isOrderNumber, uncut } from '../order-numbers';

const ORDER_ID = uncut(/订单(?:号|编号)\s*[:：]?\s*(\d{6,25})(?!\d)/);
const CREATED = /创建时间\s*[:：]?\s*([^订]*)/;
const UNPAID_TAB = /等待买家付款|待付款/;
const MONEY = /[¥￥]\s*\d/;
const SHIPPING = /含(?:运费|快递)/;

/** Whether the URL is the new trade platform (an SPA: the path holds the route). */
export function isTradePlatformUrl(url: URL): boolean {
  return /\/trade-platform\//.test(url.pathname + url.hash);
}

/** Order blocks: Fusion tables that carry an order number in their head row. */
const ANY_BLOCK = tp.orderBlock.join(',');

export function tradePlatformBlocks(doc: Document): Element[] {
  // One walk tells whether any block selector matches at all (on the old list none does).
  if (!doc.querySelector(ANY_BLOCK)) return [];
  return queryAllFirst(doc, tp.orderBlock).filter((block) => ORDER_ID.test(textOf(block.querySelector('tr'))));
}

type Columns = Partial<Record<ColumnName, number>>;

function cellText(cells: readonly Element[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : textOf(cells[index]);
}

/**
 * The cells of each item row placed under their header columns: rows after
 * the first lack the first row's rowspan'd cells (buyer, status, amount), so
 * their cells fill only the remaining columns, in order.
 */
function itemRowCells(rows: readonly Element[]): Element[][] {
  const first = [...(rows[0]?.children ?? [])];
  const spanned = first.flatMap((cell, i) => (Number(cell.getAttribute('rowspan') ?? '1') > 1 ? [i] : []));
  const free = first.map((_c, i) => i).filter((i) => !spanned.includes(i));
  return rows.map((row, r) => {
    if (r === 0) return first;
    const placed: Element[] = [];
    [...row.children].forEach((cell, j) => {
      const column = free[j];
      if (column !== undefined) placed[column] = cell;
    });
    return placed;
  });
}

function readItems(rows: readonly Element[], columns: Columns): OrderItem[] {
  const items: OrderItem[] = [];
  for (const sparse of itemRowCells(rows)) {
    const cells = [...sparse].filter((c): c is Element => c !== undefined);
    const itemCell = columns.item !== undefined ? sparse[columns.item] : cells[0];
    const title = textOf(itemCell && queryFirst(itemCell, tp.itemTitle));
    if (!title) continue;
    const sku = textOf(itemCell && queryFirst(itemCell, tp.sku));
    // Qty: the header's column, else the cell that is a bare count ("2", "x2").
    const qtyText = cellText(sparse, columns.qty) ?? cells.map((c) => textOf(c)).find((t) => /^[x×]?\s*\d{1,6}$/.test(t));
    const qty = Number(/\d{1,6}/.exec(qtyText ?? '')?.[0] ?? '1');
    const priceText = cellText(sparse, columns.price) ?? cells.filter((c) => !c.hasAttribute('rowspan')).map((c) => textOf(c)).find((t) => MONEY.test(t));
    items.push({
      title: title.slice(0, 1000),
      sku: sku ? sku.slice(0, 500) : undefined,
      qty: qty > 0 ? qty : 1,
      unitPrice: priceText ? parseMoneyIn(priceText, 'CNY') ?? undefined : undefined,
    });
  }
  return items;
}

function readBlock(block: Element, columns: Columns, now: number): ObservedOrder | undefined {
  const [head, ...rows] = [...block.querySelectorAll('tr')];
  const headText = textOf(head);
  const orderId = ORDER_ID.exec(headText)?.[1];
  const first = rows[0];
  // A number cut short for a narrow column ("391283…0441") is no order's.
  if (!isOrderNumber('taobao', orderId) || !first) return undefined;
  const cells = [...first.children];
  // Cells read by header position must hold what their header promises: a header that lost a cell shifts every one after it.
  const holds = (index: number | undefined, ok: (text: string) => boolean) => index === undefined || ok(textOf(cells[index]));
  const lined =
    holds(columns.qty, (t) => /^[x×]?\s*\d{1,6}$/.test(t)) &&
    holds(columns.price, (t) => /^(?:CN)?[¥￥]\s*[\d,.]+$/.test(t)) &&
    holds(columns.buyer, (t) => !/[¥￥]\s*\d/.test(t)) &&
    // Totals show their ¥: a bare count under 实收款 is another column's cell.
    holds(columns.amount, (t) => /[¥￥]\s*\d/.test(t));
  if (!lined) return undefined;

  const buyerCell = (columns.buyer !== undefined ? cells[columns.buyer] : undefined) ?? cells.find((c) => queryFirst(c, selectors.chatLink));
  const nickEl = buyerCell && queryFirst(buyerCell, tp.buyerNick);
  // Else the first line of the cell, through the wrappers around its lines (the nick, then "和我联系").
  const lines = buyerCell && throughWrappers(buyerCell);
  const nick = nickOf(nickEl) || nickOf(lines && (lines.firstElementChild ?? lines));
  // Without a status column, the first cell naming a status; not the buyer's ("已付款的猫" is a nick).
  const statusCell = (columns.status !== undefined ? cells[columns.status] : undefined) ?? cells.slice(1).find((c) => c !== buyerCell && statusFromWords(textOf(c)) !== 'unknown');
  // The status label alone, without "订单详情" or a countdown beside it.
  const statusText = textOf(statusCell && queryFirst(statusCell, tp.statusText)) || textOf(statusCell);
  // The total: the header's column, else the cell that mentions shipping. Never a unit price.
  // Page text (see spacedText): a struck-through price is none, raised cents follow a point.
  const amountCell = columns.amount !== undefined ? cells[columns.amount] : cells.find((c) => SHIPPING.test(textOf(c)));
  // A subtotal, shipping fee or discount labelled beside the total is no part of it ("商品总价：¥999.00").
  const amountText = amountCell && withoutPartAmounts(spacedText(amountCell));
  const [totalText, shippingText] = (amountText ?? '').split(SHIPPING);
  // A total cell starts with the total: a header that lost a cell puts another cell ("等待买家付款 剩余 1天…") under 实收款.
  const amount = totalText && /^(?:[\p{L}:：]{0,6}\s*)?[¥￥]?\s*\d/u.test(totalText) ? parseMoneyIn(totalText, 'CNY') : null;
  if (!nick || !amount) return undefined;

  const status = statusFromWords(statusText);
  // A status column without a status word: the cells no longer line up with the header.
  if (columns.status !== undefined && status === 'unknown') return undefined;
  const createdAt = parseCreatedTime(CREATED.exec(headText)?.[1] ?? '', CHINA_OFFSET_MINUTES, 'ymd', now);
  const shownDeadline = status === 'unpaid' ? parseCountdown(textOf(statusCell), now) ?? undefined : undefined;
  const estimated = status === 'unpaid' && shownDeadline === undefined && createdAt !== undefined ? createdAt + DEFAULT_AUTO_CLOSE_HOURS * HOUR_MS : undefined;
  const chatHref = buyerCell && queryFirst<HTMLAnchorElement>(buyerCell, selectors.chatLink)?.getAttribute('href');
  const buyer: BuyerRef = { nick: nick.slice(0, 200) };
  return {
    platform: 'taobao',
    orderId,
    buyer,
    items: readItems(rows, columns),
    amount,
    shippingFee: shippingText ? parseMoneyIn(shippingText, 'CNY') ?? undefined : undefined,
    createdAt,
    autoCloseAt: shownDeadline ?? estimated,
    autoCloseEstimated: estimated !== undefined ? true : undefined,
    status,
    statusText: statusText.slice(0, 200),
    chatUrl: chatHref?.startsWith('https://') ? chatHref : undefined,
  };
}

/**
 * Reads the trade platform's sold list, or null when the page shows neither
 * order blocks nor list furniture (still rendering, or another workbench page).
 */
export function readTradePlatform(doc: Document, href: string, now: number): PageRead | null {
  const url = new URL(href);
  const blocks = tradePlatformBlocks(doc);
  // Tabs, header and pagination in one walk of the page.
  const found = matchEach(doc, [tp.selectedTab, tp.listFrame, tp.headerCells, tp.activePage, tp.pageItems, tp.nextPage], blocks);
  const tab = textOf(firstOf(found, tp.selectedTab));
  const frame = firstOf(found, tp.listFrame);
  if (blocks.length === 0 && !(frame && /订单|付款|发货/.test(tab + textOf(frame).slice(0, 500)))) return null;

  const headerCells = allOf(found, tp.headerCells);
  const columns = headerCells.length > 0 ? columnsByHeader(headerCells, ['item', 'price', 'qty', 'buyer', 'status', 'amount']) : {};
  const { orders, unreadable } = readRows(blocks, noted((block, _i, at = now) => readBlock(block, columns, at), (block) => [block]));
  const page = textOf(firstOf(found, tp.activePage)) || '1';
  const pages = mostOf(found, tp.pageItems);
  return {
    platform: 'taobao',
    url: href,
    listKey: `${url.host}${url.pathname}#tab=${tab}&page=${page}`,
    unpaidOnly: UNPAID_TAB.test(tab),
    complete: pages <= 1 && !firstOf(found, tp.nextPage),
    orders,
    unreadable,
    noRowsFound: noRowsFound(doc, blocks.length),
    selectorsVersion: SELECTORS_VERSION,
  };
}
