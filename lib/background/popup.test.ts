import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { freshDb } from '@/test/support/db';
import { openPayNudgeDb } from '../store/db';
import { observedAt } from '@/test/support/builders';
import { ATTEMPT_STATS_KEY } from '../store/buyers';
import { applyPageRead } from '../store/orders';
import type { ContactAttempt, ObservedOrder, Order } from '../orders/model';
import { DAY_MS, HOUR_MS } from '../orders/time';
import type { DueFollowUp } from '../messaging/data';
import type { Db } from '../store/db';
import { closingSoonest, compactFollowUps, followUpSource, followUpsDue, followUpsDueHead, parseSavedFacts, popupAnswer, popupSummary, preparePopup, soonestFollowUp, type FollowUpInput } from './popup';
import { invalidateQueues } from './queue';
import { limit, runs } from '../../test/support/fuzz';
import { allAttempts, putAttempt, putAttempts } from '../store/attempts';

const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);

/** The shared Taobao order: a ¥159.00 pair of coral-fleece pyjamas placed two hours ago, closing in `closesInHours`. */
function observed(orderId: string, closesInHours: number): ObservedOrder {
  return observedAt(NOW)(orderId, `买家${orderId}`, {
    items: [{ title: '加厚珊瑚绒睡衣', qty: 1 }],
    amount: { minor: 15_900, currency: 'CNY' },
    createdAt: NOW - 2 * HOUR_MS,
    autoCloseAt: NOW + closesInHours * HOUR_MS,
  });
}

function promise(id: string, orderKey: string, at: number): ContactAttempt {
  return { id, orderKey, buyerKey: `taobao:${orderKey}`, platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'copied', text: '亲', at, outcome: 'promised', followUpAt: at + 2 * HOUR_MS };
}

afterEach(() => vi.restoreAllMocks());

describe('the popup summary of a big shop', () => {
  it("reads a year's kept promises on paid orders not at all, and still lists the follow-up due today", async () => {
    const db = await freshDb('popup');
    await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/x', listKey: 'unpaid', unpaidOnly: true, complete: true, orders: [observed('1', 5), observed('2', 30)], unreadable: 0 }, NOW - HOUR_MS);
    // A year of promises on orders long paid: every one's follow-up time is past.
    await putAttempts(db, [...Array.from({ length: 3_000 }, (_, i) => promise(`old-${i}`, `taobao:old-${i % 600}`, NOW - 30 * DAY_MS - (i % 330) * DAY_MS)), promise('today', 'taobao:1', NOW - 3 * HOUR_MS)]);
    // The counts on the orders account for these (as recordAttempt keeps them): no recount runs behind the answer.
    await db.put('settings', { key: ATTEMPT_STATS_KEY, value: { counted: 3_001 } });
    const first = (await db.get('orders', 'taobao:1'))!;
    await db.put('orders', { ...first, attemptCount: 1, lastAttemptAt: NOW - 3 * HOUR_MS });
    invalidateQueues();

    const read = { records: 0 };
    const getAll = IDBIndex.prototype.getAll;
    vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      const request = getAll.apply(this, args);
      if (this.objectStore.name === 'attempts') request.addEventListener('success', () => (read.records += (request.result as unknown[]).length));
      return request;
    });
    const summary = await popupSummary(db, NOW, () => undefined);
    expect(summary.count).toBe(2);
    expect(summary.urgent.map((o) => o.orderId)).toEqual(['1', '2']);
    expect(summary.followUps.map((f) => [f.orderKey, f.followUpAt])).toEqual([['taobao:1', NOW - HOUR_MS]]);
    // Only attempts about the open orders' days are read, not the 3,000 of the year.
    expect(read.records).toBeLessThan(10);
    db.close();
  }, 60_000);
});

