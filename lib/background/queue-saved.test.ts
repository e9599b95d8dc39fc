import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '@/test/support/db';
import { observedAt } from '@/test/support/builders';
import { applyPageRead } from '../store/orders';
import type { Db } from '../store/db';

/** Long enough that only an answer waiting on the held store takes it (a busy machine's answer comes well before); the store is held until the test lets go. */
const WAITED_MS = 15_000;

// Chrome stops an idle worker; the next panel open wakes a new one. It answers from the queue the last worker
// saved (when nothing was written since) instead of reading every open order and buyer first, then reads the
// store behind that answer and tells the panel if the two differ.

const NOW = Date.UTC(2026, 11, 4, 4);
const HOUR = 3_600_000;
const tab = { orderKeys: [], hasComposer: false };
const URL_SOLD = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';

/** The worker's CacheStorage: one cache, bodies kept as text. */
function fakeCaches() {
  const bodies = new Map<string, string>();
  const reads = { n: 0 };
  const cache = {
    match: async (url: string) => (reads.n++, bodies.has(url) ? new Response(bodies.get(url)) : undefined),
    put: async (url: string, response: Response) => void bodies.set(url, await response.text()),
    delete: async (url: string) => bodies.delete(url),
  };
  return { bodies, reads, storage: { open: async () => cache } };
}

/** A worker: the queue module as a fresh worker loads it (nothing in memory). */
async function worker() {
  vi.resetModules();
  return import('./queue');
}

/** Keeps a readwrite transaction on the orders store open until released: no read of it can finish meanwhile. */
function holdOrders(db: Db): { release: () => Promise<void> } {
  const tx = db.transaction('orders', 'readwrite');
  let held = true;
  const spin = () => {
    if (held) void tx.store.get('none').then(spin);
  };
  spin();
  return {
    release: async () => {
      held = false;
      await tx.done;
    },
  };
}

let db: Db;
let saved: ReturnType<typeof fakeCaches>;
const waitForSave = () => vi.waitFor(() => expect(saved.bodies.size).toBe(1), { timeout: 10_000, interval: 100 });

beforeEach(async () => {
  saved = fakeCaches();
  vi.stubGlobal('caches', saved.storage);
  db = await freshDb('queue-saved');
  const orders = Array.from({ length: 3 }, (_, i) =>
    observedAt(NOW)(`42000000000000${i}`, `buyer-${i}`, { amount: { minor: 1000 + i, currency: 'CNY' }, createdAt: NOW - 2 * HOUR, autoCloseAt: NOW + 48 * HOUR }),
  );
  await applyPageRead(db, { platform: 'taobao', url: URL_SOLD, listKey: 'l', unpaidOnly: true, complete: true, orders, unreadable: 0 }, NOW);
});
afterEach(() => {
  vi.unstubAllGlobals();
  db.close();
});

describe('queue: the queue a stopped worker saved', () => {
  it('answers a waking worker before the orders store can be read, and checks the store behind it', async () => {
    const first = await (await worker()).queueWindow(db, NOW, tab, {});
    await waitForSave();

    const next = await worker();
    const hold = holdOrders(db);
    const told = vi.fn();
    const answer = await Promise.race([
      next.queueWindow(db, NOW + 60_000, tab, {}, { onStatsRebuilt: told }),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), WAITED_MS)),
    ]);
    expect(answer).not.toBe('waited');
    if (answer === 'waited') return;
    expect(answer.rows.map((r) => r.key)).toEqual(first.rows.map((r) => r.key));
    expect(answer.total).toBe(3);
    await hold.release();
    // The store says the same: nobody is told.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(told).not.toHaveBeenCalled();
  }, 30_000);

  it('is removed by the first write after it was saved', async () => {
    const queue = await worker();
    const list = await queue.queueWindow(db, NOW, tab, {});
    await waitForSave();
    const order = (await db.get('orders', list.rows[0]!.key))!;
    await db.put('orders', { ...order, amount: { minor: 4242, currency: 'CNY' } });
    await vi.waitFor(() => expect(saved.bodies.size).toBe(0), { timeout: 5000 });
  }, 30_000);

  it('left behind by a worker stopped before it could remove it: the panel is told, and asks for the store as it is', async () => {
    const queue = await worker();
    const list = await queue.queueWindow(db, NOW, tab, {});
    await waitForSave();
    const [url, body] = [...saved.bodies][0]!;
    const key = list.rows[0]!.key;
    const order = (await db.get('orders', key))!;
    await db.put('orders', { ...order, amount: { minor: 4242, currency: 'CNY' } });
    // The worker stopped between the write and the removal: the old queue is still saved.
    saved.bodies.set(url, body);

    const next = await worker();
    const told = vi.fn();
    const answer = await next.queueWindow(db, NOW + 60_000, tab, {}, { onStatsRebuilt: told });
    expect(answer.rows.find((r) => r.key === key)?.amount.minor).toBe(order.amount.minor);
    await vi.waitFor(() => expect(told).toHaveBeenCalledTimes(1), { timeout: 5000 });
    const again = await next.queueWindow(db, NOW + 60_000, tab, {}, { onStatsRebuilt: told });
    expect(again.rows.find((r) => r.key === key)?.amount.minor).toBe(4242);
  }, 30_000);
});

