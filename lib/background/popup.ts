// The popup's numbers: how many orders have money to collect and how much,
// the five closing soonest, stages outstanding and follow-ups due. Taken from
// the ranked queue the background keeps in memory for the panel (see
// ./queue.ts), so opening the popup reads no order from IndexedDB while the
// background is awake, and a waking background reads the open orders once
// for both. Nothing here walks the paid and closed history: a big shop's
// year (50,000 orders, 500,000 attempts) costs what its open orders cost.
//
// The answer is also kept (popupAnswer): it is made by the badge's recount
// after every change and every minute, so an awake background answers a popup
// from memory, without even the queue's key count. It holds until a write to
// the stores it is made of; what depends on the time (which follow-ups are
// due) is worked out again for every answer from what was read.
import type { DataResponses, DueFollowUp, UrgentOrder } from '../messaging/data';
import { PLATFORMS, type Order } from '../orders/model';
import type { Db } from '../store/db';
import { attemptsFollowingUp } from '../store/attempts';
import { watchAllWrites } from '../store/changes';
import { outstandingByCurrency } from '../store/milestones';
import { queueReads, summaryOf } from './queue';
import { SAVED_POPUP } from './saved';
import { markOnce } from './marks';

export const URGENT_LIMIT = 5;
/** Follow-ups the popup lists (a big shop can have thousands due: they are counted, and the panel lists them). */
export const FOLLOW_UP_LIMIT = 10;
const FIRST_SEEN_MARGIN_MS = 7 * 86_400_000;

type PopupSummary = DataResponses['popup/summary'];

/** Soonest deadline first, then the bigger sum (the order listOpenOrders keeps). */
const closingFirst = (a: Order, b: Order) =>
  (a.autoCloseAt ?? Number.MAX_SAFE_INTEGER) - (b.autoCloseAt ?? Number.MAX_SAFE_INTEGER) || b.amount.minor - a.amount.minor;

/** The `n` first of `orders` by closingFirst, without sorting them all. */
export function closingSoonest(orders: Iterable<Order>, n: number): Order[] {
  const top: Order[] = [];
  for (const order of orders) {
    if (top.length === n && closingFirst(order, top[n - 1]!) >= 0) continue;
    let i = Math.min(top.length, n - 1);
    while (i > 0 && closingFirst(order, top[i - 1]!) < 0) i--;
    top.splice(i, 0, order);
    if (top.length > n) top.pop();
  }
  return top;
}

/** The follow-ups due at any later time, for the same stored data. */
export type FollowUpsAt = (now: number) => DueFollowUp[];

/** What one open order's follow-ups are worked out from (only orders with a plan or a promise have one). */
export interface FollowUpInput {
  key: string;
  buyer: string;
  amount: Order['amount'];
  /** The order's own plan, if any. */
  plan?: { at: number; attemptId?: string };
  /** The order has held a plan that a later contact cleared (the key is there, empty). */
  planKey: boolean;
  lastAttemptAt?: number;
  /** Its attempts' follow-up times, latest first (equal times in index order). */
  times: { at: number; attemptId: string }[];
}

/**
 * Follow-ups on orders with money to collect: the plan on the order (order.followUp), or the follow-up time
 * an attempt's outcome set, unless a later contact answered it. An attempt about an order comes after the
 * order was first seen, so only attempts with a follow-up time since the oldest open order appeared are read:
 * the index range, not a year of promises already kept. Later follow-up times are read too, so what is read
 * now gives the right answer at any later time, as long as nothing is written.
 */
export async function followUpInputs(
  db: Db,
  now: number,
  open: ReadonlyMap<string, Order>,
  readTimes: (db: Db, since: number) => Promise<FollowUpTimes> = readFollowUpTimes,
): Promise<FollowUpInput[]> {
  if (open.size === 0) return [];
  let since = now;
  for (const order of open.values()) since = Math.min(since, order.firstSeenAt, order.createdAt ?? order.firstSeenAt);
  // A week's margin for clocks and for an order another agent saw (and followed up) before this browser did.
  since -= FIRST_SEEN_MARGIN_MS;
  const times = await readTimes(db, since);
  const inputs: FollowUpInput[] = [];
  for (const order of open.values()) {
    // (Times read from an earlier, lower bound are cut to this one: the same as a read from here.)
    const list = times.get(order.key)?.filter((entry) => entry.at >= since);
    if (!list?.length && !order.followUp) continue;
    inputs.push({
      key: order.key,
      buyer: order.buyer.displayName ?? order.buyer.nick,
      amount: order.amount,
      ...(order.followUp ? { plan: { at: order.followUp.at, ...(order.followUp.attemptId !== undefined ? { attemptId: order.followUp.attemptId } : {}) } } : {}),
      planKey: 'followUp' in order,
      ...(order.lastAttemptAt !== undefined ? { lastAttemptAt: order.lastAttemptAt } : {}),
      // The index gives them oldest first; the sort is stable, so equal times stay in index order.
      times: (list ?? []).sort((x, y) => y.at - x.at),
    });
  }
  return inputs;
}

