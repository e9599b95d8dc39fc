// The ranked queue of orders with money to collect, kept in memory between
// requests: the panel's first render, its paging and filtering, the badge and
// the shortcut all read the same ranking instead of every one of them reading
// every open order from IndexedDB again.
//
// Validity: a write through the background calls invalidateQueues() (see
// createBackground's changed), and every write this context makes to the
// orders, buyers or the cadence setting (page reads, sync's quiet writes, the
// recount, the clean-up: lib/store/changes.ts sees them all) makes the next
// request read the store again; the badge's recount (and its minute tick)
// reads it afresh. Verdicts depend on the time: the ranking is redone when it
// is older than RANK_FRESH_MS, from the cached reads; only then are the unpaid
// orders counted, for writes made outside this context (PayNudge makes none:
// the background is the single writer; a bench seeding from a page does).
import type { TabContext } from '../messaging/protocol';
import { buyerKey, PLATFORMS, type Buyer, type Order } from '../orders/model';
import { sumByCurrency, type Money } from '../orders/money';
import { evaluateCadence, isActionable } from '../reminders/cadence';
import {
  facetsOf,
  focusOnTab,
  hasMoneyToCollect,
  searchText,
  windowOf,
  type QueueEntry,
  type QueueFacets,
  type QueueFilter,
  type QueueWindow,
} from '../reminders/queue';
import { normalisedValue, rankScore, stateOrder } from '../reminders/rank';
import { CADENCE_KEY, readCadence, type CadenceSettings } from '../reminders/settings';
import { attemptStatsStale, ensureAttemptStats, getAllBuyers } from '../store/buyers';
import { keptAwake } from './keep-awake';
import type { Db } from '../store/db';
import { dueOf, listOpenOrders } from '../store/orders';
import { SAVED_QUEUE, WAKING_READ_KEPT_MS } from './saved';
import { markOnce } from './marks';
import { watchAllWrites } from '../store/changes';

const HOUR = 3_600_000;
/** How long a ranking (verdicts, scores, time-based tags) is reused before it is redone for the current time. */
export const RANK_FRESH_MS = 30_000;

/** Tags the queue can filter by: what we derive from the order, plus the person's own labels on the buyer. */
function tagsFor(order: Order, buyer: Buyer | undefined, returning: boolean, now: number): string[] {
  const tags = [returning ? 'returning' : 'new'];
  if (normalisedValue(order.dueMinor ?? order.amount.minor, order.amount.currency) >= 1000) tags.push('big');
  if (order.autoCloseAt !== undefined && order.autoCloseAt - now < 6 * HOUR) tags.push('closing');
  if ((order.attemptCount ?? 0) > 0) tags.push('contacted');
  for (const tag of buyer?.tags ?? []) tags.push(`#${tag}`);
  return tags;
}

/** What the store holds for the queue: read once per change. */
interface QueueReads {
  orders: Order[];
  buyers: Map<string, Buyer>;
  cadence: CadenceSettings;
  /** Each order's search text, by key. */
  texts: SearchTexts;
}

/** Each order's search text by order key, made at the first search: most answers search nothing. */
type SearchTexts = Pick<ReadonlyMap<string, string>, 'get'>;

function searchTexts(orders: readonly Order[]): SearchTexts {
  let texts: Map<string, string> | undefined;
  return { get: (key) => (texts ??= new Map(orders.map((o) => [o.key, searchText(o)]))).get(key) };
}

/** The queue ranked at one moment, without a bound tab. */
export interface RankedQueue {
  at: number;
  entries: QueueEntry[];
  facets: QueueFacets;
  texts: SearchTexts;
}

interface CacheSlot {
  generation: number;
  /** This context's writes to the queue's stores when read (writesOf). */
  writes: number;
  /** When the store was read. */
  readAt: number;
  /** Orders in the store, counted once the read is done: a bulk write from another context changes it. */
  orderCount: Promise<number>;
  /** The store's queue as read: what an answer is made from. */
  reads: Promise<QueueReads>;
  /** The same once the attempt counts are known to be current (rebuilt and read again when they were stale). */
  checked: Promise<{ reads: QueueReads; rebuilt: boolean }>;
  /** A listener is told when `checked` rebuilt the counts (or found the saved queue outdated). */
  told?: boolean;
  /** Made from the queue a stopped worker saved; `checked` reads the store behind it. */
  restored?: boolean;
  ranked?: RankedQueue;
}

