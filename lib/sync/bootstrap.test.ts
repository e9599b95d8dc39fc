import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { openPayNudgeDb } from '../store/db';
import { openTeamDb, readKv, writeConfig, writeKv } from './store';
import { createSyncEngine, type Pouch, type PouchDoc } from './engine';
import { manualRingOrder } from '@/test/support/background-deps';
import { ATTEMPT_STATS_KEY, recordAttempt } from '../store/buyers';
import type { Order } from '../orders/model';
import { EMPTY_CONFIG } from './config';
import { watchWrites } from '../store/changes';
import type { FirstSync } from './bootstrap';
import { allAttempts, countAttempts, getAttempt } from '../store/attempts';
import { sharedPack, type Rec } from './docs';

// A new agent's first sync reads the server straight into its store
// (./bootstrap.ts), then PouchDB's replication takes over. The server is a
// PouchDB memory database, as in engine.test.ts.

PouchDB.plugin(memory).plugin(replication);

let n = 0;
const T0 = Date.UTC(2026, 11, 4, 6);
const CONFIG = { ...EMPTY_CONFIG, url: 'http://127.0.0.1:5984', db: 'shop', enabled: true };

function orderRec(i: number): Order {
  return { ...manualRingOrder(T0), orderId: `B-${i}`, key: `manual:B-${i}`, buyer: { nick: `buyer-${i % 3}` }, amount: { minor: 1000 + i, currency: 'USD' } };
}
function orderDoc(i: number): PouchDoc {
  return { _id: `order:manual:B-${i}`, record: orderRec(i) };
}
function attemptDoc(a: number, orders: number): PouchDoc {
  const i = a % orders;
  return {
    _id: `attempt:s-${a}`,
    record: { id: `s-${a}`, orderKey: `manual:B-${i}`, buyerKey: `manual:buyer-${i % 3}`, platform: 'manual', channel: 'chat', direction: 'outbound', action: 'manual', text: 'hi', at: T0 + a, outcome: 'sent', agent: '小王' },
  };
}

function newServer(): Pouch {
  return new PouchDB(`boot-server-${++n}`, { adapter: 'memory' }) as unknown as Pouch;
}

function buyerDoc(b: number): PouchDoc {
  return { _id: `buyer:manual:buyer-${b}`, record: { key: `manual:buyer-${b}`, platform: 'manual', nick: `buyer-${b}`, firstSeenAt: T0, lastSeenAt: T0, paidOrderKeys: [] } };
}

/** The attempts as this version sends them: one document per order holding all of its attempts. */
function packDocs(attempts: PouchDoc[]): PouchDoc[] {
  const byOrder = new Map<string, Rec[]>();
  for (const d of attempts) {
    const r = d.record as Rec;
    byOrder.set(String(r.orderKey), [...(byOrder.get(String(r.orderKey)) ?? []), r]);
  }
  return [...byOrder].map(([orderKey, list]) => ({ _id: `attempts:${orderKey}`, record: sharedPack(orderKey, list) }));
}

/** A shop on the server; `legacy`: its attempts one document each, as earlier versions sent them. */
async function seed(server: Pouch, orders: number, attempts: number, options: { legacy?: boolean } = {}) {
  const each = Array.from({ length: attempts }, (_, a) => attemptDoc(a, orders));
  const docs = [...Array.from({ length: orders }, (_, i) => orderDoc(i)), ...(options.legacy ? each : packDocs(each)), ...[0, 1, 2].map(buyerDoc)];
  await server.bulkDocs(docs);
}

/** How the agent reaches the server: the server itself, or a stand-in that counts or breaks its page reads. */
type Reach = { server: Pouch; pages: number; onPage?: (page: number) => Promise<void> | void };

