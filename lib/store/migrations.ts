import { unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Buyer, ContactAttempt, Order } from '../orders/model';
import { packAll } from './pack';
import { listingKey, type ListingRecord, type PayNudgeDB } from './schema';

type UpgradeTx = IDBPTransaction<PayNudgeDB, StoreNames<PayNudgeDB>[], 'versionchange'>;

/**
 * One numbered schema step. Step N takes a database at version N-1 to N.
 * Steps are never edited once released: a change is a new step, tested from
 * a frozen fixture of the version before it (test/fixtures/db/).
 */
export interface Migration {
  version: number;
  describe: string;
  up(db: IDBPDatabase<PayNudgeDB>, tx: UpgradeTx): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    describe: 'orders, buyers, attempts, templates, milestones, settings',
    up(db) {
      const orders = db.createObjectStore('orders', { keyPath: 'key' });
      orders.createIndex('by-status', 'status');
      orders.createIndex('by-platform' as never, 'platform'); // dropped in step 4, as are the two below
      orders.createIndex('by-buyer', ['platform', 'buyer.nick']);
      orders.createIndex('by-next-follow-up', 'nextFollowUpAt');

      const buyers = db.createObjectStore('buyers', { keyPath: 'key' });
      buyers.createIndex('by-platform' as never, 'platform');

      const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('by-order' as never, 'orderKey'); // this store is replaced by packs in step 5
      attempts.createIndex('by-buyer', 'buyerKey');
      attempts.createIndex('by-follow-up', 'followUpAt');
      attempts.createIndex('by-time' as never, 'at');

      db.createObjectStore('templates', { keyPath: 'id' });

      const milestones = db.createObjectStore('milestones', { keyPath: 'id' });
      milestones.createIndex('by-order', 'orderKey');
      milestones.createIndex('by-due', 'dueAt');

      db.createObjectStore('settings', { keyPath: 'key' });
    },
  },
  {
    version: 2,
    describe: 'buyers keep only confirmed payments: orders that merely left the unpaid list no longer make a returning buyer',
    up(_db, tx) {
      // Plain IndexedDB requests: the upgrade transaction stays open while they run.
      const orders = unwrap(tx.objectStore('orders'));
      const buyers = unwrap(tx.objectStore('buyers'));
      const all = orders.getAll();
      all.onsuccess = () => {
        const unconfirmed = new Set((all.result as Order[]).filter((o) => o.statusSource === 'disappeared').map((o) => o.key));
        if (unconfirmed.size === 0) return;
        const cursor = buyers.openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          const buyer = at.value as Buyer;
          const kept = buyer.paidOrderKeys.filter((key) => !unconfirmed.has(key));
          if (kept.length !== buyer.paidOrderKeys.length) at.update({ ...buyer, paidOrderKeys: kept });
          at.continue();
        };
      };
    },
  },
  {
    version: 3,
    describe: 'last seen per listing (listings store, filled from the orders), and paid/closed orders indexed by when they settled',
    up(db, tx) {
      db.createObjectStore('listings', { keyPath: 'key' });
      const ordersStore = tx.objectStore('orders');
      ordersStore.createIndex('by-settled', ['status', 'statusChangedAt']);
      const orders = unwrap(ordersStore);
      const listings = unwrap(tx.objectStore('listings'));
      const all = orders.getAll();
      all.onsuccess = () => {
        const seen = new Map<string, ListingRecord>();
        for (const order of all.result as Order[]) {
          if (order.listKey === undefined) continue;
          const key = listingKey(order.platform, order.listKey);
          const known = seen.get(key);
          if (!known) seen.set(key, { key, platform: order.platform, listKey: order.listKey, lastSeenAt: order.lastSeenAt });
          else known.lastSeenAt = Math.max(known.lastSeenAt, order.lastSeenAt);
        }
        for (const listing of seen.values()) listings.put(listing);
      };
    },
  },
  {
    version: 4,
    describe: 'indexes nothing reads dropped: attempts by time, orders and buyers by platform',
    up(_db, tx) {
      // Every write paid for them: a big shop's year is 500,000 attempts and 50,000 orders, each written with every
      // index of its store, and one index costs about a tenth of an attempt's write (bench/idb-floor.mjs).
      tx.objectStore('attempts').deleteIndex('by-time' as never);
      tx.objectStore('orders').deleteIndex('by-platform' as never);
      tx.objectStore('buyers').deleteIndex('by-platform' as never);
    },
  },
  {
    version: 5,
    describe: 'attempts kept one record per order (every attempt of the order in one pack)',
    up(db, tx) {
      // IndexedDB's cost is per request: a big shop's 500,000 attempts are 50,000 packs. The old store is renamed,
      // read whole, packed into a new one and dropped, all in the upgrade transaction (plain requests keep it open).
      const old = unwrap(tx.objectStore('attempts'));
      old.name = 'attempts-v4';
      const packs = db.createObjectStore('attempts', { keyPath: 'orderKey' });
      packs.createIndex('by-id', 'ids', { multiEntry: true });
      packs.createIndex('by-buyer', 'buyerKeys', { multiEntry: true });
      packs.createIndex('by-follow-up', 'followUps', { multiEntry: true });
      const all = old.getAll();
      all.onsuccess = () => {
        const into = unwrap(packs);
        for (const pack of packAll(all.result as ContactAttempt[])) into.put(pack);
        db.deleteObjectStore('attempts-v4' as never);
      };
    },
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs every step above oldVersion up to newVersion, in order. */
export function runMigrations(
  db: IDBPDatabase<PayNudgeDB>,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
  steps: readonly Migration[] = MIGRATIONS,
): number[] {
  const ran: number[] = [];
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Migration ${index + 1} is numbered ${step.version}: steps must be 1, 2, 3…`);
    }
    if (step.version > oldVersion && step.version <= newVersion) {
      step.up(db, tx);
      ran.push(step.version);
    }
  });
  return ran;
}
