import PouchDB from 'pouchdb-browser';
import { createSyncEngine, type Pouch, type SyncEngine } from '../sync/engine';
import { remoteOptions } from '../sync/remote';
import { openTeamDb, type TeamDb } from '../sync/store';
import type { Db } from '../store/db';
import { DB_NAME } from '../store/schema';
import { watchWrites } from '../store/changes';
import { setClaimSource } from './queue';

/** The mirror of the shared records that replicates with the team server (IndexedDB, this browser only). */
export const MIRROR_DB_NAME = 'paynudge-team-mirror';
/** Every minute while sync is on: the MV3 worker may have slept through the live feed. */
export const TEAM_ALARM = 'team-sync';

/**
 * The background's sync engine with the browser's PouchDB. The server is
 * reached only through remoteOptions' fetch (lib/sync/remote.ts): one origin.
 */
export function createTeamEngine(
  db: () => Promise<Db>,
  told: { changed: () => void; claimsChanged: () => void },
  onEnabled: (enabled: boolean) => void,
): SyncEngine {
  let team: Promise<TeamDb> | undefined;
  const engine = createSyncEngine({
    db,
    team: () => (team ??= openTeamDb()),
    mirror: () => new PouchDB(MIRROR_DB_NAME, { auto_compaction: true }) as Pouch,
    remote: (config) => {
      const options = remoteOptions(config);
      return options ? new PouchDB(options.url, { fetch: options.fetch, ...(options.auth ? { auth: options.auth } : {}) }) : undefined;
    },
    now: () => Date.now(),
    ...told,
    onEnabled,
  });
  // Every write to the shop's database, whichever path made it, lists its record for the next push.
  watchWrites(DB_NAME, (write) => engine.noteWrite(write));
  // The queue's mine / unclaimed filter runs over the whole queue in the background.
  setClaimSource(() => engine.claims(), () => engine.known());
  return engine;
}
