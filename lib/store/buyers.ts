import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { CONTACT_STORES, settled, type ContactTx, type Db } from './db';
import type { PayNudgeDB } from './schema';
import { addAttemptIn, countAttemptsIn, forEachAttemptPage } from './attempts';

type ContactStores = ('attempts' | 'orders' | 'buyers' | 'settings')[];
import { PlatformSchema, buyerKey, type Buyer, type ContactAttempt, type FollowUp, type Order } from '../orders/model';

// Buyer profiles (notes, do-not-remind, language, time zone, tags) and the
// per-order / per-buyer reminder counts the queue reads in one pass. The
// counts live on the order and buyer records so listing 5,000 orders never
// walks 50,000 attempts; they are rebuilt whenever the attempts store holds a
// different number of attempts than they account for (an import, a cleanup,
// data from before they existed).
//
// Whether they do is known without counting the attempts (a big shop's year is
// 500,000 of them: one count is ~890,000 cursor steps in the browser's store,
// seconds on a busy machine, and a waking worker's database open waited behind
// the one the stopped worker left running): once a count has found them equal,
// the record says so (`checked`), and every write that adds or removes attempts
// keeps `counted` in step in its own transaction and keeps the mark (sync's
// apply of another agent's attempts too). A new agent's first sync writes the
// record without it (its counts are settled only at the end), an import drops
// it, and an older version's record has none: the next check counts, as before.

/** Settings-store key of how many attempts the counts on orders and buyers account for. */
export const ATTEMPT_STATS_KEY = 'ws.attemptStats';
const STATS_KEY = ATTEMPT_STATS_KEY;
/** Settings-store key of the "select this order in the panel" hint (notification click, popup, shortcut). */
export const PANEL_SELECT_KEY = 'panel/select';

/**
 * A buyer record is kept only once there is something to keep about the buyer: a confirmed payment (which makes
 * them returning), a reminder (the one-per-day rule), a note, tags, do-not-remind, a language or zone. Until then
 * the buyer is what their orders say (nick, name, platform), and a page read of 1,000 new orders writes no
 * buyer at all. This is the record a buyer starts with, from one of their orders.
 */
export function newBuyerOf(order: Order, now: number): Buyer {
  return {
    key: buyerKey(order.platform, order.buyer.nick),
    platform: order.platform,
    nick: order.buyer.nick,
    ...(order.buyer.displayName !== undefined ? { displayName: order.buyer.displayName } : {}),
    ...(order.buyer.platformBuyerId !== undefined ? { platformBuyerId: order.buyer.platformBuyerId } : {}),
    firstSeenAt: Math.min(order.firstSeenAt, now),
    lastSeenAt: now,
    paidOrderKeys: [],
  };
}

/**
 * The record of a buyer just reminded who has none here: made from their order when it is held, else from the
 * key alone (an attempt that another agent logged can arrive before the order or the buyer's record).
 */
export function remindedBuyerOf(key: string, order: Order | undefined, at: number): Buyer | undefined {
  if (order && buyerKey(order.platform, order.buyer.nick) === key) return newBuyerOf(order, at);
  const parts = splitBuyerKey(key);
  const platform = PlatformSchema.safeParse(parts?.[0]);
  if (!parts || !platform.success) return undefined;
  return { key, platform: platform.data, nick: parts[1], firstSeenAt: at, lastSeenAt: at, paidOrderKeys: [] };
}

/** The platform and nick a buyer key was made of (platforms have no colon; a nick may). */
function splitBuyerKey(key: string): [string, string] | undefined {
  const at = key.indexOf(':');
  return at > 0 ? [key.slice(0, at), key.slice(at + 1)] : undefined;
}

export type BuyerPatch = Partial<Pick<Buyer, 'note' | 'doNotRemind' | 'language' | 'timeZone' | 'tags'>>;

export async function getAllBuyers(db: Db): Promise<Map<string, Buyer>> {
  const all = await db.getAll('buyers');
  return new Map(all.map((b) => [b.key, b]));
}