/** Attempts' follow-up times by order (every order, open or not), oldest first as the index gives them. */
export type FollowUpTimes = ReadonlyMap<string, readonly { at: number; attemptId: string }[]>;

/** Every attempt's follow-up time from `since` on (the index range, not a year of promises already kept). */
export async function readFollowUpTimes(db: Db, since: number): Promise<FollowUpTimes> {
  const times = new Map<string, { at: number; attemptId: string }[]>();
  for (const a of await attemptsFollowingUp(db, since)) {
    const entry = { at: a.followUpAt!, attemptId: a.id };
    const list = times.get(a.orderKey);
    if (list) list.push(entry);
    else times.set(a.orderKey, [entry]);
  }
  return times;
}

/** Soonest first; at the same time, by order key (one order has one follow-up). */
export const soonestFollowUp = (x: DueFollowUp, y: DueFollowUp) => x.followUpAt - y.followUpAt || (x.orderKey < y.orderKey ? -1 : x.orderKey > y.orderKey ? 1 : 0);

/** The follow-up of one order due at `now` (its time and attempt), or undefined when none is. */
function dueOf(input: FollowUpInput, now: number): { at: number; attemptId?: string } | undefined {
  const planDue = input.plan !== undefined && input.plan.at <= now;
  // The order's plan wins once due; else its latest promise due (of several at that time, the first read).
  const due = planDue ? input.plan! : input.times.find((entry) => entry.at <= now);
  if (!due) return undefined;
  const last = input.lastAttemptAt;
  // The order's plan was cleared (answered by a later contact) or moved to later.
  if (input.planKey && !planDue && last !== undefined && last >= due.at) return undefined;
  // A contact after the follow-up time answered it (lastAttemptAt is the latest attempt's time).
  if (!planDue && last !== undefined && last > due.at) return undefined;
  return due;
}

const dueFollowUp = (input: FollowUpInput, due: { at: number; attemptId?: string }): DueFollowUp => ({
  attemptId: due.attemptId ?? input.key,
  orderKey: input.key,
  buyer: input.buyer,
  followUpAt: due.at,
  amount: input.amount,
});

/** The follow-ups due at `now`, soonest first, from what followUpInputs read (at `now` or earlier). */
export function followUpsDue(inputs: readonly FollowUpInput[], now: number): DueFollowUp[] {
  const result: DueFollowUp[] = [];
  for (const input of inputs) {
    const due = dueOf(input, now);
    if (due) result.push(dueFollowUp(input, due));
  }
  return result.sort(soonestFollowUp);
}

/**
 * followUpsDue's first `limit` and how many there are, without making and sorting them all: a big shop has a
 * follow-up on each of its 5,000 open orders, and the popup shows ten (the sort was 20 ms of a waking worker's
 * answer in a trace). The same follow-ups in the same order (soonestFollowUp orders them fully: one per order).
 */
export function followUpsDueHead(inputs: readonly FollowUpInput[], now: number, limit: number): { head: DueFollowUp[]; count: number } {
  const head: DueFollowUp[] = [];
  let count = 0;
  for (const input of inputs) {
    const due = dueOf(input, now);
    if (!due) continue;
    count++;
    const last = head[head.length - 1];
    if (head.length === limit && (limit === 0 || due.at > last!.followUpAt || (due.at === last!.followUpAt && input.key > last!.orderKey))) continue;
    const entry = dueFollowUp(input, due);
    let i = head.length;
    while (i > 0 && soonestFollowUp(entry, head[i - 1]!) < 0) i--;
    head.splice(i, 0, entry);
    if (head.length > limit) head.pop();
  }
  return { head, count };
}

