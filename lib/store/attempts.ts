import type { IDBPObjectStore, StoreNames } from 'idb';
import { CONTACT_STORES, readMany, type ContactTx, type Db } from './db';
import type { AttemptPack, PayNudgeDB } from './schema';
import { packAll, packOf, unpacked } from './pack';
import type { ContactAttempt, Outcome } from '../orders/model';

export { packAll, packOf, unpacked };

// The contact log is stored one record per order: every attempt on the order
// in one pack (lib/store/schema.ts AttemptPack). A big shop's year is 500,000
// attempts over 50,000 orders, and IndexedDB's cost is per request, not per
// byte (bench/idb-floor.mjs: 1,000 attempts packed to a record put 50× faster
// than one per request), so a new agent's first sync, a recount and an export
// make a tenth of the requests. Everything outside this file sees attempts,
// never packs: the indexes on the packs' derived lists answer by attempt id,
// buyer and follow-up time.

type AnyStores = ArrayLike<StoreNames<PayNudgeDB>>;
/** The attempts store of any transaction (readwrite where written). */
export type PackStore<Mode extends IDBTransactionMode = 'readwrite'> = IDBPObjectStore<PayNudgeDB, AnyStores, 'attempts', Mode>;

/** The error an attempt logged twice raises (as IndexedDB's own add did): the transaction it is in fails whole. */
function heldAlready(id: string): Error {
  const error = new Error(`attempt ${id} is already stored`);
  error.name = 'ConstraintError';
  return error;
}

/** Adds one attempt to its order's pack, in the caller's transaction; an id already stored fails it. */
export async function addAttemptIn(store: PackStore, attempt: ContactAttempt): Promise<void> {
  const pack = await store.get(attempt.orderKey);
  if (pack?.ids.includes(attempt.id)) throw heldAlready(attempt.id);
  await store.put(packOf(attempt.orderKey, pack ? [...pack.attempts, attempt] : [attempt]));
}

/**
 * Adds attempts of many orders at once (one read and one write per order). An id already held is kept as it is, or
 * with `replace` takes the version given (sync's merged one). Returns the attempts that were not held.
 */
export async function addAttemptsIn(store: PackStore, attempts: readonly ContactAttempt[], options: { replace?: boolean } = {}): Promise<ContactAttempt[]> {
  if (!attempts.length) return [];
  const incoming = packAll(attempts);
  // A new agent's first sync holds none of them: one key-range read says so (readMany).
  const held = (await readMany(store, incoming.map((p) => p.orderKey))) as (AttemptPack | undefined)[];
  const added: ContactAttempt[] = [];
  await Promise.all(
    incoming.map((p, i) => {
      const before = held[i];
      if (!before) {
        added.push(...p.attempts);
        return store.put(p);
      }
      const known = new Set(before.ids);
      const fresh = p.attempts.filter((a) => !known.has(a.id));
      added.push(...fresh);
      const next = packOf(p.orderKey, options.replace ? [...before.attempts, ...p.attempts] : [...before.attempts, ...fresh]);
      // Nothing new and nothing changed: no write.
      return fresh.length || (options.replace && JSON.stringify(next.attempts) !== JSON.stringify(before.attempts)) ? store.put(next) : undefined;
    }),
  );
  return added;
}

/** The stored attempt with this id, from any order's pack. */
export async function findAttemptIn(store: PackStore<IDBTransactionMode>, id: string): Promise<ContactAttempt | undefined> {
  const pack = await store.index('by-id').get(id);
  return pack?.attempts.find((a) => a.id === id);
}

/** An order's attempts in the caller's transaction, oldest first. */
export async function listPackIn(store: PackStore<IDBTransactionMode>, orderKey: string): Promise<ContactAttempt[]> {
  return (await store.get(orderKey))?.attempts ?? [];
}

/**
 * Changes one attempt of a pack read in this transaction and writes the pack back: the attempt as stored now, or
 * undefined when the pack holds none with that id.
 */
async function changeInPack(store: PackStore, pack: AttemptPack | undefined, id: string, change: (stored: ContactAttempt) => ContactAttempt): Promise<ContactAttempt | undefined> {
  const stored = pack?.attempts.find((a) => a.id === id);
  if (!pack || !stored) return undefined;
  const next = change(stored);
  await store.put(packOf(pack.orderKey, pack.attempts.map((a) => (a.id === id ? next : a))));
  return next;
}

/** Changes one stored attempt of an order (its pack read and written once, in the caller's transaction). */
export async function changeAttemptIn(store: PackStore, orderKey: string, id: string, change: (stored: ContactAttempt) => ContactAttempt): Promise<ContactAttempt | undefined> {
  return changeInPack(store, await store.get(orderKey), id, change);
}