describe('closingSoonest', () => {
  it('picks the same orders, in the same order, as sorting them all', () => {
    const order = (i: number, closes: number | undefined, minor: number) => ({ key: `k${i}`, autoCloseAt: closes, amount: { minor, currency: 'CNY' } }) as Order;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), fc.integer({ min: 0, max: 5 })), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (specs, n) => {
        const orders = specs.map(([closes, minor], i) => order(i, closes, minor));
        const sorted = [...orders].sort((a, b) => (a.autoCloseAt ?? Number.MAX_SAFE_INTEGER) - (b.autoCloseAt ?? Number.MAX_SAFE_INTEGER) || b.amount.minor - a.amount.minor);
        expect(closingSoonest(orders, n).map((o) => o.key)).toEqual(sorted.slice(0, n).map((o) => o.key));
      }),
      { numRuns: runs(200) },
    );
  });
});

/** The due follow-ups as they were worked out before the answer was kept: read at `now`, for `now`. */
async function dueReadAt(db: Db, now: number, open: ReadonlyMap<string, Order>): Promise<DueFollowUp[]> {
  let since = now;
  for (const order of open.values()) since = Math.min(since, order.firstSeenAt, order.createdAt ?? order.firstSeenAt);
  since -= 7 * DAY_MS;
  const due = new Map<string, { at: number; attemptId?: string }>();
  for (const a of (await allAttempts(db)).filter((x) => x.followUpAt !== undefined && x.followUpAt >= since && x.followUpAt <= now).sort((x, y) => x.followUpAt! - y.followUpAt! || (x.id < y.id ? -1 : 1))) {
    if (!open.has(a.orderKey)) continue;
    const known = due.get(a.orderKey);
    if (!known || known.at < a.followUpAt!) due.set(a.orderKey, { at: a.followUpAt!, attemptId: a.id });
  }
  for (const o of open.values()) if (o.followUp && o.followUp.at <= now) due.set(o.key, { at: o.followUp.at, attemptId: o.followUp.attemptId });
  const result: DueFollowUp[] = [];
  for (const [key, { at, attemptId }] of due) {
    const order = open.get(key)!;
    const planDue = order.followUp !== undefined && order.followUp.at <= now;
    if ('followUp' in order && !planDue && order.lastAttemptAt !== undefined && order.lastAttemptAt >= at) continue;
    if (!planDue && order.lastAttemptAt !== undefined && order.lastAttemptAt > at) continue;
    result.push({ attemptId: attemptId ?? key, orderKey: key, buyer: order.buyer.displayName ?? order.buyer.nick, followUpAt: at, amount: order.amount });
  }
  // Ties in the order they were found here; the popup lists them by order key.
  return result.sort(soonestFollowUp);
}

/** Two unpaid orders in a fresh store, their attempt counts current (no recount behind an answer). */
async function twoOrders(tag: string): Promise<Db> {
  const db = await freshDb(tag);
  await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/x', listKey: 'unpaid', unpaidOnly: true, complete: true, orders: [observed('1', 5), observed('2', 30)], unreadable: 0 }, NOW - HOUR_MS);
  await db.put('settings', { key: ATTEMPT_STATS_KEY, value: { counted: 0 } });
  invalidateQueues();
  return db;
}

