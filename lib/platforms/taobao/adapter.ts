import type { BuyerRef, ObservedOrder, OrderItem, OrderStatus, PageRead } from '../../orders/model';
import { parseMoney } from '../../orders/money';
import { CHINA_OFFSET_MINUTES, HOUR_MS, parseCountdown, parseWallTime } from '../../orders/time';
import { EMPTY_LIST_WORDS } from '../common';
import { queryAllFirst, queryFirst, textOf, type PlatformAdapter } from '../types';
import { DEFAULT_AUTO_CLOSE_HOURS, SELECTORS_VERSION, STATUS_TEXT, selectors } from './selectors';
import { isTradePlatformUrl, readTradePlatform, tradePlatformBlocks } from './tradePlatform';

const ORDER_ID = /订单号\s*[:：]?\s*(\d{6,25})/;
const UNPAID_TAB = /等待买家付款|待付款/;

export function statusFromText(text: string): OrderStatus {
  for (const [pattern, status] of STATUS_TEXT) if (pattern.test(text)) return status;
  return 'unknown';
}

function readOrderId(block: Element): string | undefined {
  const input = queryFirst<HTMLInputElement>(block, selectors.orderIdInput);
  const fromInput = input?.value.trim();
  if (fromInput && /^\d{6,25}$/.test(fromInput)) return fromInput;
  return ORDER_ID.exec(textOf(queryFirst(block, selectors.headLabel) ?? block))?.[1];
}

function readItems(rows: readonly Element[]): OrderItem[] {
  const items: OrderItem[] = [];
  for (const row of rows) {
    const title = textOf(queryFirst(row, selectors.itemTitle));
    if (!title) continue;
    const skuParts = [...row.querySelectorAll(selectors.sku.join(','))].map((el) => textOf(el)).filter(Boolean);
    // Quantity is the cell holding a bare integer; price is the first money.
    const cells = [...row.children];
    const qtyCell = cells.find((td) => /^\d{1,6}$/.test(textOf(td)));
    const unitPrice = cells.map((td) => textOf(td)).find((t) => /[¥￥]/.test(t));
    items.push({
      title,
      sku: skuParts.length > 0 ? skuParts.join('；') : undefined,
      qty: qtyCell ? Number(textOf(qtyCell)) : 1,
      unitPrice: unitPrice ? parseMoney(unitPrice, 'CNY') ?? undefined : undefined,
    });
  }
  return items;
}

/**
 * The total is the cell that mentions shipping (含运费/含快递), else the last
 * order-level (rowspan) money cell. Never a unit price: a wrong amount is
 * worse than an unreadable row.
 */
function readTotal(firstRow: Element | undefined): { total?: string; shipping?: string } {
  if (!firstRow) return {};
  const cells = [...firstRow.children];
  const withShipping = cells.map((td) => textOf(td)).find((t) => /含(运费|快递)/.test(t));
  if (withShipping) {
    const [total, shipping] = withShipping.split(/含(?:运费|快递)/);
    return { total, shipping };
  }
  const orderLevel = cells.filter((td) => td.hasAttribute('rowspan') && /[¥￥]\s*[\d,]+/.test(textOf(td)));
  return { total: orderLevel.length > 0 ? textOf(orderLevel.at(-1)) : undefined };
}

function readBlock(block: Element, now: number): ObservedOrder | undefined {
  const orderId = readOrderId(block);
  const nick = textOf(queryFirst(block, selectors.buyerNick));
  const rows = queryAllFirst(block, selectors.itemRow);
  const { total, shipping } = readTotal(rows[0]);
  const amount = total ? parseMoney(total, 'CNY') : null;
  if (!orderId || !nick || !amount) return undefined;

  const statusText = textOf(queryFirst(block, selectors.statusLink)) || textOf(block);
  const status = /mainClose/.test(block.className) ? 'closed' : statusFromText(statusText);
  const createdAt = parseWallTime(textOf(queryFirst(block, selectors.headLabel)), CHINA_OFFSET_MINUTES) ?? undefined;
  const shownDeadline = parseCountdown(textOf(block), now) ?? undefined;
  const estimated = shownDeadline === undefined && createdAt !== undefined ? createdAt + DEFAULT_AUTO_CLOSE_HOURS * HOUR_MS : undefined;
  const chatHref = queryFirst<HTMLAnchorElement>(block, selectors.chatLink)?.getAttribute('href') ?? undefined;
  const shippingFee = shipping ? parseMoney(shipping, 'CNY') ?? undefined : undefined;
  const buyer: BuyerRef = { nick };

  return {
    platform: 'taobao',
    orderId,
    buyer,
    items: readItems(rows),
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

function listKeyOf(doc: Document, url: URL): string {
  const tab = url.searchParams.get('tabCode') ?? url.searchParams.get('auctionStatus') ?? textOf(queryFirst(doc, selectors.selectedTab));
  const page = textOf(queryFirst(doc, selectors.activePage)) || '1';
  return `${url.host}${url.pathname}#tab=${tab}&page=${page}`;
}

/** The visible tab wins: the SPA can switch tabs without touching the URL. */
function isUnpaidOnly(doc: Document, url: URL): boolean {
  const tab = queryFirst(doc, selectors.selectedTab);
  if (tab) return UNPAID_TAB.test(textOf(tab));
  return url.searchParams.get('tabCode') === 'waitBuyerPay' || url.searchParams.get('auctionStatus') === 'NOT_PAID';
}

function isComplete(doc: Document): boolean {
  // Most page items any selector sees: one selector may only catch the active item.
  const pages = Math.max(0, ...selectors.pageItems.map((s) => doc.querySelectorAll(s).length));
  return pages <= 1 && !queryFirst(doc, selectors.nextPage);
}

export const taobaoAdapter: PlatformAdapter = {
  platform: 'taobao',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now): PageRead | null {
    // The new Qianniu trade platform and the old sold-items list live side by side.
    if (isTradePlatformUrl(new URL(href)) || tradePlatformBlocks(doc).length > 0) return readTradePlatform(doc, href, now);
    const blocks = queryAllFirst(doc, selectors.orderBlock);
    // No blocks and no list furniture: not an order page (or not rendered yet).
    if (blocks.length === 0 && !queryFirst(doc, selectors.activePage)) return null;
    const url = new URL(href);
    const orders: ObservedOrder[] = [];
    let unreadable = 0;
    for (const block of blocks) {
      const order = readBlock(block, now);
      if (order) orders.push(order);
      else unreadable++;
    }
    return {
      platform: 'taobao',
      url: href,
      listKey: listKeyOf(doc, url),
      unpaidOnly: isUnpaidOnly(doc, url),
      complete: isComplete(doc),
      orders,
      unreadable,
      // Pagination but no order block and no "暂无" message: the markup moved.
      noRowsFound: blocks.length === 0 && !EMPTY_LIST_WORDS.test(textOf(doc.body)),
      selectorsVersion: SELECTORS_VERSION,
    };
  },

  chatBuyer(doc) {
    const el = queryFirst(doc, selectors.chatBuyer);
    const nick = el?.getAttribute('data-buyer-nick') ?? textOf(el);
    return nick ? { nick } : undefined;
  },

  findComposer(doc) {
    return queryFirst(doc, selectors.composer);
  },
};