let generation = 0;
const caches = new WeakMap<Db, CacheSlot>();
/** Stores whose attempt counts are being rebuilt: that transaction holds the orders store for a while. */
const recounting = new WeakSet<Db>();

/** Writes this context made to what the queue reads, per database name. */
const written = new Map<string, { n: number }>();

/**
 * How many writes this context has made to the stores the queue reads: the orders (their attempt counts and
 * follow-ups included), the buyers and the cadence settings. A counter read per request instead of a count of the
 * orders store (a walk of every key: 50,000 in a big shop's year, 0.1-1.5 s) on every request.
 */
function writesOf(db: Pick<Db, 'name'>): number {
  let counter = written.get(db.name);
  if (!counter) {
    const created = { n: 0 };
    watchAllWrites(db.name, (write) => {
      if (write.store === 'orders' || write.store === 'buyers' || (write.store === 'settings' && ('all' in write || write.key === CADENCE_KEY))) {
        created.n++;
        forgetSaved();
      }
    });
    written.set(db.name, (counter = created));
  }
  return counter.n;
}

/** Stored data changed: every cached queue is read again on next use. */
export function invalidateQueues(): void {
  generation++;
  forgetSaved();
}

// ---- the queue a waking worker starts from ----

/**
 * What the queue read, saved for the next worker (Chrome stops an idle one after 30 s) in the worker's
 * CacheStorage (no permission; a put fetches nothing). Saved a moment after a read when nothing was written
 * since, and removed at the first write after (every write path of this context, lib/store/changes.ts, and every
 * change told through the background), so a worker that wakes finds it only when nothing was written since. Its
 * first answer is ranked from it at the current time instead of reading 5,000 open orders and every buyer
 * record first; the store is read right behind that answer, and if it differs the panel is told and asks again.
 */
const savedQueue = SAVED_QUEUE;
/** After a read, the queue is saved once this long has passed with nothing written. */
export const SAVE_DELAY_MS = 2_000;
/** The store read behind a waking answer starts this long after it, so the answer's ranking goes first. */
const VERIFY_DELAY_MS = 50;

interface SavedReads {
  /** The database it was read from. */
  db: string;
  orders: Order[];
  buyers: Buyer[];
  cadence: CadenceSettings;
}

/** A worker starts not knowing whether a saved queue exists: its first write removes it either way. */
let savedMaybe = true;
/** The body saved last (not saved again while the same). */
let savedBody: string | undefined;
/** Looked for once per worker, at its first queue request. */
let restoreTried = false;

/**
 * Starts reading the queue a stopped worker saved, as this worker starts: before the request that woke it is
 * handled and while the database opens (a big shop's saved queue is ~3 MB of text: 30-150 ms from disk here).
 * Nothing is parsed or ranked until a request asks for the queue.
 */
export function prefetchSavedQueue(): void {
  // A text nobody asks for is let go after a while (a worker woken by an alarm or a page read). The background's
  // entrypoint starts this read before the modules are set up (./started.ts); this call then finds it started.
  if (!restoreTried) savedQueue.prefetch(WAKING_READ_KEPT_MS);
}

function forgetSaved(): void {
  // Looked for only before the first write: a queue restored after it could be older than it.
  restoreTried = true;
  savedBody = undefined;
  if (!savedMaybe) return;
  savedMaybe = false;
  savedQueue.remove();
}

/** The reads as saved: the open orders, the buyers of those orders, the cadence settings. */
function bodyOf(db: Pick<Db, 'name'>, reads: QueueReads): string {
  const buyers: Buyer[] = [];
  const seen = new Set<string>();
  for (const order of reads.orders) {
    const key = buyerKey(order.platform, order.buyer.nick);
    const buyer = reads.buyers.get(key);
    if (buyer && !seen.has(key)) {
      seen.add(key);
      buyers.push(buyer);
    }
  }
  return JSON.stringify({ db: db.name, orders: reads.orders, buyers, cadence: reads.cadence } satisfies SavedReads);
}