describe('follow-ups read once, worked out for a later time', () => {
  it('are the follow-ups a read at that later time finds, on random orders, plans and promises', async () => {
    const minutes = fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }).map((m) => NOW + m * 60_000);
    const orderSpec = fc.record({ plan: fc.option(fc.tuple(minutes, fc.constantFrom('a0', 'a1', undefined)), { nil: undefined }), cleared: fc.boolean(), last: fc.option(minutes, { nil: undefined }) });
    const attemptSpec = fc.record({ order: fc.integer({ min: 0, max: 5 }), at: minutes, followUpAt: minutes });
    await fc.assert(
      fc.asyncProperty(fc.array(orderSpec, { minLength: 1, maxLength: 4 }), fc.array(attemptSpec, { maxLength: 12 }), minutes, fc.integer({ min: 0, max: 48 * 60 }), async (orders, attempts, t0, later) => {
        const db = await freshDb('popup-later');
        const read = orders.map((_, i) => observed(String(i), 10 + i));
        await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/x', listKey: 'unpaid', unpaidOnly: true, complete: true, orders: read, unreadable: 0 }, NOW - HOUR_MS);
        const open = new Map<string, Order>();
        for (const [i, spec] of orders.entries()) {
          const stored = (await db.get('orders', `taobao:${i}`))!;
          const order: Order = { ...stored, ...(spec.last !== undefined ? { lastAttemptAt: spec.last } : {}) };
          if (spec.plan) order.followUp = { kind: 'promised', at: spec.plan[0], ...(spec.plan[1] ? { attemptId: spec.plan[1] } : {}) };
          // A plan cleared by a later contact leaves the key behind with nothing in it.
          else if (spec.cleared) (order as { followUp?: unknown }).followUp = undefined;
          open.set(order.key, order);
        }
        // Orders 4 and 5 are not open: their promises never count.
        await putAttempts(db, attempts.map((a, n) => ({ ...promise(`a${n}`, `taobao:${a.order}`, a.at), followUpAt: a.followUpAt })));
        const source = await followUpSource(db, t0, open);
        for (const now of [t0, t0 + later * 60_000]) expect(source(now)).toEqual(await dueReadAt(db, now, open));
        db.close();
      }),
      { numRuns: runs(60), interruptAfterTimeLimit: limit(50_000) },
    );
  }, 90_000);
});

describe('the kept popup answer', () => {
  /** Counts the records read with getAll (orders, attempts, plans) while `run` runs. */
  async function recordsRead<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
    let reads = 0;
    const spies = [IDBObjectStore.prototype, IDBIndex.prototype].map((proto) => {
      const getAll = proto.getAll;
      return vi.spyOn(proto, 'getAll').mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
        reads++;
        return getAll.apply(this, args);
      });
    });
    try {
      return { result: await run(), reads };
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  it('answers from what the badge recount read, with the follow-ups due at the time asked, reading nothing', async () => {
    const db = await twoOrders('popup-kept');
    await putAttempt(db, promise('p1', 'taobao:1', NOW - 30 * 60_000));
    const first = (await db.get('orders', 'taobao:1'))!;
    await db.put('orders', { ...first, attemptCount: 1, lastAttemptAt: NOW - 30 * 60_000 });
    await db.put('settings', { key: ATTEMPT_STATS_KEY, value: { counted: 1 } });
    invalidateQueues();
    await preparePopup(db, NOW, () => undefined);
    // The promise's check comes due 1.5 hours later: the kept answer lists it then, as a fresh read would.
    const later = NOW + 2 * HOUR_MS;
    const { result, reads } = await recordsRead(() => popupAnswer(db, later, () => undefined));
    expect(reads).toBe(0);
    expect(result).toEqual(await popupSummary(db, later, () => undefined));
    expect(result.count).toBe(2);
    expect(result.now).toBe(later);
    expect(result.followUps.map((f) => [f.orderKey, f.followUpAt])).toEqual([['taobao:1', NOW + 90 * 60_000]]);
    expect((await popupAnswer(db, NOW, () => undefined)).followUps).toEqual([]);
    db.close();
  }, 30_000);

  it('after a write to the orders, the plans or the attempts, answers from the store again', async () => {
    const db = await twoOrders('popup-write');
    await preparePopup(db, NOW, () => undefined);
    expect((await popupAnswer(db, NOW, () => undefined)).count).toBe(2);
    const paid = (await db.get('orders', 'taobao:2'))!;
    await db.put('orders', { ...paid, status: 'paid' });
    // What a handler's changed() does after its write.
    invalidateQueues();
    const after = await recordsRead(() => popupAnswer(db, NOW, () => undefined));
    expect(after.result.count).toBe(1);
    expect(after.reads).toBeGreaterThan(0);
    // A promise logged (an attempt alone, as team sync's pull writes it) shows once due.
    await putAttempt(db, promise('p2', 'taobao:1', NOW - 3 * HOUR_MS));
    expect((await popupAnswer(db, NOW, () => undefined)).followUps.map((f) => f.attemptId)).toEqual(['p2']);
    db.close();
  }, 30_000);
});

