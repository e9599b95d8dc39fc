import type { Db } from './db';
import { buyerKey, orderKey, type Buyer, type ObservedOrder, type Order, type PageRead } from '../orders/model';
import { sumByCurrency, type Money } from '../orders/money';

export interface ApplyResult {
  /** Orders written (new or changed). */
  written: number;
  /** Unpaid orders that left the unpaid listing since the last read of it. */
  gone: string[];
}

function mergeOrder(existing: Order | undefined, seen: ObservedOrder, read: PageRead, now: number): Order {
  // The person said "paid" (a payment screenshot, a bank transfer): a page
  // that still shows the order unpaid is behind, not right. A page saying
  // paid or closed is news and is taken.
  const personSaysPaid = existing?.statusSource === 'person' && seen.status === 'unpaid';
  // A countdown the page showed beats our estimate from the usual rule.
  const keepOldDeadline =
    existing?.autoCloseAt !== undefined && !existing.autoCloseEstimated && seen.autoCloseEstimated;
  return {
    ...existing,
    ...seen,
    key: orderKey(seen.platform, seen.orderId),
    createdAt: seen.createdAt ?? existing?.createdAt,
    autoCloseAt: keepOldDeadline ? existing.autoCloseAt : seen.autoCloseAt ?? existing?.autoCloseAt,
    // The flag belongs to the deadline it came with: a countdown read without
    // it (as adapters report one) must not inherit an older estimate's flag.
    autoCloseEstimated: keepOldDeadline
      ? false
      : seen.autoCloseAt !== undefined
        ? seen.autoCloseEstimated
        : existing?.autoCloseEstimated,
    pageUrl: read.url,
    listKey: read.listKey,
    firstSeenAt: existing?.firstSeenAt ?? now,
    lastSeenAt: now,
    ...(personSaysPaid
      ? { status: existing.status, statusSource: existing.statusSource, statusChangedAt: existing.statusChangedAt }
      : { statusSource: 'page' as const, statusChangedAt: existing && existing.status === seen.status ? existing.statusChangedAt : now }),
  };
}

