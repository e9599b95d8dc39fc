import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { freshDb } from '@/test/support/db';
import { applyPageRead, getBuyer, getOrder, listOpenOrders, unpaidSummary } from './orders';
import { buyerKey, orderKey, type ObservedOrder, type PageRead } from '../orders/model';
import { HOUR_MS, MINUTE_MS } from '../orders/time';

// 2026-11-23 12:00:00 in Beijing.
const T0 = Date.UTC(2026, 10, 23, 4, 0, 0);
const UNPAID_P1 = 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=waitBuyerPay&page=1';
const UNPAID_P2 = 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=waitBuyerPay&page=2';
const ALL_P1 = 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=近三个月订单&page=1';

function seen(orderId: string, overrides: Partial<ObservedOrder> = {}): ObservedOrder {
  return {
    platform: 'taobao',
    orderId,
    buyer: { nick: '快乐的小熊' },
    items: [{ title: '纯棉儿童睡衣套装 春秋款', sku: '颜色分类：蓝色小熊', qty: 1 }],
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
  return {
    platform: 'taobao',
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay',
    listKey: UNPAID_P1,
    unpaidOnly: true,
    complete: true,
    orders,
    unreadable: 0,
    ...overrides,
  };
}

const openIds = async (db: Db) => (await listOpenOrders(db)).map((o) => o.orderId);

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('applyPageRead: re-reading a page', () => {
  it('updates the stored order instead of adding a second copy', async () => {
    const first = await applyPageRead(db, pageRead([seen('2471093385512748201')]), T0);
    expect(first.written).toBe(1);

    const later = T0 + 10 * MINUTE_MS;
    await applyPageRead(db, pageRead([seen('2471093385512748201', { statusText: '等待买家付款 (已提醒)' })]), later);
    await applyPageRead(db, pageRead([seen('2471093385512748201')]), later + MINUTE_MS);

    expect(await db.count('orders')).toBe(1);
    const open = await listOpenOrders(db);
    expect(open).toHaveLength(1);
    expect(open[0]!.firstSeenAt).toBe(T0);
    expect(open[0]!.lastSeenAt).toBe(later + MINUTE_MS);
  });

  it('reports nothing written when the page shows exactly what is stored', async () => {
    await applyPageRead(db, pageRead([seen('2471093385512748201')]), T0);
    const again = await applyPageRead(db, pageRead([seen('2471093385512748201')]), T0 + MINUTE_MS);
    expect(again).toEqual({ written: 0, gone: [] });
    // Nothing changed, so nothing was written: lastSeenAt is when a read last changed it.
    expect((await getOrder(db, 'taobao:2471093385512748201'))!.lastSeenAt).toBe(T0);
  });

  it('reports a change when the amount on the page changes', async () => {
    await applyPageRead(db, pageRead([seen('2471093385512748201')]), T0);
    const changed = await applyPageRead(
      db,
      pageRead([seen('2471093385512748201', { amount: { minor: 8900, currency: 'CNY' } })]),
      T0 + MINUTE_MS,
    );
    expect(changed.written).toBe(1);
    expect((await listOpenOrders(db))[0]!.amount).toEqual({ minor: 8900, currency: 'CNY' });
  });

  it('stores an order listed twice on one page only once', async () => {
    const result = await applyPageRead(db, pageRead([seen('2471093385512748201'), seen('2471093385512748201')]), T0);
    expect(result.written).toBe(1);
    expect(await db.count('orders')).toBe(1);
  });

  it('keeps 19-digit order ids as exact strings', async () => {
    const id = '3398752046183927614'; // above Number.MAX_SAFE_INTEGER: a number would round it
    expect(String(Number(id))).not.toBe(id);
    await applyPageRead(db, pageRead([seen(id)]), T0);
    const stored = await getOrder(db, `taobao:${id}`);
    expect(stored?.orderId).toBe(id);
    expect(typeof stored?.orderId).toBe('string');
    expect(stored?.key).toBe(orderKey('taobao', id));
    expect((await openIds(db))).toEqual([id]);
  });

  it('keeps the order id of neighbouring 19-digit ids apart', async () => {
    // These two differ only beyond double precision.
    await applyPageRead(db, pageRead([seen('3398752046183927614'), seen('3398752046183927615')]), T0);
    expect((await openIds(db)).sort()).toEqual(['3398752046183927614', '3398752046183927615']);
  });
});

describe('applyPageRead: orders that get paid', () => {
  it('drops an order the page shows as paid from the open list and counts the buyer as returning', async () => {
    await applyPageRead(db, pageRead([seen('2469981120044301175', { buyer: { nick: '上海徐先生' } })]), T0);
    expect(await openIds(db)).toEqual(['2469981120044301175']);
    expect((await getBuyer(db, buyerKey('taobao', '上海徐先生')))?.paidOrderKeys ?? []).toEqual([]);

    const paid = seen('2469981120044301175', { buyer: { nick: '上海徐先生' }, status: 'paid', statusText: '买家已付款' });
    await applyPageRead(db, pageRead([paid], { listKey: ALL_P1, unpaidOnly: false }), T0 + HOUR_MS);

    expect(await openIds(db)).toEqual([]);
    const order = await getOrder(db, 'taobao:2469981120044301175');
    expect(order).toMatchObject({ status: 'paid', statusSource: 'page', statusChangedAt: T0 + HOUR_MS });
    const buyer = await getBuyer(db, buyerKey('taobao', '上海徐先生'));
    expect(buyer?.paidOrderKeys).toEqual(['taobao:2469981120044301175']);
    expect(buyer?.firstSeenAt).toBe(T0);
  });

  it('marks an unpaid order missing from a later read of the same unpaid listing as paid', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002', { buyer: { nick: 'lily_2019' } })]), T0);

    const result = await applyPageRead(db, pageRead([seen('1001001')]), T0 + HOUR_MS);

    expect(result.gone).toEqual(['taobao:1001002']);
    expect(await openIds(db)).toEqual(['1001001']);
    expect(await getOrder(db, 'taobao:1001002')).toMatchObject({
      status: 'paid',
      statusSource: 'disappeared',
      statusChangedAt: T0 + HOUR_MS,
    });
    // Leaving the list is no payment anyone saw: she is not a returning customer for it.
    expect((await getBuyer(db, buyerKey('taobao', 'lily_2019')))?.paidOrderKeys ?? []).toEqual([]);
  });

  it('marks every order of the listing when the unpaid tab says it is empty', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002')]), T0);
    const result = await applyPageRead(db, pageRead([], { noRowsFound: false }), T0 + HOUR_MS);
    expect(result.gone.sort()).toEqual(['taobao:1001001', 'taobao:1001002']);
    expect(await unpaidSummary(db)).toEqual({ count: 0, totals: [] });
  });

  it('infers nothing from a read that found no rows, unreadable rows, or fewer orders than the page shows numbers', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002')]), T0);
    const short: Array<Partial<PageRead>> = [{ noRowsFound: true }, {}, { unreadable: 1 }, { idsMissed: 1 }];
    for (const [i, overrides] of short.entries()) {
      const orders = overrides.noRowsFound !== undefined || i === 1 ? [] : [seen('1001001')];
      const result = await applyPageRead(db, pageRead(orders, overrides), T0 + (i + 1) * HOUR_MS);
      expect(result.gone).toEqual([]);
    }
    expect((await openIds(db)).sort()).toEqual(['1001001', '1001002']);
  });

  it('marks a missing order closed, not paid, once its deadline has passed', async () => {
    await applyPageRead(
      db,
      pageRead([seen('1001001', { autoCloseAt: T0 + HOUR_MS }), seen('1001002', { autoCloseAt: T0 + 5 * HOUR_MS, buyer: { nick: '王小二' } })]),
      T0,
    );
    await applyPageRead(db, pageRead([], { noRowsFound: false }), T0 + 2 * HOUR_MS);

    expect(await getOrder(db, 'taobao:1001001')).toMatchObject({ status: 'closed', statusSource: 'disappeared' });
    expect(await getOrder(db, 'taobao:1001002')).toMatchObject({ status: 'paid', statusSource: 'disappeared' });
    // Neither a closed order nor one that merely left the list is a payment seen: no returning customer.
    expect((await getBuyer(db, buyerKey('taobao', '快乐的小熊')))?.paidOrderKeys ?? []).toEqual([]);
    expect((await getBuyer(db, buyerKey('taobao', '王小二')))?.paidOrderKeys ?? []).toEqual([]);
  });

  it('brings an order back, and takes back the returning-buyer credit, when it shows unpaid again', async () => {
    // Page 1 of the unpaid tab; a new order later pushes 1001002 onto page 2.
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002', { buyer: { nick: 'lily_2019' } })]), T0);
    await applyPageRead(db, pageRead([seen('1001003'), seen('1001001')]), T0 + HOUR_MS);
    expect(await openIds(db)).not.toContain('1001002');

    await applyPageRead(db, pageRead([seen('1001002', { buyer: { nick: 'lily_2019' } })], { listKey: UNPAID_P2 }), T0 + 2 * HOUR_MS);

    expect(await getOrder(db, 'taobao:1001002')).toMatchObject({ status: 'unpaid', statusSource: 'page' });
    expect(await openIds(db)).toContain('1001002');
    // She never paid anything: she must not be greeted as a returning customer.
    expect((await getBuyer(db, buyerKey('taobao', 'lily_2019')))?.paidOrderKeys ?? []).toEqual([]);
  });

  it('does not mark orders missing from page 2 of the unpaid listing', async () => {
    await applyPageRead(db, pageRead([seen('1001001')]), T0);
    const result = await applyPageRead(db, pageRead([seen('1001003')], { listKey: UNPAID_P2 }), T0 + HOUR_MS);
    expect(result.gone).toEqual([]);
    expect((await openIds(db)).sort()).toEqual(['1001001', '1001003']);
  });

  it('does not mark orders missing from a paginated unpaid listing: they may just have moved to page 2', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002')], { complete: false }), T0);
    // A new order arrives at the top and pushes 1001002 onto the next page.
    const result = await applyPageRead(db, pageRead([seen('1001003'), seen('1001001')], { complete: false }), T0 + HOUR_MS);
    expect(result.gone).toEqual([]);
    expect((await openIds(db)).sort()).toEqual(['1001001', '1001002', '1001003']);
  });

  it('does not mark orders missing from a listing that is not unpaid-only', async () => {
    await applyPageRead(db, pageRead([seen('1001001')], { listKey: ALL_P1, unpaidOnly: false }), T0);
    const result = await applyPageRead(db, pageRead([seen('1001002')], { listKey: ALL_P1, unpaidOnly: false }), T0 + HOUR_MS);
    expect(result.gone).toEqual([]);
    expect((await openIds(db)).sort()).toEqual(['1001001', '1001002']);
  });

  it('does not mark missing orders when some rows of the read could not be read', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002')]), T0);
    const result = await applyPageRead(db, pageRead([seen('1001001')], { unreadable: 1 }), T0 + HOUR_MS);
    expect(result.gone).toEqual([]);
    expect((await openIds(db)).sort()).toEqual(['1001001', '1001002']);
  });

  it('does not mark orders of another platform that share the listKey', async () => {
    await applyPageRead(db, pageRead([seen('1001001', { platform: 'pdd' })], { platform: 'pdd' }), T0);
    const result = await applyPageRead(db, pageRead([]), T0 + HOUR_MS);
    expect(result.gone).toEqual([]);
    expect(await openIds(db)).toEqual(['1001001']);
  });

  it('does not touch orders already paid when the unpaid listing is read again', async () => {
    await applyPageRead(db, pageRead([seen('1001001')]), T0);
    await applyPageRead(db, pageRead([], { noRowsFound: false }), T0 + HOUR_MS);
    const again = await applyPageRead(db, pageRead([], { noRowsFound: false }), T0 + 2 * HOUR_MS);
    expect(again).toEqual({ written: 0, gone: [] });
    expect((await getOrder(db, 'taobao:1001001'))!.statusChangedAt).toBe(T0 + HOUR_MS);
  });
});

