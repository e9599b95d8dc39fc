import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type PayNudgeDB } from './schema';
import { DB_VERSION, runMigrations } from './migrations';

export type Db = IDBPDatabase<PayNudgeDB>;

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