/**
 * What of `inputs` (read at `at`) still counts at `at` or later: per order, the latest follow-up time up to `at`
 * and every later one, none before its last contact (a contact after a follow-up time answered it), and no order
 * left with neither a time nor a plan. followUpsDue gives the same from these at any time from `at` on: it takes
 * the latest time due, and skips it when a contact came after it. What a waking worker starts from is saved this
 * way: a big shop's year kept 14,286 times (1.1 MB of text to read and check before its first answer).
 */
export function compactFollowUps(inputs: readonly FollowUpInput[], at: number): FollowUpInput[] {
  const kept: FollowUpInput[] = [];
  for (const input of inputs) {
    const last = input.lastAttemptAt;
    // Latest first: the later times, then the latest one up to `at`.
    const later = input.times.filter((entry) => entry.at > at);
    const latestDue = input.times.find((entry) => entry.at <= at);
    const times = (latestDue ? [...later, latestDue] : later).filter((entry) => last === undefined || entry.at >= last);
    if (times.length === 0 && !input.plan) continue;
    kept.push({ ...input, times });
  }
  return kept;
}

/** The follow-ups due at any time from `now` on, read once. */
export async function followUpSource(db: Db, now: number, open: ReadonlyMap<string, Order>): Promise<FollowUpsAt> {
  const inputs = await followUpInputs(db, now, open);
  return (at) => followUpsDue(inputs, at);
}

/** Follow-ups due now on orders with money to collect (see followUpSource). */
export async function dueFollowUps(db: Db, now: number, open: ReadonlyMap<string, Order>): Promise<DueFollowUp[]> {
  return (await followUpSource(db, now, open))(now);
}

/** What the popup shows, read once: everything but the time-dependent follow-ups is the same at any later time. */
export interface PopupFacts {
  summary: Omit<PopupSummary, 'now' | 'followUps' | 'followUpCount'>;
  followUps: FollowUpInput[];
  /** The queue read the facts come from (its identity changes when the queue reads the store again); none when restored. */
  reads?: unknown;
}

/** Reads the facts behind the popup's answer. `onStatsRebuilt`: the attempt counts were stale and are rebuilt behind the answer. */
export async function popupFacts(db: Db, now: number, onStatsRebuilt: () => void): Promise<PopupFacts> {
  // The popup shows no attempt counts: it never waits for their rebuild.
  // The popup counts and sums the open orders and shows no verdict: they are not ranked for it (queueReads).
  const [{ orders, texts }, stagesOutstanding] = await Promise.all([queueReads(db, now, { onStatsRebuilt }), outstandingByCurrency(db)]);
  const open = new Map<string, Order>();
  for (const o of orders) open.set(o.key, o);
  const urgent: UrgentOrder[] = closingSoonest(open.values(), URGENT_LIMIT).map((o) => ({
    key: o.key,
    orderId: o.orderId,
    platform: o.platform,
    buyer: o.buyer.displayName ?? o.buyer.nick,
    amount: o.amount,
    autoCloseAt: o.autoCloseAt,
    autoCloseEstimated: o.autoCloseEstimated,
  }));
  const followUps = await followUpInputs(db, now, open, keptTimes(cacheOf(db), texts));
  return { summary: { ...summaryOf(orders), stagesOutstanding, urgent }, followUps, reads: texts };
}

function answerAt(facts: PopupFacts, now: number): PopupSummary {
  const { head, count } = followUpsDueHead(facts.followUps, now, FOLLOW_UP_LIMIT);
  return { now, ...facts.summary, followUps: head, followUpCount: count };
}

/** Everything the popup shows, read now. */
export async function popupSummary(db: Db, now: number, onStatsRebuilt: () => void): Promise<PopupSummary> {
  return answerAt(await popupFacts(db, now, onStatsRebuilt), now);
}

// ---- the kept answer ----------------------------------------------------

/** The stores the popup's numbers are made of: a write to any other (a sighting, a setting) keeps the answer. */
const POPUP_STORES = new Set(['orders', 'attempts', 'milestones']);

/**
 * Where the last facts are kept for a restarted worker: the worker's CacheStorage (needs no permission; a
 * put is no request, nothing is fetched). Removed at the first write after it was saved, so a worker that
 * wakes finds facts only when nothing was written since; erasing the data is such a write.
 */
const savedPopup = SAVED_POPUP;

interface Kept {
  /** Writes counted when the facts were read. */
  writes: number;
  facts: Promise<PopupFacts>;
}

/** The attempts' follow-up times last read for the popup. */
interface TimesKept {
  /** Writes to the attempts, and to any of POPUP_STORES, counted when they were read. */
  attemptWrites: number;
  writes: number;
  /** The queue read they were last used with. */
  reads: unknown;
  since: number;
  times: Promise<FollowUpTimes>;
}

