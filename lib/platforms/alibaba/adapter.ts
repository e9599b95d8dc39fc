import type { BuyerRef, ObservedOrder, OrderItem, OrderStatus, PageRead } from '../../orders/model';
import { formatMoney, parseMoney, type Money } from '../../orders/money';
import { soleMoney } from '../money';
import { nfkc } from '../../orders/nfkc';
import { CHINA_OFFSET_MINUTES, parseCountdown, parseCreatedTime } from '../../orders/time';
import { firstInFrames } from '../frames';
import { readRows } from '../order-blocks';
import { nickOf, noRowsFound, statusFromWords, withoutPartAmounts } from '../page-words';
import { firstOf, matchEach, mostOf, outermost, type Matches } from '../query';
import { BlockParts } from '../block-parts';
import { amountText, spacedText, twoNumbers } from '../page-text';
import { queryFirst, textOf, type PlatformAdapter } from '../types';
import { BALANCE_WORDS, INITIAL_WORDS, PAYMENT_LINK_WORDS, SELECTORS_VERSION, UNPAID_TAB_WORDS, selectors } from './selectors';
import { noted } from '../block-notes';
import { isOrderNumber, uncut } from '../order-numbers';

const ORDER_ID = uncut(/(?:order\s*no\.?|订单号)\s*[:：]?\s*(\d{6,25})(?!\d)/i);
const ID_IN_HREF = /[?&]orderId=(\d{6,25})/;
// Trade Assurance orders whose deposit is paid wait for the balance:
// "Awaiting balance payment" / "待付尾款" are unpaid too.
const AWAITING_STAGE = /awaiting\s+(?:\w+\s+)?payment|待付尾款|待付预付款|待付首款/i;

/** A Trade Assurance stage as the order card shows it: initial (deposit) or balance. */
export interface TradeAssuranceStage {
  kind: 'initial' | 'balance';
  amount: Money;
  paid: boolean;
}

/**
 * Stages printed on the card ("Initial payment: US $1,500.00", "尾款：US
 * $7,000.00（已付）"). The milestone plans can be seeded from these;
 * the adapter keeps them in statusText so the order model stays unchanged.
 */
export function readStages(block: Element, currency: string, parts: BlockParts = new BlockParts(block, [selectors.stage])): TradeAssuranceStage[] {
  const stages: TradeAssuranceStage[] = [];
  const els = parts.any(selectors.stage);
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    const text = textOf(el);
    const kind = INITIAL_WORDS.test(text) ? 'initial' : BALANCE_WORDS.test(text) ? 'balance' : undefined;
    const amount = parseMoney(text, currency);
    if (kind && amount) stages.push({ kind, amount, paid: /已付|\bpaid\b/i.test(text) && !/unpaid|未付/i.test(text) });
  }
  return stages;
}

// Everything readBlock looks for inside a card, found in one walk of it.
const CARD_PARTS = [
  selectors.detailLink,
  selectors.orderNo,
  selectors.buyerName,
  selectors.buyerCompany,
  selectors.total,
  selectors.status,
  selectors.createTime,
  selectors.stage,
  selectors.chatLink,
  selectors.productRow,
  selectors.productTitle,
  selectors.productQty,
  selectors.productPrice,
];

function orderIdOf(block: Element, parts: BlockParts): string | undefined {
  for (const link of parts.any(selectors.detailLink)) {
    const id = ID_IN_HREF.exec(link.getAttribute('href') ?? '')?.[1];
    if (isOrderNumber('alibaba', id)) return id;
  }
  const attr = block.getAttribute('data-order-id') ?? undefined;
  if (isOrderNumber('alibaba', attr)) return attr;
  // A number cut short for a narrow column ("235876…9725") is no order's.
  const id = ORDER_ID.exec(textOf(parts.first(selectors.orderNo) ?? block))?.[1];
  return isOrderNumber('alibaba', id) ? id : undefined;
}

function readItems(parts: BlockParts, currency: string): OrderItem[] {
  const items: OrderItem[] = [];
  const rows = parts.all(selectors.productRow);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const title = textOf(parts.first(selectors.productTitle, row));
    if (!title) continue;
    const qtyText = nfkc(textOf(parts.first(selectors.productQty, row)));
    const qty = Number(/(\d[\d,]*)/.exec(qtyText)?.[1]?.replace(/,/g, '') ?? '1');
    const price = textOf(parts.first(selectors.productPrice, row));
    items.push({
      title: title.slice(0, 1000),
      qty: Number.isInteger(qty) && qty > 0 && qty <= 1_000_000 ? qty : 1,
      unitPrice: price ? parseMoney(price, currency) ?? undefined : undefined,
    });
  }
  return items;
}

function statusOf(text: string, block: Element): OrderStatus {
  const words = statusFromWords(text);
  if (words !== 'unknown') return words;
  if (AWAITING_STAGE.test(text)) return 'unpaid';
  // An unpaid order always offers its payment link, whatever the status label says.
  return PAYMENT_LINK_WORDS.test(textOf(block)) ? 'unpaid' : 'unknown';
}

function stageNote(stages: readonly TradeAssuranceStage[]): string {
  const fmt = (s: TradeAssuranceStage) => `${s.kind} ${formatMoney(s.amount)}${s.paid ? ' paid' : ''}`;
  return stages.map(fmt).join(' / ');
}

