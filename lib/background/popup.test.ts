import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { freshDb } from '@/test/support/db';
import { observedAt } from '@/test/support/builders';
import { ATTEMPT_STATS_KEY } from '../store/buyers';
import { applyPageRead } from '../store/orders';
import type { ContactAttempt, ObservedOrder, Order } from '../orders/model';
import { DAY_MS, HOUR_MS } from '../orders/time';
import { closingSoonest, popupSummary } from './popup';
import { invalidateQueues } from './queue';
import { runs } from '../../test/support/fuzz';

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
    const tx = db.transaction('attempts', 'readwrite');
    for (let i = 0; i < 3_000; i++) void tx.store.put(promise(`old-${i}`, `taobao:old-${i % 600}`, NOW - 30 * DAY_MS - (i % 330) * DAY_MS));
    void tx.store.put(promise('today', 'taobao:1', NOW - 3 * HOUR_MS));
    await tx.done;
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
