import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { openPayNudgeDb, type Db } from '../store/db';
import { openTeamDb } from './store';
import { createSyncEngine, type Pouch } from './engine';
import { manualRingOrder } from '@/test/support/background-deps';
import { ATTEMPT_STATS_KEY, attemptStatsStale, recordAttempt } from '../store/buyers';
import type { ContactAttempt, Order } from '../orders/model';
import { EMPTY_CONFIG } from './config';
import { watchWrites } from '../store/changes';
import { allAttempts, countAttempts, getAttempt, listAttempts } from '../store/attempts';

PouchDB.plugin(memory).plugin(replication);

let n = 0;
const T0 = Date.UTC(2026, 11, 4, 6);

function attempt(order: Order, id: string, agent: string, at: number): ContactAttempt {
  return { id, orderKey: order.key, buyerKey: `manual:${order.buyer.nick}`, platform: 'manual', channel: 'chat', direction: 'outbound', action: 'manual', text: 'hi', at, outcome: 'sent', agent } as ContactAttempt;
}

/** A clock whose timers run only when the test moves it on. */
function manualClock(start = T0) {
  let now = start;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => (due.set(++seq, { at: now + ms, fn }), seq),
    clearTimeout: (handle: unknown) => void due.delete(handle as number),
    /** Moves the clock on by `ms` and runs the timers due by then. */
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...due].sort((x, y) => x[1].at - y[1].at)) {
        if (timer.at > now) continue;
        due.delete(id);
        timer.fn();
      }
    },
  };
}