function saveLater(db: Db, slot: CacheSlot): void {
  if (!savedQueue.available()) return;
  const current = () => caches.get(db) === slot && slot.generation === generation && slot.writes === writesOf(db);
  setTimeout(() => {
    if (!current()) return;
    slot.checked.then(({ reads, rebuilt }) => {
      if (rebuilt || !current()) return;
      const body = bodyOf(db, reads);
      if (body === savedBody) return;
      savedBody = body;
      savedMaybe = true;
      savedQueue.put(body);
    }, () => undefined);
  }, SAVE_DELAY_MS);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Shape-checked: what the queue reads of each record (it is stored data, written by this extension). */
function isSavedReads(x: unknown): x is SavedReads {
  if (!isObject(x) || typeof x.db !== 'string' || !Array.isArray(x.orders) || !Array.isArray(x.buyers)) return false;
  const orderFine = (o: unknown) =>
    isObject(o) &&
    typeof o.key === 'string' &&
    typeof o.orderId === 'string' &&
    (PLATFORMS as readonly unknown[]).includes(o.platform) &&
    isObject(o.buyer) &&
    typeof o.buyer.nick === 'string' &&
    isObject(o.amount) &&
    Number.isSafeInteger(o.amount.minor) &&
    typeof o.amount.currency === 'string' &&
    o.status === 'unpaid' &&
    Array.isArray(o.items);
  const buyerFine = (b: unknown) => isObject(b) && typeof b.key === 'string' && Array.isArray(b.paidOrderKeys) && (b.tags === undefined || Array.isArray(b.tags));
  return x.orders.every(orderFine) && x.buyers.every(buyerFine);
}

/** The queue a stopped worker saved, if there is one and nothing was written since. */
async function restoreSaved(db: Pick<Db, 'name'>): Promise<{ reads: QueueReads; body: string } | undefined> {
  // Started as the worker started, when it was (prefetchSavedQueue): taken, not read again.
  const body = await savedQueue.read();
  markOnce(body === undefined ? 'queue-none-saved' : 'queue-saved-read');
  if (body === undefined) return undefined;
  try {
    const kept: unknown = JSON.parse(body);
    markOnce('queue-saved-parsed');
    if (!isSavedReads(kept) || kept.db !== db.name || generation !== 0 || writesOf(db) !== 0) return undefined;
    const { orders } = kept;
    const reads: QueueReads = {
      orders,
      buyers: new Map(kept.buyers.map((b) => [b.key, b])),
      cadence: readCadence(kept.cadence),
      texts: searchTexts(orders),
    };
    markOnce('queue-restored');
    return { reads, body };
  } catch {
    return undefined;
  }
}

/**
 * A slot made from the saved queue: answered from at once, the store read behind it and compared. `opening` may still
 * be on its way (a waking worker's database open): only the read behind the answer waits for it.
 */
function restoredSlot(name: string, opening: Promise<Db>, saved: { reads: QueueReads; body: string }, now: number): CacheSlot {
  const behind = new Promise<void>((resolve) => setTimeout(resolve, VERIFY_DELAY_MS)).then(() => opening).then((db) => readFresh(db));
  const checked = behind
    .then((fresh) => fresh.checked)
    .then((current) => {
      if (!current.rebuilt && bodyOf({ name }, current.reads) === saved.body) return { reads: saved.reads, rebuilt: false };
      // Not what the store holds (a write the last worker did not live to remove it for): read again and tell.
      invalidateQueues();
      return { reads: current.reads, rebuilt: true };
    });
  checked.catch(() => undefined);
  savedBody = saved.body;
  savedMaybe = true;
  return {
    generation,
    writes: writesOf({ name }),
    readAt: now,
    orderCount: checked.then(() => opening).then((db) => countUnpaid(db)),
    reads: Promise.resolve(saved.reads),
    checked,
    restored: true,
  };
}

/**
 * The unpaid orders stored (the queue's orders are among them): compared when the ranking is redone, for writes
 * made outside this context. Counted through the status index: a count walks what it counts, and a big shop's
 * year holds 50,000 orders (50-100 ms to count) of which about 5,000 are unpaid.
 */
function countUnpaid(db: Db): Promise<number> {
  return db.countFromIndex('orders', 'by-status', 'unpaid');
}

async function readQueue(db: Db): Promise<QueueReads> {
  const [orders, buyers, setting] = await Promise.all([listOpenOrders(db), getAllBuyers(db), db.get('settings', CADENCE_KEY)]);
  // A staged order with every stage paid has nothing left to collect: not a queue row.
  const open = orders.filter(hasMoneyToCollect);
  markOnce('queue-store-read');
  return { orders: open, buyers, cadence: readCadence(setting?.value), texts: searchTexts(open) };
}

/** Verdicts, scores and tags at `now`, in queue order (no tab). */
export function rank(reads: Pick<QueueReads, 'orders' | 'buyers' | 'cadence'>, now: number): QueueEntry[] {
  const { orders, buyers, cadence } = reads;
  const entries: QueueEntry[] = new Array(orders.length);
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    const buyer = buyers.get(buyerKey(order.platform, order.buyer.nick));
    const returning = (buyer?.paidOrderKeys.length ?? 0) > 0;
    const attempts = order.attemptCount ?? 0;
    const verdict = evaluateCadence({ order, buyer, attempts, lastAttemptAt: order.lastAttemptAt }, cadence, now);
    entries[i] = {
      order,
      attempts,
      onTab: false,
      chatting: false,
      returning,
      ...(order.dueMinor !== undefined ? { dueMinor: order.dueMinor } : {}),
      verdict,
      score: rankScore({ amountMinor: order.dueMinor ?? order.amount.minor, currency: order.amount.currency, autoCloseAt: order.autoCloseAt, attempts, returning }, now),
      tags: tagsFor(order, buyer, returning, now),
    };
  }
  return sortedForQueue(entries);
}

