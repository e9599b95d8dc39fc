import fc from 'fast-check';
import { putAttempts } from './attempts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from 'idb';
import type { Db } from './db';
import { freshDb } from '@/test/support/db';
import { applyPageRead, getBuyer, getOrder, readByKeys, sameJson } from './orders';
import { buyerKey, orderKey, type Buyer, type ObservedOrder, type Order, type PageRead } from '../orders/model';
import { HOUR_MS, MINUTE_MS } from '../orders/time';
import { runs } from '../../test/support/fuzz';
import { writeQuietly } from './changes';
import { attemptStatsStale, ensureAttemptStats, recordAttempt, updateBuyer } from './buyers';

// How applyPageRead reads a page's stored orders and buyers in few requests
// (a range read, the unpaid list it already reads) and what it writes on a
// re-read: the same records a get per key would have found, the same writes.

const T0 = Date.UTC(2026, 10, 23, 4, 0, 0);
const UNPAID = 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=waitBuyerPay&page=1';
const ALL = 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=all&page=1';

function seen(orderId: string, overrides: Partial<ObservedOrder> = {}): ObservedOrder {
  return {
    platform: 'taobao',
    orderId,
    buyer: { nick: `买家${orderId.slice(-2)}` },
    items: [{ title: '纯棉儿童睡衣套装 春秋款', qty: 1 }],
    amount: { minor: 9900, currency: 'CNY' },
    createdAt: T0 - HOUR_MS,
    autoCloseAt: T0 + 71 * HOUR_MS,
    autoCloseEstimated: true,
    status: 'unpaid',
    statusText: '等待买家付款',
    ...overrides,
  };
}

function pageRead(orders: ObservedOrder[], overrides: Partial<PageRead> = {}): PageRead {
  return { platform: 'taobao', url: 'https://trade.taobao.com/x', listKey: UNPAID, unpaidOnly: true, complete: true, orders, unreadable: 0, ...overrides };
}

/** A stored order of some other listing or platform, written behind applyPageRead's back. */
function other(platform: Order['platform'], orderId: string): Order {
  return {
    ...seen(orderId, { platform, buyer: { nick: `别人${orderId}` }, status: 'paid' }),
    key: orderKey(platform, orderId),
    pageUrl: 'https://elsewhere.example/',
    listKey: 'another listing',
    statusSource: 'page',
    firstSeenAt: T0 - 100 * HOUR_MS,
    lastSeenAt: T0 - 50 * HOUR_MS,
    statusChangedAt: T0 - 60 * HOUR_MS,
  };
}

