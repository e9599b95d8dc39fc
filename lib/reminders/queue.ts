// The queue as the panel sees it: slim rows, the bound tab's orders brought
// forward, the person's filters, and one window of it at a time. Pure
// functions over an already ranked queue (lib/background/workspace.ts keeps
// that queue cached between requests).
import type { Money } from '../orders/money';
import type { Order, Platform } from '../orders/model';
import type { Verdict } from './cadence';

/** A ranked queue entry with its whole order (what the background works with). */
export interface QueueEntry {
  order: Order;
  attempts: number;
  onTab: boolean;
  chatting: boolean;
  returning: boolean;
  /** Still to collect when less than the total (open stages of a staged order); absent = the total. */
  dueMinor?: number;
  /** Remind now, wait until, or don't remind, and the rule that decided. */
  verdict: Verdict;
  /** Value and urgency; higher comes first within its group. */
  score: number;
  /** Filterable labels: new/returning, big, closing, contacted, and the buyer's own tags as "#tag". */
  tags: string[];
}

/** One row of the panel's queue: only what the row shows and its test hooks carry. */
export interface QueueRow {
  key: string;
  orderId: string;
  platform: Platform;
  /** The buyer's nick as the page shows it. */
  buyer: string;
  /** The order total. */
  amount: Money;
  /** Still to collect (the total, or the open stages of a staged order). */
  dueMinor: number;
  createdAt?: number;
  autoCloseAt?: number;
  autoCloseEstimated?: boolean;
  /** Title of the first item, and how many items the order has. */
  item?: string;
  itemCount: number;
  attempts: number;
  onTab: boolean;
  chatting: boolean;
  returning: boolean;
  verdict: Verdict;
  tags: string[];
}

