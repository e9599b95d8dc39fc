import type { StoreName } from '../backup/format';
import type { Db } from '../store/db';
import { contentHash, docId, parseIncoming, sharedForm, type Claim, type Rec } from './docs';
import { mergeShared } from './merge';

// A new agent's first sync. Replicating a big shop document by document
// into the PouchDB mirror and then into IndexedDB ran at 50–300 records/s
// (rev trees and several IndexedDB writes per document in the mirror,
// 2026-12-04). Instead, the server's documents are read in big pages
// (`_all_docs`, through the same remote database object, so the same origin
// check and credentials) and merged straight into IndexedDB by the pull's
// rules; PouchDB's replication then takes over from the server's update
// sequence noted before the first page was read, so whatever was written on
// the server meanwhile still arrives through the mirror. Nothing here
// replicates: the mirror only ever gets documents through PouchDB.
//
// Records read here are not in the mirror. When one is edited here later,
// the push first copies the server's current revision into the mirror
// (new_edits: false, see engine.ts), so the edit descends from it instead
// of forking a conflict on the server.
//
// Progress is kept after every page (the last id read): a worker killed or a
// server gone midway resumes after that id. A page read twice changes
// nothing the second time (an attempt already stored is not added again and
// not counted again), so a re-run is idempotent.

/** The server's database as the first sync reads it (a PouchDB http database in the extension, any PouchDB in tests). */
export interface ServerReader {
  info(): Promise<{ update_seq: number | string }>;
  allDocs(options: { include_docs: true; conflicts: true; limit: number; startkey?: string; endkey?: string }): Promise<{ rows: { id: string; doc?: ServerDoc | null }[] }>;
  get(id: string, options: { rev: string }): Promise<ServerDoc>;
}
export interface ServerDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  [field: string]: unknown;
}

/** Where a first sync stands (kept in the team database under `firstSync`). */
export interface FirstSync {
  /** The server's update sequence before the first page was read: live replication starts there. */
  since: number | string;
  /** Which of RANGES is being read, and the last document id read and applied in it. */
  range?: number;
  after?: string;
  done: boolean;
  /** Live replication has started from `since` (its own checkpoint carries on). */
  handedOver?: boolean;
  /** Documents read, and refused by validation, so far. */
  read: number;
  refused: number;
}

export type LocalEntry = { store: StoreName; record: Rec; isNew: boolean };

export interface BootstrapDeps {
  server: ServerReader;
  db: () => Promise<Db>;
  /** Hash per document id of the version this browser and the server agree on (filled in here). */
  known: Map<string, string>;
  /** The engine's write path (derived counts kept, new attempts counted on orders and buyers). */
  writeLocal(entries: LocalEntry[]): Promise<void>;
  /** Hashes agreed for one page (the page's first document first). */
  writeBase(entries: Map<string, string>): Promise<void>;
  load(): Promise<FirstSync | undefined>;
  save(progress: FirstSync): Promise<void>;
  /** A document refused by validation: reported, never stored. */
  refused(id: string, reason: string): void;
  claim(claim: Claim): void;
  /** A record whose merged value here differs from the server's: the next push sends it. */
  differs(store: StoreName, key: string): void;
  /** Stored data changed: panels re-read, the badge re-ranks the whole queue (told after the first page, every TELL_EVERY pages and at the end). */
  changed(): void;
  /** Sync was turned off (or the data erased): no further request, nothing more written. */
  stopped(): boolean;
  /** Documents per request. */
  pageSize?: number;
}

/**
 * Each telling has the badge re-rank the whole queue in the same worker while pages keep coming: the first page is
 * told (the panel shows orders at once), then every 10th (100,000 records) and the end.
 */
const TELL_EVERY = 10;

/** 10,000 per page: pouchdb-server answered 50,000 documents in 5 s in pages of 10,000 and in 13.5 s in pages of 2,000 (2026-12-04). */
export const PAGE_SIZE = 10_000;

/**
 * The server's ids in the order they are read: buyers first, so each attempt finds its buyer and sets the buyer's
 * last reminder (which the daily limit per buyer reads) as a pull does; then everything before them (attempts), then
 * after them (orders, plans, settings, templates: an order arriving after its attempts counts them from the store).
 */
const RANGES: { startkey?: string; endkey?: string }[] = [{ startkey: 'buyer:', endkey: 'buyer;' }, { endkey: 'buyer:' }, { startkey: 'buyer;' }];