/**
 * The entries in compareQueue's order (no tab: by state, the soonest free among waiting ones, then score), each
 * compared by keys worked out once: two objects made per comparison were most of a waking worker's ranking time
 * (5,000 orders: ~60,000 comparisons).
 */
function sortedForQueue(entries: QueueEntry[]): QueueEntry[] {
  // Keeps compareQueue's order exactly (lib/background/queue-rank.test.ts); a stable sort of indices, as the
  // entries' own sort was.
  const n = entries.length;
  const group = new Float64Array(n);
  const until = new Float64Array(n);
  const score = new Float64Array(n);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    group[i] = stateOrder(e.verdict.state);
    until[i] = e.verdict.until ?? 0;
    score[i] = e.score;
    order[i] = i;
  }
  const waiting = stateOrder('wait');
  order.sort((a, b) => group[a]! - group[b]! || (group[a] === waiting && group[b] === waiting ? until[a]! - until[b]! : 0) || score[b]! - score[a]!);
  return order.map((i) => entries[i]!);
}

export interface QueueOptions {
  /** Called when attempt counts that were stale have been rebuilt behind the answer. */
  onStatsRebuilt?: () => void;
  /** Read the store again even if the cached reads look valid (the badge's recount after a change). */
  fresh?: boolean;
}

/**
 * Reads the store for the queue, then checks whether the attempt counts are stale (an import, data from an older
 * version). The check counts the attempts store, which a waking worker would otherwise pay for before its first
 * answer (500,000 keys in a big shop's year): it starts once the queue is read, so an answer can leave without it.
 * Stale counts are rebuilt and the queue read again; `checked` settles with that.
 */
function readFresh(db: Db): Pick<CacheSlot, 'reads' | 'checked'> {
  const reads = readQueue(db);
  const checked = reads.then(async (first) => {
    if (!(await attemptStatsStale(db))) return { reads: first, rebuilt: false };
    recounting.add(db);
    try {
      // A big shop's recount takes minutes: the worker must not be stopped halfway and start over.
      const changed = await keptAwake(ensureAttemptStats(db));
      if (!changed) return { reads: first, rebuilt: false };
      invalidateQueues();
      return { reads: await readQueue(db), rebuilt: true };
    } finally {
      recounting.delete(db);
    }
  });
  // Nobody may wait for the check (every caller answered from `reads`): its failure is not unhandled.
  checked.catch(() => undefined);
  return { reads, checked };
}

/**
 * The ranked queue at `now`, from the cache when it is still valid: nothing written through the
 * background since (generation), no write to the queue's stores in this context (writesOf), and,
 * once the ranking is due to be redone, as many orders in the store as when it was read.
 */
export async function rankedQueue(db: Db, now: number, options: QueueOptions = {}): Promise<RankedQueue> {
  return rankedFrom(await currentSlot(db, now, options), now, options);
}

/**
 * The open orders as rankedQueue reads them (the same cache, the same checks that they are current), without
 * ranking them: for answers that count and sum the orders but show no verdict or order (the popup). Ranking a big
 * shop's 5,000 orders costs 60-130 ms, redone whenever the last ranking is RANK_FRESH_MS old: a popup opened a
 * minute after the last answer waited for it. `texts` is the read's identity, as in RankedQueue.
 */
export async function queueReads(db: Db, now: number, options: QueueOptions = {}): Promise<Pick<QueueReads, 'orders' | 'texts'>> {
  const slot = await currentSlot(db, now, options);
  if (!options.onStatsRebuilt) return (await slot.checked).reads;
  tellOnRebuilt(slot, options.onStatsRebuilt);
  return slot.reads;
}