async function putAll(db: Db, records: Order[]) {
  const tx = db.transaction('orders', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
}

const ids = (from: number, n: number, step = 1) => Array.from({ length: n }, (_, i) => String(from + i * step));

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

async function byGets(keys: string[]): Promise<Map<string, Order>> {
  const found = new Map<string, Order>();
  for (const key of keys) {
    const order = await db.get('orders', key);
    if (order) found.set(key, order);
  }
  return found;
}

async function byRange(keys: string[]): Promise<Map<string, Order>> {
  const tx = db.transaction('orders', 'readonly');
  const found = await readByKeys<Order>(unwrap(tx.store), keys);
  await tx.done;
  return found;
}

describe('readByKeys', () => {
  it('reads a dense range with one request and finds what a get per key finds', async () => {
    await putAll(db, ids(5000, 40).map((id) => other('taobao', id)));
    const keys = [...ids(5000, 40, 2), ...ids(9000, 5)].map((id) => orderKey('taobao', id)); // half stored, some past the end
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAlls = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const found = await byRange(keys);
    expect(getAlls).toHaveBeenCalledTimes(1);
    expect(gets).not.toHaveBeenCalled();
    gets.mockRestore();
    expect(found).toEqual(await byGets(keys));
    expect(found.size).toBe(20);
  });

  it('stops reading a range full of other records and looks the rest up one by one, finding the same', async () => {
    // Wanted: every 50th of 1,000 stored orders, plus a few that are not stored.
    await putAll(db, ids(100_000, 1000).map((id) => other('taobao', id)));
    const keys = [...ids(100_000, 20, 50), '100003x', '100999x'].map((id) => orderKey('taobao', id));
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const found = await byRange(keys);
    // One range read capped at twice the keys wanted, then a get per key past where it stopped.
    expect(getAll).toHaveBeenCalledTimes(1);
    expect(getAll.mock.calls[0]![1]).toBe(2 * keys.length);
    const returned = (getAll.mock.results[0]!.value as IDBRequest<Order[]>).result;
    expect(returned).toHaveLength(2 * keys.length);
    expect(gets.mock.calls.length).toBe(keys.filter((k) => k > returned.at(-1)!.key).length);
    expect(gets.mock.calls.length).toBeGreaterThan(10);
    gets.mockRestore();
    expect(found).toEqual(await byGets(keys));
    expect(found.size).toBe(20);
  });

  it('finds the same as a get per key for any keys over any store', async () => {
    const idArb = fc.integer({ min: 0, max: 300 }).map((n) => String(n));
    const platformArb = fc.constantFrom<Order['platform']>('taobao', 'tiktok', 'shopee', 'pdd');
    const keyArb = fc.tuple(platformArb, idArb).map(([p, id]) => orderKey(p, id));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(keyArb, { maxLength: 120 }), fc.array(keyArb, { maxLength: 60 }), async (stored, wanted) => {
        await db.clear('orders');
        await putAll(db, stored.map((key) => other(key.split(':')[0] as Order['platform'], key.split(':')[1]!)));
        expect(await byRange(wanted)).toEqual(await byGets([...new Set(wanted)]));
      }),
      { numRuns: runs(60) },
    );
  });

  it('makes no request for no keys', async () => {
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    expect((await byRange([])).size).toBe(0);
    expect(getAll).not.toHaveBeenCalled();
  });
});

describe('applyPageRead: other records in the range the page spans', () => {
  it('merges each page order with its stored record and leaves the orders between them untouched', async () => {
    // The page shows every 100th order; the store holds 1,000 others in between (another listing).
    const pageIds = ids(200_000, 10, 100);
    const others = ids(200_000, 1000).filter((id) => !pageIds.includes(id)).map((id) => other('taobao', id));
    await putAll(db, others);
    await applyPageRead(db, pageRead(pageIds.map((id) => seen(id)), { listKey: ALL, unpaidOnly: false }), T0);
    // Read again from the all-orders tab (the unpaid list is not read): each stored order is found and merged.
    const later = T0 + HOUR_MS;
    const result = await applyPageRead(db, pageRead(pageIds.map((id) => seen(id, { status: 'paid' })), { listKey: ALL, unpaidOnly: false }), later);
    expect(result.written).toBe(10);
    for (const id of pageIds) {
      expect(await getOrder(db, orderKey('taobao', id))).toMatchObject({ firstSeenAt: T0, lastSeenAt: later, status: 'paid', statusChangedAt: later });
      expect((await getBuyer(db, buyerKey('taobao', `买家${id.slice(-2)}`)))?.firstSeenAt).toBe(T0);
    }
    expect(await db.count('orders')).toBe(1000);
    for (const record of others) expect(await getOrder(db, record.key)).toEqual(record);
  });

  it('leaves orders of other platforms inside the range of a read that names several untouched', async () => {
    const shopee = ids(300_000, 30).map((id) => other('shopee', id));
    const pdd = ids(300_000, 5).map((id) => other('pdd', id));
    await putAll(db, [...shopee, ...pdd]);
    // 'pdd:' < 'shopee:' < 'taobao:': the span of this read covers every shopee order.
    const orders = [seen('300001', { platform: 'pdd' }), seen('300002'), seen('300003')];
    await applyPageRead(db, pageRead(orders, { listKey: ALL, unpaidOnly: false }), T0);
    const result = await applyPageRead(db, pageRead(orders, { listKey: ALL, unpaidOnly: false }), T0 + MINUTE_MS);
    expect(result).toEqual({ written: 0, gone: [] });
    for (const record of shopee) expect(await getOrder(db, record.key)).toEqual(record);
    // The pdd order on the page was found and stored over, keeping its history; its neighbours were not touched.
    expect(await getOrder(db, orderKey('pdd', '300001'))).toMatchObject({ firstSeenAt: T0 - 100 * HOUR_MS, lastSeenAt: T0, listKey: ALL, buyer: { nick: '买家01' } });
    for (const record of pdd.filter((o) => o.orderId !== '300001')) expect(await getOrder(db, record.key)).toEqual(record);
  });
});

