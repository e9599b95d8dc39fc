import type { ObservedOrder, OrderItem, PageRead } from '../../orders/model';
import { parseMoney, type Money } from '../../orders/money';
import { soleMoney } from '../money';
import { agoInstant, AGO_SHAPE, DATE_SHAPE, parseZonedWallTime } from '../../orders/time';
import { cellAt as cell, orderGrid, readGridList, type HeaderRow } from '../grid';
import { type OrderAnchor } from '../order-blocks';
import { amountText, headMatch, longestLabel, pageTextRoot, spacedText, twoNumbers } from '../page-text';
import { nickOf, noRowsFound, statusFromWords, withoutPartAmounts } from '../page-words';
import { allIn, firstIn, goodsLineMatches, firstOf, type Matches } from '../query';
import { closeTimes, countdownIn } from '../times';
import { goodsLines, titleOf } from '../structure/fields';
import { queryFirst, textOf, type PlatformAdapter } from '../types';
import { CREATED_LABEL, DEADLINE_LABEL, DEFAULT_AUTO_CLOSE_HOURS, dollarOfNoMarket, ORDER_SN, REGIONS, SELECTORS_VERSION, UNPAID_TAB, selectors } from './selectors';

const QTY = /(?<![A-Za-z])[x×]\s*(\d{1,6})(?!\d)/gi;
const BARE_DOLLAR = /(?<![A-Za-z])\$/g;
const DATE_AFTER = `(${DATE_SHAPE})`;
// A created time written as the time since ("3 giờ trước", "há 2 horas") too; the deadline is never in the past.
const CREATED_RE = new RegExp(CREATED_LABEL.source + `(${DATE_SHAPE}|${AGO_SHAPE})`, 'iu');
const DEADLINE_RE = new RegExp(DEADLINE_LABEL.source + DATE_AFTER, 'iu');
// What a created-time match holds after its label (see headMatch).
const CREATED_LABEL_MAX = longestLabel(CREATED_LABEL);
// A written-out month's letters are left out: a date split over elements there is rare, and letters would keep headMatch searching past every label.
// A date and clock in Chinese characters (Taiwan: "2026年11月23日 14時03分") are in.
const CREATED_VALUE_CHARS = /[\s:：\d\-/.,年月日時时分秒點点上下午]/;

/**
 * An amount in the host's currency. A bare "$" is the region's dollar or
 * peso; any other marker naming a different currency is refused rather than
 * stored under the wrong one.
 */
export function regionMoney(text: string, currency: string | undefined): Money | null {
  const marked = parseMoney(text);
  if (!currency) return marked && dollarOfNoMarket(text, marked) ? null : marked;
  if (marked?.currency === currency) return marked;
  const bareDollar = BARE_DOLLAR.test(text);
  BARE_DOLLAR.lastIndex = 0;
  if (!marked || !(bareDollar && marked.currency === 'USD')) return null;
  // Only a marked amount: a bare number in a shifted cell ("Ship within 2 days") is no total.
  return parseMoney(text.replace(BARE_DOLLAR, ' '), currency);
}

function readItems(productsCell: Element | undefined, clean: Element | null): OrderItem[] {
  if (!productsCell) return [];
  const marked = goodsLineMatches(allIn(productsCell, selectors.productItem), (line) => firstIn(line, selectors.productName) !== null);
  // Unmarked lines (classes renamed): lines by their repeated shape, else the cell as one line.
  const lines = marked.length > 0 ? marked : goodsLines(productsCell);
  const items: OrderItem[] = [];
  for (const line of lines) {
    const title = textOf(firstIn(line, selectors.productName)) || (marked.length === 0 ? titleOf(line) ?? '' : '');
    if (!title) continue;
    // "Phân loại hàng: Đỏ, M" / "Variation: Black": keep the value.
    const variation = textOf(firstIn(line, selectors.productVariation)).replace(/^[^:：]{1,30}[:：]\s*/, '');
    // The quantity is printed last ("x2"); a title may hold "2x3" earlier.
    const text = spacedText(line, clean);
    let last: string | undefined;
    QTY.lastIndex = 0;
    for (let m = QTY.exec(text); m !== null; m = QTY.exec(text)) last = m[1];
    const qty = Number(last ?? 1);
    items.push({ title: title.slice(0, 1000), sku: variation ? variation.slice(0, 500) : undefined, qty: qty > 0 ? qty : 1 });
  }
  return items;
}

