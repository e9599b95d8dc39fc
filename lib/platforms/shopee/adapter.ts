import type { ObservedOrder, OrderItem, PageRead } from '../../orders/model';
import { parseMoney, type Money } from '../../orders/money';
import { HOUR_MS, parseZonedWallTime } from '../../orders/time';
import { countdownIn, EMPTY_LIST_WORDS, spacedText, findHeaderRow, findOrderAnchors, orderGrid, orderScopes, statusFromWords, type HeaderRow, type OrderAnchor } from '../common';
import { queryAllFirst, queryFirst, textOf, type PlatformAdapter } from '../types';
import { CREATED_LABEL, DEADLINE_LABEL, DEFAULT_AUTO_CLOSE_HOURS, ORDER_SN, REGIONS, SELECTORS_VERSION, UNPAID_TAB, selectors } from './selectors';

const QTY = /(?<![A-Za-z])[x×]\s*(\d{1,6})(?!\d)/gi;
const BARE_DOLLAR = /(?<![A-Za-z])\$/g;
const DATE_AFTER = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)`;
const CREATED_RE = new RegExp(CREATED_LABEL.source + DATE_AFTER, 'i');
const DEADLINE_RE = new RegExp(DEADLINE_LABEL.source + DATE_AFTER, 'i');

/**
 * An amount in the host's currency. A bare "$" is the region's dollar or
 * peso; any other marker naming a different currency is refused rather than
 * stored under the wrong one.
 */
export function regionMoney(text: string, currency: string | undefined): Money | null {
  const marked = parseMoney(text);
  if (!currency) return marked;
  if (marked?.currency === currency) return marked;
  const bareDollar = BARE_DOLLAR.test(text);
  BARE_DOLLAR.lastIndex = 0;
  if (!marked || !(bareDollar && marked.currency === 'USD')) return null;
  // Only a marked amount: a bare number in a shifted cell ("Ship within 2 days") is no total.
  return parseMoney(text.replace(BARE_DOLLAR, ' '), currency);
}

function cell(map: Map<number, Element>, index: number | undefined): Element | undefined {
  return index === undefined ? undefined : map.get(index);
}

function readItems(productsCell: Element | undefined): OrderItem[] {
  if (!productsCell) return [];
  const lines = queryAllFirst(productsCell, selectors.productItem);
  const items: OrderItem[] = [];
  for (const line of lines.length > 0 ? lines : [productsCell]) {
    const title = textOf(queryFirst(line, selectors.productName));
    if (!title) continue;
    // "Phân loại hàng: Đỏ, M" / "Variation: Black": keep the value.
    const variation = textOf(queryFirst(line, selectors.productVariation)).replace(/^[^:：]{1,30}[:：]\s*/, '');
    // The quantity is printed last ("x2"); a title may hold "2x3" earlier.
    const qty = Number([...spacedText(line).matchAll(QTY)].at(-1)?.[1] ?? 1);
    items.push({ title: title.slice(0, 1000), sku: variation ? variation.slice(0, 500) : undefined, qty: qty > 0 ? qty : 1 });
  }
  return items;
}

function readOrder(anchor: OrderAnchor, scope: Element[], header: HeaderRow, now: number, region: { currency?: string; zone: string }): ObservedOrder | undefined {
  const grid = orderGrid(scope, header, anchor.el);
  if (!grid) return undefined;
  const { columns } = header;
  const totalCell = cell(grid.main, columns.amount);
  // The total is the "Order Total" column only. The cell also names the payment method, never another amount.
  const amount = totalCell ? regionMoney(spacedText(totalCell), region.currency) : null;
  const nick = scope.map((s) => textOf(queryFirst(s, selectors.buyerName))).find(Boolean)?.slice(0, 200);
  if (!amount || !nick) return undefined;

  const scopeText = scope.map((s) => spacedText(s)).join(' ');
  const statusCell = cell(grid.main, columns.status);
  const statusText = spacedText(statusCell) || scopeText;
  const status = statusFromWords(statusText);
  // A status cell without a status word means the cells no longer line up with the header.
  if (statusCell && status === 'unknown') return undefined;
  const created = CREATED_RE.exec(scopeText)?.[1];
  const createdAt = created ? parseZonedWallTime(created, region.zone, 'dmy') ?? undefined : undefined;
  let shown: number | undefined;
  if (status === 'unpaid') {
    const deadline = DEADLINE_RE.exec(statusText)?.[1];
    shown = deadline ? parseZonedWallTime(deadline, region.zone, 'dmy') ?? undefined : countdownIn(statusText, now);
  }
  const estimated = status === 'unpaid' && shown === undefined && createdAt !== undefined ? createdAt + DEFAULT_AUTO_CLOSE_HOURS * HOUR_MS : undefined;
  const href = scope.map((s) => queryFirst<HTMLAnchorElement>(s, selectors.chatLink)).find(Boolean)?.href;

  return {
    platform: 'shopee',
    orderId: anchor.id,
    buyer: { nick },
    items: readItems(cell(grid.main, columns.item)).slice(0, 200),
    amount,
    createdAt,
    autoCloseAt: shown ?? estimated,
    autoCloseEstimated: shown === undefined && estimated !== undefined ? true : undefined,
    status,
    statusText: spacedText(statusCell).slice(0, 200) || undefined,
    chatUrl: href?.startsWith('https://') ? href : undefined,
  };
}

function selectedTab(doc: Document): string {
  // "Chờ thanh toán (3)": the count is not part of which listing this is.
  return textOf(queryFirst(doc, selectors.selectedTab)).replace(/[\d()\s]+/g, ' ').trim().slice(0, 40);
}

export const shopeeAdapter: PlatformAdapter = {
  platform: 'shopee',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now): PageRead | null {
    const url = new URL(href);
    // Only the order pages of the portal hold order lists; chat and the rest never do.
    if (!doc.body || !/\/portal\/sale\b/.test(url.pathname)) return null;
    const header = findHeaderRow(doc.body, selectors.headerRow, 3);
    if (!header) return null;
    const region = REGIONS[url.host] ?? { zone: 'UTC' };
    const anchors = findOrderAnchors(doc.body, ORDER_SN);
    const fences = [header.row, queryFirst(doc, selectors.selectedTab), queryFirst(doc, selectors.activePage)];
    const scopes = orderScopes(anchors, fences);
    const orders: ObservedOrder[] = [];
    let unreadable = 0;
    anchors.forEach((anchor, i) => {
      const order = readOrder(anchor, scopes[i]!, header, now, region);
      if (order) orders.push(order);
      else unreadable++;
    });
    const tab = selectedTab(doc);
    const pages = Math.max(0, ...selectors.pageItems.map((s) => doc.querySelectorAll(s).length));
    return {
      platform: 'shopee',
      url: href,
      listKey: `${url.host}${url.pathname}#tab=${tab || url.searchParams.get('type') || ''}&page=${textOf(queryFirst(doc, selectors.activePage)) || '1'}`,
      // The visible tab wins over ?type=: the SPA switches tabs in place.
      unpaidOnly: tab ? UNPAID_TAB.test(tab) : url.searchParams.get('type') === 'unpaid',
      complete: pages <= 1 && !queryFirst(doc, selectors.nextPage),
      orders,
      unreadable,
      noRowsFound: anchors.length === 0 && !EMPTY_LIST_WORDS.test(textOf(doc.body)),
      selectorsVersion: SELECTORS_VERSION,
    };
  },

  chatBuyer(doc) {
    const nick = textOf(queryFirst(doc, selectors.chatBuyer)).slice(0, 200);
    return nick ? { nick } : undefined;
  },

  findComposer(doc) {
    return queryFirst(doc, selectors.composer);
  },
};