describe('applyPageRead: a re-read with nothing changed', () => {
  it('writes no order and no buyer, only when the listing was seen, and reports nothing written', async () => {
    const orders = ids(1001001, 30).map((id) => seen(id));
    await applyPageRead(db, pageRead(orders), T0);
    const before = await db.getAll('orders');
    const buyersBefore = await db.getAll('buyers');
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const result = await applyPageRead(db, pageRead(orders), T0 + MINUTE_MS);
    expect(result).toEqual({ written: 0, gone: [] });
    // One small record for the whole page, however many orders are on it.
    expect(puts.mock.instances.map((store) => (store as IDBObjectStore).name)).toEqual(['listings']);
    puts.mockRestore();
    expect(await db.getAll('listings')).toEqual([{ key: `taobao ${UNPAID}`, platform: 'taobao', listKey: UNPAID, lastSeenAt: T0 + MINUTE_MS }]);
    expect(await db.getAll('orders')).toEqual(before);
    expect(await db.getAll('buyers')).toEqual(buyersBefore);
  });

  it('writes only the order that changed', async () => {
    const orders = ids(1001001, 30).map((id) => seen(id));
    await applyPageRead(db, pageRead(orders), T0);
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const changed = orders.map((o, i) => (i === 7 ? { ...o, statusText: '等待买家付款（已改价）' } : o));
    const result = await applyPageRead(db, pageRead(changed), T0 + MINUTE_MS);
    expect(result.written).toBe(1);
    expect(puts.mock.instances.filter((store) => (store as IDBObjectStore).name === 'orders')).toHaveLength(1);
    puts.mockRestore();
    expect(await getOrder(db, orderKey('taobao', orders[7]!.orderId))).toMatchObject({ lastSeenAt: T0 + MINUTE_MS, statusText: '等待买家付款（已改价）' });
    expect(await getOrder(db, orderKey('taobao', orders[8]!.orderId))).toMatchObject({ lastSeenAt: T0 });
  });

  it('finds the page orders in the unpaid list it reads anyway, with no lookup of its own', async () => {
    const orders = ids(1001001, 30).map((id) => seen(id));
    await applyPageRead(db, pageRead(orders), T0);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    await applyPageRead(db, pageRead(orders), T0 + MINUTE_MS);
    expect(gets).not.toHaveBeenCalled();
    expect(getAll).not.toHaveBeenCalled();
    gets.mockRestore();
    expect(await db.count('orders')).toBe(30);
  });

  it('still finds the stored record of a page order that is not on the unpaid list (paid, then back)', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002')]), T0);
    await applyPageRead(db, pageRead([seen('1001001')]), T0 + HOUR_MS); // 1001002 left: paid
    const result = await applyPageRead(db, pageRead([seen('1001001'), seen('1001002')]), T0 + 2 * HOUR_MS);
    expect(result.written).toBe(1);
    expect(await getOrder(db, 'taobao:1001002')).toMatchObject({ status: 'unpaid', statusSource: 'page', firstSeenAt: T0, statusChangedAt: T0 + 2 * HOUR_MS });
    expect((await getBuyer(db, buyerKey('taobao', '买家02')))?.paidOrderKeys ?? []).toEqual([]);
  });
});

