import type { BuyerRef, ObservedOrder, OrderItem, OrderStatus, PageRead } from '../../orders/model';
import { parseMoneyIn } from '../../orders/money';
import { CHINA_OFFSET_MINUTES, HOUR_MS, parseCountdown, parseCreatedTime } from '../../orders/time';
import { firstInFrames } from '../frames';
import { readRows } from '../order-blocks';
import { nickOf, noRowsFound, withoutPartAmounts } from '../page-words';
import { firstOf, matchEach, mostOf, type Matches } from '../query';
import { spacedText } from '../page-text';
import { queryAllFirst, queryFirst, textOf, type PlatformAdapter } from '../types';
import { DEFAULT_AUTO_CLOSE_HOURS, SELECTORS_VERSION, STATUS_TEXT, selectors } from './selectors';
import { isTradePlatformUrl, readTradePlatform, tradePlatformBlocks } from './tradePlatform';
import { noted } from '../block-notes';
import { isOrderNumber, uncut } from '../order-numbers';

const ORDER_ID = uncut(/订单号\s*[:：]?\s*(\d{6,25})(?!\d)/);
const UNPAID_TAB = /等待买家付款|待付款/;

export function statusFromText(text: string): OrderStatus {
  for (const [pattern, status] of STATUS_TEXT) if (pattern.test(text)) return status;
  return 'unknown';
}

function readOrderId(block: Element): string | undefined {
  const input = queryFirst<HTMLInputElement>(block, selectors.orderIdInput);
  const fromInput = input?.value.trim();
  if (isOrderNumber('taobao', fromInput)) return fromInput;
  // A number cut short for a narrow column ("391283…0441") is no order's.
  const id = ORDER_ID.exec(textOf(queryFirst(block, selectors.headLabel) ?? block))?.[1];
  return isOrderNumber('taobao', id) ? id : undefined;
}

const SKU = selectors.sku.join(',');

/** Text of each cell of a row, read once. */
function cellTexts(row: Element | undefined): string[] {
  return row ? [...row.children].map((td) => textOf(td)) : [];
}

function readItems(rows: readonly Element[], firstTexts: readonly string[]): OrderItem[] {
  const items: OrderItem[] = [];
  rows.forEach((row, r) => {
    const title = textOf(queryFirst(row, selectors.itemTitle));
    if (!title) return;
    const skuParts = [...row.querySelectorAll(SKU)].map((el) => textOf(el)).filter(Boolean);
    // Quantity is the cell holding a bare integer; price is the first money.
    const texts = r === 0 ? firstTexts : cellTexts(row);
    const qtyText = texts.find((t) => /^\d{1,6}$/.test(t));
    const unitPrice = texts.find((t) => /[¥￥]/.test(t));
    items.push({
      title,
      sku: skuParts.length > 0 ? skuParts.join('；') : undefined,
      qty: qtyText ? Number(qtyText) : 1,
      unitPrice: unitPrice ? parseMoneyIn(unitPrice, 'CNY') ?? undefined : undefined,
    });
  });
  return items;
}

/**
 * The total is the cell that mentions shipping (含运费/含快递), else the last
 * order-level (rowspan) money cell. Never a unit price: a wrong amount is
 * worse than an unreadable row.
 */
function readTotal(firstRow: Element | undefined, texts: readonly string[]): { total?: string; shipping?: string } {
  if (!firstRow) return {};
  const cells = [...firstRow.children];
  // The cell is found by its text; its amount is read from its page text (see spacedText: a struck-through price is
  // none, raised cents follow a point), asked no higher than the row (a row found in the page is no script's).
  // A subtotal, shipping fee or discount labelled beside the total is no part of it ("商品总价：¥999.00").
  const pageText = (i: number) => withoutPartAmounts(spacedText(cells[i], firstRow));
  const shippingAt = texts.findIndex((t) => /含(运费|快递)/.test(t));
  if (shippingAt >= 0) {
    const [total, shipping] = pageText(shippingAt).split(/含(?:运费|快递)/);
    return { total, shipping };
  }
  const last = texts.findLastIndex((t, i) => cells[i]!.hasAttribute('rowspan') && /[¥￥]\s*[\d,]+/.test(t));
  return { total: last >= 0 ? pageText(last) : undefined };
}

