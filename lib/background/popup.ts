// The popup's numbers: how many orders have money to collect and how much,
// the five closing soonest, stages outstanding and follow-ups due. Taken from
// the ranked queue the background keeps in memory for the panel (see
// ./queue.ts), so opening the popup reads no order from IndexedDB while the
// background is awake, and a waking background reads the open orders once
// for both. Nothing here walks the paid and closed history: a big shop's
// year (50,000 orders, 500,000 attempts) costs what its open orders cost.
import type { DataResponses, DueFollowUp, UrgentOrder } from '../messaging/data';
import type { Order } from '../orders/model';
import type { Db } from '../store/db';
import { outstandingByCurrency } from '../store/milestones';
import { rankedQueue, summaryOf } from './queue';

export const URGENT_LIMIT = 5;
const FIRST_SEEN_MARGIN_MS = 7 * 86_400_000;

/** Soonest deadline first, then the bigger sum (the order listOpenOrders keeps). */
const closingFirst = (a: Order, b: Order) =>
  (a.autoCloseAt ?? Number.MAX_SAFE_INTEGER) - (b.autoCloseAt ?? Number.MAX_SAFE_INTEGER) || b.amount.minor - a.amount.minor;

/** The `n` first of `orders` by closingFirst, without sorting them all. */
export function closingSoonest(orders: Iterable<Order>, n: number): Order[] {
  const top: Order[] = [];
  for (const order of orders) {
    if (top.length === n && closingFirst(order, top[n - 1]!) >= 0) continue;
    let i = Math.min(top.length, n - 1);
    while (i > 0 && closingFirst(order, top[i - 1]!) < 0) i--;
    top.splice(i, 0, order);
    if (top.length > n) top.pop();
  }
  return top;
}

/**
 * Follow-ups due now on orders with money to collect: the plan on the order
 * (order.followUp), or the follow-up time an attempt's outcome set, unless a
 * later contact answered it. An attempt about an order comes after the order
 * was first seen, so only attempts due since the oldest open order appeared
 * are read: the index range, not a year of promises already kept.
 */
export async function dueFollowUps(db: Db, now: number, open: ReadonlyMap<string, Order>): Promise<DueFollowUp[]> {
  if (open.size === 0) return [];
  let since = now;
  for (const order of open.values()) since = Math.min(since, order.firstSeenAt, order.createdAt ?? order.firstSeenAt);
  // A week's margin for clocks and for an order another agent saw (and followed up) before this browser did.
  since -= FIRST_SEEN_MARGIN_MS;
  const due = new Map<string, { at: number; attemptId?: string }>();
  for (const a of await db.getAllFromIndex('attempts', 'by-follow-up', IDBKeyRange.bound(since, now))) {
    if (!open.has(a.orderKey)) continue;
    const known = due.get(a.orderKey);
    if (!known || known.at < a.followUpAt!) due.set(a.orderKey, { at: a.followUpAt!, attemptId: a.id });
  }
  for (const o of open.values()) {
    if (o.followUp && o.followUp.at <= now) due.set(o.key, { at: o.followUp.at, attemptId: o.followUp.attemptId });
  }
  const result: DueFollowUp[] = [];
  for (const [key, { at, attemptId }] of due) {
    const order = open.get(key)!;
    const planDue = order.followUp !== undefined && order.followUp.at <= now;
    // The order's plan was cleared (answered by a later contact) or moved to later.
    if ('followUp' in order && !planDue && order.lastAttemptAt !== undefined && order.lastAttemptAt >= at) continue;
    // A contact after the follow-up time answered it (lastAttemptAt is the latest attempt's time).
    if (!planDue && order.lastAttemptAt !== undefined && order.lastAttemptAt > at) continue;
    result.push({ attemptId: attemptId ?? key, orderKey: key, buyer: order.buyer.displayName ?? order.buyer.nick, followUpAt: at, amount: order.amount });
  }
  return result.sort((x, y) => x.followUpAt - y.followUpAt);
}

/** Everything the popup shows. `onStatsRebuilt`: the attempt counts were stale and are rebuilt behind the answer. */
export async function popupSummary(db: Db, now: number, onStatsRebuilt: () => void): Promise<DataResponses['popup/summary']> {
  // The popup shows no attempt counts: it never waits for their rebuild.
  const [{ entries }, stagesOutstanding] = await Promise.all([rankedQueue(db, now, { onStatsRebuilt }), outstandingByCurrency(db)]);
  const open = new Map<string, Order>();
  for (const e of entries) open.set(e.order.key, e.order);
  const urgent: UrgentOrder[] = closingSoonest(open.values(), URGENT_LIMIT).map((o) => ({
    key: o.key,
    orderId: o.orderId,
    platform: o.platform,
    buyer: o.buyer.displayName ?? o.buyer.nick,
    amount: o.amount,
    autoCloseAt: o.autoCloseAt,
    autoCloseEstimated: o.autoCloseEstimated,
  }));
  return {
    now,
    ...summaryOf(entries),
    stagesOutstanding,
    urgent,
    followUps: await dueFollowUps(db, now, open),
  };
}