function readBlock(block: Element, now: number): ObservedOrder | undefined {
  const parts = new BlockParts(block, CARD_PARTS);
  const orderId = orderIdOf(block, parts);
  const nick = nickOf(parts.first(selectors.buyerName));
  // Page text (see spacedText): a struck-through price before the discount is not the total. The card's own
  // ancestors are not asked (a card found among the page's elements is no script's, style's or template's).
  // A subtotal, shipping fee or discount labelled beside the total is no part of it.
  const totalText = amountText(parts.first(selectors.total), block, withoutPartAmounts);
  // No currency guess: Alibaba.com prints a marker on every amount, and a
  // wrong currency is worse than an unreadable row. Two different amounts left are two totals to choose from: none.
  const amount = totalText ? (twoNumbers(totalText) ? soleMoney(totalText) : parseMoney(totalText)) : null;
  if (!orderId || !nick || !amount) return undefined;

  const company = textOf(parts.first(selectors.buyerCompany));
  const label = textOf(parts.first(selectors.status));
  const status = statusOf(label, block);
  const stages = readStages(block, amount.currency, parts);
  const statusText = [label, stageNote(stages)].filter(Boolean).join(' | ');
  const createdAt = parseCreatedTime(textOf(parts.first(selectors.createTime)), CHINA_OFFSET_MINUTES, 'ymd', now);
  // Raw text is enough here: the countdown patterns treat any run of white space alike.
  const shownDeadline = status === 'unpaid' ? parseCountdown(block.textContent ?? '', now) ?? undefined : undefined;
  const chatHref = parts.first<HTMLAnchorElement>(selectors.chatLink)?.getAttribute('href') ?? undefined;
  const buyer: BuyerRef = { nick: nick.slice(0, 200), ...(company ? { displayName: company.slice(0, 200) } : {}) };

  return {
    platform: 'alibaba',
    orderId,
    buyer,
    items: readItems(parts, amount.currency),
    amount,
    createdAt,
    autoCloseAt: shownDeadline,
    status,
    statusText: statusText.slice(0, 200),
    chatUrl: chatHref?.startsWith('https://') && chatHref.length <= 2000 ? chatHref : undefined,
  };
}

/** Order cards: the known card classes, else the nearest ancestor of each detail link holding only that order. */
function orderBlocks(doc: Document): Element[] {
  for (const selector of selectors.orderBlock) {
    // Outermost cards only: a card nested in another card of the same kind is part of it.
    const blocks = outermost(doc, selector);
    if (blocks.length > 0) return blocks;
  }
  // Only on an order list: a lone detail link elsewhere (a notice, a detail page) is not a card.
  if (!isOrderList(doc)) return [];
  // The card class moved: climb from each order's detail link while the ancestor holds no other order.
  const idOf = (a: Element) => ID_IN_HREF.exec(a.getAttribute('href') ?? '')?.[1];
  const found: Element[] = [];
  for (const link of doc.querySelectorAll(selectors.detailLink[0])) {
    const id = idOf(link);
    if (!id || found.some((b) => b.contains(link))) continue;
    let block: Element = link;
    while (block.parentElement && block.parentElement !== doc.body) {
      const ids = new Set([...block.parentElement.querySelectorAll(selectors.detailLink[0])].map(idOf));
      if (ids.size > 1) break;
      block = block.parentElement;
    }
    if (block !== link) found.push(block);
  }
  return found;
}

function isOrderList(doc: Document): boolean {
  const frame = queryFirst(doc, selectors.listFrame);
  if (!frame) return false;
  // The status tabs name orders ("All orders", "待付款"): a list frame elsewhere on the site does not.
  const tabs = textOf(queryFirst(doc, selectors.selectedTab)?.parentElement ?? frame).slice(0, 2000);
  return /订单|order|待付款|awaiting payment/i.test(tabs);
}

function listKeyOf(found: Matches, url: URL): string {
  const tab = textOf(firstOf(found, selectors.selectedTab)).replace(/\s*[(（]\d+[)）]\s*$/, '');
  const page = textOf(firstOf(found, selectors.activePage)) || '1';
  return `${url.host}${url.pathname}#tab=${tab}&page=${page}`;
}

/** One page and no live "next" button: the whole list is on screen. */
function isComplete(found: Matches): boolean {
  return mostOf(found, selectors.pageItems) <= 1 && !firstOf(found, selectors.nextPage);
}

function readDocument(doc: Document, href: string, url: URL, now: number): PageRead | null {
  const blocks = orderBlocks(doc);
  if (blocks.length === 0 && !isOrderList(doc)) return null;
  const { orders, unreadable } = readRows(blocks, noted((block, _i, at = now) => readBlock(block, at), (block) => [block]));
  // Tabs and pagination in one walk of the page outside the cards.
  const found = matchEach(doc, [selectors.selectedTab, selectors.activePage, selectors.pageItems, selectors.nextPage], blocks);
  const tab = textOf(firstOf(found, selectors.selectedTab));
  return {
    platform: 'alibaba',
    url: href,
    listKey: listKeyOf(found, url),
    unpaidOnly: UNPAID_TAB_WORDS.test(tab),
    complete: isComplete(found),
    orders,
    unreadable,
    noRowsFound: noRowsFound(doc, blocks.length),
    selectorsVersion: SELECTORS_VERSION,
  };
}

export const alibabaAdapter: PlatformAdapter = {
  platform: 'alibaba',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now): PageRead | null {
    const url = new URL(href);
    // Orders live on biz.alibaba.com; the messenger hosts never list them.
    if (url.host !== 'biz.alibaba.com') return null;
    // The list can sit in a same-origin iframe of the My Alibaba shell.
    return firstInFrames(doc, (d) => readDocument(d, href, url, now));
  },

  chatBuyer(doc) {
    const el = queryFirst(doc, selectors.chatBuyer);
    const nick = el?.getAttribute('data-buyer-name') ?? nickOf(el);
    return nick ? { nick: nick.slice(0, 200) } : undefined;
  },

  findComposer(doc) {
    return queryFirst(doc, selectors.composer);
  },
};