/**
 * Applies the person's edits to a buyer; empty strings clear a field. A buyer with no record yet (nothing was
 * kept about them) gets one from one of their orders; undefined when no order of theirs is stored either.
 */
export async function updateBuyer(db: Db, key: string, patch: BuyerPatch, now: number): Promise<Buyer | undefined> {
  const tx = db.transaction(['buyers', 'orders'], 'readwrite');
  const buyers = tx.objectStore('buyers');
  let existing = await buyers.get(key);
  if (!existing) {
    const parts = splitBuyerKey(key);
    const order = parts && (await tx.objectStore('orders').index('by-buyer').get(parts));
    if (!order) {
      await tx.done;
      return undefined;
    }
    existing = newBuyerOf(order, now);
  }
  const next: Buyer = { ...existing, lastSeenAt: existing.lastSeenAt ?? now };
  for (const [field, value] of Object.entries(patch) as [keyof BuyerPatch, unknown][]) {
    if (value === undefined) continue;
    if (value === '' || (Array.isArray(value) && value.length === 0)) delete next[field];
    else (next as Record<string, unknown>)[field] = value;
  }
  await buyers.put(next);
  await tx.done;
  return next;
}

/** Stores an attempt and updates its order's and buyer's counts in the same transaction. */
export async function recordAttempt(db: Db, attempt: ContactAttempt): Promise<void> {
  const tx = db.transaction([...CONTACT_STORES], 'readwrite');
  await recordAttemptIn(tx, attempt);
  await tx.done;
}

/** recordAttempt inside a transaction the caller owns (one person's action = one transaction). */
export async function recordAttemptIn(tx: ContactTx, attempt: ContactAttempt): Promise<void> {
  await addAttemptIn(tx.objectStore('attempts'), attempt);
  const orders = tx.objectStore('orders');
  const order = await orders.get(attempt.orderKey);
  if (order) {
    await orders.put({ ...order, attemptCount: (order.attemptCount ?? 0) + 1, lastAttemptAt: Math.max(order.lastAttemptAt ?? 0, attempt.at) });
  }
  if (attempt.direction === 'outbound') {
    // The buyer's last reminder is something to keep: a buyer without a record gets one (from the order).
    const buyers = tx.objectStore('buyers');
    const buyer = (await buyers.get(attempt.buyerKey)) ?? (order && buyerKey(order.platform, order.buyer.nick) === attempt.buyerKey ? newBuyerOf(order, attempt.at) : undefined);
    if (buyer) await buyers.put({ ...buyer, lastRemindedAt: Math.max(buyer.lastRemindedAt ?? 0, attempt.at) });
  }
  const settings = tx.objectStore('settings');
  const stats = (await settings.get(STATS_KEY))?.value as AttemptStats | undefined;
  // One more attempt in the same transaction: a checked record stays exact.
  await settings.put({ key: STATS_KEY, value: { ...stats, counted: (stats?.counted ?? 0) + 1 } });
}

/** The settings record under ATTEMPT_STATS_KEY. */
export interface AttemptStats {
  /** How many attempts the counts on orders and buyers account for. */
  counted?: number;
  /** A count found `counted` equal to the stored attempts, and every write since kept it so (see the top of this file). */
  checked?: boolean;
}

/**
 * True when the counts on orders and buyers do not account for every stored attempt. A checked record is trusted
 * without counting; otherwise the attempts are counted, and a count that agrees with a stored record marks it
 * checked (in the same transaction, so no attempt can come or go between the count and the mark). With no record
 * (nothing counted yet: a new or erased store) nothing is written: the first attempt makes one.
 */
export async function attemptStatsStale(db: Db): Promise<boolean> {
  const stats = (await db.get('settings', STATS_KEY))?.value as AttemptStats | undefined;
  if (stats?.checked === true && stats.counted !== undefined) return false;
  const mark = stats !== undefined;
  const tx = db.transaction(['attempts', 'settings'], mark ? 'readwrite' : 'readonly');
  const [total, now] = await Promise.all([countAttemptsIn(tx.objectStore('attempts')), tx.objectStore('settings').get(STATS_KEY)]);
  const record = now?.value as AttemptStats | undefined;
  const counted = record?.counted ?? 0;
  if (mark && record && total === counted) await (tx as unknown as IDBPTransaction<PayNudgeDB, ['attempts', 'settings'], 'readwrite'>).objectStore('settings').put({ key: STATS_KEY, value: { counted, checked: true } });
  await tx.done;
  return total !== counted;
}