describe('applyPageRead: the same read again', () => {
  it('reads none of the page orders back when no order was written since', async () => {
    const orders = ids(1002001, 200).map((id) => seen(id));
    await applyPageRead(db, pageRead(orders), T0);
    const storeReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const indexReads = vi.spyOn(IDBIndex.prototype, 'getAll');
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect(await applyPageRead(db, pageRead(orders.map((o) => ({ ...o }))), T0 + MINUTE_MS)).toEqual({ written: 0, gone: [] });
    expect([...storeReads.mock.instances, ...indexReads.mock.instances, ...gets.mock.instances]).toEqual([]);
    expect((await db.get('listings', `taobao ${UNPAID}`))?.lastSeenAt).toBe(T0 + MINUTE_MS);
  });

  it('merges again over a write that landed after a read it raced with', async () => {
    const orders = ids(1004001, 20).map((id) => seen(id));
    await applyPageRead(db, pageRead(orders), T0);
    const key = orderKey('taobao', orders[4]!.orderId);
    const stored = (await getOrder(db, key))!;
    const changed = orders.map((o, i) => (i === 9 ? { ...o, statusText: '等待买家付款（已改价）' } : o));
    // The person's write is asked for while the page read is reading: its transaction comes after the read's.
    const reading = applyPageRead(db, pageRead(changed), T0 + MINUTE_MS);
    const person = db.put('orders', { ...stored, status: 'paid', statusSource: 'disappeared', statusChangedAt: T0 + MINUTE_MS });
    await Promise.all([reading, person]);
    expect((await getOrder(db, key))?.status).toBe('paid');
    await applyPageRead(db, pageRead(changed), T0 + 2 * MINUTE_MS);
    expect(await getOrder(db, key)).toMatchObject({ status: 'unpaid', statusSource: 'page' });
  });

  for (const [who, write] of [
    ['the person or another listing', async (order: Order) => void (await db.put('orders', order))],
    [
      'team sync, writing quietly',
      async (order: Order) => {
        const tx = db.transaction('orders', 'readwrite');
        writeQuietly(unwrap(tx));
        await tx.store.put(order);
        await tx.done;
      },
    ],
  ] as const) {
    it(`merges the page again over an order ${who} wrote since: an order the page shows unpaid is unpaid`, async () => {
      const orders = ids(1003001, 20).map((id) => seen(id));
      await applyPageRead(db, pageRead(orders), T0);
      const key = orderKey('taobao', orders[4]!.orderId);
      const stored = (await getOrder(db, key))!;
      await write({ ...stored, status: 'paid', statusSource: 'disappeared', statusChangedAt: T0 + MINUTE_MS, listKey: ALL });
      const result = await applyPageRead(db, pageRead(orders), T0 + 2 * MINUTE_MS);
      expect(result.written).toBe(1);
      expect(await getOrder(db, key)).toMatchObject({ status: 'unpaid', statusSource: 'page', listKey: UNPAID });
    });
  }
});

describe('applyPageRead: a buyer with several changed orders', () => {
  it('keeps what each of them did to the buyer', async () => {
    const nick = '上海徐先生';
    const orders = ['1001001', '1001002', '1001003'].map((id) => seen(id, { buyer: { nick } }));
    await applyPageRead(db, pageRead(orders), T0);
    const paid = orders.map((o, i) => (i < 2 ? { ...o, status: 'paid' as const } : o));
    await applyPageRead(db, pageRead(paid, { listKey: ALL, unpaidOnly: false }), T0 + HOUR_MS);
    const buyer = (await getBuyer(db, buyerKey('taobao', nick))) as Buyer;
    expect(buyer.paidOrderKeys).toEqual(['taobao:1001001', 'taobao:1001002']);
    expect(buyer).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0 + HOUR_MS });
  });
});

