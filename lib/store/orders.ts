import { unwrap } from 'idb';
import { CONTACT_STORES, PAGE_READ_STORES, settled, type ContactTx, type Db } from './db';
import { listingKey } from './schema';
import { watchAllWrites } from './changes';
import { buyerKey, orderKey, type Buyer, type ObservedOrder, type Order, type PageRead } from '../orders/model';
import { sumByCurrency, type Money } from '../orders/money';
import { readIsWhole } from '../platforms/read';
import { newBuyerOf } from './buyers';

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
  // A read that found no status word for the order (its status drawn as an
  // icon, a word we do not know) says nothing about it: the stored status
  // stands. Taken as news, an unpaid order left the queue because a page
  // changed.
  const statusUnread = existing !== undefined && seen.status === 'unknown';
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
    ...(personSaysPaid || statusUnread
      ? { status: existing.status, statusSource: existing.statusSource, statusChangedAt: existing.statusChangedAt }
      : { statusSource: 'page' as const, statusChangedAt: existing && existing.status === seen.status ? existing.statusChangedAt : now }),
  };
}

/** Equal but for lastSeenAt, by their JSON text (key order and all), without building it. */
function sameContent(a: Order, b: Order): boolean {
  return sameJson(a, b, 'lastSeenAt');
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omittedByJson = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null || Array.isArray(v)) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * JSON.stringify(a) === JSON.stringify(b), walking both values instead of
 * writing out two strings (a page re-read compares every stored order).
 * Anything but plain objects, arrays and primitives is compared by its JSON.
 */
export function sameJson(a: unknown, b: unknown, skipKey?: string): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return !Number.isFinite(a) && !Number.isFinite(b); // both written as null
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // null and non-finite numbers are both "null"; other primitives differ when !==.
    const nullish = (v: unknown) => v === null || (typeof v === 'number' && !Number.isFinite(v));
    if (nullish(a) && nullish(b)) return true;
    if (omittedByJson(a) && omittedByJson(b)) return true;
    if ((a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) return JSON.stringify(a) === JSON.stringify(b);
    return false;
  }
  if (!isPlain(a) || !isPlain(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) {
      // An array writes what JSON leaves out as null.
      const x = omittedByJson(a[i]) ? null : a[i];
      const y = omittedByJson(other[i]) ? null : other[i];
      if (!sameJson(x, y)) return false;
    }
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && (ka[i] === skipKey || omittedByJson(ra[ka[i]!]))) i++;
    while (j < kb.length && (kb[j] === skipKey || omittedByJson(rb[kb[j]!]))) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !sameJson(ra[ka[i]!], rb[kb[j]!])) return false;
    i++;
    j++;
  }
}

/**
 * The buyer's record after this order's news, or undefined while there is nothing to keep about them (see
 * newBuyerOf): a new buyer with no confirmed payment gets no record.
 */
function touchBuyer(existing: Buyer | undefined, order: Order, now: number): Buyer | undefined {
  const paid = new Set(existing?.paidOrderKeys ?? []);
  // Only a confirmed payment makes a returning buyer: one a page showed, or
  // one the person marked. An order that merely left the unpaid list is not.
  if (order.status === 'paid' && order.statusSource !== 'disappeared') paid.add(order.key);
  // An order marked paid because it left the unpaid list can turn up unpaid
  // again (e.g. pushed onto page 2): then it was never paid.
  else if (order.status === 'unpaid') paid.delete(order.key);
  if (!existing && paid.size === 0) return undefined;
  const base = existing ?? newBuyerOf(order, now);
  return {
    ...base,
    displayName: order.buyer.displayName ?? base.displayName,
    platformBuyerId: order.buyer.platformBuyerId ?? base.platformBuyerId,
    lastSeenAt: now,
    paidOrderKeys: [...paid],
  };
}

/** How many records a range read may return per wanted key before the range counts as sparse. */
const RANGE_READ_FACTOR = 2;

/**
 * The stored records under `keys` (of a store keyed by `key`), absent ones
 * left out. The keys of one page read usually sit close together (order ids
 * of one listing, one platform's prefix), so the span from the lowest to the
 * highest key is read with one getAll, capped at twice as many records as
 * keys: a store with many other records inside that span (other listings,
 * other platforms, years of history) stops the range read early, and the keys
 * past where it stopped are read one by one. Either way the same records come
 * back as a get per key; only the number of requests differs.
 */
