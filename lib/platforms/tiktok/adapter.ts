import type { BuyerRef, ObservedOrder, OrderItem, PageRead } from '../../orders/model';
import type { Money } from '../../orders/money';
import { HOUR_MS } from '../../orders/time';
import { documentsOf, firstInFrames } from '../frames';
import { regionYen, soleMoney } from '../money';
import { readRows } from '../order-blocks';
import { nickOf, noRowsFound, columnsByHeader, statusFromWords, type ColumnName, withoutPartAmounts } from '../page-words';
import { allOf, firstOf, isShown, matchEach, mostOf, type Matches } from '../query';
import { countdownIn, readCreated, readTime, statedUtcOffset, type Clock } from '../times';
import { spacedText } from '../page-text';
import { queryAllFirst, queryFirst, textOf, type PlatformAdapter } from '../types';
import { DEFAULT_AUTO_CANCEL_HOURS, ORDER_ID_TEXT, REGIONS, SELECTORS_VERSION, UNPAID_TAB, regionKey, selectors } from './selectors';
import { noted } from '../block-notes';
import { isOrderNumber } from '../order-numbers';

// A bare "$" means the region's own dollar on these hosts.
const DOLLAR_REGIONS: Readonly<Record<string, string>> = { mx: 'MXN', sg: 'SGD' };

interface Region {
  key?: string;
  zone?: string;
  order: 'mdy' | 'dmy';
}

/** The shop's region (see regionKey); the global host without a shop_region has none. */
function regionOf(url: URL): Region {
  const key = regionKey(url);
  const known = key ? REGIONS[key] : undefined;
  // The global host serves cross-border (mostly China-based) sellers; dates are US style there.
  return known ? { key, zone: known.zone, order: known.order } : { order: 'mdy' };
}

/** First rendered element, else the first at all (documents without layout render nothing). */
function shownFirst<E extends Element>(els: readonly E[]): E | undefined {
  return els.find((el) => isShown(el)) ?? els[0];
}

/** The page's clock: a stated offset, else the region's zone (China time on the global host). */
function clockOf(region: Region, pageOffset: number | undefined): Clock {
  return pageOffset !== undefined ? { offset: pageOffset, order: region.order } : { zone: region.zone, order: region.order };
}

function moneyIn(text: string, region: Region): Money | null {
  const money = soleMoney(text);
  if (!money) return null;
  const yen = regionYen(text, money, region.key ? REGIONS[region.key]?.currency : undefined);
  if (yen !== undefined) return yen;
  const dollar = region.key ? DOLLAR_REGIONS[region.key] : undefined;
  if (dollar && money.currency === 'USD' && !/US\s?\$|USD/.test(text)) return { ...money, currency: dollar };
  return money;
}

type Columns = Partial<Record<ColumnName, number>>;

/** A card's cell under a header, only when the card's row has exactly the header's columns. */
function cellIn(cells: () => ArrayLike<Element>, column: number | undefined, headerCount: number): Element | undefined {
  if (column === undefined) return undefined;
  const all = cells();
  return all.length === headerCount ? all[column] : undefined;
}

/** The card's cells, looked up once and only when a column is needed. */
function cellsOf(card: Element): () => ArrayLike<Element> {
  let cells: ArrayLike<Element> | undefined;
  return () => (cells ??= allFirst(card, selectors.cells));
}

const NONE: readonly HTMLElement[] = [];

/** queryAllFirst without copying the list: the NodeList itself (copying costs a DOM call per element). */
function allFirst(root: ParentNode, list: readonly string[]): ArrayLike<HTMLElement> {
  for (const selector of list) {
    const found = root.querySelectorAll<HTMLElement>(selector);
    if (found.length > 0) return found;
  }
  return NONE;
}

// Each list without its data-testid selectors, worked out once per list.
const withoutTestIds = new Map<readonly string[], readonly string[]>();
function plainOf(list: readonly string[]): readonly string[] {
  let plain = withoutTestIds.get(list);
  if (!plain) withoutTestIds.set(list, (plain = list.filter((s) => !s.startsWith('[data-testid='))));
  return plain;
}