/** Tells `tell` once when the slot's counts turn out stale and are rebuilt behind the answers made from it. */
function tellOnRebuilt(slot: CacheSlot, tell: () => void): void {
  if (slot.told) return;
  slot.told = true;
  void slot.checked.then(({ rebuilt }) => rebuilt && tell(), () => undefined);
}

/** The cache slot for `db`, read again first when it is not current. */
async function currentSlot(db: Db, now: number, options: QueueOptions): Promise<CacheSlot> {
  let slot = caches.get(db);
  const writes = writesOf(db);
  // While the counts are rebuilt (the rebuild writes the orders in slices), answer from memory: the
  // rebuild ends in invalidateQueues() and the panel is told to ask again.
  const recount = recounting.has(db);
  let mustRead = options.fresh || !slot || slot.generation !== generation || (!recount && slot.writes !== writes);
  // Writes from another context are not seen: the count is compared when the ranking is redone anyway.
  if (!mustRead && !recount && now - slot!.readAt >= RANK_FRESH_MS) {
    const [before, count] = await Promise.all([slot!.orderCount.catch(() => -1), countUnpaid(db)]);
    mustRead = before !== count;
    if (!mustRead) slot!.readAt = now;
  }
  if (mustRead && !slot && !options.fresh && !restoreTried) {
    restoreTried = true;
    const saved = await restoreSaved(db);
    if (saved && !caches.get(db) && generation === 0 && writesOf(db) === 0) {
      slot = restoredSlot(db.name, Promise.resolve(db), saved, now);
      caches.set(db, slot);
      mustRead = false;
    } else slot = caches.get(db);
    mustRead = !slot || slot.generation !== generation;
  }
  if (mustRead) {
    const fresh = readFresh(db);
    slot = { generation, writes, readAt: now, orderCount: fresh.reads.then(() => countUnpaid(db)), ...fresh };
    caches.set(db, slot);
    // A failed read is not kept.
    const failed = slot;
    slot.checked.catch(() => caches.get(db) === failed && caches.delete(db));
    slot.orderCount.catch(() => caches.get(db) === failed && caches.delete(db));
    saveLater(db, slot);
  }
  return slot!;
}

/** The ranking at `now` from a slot: its reads (or, without a listener, its checked reads), ranked once per RANK_FRESH_MS. */
async function rankedFrom(slot: CacheSlot, now: number, options: QueueOptions): Promise<RankedQueue> {
  let reads: QueueReads;
  if (options.onStatsRebuilt) {
    // Answer from the queue as read; stale counts are rebuilt behind the answer and the listener told.
    tellOnRebuilt(slot, options.onStatsRebuilt);
    reads = await slot.reads;
  } else {
    // Without a listener (the badge, the shortcut): wait for current counts.
    const checked = await slot.checked;
    if (checked.rebuilt) {
      // Read after the rebuild, for a slot already outdated by it: ranked for this answer, not kept.
      const entries = rank(checked.reads, now);
      return { at: now, entries, facets: facetsOf(entries), texts: checked.reads.texts };
    }
    reads = checked.reads;
  }
  const ranked = slot.ranked;
  if (ranked && now >= ranked.at && now - ranked.at < RANK_FRESH_MS) return ranked;
  const entries = rank(reads, now);
  markOnce('queue-ranked');
  const next: RankedQueue = { at: now, entries, facets: facetsOf(entries), texts: reads.texts };
  slot.ranked = next;
  return next;
}

/**
 * Every order with money to collect, with its cadence verdict and rank, in
 * queue order: the open chat's buyer, then the bound tab's orders, then by
 * state and score. The entries are shared with the cache: read, don't change.
 */
export async function buildQueue(db: Db, now: number, tab: TabContext, options: QueueOptions = {}): Promise<QueueEntry[]> {
  const { entries } = await rankedQueue(db, now, options);
  return focusOnTab(entries, tab).slice();
}

export type ClaimFilter = 'all' | 'mine' | 'unclaimed';

export interface QueueQuery {
  offset?: number;
  limit?: number;
  /** When more rows pass than `limit`, only this many are sent (a windowed list shows only those at first). */
  screen?: number;
  filter?: QueueFilter & { claim?: ClaimFilter };
}

/** Who of the team is on which order now (team sync's soft claims); nobody while sync is off. */
export type ClaimSource = () => { me?: string; claims: readonly { orderKey: string; agent: string }[] };
let claimSource: ClaimSource = () => ({ claims: [] });
let claimsKnown: () => Promise<void> = async () => undefined;