describe('the kept popup answer and the queue cache', () => {
  it('is read again when the queue has read the store again (as after a write from another context, found by its count)', async () => {
    const db = await twoOrders('popup-queue-read');
    await preparePopup(db, NOW, () => undefined);
    // The queue reads the store again with nothing written in this context: the kept facts are not its read.
    invalidateQueues();
    let reads = 0;
    const getAll = IDBIndex.prototype.getAll;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      if (this.objectStore.name === 'attempts') reads++;
      return getAll.apply(this, args);
    });
    expect((await popupAnswer(db, NOW, () => undefined)).count).toBe(2);
    spy.mockRestore();
    // The follow-ups were read again with the queue (the attempts' index), not taken from the kept facts.
    expect(reads).toBe(1);
    db.close();
  }, 30_000);
});

describe('the follow-ups a waking worker starts from', () => {
  it('compacted at one time, give at any later time what the whole read gives, on random plans, promises and contacts', () => {
    const minutes = fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }).map((m) => NOW + m * 60_000);
    const input = fc.record({
      plan: fc.option(fc.record({ at: minutes, attemptId: fc.option(fc.constantFrom('a0', 'a1'), { nil: undefined }) }), { nil: undefined }),
      planKey: fc.boolean(),
      lastAttemptAt: fc.option(minutes, { nil: undefined }),
      // Few distinct times, so equal times (kept in index order) come up.
      times: fc.array(fc.record({ at: fc.constantFrom(-300, -120, -60, 0, 30, 60, 240).map((m) => NOW + m * 60_000), attemptId: fc.string({ minLength: 1, maxLength: 3 }) }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 8 }), minutes, fc.integer({ min: 0, max: 4 * 24 * 60 }), (raw, at, after) => {
        const inputs: FollowUpInput[] = raw.map((r, i) => {
          const plan = r.plan && (r.plan.attemptId === undefined ? { at: r.plan.at } : { at: r.plan.at, attemptId: r.plan.attemptId });
          return {
            key: `taobao:${i}`,
            buyer: `b${i}`,
            amount: { minor: 100 + i, currency: 'CNY' },
            ...(plan ? { plan } : {}),
            planKey: r.planKey || plan !== undefined,
            ...(r.lastAttemptAt !== undefined ? { lastAttemptAt: r.lastAttemptAt } : {}),
            times: [...r.times].sort((x, y) => y.at - x.at),
          };
        });
        const later = at + after * 60_000;
        expect(followUpsDue(compactFollowUps(inputs, at), later)).toEqual(followUpsDue(inputs, later));
      }),
      { numRuns: runs(300), interruptAfterTimeLimit: limit(20_000) },
    );
  });

  it('give the first ten due and their count as the whole sorted list does, on random plans, promises and contacts', () => {
    const minutes = fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }).map((m) => NOW + m * 60_000);
    // Few distinct times, so ties (ordered by order key) come up often.
    const time = fc.constantFrom(-300, -120, -60, 0, 30).map((m) => NOW + m * 60_000);
    const input = fc.record({
      plan: fc.option(fc.record({ at: time, attemptId: fc.option(fc.constantFrom('a0', 'a1'), { nil: undefined }) }), { nil: undefined }),
      planKey: fc.boolean(),
      lastAttemptAt: fc.option(minutes, { nil: undefined }),
      times: fc.array(fc.record({ at: time, attemptId: fc.string({ minLength: 1, maxLength: 3 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 40 }), fc.shuffledSubarray([...Array(40).keys()]), fc.integer({ min: 0, max: 12 }), (raw, order, limit) => {
        const inputs: FollowUpInput[] = raw.map((r, i) => ({
          // Keys in a random order, so the head is not simply the read order.
          key: `taobao:${order[i] ?? i + 40}`,
          buyer: `b${i}`,
          amount: { minor: 100 + i, currency: 'CNY' },
          ...(r.plan ? { plan: r.plan.attemptId === undefined ? { at: r.plan.at } : { at: r.plan.at, attemptId: r.plan.attemptId } } : {}),
          planKey: r.planKey || r.plan !== undefined,
          ...(r.lastAttemptAt !== undefined ? { lastAttemptAt: r.lastAttemptAt } : {}),
          times: [...r.times].sort((x, y) => y.at - x.at),
        }));
        const all = followUpsDue(inputs, NOW);
        expect(followUpsDueHead(inputs, NOW, limit)).toEqual({ head: all.slice(0, limit), count: all.length });
      }),
      { numRuns: runs(300), interruptAfterTimeLimit: limit(20_000) },
    );
  });

  it('are read back only with their full shape: anything else stored there is refused', () => {
    const facts = {
      summary: {
        count: 2,
        totals: [{ minor: 31_800, currency: 'CNY' }],
        stagesOutstanding: [],
        urgent: [{ key: 'taobao:1', orderId: '1', platform: 'taobao', buyer: '买家1', amount: { minor: 15_900, currency: 'CNY' }, autoCloseAt: NOW + HOUR_MS, autoCloseEstimated: true }],
      },
      followUps: [
        { key: 'taobao:1', buyer: '买家1', amount: { minor: 15_900, currency: 'CNY' }, planKey: true, plan: { at: NOW, attemptId: 'p0' }, lastAttemptAt: NOW - HOUR_MS, times: [{ at: NOW - 30 * 60_000, attemptId: 'p1' }] },
        { key: 'taobao:2', buyer: '买家2', amount: { minor: 15_900, currency: 'CNY' }, planKey: false, times: [] },
      ],
    };
    expect(parseSavedFacts(JSON.parse(JSON.stringify(facts)))).toEqual(facts);
    // Fields nobody saved are not carried into an answer.
    const extra = structuredClone(facts) as unknown as { summary: { urgent: Record<string, unknown>[] } };
    extra.summary.urgent[0]!.html = '<img src=x onerror=alert(1)>';
    expect(parseSavedFacts(extra)!.summary.urgent[0]).not.toHaveProperty('html');
    const broken: [string, (f: any) => void][] = [
      ['count', (f) => (f.summary.count = -1)],
      ['count', (f) => (f.summary.count = 1.5)],
      ['totals', (f) => (f.summary.totals = {})],
      ['a total', (f) => (f.summary.totals[0].currency = 'yuan')],
      ['a total', (f) => (f.summary.totals[0].minor = '100')],
      ['stages', (f) => delete f.summary.stagesOutstanding],
      ['an urgent order', (f) => (f.summary.urgent[0].platform = 'ebay')],
      ['an urgent order', (f) => (f.summary.urgent[0].autoCloseAt = 'soon')],
      ['an urgent order', (f) => (f.summary.urgent[0].autoCloseEstimated = 1)],
      ['an urgent order', (f) => delete f.summary.urgent[0].orderId],
      ['follow-ups', (f) => (f.followUps = null)],
      ['a follow-up', (f) => (f.followUps[0].planKey = 'yes')],
      ['a follow-up', (f) => (f.followUps[0].plan = { at: null })],
      ['a follow-up', (f) => (f.followUps[0].plan.attemptId = 7)],
      ['a follow-up', (f) => (f.followUps[0].lastAttemptAt = Infinity)],
      ['a follow-up', (f) => (f.followUps[1].times = [{ at: NOW }])],
      ['a follow-up', (f) => (f.followUps[1].amount = { minor: 1 })],
      ['a follow-up', (f) => (f.followUps[1].buyer = undefined)],
    ];
    for (const [what, breakIt] of broken) {
      const bad = structuredClone(facts);
      breakIt(bad);
      expect(parseSavedFacts(JSON.parse(JSON.stringify(bad))), `${what}: ${breakIt}`).toBeUndefined();
    }
    for (const junk of [null, [], 'facts', { followUps: [] }, { summary: facts.summary }]) expect(parseSavedFacts(junk)).toBeUndefined();
  });

  it("keep a big shop's saved facts small: per order the latest time due and the later ones", () => {
    // An open order promised to pay every day for a year, and one whose last contact came after all its times.
    const daily = Array.from({ length: 365 }, (_, d) => ({ at: NOW - d * DAY_MS + HOUR_MS, attemptId: `d${d}` }));
    const inputs: FollowUpInput[] = [
      { key: 'taobao:1', buyer: 'a', amount: { minor: 1, currency: 'CNY' }, planKey: false, times: daily },
      { key: 'taobao:2', buyer: 'b', amount: { minor: 2, currency: 'CNY' }, planKey: false, lastAttemptAt: NOW + 2 * HOUR_MS, times: daily },
    ];
    const compact = compactFollowUps(inputs, NOW);
    expect(compact.map((i) => [i.key, i.times.map((t) => t.attemptId)])).toEqual([['taobao:1', ['d0', 'd1']]]);
    expect(followUpsDue(compact, NOW + 3 * HOUR_MS)).toEqual(followUpsDue(inputs, NOW + 3 * HOUR_MS));
  });
});