/** Queries inside one card, by a list of selectors in order of preference. */
interface CardQuery {
  first(list: readonly string[]): HTMLElement | null;
  all(list: readonly string[]): ArrayLike<HTMLElement>;
}

/**
 * queryFirst / queryAllFirst over a card, except that data-testid selectors
 * are skipped when the card has no data-testid at all: they could not match,
 * and each would cost a walk of the whole card. One walk answers for all,
 * and a page without any data-testid (one native walk) needs none per card.
 */
function cardQuery(card: Element, testIdsOnPage: boolean): CardQuery {
  const testIds = testIdsOnPage && card.querySelector('[data-testid]') !== null;
  return {
    first: (list) => queryFirst(card, testIds ? list : plainOf(list)),
    all: (list) => allFirst(card, testIds ? list : plainOf(list)),
  };
}

function readItems(q: CardQuery, region: Region): OrderItem[] {
  let blocks = q.all(selectors.product);
  if (blocks.length === 0) blocks = Array.from(q.all(selectors.productName), (el) => el.parentElement ?? el);
  const items: OrderItem[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const title = textOf(queryFirst(block, selectors.productName));
    if (!title) continue;
    const sku = textOf(queryFirst(block, selectors.sku)) || undefined;
    const qty = /(?:^|[x×]|qty|quantidade|số lượng)\s*[:：]?\s*(\d{1,6})$/i.exec(textOf(queryFirst(block, selectors.quantity)));
    const unitPrice = moneyIn(textOf(queryFirst(block, selectors.unitPrice)), region) ?? undefined;
    items.push({ title: title.slice(0, 1000), sku: sku?.slice(0, 500), qty: qty ? Math.max(1, Number(qty[1])) : 1, unitPrice });
  }
  return items;
}

function readOrderId(card: Element, q: CardQuery): string | undefined {
  // The number the element starts with: a sub-order or package number printed after it in the same element is another's.
  const own = textOf(q.first(selectors.orderId)).replace(/^\D+/, '').split(/\s/, 1)[0] ?? '';
  if (isOrderNumber('tiktok', own)) return own;
  // A number cut short for a narrow column ("576880…5678") is no order's.
  const id = ORDER_ID_TEXT.exec(textOf(card))?.[1];
  return isOrderNumber('tiktok', id) ? id : undefined;
}

/** The grand total: its own element, else the "Total" column when it shows exactly one sum. Never a unit price. */
function readTotal(q: CardQuery, cells: () => ArrayLike<Element>, columns: Columns, headerCount: number, region: Region): Money | null {
  // Each order shows one total: a card with two holds another order whose id went missing.
  const totals = q.all(selectors.total);
  if (totals.length > 1) return null;
  const el = totals[0];
  // Page text (see spacedText): a struck-through price is none, raised cents follow a point.
  // A subtotal, shipping fee or discount labelled beside the total is no part of it.
  if (el) return moneyIn(withoutPartAmounts(spacedText(el)), region);
  const cell = cellIn(cells, columns.amount, headerCount);
  if (!cell || queryFirst(cell, selectors.unitPrice) || queryFirst(cell, selectors.product)) return null;
  return moneyIn(withoutPartAmounts(spacedText(cell)), region);
}