/** Reads the whole server database into the store, resuming where a cut-off run stopped. */
export async function firstSync(deps: BootstrapDeps): Promise<FirstSync> {
  const limit = deps.pageSize ?? PAGE_SIZE;
  let progress: FirstSync | undefined = await deps.load();
  if (progress?.done) return progress;
  // Noted before anything is read: what the server gets from here on arrives through replication.
  progress ??= { since: (await deps.server.info()).update_seq, done: false, read: 0, refused: 0 };
  await deps.save(progress);
  type Page = Awaited<ReturnType<ServerReader['allDocs']>>;
  const page = (range: number, after: string | undefined): Promise<Page> =>
    deps.server.allDocs({ include_docs: true, conflicts: true, limit, ...RANGES[range], ...(after !== undefined ? { startkey: after } : {}) });
  let pages = 0;
  let untold = false;
  for (let range = progress.range ?? 0; range < RANGES.length; range++) {
    if (deps.stopped()) return progress;
    // A resumed range goes on after the last id read; the next range starts at its beginning.
    let resumeAfter = progress.range === range ? progress.after : undefined;
    let next: Promise<Page> = page(range, resumeAfter);
    for (;;) {
      const { rows }: Page = await next;
      // startkey is inclusive: the id read last comes again first (skip=1 would skip another if it was deleted).
      const fresh: Page['rows'] = resumeAfter !== undefined && rows[0]?.id === resumeAfter ? rows.slice(1) : rows;
      if (!fresh.length) break;
      if (deps.stopped()) return progress;
      const after: string = fresh[fresh.length - 1]!.id;
      const last = rows.length < limit;
      // The next page is on its way while this one is checked and written.
      if (!last) {
        next = page(range, after);
        next.catch(() => undefined);
      }
      const docs = fresh.map((r) => r.doc).filter((d): d is ServerDoc => !!d);
      const { refused, written } = await applyPage(deps, docs);
      progress = { ...progress, range, after, read: progress.read + docs.length, refused: progress.refused + refused };
      await deps.save(progress);
      resumeAfter = after;
      untold ||= written > 0;
      if (untold && pages++ % TELL_EVERY === 0) {
        deps.changed();
        untold = false;
      }
      if (last) break;
    }
  }
  progress = { ...progress, done: true };
  await deps.save(progress);
  if (untold) deps.changed();
  return progress;
}

/** A document with conflicting revisions on the server: every version merged by the rules, as resolveConflict does. */
async function withConflicts(server: ServerReader, doc: ServerDoc): Promise<ServerDoc> {
  if (!doc._conflicts?.length) return doc;
  const others = await Promise.all(doc._conflicts.map((rev) => server.get(doc._id, { rev }).catch(() => undefined)));
  let merged: Rec | undefined;
  let store: StoreName | undefined;
  for (const version of [doc, ...others]) {
    const parsed = version ? parseIncoming(version) : undefined;
    if (parsed?.kind !== 'record') continue;
    store = parsed.store;
    merged = merged ? mergeShared(parsed.store, merged, parsed.record) : parsed.record;
  }
  return store && merged ? { _id: doc._id, _rev: doc._rev, record: merged } : doc;
}

/** Checks one page like an import and merges it into the store by the pull's rules. */
async function applyPage(deps: BootstrapDeps, page: ServerDoc[]): Promise<{ refused: number; written: number }> {
  let refused = 0;
  const incoming: { store: StoreName; key: string; record: Rec; id: string; hash: string }[] = [];
  for (const raw of page) {
    const doc = raw._conflicts?.length ? await withConflicts(deps.server, raw) : raw;
    const parsed = parseIncoming(doc);
    if (parsed.kind === 'refused') {
      refused++;
      deps.refused(parsed.id, parsed.reason);
    } else if (parsed.kind === 'claim') deps.claim(parsed.claim);
    else if (parsed.kind === 'record') {
      const id = docId(parsed.store, parsed.key);
      incoming.push({ store: parsed.store, key: parsed.key, record: parsed.record, id, hash: contentHash(parsed.record) });
    }
  }
  if (!incoming.length) return { refused, written: 0 };
  const stored = await storedOf(await deps.db(), incoming);
  const local: LocalEntry[] = [];
  const agreed = new Map<string, string>();
  for (const { store, key, record, id, hash } of incoming) {
    const mine = stored.get(`${store}\u0000${key}`);
    // What both sides agree on is the server's version: a merged value that differs from it is this browser's change to push.
    agreed.set(id, hash);
    if (!mine) {
      local.push({ store, record, isNew: true });
      continue;
    }
    const myForm = sharedForm(store, mine);
    const myHash = contentHash(myForm);
    if (myHash === hash) continue;
    const value = mergeShared(store, record, myForm);
    const valueHash = contentHash(value);
    if (valueHash !== myHash) local.push({ store, record: value, isNew: false });
    if (valueHash !== hash) deps.differs(store, key);
  }
  await deps.writeLocal(local);
  for (const [id, hash] of agreed) deps.known.set(id, hash);
  await deps.writeBase(agreed);
  return { refused, written: local.length };
}

/**
 * The records this browser already holds among a page's, read per store with readMany (a new agent's store
 * holds none, so a full page costs one request per store, not one per document).
 */
async function storedOf(db: Db, incoming: { store: StoreName; key: string }[]): Promise<Map<string, Rec>> {
  const byStore = new Map<StoreName, string[]>();
  for (const { store, key } of incoming) {
    let keys = byStore.get(store);
    if (!keys) byStore.set(store, (keys = []));
    keys.push(key);
  }
  const tx = db.transaction([...byStore.keys()], 'readonly');
  const out = new Map<string, Rec>();
  await Promise.all(
    [...byStore].map(async ([store, keys]) => {
      const records = (await readMany(tx.objectStore(store), keys)) as (Rec | undefined)[];
      keys.forEach((k, i) => {
        if (records[i]) out.set(`${store}\u0000${k}`, records[i]!);
      });
    }),
  );
  await tx.done;
  return out;
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
const READ_MANY_FROM = 2_000;