function readBlock(block: Element, now: number): ObservedOrder | undefined {
  const orderId = readOrderId(block);
  const nick = nickOf(queryFirst(block, selectors.buyerNick));
  const rows = queryAllFirst(block, selectors.itemRow);
  const firstTexts = cellTexts(rows[0]);
  const { total, shipping } = readTotal(rows[0], firstTexts);
  const amount = total ? parseMoneyIn(total, 'CNY') : null;
  if (!orderId || !nick || !amount) return undefined;

  // The whole block's text, once: the countdown patterns treat any run of white space alike.
  const blockText = block.textContent ?? '';
  const statusText = textOf(queryFirst(block, selectors.statusLink)) || textOf(block);
  const status = /mainClose/.test(block.className) ? 'closed' : statusFromText(statusText);
  const createdAt = parseCreatedTime(textOf(queryFirst(block, selectors.headLabel)), CHINA_OFFSET_MINUTES, 'ymd', now);
  const shownDeadline = parseCountdown(blockText, now) ?? undefined;
  const estimated = shownDeadline === undefined && createdAt !== undefined ? createdAt + DEFAULT_AUTO_CLOSE_HOURS * HOUR_MS : undefined;
  const chatHref = queryFirst<HTMLAnchorElement>(block, selectors.chatLink)?.getAttribute('href') ?? undefined;
  const shippingFee = shipping ? parseMoneyIn(shipping, 'CNY') ?? undefined : undefined;
  const buyer: BuyerRef = { nick };

  return {
    platform: 'taobao',
    orderId,
    buyer,
    items: readItems(rows, firstTexts),
    amount,
    shippingFee,
    createdAt,
    autoCloseAt: shownDeadline ?? estimated,
    autoCloseEstimated: shownDeadline === undefined && estimated !== undefined ? true : undefined,
    status,
    statusText: statusText.slice(0, 200),
    chatUrl: chatHref?.startsWith('https://') ? chatHref : undefined,
  };
}

// The list's furniture, found in one walk of the page (see matchEach).
const FURNITURE = [selectors.selectedTab, selectors.activePage, selectors.pageItems, selectors.nextPage];

function listKeyOf(found: Matches, url: URL): string {
  const tab = url.searchParams.get('tabCode') ?? url.searchParams.get('auctionStatus') ?? textOf(firstOf(found, selectors.selectedTab));
  const page = textOf(firstOf(found, selectors.activePage)) || '1';
  return `${url.host}${url.pathname}#tab=${tab}&page=${page}`;
}

/** The visible tab wins: the SPA can switch tabs without touching the URL. */
function isUnpaidOnly(found: Matches, url: URL): boolean {
  const tab = firstOf(found, selectors.selectedTab);
  if (tab) return UNPAID_TAB.test(textOf(tab));
  return url.searchParams.get('tabCode') === 'waitBuyerPay' || url.searchParams.get('auctionStatus') === 'NOT_PAID';
}

/** One page and no live "next" button: the whole list is on screen. */
function isComplete(found: Matches): boolean {
  // Most page items any selector sees: one selector may only catch the active item.
  return mostOf(found, selectors.pageItems) <= 1 && !firstOf(found, selectors.nextPage);
}

function readDocument(doc: Document, href: string, now: number): PageRead | null {
  // The new Qianniu trade platform and the old sold-items list live side by side.
  if (isTradePlatformUrl(new URL(href)) || tradePlatformBlocks(doc).length > 0) return readTradePlatform(doc, href, now);
  const blocks = queryAllFirst(doc, selectors.orderBlock);
  const found = matchEach(doc, FURNITURE, blocks);
  // No blocks and no list furniture: not an order page (or not rendered yet).
  if (blocks.length === 0 && !firstOf(found, selectors.activePage)) return null;
  const url = new URL(href);
  const { orders, unreadable } = readRows(blocks, noted((block, _i, at = now) => readBlock(block, at), (block) => [block]));
  return {
    platform: 'taobao',
    url: href,
    listKey: listKeyOf(found, url),
    unpaidOnly: isUnpaidOnly(found, url),
    complete: isComplete(found),
    orders,
    unreadable,
    // Pagination but no order block and no "暂无" message: the markup moved.
    noRowsFound: noRowsFound(doc, blocks.length),
    selectorsVersion: SELECTORS_VERSION,
  };
}

export const taobaoAdapter: PlatformAdapter = {
  platform: 'taobao',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now): PageRead | null {
    // The list can sit in a same-origin iframe of the workbench shell: the first document holding one wins.
    return firstInFrames(doc, (d) => readDocument(d, href, now));
  },

  chatBuyer(doc) {
    const el = queryFirst(doc, selectors.chatBuyer);
    const nick = el?.getAttribute('data-buyer-nick') ?? nickOf(el);
    return nick ? { nick } : undefined;
  },

  findComposer(doc) {
    return queryFirst(doc, selectors.composer);
  },
};