describe('the follow-up times kept across writes', () => {
  /** getAll calls on the attempts' index while `run` runs. */
  async function attemptReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
    let reads = 0;
    const getAll = IDBIndex.prototype.getAll;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      if (this.objectStore.name === 'attempts') reads++;
      return getAll.apply(this, args);
    });
    try {
      return { result: await run(), reads };
    } finally {
      spy.mockRestore();
    }
  }
  const due = (answer: { followUps: DueFollowUp[] }) => answer.followUps.map((f) => [f.orderKey, f.followUpAt]);

  it('are not read again after writes to the orders alone (as the attempt recount writes them in slices), and are after a write to the attempts', async () => {
    const db = await twoOrders('popup-times-kept');
    await putAttempt(db, promise('p1', 'taobao:1', NOW - 3 * HOUR_MS));
    await putAttempt(db, promise('p2', 'taobao:2', NOW - 4 * HOUR_MS));
    invalidateQueues();
    await preparePopup(db, NOW, () => undefined);
    expect(due(await popupAnswer(db, NOW, () => undefined))).toEqual([
      ['taobao:2', NOW - 2 * HOUR_MS],
      ['taobao:1', NOW - HOUR_MS],
    ]);

    // Order 2 is paid: it leaves the count and its follow-up goes, with no attempt read.
    const two = (await db.get('orders', 'taobao:2'))!;
    await db.put('orders', { ...two, status: 'paid' });
    invalidateQueues();
    const paid = await attemptReads(() => popupAnswer(db, NOW, () => undefined));
    expect(paid.reads).toBe(0);
    expect(paid.result.count).toBe(1);
    expect(due(paid.result)).toEqual([['taobao:1', NOW - HOUR_MS]]);

    // Order 1 was contacted after its follow-up time (on the order): answered, still with no attempt read.
    const one = (await db.get('orders', 'taobao:1'))!;
    await db.put('orders', { ...one, lastAttemptAt: NOW - 30 * 60_000 });
    invalidateQueues();
    const answered = await attemptReads(() => popupAnswer(db, NOW, () => undefined));
    expect(answered.reads).toBe(0);
    expect(due(answered.result)).toEqual([]);

    // A new promise is an attempt written: the times are read again and it is listed once due.
    await putAttempt(db, promise('p3', 'taobao:1', NOW - 2 * HOUR_MS - 10 * 60_000));
    invalidateQueues();
    const promised = await attemptReads(() => popupAnswer(db, NOW, () => undefined));
    expect(promised.reads).toBe(1);
    expect(due(promised.result)).toEqual([['taobao:1', NOW - 10 * 60_000]]);
    db.close();
  }, 30_000);
});