// A waking worker starts reading the queue the last worker saved as it starts (startBackground calls
// prefetchSavedQueue), before the request that woke it is handled: the first answer does not wait for that read.
describe('queue: the saved queue read as the worker starts', () => {
  it('is read from disk before any request, and the first request answers from that read', async () => {
    const first = await (await worker()).queueWindow(db, NOW, tab, {});
    await waitForSave();
    saved.reads.n = 0;

    const next = await worker();
    next.prefetchSavedQueue();
    await vi.waitFor(() => expect(saved.reads.n).toBe(1), { timeout: 5000 });
    // Gone from disk after it was read: the request answers from what was read, without reading again.
    saved.bodies.clear();
    const hold = holdOrders(db);
    const answer = await Promise.race([
      next.queueWindow(db, NOW + 60_000, tab, {}, { onStatsRebuilt: () => undefined }),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), WAITED_MS)),
    ]);
    expect(answer).not.toBe('waited');
    if (answer === 'waited') return;
    expect(answer.rows.map((r) => r.key)).toEqual(first.rows.map((r) => r.key));
    expect(saved.reads.n).toBe(1);
    await hold.release();
    // The store read behind the answer finishes before the database is closed.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, 30_000);

  it('read as the worker started but written over before the first request: not used', async () => {
    const list = await (await worker()).queueWindow(db, NOW, tab, {});
    await waitForSave();

    const next = await worker();
    next.prefetchSavedQueue();
    await vi.waitFor(() => expect(saved.reads.n).toBeGreaterThan(0), { timeout: 5000 });
    // A page read changes an order in this worker before the panel asks (and the background tells the queue).
    const key = list.rows[0]!.key;
    const order = (await db.get('orders', key))!;
    await db.put('orders', { ...order, amount: { minor: 4242, currency: 'CNY' } });
    next.invalidateQueues();
    const answer = await next.queueWindow(db, NOW + 60_000, tab, {}, { onStatsRebuilt: () => undefined });
    expect(answer.rows.find((r) => r.key === key)?.amount.minor).toBe(4242);
    // The store as read now is what gets saved for the next worker.
    await vi.waitFor(() => expect([...saved.bodies.values()][0]).toContain('"minor":4242'), { timeout: 10_000, interval: 100 });
  }, 30_000);
});

// A waking worker's database open can wait seconds behind what the stopped worker left running there (a big shop's
// year): its first panel answer comes from the saved queue without waiting for it.
describe('queue: a waking worker whose database is still opening', () => {
  it('answers the first window from the saved queue, then keeps it for the database once open', async () => {
    const first = await (await worker()).queueWindow(db, NOW, tab, {});
    await waitForSave();

    const next = await worker();
    next.prefetchSavedQueue();
    let open!: (value: Db) => void;
    const opening = new Promise<Db>((resolve) => (open = resolve));
    const told = vi.fn();
    const answer = await Promise.race([
      next.queueWindowOpening(opening, db.name, NOW + 60_000, tab, {}, { onStatsRebuilt: told }),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000)),
    ]);
    expect(answer).not.toBe('waited');
    if (answer === 'waited') return;
    expect(answer.rows.map((r) => r.key)).toEqual(first.rows.map((r) => r.key));
    expect(answer.total).toBe(first.total);

    open(db);
    const reads = saved.reads.n;
    // Once open, the next request is answered from the same restored queue (no second read of the saved copy), and
    // the store read behind it finds the same queue: nobody is told.
    const again = await next.queueWindow(db, NOW + 60_000, tab, {}, { onStatsRebuilt: told });
    expect(again.rows.map((r) => r.key)).toEqual(first.rows.map((r) => r.key));
    expect(saved.reads.n).toBe(reads);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(told).not.toHaveBeenCalled();
  }, 30_000);

  it('waits for the open when no queue was saved', async () => {
    const next = await worker();
    let open!: (value: Db) => void;
    const opening = new Promise<Db>((resolve) => (open = resolve));
    let answered = false;
    const answer = next.queueWindowOpening(opening, db.name, NOW, tab, {}).then((w) => ((answered = true), w));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    open(db);
    expect((await answer).total).toBe(3);
  }, 30_000);
});