describe('applyPageRead: deadlines', () => {
  it('keeps a countdown the page showed over a later estimate', async () => {
    const shown = T0 + 3 * HOUR_MS;
    await applyPageRead(db, pageRead([seen('1001001', { autoCloseAt: shown, autoCloseEstimated: false })]), T0);
    await applyPageRead(
      db,
      pageRead([seen('1001001', { autoCloseAt: T0 + 71 * HOUR_MS, autoCloseEstimated: true })], { listKey: ALL_P1, unpaidOnly: false }),
      T0 + MINUTE_MS,
    );
    const order = await getOrder(db, 'taobao:1001001');
    expect(order?.autoCloseAt).toBe(shown);
    expect(order?.autoCloseEstimated).toBe(false);
  });

  it('keeps a countdown reported the way the adapter reports it (no estimate flag) over a later estimate', async () => {
    // The adapter leaves autoCloseEstimated out for a countdown the page showed.
    const estimate = seen('1001001', { autoCloseAt: T0 + 71 * HOUR_MS, autoCloseEstimated: true });
    const { autoCloseEstimated: _drop, ...countdown } = seen('1001001', { autoCloseAt: T0 + 2 * HOUR_MS });
    await applyPageRead(db, pageRead([estimate]), T0);
    await applyPageRead(db, pageRead([countdown]), T0 + MINUTE_MS);
    expect((await getOrder(db, 'taobao:1001001'))?.autoCloseEstimated).not.toBe(true);

    // Later the all-orders tab, which shows no countdown, is read.
    await applyPageRead(db, pageRead([estimate], { listKey: ALL_P1, unpaidOnly: false }), T0 + 2 * MINUTE_MS);
    expect((await getOrder(db, 'taobao:1001001'))?.autoCloseAt).toBe(T0 + 2 * HOUR_MS);
    expect((await listOpenOrders(db))[0]?.autoCloseAt).toBe(T0 + 2 * HOUR_MS);
  });

  it('lets a newer page countdown replace an older one', async () => {
    await applyPageRead(db, pageRead([seen('1001001', { autoCloseAt: T0 + 3 * HOUR_MS, autoCloseEstimated: false })]), T0);
    await applyPageRead(db, pageRead([seen('1001001', { autoCloseAt: T0 + 2 * HOUR_MS, autoCloseEstimated: false })]), T0 + MINUTE_MS);
    expect((await getOrder(db, 'taobao:1001001'))?.autoCloseAt).toBe(T0 + 2 * HOUR_MS);
  });

  it('lets a page countdown replace an estimate', async () => {
    await applyPageRead(db, pageRead([seen('1001001', { autoCloseAt: T0 + 71 * HOUR_MS, autoCloseEstimated: true })]), T0);
    await applyPageRead(db, pageRead([seen('1001001', { autoCloseAt: T0 + 2 * HOUR_MS, autoCloseEstimated: false })]), T0 + MINUTE_MS);
    const order = await getOrder(db, 'taobao:1001001');
    expect(order?.autoCloseAt).toBe(T0 + 2 * HOUR_MS);
    expect(order?.autoCloseEstimated).toBe(false);
  });
});