/** True once `check` holds, false if it did not within `ms` (real time: replication runs on its own). */
async function within(ms: number, check: () => boolean | Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One agent: its own IndexedDB, sync state and mirror, syncing with `server`. */
async function agent(name: string, server: { current: Pouch | undefined }, clock?: ReturnType<typeof manualClock>) {
  const tag = `${name}-${++n}`;
  const db = await openPayNudgeDb(`pn-${tag}`);
  const team = await openTeamDb(`team-${tag}`);
  let changes = 0;
  let claimNotices = 0;
  /** Whole-store reads the engine made (a push that reads every record to find one change). */
  const reads = { getAll: 0 };
  const counted = new Proxy(db, {
    get(target, prop) {
      if (prop === 'getAll') reads.getAll++;
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // An engine over this agent's database; `restart` makes another, as a restarted worker does.
  const restart = () => {
    const next = createSyncEngine({
      db: async () => counted,
      team: async () => team,
      mirror: () => new PouchDB(`mirror-${tag}`, { adapter: 'memory' }) as unknown as Pouch,
      remote: () => server.current,
      now: clock?.now ?? (() => T0),
      changed: () => void changes++,
      claimsChanged: () => void claimNotices++,
      ...(clock ? { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout } : {}),
    });
    // As the background does: every write to this agent's database is listed for the next push.
    watchWrites(`pn-${tag}`, (write) => next.noteWrite(write));
    return next;
  };
  const engine = restart();
  await engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: name, enabled: true });
  return { db, engine, reads, restart, mirrorNow: () => new PouchDB(`mirror-${tag}`, { adapter: 'memory' }) as unknown as Pouch, changes: () => changes, claimNotices: () => claimNotices };
}

async function settle(...agents: { engine: { flush(): Promise<void> } }[]) {
  for (let i = 0; i < 6; i++) {
    for (const a of agents) await a.engine.flush();
    await new Promise((r) => setTimeout(r, 60));
  }
}

describe('team sync engine (PouchDB memory adapter)', { timeout: 60_000 }, () => {
  it("an attempt logged by A reaches B with A's name, counted on B's order", async () => {
    const server = { current: new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch };
    const a = await agent('小王', server);
    const b = await agent('小李', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    a.engine.localChanged();
    await settle(a, b);
    expect((await b.db.get('orders', order.key))?.orderId).toBe(order.orderId);
    await recordAttempt(a.db, attempt(order, 'att-1', '小王', T0 + 1000));
    await settle(a, b);
    const got = await getAttempt(b.db, 'att-1');
    expect(got?.agent).toBe('小王');
    expect((await b.db.get('orders', order.key))?.attemptCount).toBe(1);
  });

  it("another agent's attempts keep this browser's attempt counts checked: its next check counts nothing", async () => {
    const server = { current: new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch };
    const a = await agent('A', server);
    const b = await agent('B', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await recordAttempt(a.db, attempt(order, 'att-first', 'A', T0 + 1));
    await settle(a, b);
    // B's counts agree with its store: one count marks them checked.
    expect(await attemptStatsStale(b.db)).toBe(false);
    expect((await b.db.get('settings', ATTEMPT_STATS_KEY))?.value).toEqual({ counted: 1, checked: true });
    await recordAttempt(a.db, attempt(order, 'att-second', 'A', T0 + 2));
    await recordAttempt(a.db, attempt(order, 'att-third', 'A', T0 + 3));
    await settle(a, b);
    expect(await countAttempts(b.db)).toBe(3);
    // Still checked, and exact: a waking worker trusts it instead of counting a year of attempts.
    expect((await b.db.get('settings', ATTEMPT_STATS_KEY))?.value).toEqual({ counted: 3, checked: true });
    expect((await b.db.get('orders', order.key))?.attemptCount).toBe(3);
  });

  it('after the first sync, a new attempt is mirrored without reading every store, and reaches B', async () => {
    const server = { current: new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch };
    const a = await agent('A', server);
    const b = await agent('B', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await settle(a, b);
    a.reads.getAll = 0;
    await recordAttempt(a.db, attempt(order, 'att-tracked', 'A', T0 + 5));
    a.engine.localChanged();
    await settle(a, b);
    expect((await getAttempt(b.db, 'att-tracked'))?.agent).toBe('A');
    // Only the written records were read: no store was read whole.
    expect(a.reads.getAll).toBe(0);
  });

  it("a person's action after a quiet spell goes to the server at once; a page read's writes, and the rest of a burst, wait for the debounce", async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const clock = manualClock();
    const a = await agent('A', { current: shared }, clock);
    const onServer = (id: string) => shared.get(id).then(() => true, () => false);
    // An order's attempts are one document on the server.
    const attemptOnServer = (orderKey: string, id: string) => shared.get(`attempts:${orderKey}`).then((d) => ((d.record as { attempts: { id: string }[] }).attempts).some((x) => x.id === id), () => false);
    const quiet = () => within(15_000, () => a.engine.status().state === 'idle' && a.engine.status().pending === 0);
    expect(await quiet()).toBe(true);
    const order = manualRingOrder(T0);
    // An order as a page read writes it: pushed 300 ms after the last write, not before.
    await a.db.put('orders', order);
    a.engine.localChanged();
    clock.advance(0);
    expect(await within(400, () => onServer(`order:${order.key}`))).toBe(false);
    clock.advance(300);
    expect(await within(15_000, () => onServer(`order:${order.key}`))).toBe(true);
    expect(await quiet()).toBe(true);
    // An attempt after a quiet spell: no wait.
    clock.advance(2_000);
    await recordAttempt(a.db, attempt(order, 'att-now', 'A', clock.now()));
    a.engine.localChanged();
    clock.advance(0);
    expect(await within(15_000, () => attemptOnServer(order.key, 'att-now'))).toBe(true);
    expect(await quiet()).toBe(true);
    // The next one 50 ms later is part of a burst: it waits for the debounce, so the burst goes as one.
    clock.advance(50);
    await recordAttempt(a.db, attempt(order, 'att-burst', 'A', clock.now()));
    a.engine.localChanged();
    clock.advance(0);
    expect(await within(400, () => attemptOnServer(order.key, 'att-burst'))).toBe(false);
    clock.advance(300);
    expect(await within(15_000, () => attemptOnServer(order.key, 'att-burst'))).toBe(true);
  });

  it('a burst keeps its debounce when the replication pauses meanwhile (a change from the server)', async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const clock = manualClock();
    const a = await agent('A', { current: shared }, clock);
    const onServer = (id: string) => shared.get(id).then(() => true, () => false);
    // An order's attempts are one document on the server.
    const attemptOnServer = (orderKey: string, id: string) => shared.get(`attempts:${orderKey}`).then((d) => ((d.record as { attempts: { id: string }[] }).attempts).some((x) => x.id === id), () => false);
    expect(await within(15_000, () => a.engine.status().state === 'idle' && a.engine.status().pending === 0)).toBe(true);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    clock.advance(2_000);
    // Logging back to back: the first goes at once, the next waits for the burst's end.
    await recordAttempt(a.db, attempt(order, 'att-1', 'A', clock.now()));
    a.engine.localChanged();
    clock.advance(0);
    expect(await within(15_000, () => attemptOnServer(order.key, 'att-1'))).toBe(true);
    clock.advance(50);
    await recordAttempt(a.db, attempt(order, 'att-2', 'A', clock.now()));
    a.engine.localChanged();
    clock.advance(0);
    // Another agent's change reaches the server: A's replication pulls it and pauses again.
    await shared.bulkDocs([{ _id: 'zz-other', note: 'from elsewhere' } as never]);
    expect(await within(15_000, async () => (await a.mirrorNow().get('zz-other').then(() => true, () => false)) && a.engine.status().state === 'idle')).toBe(true);
    expect(await within(600, () => attemptOnServer(order.key, 'att-2'))).toBe(false);
    clock.advance(300);
    expect(await within(15_000, () => attemptOnServer(order.key, 'att-2'))).toBe(true);
  });

  it('a write not yet mirrored counts as pending until it is on the server', async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const clock = manualClock();
    const a = await agent('A', { current: shared }, clock);
    expect(await within(15_000, () => a.engine.status().state === 'idle' && a.engine.status().pending === 0)).toBe(true);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    a.engine.localChanged();
    // Noted, its push still waiting for the debounce: one change not sent.
    expect(a.engine.status().pending).toBe(1);
    clock.advance(300);
    expect(await within(15_000, () => a.engine.status().pending === 0)).toBe(true);
    expect((await shared.get(`order:${order.key}`))._id).toBe(`order:${order.key}`);
  });

  it('a worker woken by a claim keeps it: the claim waits for the stored configuration and claims instead of being dropped', async () => {
    const server = { current: undefined as Pouch | undefined };
    const a = await agent('A', server);
    const earlier = { key: 'manual:JW-2026-201' };
    await a.engine.claim(earlier.key);
    // A new worker (the old one slept): nothing read yet when the panel's claim arrives.
    const woken = a.restart();
    const order = { key: 'manual:JW-2026-202' };
    await woken.claim(order.key);
    const { me, claims } = woken.claims();
    expect(me).toBe('A');
    expect(claims.map((c) => c.orderKey).sort()).toEqual([earlier.key, order.key].sort());
    // It is in the mirror too, for the other agents.
    expect((await a.mirrorNow().get(`claim:${order.key}`).catch(() => undefined)) !== undefined).toBe(true);
    // Asked before anything was read, the claims wait for it as well.
    const fresh = a.restart();
    await fresh.known();
    expect(fresh.claims()).toMatchObject({ me: 'A' });
    expect(fresh.claims().claims.map((c) => c.orderKey).sort()).toEqual([earlier.key, order.key].sort());
  });

  it("an agent's own claim tells its panels at once, server or not; another's arrives as a claim notice, with no store re-read", async () => {
    const server = { current: undefined as Pouch | undefined };
    const a = await agent('A', server);
    const order = manualRingOrder(T0);
    // No server: the claim cannot come round through replication.
    await a.engine.claim(order.key);
    expect(a.claimNotices()).toBe(1);
    expect(a.engine.claims().claims.map((c) => c.orderKey)).toEqual([order.key]);

    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    server.current = shared;
    const c = await agent('C', server);
    const d = await agent('D', server);
    await settle(c, d);
    const changesBefore = d.changes();
    const noticesBefore = { c: c.claimNotices(), d: d.claimNotices() };
    await c.engine.claim(order.key);
    expect(c.claimNotices()).toBe(noticesBefore.c + 1);
    await settle(c, d);
    expect(d.engine.claims().claims).toEqual([{ orderKey: order.key, agent: 'C', at: T0 }]);
    expect(d.claimNotices()).toBe(noticesBefore.d + 1);
    expect(d.changes()).toBe(changesBefore);
    // C's own claim came back round through the server: not told twice.
    expect(c.claimNotices()).toBe(noticesBefore.c + 1);
  });

  it("an agent's own attempt, come back round from the server, is neither written again nor told again", async () => {
    const server = { current: new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch };
    const clock = manualClock();
    const a = await agent('A', server, clock);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await settle(a);
    clock.advance(5_000);
    const told = a.changes();
    // Fields in the order the background writes them (not the import schema's order, which the server's copy has).
    const logged = { id: 'att-own', orderKey: order.key, buyerKey: `manual:${order.buyer.nick}`, platform: 'manual', direction: 'outbound', at: T0 + 9, action: 'manual', channel: 'phone', text: '', outcome: 'no_reply', note: 'called', agent: 'A' };
    await recordAttempt(a.db, logged as ContactAttempt);
    a.engine.localChanged();
    await settle(a);
    expect(((await server.current.get(`attempts:${order.key}`)).record as { attempts: unknown[] }).attempts).toEqual([expect.objectContaining({ id: 'att-own', note: 'called' })]);
    // A notice held back by the once-a-second limit would be out by now.
    clock.advance(5_000);
    expect(a.changes()).toBe(told);
    expect(Object.keys((await getAttempt(a.db, 'att-own'))!)).toEqual(Object.keys(logged));
  });

  it('a worker that stopped before mirroring its writes sends them after it restarts', async () => {
    const server = { current: new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch };
    const a = await agent('A', server);
    const b = await agent('B', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await settle(a, b);
    // Written and listed, then the worker stops before its debounced push: the list is gone with it.
    await recordAttempt(a.db, attempt(order, 'att-unsent', 'A', T0 + 7));
    await new Promise((r) => setTimeout(r, 20));
    const woken = a.restart();
    await woken.resume();
    await settle({ engine: woken }, b);
    expect((await getAttempt(b.db, 'att-unsent'))?.agent).toBe('A');
  });

  it('erasing local data stops sync and empties the mirror; the server keeps everything', async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const server = { current: shared as Pouch | undefined };
    const a = await agent('A', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await settle(a);
    expect((await shared.allDocs({})).rows.map((r) => r.id)).toContain(`order:${order.key}`);
    await a.engine.eraseLocal();
    expect(a.engine.status().state).toBe('off');
    expect(a.engine.config()?.enabled).toBe(false);
    // The mirror is gone (a database of that name is empty again), the server untouched.
    const mirror = a.mirrorNow();
    expect((await mirror.allDocs({})).rows).toEqual([]);
    expect((await shared.allDocs({})).rows.map((r) => r.id)).toContain(`order:${order.key}`);
    // Nothing comes back: a change on the server is not pulled while sync is off.
    await shared.bulkDocs([{ _id: 'order:manual:later', record: { ...order, key: 'manual:later', orderId: 'later' } }]);
    await a.engine.flush();
    await a.engine.resume();
    expect(await a.db.get('orders', 'manual:later')).toBeUndefined();
  });

  it('attempts logged on both sides while apart are all kept, once each', async () => {
    const server = { current: undefined as Pouch | undefined };
    const a = await agent('A', server);
    const b = await agent('B', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await b.db.put('orders', order);
    for (let i = 0; i < 3; i++) await recordAttempt(a.db, attempt(order, `a-${i}`, 'A', T0 + i));
    for (let i = 0; i < 2; i++) await recordAttempt(b.db, attempt(order, `b-${i}`, 'B', T0 + 10 + i));
    await settle(a, b);
    server.current = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    await a.engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: 'A', enabled: true });
    await b.engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: 'B', enabled: true });
    await settle(a, b);
    for (const side of [a, b]) {
      const ids = (await allAttempts(side.db)).map((x) => x.id).sort();
      expect(ids).toEqual(['a-0', 'a-1', 'a-2', 'b-0', 'b-1']);
      expect((await side.db.get('orders', order.key))?.attemptCount).toBe(5);
    }
  });

  it('a plan edited by both agents while apart resolves to the later edit, the other revision in its history', async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const server = { current: shared as Pouch | undefined };
    const a = await agent('A', server);
    const b = await agent('B', server);
    const order = manualRingOrder(T0);
    const plan = (updatedAt: number, note: string) => ({
      id: order.key,
      orderKey: order.key,
      status: 'open',
      plan: {
        id: order.key, orderKey: order.key, presetId: 'custom', total: order.amount, lang: 'en', bank: {},
        stages: [{ id: 's1', kind: 'deposit', share: { kind: 'rest' }, amountMinor: 500_000, currency: 'USD', trigger: { kind: 'custom', text: note }, method: 'bank_transfer', status: 'planned', lateChecks: 0, payments: [] }],
        events: [], createdAt: T0, updatedAt,
      },
    });
    await a.db.put('orders', order);
    await a.db.put('milestones', plan(T0, 'first') as never);
    await settle(a, b);
    expect((await b.db.get('milestones', order.key))?.plan?.stages[0]?.trigger.text).toBe('first');
    // Both edit while the server is away.
    server.current = undefined;
    await a.engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: 'A', enabled: true });
    await b.engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: 'B', enabled: true });
    await a.db.put('milestones', plan(T0 + 2_000, 'A later') as never);
    await b.db.put('milestones', plan(T0 + 1_000, 'B earlier') as never);
    await settle(a, b);
    server.current = shared;
    await a.engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: 'A', enabled: true });
    await b.engine.enable({ ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', agent: 'B', enabled: true });
    await settle(a, b);
    for (const side of [a, b]) {
      const stored = (await side.db.get('milestones', order.key))!.plan!;
      expect(stored.stages[0]!.trigger.text).toBe('A later');
      expect(stored.events.some((e) => e.kind === 'edited' && e.note?.includes(new Date(T0 + 1_000).toISOString()))).toBe(true);
    }
  });

  it("attempts an earlier version sent one document each are merged into the order's, counted once, and never written back", async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const a = await agent('A', { current: shared });
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await recordAttempt(a.db, attempt(order, 'mine', 'A', T0 + 1_000));
    a.engine.localChanged();
    await settle(a);
    // An agent still on the earlier version logs two on the same order, and one on an order A does not hold yet.
    const old = (id: string, at: number, key = order.key) => ({ _id: `attempt:${id}`, record: { ...attempt(order, id, 'B', at), orderKey: key } });
    await shared.bulkDocs([old('old-1', T0 - 2_000), old('old-2', T0 + 2_000), old('old-3', T0, 'manual:elsewhere')]);
    await settle(a);
    expect((await listAttempts(a.db, order.key)).map((x) => `${x.id} ${x.agent}`)).toEqual(['old-2 B', 'mine A', 'old-1 B']);
    expect((await listAttempts(a.db, 'manual:elsewhere')).map((x) => x.id)).toEqual(['old-3']);
    expect((await a.db.get('orders', order.key))?.attemptCount).toBe(3);
    expect(await countAttempts(a.db)).toBe(4);
    expect(((await a.db.get('settings', ATTEMPT_STATS_KEY))?.value as { counted: number }).counted).toBe(4);
    const legacy = await shared.get('attempt:old-1');
    expect(legacy._rev!.startsWith('1-')).toBe(true);
  });

  it("another agent's reminder that arrives before the buyer's record still counts for the daily limit, and the record arriving later keeps it", async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const b = await agent('B', { current: shared });
    const order = manualRingOrder(T0);
    const buyerKey = `manual:${order.buyer.nick}`;
    // A's attempt in one batch of B's pull; the buyer's record (it carries no last reminder: that is derived) in a later one.
    await shared.bulkDocs([{ _id: `attempts:${order.key}`, record: { orderKey: order.key, attempts: [attempt(order, 'a-1', 'A', T0 - 60_000)] } }]);
    await settle(b);
    expect((await b.db.get('buyers', buyerKey))?.lastRemindedAt).toBe(T0 - 60_000);
    const record = { key: buyerKey, platform: 'manual', nick: order.buyer.nick, firstSeenAt: T0 - 120_000, lastSeenAt: T0 - 60_000, paidOrderKeys: [], note: 'prefers mornings' };
    await shared.bulkDocs([{ _id: `buyer:${buyerKey}`, record }]);
    await settle(b);
    expect(await b.db.get('buyers', buyerKey)).toEqual({ ...record, lastRemindedAt: T0 - 60_000 });
  });

  it('a malformed document on the server is refused and reported; nothing local changes', async () => {
    const shared = new PouchDB(`server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
    const server = { current: shared as Pouch | undefined };
    const a = await agent('A', server);
    const order = manualRingOrder(T0);
    await a.db.put('orders', order);
    await settle(a);
    const doc = await shared.get(`order:${order.key}`);
    await shared.bulkDocs([{ ...doc, record: { ...(doc.record as object), amount: { minor: -1, currency: 'usd' } } }, { _id: 'order:manual:evil', record: { key: 'manual:evil' } }]);
    await settle(a);
    expect(await a.db.get('orders', order.key)).toEqual(order);
    expect(await a.db.get('orders', 'manual:evil')).toBeUndefined();
    expect(a.engine.status().refused).toBeGreaterThanOrEqual(2);
  });

  it('with sync off nothing is mirrored and no server is ever made', async () => {
    const db = await openPayNudgeDb(`pn-off-${++n}`);
    const team = await openTeamDb(`team-off-${n}`);
    let remotes = 0;
    let mirrors = 0;
    const engine = createSyncEngine({
      db: async () => db,
      team: async () => team,
      mirror: () => (mirrors++, new PouchDB(`mirror-off-${n}`, { adapter: 'memory' }) as unknown as Pouch),
      remote: () => void remotes++,
      now: () => T0,
      changed: () => undefined,
    });
    await engine.resume();
    await db.put('orders', manualRingOrder(T0));
    engine.localChanged();
    await engine.flush();
    await engine.claim('manual:JW-2026-118');
    expect({ remotes, mirrors, state: engine.status().state, claims: engine.claims().claims }).toEqual({ remotes: 0, mirrors: 0, state: 'off', claims: [] });
  });
});