function readChatUrl(card: Element, pageUrl: string): string | undefined {
  const href = queryFirst<HTMLAnchorElement>(card, selectors.chatLink)?.getAttribute('href');
  if (!href) return undefined;
  try {
    const resolved = new URL(href, pageUrl);
    return resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

interface Context {
  columns: Columns;
  /** Whether the document has any data-testid at all. */
  testIds: boolean;
  headerCount: number;
  region: Region;
  pageOffset: number | undefined;
  url: string;
  now: number;
}

// An order's actions ("Xem chi tiết", "View details"): what a cell under "Buyer" holds when the cells moved.
const ACTIONS_FIRST = /^(?:xem\s*chi\s*tiết|view\s*(?:order\s*)?details?|查看详情|订单详情|ver\s*detal|lihat\s*(?:detail|rincian)|ดูรายละเอียด|詳細を見る|상세\s*보기|details)/i;

function readCard(card: Element, ctx: Context): ObservedOrder | undefined {
  const { columns, headerCount, region } = ctx;
  const q = cardQuery(card, ctx.testIds);
  const orderId = readOrderId(card, q);
  const cells = cellsOf(card);
  // The cells are looked up only when a marked element is missing.
  const cellUnder = (column: number | undefined) => {
    const cell = cellIn(cells, column, headerCount);
    return cell?.firstElementChild ?? cell;
  };
  const marked = q.first(selectors.buyer);
  const nick = nickOf(marked ?? cellUnder(columns.buyer));
  const amount = readTotal(q, cells, columns, headerCount, region);
  if (!orderId || !nick || !amount) return undefined;

  const statusMarked = q.first(selectors.status);
  const statusText = textOf(statusMarked ?? cellUnder(columns.status));
  const status = statusFromWords(statusText);
  // Cells taken by their place under the header, and the one under "Buyer" holds the order's actions or the one under
  // "Status" names none: the cells no longer line up with the header (a grid placing them in another order than it
  // writes them), so the one under "Buyer" may be another's ("Xem chi tiết"). The order is left to the structural
  // reader, or counted unreadable.
  if (!marked && (ACTIONS_FIRST.test(nick) || (!statusMarked && status === 'unknown'))) return undefined;
  const createdText = textOf(q.first(selectors.createdAt));
  const clock = clockOf(region, ctx.pageOffset);
  const createdAt = readCreated(createdText, clock, ctx.now);
  const open = status === 'unpaid' || status === 'unknown';
  let shown: number | undefined;
  if (open) {
    const deadlineText = textOf(q.first(selectors.deadline) ?? cellIn(cells, columns.status, headerCount));
    // "Auto-cancels in 23h 59m", or a close time "Auto-cancel at 11/21/2026 2:03 PM".
    shown = countdownIn(deadlineText, ctx.now) ?? readTime(deadlineText, clock, ctx.now);
  }
  const estimated = open && shown === undefined && createdAt !== undefined ? createdAt + DEFAULT_AUTO_CANCEL_HOURS * HOUR_MS : undefined;
  const buyer: BuyerRef = { nick: nick.slice(0, 200) };
  return {
    platform: 'tiktok',
    orderId,
    buyer,
    items: readItems(q, region),
    amount,
    createdAt,
    autoCloseAt: shown ?? estimated,
    autoCloseEstimated: shown === undefined && estimated !== undefined ? true : undefined,
    status,
    statusText: statusText.slice(0, 200) || undefined,
    chatUrl: readChatUrl(card, ctx.url),
  };
}

/**
 * Order cards without any known class: the largest element around each
 * "Order ID: <digits>" text that holds no other order id.
 */
function cardsByIdText(doc: Document): Element[] {
  const anchors = [...doc.querySelectorAll('span, div, p, a, td')].filter(
    (el) => ORDER_ID_TEXT.test(textOf(el)) && ![...el.children].some((c) => ORDER_ID_TEXT.test(textOf(c))),
  );
  const cards: Element[] = [];
  for (const anchor of anchors) {
    let card = anchor;
    while (card.parentElement && card.parentElement !== doc.body && anchors.filter((a) => card.parentElement!.contains(a)).length === 1) {
      card = card.parentElement;
    }
    if (!cards.includes(card)) cards.push(card);
  }
  return cards;
}

function selectedTabText(found: Matches): string | undefined {
  const tab = shownFirst(allOf(found, selectors.selectedTab));
  return tab ? textOf(tab).replace(/\(?\d+\)?$/, '').trim() : undefined;
}

function isUnpaidOnly(found: Matches, url: URL): boolean {
  const tab = selectedTabText(found);
  if (tab !== undefined) return UNPAID_TAB.test(tab);
  return /^(unpaid|awaiting_payment|100)$/i.test(url.searchParams.get('tab') ?? url.searchParams.get('order_status') ?? '');
}

function listKeyOf(found: Matches, url: URL): string {
  const tab = selectedTabText(found) ?? url.searchParams.get('tab') ?? '';
  const page = textOf(firstOf(found, selectors.activePage)) || url.searchParams.get('page') || '1';
  return `${url.host}${url.pathname}#tab=${tab}&page=${page}`;
}

/** One page and no live "next" button: the whole list is on screen. */
function isComplete(found: Matches): boolean {
  return mostOf(found, selectors.pageItems) <= 1 && !firstOf(found, selectors.nextPage);
}

const TIME_ZONE_NOTE = ['[class*="timezone"]', '[class*="timeZone"]', '[class*="TimeZone"]'];

function readDocument(doc: Document, href: string, now: number): PageRead | null {
  const url = new URL(href);
  // Chat pages have a composer and conversation cards, never an order list.
  if (/\/chat(\/|$)/.test(url.pathname)) return null;
  let cards: Element[] = queryAllFirst(doc, selectors.orderCard);
  if (cards.length === 0 && doc.body) cards = cardsByIdText(doc);
  // Headers, tabs, pagination and the time-zone note in one walk of the page outside the cards.
  const found = matchEach(doc, [selectors.headerCells, TIME_ZONE_NOTE, selectors.selectedTab, selectors.activePage, selectors.pageItems, selectors.nextPage], cards);
  const headers = allOf(found, selectors.headerCells);
  const columns = columnsByHeader(headers);
  const looksLikeList = cards.length > 0 || (columns.amount !== undefined && columns.status !== undefined);
  if (!looksLikeList) return null;
  const ctx: Context = {
    columns,
    testIds: doc.querySelector('[data-testid]') !== null,
    headerCount: headers.length,
    region: regionOf(url),
    pageOffset: statedUtcOffset(textOf(firstOf(found, TIME_ZONE_NOTE))),
    url: href,
    now,
  };
  const { orders, unreadable } = readRows(cards, noted((card, _i, at = now) => readCard(card, at === now ? ctx : { ...ctx, now: at }), (card) => [card]), (o) => o.orderId);
  return {
    platform: 'tiktok',
    url: href,
    listKey: listKeyOf(found, url),
    unpaidOnly: isUnpaidOnly(found, url),
    complete: isComplete(found),
    orders,
    unreadable,
    noRowsFound: noRowsFound(doc, cards.length),
    selectorsVersion: SELECTORS_VERSION,
  };
}

function activeConversation(doc: Document): Element | undefined {
  const cards = queryAllFirst(doc, selectors.conversationCard);
  return cards.find((card) => selectors.activeMarker.some((m) => card.matches(m) || card.querySelector(`:scope > ${m}`) !== null));
}

export const tiktokAdapter: PlatformAdapter = {
  platform: 'tiktok',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now) {
    // The list can sit in a same-origin iframe of the seller centre shell.
    return firstInFrames(doc, (d) => readDocument(d, href, now));
  },

  chatBuyer(doc) {
    for (const d of documentsOf(doc)) {
      const header = nickOf(queryFirst(d, selectors.chatHeaderName));
      const card = activeConversation(d);
      const nick = header || nickOf(card ? queryFirst(card, selectors.conversationName) : null);
      if (nick) return { nick: nick.slice(0, 200) };
    }
    return undefined;
  },

  /** The visible textarea or contenteditable next to the send button (the nearest one up the tree). */
  findComposer(doc) {
    for (const d of documentsOf(doc)) {
      const button = queryFirst(d, selectors.sendButton);
      let scope: Element | null = button?.parentElement ?? null;
      for (let depth = 0; scope && depth < 6; depth++, scope = scope.parentElement) {
        const candidates = [...scope.querySelectorAll<HTMLElement>(selectors.composer.join(','))].filter(
          (el) => el.tagName === 'TEXTAREA' || el.isContentEditable || /^(true|plaintext-only|)$/.test(el.getAttribute('contenteditable') ?? '-'),
        );
        const found = shownFirst(candidates);
        if (found) return found;
      }
    }
    return null;
  },
};
