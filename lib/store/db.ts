import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, type PayNudgeDB } from './schema';
import { DB_VERSION, runMigrations } from './migrations';

export type Db = IDBPDatabase<PayNudgeDB>;

/** The stores one person's contact-log action touches, written in one transaction so it lands whole or not at all. */
export const CONTACT_STORES = ['attempts', 'orders', 'buyers', 'settings'] as const;
export type ContactTx = IDBPTransaction<PayNudgeDB, ('attempts' | 'orders' | 'buyers' | 'settings')[], 'readwrite'>;

/** The stores one page read is stored in, in one transaction (lib/store/orders.ts applyPageRead). */
export const PAGE_READ_STORES = ['orders', 'buyers', 'listings'] as const;

/** Told when an open connection can no longer be used (see cachedDb). */
/**
 * Marks a write's promise handled when it is not awaited on its own: if its transaction aborts (a full disk), the
 * promise rejects too, and tx.done is what reports the failure, once.
 */
export const settled = (request: Promise<unknown>): void => void request.catch(() => undefined);

export interface ConnectionHooks {
  /** The browser closed the connection (disk error, storage cleared) or a newer version asked for it. */
  onGone(): void;
}

/** Opens (and upgrades) the database. Only the background calls this. */
export function openPayNudgeDb(name: string = DB_NAME, hooks?: ConnectionHooks): Promise<Db> {
  return openDB<PayNudgeDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, tx, oldVersion, newVersion ?? DB_VERSION);
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade (or the database is being deleted): let it.
      (event.target as IDBDatabase).close();
      hooks?.onGone();
    },
    terminated() {
      hooks?.onGone();
    },
  });
}

/**
 * The background's one connection, opened on first use and shared. A failed
 * open is not kept (the next request tries again), nor is a connection the
 * browser closed or a version change took away: the next request reopens,
 * instead of every request failing until the worker restarts.
 */
export function cachedDb(open: (hooks: ConnectionHooks) => Promise<Db> = (hooks) => openPayNudgeDb(DB_NAME, hooks)): () => Promise<Db> {
  let current: Promise<Db> | undefined;
  return () => {
    if (current) return current;
    const opening = open({
      onGone() {
        if (current === opening) current = undefined;
      },
    });
    current = opening;
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    return opening;
  };
}

/** What readMany needs of an object store. */
export interface KeyedStore {
  get(key: string): Promise<unknown>;
  getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]>;
}

/**
 * Many asked at once (a first sync's page) are mostly not held yet: one key-range read finds which are, and only
 * those are read (in Chrome each request costs about as much as writing a record: 10,000 gets of absent keys 1.2 s,
 * 10,000 adds 2.9 s, 2026-12-04 at load 7). Fewer are read one by one, as a range over a big store costs more.
 */
export async function readMany(store: KeyedStore, keys: string[]): Promise<unknown[]> {
  if (keys.length < READ_MANY_FROM) return Promise.all(keys.map((k) => store.get(k)));
  const sorted = [...keys].sort();
  const there = new Set((await store.getAllKeys(IDBKeyRange.bound(sorted[0]!, sorted[sorted.length - 1]!))).map(String));
  return Promise.all(keys.map((k) => (there.has(k) ? store.get(k) : undefined)));
}
/** Above a pull's batch of 1,000. */
export const READ_MANY_FROM = 2_000;