function sameContent(a: Order, b: Order): boolean {
  const { lastSeenAt: _a, ...restA } = a;
  const { lastSeenAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function touchBuyer(existing: Buyer | undefined, order: Order, now: number): Buyer {
  const paid = new Set(existing?.paidOrderKeys ?? []);
  if (order.status === 'paid') paid.add(order.key);
  // An order marked paid because it left the unpaid list can turn up unpaid
  // again (e.g. pushed onto page 2): then it was never paid.
  else if (order.status === 'unpaid') paid.delete(order.key);
  return {
    ...existing,
    key: buyerKey(order.platform, order.buyer.nick),
    platform: order.platform,
    nick: order.buyer.nick,
    displayName: order.buyer.displayName ?? existing?.displayName,
    platformBuyerId: order.buyer.platformBuyerId ?? existing?.platformBuyerId,
    firstSeenAt: existing?.firstSeenAt ?? now,
    lastSeenAt: now,
    paidOrderKeys: [...paid],
  };
}

/**
 * Stores one page read in a single transaction: re-reading updates, never
 * duplicates, and an unpaid order missing from a later read of the same
 * unpaid-only listing is marked paid (or closed, past its deadline).
 */
export async function applyPageRead(db: Db, read: PageRead, now: number): Promise<ApplyResult> {
  const tx = db.transaction(['orders', 'buyers'], 'readwrite');
  const orders = tx.objectStore('orders');
  const buyers = tx.objectStore('buyers');
  const seenKeys = new Set<string>();
  const unique: ObservedOrder[] = [];
  for (const seen of read.orders) {
    const key = orderKey(seen.platform, seen.orderId);
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    unique.push(seen);
  }

  // Every lookup is issued at once (one round of requests in the same
  // transaction), then every write: a 1,000-row page is one batch, not 2,000
  // sequential round trips.
  const [existingOrders, unpaidNow] = await Promise.all([
    Promise.all(unique.map((seen) => orders.get(orderKey(seen.platform, seen.orderId)))),
    // Absence means "left the unpaid state" only on a whole, fully read unpaid list.
    read.unpaidOnly && read.complete && read.unreadable === 0 ? orders.index('by-status').getAll('unpaid') : Promise.resolve([] as Order[]),
  ]);

  const changedOrders: Order[] = [];
  const writes: Promise<unknown>[] = [];
  unique.forEach((seen, i) => {
    const existing = existingOrders[i];
    const next = mergeOrder(existing, seen, read, now);
    if (existing && sameContent(existing, next)) {
      // Unchanged but seen: only lastSeenAt moves.
      writes.push(orders.put(next));
      return;
    }
    writes.push(orders.put(next));
    changedOrders.push(next);
  });

  const gone: string[] = [];
  for (const order of unpaidNow) {
    if (order.platform !== read.platform || order.listKey !== read.listKey || seenKeys.has(order.key)) continue;
    const closed = order.autoCloseAt !== undefined && order.autoCloseAt <= now;
    const next: Order = { ...order, status: closed ? 'closed' : 'paid', statusSource: 'disappeared', statusChangedAt: now };
    writes.push(orders.put(next));
    gone.push(order.key);
    changedOrders.push(next);
  }

  // Buyers of changed orders, each read once even when they have several orders.
  const buyerKeys = [...new Set(changedOrders.map((o) => buyerKey(o.platform, o.buyer.nick)))];
  const existingBuyers = new Map(
    (await Promise.all(buyerKeys.map((key) => buyers.get(key)))).map((buyer, i) => [buyerKeys[i]!, buyer] as const),
  );
  for (const order of changedOrders) {
    const key = buyerKey(order.platform, order.buyer.nick);
    const next = touchBuyer(existingBuyers.get(key), order, now);
    existingBuyers.set(key, next);
    writes.push(buyers.put(next));
  }
  await Promise.all([...writes, tx.done]);
  return { written: changedOrders.length, gone };
}

/**
 * The person says an unpaid order is paid: it leaves the open list, and its
 * buyer counts as returning, in one transaction with the order.
 */
export async function markPaidByPerson(db: Db, key: string, now: number): Promise<void> {
  const tx = db.transaction(['orders', 'buyers'], 'readwrite');
  const order = await tx.objectStore('orders').get(key);
  if (order?.status === 'unpaid') {
    await tx.objectStore('orders').put({ ...order, status: 'paid', statusSource: 'person', statusChangedAt: now });
    const buyers = tx.objectStore('buyers');
    const buyer = await buyers.get(buyerKey(order.platform, order.buyer.nick));
    if (buyer && !buyer.paidOrderKeys.includes(key)) await buyers.put({ ...buyer, paidOrderKeys: [...buyer.paidOrderKeys, key] });
  }
  await tx.done;
}

/** Orders with money still to collect, most urgent deadline first. */
export async function listOpenOrders(db: Db): Promise<Order[]> {
  const open = await db.getAllFromIndex('orders', 'by-status', 'unpaid');
  return open.sort(
    (a, b) => (a.autoCloseAt ?? Number.MAX_SAFE_INTEGER) - (b.autoCloseAt ?? Number.MAX_SAFE_INTEGER) || b.amount.minor - a.amount.minor,
  );
}

export function getOrder(db: Db, key: string): Promise<Order | undefined> {
  return db.get('orders', key);
}

export function getBuyer(db: Db, key: string): Promise<Buyer | undefined> {
  return db.get('buyers', key);
}

export interface UnpaidSummary {
  count: number;
  totals: Money[];
}

/** Still to collect on an order: the total, or the open stages of a staged order. */
export function dueOf(order: Order): Money {
  return { minor: order.dueMinor ?? order.amount.minor, currency: order.amount.currency };
}

/** Orders with money still to collect and how much, per currency (a fully paid staged order counts for nothing). */
export async function unpaidSummary(db: Db): Promise<UnpaidSummary> {
  const open = (await db.getAllFromIndex('orders', 'by-status', 'unpaid')).filter((o) => dueOf(o).minor > 0);
  return { count: open.length, totals: sumByCurrency(open.map(dueOf)) };
}
