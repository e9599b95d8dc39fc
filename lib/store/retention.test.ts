import { describe, expect, it } from 'vitest';
import type { Db } from './db';
import { freshDb } from '@/test/support/db';
import { applyPageRead } from './orders';
import { attemptStatsStale, ATTEMPT_STATS_KEY } from './buyers';
import { pruneSettledOrders } from './retention';
import type { ContactAttempt, ObservedOrder, Order, PageRead } from '../orders/model';
import { DAY_MS } from '../orders/time';
import { allAttempts, countAttempts, packOf } from './attempts';

const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);
const CUTOFF = NOW - 30 * DAY_MS;

function settled(i: number, status: 'paid' | 'closed', changedAt: number): Order {
  const orderId = `80000${String(i).padStart(6, '0')}`;
  return {
    platform: 'taobao',
    orderId,
    key: `taobao:${orderId}`,
    buyer: { nick: `老客${i % 50}` },
    items: [{ title: '纯棉四件套', qty: 1 }],
    amount: { minor: 19_900, currency: 'CNY' },
    status,
    statusSource: 'page',
    pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    listKey: 'sold#all',
    firstSeenAt: changedAt - DAY_MS,
    lastSeenAt: changedAt,
    statusChangedAt: changedAt,
    attemptCount: 3,
  };
}

function attempt(order: Order, n: number): ContactAttempt {
  return {
    id: `${order.key}#${n}`,
    orderKey: order.key,
    buyerKey: `taobao:${order.buyer.nick}`,
    platform: 'taobao',
    channel: 'chat',
    direction: 'outbound',
    action: 'inserted',
    text: '亲，记得付款哦',
    at: order.statusChangedAt - (n + 1) * 3_600_000,
    outcome: 'sent',
  } as ContactAttempt;
}

/** A year of settled orders: `old` of them settled before the cutoff, `recent` after; three attempts each. */
async function yearOfOrders(old: number, recent: number): Promise<Db> {
  const db = await freshDb('retention');
  const tx = db.transaction(['orders', 'attempts', 'milestones', 'settings'], 'readwrite');
  let attempts = 0;
  for (let i = 0; i < old + recent; i++) {
    const order = settled(i, i % 5 === 0 ? 'closed' : 'paid', i < old ? CUTOFF - (1 + (i % 300)) * DAY_MS / 10 : CUTOFF + (i % 20) * DAY_MS / 10);
    void tx.objectStore('orders').put(order);
    void tx.objectStore('attempts').put(packOf(order.key, [0, 1, 2].map((n) => attempt(order, n))));
    attempts += 3;
    if (i % 10 === 0) void tx.objectStore('milestones').put({ id: order.key, orderKey: order.key, status: 'settled' });
  }
  void tx.objectStore('settings').put({ key: ATTEMPT_STATS_KEY, value: { counted: attempts } });
  await tx.done;
  return db;
}

function unpaid(orderId: string): ObservedOrder {
  return { platform: 'taobao', orderId, buyer: { nick: '新客' }, items: [{ title: '羊毛围巾', qty: 1 }], amount: { minor: 8_800, currency: 'CNY' }, status: 'unpaid' };
}

const read: PageRead = {
  platform: 'taobao',
  url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay',
  listKey: 'sold#unpaid',
  unpaidOnly: true,
  complete: true,
  orders: [unpaid('90000000001'), unpaid('90000000002')],
  unreadable: 0,
};

describe('the retention clean-up', () => {
  it('removes only orders settled before the cutoff, with their attempts and stages, and keeps the attempt counts true', async () => {
    const db = await yearOfOrders(450, 50);
    const removed = await pruneSettledOrders(db, CUTOFF, { slice: 40 });
    expect(removed).toBe(450);
    const left = await db.getAll('orders');
    expect(left).toHaveLength(50);
    expect(left.every((o) => o.statusChangedAt >= CUTOFF)).toBe(true);
    expect(await countAttempts(db)).toBe(150);
    expect((await allAttempts(db)).every((a) => left.some((o) => o.key === a.orderKey))).toBe(true);
    expect(await db.count('milestones')).toBe(5);
    // The queue's counts still account for every attempt: no recount of the whole log follows a clean-up.
    expect(await attemptStatsStale(db)).toBe(false);
    db.close();
  }, 30_000);

  it('never blocks a page read: one arriving mid-clean-up is stored while the clean-up still runs', async () => {
    const db = await yearOfOrders(1_000, 0);
    const events: string[] = [];
    let slices = 0;
    const cleanUp = pruneSettledOrders(db, CUTOFF, {
      slice: 100,
      pause: async () => {
        slices++;
        await new Promise((r) => setTimeout(r, 0));
      },
    }).then((n) => {
      events.push('clean-up done');
      return n;
    });
    // The seller's page reports while the first slice is being deleted.
    await new Promise((r) => setTimeout(r, 0));
    const stored = applyPageRead(db, read, NOW).then(() => {
      events.push('page read stored');
      // What is still there when the read lands: a clean-up in one transaction would have removed every paid order first.
      return db.count('orders');
    });
    const [, leftWhenStored] = await Promise.all([cleanUp, stored]);
    expect(events).toEqual(['page read stored', 'clean-up done']);
    expect(leftWhenStored).toBeGreaterThan(700);
    expect(slices).toBeGreaterThan(5);
    expect(await cleanUp).toBe(1_000);
    expect((await db.getAll('orders')).map((o) => o.orderId).sort()).toEqual(['90000000001', '90000000002']);
    expect(await countAttempts(db)).toBe(0);
    db.close();
  }, 30_000);
});