export const STATUS_FILTERS = ['all', 'now', 'waiting', 'held', 'promised', 'saysPaid'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface QueueFilter {
  search?: string;
  platform?: Platform | 'all';
  status?: StatusFilter;
  tag?: string;
}

/** Counts for the filter controls, over the whole queue (filters applied or not). */
export interface QueueFacets {
  platforms: Partial<Record<Platform, number>>;
  tags: Record<string, number>;
  status: Record<Exclude<StatusFilter, 'all'>, number>;
}

const STATES: Record<Exclude<StatusFilter, 'all'>, readonly string[]> = {
  now: ['now', 'followup'],
  waiting: ['wait'],
  held: ['hold'],
  promised: ['promised'],
  saysPaid: ['says_paid'],
};

/** Still to collect on a queue entry. */
export const dueOfEntry = (e: Pick<QueueEntry, 'order' | 'dueMinor'>): number => e.dueMinor ?? e.order.amount.minor;

/** Whether an order has money to collect: unpaid, and not a staged order with every stage paid. */
export const hasMoneyToCollect = (order: Order): boolean => order.status === 'unpaid' && (order.dueMinor ?? order.amount.minor) > 0;

/** What the search box looks through, lower-cased: buyer, order number, items. */
export function searchText(order: Order): string {
  return `${order.buyer.nick}\n${order.buyer.displayName ?? ''}\n${order.orderId}\n${order.items.map((i) => `${i.title} ${i.sku ?? ''}`).join('\n')}`.toLowerCase();
}

export function toRow(e: QueueEntry): QueueRow {
  const { order } = e;
  const first = order.items[0];
  return {
    key: order.key,
    orderId: order.orderId,
    platform: order.platform,
    buyer: order.buyer.nick,
    amount: order.amount,
    dueMinor: dueOfEntry(e),
    ...(order.createdAt !== undefined ? { createdAt: order.createdAt } : {}),
    ...(order.autoCloseAt !== undefined ? { autoCloseAt: order.autoCloseAt } : {}),
    ...(order.autoCloseEstimated !== undefined ? { autoCloseEstimated: order.autoCloseEstimated } : {}),
    ...(first ? { item: first.title } : {}),
    itemCount: order.items.length,
    attempts: e.attempts,
    onTab: e.onTab,
    chatting: e.chatting,
    returning: e.returning,
    verdict: e.verdict,
    tags: e.tags,
  };
}

export interface TabFocus {
  platform?: Platform;
  orderKeys: readonly string[];
  chatBuyer?: string;
}

/**
 * The ranked queue (ranked without a tab) with the open chat's buyer first,
 * then the bound tab's orders, each group keeping its rank order — the same
 * order compareQueue gives, in one pass. Entries brought forward are copies.
 */
export function focusOnTab(ranked: readonly QueueEntry[], tab: TabFocus): QueueEntry[] {
  if (tab.orderKeys.length === 0 && tab.chatBuyer === undefined) return ranked as QueueEntry[];
  const onTab = new Set(tab.orderKeys);
  const chatting: QueueEntry[] = [];
  const here: QueueEntry[] = [];
  const rest: QueueEntry[] = [];
  for (const e of ranked) {
    const chat = tab.chatBuyer !== undefined && tab.chatBuyer === e.order.buyer.nick && tab.platform === e.order.platform;
    const shown = onTab.has(e.order.key);
    if (chat) chatting.push({ ...e, chatting: true, onTab: shown });
    else if (shown) here.push({ ...e, onTab: true, chatting: false });
    else rest.push(e);
  }
  if (chatting.length === 0 && here.length === 0) return ranked as QueueEntry[];
  return [...chatting, ...here, ...rest];
}

/** Whether an entry passes the filters; `search` is the entry's searchText. */
export function matches(e: QueueEntry, search: string, f: QueueFilter, query = (f.search ?? '').trim().toLowerCase()): boolean {
  if (f.platform && f.platform !== 'all' && e.order.platform !== f.platform) return false;
  if (f.status && f.status !== 'all' && !STATES[f.status].includes(e.verdict.state)) return false;
  if (f.tag && !e.tags.includes(f.tag)) return false;
  if (query && !search.includes(query)) return false;
  return true;
}

export function facetsOf(entries: readonly QueueEntry[]): QueueFacets {
  const facets: QueueFacets = { platforms: {}, tags: {}, status: { now: 0, waiting: 0, held: 0, promised: 0, saysPaid: 0 } };
  const statusOf = new Map<string, Exclude<StatusFilter, 'all'>>();
  for (const [name, states] of Object.entries(STATES) as [Exclude<StatusFilter, 'all'>, readonly string[]][]) for (const s of states) statusOf.set(s, name);
  for (const e of entries) {
    facets.platforms[e.order.platform] = (facets.platforms[e.order.platform] ?? 0) + 1;
    for (const tag of e.tags) facets.tags[tag] = (facets.tags[tag] ?? 0) + 1;
    const status = statusOf.get(e.verdict.state);
    if (status) facets.status[status]++;
  }
  return facets;
}

export interface QueueWindow {
  rows: QueueRow[];
  /** Entries that pass the filters. */
  total: number;
  /** Every entry in the queue. */
  all: number;
  offset: number;
}

/**
 * One window of the filtered queue. `texts` holds each entry's searchText
 * (by order key); only consulted when searching.
 */
export function windowOf(
  entries: readonly QueueEntry[],
  texts: Pick<ReadonlyMap<string, string>, 'get'>,
  filter: QueueFilter,
  offset: number,
  limit: number,
): QueueWindow {
  const query = (filter.search ?? '').trim().toLowerCase();
  const filtering = query !== '' || (filter.platform !== undefined && filter.platform !== 'all') || (filter.status !== undefined && filter.status !== 'all') || !!filter.tag;
  const passing = filtering ? entries.filter((e) => matches(e, texts.get(e.order.key) ?? '', filter, query)) : entries;
  const start = Math.max(0, Math.min(offset, passing.length));
  return { rows: passing.slice(start, start + limit).map(toRow), total: passing.length, all: entries.length, offset: start };
}
