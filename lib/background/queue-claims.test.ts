import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '@/test/support/db';
import { observedAt } from '@/test/support/builders';
import { applyPageRead } from '../store/orders';
import { QueueQuerySchema } from '../messaging/workspace';
import { DEFAULT_LIMIT, invalidateQueues, queueWindow, setClaimSource } from './queue';
import type { ObservedOrder } from '../orders/model';

// Team sync's mine / unclaimed filter runs over the whole queue in the
// background, not over the rows a panel happened to load.

const NOW = Date.UTC(2026, 11, 4, 8);
const HOUR = 3_600_000;

function observed(i: number): ObservedOrder {
  return observedAt(NOW)(`3100000000000${String(i).padStart(5, '0')}`, `buyer-${i}`, {
    items: [{ title: `item ${i}`, qty: 1 }],
    // Bigger orders rank first: order 0 is the smallest, at the very end of the queue.
    amount: { minor: 1000 + i * 100, currency: 'CNY' },
    createdAt: NOW - 2 * HOUR,
    autoCloseAt: NOW + 48 * HOUR,
  });
}

afterEach(() => setClaimSource(() => ({ claims: [] })));

describe('queue: the team claim filter', () => {
  it('finds a claimed order beyond the first window under "mine", and leaves it out of "unclaimed"', async () => {
    const db = await freshDb('queue-claims');
    const orders = Array.from({ length: DEFAULT_LIMIT + 100 }, (_, i) => observed(i));
    await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', listKey: 'l', unpaidOnly: true, complete: true, orders, unreadable: 0 }, NOW);
    invalidateQueues();
    const tab = { orderKeys: [], hasComposer: false };
    const everyone = await queueWindow(db, NOW, tab, {});
    expect(everyone.total).toBe(DEFAULT_LIMIT + 100);
    const last = 'taobao:310000000000000000';
    // The claimed order is not among the rows a panel loads first.
    expect(everyone.rows.some((r) => r.key === last)).toBe(false);
    setClaimSource(() => ({ me: '小王', claims: [{ orderKey: last, agent: '小王' }, { orderKey: everyone.rows[0]!.key, agent: '小李' }] }));

    const mine = await queueWindow(db, NOW, tab, { filter: { claim: 'mine' } });
    expect(mine.rows.map((r) => r.key)).toEqual([last]);
    expect({ total: mine.total, all: mine.all }).toEqual({ total: 1, all: DEFAULT_LIMIT + 100 });

    const unclaimed = await queueWindow(db, NOW, tab, { filter: { claim: 'unclaimed' }, limit: 2000 });
    expect(unclaimed.total).toBe(DEFAULT_LIMIT + 98);
    expect(unclaimed.rows.some((r) => r.key === last || r.key === everyone.rows[0]!.key)).toBe(false);

    // Sync off (no agent): the filter changes nothing.
    setClaimSource(() => ({ claims: [{ orderKey: last, agent: '小王' }] }));
    expect((await queueWindow(db, NOW, tab, { filter: { claim: 'mine' } })).total).toBe(DEFAULT_LIMIT + 100);
  });

  it("a worker that has not yet read who it is answers 'mine' once it knows, not with everyone's queue", async () => {
    const db = await freshDb('queue-claims-waking');
    const orders = Array.from({ length: 20 }, (_, i) => observed(i));
    await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', listKey: 'l', unpaidOnly: true, complete: true, orders, unreadable: 0 }, NOW);
    invalidateQueues();
    const tab = { orderKeys: [], hasComposer: false };
    const last = 'taobao:310000000000000000';
    // As the sync engine of a woken worker: no agent until its configuration is read.
    let state: { me?: string; claims: { orderKey: string; agent: string }[] } = { claims: [] };
    let read!: () => void;
    const known = new Promise<void>((done) => (read = done));
    setClaimSource(() => state, () => known);
    const mine = queueWindow(db, NOW, tab, { filter: { claim: 'mine' } });
    // Everyone's view does not wait.
    expect((await queueWindow(db, NOW, tab, {})).total).toBe(20);
    state = { me: '小王', claims: [{ orderKey: last, agent: '小王' }] };
    read();
    expect((await mine).rows.map((r) => r.key)).toEqual([last]);
  });

  it('takes the filter only as one of its three values', () => {
    expect(QueueQuerySchema.safeParse({ filter: { claim: 'mine' } }).success).toBe(true);
    expect(QueueQuerySchema.safeParse({ filter: { claim: 'theirs' } }).success).toBe(false);
    expect(QueueQuerySchema.safeParse({ filter: { claim: 1 } }).success).toBe(false);
  });
});