interface PopupCache {
  /** Writes to POPUP_STORES in this context so far (every path: handlers, sync's quiet writes, imports, the clean-up). */
  writes: number;
  /** Of those, writes to the attempts. */
  attemptWrites: number;
  times?: TimesKept;
  kept?: Kept;
  /** Saved facts exist (or are being saved) for the current writes. */
  saved: boolean;
  /** The saved facts were looked for once, at the first answer of this worker. */
  restored: boolean;
  /** The store is being read behind an answer from restored facts (checkBehind). */
  checking: boolean;
}

const popupCaches = new WeakMap<Db, PopupCache>();

function cacheOf(db: Db): PopupCache {
  let cache = popupCaches.get(db);
  if (!cache) {
    const made: PopupCache = { writes: 0, attemptWrites: 0, saved: false, restored: false, checking: false };
    watchAllWrites(db.name, (write) => {
      if (!POPUP_STORES.has(write.store)) return;
      made.writes++;
      if (write.store === 'attempts') made.attemptWrites++;
      made.kept = undefined;
      // Looked for only before the first write: facts restored after it could be older than it.
      made.restored = true;
      if (made.saved) {
        made.saved = false;
        savedPopup.remove();
      }
    });
    popupCaches.set(db, (cache = made));
  }
  return cache;
}

/**
 * The attempts' follow-up times for the popup's facts, read again only when an attempt was written in this
 * context since, or when the queue read the store again with nothing written here (a write from another context,
 * found by the queue's order count). A write to the orders or plans alone keeps them: the attempt recount after
 * an import writes 50,000 orders in slices, and a popup opened meanwhile (or the badge's recount after each
 * slice) read a big shop's 14,000 follow-up times again each time, seconds on a busy machine.
 */
function keptTimes(cache: PopupCache, reads: unknown): (db: Db, since: number) => Promise<FollowUpTimes> {
  return (db, since) => {
    const kept = cache.times;
    if (kept && kept.attemptWrites === cache.attemptWrites && kept.since <= since && (kept.reads === reads || kept.writes !== cache.writes)) {
      kept.reads = reads;
      kept.writes = cache.writes;
      return kept.times;
    }
    const made: TimesKept = { attemptWrites: cache.attemptWrites, writes: cache.writes, reads, since, times: readFollowUpTimes(db, since) };
    cache.times = made;
    made.times.catch(() => {
      if (cache.times === made) cache.times = undefined;
    });
    return made.times;
  };
}

/** Reads the facts and keeps them (and saves them for a restarted worker), unless a write landed meanwhile. */
function readAndKeep(db: Db, now: number, onStatsRebuilt: () => void): Promise<PopupFacts> {
  const cache = cacheOf(db);
  const writes = cache.writes;
  const facts = popupFacts(db, now, onStatsRebuilt);
  const kept: Kept = { writes, facts };
  cache.kept = kept;
  facts.then(
    (read) => {
      if (cache.writes !== writes) {
        if (cache.kept === kept) cache.kept = undefined;
        return;
      }
      save(cache, read, now);
    },
    () => {
      if (cache.kept === kept) cache.kept = undefined;
    },
  );
  return facts;
}

/** Saves facts read at `now` for the next worker (compacted). */
function save(cache: PopupCache, { summary, followUps }: PopupFacts, now: number): void {
  cache.saved = true;
  savedPopup.put(JSON.stringify({ summary, followUps: compactFollowUps(followUps, now) }));
}

// ---- the saved facts, checked as they are read back ----
//
// Checked by hand rather than with a zod schema: a big shop's saved facts hold a follow-up input for each of its
// 5,000 open orders, and zod (run without eval in the worker) took 66 ms of a waking worker's 160 ms answer in a
// trace. The same checks; what is kept is copied field by field, so nothing else stored there reaches an answer.

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPlatform = (x: unknown): x is Order['platform'] => typeof x === 'string' && (PLATFORMS as readonly string[]).includes(x);

/** A Money as MoneySchema checks it (integer minor units, an ISO currency code), copied; else undefined. */
function savedMoney(x: unknown): Order['amount'] | undefined {
  if (!isRecord(x)) return undefined;
  const { minor, currency } = x;
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor) || minor < 0) return undefined;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { minor, currency };
}

