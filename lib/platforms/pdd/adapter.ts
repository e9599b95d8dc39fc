import type { ObservedOrder, OrderItem, PageRead } from '../../orders/model';
import { parseMoney, type Money } from '../../orders/money';
import { soleMoney } from '../money';
import { AGO_SHAPE, CHINA_OFFSET_MINUTES, DATE_SHAPE, parseCountdown, parseCreatedTime, parseWallTime } from '../../orders/time';
import { cellAt as cell, orderGrid, readGridList, type HeaderRow } from '../grid';
import { type OrderAnchor } from '../order-blocks';
import { amountText, headMatch, longestLabel, pageTextRoot, spacedText } from '../page-text';
import { isBuyerTag, LONE_QUANTITY, nickOf, noRowsFound, receiverColumn, statusFromWords, withoutPartAmounts } from '../page-words';
import { allIn, firstIn, goodsLineMatches, firstOf, type Matches } from '../query';
import { httpsLink } from '../links';
import { closeTimes, dateFirstDeadline } from '../times';
import { goodsLines, titleOf } from '../structure/fields';
import { queryFirst, textOf, throughWrappers, type PlatformAdapter } from '../types';
import { DEFAULT_AUTO_CLOSE_HOURS, ORDER_SN, SELECTORS_VERSION, UNPAID_TAB, selectors } from './selectors';

const CREATED_LABEL = /(?:下单时间|成交时间|创建时间)/;
const CREATED = new RegExp(CREATED_LABEL.source + String.raw`\s*[:：]?\s*(` + DATE_SHAPE + '|' + AGO_SHAPE + ')', 'iu');
// What a created-time match holds after its label (see headMatch).
const CREATED_LABEL_MAX = longestLabel(CREATED_LABEL);
// A clock written in Chinese ("14时03分") and a time elapsed ("3小时前", "刚刚") too.
const CREATED_VALUE_CHARS = /[\s:：\d\-/.年月日上下午小时分钟秒前刚点時點]/;
const QTY = /[×xX*]\s*(\d{1,6})(?!\d)/;
const CHAT_WORDS = /联系买家|联系|聊天|chat/gi;
const CHAT_WORD = new RegExp(CHAT_WORDS.source, 'i');
// A buyer's label in an order's head ("买家：", "买家昵称："), not a label of something else of theirs ("买家留言：").
const BUYER_IN_HEAD = /(?:买家|買家)(?:昵称|暱稱)?\s*[:：]/;
const QTY_AFTER_PRICE = /\d\s*[×xX*]\s*\d{1,6}(?![\d.,])/;
// What readOrder looks for in every order's block besides its cells (see
// matching). The countdown selectors match on class substrings, which the
// query would test on every element of every block: only an unpaid order's
// countdown is read, so its block alone is queried for one (see countdownText).
const BLOCK_PARTS = ['tr', ...selectors.chatLink].join(',');

/** The elements of `found` (one query's result, in page order) that match `selector`: what that selector's own query would give. */
function matching(found: ArrayLike<Element>, selector: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < found.length; i++) if (found[i]!.matches(selector)) out.push(found[i]!);
  return out;
}

/** The table rows of `found` (what a query for "tr" would give). */
function rowsOf(found: ArrayLike<Element>): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < found.length; i++) if (found[i]!.localName === 'tr') out.push(found[i]!);
  return out;
}

/** What allIn(block, list) gives, from the block's query result (every selector of `list` in it). */
function firstMatching(found: ArrayLike<Element>, list: readonly string[]): Element[] {
  for (const selector of list) {
    const els = matching(found, selector);
    if (els.length > 0) return els;
  }
  return [];
}