function through(reach: Reach): Pouch {
  return new Proxy(reach.server, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === 'allDocs') {
        return async (options: { keys?: string[] }) => {
          const page = options.keys ? undefined : ++reach.pages;
          // Reads by page are the first sync's; reads by keys the push's.
          if (page !== undefined) await reach.onPage?.(page);
          return target.allDocs(options as never);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function newAgent(name: string, reach: Reach, page = 10) {
  const tag = `${name}-${++n}`;
  const db = await openPayNudgeDb(`boot-pn-${tag}`);
  const team = await openTeamDb(`boot-team-${tag}`);
  const mirrorName = `boot-mirror-${tag}`;
  const restart = () => {
    const engine = createSyncEngine({
      db: async () => db,
      team: async () => team,
      mirror: () => new PouchDB(mirrorName, { adapter: 'memory' }) as unknown as Pouch,
      remote: () => through(reach),
      now: () => Date.now(),
      changed: () => undefined,
      firstSyncPage: page,
    });
    watchWrites(`boot-pn-${tag}`, (write) => engine.noteWrite(write));
    return engine;
  };
  return { db, team, restart, mirror: () => new PouchDB(mirrorName, { adapter: 'memory' }) as unknown as Pouch, config: { ...CONFIG, agent: name } };
}

async function until(what: () => Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('first sync (server read straight into the store)', { timeout: 40_000 }, () => {
  it('fills the store with exactly what the server has, counted on orders and buyers, without the mirror', async () => {
    const server = newServer();
    await seed(server, 12, 57);
    const reach: Reach = { server, pages: 0 };
    const b = await newAgent('新人', reach);
    const engine = b.restart();
    await engine.enable(b.config);
    const orders = await b.db.getAll('orders');
    const attempts = await allAttempts(b.db);
    expect(orders.map((o) => o.key).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `manual:B-${i}`).sort());
    expect(attempts.map((a) => a.id).sort()).toEqual(Array.from({ length: 57 }, (_, a) => `s-${a}`).sort());
    // Every order counts its attempts, as a pull through the mirror counts them.
    for (const o of orders) {
      const mine = attempts.filter((a) => a.orderKey === o.key);
      expect(o.attemptCount, o.key).toBe(mine.length);
      expect(o.lastAttemptAt, o.key).toBe(Math.max(...mine.map((a) => a.at)));
    }
    // Known exact at the end: no later check counts the 57 attempts again (at full size, 500,000 index entries).
    expect((await b.db.get('settings', ATTEMPT_STATS_KEY))?.value).toEqual({ counted: 57, checked: true });
    // Each buyer's last reminder, which the daily limit per buyer reads, as a pull sets it.
    for (const buyer of await b.db.getAll('buyers')) {
      expect(buyer.lastRemindedAt, buyer.key).toBe(Math.max(...attempts.filter((a) => a.buyerKey === buyer.key).map((a) => a.at)));
    }
    expect((await b.db.getAll('buyers')).length).toBe(3);
    // Read in pages of 10 (72 documents: buyers, attempts, orders), not replicated into the mirror.
    expect(reach.pages).toBeLessThanOrEqual(10);
    expect((await b.mirror().allDocs({})).rows.filter((r) => !r.id.startsWith('_'))).toEqual([]);
    expect(engine.status().refused).toBe(0);
    await engine.disable();
  });

  it("a server an earlier version wrote (one document per attempt) fills the store exactly as the same shop in packs", async () => {
    const stores = async (legacy: boolean) => {
      const server = newServer();
      await seed(server, 12, 57, { legacy });
      const b = await newAgent('新人', { server, pages: 0 });
      const engine = b.restart();
      await engine.enable(b.config);
      const out = {
        attempts: (await allAttempts(b.db)).sort((x, y) => (x.id < y.id ? -1 : 1)),
        packs: await b.db.count('attempts'),
        orders: await b.db.getAll('orders'),
        buyers: await b.db.getAll('buyers'),
        stats: (await b.db.get('settings', ATTEMPT_STATS_KEY))?.value,
        refused: engine.status().refused,
      };
      await engine.disable();
      return out;
    };
    const packed = await stores(false);
    const legacy = await stores(true);
    expect(legacy).toEqual(packed);
    expect(packed.attempts.length).toBe(57);
    expect(packed.packs).toBe(12);
    expect(packed.refused).toBe(0);
  });

  it('a page of thousands (held records found by one key-range read) counts the same, keeping what this browser holds', async () => {
    const server = newServer();
    await seed(server, 2_500, 2_600);
    const b = await newAgent('新人', { server, pages: 0 }, 10_000);
    // Held here before: one of the orders, and one of the server's attempts on it.
    await b.db.put('orders', orderRec(7));
    await recordAttempt(b.db, attemptDoc(7, 2_500).record as never);
    const engine = b.restart();
    await engine.enable(b.config);
    expect((await allAttempts(b.db)).length).toBe(2_600);
    const orders = await b.db.getAll('orders');
    expect(orders.length).toBe(2_500);
    expect(orders.find((o) => o.key === 'manual:B-7')?.attemptCount).toBe(2);
    expect(orders.find((o) => o.key === 'manual:B-2499')?.attemptCount).toBe(1);
    expect(orders.filter((o) => o.attemptCount === 2).length).toBe(100);
    // The attempt held before is not counted twice.
    expect(((await b.db.get('settings', ATTEMPT_STATS_KEY))?.value as { counted: number }).counted).toBe(2_600);
    await engine.disable();
  });

  it('an attempt the person logs while the first sync reads is counted on its order with the server\'s', async () => {
    const server = newServer();
    await seed(server, 30, 90);
    const reach: Reach = { server, pages: 0 };
    const b = await newAgent('新人', reach);
    const mine = { ...(attemptDoc(5, 30).record as object), id: 'logged-here', at: T0 + 5_000 };
    // Between the attempts' pages and the orders': the order is not held yet, so the log counts it nowhere itself.
    reach.onPage = async (page) => {
      if (page === 3) await recordAttempt(b.db, mine as never);
    };
    const engine = b.restart();
    await engine.enable(b.config);
    const orders = await b.db.getAll('orders');
    expect(orders.find((o) => o.key === 'manual:B-5')).toMatchObject({ attemptCount: 4, lastAttemptAt: T0 + 5_000 });
    expect(orders.filter((o) => o.attemptCount === 3).length).toBe(29);
    expect(await countAttempts(b.db)).toBe(91);
    expect((await b.db.get('settings', ATTEMPT_STATS_KEY))?.value).toEqual({ counted: 91, checked: true });
    await engine.disable();
  });

  it('refuses malformed documents: counted, nothing stored, a record held here unchanged', async () => {
    const server = newServer();
    await seed(server, 3, 5);
    const held = orderRec(1);
    await server.bulkDocs([
      // Another amount for an order this agent holds, in a form no import accepts.
      { _id: 'order:manual:B-1', _rev: (await server.get('order:manual:B-1'))._rev, record: { ...held, amount: { minor: -1, currency: 'usd' } } },
      { _id: 'order:manual:evil', record: { key: 'manual:evil' } },
      { _id: 'attempt:x', record: { id: 'not-x', orderKey: 'manual:B-0' } },
      { _id: 'nonsense:1', record: {} },
    ]);
    const b = await newAgent('新人', { server, pages: 0 });
    const local = { ...held, note: 'mine' } as Order;
    await b.db.put('orders', local);
    const engine = b.restart();
    await engine.enable(b.config);
    // Its attempts from the server are counted on it; what was entered here stays.
    expect(await b.db.get('orders', 'manual:B-1')).toMatchObject(local);
    expect(await b.db.get('orders', 'manual:evil')).toBeUndefined();
    expect(await getAttempt(b.db, 'not-x')).toBeUndefined();
    expect(engine.status().refused).toBe(4);
    expect((await allAttempts(b.db)).length).toBe(5);
    await engine.disable();
  });

  it('a document written on the server while the first sync reads arrives afterwards through replication', async () => {
    const server = newServer();
    await seed(server, 10, 30);
    const reach: Reach = { server, pages: 0 };
    reach.onPage = async (page) => {
      if (page !== 2) return;
      // Between two pages: a new attempt (after every id read so far, and before some still to read) and an edit of an order already read.
      const first = await server.get('order:manual:B-0');
      await server.bulkDocs([attemptDoc(1000, 10), { _id: 'attempt:a-late', record: { ...(attemptDoc(1001, 10).record as object), id: 'a-late' } }, { ...first, record: { ...(first.record as object), status: 'paid', statusSource: 'person', statusChangedAt: T0 + 5 } }]);
    };
    const b = await newAgent('新人', reach);
    const engine = b.restart();
    await engine.enable(b.config);
    await until(async () => !!(await getAttempt(b.db, 'a-late')) && !!(await getAttempt(b.db, 's-1000')) && (await b.db.get('orders', 'manual:B-0'))?.status === 'paid');
    expect((await allAttempts(b.db)).length).toBe(32);
    expect((await b.db.get('orders', 'manual:B-0'))?.attemptCount).toBe((await allAttempts(b.db)).filter((a) => a.orderKey === 'manual:B-0').length);
    await engine.disable();
  });

  it('a record edited here after the first sync reaches the server and another agent, without a fork or a lost edit', async () => {
    const server = newServer();
    await seed(server, 4, 8);
    const a = await newAgent('小王', { server, pages: 0 });
    const b = await newAgent('新人', { server, pages: 0 });
    const ea = a.restart();
    await ea.enable(a.config);
    const eb = b.restart();
    await eb.enable(b.config);
    // The edit a conflict's content tie-break would lose: a title that sorts before the server's.
    const edited = { ...(await b.db.get('orders', 'manual:B-2'))!, items: [{ title: 'A different ring', qty: 1 }] };
    await b.db.put('orders', edited);
    eb.localChanged();
    await until(async () => ((await server.get('order:manual:B-2')).record as Order).items[0]!.title === 'A different ring');
    const onServer = await server.get('order:manual:B-2', { conflicts: true });
    expect(onServer._conflicts ?? []).toEqual([]);
    expect(onServer._rev!.startsWith('2-')).toBe(true);
    await until(async () => (await a.db.get('orders', 'manual:B-2'))?.items[0]?.title === 'A different ring');
    await eb.flush();
    expect((await b.db.get('orders', 'manual:B-2'))?.items[0]?.title).toBe('A different ring');
    await ea.disable();
    await eb.disable();
  });

  it("its status tells how far it has read, of about the server's count, while it runs, and nothing once done", async () => {
    const server = newServer();
    await seed(server, 20, 40);
    const reach: Reach = { server, pages: 0 };
    const b = await newAgent('新人', reach);
    const engine = b.restart();
    const seen: (ReturnType<typeof engine.status>['first'])[] = [];
    reach.onPage = () => void seen.push(engine.status().first);
    await engine.enable(b.config);
    // 43 documents (20 orders, their 20 packs of attempts, 3 buyers) in pages of 10: each page read adds to what the status tells.
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.every((f) => f?.total === 43)).toBe(true);
    const reads = seen.map((f) => f!.read);
    expect(reads[0]).toBe(0);
    expect(reads).toEqual([...reads].sort((x, y) => x - y));
    expect(reads[reads.length - 1]).toBeGreaterThan(20);
    expect(engine.status().first).toBeUndefined();
    expect((await b.db.getAll('orders')).length).toBe(20);
    await engine.disable();
  });

  it('turned off midway, the first sync asks nothing more and writes nothing more; turned on again it finishes', async () => {
    const server = newServer();
    await seed(server, 20, 40);
    const reach: Reach = { server, pages: 0 };
    const b = await newAgent('新人', reach);
    const engine = b.restart();
    reach.onPage = async (page) => {
      if (page === 3) await engine.disable();
    };
    await engine.enable(b.config);
    const asked = reach.pages;
    const held = (await allAttempts(b.db)).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(reach.pages).toBe(asked);
    expect(held).toBeLessThan(40);
    expect((await allAttempts(b.db)).length).toBe(held);
    expect(engine.status().state).toBe('off');
    reach.onPage = undefined;
    await engine.enable(b.config);
    expect((await allAttempts(b.db)).length).toBe(40);
    expect((await b.db.getAll('orders')).length).toBe(20);
    await engine.disable();
  });

  it('a first sync cut off midway and restarted ends whole, each attempt once and counted once', async () => {
    const server = newServer();
    await seed(server, 30, 90);
    const reach: Reach = { server, pages: 0 };
    reach.onPage = (page) => {
      // The server goes away on the fourth page.
      if (page >= 4) throw Object.assign(new Error('fetch failed'), { status: 0 });
    };
    const b = await newAgent('新人', reach);
    const engine = b.restart();
    await engine.enable(b.config);
    expect(engine.status()).toMatchObject({ state: 'error', error: 'unreachable' });
    const partial = await readKv<FirstSync>(b.team, 'firstSync');
    expect(partial?.done).toBe(false);
    const got = (await allAttempts(b.db)).length;
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(90);
    await engine.disable();
    // The worker is killed; the last page's progress was lost too (written to the store, not yet noted).
    await writeKv(b.team, 'firstSync', { ...partial, after: undefined, read: 0 });
    reach.onPage = undefined;
    const restarted = b.restart();
    await restarted.enable(b.config);
    expect((await readKv<FirstSync>(b.team, 'firstSync'))?.done).toBe(true);
    const attempts = await allAttempts(b.db);
    expect(attempts.map((x) => x.id).sort()).toEqual(Array.from({ length: 90 }, (_, x) => `s-${x}`).sort());
    for (const o of await b.db.getAll('orders')) expect(o.attemptCount, o.key).toBe(3);
    expect(((await b.db.get('settings', ATTEMPT_STATS_KEY))?.value as { counted: number }).counted).toBe(90);
    await restarted.disable();
  });
  it('leaves the store record by record as the pull through the mirror leaves it for the same server content', async () => {
    // A shop as agents leave it on the server: orders, the records of the buyers they reminded, and attempts of
    // both directions, out of time order, some with a promised follow-up; a walk-in buyer reminded by phone has no
    // record on the server (the reminder arrives alone).
    const server = newServer();
    const orders = Array.from({ length: 8 }, (_, i) => orderDoc(i));
    const walkIn: PouchDoc = { _id: 'order:manual:W-1', record: { ...orderRec(100), orderId: 'W-1', key: 'manual:W-1', buyer: { nick: 'walk-in', displayName: 'Walk-in' }, firstSeenAt: T0 - 86_400_000 } };
    const attempts = Array.from({ length: 45 }, (_, a) => {
      const doc = attemptDoc(a, 8);
      const record = doc.record as Record<string, unknown>;
      const at = T0 + ((a * 7919) % 1000) * 60_000;
      return { ...doc, record: { ...record, at, direction: a % 4 === 3 ? 'inbound' : 'outbound', ...(a % 5 === 0 ? { outcome: 'promised', followUpAt: at + 7_200_000 } : {}) } };
    });
    const walkInAttempts = [1, 2].map((k) => ({ _id: `attempt:w-${k}`, record: { id: `w-${k}`, orderKey: 'manual:W-1', buyerKey: 'manual:walk-in', platform: 'manual', channel: 'phone', direction: 'outbound', action: 'manual', text: 'hi', at: T0 + k * 3_600_000, outcome: 'sent', agent: '小李' } }));
    await server.bulkDocs([...orders, walkIn, ...[0, 1, 2].map(buyerDoc), ...attempts, ...walkInAttempts]);
    const total = attempts.length + walkInAttempts.length;

    // One agent takes the shop by the first sync (pages of 7), the other through the mirror and the pull.
    const boot = await newAgent('新人', { server, pages: 0 }, 7);
    const bootEngine = boot.restart();
    await bootEngine.enable(boot.config);
    const pulled = await newAgent('小张', { server, pages: 0 });
    // A mirror that synced before first syncs read the server (same server and database): it replicates from the start.
    await writeConfig(pulled.team, { ...pulled.config, enabled: false });
    await writeKv(pulled.team, 'firstSync', { since: 0, done: true, handedOver: true, read: 0, refused: 0 } satisfies FirstSync);
    const pullEngine = pulled.restart();
    await pullEngine.enable(pulled.config);
    await until(async () => (await countAttempts(pulled.db)) === total && (await pulled.db.count('orders')) === 9);
    await pullEngine.flush();
    expect((await readKv<FirstSync>(boot.team, 'firstSync'))?.done).toBe(true);
    // That one went through the mirror: it holds every document.
    expect((await pulled.mirror().allDocs({})).rows.filter((r) => !r.id.startsWith('_')).length).toBe(9 + 3 + total);

    for (const store of ['orders', 'buyers', 'attempts'] as const) {
      const mine = await boot.db.getAll(store);
      const theirs = await pulled.db.getAll(store);
      const keyOf = (r: object) => ('key' in r ? r.key : 'id' in r ? r.id : undefined);
      expect(mine.map(keyOf), store).toEqual(theirs.map(keyOf));
      theirs.forEach((r, i) => expect(mine[i], `${store} ${JSON.stringify(r).slice(0, 60)}`).toEqual(r));
    }
    // The counts, the last reminders (the daily limit per buyer) and the follow-ups the queue reads.
    // The same count; the first sync also knows it exact (the pull leaves that to the next check, which counts).
    expect((await boot.db.get('settings', ATTEMPT_STATS_KEY))?.value).toEqual({ ...((await pulled.db.get('settings', ATTEMPT_STATS_KEY))?.value as object), checked: true });
    expect(((await boot.db.get('settings', ATTEMPT_STATS_KEY))?.value as { counted: number }).counted).toBe(total);
    expect((await boot.db.get('orders', 'manual:B-3'))?.attemptCount).toBe(6);
    expect((await boot.db.get('buyers', 'manual:walk-in'))?.lastRemindedAt).toBe(T0 + 2 * 3_600_000);
    expect((await boot.db.getAllFromIndex('attempts', 'by-follow-up', IDBKeyRange.lowerBound(0))).length).toBe(9);
    await bootEngine.disable();
    await pullEngine.disable();
  });
});
