import { unwrap } from 'idb';
import { STORE_NAMES, type StoreName } from '../backup/format';
import { addAttemptsIn, listPackIn } from '../store/attempts';
import { readMany, type Db } from '../store/db';
import { writeQuietly, type StoreWrite } from '../store/changes';
import { ATTEMPT_STATS_KEY, remindedBuyerOf, type AttemptStats } from '../store/buyers';
import { planOpenMinor, type MilestonePlan } from '../milestones/model';
import type { Buyer, ContactAttempt, Order } from '../orders/model';
import { CLAIM_MS, CLAIM_PREFIX, DERIVED, SYNC_KEY, contentHash, docId, isShared, parseIncoming, sharedForm, storeOfDocId, type Claim, type Rec } from './docs';
import { mergeShared } from './merge';
import { configProblem, type SyncConfig } from './config';
import { readBase, readConfig, readKv, writeBase, writeBasePage, writeConfig, writeKv, type TeamDb } from './store';
import { firstSync, type FirstSync, type ServerReader } from './bootstrap';

// Team sync. IndexedDB stays the source of truth; a PouchDB database (the
// mirror) holds one document per shared record and replicates with the
// shop's CouchDB. Two passes keep them together:
// - push: records changed here since the mirror last agreed (per-document
//   hash in `base`) are written into the mirror. Which records those may be
//   is told as they are written (noteWrite, lib/store/changes.ts); every
//   store is read only when that list may be incomplete: the first start,
//   a store cleared or rewritten (import, migration), sync turned back on,
//   or a worker that stopped with changes not yet mirrored (the `dirty`
//   marker, set before the first change is mirrored and cleared once none
//   is left);
// - pull: documents the server changed are validated like an import and
//   merged into IndexedDB.
// A mirror that never synced starts with a first sync (./bootstrap.ts): the
// server's documents read in big pages straight into IndexedDB by the same
// rules, then replication from the server's sequence noted before it began.
// When both sides changed one record, or CouchDB reports a conflict, the
// rules of ./merge.ts decide; nothing is deleted.

/** The slice of PouchDB this engine uses. */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}
export interface Pouch {
  allDocs(options: { keys?: string[]; include_docs?: boolean; startkey?: string; endkey?: string; limit?: number; conflicts?: boolean }): Promise<{ rows: { id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null; error?: string }[] }>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<{ id: string; rev?: string; ok?: boolean; error?: string | boolean }[]>;
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  changes(options: { since: number | string; include_docs: boolean; conflicts: boolean; limit: number }): Promise<{ results: { id: string; doc?: PouchDoc; seq: number | string }[]; last_seq: number | string }>;
  sync(remote: unknown, options: object): Replication;
  destroy(): Promise<unknown>;
  close?(): Promise<unknown>;
}
export interface Replication {
  on(event: string, listener: (info: unknown) => void): Replication;
  cancel(): void;
}

export type SyncState = 'off' | 'syncing' | 'idle' | 'error';
export type SyncErrorCode = 'auth' | 'forbidden' | 'unreachable' | 'server' | 'config' | 'refused';

export interface SyncStatus {
  state: SyncState;
  pending: number;
  lastSyncAt?: number;
  error?: SyncErrorCode;
  /** When the next try after an error is due. */
  retryAt?: number;
  /** Documents from the server refused by validation (kept out of the store). */
  refused: number;
  lastRefused?: string;
  /** A new agent's first sync under way: documents read so far, of about `total` (the server's count when it began). */
  first?: { read: number; total?: number } | undefined;
}

export interface EngineDeps {
  db: () => Promise<Db>;
  team: () => Promise<TeamDb>;
  /** The local mirror database. */
  mirror: () => Pouch;
  /** The server database for a configuration (the only network path), or undefined when it cannot be used. */
  remote: (config: SyncConfig) => unknown;
  now: () => number;
  /** Stored data changed: panels re-read. */
  changed: () => void;
  /** Who is on which order changed, and nothing stored did: panels re-read their claim view (else `changed`). */
  claimsChanged?: () => void;
  /** Sync was turned on or off (the background keeps its minute alarm accordingly). */
  onEnabled?: (enabled: boolean) => void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Documents per page of the first sync (tests; ./bootstrap.ts PAGE_SIZE otherwise). */
  firstSyncPage?: number;
}

/**
 * A burst of writes is pushed as one, this long after its last write. 100 ms was tried: the others' panels got an
 * attempt 0.2 s sooner, but 60 attempts logged back to back took 6× their time with sync off (2.2–2.4× at 300 ms;
 * e2e, 2026-12-04). A person's action after a quiet spell does not wait (PERSON_STORES).
 */
const PUSH_DEBOUNCE_MS = 300;
/**
 * Stores only a person writes (a contact attempt, a payment plan, a template): such a write after a quiet spell is
 * pushed at once, as the other agents' panels wait for it. Page reads (orders, buyers, the health note in settings)
 * come in bulk and keep the debounce.
 */