function readOrder(anchor: OrderAnchor, scope: Element[], header: HeaderRow, now: number, region: { currency?: string; zone: string }): ObservedOrder | undefined {
  const grid = orderGrid(scope, header, anchor.el, selectors.productItem);
  if (!grid) return undefined;
  const { columns } = header;
  // The order's cells lie outside any script or style when their block does: checked once.
  const clean = pageTextRoot(scope);
  const totalCell = cell(grid.main, columns.amount);
  // The total is the "Order Total" column only. The cell also names the payment method, never another amount.
  // A subtotal, shipping fee or discount labelled beside the total is no part of it ("Tổng tiền hàng: 999.000₫").
  const totalText = amountText(totalCell, clean, withoutPartAmounts);
  // Two different amounts left in the cell are two totals to choose from: none.
  const amount = totalCell && (!twoNumbers(totalText) || soleMoney(totalText)) ? regionMoney(totalText, region.currency) : null;
  let nick: string | undefined;
  for (const s of scope) if ((nick = nickOf(firstIn(s, selectors.buyerName)).slice(0, 200))) break;
  if (!amount || !nick) return undefined;

  // The whole order's text, only when needed: most orders are decided by their cells and head.
  let scopeText: string | undefined;
  const wholeText = () => (scopeText ??= scope.map((s) => spacedText(s, clean)).join(' '));
  const statusCell = cell(grid.main, columns.status);
  const statusCellText = spacedText(statusCell, clean);
  const statusText = statusCellText || wholeText();
  const status = statusFromWords(statusText);
  // A status cell without a status word means the cells no longer line up with the header.
  if (statusCell && status === 'unknown') return undefined;
  const head = headMatch(scope, CREATED_RE, CREATED_LABEL_MAX, CREATED_VALUE_CHARS);
  const created = (head === undefined ? CREATED_RE.exec(wholeText()) : head)?.[1];
  const createdAt = created ? parseZonedWallTime(created, region.zone, 'dmy', now) ?? agoInstant(created, now) : undefined;
  let shown: number | undefined;
  if (status === 'unpaid') {
    const deadline = DEADLINE_RE.exec(statusText)?.[1];
    shown = deadline ? parseZonedWallTime(deadline, region.zone, 'dmy', now) ?? undefined : countdownIn(statusText, now);
  }
  let href: string | undefined;
  for (const s of scope) if ((href = firstIn<HTMLAnchorElement>(s, selectors.chatLink)?.href)) break;

  return {
    platform: 'shopee',
    orderId: anchor.id,
    buyer: { nick },
    // Each goods row's products (the order-level cells span the rows after the first).
    items: grid.rows.flatMap((row) => readItems(cell(row, columns.item), clean)).slice(0, 200),
    amount,
    createdAt,
    ...closeTimes(status, shown, createdAt, DEFAULT_AUTO_CLOSE_HOURS),
    status,
    statusText: statusCellText.slice(0, 200) || undefined,
    chatUrl: href?.startsWith('https://') ? href : undefined,
  };
}

function selectedTab(found: Matches): string {
  // "Chờ thanh toán (3)": the count is not part of which listing this is.
  return textOf(firstOf(found, selectors.selectedTab)).replace(/[\d()\s]+/g, ' ').trim().slice(0, 40);
}

export const shopeeAdapter: PlatformAdapter = {
  platform: 'shopee',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now): PageRead | null {
    const url = new URL(href);
    // Only the order pages of the portal hold order lists; chat and the rest never do.
    if (!/\/portal\/sale\b/.test(url.pathname)) return null;
    const region = REGIONS[url.host] ?? { zone: 'UTC' };
    const list = readGridList(doc, { ...selectors, orderNumber: ORDER_SN }, (anchor, scope, header, at = now) => readOrder(anchor, scope, header, at, region));
    if (!list) return null;
    const tab = selectedTab(list.found);
    return {
      platform: 'shopee',
      url: href,
      listKey: `${url.host}${url.pathname}#tab=${tab || url.searchParams.get('type') || ''}&page=${textOf(firstOf(list.found, selectors.activePage)) || '1'}`,
      // The visible tab wins over ?type=: the SPA switches tabs in place.
      unpaidOnly: tab ? UNPAID_TAB.test(tab) : url.searchParams.get('type') === 'unpaid',
      complete: list.complete,
      orders: list.orders,
      unreadable: list.unreadable,
      noRowsFound: noRowsFound(doc, list.anchors),
      selectorsVersion: SELECTORS_VERSION,
    };
  },

  chatBuyer(doc) {
    const nick = nickOf(queryFirst(doc, selectors.chatBuyer)).slice(0, 200);
    return nick ? { nick } : undefined;
  },

  findComposer(doc) {
    return queryFirst(doc, selectors.composer);
  },
};
