import { unwrap, type IDBPObjectStore } from 'idb';
import type { StoreName } from '../backup/format';
import { READ_MANY_FROM, readMany, settled, type Db } from '../store/db';
import type { PayNudgeDB } from '../store/schema';
import { watchAllWrites, writeQuietly } from '../store/changes';
import { ATTEMPT_STATS_KEY, newBuyerOf, remindedBuyerOf, type AttemptStats } from '../store/buyers';
import { buyerKey, type ContactAttempt, type Order } from '../orders/model';
import { contentHash, docId, parseIncoming, sharedForm, type Claim, type Rec } from './docs';
import { mergeShared } from './merge';
import { addAttemptsIn, forEachAttemptPage } from '../store/attempts';

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
// What is not held here yet (all of it, on a new agent) is written once: each
// attempt added as it comes, each order with its attempt counts from a tally
// of the attempts added (ids put attempts before orders), the reminded buyers'
// last reminders set once after the attempts instead of on every page. Held
// records are merged by the pull's rules through its write path. The result
// is what a pull of the same documents leaves (bootstrap.test.ts compares the
// two record by record).
//
// Progress is kept after every page (the last id read): a worker killed or a
// server gone midway resumes after that id. A page read twice changes
// nothing the second time (an attempt already stored is not added again and
// not counted again), so a re-run is idempotent; the tally is then read again
// from the store.