describe('a restarted worker', () => {
  /** The worker's CacheStorage; `loseRemovals` plays a worker stopped before a removal landed. */
  function fakeCaches() {
    const saved = new Map<string, string>();
    let loseRemovals = false;
    const store = {
      async put(url: string, response: Response) {
        saved.set(url, await response.text());
      },
      async match(url: string) {
        const body = saved.get(url);
        return body === undefined ? undefined : new Response(body);
      },
      async delete(url: string) {
        if (!loseRemovals) saved.delete(url);
        return true;
      },
    };
    // The queue's saved copy (lib/background/queue.ts, written 2 s after a queue read, possibly an earlier
    // test's) goes to a cache of its own: `saved` holds the popup's facts alone.
    const others = new Map<string, string>();
    const other = {
      put: async (url: string, response: Response) => void others.set(url, await response.text()),
      match: async (url: string) => (others.has(url) ? new Response(others.get(url)) : undefined),
      delete: async (url: string) => others.delete(url),
    };
    vi.stubGlobal('caches', { open: async (name: string) => (name === 'paynudge-popup' ? store : other) });
    return { saved, loseRemovals: () => (loseRemovals = true) };
  }

  /** A new worker: fresh module state (no kept answer, no queue), its own connection to the same store. */
  async function restart(db: Db) {
    vi.resetModules();
    const popup = await import('./popup');
    return { popup, db: await openPayNudgeDb(db.name) };
  }

  const settled = () => new Promise((done) => setTimeout(done, 50));

  /** Two open orders, one with a promise due: a worker saves the popup's facts and stops (the database closed); the live answer an hour on. */
  async function savedWithAPromise(name: string) {
    const caches = fakeCaches();
    const db = await twoOrders(name);
    await putAttempt(db, promise('p1', 'taobao:1', NOW - 3 * HOUR_MS));
    await db.put('settings', { key: ATTEMPT_STATS_KEY, value: { counted: 1 } });
    invalidateQueues();
    await preparePopup(db, NOW, () => undefined);
    await settled();
    expect(caches.saved.size).toBe(1);
    const live = await popupSummary(db, NOW + HOUR_MS, () => undefined);
    db.close();
    return { db, live };
  }
  afterEach(() => vi.unstubAllGlobals());

  it('answers from the facts the last worker saved, reading nothing, when nothing was written since', async () => {
    const { db, live } = await savedWithAPromise('popup-wake');

    const woken = await restart(db);
    const changed = vi.fn();
    let reads = 0;
    const getAll = IDBIndex.prototype.getAll;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      reads++;
      return getAll.apply(this, args);
    });
    const answer = await woken.popup.popupAnswer(woken.db, NOW + HOUR_MS, changed);
    expect(reads).toBe(0);
    expect(answer).toEqual(live);
    expect(answer.followUpCount).toBe(1);
    // Behind the answer the store is read again (the promises too): the same numbers, nobody told.
    await vi.waitFor(() => expect(reads).toBeGreaterThan(0), { timeout: 10_000 });
    spy.mockRestore();
    await settled();
    expect(changed).not.toHaveBeenCalled();
    woken.db.close();
  }, 30_000);

  it("answers the popup from the saved facts while the database is still opening, and reads the store once it is open", async () => {
    const { db, live } = await savedWithAPromise('popup-wake-opening');

    // A new worker whose database open waits (behind what the stopped worker left running there).
    vi.resetModules();
    const { createBackground } = await import('./service');
    const { testDeps } = await import('@/test/support/background-deps');
    let letOpen!: () => void;
    const held = new Promise<void>((done) => (letOpen = done));
    const deps = testDeps(
      async () => {
        await held;
        return openPayNudgeDb(db.name);
      },
      () => NOW + HOUR_MS,
    );
    const background = createBackground(deps);
    const reply = background.handle({ type: 'popup/summary' }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    const answered = await Promise.race([reply, new Promise((done) => setTimeout(() => done('still waiting for the database'), 3000))]);
    expect(answered).toEqual({ ok: true, data: live });

    let reads = 0;
    const getAll = IDBIndex.prototype.getAll;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      reads++;
      return getAll.apply(this, args);
    });
    letOpen();
    // Once open, the store is read behind the answer: the same numbers, nobody told.
    await vi.waitFor(() => expect(reads).toBeGreaterThan(0), { timeout: 10_000 });
    spy.mockRestore();
    await settled();
    await settled();
    expect(deps.changed).not.toHaveBeenCalled();
    // The next answer (the popup asks again as React starts) is the live one too.
    const again = await background.handle({ type: 'popup/summary' }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(again).toEqual({ ok: true, data: live });
    (await deps.db()).close();
  }, 30_000);

  it('answers a second popup request from the same saved facts while the store is read behind the first', async () => {
    const { db, live } = await savedWithAPromise('popup-wake-second');

    const woken = await restart(db);
    // Reads of this test's store started and completed (the read behind the first answer); other tests' databases,
    // whose work may still be finishing in the same environment, are not counted.
    let started = 0;
    let done = 0;
    const getAll = IDBIndex.prototype.getAll;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      const request = getAll.apply(this, args);
      if (this.objectStore.transaction.db.name !== db.name) return request;
      started++;
      request.addEventListener('success', () => done++);
      return request;
    });
    const changed = vi.fn();
    expect(await woken.popup.popupAnswerOpening(Promise.resolve(woken.db), NOW + HOUR_MS, changed)).toEqual(live);
    // The read behind starts once the reply has gone, in a later task (it used to start at once, and hold the reply
    // while a big shop's 3 MB saved queue was parsed).
    while (started === 0) await new Promise((next) => setTimeout(next, 0));
    // React's own request, while that read is under way (or just done: on a loaded machine the read can finish before
    // this request is made), answered from the same facts.
    const second = await woken.popup.popupAnswerOpening(Promise.resolve(woken.db), NOW + HOUR_MS, changed);
    expect(second).toEqual(live);
    await vi.waitFor(() => expect([done, started].every((n) => n > 0 && done === started)).toBe(true), { timeout: 10_000 });
    await settled();
    spy.mockRestore();
    expect(changed).not.toHaveBeenCalled();
    // Afterwards the read is what is kept: the next answer is the same, made from it.
    expect(await woken.popup.popupAnswer(woken.db, NOW + HOUR_MS, changed)).toEqual(live);
    woken.db.close();
  }, 30_000);

  it('corrects saved facts a write outdated (the removal was lost) and tells the popup', async () => {
    const caches = fakeCaches();
    const db = await twoOrders('popup-wake-stale');
    await preparePopup(db, NOW, () => undefined);
    await settled();
    caches.loseRemovals();
    const paid = (await db.get('orders', 'taobao:2'))!;
    await db.put('orders', { ...paid, status: 'paid' });
    await settled();
    expect(caches.saved.size).toBe(1);
    db.close();

    const woken = await restart(db);
    const changed = vi.fn();
    expect((await woken.popup.popupAnswer(woken.db, NOW, changed)).count).toBe(2);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect((await woken.popup.popupAnswer(woken.db, NOW, changed)).count).toBe(1);
    woken.db.close();
  }, 30_000);

  it('a write removes the saved facts: the next worker reads the store', async () => {
    const caches = fakeCaches();
    const db = await twoOrders('popup-wake-write');
    await preparePopup(db, NOW, () => undefined);
    await settled();
    expect(caches.saved.size).toBe(1);
    const paid = (await db.get('orders', 'taobao:2'))!;
    await db.put('orders', { ...paid, status: 'paid' });
    await settled();
    expect(caches.saved.size).toBe(0);
    db.close();
    const woken = await restart(db);
    expect((await woken.popup.popupAnswer(woken.db, NOW, () => undefined)).count).toBe(1);
    woken.db.close();
  }, 30_000);
});