export function readByKeys<T extends { key: string }>(store: IDBObjectStore, keys: Iterable<string>): Promise<Map<string, T>> {
  // Strings compare in UTF-16 code units both here and in IndexedDB.
  const wanted = [...new Set(keys)].sort();
  const found = new Map<string, T>();
  if (wanted.length === 0) return Promise.resolve(found);
  const wantedSet = new Set(wanted);
  return new Promise((resolve, reject) => {
    const limit = wanted.length * RANGE_READ_FACTOR;
    const range = store.getAll(IDBKeyRange.bound(wanted[0], wanted[wanted.length - 1]), limit);
    range.onerror = () => reject(range.error);
    range.onsuccess = () => {
      const records = range.result as T[];
      for (const record of records) if (wantedSet.has(record.key)) found.set(record.key, record);
      if (records.length < limit) return resolve(found);
      // Stopped early: every key up to the last record returned is settled.
      const last = records[records.length - 1]!.key;
      const rest = wanted.filter((key) => key > last);
      let pending = rest.length;
      if (pending === 0) return resolve(found);
      for (const key of rest) {
        const get = store.get(key);
        get.onerror = () => reject(get.error);
        get.onsuccess = () => {
          if (get.result !== undefined) found.set(key, get.result as T);
          if (--pending === 0) resolve(found);
        };
      }
    };
  });
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Stores one page read in a single transaction: re-reading updates, never
 * duplicates, and an unpaid order missing from a later read of the same
 * unpaid-only listing is marked paid (or closed, past its deadline).
 */
export async function applyPageRead(db: Db, read: PageRead, now: number): Promise<ApplyResult> {
  const watch = watchOf(db);
  const listing = listingKey(read.platform, read.listKey);
  const last = watch?.last.get(listing);
  if (watch && last && last.ordersWrites === watch.writes && sameJson(last.read, read)) {
    // The same read as last time, and no order written since by anyone: merging it again would
    // give every order exactly what is stored. Only the sighting is new.
    await db.put('listings', { key: listing, platform: read.platform, listKey: read.listKey, lastSeenAt: now });
    return { written: 0, gone: [] };
  }
  // Order writes asked for before our transaction exists belong to transactions that run before it, so
  // what we read includes them; any counted after this may land after ours.
  const writesBefore = watch?.writes ?? 0;
  const tx = db.transaction([...PAGE_READ_STORES], 'readwrite');
  // The plain IndexedDB stores: a 1,000-row page makes thousands of requests,
  // and none of the writes needs a promise of its own (tx.done reports any failure).
  const orders = unwrap(tx.objectStore('orders'));
  const buyers = unwrap(tx.objectStore('buyers'));
  const seenKeys = new Set<string>();
  const unique: ObservedOrder[] = [];
  const keys: string[] = [];
  for (const seen of read.orders) {
    const key = orderKey(seen.platform, seen.orderId);
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    unique.push(seen);
    keys.push(key);
  }

  // Absence means "left the unpaid state" only on a whole, fully read unpaid
  // list: every row read, or the page's own "no orders" message.
  const checkGone = read.unpaidOnly && read.complete && readIsWhole(read);
  const unpaidNow = checkGone ? await requestResult(orders.index('by-status').getAll('unpaid') as IDBRequest<Order[]>) : [];
  // On a re-read of the unpaid list (the usual case) that read already holds
  // every order on the page; only the rest are looked up.
  const existingOrders = new Map<string, Order>();
  for (const order of unpaidNow) if (seenKeys.has(order.key)) existingOrders.set(order.key, order);
  const lookUp = existingOrders.size === keys.length ? [] : keys.filter((key) => !existingOrders.has(key));
  for (const [key, order] of await readByKeys<Order>(orders, lookUp)) existingOrders.set(key, order);

  // The orders this read changes: the only ones written.
  const changedOrders: Order[] = [];
  unique.forEach((seen, i) => {
    const existing = existingOrders.get(keys[i]!);
    const next = mergeOrder(existing, seen, read, now);
    // Unchanged but for the sighting: nothing to write. A seller page is read
    // again after every change on it, and most rereads change no order, so
    // lastSeenAt is when a read last changed the order (backup and team merges
    // take the newer by it); the sighting is kept once per listing.
    if (existing && sameContent(existing, next)) return;
    changedOrders.push(next);
  });

  const gone: string[] = [];
  for (const order of unpaidNow) {
    if (order.platform !== read.platform || order.listKey !== read.listKey || seenKeys.has(order.key)) continue;
    const closed = order.autoCloseAt !== undefined && order.autoCloseAt <= now;
    const next: Order = { ...order, status: closed ? 'closed' : 'paid', statusSource: 'disappeared', statusChangedAt: now };
    gone.push(order.key);
    changedOrders.push(next);
  }

  // Buyers of changed orders, each read once even when they have several
  // orders, and read before any write is queued: a read behind 1,000 queued
  // puts would wait for all of them before the buyers' puts could follow.
  const existingBuyers = await readByKeys<Buyer>(
    buyers,
    changedOrders.map((o) => buyerKey(o.platform, o.buyer.nick)),
  );
  const touched = new Map<string, Buyer | undefined>();
  for (const order of changedOrders) {
    const key = buyerKey(order.platform, order.buyer.nick);
    touched.set(key, touchBuyer(touched.has(key) ? touched.get(key) : existingBuyers.get(key), order, now));
  }
  // Written only when what the record keeps changed (a payment, a name): not for a sighting alone.
  const buyerWrites: Buyer[] = [];
  for (const [key, next] of touched) {
    const before = existingBuyers.get(key);
    if (next && !(before && sameJson(before, next, 'lastSeenAt'))) buyerWrites.push(next);
  }

  // Every write at once, none awaited on its own: tx.done reports any failure.
  // A put that throws at once (a record IndexedDB cannot clone) aborts the
  // whole transaction, so the puts queued before it are not kept either.
  // The orders and buyers are plain requests (no promise to reject); the listing's put is idb's, settled.
  try {
    for (const order of changedOrders) orders.put(order);
    // A buyer with several changed orders is written once, in its final state.
    for (const buyer of buyerWrites) buyers.put(buyer);
    // The sighting, once for the listing: see ListingRecord.
    settled(tx.objectStore('listings').put({ key: listingKey(read.platform, read.listKey), platform: read.platform, listKey: read.listKey, lastSeenAt: now }));
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  if (watch) {
    watch.last.delete(listing);
    // Only our own writes since we read: what is stored is this read merged, so the same read again needs nothing.
    if (watch.writes === writesBefore + changedOrders.length) {
      watch.last.set(listing, { read, ordersWrites: watch.writes });
      if (watch.last.size > LAST_READS_KEPT) watch.last.delete(watch.last.keys().next().value!);
    }
  }
  return { written: changedOrders.length, gone };
}

/**
 * The last read stored of each listing, and how many order writes this
 * context had made when it was stored. A seller's page is read again after
 * every change on it, and most rereads are the same read: while no order was
 * written since (by anyone: page reads, the person, imports, team sync; see
 * ./changes.ts), such a read is stored by noting the sighting, without
 * reading the page's orders back to compare them.
 */
interface OrdersWatch {
  writes: number;
  last: Map<string, { read: PageRead; ordersWrites: number }>;
}
const LAST_READS_KEPT = 32;
const watches = new Map<string, OrdersWatch>();

function watchOf(db: Db): OrdersWatch | undefined {
  // Writes can be watched only where the IndexedDB classes are there to wrap.
  if (typeof IDBObjectStore === 'undefined') return undefined;
  let watch = watches.get(db.name);
  if (!watch) {
    const created: OrdersWatch = { writes: 0, last: new Map() };
    watchAllWrites(db.name, (write) => {
      if (write.store === 'orders') created.writes++;
    });
    watches.set(db.name, (watch = created));
  }
  return watch;
}

/**
 * The person says an unpaid order is paid: it leaves the open list, and its
 * buyer counts as returning, in one transaction with the order.
 */
export async function markPaidByPerson(db: Db, key: string, now: number): Promise<void> {
  const tx = db.transaction([...CONTACT_STORES], 'readwrite');
  await markPaidByPersonIn(tx, key, now);
  await tx.done;
}

/** markPaidByPerson inside a transaction the caller owns (the contact-log action that says paid). */
export async function markPaidByPersonIn(tx: ContactTx, key: string, now: number): Promise<void> {
  const order = await tx.objectStore('orders').get(key);
  if (order?.status === 'unpaid') {
    await tx.objectStore('orders').put({ ...order, status: 'paid', statusSource: 'person', statusChangedAt: now });
    // A confirmed payment is something to keep: a buyer without a record gets one.
    const buyers = tx.objectStore('buyers');
    const buyer = (await buyers.get(buyerKey(order.platform, order.buyer.nick))) ?? newBuyerOf(order, now);
    if (!buyer.paidOrderKeys.includes(key)) await buyers.put({ ...buyer, paidOrderKeys: [...buyer.paidOrderKeys, key] });
  }
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