const PERSON_STORES: ReadonlySet<StoreName> = new Set(['attempts', 'milestones', 'templates']);
const BATCH = 1000;
/** How often applied changes are told while they stream in. */
const CHANGED_EVERY_MS = 1_000;
const BACKOFF_MIN_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** A wrong password is not retried faster than this. */
const AUTH_BACKOFF_MIN_MS = 30_000;

export function backoffDelay(failures: number, code: SyncErrorCode | undefined): number {
  const min = code === 'auth' || code === 'forbidden' ? AUTH_BACKOFF_MIN_MS : BACKOFF_MIN_MS;
  return Math.min(BACKOFF_MAX_MS, min * 2 ** Math.max(0, failures - 1));
}

function errorCode(error: unknown): SyncErrorCode {
  const status = (error as { status?: number } | undefined)?.status;
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === undefined || status === 0 || status === 500 && /fetch|network/i.test(String((error as { message?: string }).message))) return 'unreachable';
  return 'server';
}

export function createSyncEngine(deps: EngineDeps) {
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const cancelLater = deps.clearTimeout ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let mirror: Pouch | undefined;
  let replication: Replication | undefined;
  let base: Map<string, string> | undefined;
  let status: SyncStatus = { state: 'off', pending: 0, refused: 0 };
  let failures = 0;
  let retryTimer: unknown;
  let pushTimer: unknown;
  /** Documents in the mirror not yet on the server. */
  const pendingIds = new Set<string>();
  /** A person's action was noted since the last push. */
  let urgent = false;
  /** When a local change was last told (localChanged): a write after a quiet spell starts a push at once. */
  let lastLocalAt = -Infinity;
  /** Records the push under way is writing into the mirror (they count as pending until they are in it). */
  let mirroring = 0;
  /** Records written here since the last push (store -> keys). */
  let dirty = new Map<StoreName, Set<string>>();
  /** The next push reads every store (the list above may be incomplete). */
  let fullScan = false;
  /** This worker has stored the `dirty` marker and not cleared it since. */
  let markerSet = false;
  const claims = new Map<string, Claim>();
  let running: Promise<void> = Promise.resolve();
  let config: SyncConfig | undefined;
  let starting: Promise<void> | undefined;
  /** Where the first sync stands; undefined until known or while it has not begun (./bootstrap.ts). */
  let first: FirstSync | undefined;

  /** One pass at a time: push and pull never interleave. */
  function serial(task: () => Promise<void>): Promise<void> {
    running = running.then(task, task).catch((error) => {
      console.warn('PayNudge sync', error);
    });
    return running;
  }

  async function loadBase(): Promise<Map<string, string>> {
    return (base ??= await readBase(await deps.team()));
  }

  function setMarker(value: boolean): Promise<void> {
    markerSet = value;
    // Requests on one object store run in the order they are made: the last one made wins.
    return deps.team().then((t) => writeKv(t, 'dirty', value));
  }

  function noteDirty(store: StoreName, key: string) {
    let keys = dirty.get(store);
    if (!keys) dirty.set(store, (keys = new Set()));
    keys.add(key);
  }

  /** Local changes not yet sent: noted and not yet in the mirror, being written into it, or in it and not yet on the server. */
  function pendingCount(): number {
    let noted = 0;
    for (const keys of dirty.values()) noted += keys.size;
    return noted + mirroring + pendingIds.size;
  }

  function setStatus(patch: Partial<SyncStatus>) {
    status = { ...status, ...patch, pending: pendingCount() };
  }

  // ---- IndexedDB side -----------------------------------------------------

  /** Writes merged or incoming records into IndexedDB; new attempts count on their order and buyer. */
  async function writeLocal(entries: { store: StoreName; record: Rec; isNew: boolean }[]): Promise<void> {
    if (!entries.length) return;
    const db = await deps.db();
    const tx = db.transaction([...STORE_NAMES], 'readwrite');
    // What came from the mirror is not a change to send back.
    writeQuietly(unwrap(tx));
    // Requests are issued together and awaited together: a first sync brings hundreds of thousands.
    // Attempts: every order's pack gets the attempts that came, kept with those it holds (nothing is dropped); the
    // ones it did not hold are counted on their order and buyer.
    const arrived = entries.filter((e) => e.store === 'attempts').flatMap((e) => e.record.attempts as ContactAttempt[]);
    const attempts = await addAttemptsIn(tx.objectStore('attempts'), arrived, { replace: true });
    const records = entries.filter((e) => e.store !== 'attempts');
    // Per store, so a first sync's page asks which are held with one read (readMany).
    const existing: (Rec | undefined)[] = [];
    for (const store of new Set(records.map((r) => r.store))) {
      const at = records.flatMap((r, i) => (r.store === store ? [i] : []));
      const got = await readMany(tx.objectStore(store), at.map((i) => String(records[i]!.record[SYNC_KEY[store]])));
      at.forEach((i, j) => (existing[i] = got[j] as Rec | undefined));
    }
    const touchedOrders = new Set<string>();
    const plans: MilestonePlan[] = [];
    await Promise.all(
      records.map(({ store, record }, i) => {
        const value: Rec = { ...record };
        // This browser's derived counts stay its own.
        const before = existing[i];
        for (const f of DERIVED[store] ?? []) if (before && before[f] !== undefined) value[f] = before[f];
        if (store === 'orders') touchedOrders.add(String(record.key));
        if (store === 'milestones' && record.plan) plans.push(record.plan as MilestonePlan);
        return tx.objectStore(store).put(value as never);
      }),
    );
    // Counts on orders: an order that arrived here is counted from what is stored (its attempts may
    // have come first); one that was here counts the attempts that came.
    const byOrder = new Map<string, { n: number; last: number }>();
    for (const a of attempts) {
      const c = byOrder.get(a.orderKey) ?? { n: 0, last: -1 };
      byOrder.set(a.orderKey, { n: c.n + 1, last: Math.max(c.last, a.at) });
    }
    const orderKeys = [...new Set([...touchedOrders, ...byOrder.keys()])];
    const orders = (await readMany(tx.objectStore('orders'), orderKeys)) as (Order | undefined)[];
    const counted = await Promise.all(orderKeys.map((key, i) => (orders[i] && touchedOrders.has(key) ? listPackIn(tx.objectStore('attempts'), key) : undefined)));
    await Promise.all(
      orderKeys.map((key, i) => {
        const o = orders[i];
        if (!o) return undefined;
        const stored = counted[i];
        if (stored) {
          const last = stored.reduce((m, a) => Math.max(m, a.at), -1);
          if ((o.attemptCount ?? 0) === stored.length && (last < 0 || o.lastAttemptAt === last)) return undefined;
          return tx.objectStore('orders').put({ ...o, attemptCount: stored.length, ...(last >= 0 ? { lastAttemptAt: last } : {}) });
        }
        const c = byOrder.get(key)!;
        return tx.objectStore('orders').put({ ...o, attemptCount: (o.attemptCount ?? 0) + c.n, lastAttemptAt: Math.max(o.lastAttemptAt ?? 0, c.last) });
      }),
    );
    for (const plan of plans) {
      const o = await tx.objectStore('orders').get(plan.orderKey);
      if (o) await tx.objectStore('orders').put({ ...o, dueMinor: planOpenMinor(plan) });
    }
    if (attempts.length) {
      // The buyer's last reminder, and how many attempts the counts account for (lib/store/buyers.ts).
      const reminded = new Map<string, { at: number; orderKey: string }>();
      for (const a of attempts) {
        if (a.direction !== 'outbound') continue;
        const known = reminded.get(a.buyerKey);
        if (!known || known.at < a.at) reminded.set(a.buyerKey, { at: a.at, orderKey: a.orderKey });
      }
      const buyerKeys = [...reminded.keys()];
      const buyers = (await readMany(tx.objectStore('buyers'), buyerKeys)) as (Buyer | undefined)[];
      // A buyer reminded by another agent is something to keep here too, record or not (as recordAttempt does):
      // their attempt can come before the buyer's record, in an earlier batch, and the record carries no last reminder.
      // Every attempt's order was read above (orderKeys), as held before its counts changed: enough to make a buyer from.
      const orderOf = new Map(orderKeys.map((key, i) => [key, orders[i]]));
      buyerKeys.forEach((key, i) => {
        const { at, orderKey } = reminded.get(key)!;
        buyers[i] ??= remindedBuyerOf(key, orderOf.get(orderKey), at);
      });
      await Promise.all(buyerKeys.map((key, i) => buyers[i] && tx.objectStore('buyers').put({ ...buyers[i]!, lastRemindedAt: Math.max(buyers[i]!.lastRemindedAt ?? 0, reminded.get(key)!.at) })));
      // Each attempt added here is one more the counts account for (one held already is not among them), so a checked
      // record stays exact and keeps its mark: the next check need not count them all.
      const stats = (await tx.objectStore('settings').get(ATTEMPT_STATS_KEY))?.value as AttemptStats | undefined;
      await tx.objectStore('settings').put({ key: ATTEMPT_STATS_KEY, value: { ...stats, counted: (stats?.counted ?? 0) + attempts.length } });
    }
    await tx.done;
  }

  // ---- push: IndexedDB -> mirror -----------------------------------------

  /** The records that may differ from the mirror: every one after a full scan, else those written since. */
  async function candidates(db: Db, full: boolean, written: Map<StoreName, Set<string>>): Promise<{ store: StoreName; raw: Rec }[]> {
    const out: { store: StoreName; raw: Rec }[] = [];
    if (full) {
      for (const store of STORE_NAMES) for (const raw of (await db.getAll(store)) as unknown as Rec[]) out.push({ store, raw });
      return out;
    }
    if (!written.size) return out;
    const tx = db.transaction([...written.keys()], 'readonly');
    await Promise.all(
      [...written].flatMap(([store, keys]) =>
        [...keys].map(async (key) => {
          const raw = (await tx.objectStore(store).get(key)) as Rec | undefined;
          if (raw) out.push({ store, raw });
        }),
      ),
    );
    return out;
  }

  async function push(): Promise<void> {
    if (!mirror) return;
    const full = fullScan;
    const written = dirty;
    fullScan = false;
    dirty = new Map();
    urgent = false;
    for (const keys of written.values()) mirroring += keys.size;
    const retry = new Set<string>();
    try {
      await pushRecords(full, written, retry);
    } catch (error) {
      // Tried again on the next pass.
      fullScan ||= full;
      for (const [store, keys] of written) for (const key of keys) noteDirty(store, key);
      throw error;
    } finally {
      mirroring = 0;
    }
    for (const id of retry) {
      const store = storeOfDocId(id);
      if (store) noteDirty(store, id.slice(id.indexOf(':') + 1));
    }
    if (!fullScan && !dirty.size && markerSet) await setMarker(false);
  }

  async function pushRecords(full: boolean, written: Map<StoreName, Set<string>>, retry: Set<string>): Promise<void> {
    if (!mirror) return;
    const db = await deps.db();
    const known = await loadBase();
    const changed: { id: string; store: StoreName; record: Rec; hash: string }[] = [];
    for (const { store, raw } of await candidates(db, full, written)) {
      if (!isShared(store, raw)) continue;
      const record = sharedForm(store, raw);
      const id = docId(store, String(raw[SYNC_KEY[store]]));
      const hash = contentHash(record);
      if (known.get(id) !== hash) changed.push({ id, store, record, hash });
    }
    if (!changed.length) return;
    const agreed = new Map<string, string>();
    const local: { store: StoreName; record: Rec; isNew: boolean }[] = [];
    for (let i = 0; i < changed.length; i += BATCH) {
      const slice = changed.slice(i, i + BATCH);
      let { rows } = await mirror.allDocs({ keys: slice.map((c) => c.id), include_docs: true });
      // Read by the first sync, so not in the mirror: the server's revision goes in first and this edit descends from it.
      const unseeded = slice.filter((c, j) => !rows[j]?.doc && !rows[j]?.value && known.has(c.id)).map((c) => c.id);
      // Server away: those wait for the next pass (a version of their own would fork a conflict there).
      const waiting = new Set<string>();
      const seeded = await seedFromServer(unseeded).catch(() => {
        for (const id of unseeded) waiting.add(id);
        return false;
      });
      if (seeded) ({ rows } = await mirror.allDocs({ keys: slice.map((c) => c.id), include_docs: true }));
      const docs: PouchDoc[] = [];
      slice.forEach((c, j) => {
        if (waiting.has(c.id)) return void retry.add(c.id);
        const doc = rows[j]?.doc ?? undefined;
        if (!doc || doc._deleted) {
          docs.push({ _id: c.id, ...(rows[j]?.value?.rev ? { _rev: rows[j]!.value!.rev } : {}), record: c.record });
          agreed.set(c.id, c.hash);
          return;
        }
        // In the form validation gives it, as the pull hashed it (the parse orders fields its own way).
        const parsed = parseIncoming(doc);
        const theirs = parsed.kind === 'record' ? parsed.record : (doc.record as Rec);
        const theirHash = contentHash(theirs);
        if (theirHash === c.hash) {
          agreed.set(c.id, c.hash);
          return;
        }
        // The mirror moved too (the server's change not applied yet): the rules decide.
        const value = theirHash === known.get(c.id) ? c.record : mergeShared(c.store, theirs, c.record);
        const hash = contentHash(value);
        if (hash !== theirHash) docs.push({ _id: c.id, _rev: doc._rev, record: value });
        if (hash !== c.hash) local.push({ store: c.store, record: value, isNew: false });
        agreed.set(c.id, hash);
      });
      if (docs.length) {
        const results = await mirror.bulkDocs(docs);
        results.forEach((r) => {
          if (r.ok) {
            pendingIds.add(r.id);
            mirroring = Math.max(0, mirroring - 1);
          }
          // A write that lost a race with the server's change is tried again on the next pass.
          else {
            agreed.delete(r.id);
            retry.add(r.id);
          }
        });
      }
    }
    await writeLocal(local);
    for (const [id, hash] of agreed) known.set(id, hash);
    await writeBase(await deps.team(), agreed);
    setStatus({});
    if (local.length) told();
  }

  /** Copies the server's current revision of records the first sync read into the mirror, as the server has it (new_edits: false). */
  async function seedFromServer(ids: string[]): Promise<boolean> {
    if (!ids.length || !mirror || !config) return false;
    const remote = deps.remote(config) as Pouch | undefined;
    if (!remote) throw new Error('config');
    const { rows } = await remote.allDocs({ keys: ids, include_docs: true });
    const docs = rows.map((r) => r.doc).filter((d): d is PouchDoc => !!d && !d._deleted);
    if (docs.length) await mirror.bulkDocs(docs, { new_edits: false });
    return docs.length > 0;
  }

  // ---- first sync: server -> IndexedDB (./bootstrap.ts) ---------------------

  async function firstSyncState(): Promise<FirstSync | undefined> {
    const t = await deps.team();
    const saved = await readKv<FirstSync>(t, 'firstSync');
    if (saved) return saved;
    // A mirror that already pulled (synced before first syncs read the server directly) carries on replicating.
    const seq = await readKv<number | string>(t, 'seq');
    return seq !== undefined && seq !== 0 ? { since: 0, done: true, handedOver: true, read: 0, refused: 0 } : undefined;
  }

  /** What the status says of a first sync: how far it has read while it runs, nothing once done. */
  function firstProgress(progress: FirstSync | undefined): SyncStatus['first'] {
    if (progress?.done) return undefined;
    return { read: progress?.read ?? 0, ...(progress?.total !== undefined ? { total: progress.total } : {}) };
  }

  /** Every record this browser holds is listed for the push, by key: reading them whole after the first sync would read the whole shop. */
  async function listEveryRecord(): Promise<void> {
    const db = await deps.db();
    for (const store of STORE_NAMES) for (const key of await db.getAllKeys(store)) noteDirty(store, String(key));
    fullScan = false;
  }

  /** Reads the server straight into the store when this mirror never synced. False when the server could not be read (a retry is scheduled). */
  async function runFirstSync(): Promise<boolean> {
    first = await firstSyncState();
    if (first?.done) return true;
    const remote = config && deps.remote(config);
    if (!remote) {
      setStatus({ state: 'error', error: 'config' });
      return false;
    }
    setStatus({ state: 'syncing', first: firstProgress(first) });
    let failed: unknown;
    await serial(async () => {
      try {
        if (fullScan) await listEveryRecord();
        const t = await deps.team();
        first = await firstSync({
          server: remote as ServerReader,
          db: deps.db,
          known: await loadBase(),
          writeLocal,
          writeBase: (entries) => writeBasePage(t, entries.keys().next().value ?? '', entries),
          load: () => readKv<FirstSync>(t, 'firstSync'),
          save: async (progress) => {
            await writeKv(t, 'firstSync', progress);
            setStatus({ first: firstProgress(progress) });
          },
          refused: (id, reason) => setStatus({ refused: status.refused + 1, lastRefused: `${id}: ${reason}` }),
          claim: (c) => claims.set(c.orderKey, c),
          differs: (store, key) => {
            noteDirty(store, key);
            if (!markerSet) void setMarker(true);
          },
          changed: told,
          stopped: () => !config?.enabled,
          ...(deps.firstSyncPage ? { pageSize: deps.firstSyncPage } : {}),
        });
      } catch (error) {
        failed = error ?? new Error('first sync');
      }
    });
    // Turned off midway: it resumes when sync is turned on again.
    if (failed === undefined) return first?.done === true;
    console.warn('PayNudge first sync', failed);
    setStatus({ state: 'error', error: errorCode(failed) });
    scheduleRetry();
    return false;
  }

  // ---- pull: mirror -> IndexedDB -----------------------------------------

  async function resolveConflict(doc: PouchDoc): Promise<void> {
    if (!mirror) return;
    const versions = [doc, ...(await Promise.all((doc._conflicts ?? []).map((rev) => mirror!.get(doc._id, { rev }))))];
    let merged: Rec | undefined;
    let claim: Claim | undefined;
    let store: StoreName | undefined;
    for (const version of versions) {
      const parsed = parseIncoming(version);
      if (parsed.kind === 'record') {
        store = parsed.store;
        merged = merged ? mergeShared(parsed.store, merged, parsed.record) : parsed.record;
      } else if (parsed.kind === 'claim') {
        if (!claim || parsed.claim.at > claim.at) claim = parsed.claim;
      }
    }
    const losers = versions.slice(1).map((v) => ({ _id: v._id, _rev: v._rev, _deleted: true }));
    const winner: PouchDoc = store && merged ? { _id: doc._id, _rev: doc._rev, record: merged } : claim ? { _id: doc._id, _rev: doc._rev, claim } : { _id: doc._id, _rev: doc._rev, _deleted: true };
    await mirror.bulkDocs([winner, ...losers]);
  }

  async function pull(): Promise<void> {
    if (!mirror) return;
    const team = await deps.team();
    const db = await deps.db();
    const known = await loadBase();
    let since = (await readKv<number | string>(team, 'seq')) ?? 0;
    let anyLocal = false;
    let anyClaim = false;
    for (;;) {
      const feed = await mirror.changes({ since, include_docs: true, conflicts: true, limit: BATCH });
      if (!feed.results.length) break;
      const local: { store: StoreName; record: Rec; isNew: boolean }[] = [];
      const back: PouchDoc[] = [];
      const agreed = new Map<string, string>();
      const incoming: { doc: PouchDoc; store: StoreName; key: string; record: Rec; id: string; hash: string; legacy?: true }[] = [];
      for (const change of feed.results) {
        const doc = change.doc;
        if (!doc) continue;
        if (doc._conflicts?.length) {
          // The resolved version comes round again in this feed.
          await resolveConflict(doc);
          continue;
        }
        const parsed = parseIncoming(doc);
        if (parsed.kind === 'refused') {
          setStatus({ refused: status.refused + 1, lastRefused: `${parsed.id}: ${parsed.reason}` });
          continue;
        }
        if (parsed.kind === 'claim') {
          // This agent's own claims come round too: only news is told.
          const had = claims.get(parsed.claim.orderKey);
          if (had?.agent !== parsed.claim.agent || had.at !== parsed.claim.at) anyClaim = true;
          claims.set(parsed.claim.orderKey, parsed.claim);
          continue;
        }
        if (parsed.kind === 'skip') continue;
        const { store, key, record } = parsed;
        const id = docId(store, key);
        const hash = contentHash(record);
        if (parsed.legacy) incoming.push({ doc, store, key, record, id, hash, legacy: true });
        else if (known.get(id) !== hash) incoming.push({ doc, store, key, record, id, hash });
      }
      // What this browser holds of them, read together.
      const read = incoming.length ? db.transaction([...new Set(incoming.map((c) => c.store))], 'readonly') : undefined;
      const storedAll = read ? ((await Promise.all(incoming.map((c) => read.objectStore(c.store).get(c.key)))) as (Rec | undefined)[]) : [];
      for (const [i, { doc, store, record, id, hash, legacy }] of incoming.entries()) {
        const stored = storedAll[i];
        if (legacy) {
          // An earlier version's attempt document: merged into the order's pack here, never written back.
          const mine = stored && sharedForm(store, stored);
          const value = mine ? mergeShared(store, record, mine) : record;
          if (!mine || contentHash(value) !== contentHash(mine)) local.push({ store, record: value, isNew: !mine });
          continue;
        }
        if (!stored) {
          local.push({ store, record, isNew: true });
          agreed.set(id, hash);
          continue;
        }
        const mine = sharedForm(store, stored);
        const myHash = contentHash(mine);
        if (myHash === hash) {
          agreed.set(id, hash);
          continue;
        }
        // Unchanged here since we last agreed: the server's version descends from ours. Else the rules decide.
        const value = myHash === known.get(id) ? record : mergeShared(store, record, mine);
        const valueHash = contentHash(value);
        if (valueHash !== myHash) local.push({ store, record: value, isNew: false });
        if (valueHash !== hash) back.push({ _id: id, _rev: doc._rev, record: value });
        agreed.set(id, valueHash);
      }
      await writeLocal(local);
      if (back.length) for (const r of await mirror.bulkDocs(back)) if (r.ok) pendingIds.add(r.id);
      for (const [id, hash] of agreed) known.set(id, hash);
      await writeBase(team, agreed);
      since = feed.last_seq;
      await writeKv(team, 'seq', since);
      if (local.length) anyLocal = true;
    }
    if (anyLocal) told();
    else if (anyClaim) tellClaims();
  }

  function tellClaims() {
    (deps.claimsChanged ?? deps.changed)();
  }

  let toldAt = -Infinity;
  let tellTimer: unknown;
  /**
   * Panels re-read and the badge re-ranks the queue: at once for a change after a quiet spell (another
   * agent's attempt), at most every CHANGED_EVERY_MS while a first sync streams in batch after batch.
   */
  function told() {
    if (tellTimer) return;
    const wait = toldAt + CHANGED_EVERY_MS - deps.now();
    const tell = () => {
      tellTimer = undefined;
      toldAt = deps.now();
      deps.changed();
    };
    if (wait <= 0) tell();
    else tellTimer = later(tell, wait);
  }

  let pullQueued = false;
  /** A pull after the replication brought changes: one waiting pull covers any number of them. */
  function pullSoon() {
    if (pullQueued) return;
    pullQueued = true;
    void serial(() => {
      pullQueued = false;
      return pull();
    });
  }

  // ---- replication -------------------------------------------------------

  function scheduleRetry() {
    failures++;
    const delay = backoffDelay(failures, status.error);
    setStatus({ retryAt: deps.now() + delay });
    cancelLater(retryTimer);
    retryTimer = later(() => {
      retryTimer = undefined;
      void startReplication();
    }, delay);
  }

  function stopReplication() {
    replication?.cancel();
    replication = undefined;
  }

  async function startReplication(): Promise<void> {
    // A first sync not begun or cut off (server down, worker stopped) runs, or resumes, before live replication.
    if (config?.enabled && mirror && !first?.done) {
      stopReplication();
      if (!(await runFirstSync())) return;
      await serial(push);
      await serial(pull);
    }
    return startLive();
  }

  function handOver() {
    if (!first || first.handedOver) return;
    first = { ...first, handedOver: true };
    void team().then((t) => writeKv(t, 'firstSync', first));
  }

  async function startLive(): Promise<void> {
    stopReplication();
    if (!config?.enabled || !mirror) return;
    const remote = deps.remote(config);
    if (!remote) {
      setStatus({ state: 'error', error: 'config' });
      return;
    }
    setStatus({ state: 'syncing' });
    // After a first sync the pull starts at the server's sequence noted before it (PouchDB writes that as its checkpoint).
    const since = first && !first.handedOver ? { pull: { since: first.since } } : {};
    const rep = mirror.sync(remote, { live: true, retry: false, batch_size: 500, heartbeat: 10_000, ...since });
    replication = rep;
    rep
      .on('change', (info) => {
        const { direction, change } = info as { direction: string; change: { docs?: { _id: string }[] } };
        if (direction === 'push') for (const d of change.docs ?? []) pendingIds.delete(d._id);
        else pullSoon();
        setStatus({ state: 'syncing' });
      })
      .on('paused', (err) => {
        if (replication !== rep) return;
        if (err) return;
        failures = 0;
        // Both directions have started: the pull's checkpoint now carries on from the first sync's sequence.
        handOver();
        // Edits that waited for the server (see seedFromServer) go soon. Writes noted meanwhile have their push timer:
        // pushing them at every pause instead chained a push per attempt through a burst of logging (2-2.6x its time
        // with sync off in the e2e, against 1.3-1.6x with the debounce).
        if (dirty.size && !pushTimer) {
          pushTimer = later(() => {
            pushTimer = undefined;
            void serial(push);
          }, PUSH_DEBOUNCE_MS);
        }
        pendingIds.clear();
        setStatus({ state: 'idle', lastSyncAt: deps.now(), error: undefined, retryAt: undefined });
        void team().then((t) => writeKv(t, 'lastSyncAt', status.lastSyncAt));
        pullSoon();
      })
      .on('active', () => {
        if (replication === rep) setStatus({ state: 'syncing' });
      })
      .on('denied', (err) => {
        setStatus({ refused: status.refused + 1, lastRefused: String((err as { id?: string })?.id ?? 'server refused a document') });
      })
      .on('error', (err) => {
        if (replication !== rep) return;
        replication = undefined;
        setStatus({ state: 'error', error: errorCode(err) });
        scheduleRetry();
      });
  }

  const team = () => deps.team();

  /** The stored configuration and, with sync on, the claims kept in the mirror: what this worker knows of the team. */
  async function readState(): Promise<void> {
    config = await readConfig(await deps.team());
    if (!config.enabled) return;
    mirror ??= deps.mirror();
    // Who is on which order survives the worker sleeping: the claims are in the mirror.
    const { rows } = await mirror.allDocs({ startkey: CLAIM_PREFIX, endkey: `${CLAIM_PREFIX}\uffff`, include_docs: true });
    for (const row of rows) {
      const parsed = row.doc ? parseIncoming(row.doc) : undefined;
      if (parsed?.kind !== 'claim') continue;
      // A claim made since this worker started is newer than the stored one.
      const held = claims.get(parsed.claim.orderKey);
      if (!held || held.at < parsed.claim.at) claims.set(parsed.claim.orderKey, parsed.claim);
    }
  }
  /** The first readState of this worker: a claim, or a 'mine' view, asked before it ran waits for it. */
  let known: Promise<void> | undefined;
  const whenKnown = () => (known ??= readState().catch(() => undefined));

  async function start(): Promise<void> {
    const reading = readState();
    known = reading.catch(() => undefined);
    await reading;
    if (!config?.enabled) {
      dirty = new Map();
      setStatus({ state: 'off' });
      return;
    }
    // Changes this worker was not told of may be waiting: a first start, or one that stopped before they were mirrored.
    if ((await readKv<boolean>(await deps.team(), 'dirty')) !== false) fullScan = true;
    const lastSyncAt = await readKv<number>(await deps.team(), 'lastSyncAt');
    setStatus({ state: 'syncing', ...(lastSyncAt ? { lastSyncAt } : {}) });
    first = await firstSyncState();
    // Else startReplication runs the first sync before pushing, so local records are measured against the server's.
    if (first?.done) {
      await serial(push);
      await serial(pull);
    }
    await startReplication();
  }

  return {
    status(): SyncStatus {
      return { ...status, pending: pendingCount() };
    },

    /** Starts syncing when the stored configuration says so (background start, alarm). */
    async resume(): Promise<void> {
      if (replication || retryTimer) return;
      // The startup, the alarm and a panel may all ask at once: one start.
      starting ??= start().finally(() => (starting = undefined));
      await starting;
    },

    async enable(next: SyncConfig): Promise<void> {
      if (configProblem(next)) throw new Error('config');
      const t = await deps.team();
      const previous = await readConfig(t);
      // Another server or database: measure everything afresh against it.
      if (previous.url !== next.url || previous.db !== next.db) {
        stopReplication();
        await mirror?.destroy();
        mirror = undefined;
        base = new Map();
        await t.clear('base');
        await writeKv(t, 'seq', 0);
        await t.delete('kv', 'firstSync');
        first = undefined;
      }
      await writeConfig(t, { ...next, enabled: true, everEnabled: true });
      // Writes made while sync was off were not listed: read everything once.
      fullScan = true;
      failures = 0;
      cancelLater(retryTimer);
      retryTimer = undefined;
      setStatus({ error: undefined, retryAt: undefined, refused: 0, lastRefused: undefined });
      deps.onEnabled?.(true);
      await start();
    },

    async disable(): Promise<void> {
      const t = await deps.team();
      await writeConfig(t, { ...(await readConfig(t)), enabled: false });
      config = { ...(config ?? (await readConfig(t))), enabled: false };
      stopReplication();
      cancelLater(retryTimer);
      retryTimer = undefined;
      cancelLater(pushTimer);
      pushTimer = undefined;
      // Nothing is listed while off: the next start reads everything.
      dirty = new Map();
      await setMarker(true);
      setStatus({ state: 'off', error: undefined, retryAt: undefined });
      deps.onEnabled?.(false);
    },

    /**
     * Erasing this browser's data: sync stops first (else the next pull
     * brings everything back), then the local mirror, the sync checkpoints
     * and the saved password go. The server is not touched.
     */
    async eraseLocal(): Promise<void> {
      const t = await deps.team();
      const saved = await readConfig(t);
      await writeConfig(t, { ...saved, password: '', enabled: false });
      config = { ...saved, password: '', enabled: false };
      stopReplication();
      cancelLater(retryTimer);
      retryTimer = undefined;
      cancelLater(pushTimer);
      pushTimer = undefined;
      // A pass under way finishes against the old mirror before it goes.
      await running;
      if (mirror || saved.everEnabled) await (mirror ?? deps.mirror()).destroy();
      mirror = undefined;
      base = new Map();
      await t.clear('base');
      await t.delete('kv', 'seq');
      await t.delete('kv', 'firstSync');
      first = undefined;
      await t.delete('kv', 'lastSyncAt');
      dirty = new Map();
      await setMarker(true);
      claims.clear();
      pendingIds.clear();
      failures = 0;
      status = { state: 'off', pending: 0, refused: 0 };
      deps.onEnabled?.(false);
    },

    /** A record was written to the shop's database (lib/store/changes.ts): the next push looks at it. */
    noteWrite(write: StoreWrite): void {
      // Off: nothing is listed (turning sync on reads everything). Not known yet (a waking worker): listed.
      if (config && !config.enabled) return;
      const store = STORE_NAMES.find((s) => s === write.store);
      if (!store) return;
      if ('all' in write) fullScan = true;
      else {
        noteDirty(store, String(write.key));
        if (PERSON_STORES.has(store)) urgent = true;
      }
      if (!markerSet) void setMarker(true);
    },

    /** Something was written locally: push soon (at once for a person's action after a quiet spell, else debounced). */
    localChanged(): void {
      const now = deps.now();
      const quiet = now - lastLocalAt >= PUSH_DEBOUNCE_MS;
      lastLocalAt = now;
      if (!config?.enabled || !mirror) return;
      // The server was unreachable: a new local change is worth one early try (a wrong password waits its turn).
      if (status.state === 'error' && status.error === 'unreachable' && retryTimer) {
        cancelLater(retryTimer);
        retryTimer = later(() => {
          retryTimer = undefined;
          void startReplication();
        }, PUSH_DEBOUNCE_MS * 2);
      }
      cancelLater(pushTimer);
      // At once still means after this turn: the handler's answer to the person goes first.
      pushTimer = later(
        () => {
          pushTimer = undefined;
          void serial(push);
        },
        urgent && quiet ? 0 : PUSH_DEBOUNCE_MS,
      );
    },

    /** Push and pull now (tests, the alarm). */
    async flush(): Promise<void> {
      if (!config?.enabled || !mirror) return;
      await serial(push);
      await serial(pull);
    },

    /** "小王 is on it": this agent opened or inserted for the order. */
    async claim(orderKey: string): Promise<void> {
      // A worker just woken may not have read its configuration yet: the claim is not dropped for that.
      await whenKnown();
      if (!config?.enabled || !mirror || !config.agent) return;
      const id = `${CLAIM_PREFIX}${orderKey}`;
      const claim: Claim = { orderKey, agent: config.agent, at: deps.now() };
      claims.set(orderKey, claim);
      // The queue's mine / unclaimed view changes at once, server or not.
      tellClaims();
      const existing = await mirror.get(id).catch(() => undefined);
      const result = await mirror.bulkDocs([{ _id: id, ...(existing?._rev ? { _rev: existing._rev } : {}), claim }]);
      if (result[0]?.ok) pendingIds.add(id);
    },

    /** Resolves once this worker has read who it is and the stored claims (at once after the first time). */
    known: (): Promise<void> => whenKnown(),

    /** Claims of the last 10 minutes. */
    claims(): { me?: string; claims: Claim[] } {
      const now = deps.now();
      return { me: config?.enabled ? config.agent : undefined, claims: [...claims.values()].filter((c) => now - c.at < CLAIM_MS) };
    },

    config: () => config,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