const SHIPPING_INCLUDED = /[(（]?\s*含\s*(?:运费|快递)/;

/** Whether bare numbers count as yuan under the total and unit-price headers ("(元)"), worked out once per header row. */
const headerFactsOf = new WeakMap<HeaderRow, { bareAllowed: boolean; bareUnitPrice: boolean }>();
function headerFacts(header: HeaderRow): { bareAllowed: boolean; bareUnitPrice: boolean } {
  let facts = headerFactsOf.get(header);
  if (!facts) {
    const { columns, cells } = header;
    const bare = (index: number | undefined) => index !== undefined && /元/.test(textOf(cells[index]));
    headerFactsOf.set(header, (facts = { bareAllowed: bare(columns.amount), bareUnitPrice: bare(columns.price) }));
  }
  return facts;
}

// The last amount read: the main row's unit price is checked under its header and then read
// again as its goods line's price (the same text), and a parse costs about a microsecond.
let lastCny: { text: string; bareAllowed: boolean; money: Money | null } | undefined;

/** A PDD amount: CNY only; a bare number only under a "(元)" header. */
function cny(text: string, bareAllowed: boolean): Money | null {
  if (lastCny && lastCny.text === text && lastCny.bareAllowed === bareAllowed) return lastCny.money && { ...lastCny.money };
  // Two different amounts left in the text are two totals to choose from: none.
  const parsed = soleMoney(text, bareAllowed ? 'CNY' : undefined);
  const money = parsed && parsed.currency === 'CNY' ? parsed : null;
  lastCny = { text, bareAllowed, money: money && { ...money } };
  return money;
}

/** Goods lines of one goods cell: marked entries, else the cell itself as one line. */
function goodsOf(
  itemCell: Element,
  priceCell: Element | undefined,
  qtyCell: Element | undefined,
  bareAllowed: boolean,
  clean: Element | null,
): OrderItem[] {
  const entries = goodsLineMatches(allIn(itemCell, selectors.goodsEntry), (line) => firstIn(line, selectors.goodsName) !== null);
  // Unmarked goods lines (classes renamed): lines by their repeated shape, each titled by its first words.
  const lines = entries.length > 0 ? entries : goodsLines(itemCell);
  const items: OrderItem[] = [];
  for (const line of lines) {
    const nameEl = firstIn(line, selectors.goodsName);
    const title = textOf(nameEl) || (entries.length > 0 ? textOf(line.firstElementChild ?? line) : titleOf(line) ?? textOf(line.firstElementChild ?? line));
    if (!title) continue;
    const sku = textOf(firstIn(line, selectors.goodsSpec)) || undefined;
    const priceText = priceCell ? textOf(priceCell) : textOf(firstIn(line, selectors.goodsPrice));
    const qtyText = qtyCell ? textOf(qtyCell) : spacedText(line, clean);
    const qtyMatch = qtyCell ? /^\s*(\d{1,6})\s*$/.exec(qtyText) ?? QTY.exec(qtyText) : QTY.exec(qtyText);
    const qty = qtyMatch ? Number(qtyMatch[1]) : 1;
    items.push({
      title: title.slice(0, 1000),
      sku: sku?.slice(0, 500),
      qty: qty > 0 ? qty : 1,
      unitPrice: priceText ? cny(priceText, bareAllowed) ?? undefined : undefined,
    });
  }
  return items;
}

/** Elements that start a line of their own. */
const LINE_BREAK = /^(?:BR|DIV|P|UL|OL|LI|DL|TABLE)$/;

/** A text that starts with a label of its own ("买家留言：…", "备注:"): no part of the nick. */
const LABELLED = /^[^\s:：]{1,12}\s*[:：]/u;

/** A link or button, or a line holding one and no other text ("<div><a>联系买家</a></div>"). */
function isLink(el: Element): boolean {
  if (el.closest('a,button')) return true;
  const link = el.querySelector('a,button');
  return link !== null && textOf(link) === textOf(el);
}

const COLUMN_NAME = /^(?:买家(?:昵称|信息)?|買家(?:暱稱)?|buyer)\s*[:：]?$/i;

function buyerNick(buyerCell: Element | undefined): string {
  if (!buyerCell) return '';
  const marked = nickOf(firstIn(buyerCell, selectors.buyerNick));
  if (marked) return marked;
  // The cell holds the nick and a "联系买家" link: the nick is the text that is not a link, nor a badge beside it.
  // What follows the link once the nick was seen is something else of the buyer's ("买家留言：麻烦发顺丰").
  const parts: string[] = [];
  // Through a lone wrapper (Element UI's "div.cell" in every td) to the lines it holds.
  const lines = throughWrappers(buyerCell);
  // Right after the column's name as a label ("买家：<a>🍀小确幸🍀</a>"), a link is the nick's own.
  let afterLabel = false;
  for (const node of lines.childNodes) {
    if (node.nodeType === 1 && isLink(node as Element)) {
      const linked = afterLabel && parts.length === 0 ? nickOf(node) : '';
      if (linked && !CHAT_WORD.test(linked)) return linked;
      if (parts.length > 0) break;
      continue;
    }
    if (node.nodeType === 3 && !(node.nodeValue ?? '').trim()) continue;
    afterLabel = node.nodeType === 3 && COLUMN_NAME.test((node.nodeValue ?? '').trim());
    // A line after the nick's own is about the buyer, not the nick ("该消费者有 2 笔待支付订单", "收货信息支付后可见").
    if (parts.length > 0 && node.nodeType === 1 && LINE_BREAK.test((node as Element).tagName)) break;
    const text = nickOf(node);
    // The column's name written over the nick in each card ("买家", then "momo酱🐰") is no part of it.
    if (text && !LABELLED.test(text) && !COLUMN_NAME.test(text)) parts.push(text);
  }
  const named = parts.filter((text) => !isBuyerTag(text));
  return (named.length > 0 ? named : parts).join(' ').replace(CHAT_WORDS, '').trim();
}

function readOrder(anchor: OrderAnchor, scope: Element[], header: HeaderRow, pageUrl: URL, now: number): ObservedOrder | undefined {
  // One query of the block for its table rows, chat link and countdowns: a walk of the block each cost more.
  const parts = scope.map((s) => s.querySelectorAll(BLOCK_PARTS));
  const grid = orderGrid(scope, header, anchor.el, selectors.goodsEntry, parts.flatMap(rowsOf));
  if (!grid) return undefined;
  const { columns } = header;
  const { bareAllowed, bareUnitPrice } = headerFacts(header);
  // The order's cells lie outside any script or style when their block does: checked once.
  const clean = pageTextRoot(scope);
  const amountCell = cell(grid.main, columns.amount);
  // The total is only ever the order-level amount column: never a unit price.
  // What follows 含运费 is the shipping fee, not a total that went missing.
  // A subtotal, shipping fee or discount labelled beside the total is no part of it ("商品总价：¥999.00").
  const totalText = amountText(amountCell, clean, (t) => withoutPartAmounts(t).split(SHIPPING_INCLUDED)[0] ?? '');
  // A total cell starts with the total (after at most a short label); a goods line with a price does not.
  // A price with its quantity ("¥29.90 ×3") is a goods line's, never the order's total.
  const amount = amountCell && /^(?:[\p{L}:：]{0,6}\s*)?[¥￥]?\s*\d/u.test(totalText) && !QTY_AFTER_PRICE.test(totalText) ? cny(totalText, bareAllowed) : null;
  // A receiver's column stands in for the buyer's only where the order names no buyer of its own: one that names it in
  // its head ("买家：６６６" beside "收货人 萨**") is left unread here, for the structural reader, which reads labelled
  // names (kept out of this script: its words would add 2.5 KB to it).
  if (receiverColumn(header) && BUYER_IN_HEAD.test(spacedText(anchor.el.closest('tr') ?? anchor.el.parentElement, clean))) return undefined;
  const nick = buyerNick(cell(grid.main, columns.buyer)).slice(0, 200);
  if (!amount || !nick) return undefined;
  // Every mapped cell must hold what its header promises; otherwise a header
  // and a row each lost a different cell and the total may be a unit price.
  const holds = (index: number | undefined, ok: (text: string) => boolean) => index === undefined || ok(spacedText(cell(grid.main, index), clean));
  const lined =
    holds(columns.qty, (t) => /^\d{1,6}$/.test(t)) &&
    // A unit price cell holds amounts and nothing to read: words ("原木抽纸 24包") mean a goods cell slid under the header.
    holds(columns.price, (t) => !/[\p{L}]{2}/u.test(t.replace(/元/g, '')) && cny(t, bareUnitPrice) !== null) &&
    // A buyer cell shows a name: no amount, no lone quantity ("x2": a goods cell slid under the header).
    holds(columns.buyer, (t) => !parseMoney(t) && !LONE_QUANTITY.test(t)) &&
    // Words first: a goods title decides it without reading amounts out of the whole cell.
    holds(columns.item, (t) => /[\p{L}]{2}/u.test(t.replace(/[¥￥]/g, '')) || !parseMoney(t, 'CNY'));
  if (!lined) return undefined;
  // Order-level cells (buyer, status, total) span the order's rows together; a unit price does not.
  const statusCell = cell(grid.main, columns.status);
  const spanOf = (el: Element | undefined) => el?.getAttribute('rowspan') ?? null;
  if (spanOf(statusCell) !== null && spanOf(amountCell) !== spanOf(statusCell)) return undefined;

  const items: OrderItem[] = [];
  for (const row of grid.rows) {
    const itemCell = cell(row, columns.item);
    if (itemCell) items.push(...goodsOf(itemCell, cell(row, columns.price), cell(row, columns.qty), bareUnitPrice, clean));
  }

  // The whole order's text, only when needed: most orders are decided by their cells and head.
  let scopeText: string | undefined;
  const wholeText = () => (scopeText ??= scope.map((s) => spacedText(s, clean)).join(' '));
  const statusCellText = spacedText(statusCell, clean);
  const statusText = statusCellText || wholeText();
  const status = statusFromWords(statusText);
  // A status cell without a status word means the cells no longer line up with the header.
  if (statusCell && status === 'unknown') return undefined;
  const head = headMatch(scope, CREATED, CREATED_LABEL_MAX, CREATED_VALUE_CHARS);
  const created = (head === undefined ? CREATED.exec(wholeText()) : head)?.[1];
  const createdAt = created ? parseCreatedTime(created, CHINA_OFFSET_MINUTES, 'ymd', now) : undefined;
  // Only unpaid orders close for want of payment, so only their countdown is looked for.
  const countdownText = () => [statusCellText, ...scope.flatMap((s) => allIn(s, selectors.countdown)).map((el) => spacedText(el, clean))].join(' ');
  // Else in the order's head row, beside its number: a countdown drawn where the selectors do not look ("0 0 : 4 5 : 1 2
  // 后自动关闭"), or a deadline's date ("请在 2026-12-07 10:30 前付款"), with the status cell's. Not the whole block: an
  // "all" list's unpaid orders show none, and its every goods line read again cost a read 50 %.
  const deadline = () => {
    const text = `${statusCellText} ${spacedText(anchor.el.closest('tr') ?? anchor.el.parentElement, clean)}`;
    const date = dateFirstDeadline(text);
    return parseCountdown(text, now) ?? (date ? parseWallTime(date, CHINA_OFFSET_MINUTES, 'ymd', now) : null) ?? undefined;
  };
  const shown = status === 'unpaid' ? parseCountdown(countdownText(), now) ?? deadline() : undefined;
  let href: string | null | undefined;
  for (const found of parts) if ((href = firstMatching(found, selectors.chatLink)[0]?.getAttribute('href'))) break;
  const chatUrl = httpsLink(href, pageUrl.href);

  return {
    platform: 'pdd',
    orderId: anchor.id,
    buyer: { nick },
    items: items.slice(0, 200),
    amount,
    createdAt,
    ...closeTimes(status, shown, createdAt, DEFAULT_AUTO_CLOSE_HOURS),
    status,
    statusText: statusCellText.slice(0, 200) || undefined,
    chatUrl,
  };
}

function selectedTab(found: Matches): string {
  // Tab badges count orders ("待支付3"): the count is not part of which listing this is.
  return textOf(firstOf(found, selectors.selectedTab)).replace(/[\d()（）\s]+/g, '').slice(0, 40);
}

export const pddAdapter: PlatformAdapter = {
  platform: 'pdd',
  selectorsVersion: SELECTORS_VERSION,

  readOrders(doc, href, now): PageRead | null {
    const url = new URL(href);
    // The chat app lives on the same host; it is never an order list.
    if (url.pathname.startsWith('/chat-merchant')) return null;
    // No column headers: not an order list (the home page), or not rendered yet.
    const list = readGridList(doc, { ...selectors, orderNumber: ORDER_SN }, (anchor, scope, header, at = now) => readOrder(anchor, scope, header, url, at));
    if (!list) return null;
    const tab = selectedTab(list.found);
    const page = textOf(firstOf(list.found, selectors.activePage)) || '1';
    return {
      platform: 'pdd',
      url: href,
      listKey: `${url.host}${url.pathname}#tab=${tab || url.searchParams.get('tab') || ''}&page=${page}`,
      // The visible tab wins: the SPA switches tabs without touching the URL.
      unpaidOnly: UNPAID_TAB.test(tab),
      complete: list.complete,
      orders: list.orders,
      unreadable: list.unreadable,
      // Headers but not one order number and no "暂无数据": the markup moved.
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
