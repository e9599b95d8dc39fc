import { openDB, type IDBPDatabase } from 'idb';
import { EMPTY_CONFIG, SyncConfigSchema, type SyncConfig } from './config';

// This browser's own sync state, in a database of its own so no backup
// export, import or erase of the shop's data ever reads or clears it:
// - kv: the configuration (with the password), the last sync time, where
//   the mirror's changes were last applied;
// - base: per shared document, the hash of the version this browser and the
//   mirror last agreed on (what a change is measured against).

export const TEAM_DB_NAME = 'paynudge-team';

export type TeamDb = IDBPDatabase;

export function openTeamDb(name: string = TEAM_DB_NAME): Promise<TeamDb> {
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('kv');
      db.createObjectStore('base');
    },
  });
}

export async function readConfig(db: TeamDb): Promise<SyncConfig> {
  const parsed = SyncConfigSchema.safeParse(await db.get('kv', 'config'));
  return parsed.success ? parsed.data : EMPTY_CONFIG;
}

export async function writeConfig(db: TeamDb, config: SyncConfig): Promise<void> {
  await db.put('kv', config, 'config');
}

export async function readKv<T>(db: TeamDb, key: string): Promise<T | undefined> {
  return (await db.get('kv', key)) as T | undefined;
}

export async function writeKv(db: TeamDb, key: string, value: unknown): Promise<void> {
  await db.put('kv', value, key);
}

export async function readBase(db: TeamDb): Promise<Map<string, string>> {
  const tx = db.transaction('base');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  return new Map(keys.map((k, i) => [String(k), String(values[i])]));
}

export async function writeBase(db: TeamDb, entries: Iterable<[string, string]>): Promise<void> {
  const tx = db.transaction('base', 'readwrite');
  for (const [id, hash] of entries) void tx.store.put(hash, id);
  await tx.done;
}