/** Every element of `xs` through `check`, or undefined when `xs` is no array or any element fails. */
function savedList<T>(xs: unknown, check: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(xs)) return undefined;
  const out: T[] = new Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const item = check(xs[i]);
    if (item === undefined) return undefined;
    out[i] = item;
  }
  return out;
}

function savedUrgent(x: unknown): UrgentOrder | undefined {
  if (!isRecord(x)) return undefined;
  const { key, orderId, platform, buyer, autoCloseAt, autoCloseEstimated } = x;
  const amount = savedMoney(x.amount);
  if (typeof key !== 'string' || typeof orderId !== 'string' || !isPlatform(platform) || typeof buyer !== 'string' || !amount) return undefined;
  if (autoCloseAt !== undefined && !isTime(autoCloseAt)) return undefined;
  if (autoCloseEstimated !== undefined && typeof autoCloseEstimated !== 'boolean') return undefined;
  return { key, orderId, platform, buyer, amount, autoCloseAt, autoCloseEstimated };
}

function savedTime(x: unknown): { at: number; attemptId: string } | undefined {
  if (!isRecord(x) || !isTime(x.at) || typeof x.attemptId !== 'string') return undefined;
  return { at: x.at, attemptId: x.attemptId };
}

function savedFollowUp(x: unknown): FollowUpInput | undefined {
  if (!isRecord(x)) return undefined;
  const { key, buyer, plan, planKey, lastAttemptAt } = x;
  const amount = savedMoney(x.amount);
  const times = savedList(x.times, savedTime);
  if (typeof key !== 'string' || typeof buyer !== 'string' || !amount || typeof planKey !== 'boolean' || !times) return undefined;
  if (lastAttemptAt !== undefined && !isTime(lastAttemptAt)) return undefined;
  const input: FollowUpInput = { key, buyer, amount, planKey, times };
  if (plan !== undefined) {
    if (!isRecord(plan) || !isTime(plan.at) || (plan.attemptId !== undefined && typeof plan.attemptId !== 'string')) return undefined;
    input.plan = plan.attemptId === undefined ? { at: plan.at } : { at: plan.at, attemptId: plan.attemptId };
  }
  if (lastAttemptAt !== undefined) input.lastAttemptAt = lastAttemptAt;
  return input;
}

/** The facts in a saved body when it has their shape (copied), else undefined. */
export function parseSavedFacts(raw: unknown): PopupFacts | undefined {
  if (!isRecord(raw) || !isRecord(raw.summary)) return undefined;
  const { count } = raw.summary;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
  const totals = savedList(raw.summary.totals, savedMoney);
  const stagesOutstanding = savedList(raw.summary.stagesOutstanding, savedMoney);
  const urgent = savedList(raw.summary.urgent, savedUrgent);
  const followUps = savedList(raw.followUps, savedFollowUp);
  if (!totals || !stagesOutstanding || !urgent || !followUps) return undefined;
  return { summary: { count, totals, stagesOutstanding, urgent }, followUps };
}

/** Saved facts as text → the facts, checked for shape (it is stored data); undefined when not facts. */
function factsOfText(body: string): PopupFacts | undefined {
  try {
    return parseSavedFacts(JSON.parse(body));
  } catch {
    return undefined;
  }
}

// A waking worker parses the facts the last one saved as soon as its read ahead (./started.ts) brings them, before
// the popup asks: a big shop's are 1 MB of text, 15-40 ms of the waking popup's answer when parsed on its request.
savedPopup.parseAhead(factsOfText);

/** The facts a worker saved before it stopped; undefined when none. */
async function readSaved(): Promise<PopupFacts | undefined> {
  return savedPopup.readParsed(factsOfText);
}

/** The facts a worker saved before it stopped, if nothing was written since. */
async function restore(cache: PopupCache): Promise<PopupFacts | undefined> {
  if (cache.writes !== 0) return undefined;
  const facts = await readSaved();
  return facts && cache.writes === 0 ? facts : undefined;
}

/** The answer as text with keys in one order and without its time: equal text, equal numbers (restored facts come back with keys in their schema's order). */
function canonical(answer: PopupSummary): string {
  return JSON.stringify({ ...answer, now: 0 }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );
}

/**
 * The badge's recount (after every change, and every minute) reads the popup's facts too, so the next popup
 * is answered from memory. Also catches writes made outside this background (none in use; a bench's seed).
 */
export async function preparePopup(db: Db, now: number, onStatsRebuilt: () => void): Promise<void> {
  await readAndKeep(db, now, onStatsRebuilt);
}

