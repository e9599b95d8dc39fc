import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, type PayNudgeDB } from './schema';
import { DB_VERSION, runMigrations } from './migrations';

export type Db = IDBPDatabase<PayNudgeDB>;

/** The stores one person's contact-log action touches, written in one transaction so it lands whole or not at all. */
export const CONTACT_STORES = ['attempts', 'orders', 'buyers', 'settings'] as const;
export type ContactTx = IDBPTransaction<PayNudgeDB, ('attempts' | 'orders' | 'buyers' | 'settings')[], 'readwrite'>;

/** Opens (and upgrades) the database. Only the background calls this. */
export function openPayNudgeDb(name: string = DB_NAME): Promise<Db> {
  return openDB<PayNudgeDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, tx, oldVersion, newVersion ?? DB_VERSION);
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: let it.
      (event.target as IDBDatabase).close();
    },
  });
}