export async function addAttempt(db: Db, attempt: ContactAttempt): Promise<void> {
  const tx = db.transaction('attempts', 'readwrite');
  await addAttemptIn(tx.store, attempt);
  await tx.done;
}

/** Stores attempts as given: each added to its order's pack, or in place of the one with its id there. */
export async function putAttempts(db: Db, attempts: readonly ContactAttempt[]): Promise<void> {
  const tx = db.transaction('attempts', 'readwrite');
  await addAttemptsIn(tx.store, attempts, { replace: true });
  await tx.done;
}

export const putAttempt = (db: Db, attempt: ContactAttempt): Promise<void> => putAttempts(db, [attempt]);

/** One attempt by id (undefined when none is stored). */
export async function getAttempt(db: Db, id: string): Promise<ContactAttempt | undefined> {
  return findAttemptIn(db.transaction('attempts').store, id);
}

/** An order's attempts, newest first. */
export async function listAttempts(db: Db, orderKey: string): Promise<ContactAttempt[]> {
  const pack = await db.get('attempts', orderKey);
  return pack ? [...pack.attempts].reverse() : [];
}

/** Every attempt on a buyer's orders (oldest first within an order). */
export async function listBuyerAttempts(db: Db, buyerKey: string): Promise<ContactAttempt[]> {
  return unpacked(await db.getAllFromIndex('attempts', 'by-buyer', buyerKey)).filter((a) => a.buyerKey === buyerKey);
}

/** Every stored attempt. */
export async function allAttempts(db: Db): Promise<ContactAttempt[]> {
  return unpacked(await db.getAll('attempts'));
}

/** How many attempts are stored (one index entry per attempt id), in any transaction over the store. */
export function countAttemptsIn(store: PackStore<IDBTransactionMode>): Promise<number> {
  return store.index('by-id').count();
}

export const countAttempts = (db: Db): Promise<number> => countAttemptsIn(db.transaction('attempts').store);

/** How many attempts each order holds. */
export async function countAttemptsByOrder(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await forEachAttemptPage(db, (page) => {
    for (const a of page) counts.set(a.orderKey, (counts.get(a.orderKey) ?? 0) + 1);
  });
  return counts;
}

/** Orders' packs read per request when every attempt is walked. */
export const PACK_PAGE = 2_000;

/** Every stored attempt, a page of packs at a time (read-only transactions, which wait for nobody). */
export async function forEachAttemptPage(db: Db, each: (attempts: ContactAttempt[]) => void): Promise<void> {
  for (let after: string | undefined; ; ) {
    const page = await db.getAll('attempts', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), PACK_PAGE);
    each(unpacked(page));
    if (page.length < PACK_PAGE) return;
    after = page[page.length - 1]!.orderKey;
  }
}

/** Attempts with a follow-up at or after `since`, oldest follow-up first (then by attempt id). */
export async function attemptsFollowingUp(db: Db, since: number): Promise<ContactAttempt[]> {
  // A pack is found once per follow-up time of its in the range.
  const packs = new Map<string, AttemptPack>();
  for (const p of await db.getAllFromIndex('attempts', 'by-follow-up', IDBKeyRange.lowerBound(since))) packs.set(p.orderKey, p);
  const out = unpacked([...packs.values()]).filter((a) => typeof a.followUpAt === 'number' && a.followUpAt >= since);
  return out.sort((a, b) => a.followUpAt! - b.followUpAt! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface OutcomeUpdate {
  id: string;
  outcome: Outcome;
  note?: string;
  promisedAt?: number;
}

/** Sets the outcome of one attempt; returns the stored attempt or undefined if it does not exist. */
export async function setAttemptOutcome(db: Db, update: OutcomeUpdate): Promise<ContactAttempt | undefined> {
  const tx = db.transaction([...CONTACT_STORES], 'readwrite');
  const next = await setAttemptOutcomeIn(tx, update);
  await tx.done;
  return next;
}

/** setAttemptOutcome inside a transaction the caller owns. */
export async function setAttemptOutcomeIn(tx: ContactTx, update: OutcomeUpdate): Promise<ContactAttempt | undefined> {
  const attempts = tx.objectStore('attempts');
  // Found by id (the update names no order): the pack the index gives is the one written back.
  return changeInPack(attempts, await attempts.index('by-id').get(update.id), update.id, (existing) => ({
    ...existing,
    outcome: update.outcome,
    note: update.note ?? existing.note,
    promisedAt: update.outcome === 'promised' ? update.promisedAt ?? existing.promisedAt : undefined,
  }));
}