/**
 * The popup's answer: from the kept facts when nothing was written since they were read; in a worker that
 * has just started, from the facts the last one saved (nothing was written since: a write removes them);
 * otherwise read now. Kept facts are used only while the queue they were made from is the one the queue
 * cache holds (it reads again after a write from another context, found by its order count). A restarted
 * worker's facts are read again behind the answer; if the numbers differ, `changed` tells the open popup,
 * which asks again.
 */
export async function popupAnswer(db: Db, now: number, changed: () => void): Promise<PopupSummary> {
  const cache = cacheOf(db);
  let kept = cache.kept;
  if (!kept && !cache.restored) {
    cache.restored = true;
    const saved = await restore(cache);
    if (saved && !cache.kept && cache.writes === 0) {
      kept = { writes: 0, facts: Promise.resolve(saved) };
      cache.saved = true;
    }
  }
  if (!kept || kept.writes !== cache.writes) return answerAt(await readAndKeep(db, now, changed), now);
  const facts = await kept.facts;
  if (facts.reads !== undefined) {
    // The queue as every queue request checks it (in memory; the order count once its ranking is due again,
    // for writes from another context): read again since these facts, so are they.
    const { texts } = await queueReads(db, now, { onStatsRebuilt: changed });
    if (texts !== facts.reads || cache.kept !== kept || kept.writes !== cache.writes) return answerAt(await readAndKeep(db, now, changed), now);
    return answerAt(facts, now);
  }
  // Restored from the last worker: answered at once, then read again after the answer has gone.
  const answer = answerAt(facts, now);
  setTimeout(() => checkBehind(db, now, answer, changed), 0);
  return answer;
}

/**
 * Reads the store again behind an answer from saved facts, once at a time, and tells the popup when the numbers
 * differ. The restored facts stay kept until the read is done: a popup asking meanwhile (React asks again as it
 * starts) is answered from them at once, as the first answer was, instead of waiting for the read (seconds for a
 * big shop on a busy machine). A write meanwhile drops them as any kept facts, and the read is then not kept.
 */
function checkBehind(db: Db, now: number, answer: PopupSummary, changed: () => void): void {
  const cache = cacheOf(db);
  if (cache.checking) return;
  cache.checking = true;
  const writes = cache.writes;
  const shown = cache.kept;
  popupFacts(db, now, changed).then(
    (fresh) => {
      cache.checking = false;
      if (cache.writes === writes && cache.kept === shown) {
        cache.kept = { writes, facts: Promise.resolve(fresh) };
        save(cache, fresh, now);
      }
      if (canonical(answerAt(fresh, now)) !== canonical(answer)) changed();
    },
    () => {
      cache.checking = false;
    },
  );
}

/** This worker has looked for the facts the last one saved (at its first popup request). */
let wakeLooked = false;

/**
 * The popup's answer with the database as it opens. A worker's first answer comes from the facts the last worker
 * saved without waiting for the database: the saved facts need none of it, and a waking worker's open can wait
 * behind what the stopped worker left running there (in a trace at load ≈ 10, the open took 2.7 s, behind a
 * count of 500,000 attempts, with the facts read long before). Once the database is open the facts are kept
 * for it and the store is read behind the answer, as for any restored answer (popupAnswer). Every later
 * answer, or one with no saved facts, is popupAnswer's.
 */
export async function popupAnswerOpening(opening: Promise<Db>, now: number, changed: () => void): Promise<PopupSummary> {
  if (!wakeLooked) {
    wakeLooked = true;
    const saved = await readSaved();
    markOnce(saved ? 'popup-saved-facts' : 'popup-no-saved-facts');
    if (saved) {
      const answer = answerAt(saved, now);
      void opening.then((db) => {
        const cache = cacheOf(db);
        const first = !cache.restored && !cache.kept;
        cache.restored = true;
        // Kept for the next answers while nothing is written (not when facts were read or written meanwhile).
        if (first && cache.writes === 0) {
          cache.kept = { writes: 0, facts: Promise.resolve(saved) };
          cache.saved = true;
        }
        // Read once the answer has gone: when the database was open already (a worker woken by the popup's tab as it
        // opened), this ran before the reply was sent, and the queue's read behind it (a big shop's 3 MB saved queue,
        // parsed at once) held the reply 20-40 ms.
        setTimeout(() => checkBehind(db, now, answer, changed), 0);
      }, () => undefined);
      return answer;
    }
  }
  return popupAnswer(await opening, now, changed);
}