/** The background's sync engine tells the queue whose claims are current; `known` resolves once a waking worker has read them. */
export function setClaimSource(source: ClaimSource, known: () => Promise<void> = async () => undefined): void {
  claimSource = source;
  claimsKnown = known;
}

/** The whole queue kept to one agent's orders or to the orders nobody is on; unchanged without a team (sync off). */
function byClaim(entries: readonly QueueEntry[], filter: ClaimFilter | undefined): readonly QueueEntry[] {
  if (!filter || filter === 'all') return entries;
  const { me, claims } = claimSource();
  if (!me) return entries;
  const agentOf = new Map(claims.map((c) => [c.orderKey, c.agent]));
  return entries.filter((e) => (filter === 'mine' ? agentOf.get(e.order.key) === me : !agentOf.has(e.order.key)));
}

/** Rows a list request gets when it names no limit. */
export const DEFAULT_LIMIT = 300;

/** One window of the panel's queue: slim rows, the filtered and full counts, facets for the filter controls. */
export async function queueWindow(
  db: Db,
  now: number,
  /** May still be on its way (asking the tab's content script): the queue is read meanwhile. */
  tabContext: TabContext | Promise<TabContext>,
  query: QueueQuery,
  options: QueueOptions = {},
): Promise<QueueWindow & { facets: QueueFacets; tab: TabContext }> {
  return windowFrom(rankedQueue(db, now, options), tabContext, query);
}

/**
 * queueWindow for a worker whose database may still be opening: the first request of a waking worker is answered
 * from the queue the last worker saved without waiting for the open (in a big shop's year the open waited seconds
 * behind what the stopped worker left running in the database, and the saved queue needs none of it); the store is
 * read behind the answer once open, as for any restored queue. Any other request waits for the open.
 */
export async function queueWindowOpening(
  opening: Promise<Db>,
  /** The database's name, which the saved queue must name. */
  name: string,
  now: number,
  tabContext: TabContext | Promise<TabContext>,
  query: QueueQuery,
  options: QueueOptions = {},
): Promise<QueueWindow & { facets: QueueFacets; tab: TabContext }> {
  if (!restoreTried && !options.fresh && generation === 0 && writesOf({ name }) === 0) {
    restoreTried = true;
    const saved = await restoreSaved({ name });
    if (saved && generation === 0 && writesOf({ name }) === 0) {
      const slot = restoredSlot(name, opening, saved, now);
      // Kept for the database once open, unless a request that waited for the open read it meanwhile (it cannot:
      // restoreTried is set, and a write since makes the slot outdated anyway).
      void opening.then((db) => void (caches.get(db) ?? caches.set(db, slot)), () => undefined);
      return windowFrom(rankedFrom(slot, now, options), tabContext, query);
    }
  }
  return queueWindow(await opening, now, tabContext, query, options);
}

async function windowFrom(
  ranking: Promise<RankedQueue>,
  tabContext: TabContext | Promise<TabContext>,
  query: QueueQuery,
): Promise<QueueWindow & { facets: QueueFacets; tab: TabContext }> {
  const { claim, ...filter } = query.filter ?? {};
  // 'mine' and 'unclaimed' need to know who this agent is: a worker just woken reads that meanwhile.
  const [ranked, tab] = await Promise.all([ranking, tabContext, claim && claim !== 'all' ? claimsKnown() : undefined]);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const window = windowOf(byClaim(focusOnTab(ranked.entries, tab), claim), ranked.texts, filter, query.offset ?? 0, limit);
  const rows = query.screen !== undefined && window.total > limit ? window.rows.slice(0, query.screen) : window.rows;
  return { ...window, rows, all: ranked.entries.length, facets: ranked.facets, tab };
}

/** How many of the queue's orders have money to collect, and how much per currency (what is due on each: dueOf). */
export function summaryOf(orders: readonly Order[]): { count: number; totals: Money[] } {
  return { count: orders.length, totals: sumByCurrency(orders.map(dueOf)) };
}

/** Orders with money to collect and how much per currency (the popup), from the same cached queue: counted and summed, not ranked. */
export async function queueSummary(db: Db, now: number): Promise<{ count: number; totals: Money[] }> {
  return summaryOf((await queueReads(db, now)).orders);
}

/** Orders to act on now (remind now + due follow-ups): the toolbar badge. Reads the store afresh. */
export async function actionableCount(db: Db, now: number): Promise<number> {
  const { entries } = await rankedQueue(db, now, { fresh: true });
  let n = 0;
  for (const e of entries) if (isActionable(e.verdict)) n++;
  return n;
}