describe('sameJson', () => {
  // Values the way stored orders hold them: objects, arrays, strings, numbers, booleans, null, undefined.
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(undefined, null, 0, -0, 1, NaN, Infinity, '', 'a', '1', true, false),
      fc.string({ maxLength: 3 }),
      fc.integer({ min: -3, max: 3 }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'lastSeenAt', '1'), tie('value'), { maxKeys: 4 }),
    ),
  }));
  const json = (a: unknown, b: unknown, skip?: string) => {
    const strip = (v: unknown) => (skip && v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== skip)) : v);
    return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
  };

  it('agrees with comparing JSON.stringify texts', () => {
    // Pairs that are often equal: a value against a reshuffled or lightly changed copy of itself.
    const pair = value.chain((a) =>
      fc.oneof(
        fc.constant([a, structuredClone(a)] as const),
        fc.constant([a, a && typeof a === 'object' && !Array.isArray(a) ? Object.fromEntries(Object.entries(a).reverse()) : a] as const),
        value.map((b) => [a, b] as const),
        value.map((b) => [a, a && typeof a === 'object' && !Array.isArray(a) ? { ...a, c: b } : [a, b]] as const),
      ),
    );
    fc.assert(
      fc.property(pair, fc.boolean(), ([a, b], skip) => {
        expect(sameJson(a, b, skip ? 'lastSeenAt' : undefined)).toBe(json(a, b, skip ? 'lastSeenAt' : undefined));
      }),
      { numRuns: runs(3000) },
    );
  });

  it.each([
    ['key order counts', { a: 1, b: 2 }, { b: 2, a: 1 }, false],
    ['undefined is no key', { a: 1, b: undefined }, { a: 1 }, true],
    ['NaN is written null', { a: null }, { a: NaN }, true],
    ['null is a value', { a: null }, {}, false],
    ['undefined in an array is null', [undefined], [null], true],
    ['an array is no object', [], {}, false],
    ['a string is no number', { a: '1' }, { a: 1 }, false],
    ['a Date is its JSON', { a: new Date(0) }, { a: '1970-01-01T00:00:00.000Z' }, true],
    ['the skipped key is skipped wherever it is', { lastSeenAt: 1, a: 1 }, { a: 1, lastSeenAt: 2 }, true],
  ] as const)('%s', (_what, a, b, same) => {
    expect(sameJson(a, b, 'lastSeenAt')).toBe(same);
    expect(json(a, b, 'lastSeenAt')).toBe(same);
  });
});

describe('applyPageRead: a write that throws at once', () => {
  it('keeps none of the puts queued before it: the page read is all or nothing', async () => {
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // The listing's sighting is queued after every order's put.
      if (this.name === 'listings') throw new DOMException('cannot clone', 'DataCloneError');
      return put.apply(this, args);
    });
    await expect(applyPageRead(db, pageRead(ids(100, 5).map((id) => seen(id))), T0)).rejects.toThrow('cannot clone');
    vi.restoreAllMocks();
    for (const id of ids(100, 5)) expect(await getOrder(db, orderKey('taobao', id))).toBeUndefined();
    expect(await db.count('buyers')).toBe(0);
  });
});

describe('applyPageRead: buyer records only when there is something to keep', () => {
  it('writes no buyer for a fresh page of unpaid orders, and the one record a confirmed payment makes, first seen with her order', async () => {
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    await applyPageRead(db, pageRead(ids(500_000, 40).map((id) => seen(id))), T0);
    // 40 orders and the listing's sighting: not one buyer put.
    expect(puts.mock.instances.filter((store) => (store as IDBObjectStore).name === 'buyers')).toHaveLength(0);
    expect(puts.mock.instances.filter((store) => (store as IDBObjectStore).name === 'orders')).toHaveLength(40);
    puts.mockRestore();
    expect(await db.count('buyers')).toBe(0);

    await applyPageRead(db, pageRead([seen('500003', { status: 'paid', statusText: '买家已付款' })], { listKey: ALL, unpaidOnly: false }), T0 + HOUR_MS);
    expect(await db.getAll('buyers')).toEqual([
      { key: buyerKey('taobao', '买家03'), platform: 'taobao', nick: '买家03', firstSeenAt: T0, lastSeenAt: T0 + HOUR_MS, paidOrderKeys: ['taobao:500003'] },
    ]);
    // Her next order changes what is kept about her by nothing: her record is not written again.
    const again = vi.spyOn(IDBObjectStore.prototype, 'put');
    await applyPageRead(db, pageRead([seen('500103', { buyer: { nick: '买家03' } })], { listKey: 'another unpaid tab' }), T0 + 2 * HOUR_MS);
    expect(again.mock.instances.filter((store) => (store as IDBObjectStore).name === 'buyers')).toHaveLength(0);
    again.mockRestore();
    expect((await getBuyer(db, buyerKey('taobao', '买家03')))?.lastSeenAt).toBe(T0 + HOUR_MS);
  });

  it('makes the record when the person writes a note or a reminder is logged, from her order; a buyer with no order stays unknown', async () => {
    await applyPageRead(db, pageRead([seen('600001', { buyer: { nick: '小美', displayName: '张小美' } }), seen('600002', { buyer: { nick: 'a:b' } })]), T0);
    expect(await updateBuyer(db, buyerKey('taobao', '没见过'), { note: '?' }, T0)).toBeUndefined();
    expect(await db.count('buyers')).toBe(0);
    expect(await updateBuyer(db, buyerKey('taobao', '小美'), { note: '周末才看消息' }, T0 + HOUR_MS)).toEqual({
      key: 'taobao:小美', platform: 'taobao', nick: '小美', displayName: '张小美', firstSeenAt: T0, lastSeenAt: T0 + HOUR_MS, paidOrderKeys: [], note: '周末才看消息',
    });
    // A nick with a colon in it is still found by its key.
    await recordAttempt(db, { id: 'r1', orderKey: 'taobao:600002', buyerKey: buyerKey('taobao', 'a:b'), platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'copied', text: '亲', at: T0 + 2 * HOUR_MS, outcome: 'sent' });
    expect(await getBuyer(db, buyerKey('taobao', 'a:b'))).toMatchObject({ nick: 'a:b', paidOrderKeys: [], lastRemindedAt: T0 + 2 * HOUR_MS });
    expect(await updateBuyer(db, buyerKey('taobao', 'a:b'), { tags: ['vip'] }, T0 + 3 * HOUR_MS)).toMatchObject({ nick: 'a:b', tags: ['vip'], lastRemindedAt: T0 + 2 * HOUR_MS });
  });
});