describe('listOpenOrders', () => {
  it('lists only unpaid orders, the most urgent deadline first, then the larger amount', async () => {
    await applyPageRead(
      db,
      pageRead(
        [
          seen('1001001', { autoCloseAt: T0 + 50 * HOUR_MS }),
          seen('1001002', { autoCloseAt: T0 + 2 * HOUR_MS }),
          seen('1001003', { autoCloseAt: undefined, autoCloseEstimated: undefined }),
          seen('1001004', { autoCloseAt: T0 + 50 * HOUR_MS, amount: { minor: 219900, currency: 'CNY' } }),
          seen('1001005', { status: 'paid' }),
          seen('1001006', { status: 'closed' }),
        ],
        { listKey: ALL_P1, unpaidOnly: false },
      ),
      T0,
    );
    expect(await openIds(db)).toEqual(['1001002', '1001004', '1001001', '1001003']);
  });
});

describe('unpaidSummary', () => {
  it('counts unpaid orders and totals them per currency without converting', async () => {
    await applyPageRead(
      db,
      pageRead(
        [
          seen('1001001', { amount: { minor: 128000, currency: 'CNY' } }),
          seen('1001002', { amount: { minor: 9900, currency: 'CNY' } }),
          seen('1001003', { amount: { minor: 2350, currency: 'USD' } }),
          seen('1001004', { amount: { minor: 5900, currency: 'CNY' }, status: 'paid' }),
        ],
        { listKey: ALL_P1, unpaidOnly: false },
      ),
      T0,
    );
    expect(await unpaidSummary(db)).toEqual({
      count: 3,
      totals: [
        { currency: 'CNY', minor: 137900 },
        { currency: 'USD', minor: 2350 },
      ],
    });
  });

  it('is empty for a fresh database', async () => {
    expect(await unpaidSummary(db)).toEqual({ count: 0, totals: [] });
  });

  it('drops an order from the totals once it left the unpaid listing', async () => {
    await applyPageRead(db, pageRead([seen('1001001'), seen('1001002', { amount: { minor: 128000, currency: 'CNY' } })]), T0);
    expect(await unpaidSummary(db)).toEqual({ count: 2, totals: [{ currency: 'CNY', minor: 137900 }] });
    await applyPageRead(db, pageRead([seen('1001001')]), T0 + HOUR_MS);
    expect(await unpaidSummary(db)).toEqual({ count: 1, totals: [{ currency: 'CNY', minor: 9900 }] });
  });

  it('counts a staged order for its open stages only, and not at all once every stage is paid', async () => {
    await applyPageRead(db, pageRead([seen('1001001', { amount: { minor: 500000, currency: 'USD' } }), seen('1001002')]), T0);
    const staged = (await getOrder(db, orderKey('taobao', '1001001')))!;
    await db.put('orders', { ...staged, dueMinor: 250000 });
    expect(await unpaidSummary(db)).toEqual({
      count: 2,
      totals: [
        { currency: 'CNY', minor: 9900 },
        { currency: 'USD', minor: 250000 },
      ],
    });
    await db.put('orders', { ...staged, dueMinor: 0 });
    expect(await unpaidSummary(db)).toEqual({ count: 1, totals: [{ currency: 'CNY', minor: 9900 }] });
    // A later page read keeps the plan's figure.
    await applyPageRead(db, pageRead([seen('1001001', { amount: { minor: 500000, currency: 'USD' } }), seen('1001002')]), T0 + HOUR_MS);
    expect((await getOrder(db, orderKey('taobao', '1001001')))!.dueMinor).toBe(0);
  });
});
