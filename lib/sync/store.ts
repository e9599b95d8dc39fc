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

/**
 * A first sync agrees on hundreds of thousands of documents at once: their hashes go in as one record per page
 * (keys starting with BASE_PAGE, which sort before every document id, so a hash written later for one document,
 * filed under its own id, is read after its page's and wins). One put per document cost 16 s of a 78 s first sync.
 */
const BASE_PAGE = '\u0000page:';

export async function readBase(db: TeamDb): Promise<Map<string, string>> {
  const tx = db.transaction('base');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  const out = new Map<string, string>();
  keys.forEach((k, i) => {
    const key = String(k);
    if (key.startsWith(BASE_PAGE)) for (const [id, hash] of values[i] as [string, string][]) out.set(id, hash);
    else out.set(key, String(values[i]));
  });
  return out;
}

/** The hashes agreed on for one page of a first sync, named by the page's first document id. */
export async function writeBasePage(db: TeamDb, first: string, entries: Iterable<[string, string]>): Promise<void> {
  await db.put('base', [...entries], `${BASE_PAGE}${first}`);
}

export async function writeBase(db: TeamDb, entries: Iterable<[string, string]>): Promise<void> {
  const tx = db.transaction('base', 'readwrite');
  for (const [id, hash] of entries) void tx.store.put(hash, id);
  await tx.done;
}