describe('recounting attempts after an import', () => {
  it('lets a page read land while a big store is recounted, and ends with every count true', async () => {
    // 1,200 open orders (more than two slices), and 2,400 attempts written behind the counts' back.
    const orders = ids(700_000, 1200).map((id) => seen(id, { buyer: { nick: `买家${Number(id) % 300}` } }));
    await applyPageRead(db, pageRead(orders.slice(0, 600)), T0);
    await applyPageRead(db, pageRead(orders.slice(600), { listKey: 'unpaid page 2' }), T0);
    await putAttempts(
      db,
      Array.from({ length: 2400 }, (_, i) => {
        const o = orders[i % 1200]!;
        return { id: `imp-${String(i).padStart(5, '0')}`, orderKey: orderKey('taobao', o.orderId), buyerKey: buyerKey('taobao', o.buyer.nick), platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'copied', text: '亲', at: T0 + i, outcome: 'sent' };
      }),
    );
    expect(await attemptStatsStale(db)).toBe(true);

    let recounted = false;
    // A seller's page arrives once the recount has begun writing orders: it lands before the recount ends,
    // not behind all of it.
    let landed: Promise<boolean> | undefined;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (!landed && this.name === 'orders' && !this.transaction.objectStoreNames.contains('listings')) {
        landed = applyPageRead(db, pageRead([seen('800001')], { listKey: 'another tab' }), T0 + HOUR_MS).then(() => recounted);
      }
      return put.apply(this, args);
    });
    const rebuild = ensureAttemptStats(db).then((changed) => {
      recounted = true;
      return changed;
    });
    expect(await rebuild).toBe(true);
    vi.restoreAllMocks();
    expect(landed).toBeDefined();
    expect(await landed).toBe(false);

    expect(await attemptStatsStale(db)).toBe(false);
    const first = (await getOrder(db, orderKey('taobao', '700000')))!;
    expect(first).toMatchObject({ attemptCount: 2, lastAttemptAt: T0 + 1200 });
    expect((await getOrder(db, orderKey('taobao', '800001')))?.attemptCount ?? 0).toBe(0);
    // Every reminded buyer has a record with the last reminder (the one-per-day rule), made from an order.
    expect(await db.count('buyers')).toBe(300);
    expect(await getBuyer(db, buyerKey('taobao', '买家0'))).toMatchObject({ platform: 'taobao', nick: '买家0', lastRemindedAt: T0 + 2300, paidOrderKeys: [] });
  }, 60_000);
});