/**
 * Takes the checked mark off (in the caller's transaction): attempts were written there without `counted` kept in
 * step (an import), so the next check counts them.
 */
export async function uncheckAttemptStats(settings: { get(key: string): Promise<unknown>; put(record: unknown): Promise<unknown> }): Promise<void> {
  const stats = ((await settings.get(STATS_KEY)) as { value?: AttemptStats } | undefined)?.value;
  if (stats?.checked) await settings.put({ key: STATS_KEY, value: { counted: stats.counted ?? 0 } });
}

const rebuilding = new WeakMap<Db, Promise<boolean>>();

/**
 * Makes sure the counts on orders and buyers account for every stored
 * attempt; rebuilds them when they do not (one rebuild at a time).
 */
export function ensureAttemptStats(db: Db): Promise<boolean> {
  let running = rebuilding.get(db);
  if (!running) {
    running = rebuildAttemptStats(db).finally(() => rebuilding.delete(db));
    rebuilding.set(db, running);
  }
  return running;
}

/** Orders and buyers written per transaction while recounting (attempts are read a page of packs at a time: ./attempts.ts). */
export const REBUILD_SLICE = 500;

/**
 * Recounts every order's and buyer's attempts. A big shop's year is 500,000 attempts and 50,000 orders: one
 * transaction over all of it held the orders and attempts stores for tens of seconds, and every popup, panel
 * and page read waited behind it. So the attempts are read in pages (read-only transactions, which wait for
 * nobody), and the orders and buyers are corrected a slice per transaction. The counts are marked current only
 * if no attempt came or went meanwhile; otherwise they stay stale and the next check recounts.
 */
async function rebuildAttemptStats(db: Db): Promise<boolean> {
  if (!(await attemptStatsStale(db))) return false;
  const countedBefore = ((await db.get('settings', STATS_KEY))?.value as { counted?: number } | undefined)?.counted;
  const perOrder = new Map<string, { n: number; last: number }>();
  const perBuyer = new Map<string, number>();
  let total = 0;
  await forEachAttemptPage(db, (page) => {
    for (const a of page) {
      const o = perOrder.get(a.orderKey);
      if (o) {
        o.n++;
        if (a.at > o.last) o.last = a.at;
      } else perOrder.set(a.orderKey, { n: 1, last: a.at });
      if (a.direction === 'outbound') perBuyer.set(a.buyerKey, Math.max(perBuyer.get(a.buyerKey) ?? 0, a.at));
    }
    total += page.length;
  });

  /** An order of each reminded buyer: a buyer without a record is made from it. */
  const orderOfBuyer = new Map<string, Order>();
  for (let after: string | undefined; ; ) {
    const tx = db.transaction('orders', 'readwrite');
    const page = await tx.store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), REBUILD_SLICE);
    for (const order of page) {
      const bKey = buyerKey(order.platform, order.buyer.nick);
      if (perBuyer.has(bKey) && !orderOfBuyer.has(bKey)) orderOfBuyer.set(bKey, order);
      const s = perOrder.get(order.key);
      if ((order.attemptCount ?? 0) === (s?.n ?? 0) && order.lastAttemptAt === s?.last) continue;
      const next: Order = { ...order, attemptCount: s?.n ?? 0 };
      if (s) next.lastAttemptAt = s.last;
      else delete next.lastAttemptAt;
      settled(tx.store.put(next));
    }
    await tx.done;
    if (page.length < REBUILD_SLICE) break;
    after = page[page.length - 1]!.key;
  }

  const known = new Set<string>();
  for (let after: string | undefined; ; ) {
    const tx = db.transaction('buyers', 'readwrite');
    const page = await tx.store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), REBUILD_SLICE);
    for (const buyer of page) {
      known.add(buyer.key);
      const last = perBuyer.get(buyer.key);
      if (buyer.lastRemindedAt === last) continue;
      const next: Buyer = { ...buyer };
      if (last === undefined) delete next.lastRemindedAt;
      else next.lastRemindedAt = last;
      settled(tx.store.put(next));
    }
    await tx.done;
    if (page.length < REBUILD_SLICE) break;
    after = page[page.length - 1]!.key;
  }
  const missing = [...orderOfBuyer].filter(([bKey]) => !known.has(bKey));
  for (let i = 0; i < missing.length; i += REBUILD_SLICE) {
    const tx = db.transaction('buyers', 'readwrite');
    for (const [bKey, order] of missing.slice(i, i + REBUILD_SLICE)) {
      // Made by a page read or a reminder meanwhile: only the last reminder is ours to set.
      settled(tx.store.get(bKey).then((now) => tx.store.put({ ...(now ?? newBuyerOf(order, perBuyer.get(bKey)!)), lastRemindedAt: Math.max(now?.lastRemindedAt ?? 0, perBuyer.get(bKey)!) })));
    }
    await tx.done;
  }

  const tx = db.transaction(['attempts', 'settings'], 'readwrite');
  const [count, stats] = await Promise.all([countAttemptsIn(tx.objectStore('attempts')), tx.objectStore('settings').get(STATS_KEY)]);
  const countedNow = (stats?.value as { counted?: number } | undefined)?.counted;
  if (count === total && countedNow === countedBefore) await tx.objectStore('settings').put({ key: STATS_KEY, value: { counted: total, checked: true } });
  await tx.done;
  return true;
}