/** The server's database as the first sync reads it (a PouchDB http database in the extension, any PouchDB in tests). */
export interface ServerReader {
  info(): Promise<{ update_seq: number | string; doc_count?: number }>;
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
  /** The counts on orders held before and on reminded buyers were set once the attempts were all in (settleCounts). */
  counted?: boolean;
  /** Documents read, and refused by validation, so far. */
  read: number;
  refused: number;
  /** Documents the server held when this first sync began (its design documents included): how far it has come is `read` of about this. */
  total?: number;
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
/** The range after the attempts': the counts are settled before it (settleCounts). */
const AFTER_ATTEMPTS = 2;

/** Reads the whole server database into the store, resuming where a cut-off run stopped. */
export async function firstSync(deps: BootstrapDeps): Promise<FirstSync> {
  const db = await deps.db();
  // Every write to the attempts store in this worker, whatever its path (the background is the only writer).
  const writes = { seen: 0 };
  const unwatch = watchAllWrites(db.name, (write) => {
    if (write.store === 'attempts') writes.seen++;
  });
  try {
    return await readServer(deps, db, writes);
  } finally {
    unwatch();
  }
}

async function readServer(deps: BootstrapDeps, db: Db, writes: { seen: number }): Promise<FirstSync> {
  const began = performance.now();
  const limit = deps.pageSize ?? PAGE_SIZE;
  let progress: FirstSync | undefined = await deps.load();
  if (progress?.done) return progress;
  // Noted before anything is read: what the server gets from here on arrives through replication.
  // A first sync that begins here on a store without attempts keeps its tally of attempts in memory; a resumed one,
  // or one on a store that holds attempts, reads it from the store.
  const state: TallyState = { writes };
  if (!progress && (await db.count('attempts')) === 0) {
    state.tally = newTally();
    state.upTo = writes.seen;
  }
  if (!progress) {
    const info = await deps.server.info();
    progress = { since: info.update_seq, done: false, read: 0, refused: 0, ...(typeof info.doc_count === 'number' ? { total: info.doc_count } : {}) };
  }
  await deps.save(progress);
  type Page = Awaited<ReturnType<ServerReader['allDocs']>>;
  const page = (range: number, after: string | undefined): Promise<Page> =>
    deps.server.allDocs({ include_docs: true, conflicts: true, limit, ...RANGES[range], ...(after !== undefined ? { startkey: after } : {}) }).then((answer) => {
      // When the page was read and parsed (the bench sets it against the request's resource timing).
      try {
        performance.mark('paynudge-first:page');
      } catch {
        // No user timing here.
      }
      return answer;
    });
  let pages = 0;
  let untold = false;
  // A page is checked while the one before it is still being written (IndexedDB works beside this thread); its
  // progress is saved once it is written, and nothing further is asked or written before that.
  let writing: Promise<void> | undefined;
  const written = async () => {
    const w = writing;
    writing = undefined;
    await w;
  };
  for (let range = progress.range ?? 0; range < RANGES.length; range++) {
    await written();
    if (deps.stopped()) return progress;
    if (range === AFTER_ATTEMPTS && !progress.counted) {
      await settleCounts(await deps.db(), state);
      progress = { ...progress, counted: true };
      await deps.save(progress);
      untold = true;
    }
    // A resumed range goes on after the last id read; the next range starts at its beginning.
    let resumeAfter = progress.range === range ? progress.after : undefined;
    let next: Promise<Page> = page(range, resumeAfter);
    for (;;) {
      const waited = performance.now();
      const { rows }: Page = await next;
      spent('wait', waited);
      // startkey is inclusive: the id read last comes again first (skip=1 would skip another if it was deleted).
      const fresh: Page['rows'] = resumeAfter !== undefined && rows[0]?.id === resumeAfter ? rows.slice(1) : rows;
      if (!fresh.length) break;
      if (deps.stopped()) break;
      const after: string = fresh[fresh.length - 1]!.id;
      const last = rows.length < limit;
      // The next page is on its way while this one is checked and written.
      if (!last) {
        next = page(range, after);
        next.catch(() => undefined);
      }
      const docs = fresh.map((r) => r.doc).filter((d): d is ServerDoc => !!d);
      const { refused, incoming } = await checkPage(deps, docs);
      await written();
      if (deps.stopped()) break;
      writing = writePage(deps, incoming, state).then(async (count) => {
        progress = { ...progress!, range, after, read: progress!.read + docs.length, refused: progress!.refused + refused };
        await deps.save(progress);
        untold ||= count > 0;
        if (untold && pages++ % TELL_EVERY === 0) {
          deps.changed();
          untold = false;
        }
      });
      // Reported when awaited (written()), not as unhandled meanwhile.
      writing.catch(() => undefined);
      resumeAfter = after;
      if (last) break;
    }
  }
  await written();
  if (deps.stopped()) return progress;
  await buyersFromOrders(await deps.db(), state);
  await markCounted(await deps.db(), state);
  progress = { ...progress, done: true };
  await deps.save(progress);
  spent('whole', began);
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

/**
 * The attempts this first sync knows of, per order and per buyer: the counts on orders and buyers come from here,
 * so a new agent writes each attempt and each order once (a pull re-reads and re-writes the order and the buyer of
 * every attempt: five requests per record, and in Chrome a request costs about what writing a record does). It is
 * whole only while it accounts for every attempt stored (see tallyHolds); otherwise (a resumed first sync, attempts
 * held before, one logged meanwhile) it is read again from the store.
 */
interface Tally {
  total: number;
  perOrder: Map<string, { n: number; last: number }>;
  /** Each buyer's latest outbound attempt: their last reminder, which the daily limit per buyer reads. */
  perBuyer: Map<string, { at: number; orderKey: string }>;
}

const newTally = (): Tally => ({ total: 0, perOrder: new Map(), perBuyer: new Map() });

/** A first sync's tally, and the writes to the attempts store it knows of (see wholeTally). */
interface TallyState {
  tally?: Tally;
  /** Writes to the attempts store told in this worker since the first sync began (lib/store/changes.ts). */
  writes: { seen: number };
  /** `writes.seen` as the tally accounts for it. */
  upTo?: number;
}

/** The tally accounts for every stored attempt: every write to the attempts store since it was made is its own. */
const tallyHolds = (state: TallyState): state is TallyState & { tally: Tally } => state.tally !== undefined && state.upTo === state.writes.seen;

function tallyAdd(t: Tally, a: ContactAttempt) {
  t.total++;
  const o = t.perOrder.get(a.orderKey);
  if (!o) t.perOrder.set(a.orderKey, { n: 1, last: a.at });
  else {
    o.n++;
    if (a.at > o.last) o.last = a.at;
  }
  if (a.direction !== 'outbound') return;
  const b = t.perBuyer.get(a.buyerKey);
  if (!b || b.at < a.at) t.perBuyer.set(a.buyerKey, { at: a.at, orderKey: a.orderKey });
}

/** The tally of every stored attempt, read from the store (pages of read-only transactions, which wait for nobody). */
async function tallyFromStore(db: Db): Promise<Tally> {
  const t = newTally();
  await forEachAttemptPage(db, (page) => {
    for (const a of page) tallyAdd(t, a);
  });
  return t;
}

/** Time spent per step, as performance measures named `paynudge-first:<step>` (the bench adds them up). */
function spent(step: string, since: number) {
  try {
    performance.measure(`paynudge-first:${step}`, { start: since, end: performance.now() });
  } catch {
    // No user timing here: nothing to note.
  }
}

type Incoming = { store: StoreName; key: string; record: Rec; id: string; hash: string; legacy?: true };

/** Checks one page like an import: a refused document is reported and left out. */
async function checkPage(deps: BootstrapDeps, page: ServerDoc[]): Promise<{ refused: number; incoming: Incoming[] }> {
  let refused = 0;
  const t = performance.now();
  const incoming: Incoming[] = [];
  for (const raw of page) {
    const doc = raw._conflicts?.length ? await withConflicts(deps.server, raw) : raw;
    const parsed = parseIncoming(doc);
    if (parsed.kind === 'refused') {
      refused++;
      deps.refused(parsed.id, parsed.reason);
    } else if (parsed.kind === 'claim') deps.claim(parsed.claim);
    else if (parsed.kind === 'record') {
      const id = docId(parsed.store, parsed.key);
      incoming.push({ store: parsed.store, key: parsed.key, record: parsed.record, id, hash: contentHash(parsed.record), ...(parsed.legacy ? { legacy: true as const } : {}) });
    }
  }
  spent('check', t);
  return { refused, incoming };
}

/** Merges a checked page into the store by the pull's rules; how many records were written. */
async function writePage(deps: BootstrapDeps, incoming: Incoming[], state: TallyState): Promise<number> {
  if (!incoming.length) return 0;
  let t = performance.now();
  const db = await deps.db();
  const stored = await storedOf(db, incoming);
  spent('held', t);
  t = performance.now();
  const local: LocalEntry[] = [];
  // Not held here: written as they come (attempts added, orders with their counts), without the pull's reads.
  const freshAttempts: ContactAttempt[] = [];
  const freshOrders: Rec[] = [];
  const agreed = new Map<string, string>();
  for (const { store, key, record, id, hash, legacy } of incoming) {
    const mine = stored.get(`${store}\u0000${key}`);
    if (legacy) {
      // An earlier version's attempt document: a pack of one, merged into the order's (several may come in one page).
      if (!mine) freshAttempts.push(...(record.attempts as ContactAttempt[]));
      else local.push({ store, record: mergeShared(store, record, sharedForm(store, mine)), isNew: false });
      continue;
    }
    // What both sides agree on is the server's version: a merged value that differs from it is this browser's change to push.
    agreed.set(id, hash);
    if (!mine) {
      if (store === 'attempts') freshAttempts.push(...(record.attempts as ContactAttempt[]));
      else if (store === 'orders') freshOrders.push(record);
      else local.push({ store, record, isNew: true });
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
  spent('merge', t);
  t = performance.now();
  if (freshAttempts.length) await addAttempts(db, freshAttempts, state);
  spent('write:attempts', t);
  let w = performance.now();
  if (freshOrders.length) await putOrders(db, freshOrders, state);
  spent('write:orders', w);
  w = performance.now();
  // Held records (merged) and the other stores take the pull's write path; plans come after their orders ('plan:' > 'order:').
  await deps.writeLocal(local);
  spent('write:held', w);
  spent('write', t);
  t = performance.now();
  for (const [id, hash] of agreed) deps.known.set(id, hash);
  await deps.writeBase(agreed);
  spent('base', t);
  return local.length + freshAttempts.length + freshOrders.length;
}

/**
 * Attempts of orders whose pack is not held here, added in one transaction with the count of attempts the counts
 * account for (as a pull adds it): their orders are not held yet on a new agent (orders come after), so nothing else
 * is read or written; the counts on orders held before and on buyers are set once the attempts are all in
 * (settleCounts). One pack per order: a page of 10,000 documents is 10,000 writes, whatever the attempts in them.
 */
async function addAttempts(db: Db, attempts: ContactAttempt[], state: TallyState): Promise<void> {
  const tx = db.transaction(['attempts', 'settings'], 'readwrite');
  writeQuietly(unwrap(tx));
  // A pack made meanwhile (an attempt logged here) is read and added to, not written over.
  const added = await addAttemptsIn(tx.objectStore('attempts'), attempts);
  const settings = tx.objectStore('settings');
  const stats = (await settings.get(ATTEMPT_STATS_KEY))?.value as { counted?: number } | undefined;
  settled(settings.put({ key: ATTEMPT_STATS_KEY, value: { counted: (stats?.counted ?? 0) + added.length } }));
  await tx.done;
  if (!state.tally) return;
  for (const a of added) tallyAdd(state.tally, a);
  // One write per order's pack, all of them this first sync's own: a write from elsewhere meanwhile still shows.
  if (state.upTo !== undefined) state.upTo += new Set(added.map((a) => a.orderKey)).size;
}

/**
 * The tally, whole: it accounts for every attempt stored while every write to the attempts store since it was made
 * is its own (counting 500,000 attempts to check took 2.5–3 s each time, 30 s of a first sync). Else it is read
 * again from the store, as long as no write comes meanwhile.
 */
async function wholeTally(db: Db, state: TallyState): Promise<Tally> {
  for (;;) {
    if (tallyHolds(state)) return state.tally;
    const mark = state.writes.seen;
    const t = performance.now();
    const tally = await tallyFromStore(db);
    spent('tally', t);
    if (state.writes.seen === mark) {
      state.tally = tally;
      state.upTo = mark;
      return tally;
    }
  }
}

/**
 * Orders not held here, each written once with its attempts counted (a pull counts an arriving order from the
 * attempts stored: the same numbers). An attempt written since the tally was made reads the tally again first.
 */
async function putOrders(db: Db, orders: Rec[], state: TallyState): Promise<void> {
  for (;;) {
    const tally = await wholeTally(db, state);
    // An attempt written once this transaction exists waits for it, and counts itself on its order: only one written
    // before (since the tally was checked) makes it read again.
    const tx = db.transaction(['orders', 'attempts'], 'readwrite');
    writeQuietly(unwrap(tx));
    if (!tallyHolds(state)) {
      await tx.done;
      continue;
    }
    const store = tx.objectStore('orders');
    for (const record of orders) {
      const value = { ...record } as unknown as Order;
      const c = tally.perOrder.get(value.key);
      if (c) {
        value.attemptCount = c.n;
        value.lastAttemptAt = c.last;
      } else if ((value.attemptCount ?? 0) !== 0) value.attemptCount = 0;
      settled(store.put(value));
    }
    await tx.done;
    return;
  }
}

/**
 * Once every attempt is in: the counts on orders held here before and each reminded buyer's last reminder (the
 * daily limit per buyer), as a pull sets them; a reminded buyer without a record gets one, as a pull makes it.
 * One read and at most one write per order and buyer concerned, instead of one per attempt page.
 */
async function settleCounts(db: Db, state: TallyState): Promise<void> {
  const t = performance.now();
  const tally = await wholeTally(db, state);
  const tx = db.transaction(['orders', 'buyers'], 'readwrite');
  writeQuietly(unwrap(tx));
  const orderKeys = [...new Set([...tally.perOrder.keys(), ...[...tally.perBuyer.values()].map((b) => b.orderKey)])];
  const buyerKeys = [...tally.perBuyer.keys()];
  const [orders, buyers] = await Promise.all([heldOf(tx.objectStore('orders'), orderKeys), heldOf(tx.objectStore('buyers'), buyerKeys)]);
  for (const [key, o] of orders) {
    const c = tally.perOrder.get(key);
    if (!c || (o.attemptCount === c.n && o.lastAttemptAt === c.last)) continue;
    settled(tx.objectStore('orders').put({ ...o, attemptCount: c.n, lastAttemptAt: c.last }));
  }
  for (const [key, { at, orderKey }] of tally.perBuyer) {
    const buyer = buyers.get(key) ?? remindedBuyerOf(key, orders.get(orderKey), at);
    if (!buyer || (buyer.lastRemindedAt ?? 0) >= at) continue;
    settled(tx.objectStore('buyers').put({ ...buyer, lastRemindedAt: at }));
  }
  await tx.done;
  spent('settle', t);
}

/**
 * At the end, the counts on orders and buyers are known to account for every stored attempt when the tally is whole
 * and the attempts the counts account for are as many: the next check (lib/store/buyers.ts attemptStatsStale) would
 * count 500,000 index entries to find the same (3 s, while the new agent's panel opens). Marked checked instead.
 */
async function markCounted(db: Db, state: TallyState): Promise<void> {
  if (!state.tally) return;
  // An attempt written once this transaction exists waits for it; one written before since the tally was made leaves
  // the mark to the next check.
  const tx = db.transaction(['attempts', 'settings'], 'readwrite');
  writeQuietly(unwrap(tx));
  if (tallyHolds(state)) {
    const settings = tx.objectStore('settings');
    const stats = (await settings.get(ATTEMPT_STATS_KEY))?.value as AttemptStats | undefined;
    if (stats && !stats.checked && stats.counted === state.tally.total) settled(settings.put({ key: ATTEMPT_STATS_KEY, value: { counted: stats.counted, checked: true } }));
  }
  await tx.done;
}

/**
 * After the orders: a reminded buyer with no record on the server got one from the key alone (settleCounts: their
 * order was not here yet); now that it is, the record is made from it, as a pull that had the order first makes it
 * (their name, and first seen when the order was). Only a record still exactly as it was made is replaced.
 */
async function buyersFromOrders(db: Db, state: TallyState): Promise<void> {
  const t = performance.now();
  const tally = await wholeTally(db, state);
  const tx = db.transaction(['orders', 'buyers'], 'readwrite');
  writeQuietly(unwrap(tx));
  const buyers = await heldOf(tx.objectStore('buyers'), [...tally.perBuyer.keys()]);
  const madeFromKey = [...tally.perBuyer].filter(([key, { at }]) => {
    const held = buyers.get(key);
    const made = remindedBuyerOf(key, undefined, at);
    return held && made && contentHash(held as unknown as Rec) === contentHash({ ...made, lastRemindedAt: at });
  });
  const orders = await heldOf(tx.objectStore('orders'), madeFromKey.map(([, { orderKey }]) => orderKey));
  for (const [key, { at, orderKey }] of madeFromKey) {
    const order = orders.get(orderKey);
    if (order && buyerKey(order.platform, order.buyer.nick) === key) settled(tx.objectStore('buyers').put({ ...newBuyerOf(order, at), lastRemindedAt: at }));
  }
  await tx.done;
  spent('settle', t);
}

/** The records held among `keys` (a key-range read when many are asked, as most of a range are). */
async function heldOf<S extends 'orders' | 'buyers'>(
  store: IDBPObjectStore<PayNudgeDB, ('orders' | 'buyers')[], S, 'readwrite'>,
  keys: string[],
): Promise<Map<string, PayNudgeDB[S]['value']>> {
  const out = new Map<string, PayNudgeDB[S]['value']>();
  if (!keys.length) return out;
  const wanted = new Set(keys);
  if (keys.length < READ_MANY_FROM) {
    const got = await Promise.all(keys.map((k) => store.get(k)));
    keys.forEach((k, i) => got[i] && out.set(k, got[i]!));
    return out;
  }
  const sorted = [...keys].sort();
  for (const r of await store.getAll(IDBKeyRange.bound(sorted[0]!, sorted[sorted.length - 1]!))) {
    const key = (r as { key: string }).key;
    if (wanted.has(key)) out.set(key, r);
  }
  return out;
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