/** Sets (or with null clears) an order's follow-up; `nextFollowUpAt` mirrors it for the index. */
export async function setFollowUp(db: Db, orderKey: string, followUp: FollowUp | null): Promise<Order | undefined> {
  const tx = db.transaction('orders', 'readwrite');
  const next = await setFollowUpIn(tx.store, orderKey, followUp);
  await tx.done;
  return next;
}

/** setFollowUp on the orders store of a transaction the caller owns. */
export async function setFollowUpIn(
  orders: Pick<IDBPObjectStore<PayNudgeDB, ['orders'] | ContactStores, 'orders', 'readwrite'>, 'get' | 'put'>,
  orderKey: string,
  followUp: FollowUp | null,
): Promise<Order | undefined> {
  const order = await orders.get(orderKey);
  if (!order) return undefined;
  const next: Order = { ...order };
  if (followUp) {
    next.followUp = followUp;
    next.nextFollowUpAt = followUp.at;
  } else {
    delete next.followUp;
    delete next.nextFollowUpAt;
  }
  await orders.put(next);
  return next;
}

/** Orders with a follow-up scheduled (any status: a paid one is cleared by whoever reads it). */
export async function ordersWithFollowUps(db: Db): Promise<Order[]> {
  return db.getAllFromIndex('orders', 'by-next-follow-up', IDBKeyRange.lowerBound(0));
}

export async function markFollowUpNotified(db: Db, orderKey: string, now: number): Promise<void> {
  const tx = db.transaction('orders', 'readwrite');
  const order = await tx.store.get(orderKey);
  if (order?.followUp) await tx.store.put({ ...order, followUp: { ...order.followUp, notifiedAt: now } });
  await tx.done;
}

export async function setSelectHint(db: Db, orderKey: string, now: number): Promise<void> {
  await db.put('settings', { key: PANEL_SELECT_KEY, value: { orderKey, at: now } });
}

/** The order a panel should select on opening, once; hints older than ten minutes are stale. */
export async function takeSelectHint(db: Db, now: number): Promise<string | undefined> {
  const tx = db.transaction('settings', 'readwrite');
  const hint = (await tx.store.get(PANEL_SELECT_KEY))?.value as { orderKey?: unknown; at?: unknown } | undefined;
  if (hint) await tx.store.delete(PANEL_SELECT_KEY);
  await tx.done;
  if (typeof hint?.orderKey !== 'string' || typeof hint.at !== 'number' || now - hint.at > 10 * 60_000) return undefined;
  return hint.orderKey;
}
