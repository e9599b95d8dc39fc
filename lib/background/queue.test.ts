import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createBackground, type BackgroundDeps, type SenderInfo } from './service';
import { buildQueue, invalidateQueues, RANK_FRESH_MS } from './queue';
import type { Db } from '../store/db';
import { freshDb } from '@/test/support/db';
import type { BackgroundResponses } from '../messaging/protocol';
import type { ObservedOrder, Order, PageRead, Platform } from '../orders/model';
import { HOUR_MS } from '../orders/time';
import { focusOnTab, type QueueEntry } from '../reminders/queue';
import { compareQueue } from '../reminders/rank';
import { DEFAULT_CADENCE } from '../reminders/settings';
import { runs } from '../../test/support/fuzz';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const SOLD_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay';
const CONTENT: SenderInfo = { id: 'ext', url: SOLD_URL, tab: { id: 7 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
type List = BackgroundResponses['orders/list'];

function observed(i: number, overrides: Partial<ObservedOrder> = {}): ObservedOrder {
  return {
    platform: 'taobao',
    orderId: `24700000000000${String(i).padStart(5, '0')}`,
    buyer: { nick: `buyer-${i % 40}` },
    items: [{ title: i % 10 === 0 ? `羊毛大衣 ${i}` : `睡衣 ${i}`, qty: 1 }],
    amount: { minor: 1000 + i * 37, currency: 'CNY' },
    createdAt: NOW - HOUR_MS,
    autoCloseAt: NOW + (2 + (i % 70)) * HOUR_MS,
    status: 'unpaid',
    ...overrides,
  };
}

const read = (orders: ObservedOrder[], listKey = 'list'): PageRead => ({
  platform: 'taobao',
  url: SOLD_URL,
  listKey,
  unpaidOnly: true,
  complete: true,
  orders,
  unreadable: 0,
});

let db: Db;
let now: number;
let ask: <T>(raw: unknown, sender?: SenderInfo) => Promise<T>;
const list = (query: object = {}) => ask<List>({ type: 'orders/list', ...query });

beforeEach(async () => {
  db = await freshDb('queue');
  now = NOW;
  let counter = 0;
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => now,
    newId: () => `id-${++counter}`,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    askTab: (async () => undefined) as BackgroundDeps['askTab'],
    tabUrl: async () => undefined,
    changed: vi.fn(),
  };
  const bg = createBackground(deps);
  ask = async <T,>(raw: unknown, sender: SenderInfo = PANEL) => {
    const reply = await bg.handle(raw, sender);
    if (!reply?.ok) throw new Error(`no ok reply: ${JSON.stringify(reply)}`);
    return reply.data as T;
  };
  await ask({ type: 'settings/cadence-set', settings: { ...DEFAULT_CADENCE, sellerTimeZone: 'Asia/Shanghai' } });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('orders/list paging', () => {
  beforeEach(async () => {
    // Two pages' worth of reads (a page read holds at most 2,000 orders).
    await ask({ type: 'page/read', read: read(Array.from({ length: 400 }, (_, i) => observed(i)), 'p1') }, CONTENT);
    await ask({ type: 'page/read', read: read(Array.from({ length: 250 }, (_, i) => observed(400 + i)), 'p2') }, CONTENT);
  });

  it('answers the first 300 rows by default with the full count, and the rest window by window in the same order', async () => {
    const first = await list();
    expect(first.orders).toHaveLength(300);
    expect(first).toMatchObject({ offset: 0, total: 650, all: 650 });
    const second = await list({ offset: 300, limit: 200 });
    const third = await list({ offset: 500, limit: 200 });
    expect(second.orders).toHaveLength(200);
    expect(third.orders).toHaveLength(150);
    const paged = [...first.orders, ...second.orders, ...third.orders].map((r) => r.key);
    const whole = (await buildQueue(db, now, { orderKeys: [], hasComposer: false })).map((e) => e.order.key);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(650);
    // Past the end: no rows, the counts still right.
    expect(await list({ offset: 5000, limit: 10 })).toMatchObject({ orders: [], offset: 650, total: 650 });
  });

  it('sends a long queue (one the panel windows) only the rows in view at first; a short one whole', async () => {
    const whole = (await list()).orders.map((r) => r.key);
    // 650 rows pass: more than the window of 300, so only the first screen comes.
    const screen = await list({ limit: 300, screen: 16 });
    expect(screen).toMatchObject({ offset: 0, total: 650, all: 650 });
    expect(screen.orders.map((r) => r.key)).toEqual(whole.slice(0, 16));
    // 65 rows pass the search: all of them fit the window, so all come.
    const short = await list({ limit: 300, screen: 16, filter: { search: '羊毛' } });
    expect(short.total).toBe(65);
    expect(short.orders).toHaveLength(65);
  });

  it('sends slim rows: what a row shows, not the whole order', async () => {
    const [row] = (await list({ limit: 1 })).orders;
    expect(Object.keys(row!).sort()).toEqual(
      ['amount', 'attempts', 'autoCloseAt', 'buyer', 'chatting', 'createdAt', 'dueMinor', 'item', 'itemCount', 'key', 'onTab', 'orderId', 'platform', 'returning', 'tags', 'verdict'].sort(),
    );
    expect(row!.dueMinor).toBe(row!.amount.minor);
    expect(row!.buyer).toMatch(/^buyer-/);
  });

  it('filters in the background: search, status, tag, platform; total counts the matches, facets the whole queue', async () => {
    const wool = await list({ filter: { search: '  羊毛 ' } });
    expect(wool.total).toBe(65);
    expect(wool.all).toBe(650);
    expect(wool.orders.every((r) => r.item?.startsWith('羊毛'))).toBe(true);
    expect((await list({ filter: { search: '2470000000000000042' } })).orders.map((r) => r.orderId)).toEqual(['2470000000000000042']);
    expect((await list({ filter: { search: 'BUYER-7' } })).total).toBeGreaterThan(0);

    const closing = await list({ filter: { tag: 'closing' } });
    expect(closing.total).toBe(closing.facets.tags.closing);
    expect(closing.orders.every((r) => r.tags.includes('closing'))).toBe(true);
    expect(closing.total).toBeGreaterThan(0);
    expect(closing.total).toBeLessThan(650);

    expect((await list({ filter: { platform: 'pdd' } })).total).toBe(0);
    expect((await list({ filter: { platform: 'taobao', status: 'all' } })).total).toBe(650);
    const facets = (await list()).facets;
    expect(facets.platforms).toEqual({ taobao: 650 });
    expect((await list({ filter: { status: 'now' } })).total).toBe(facets.status.now);
    expect(Object.values(facets.status).reduce((a, b) => a + b, 0)).toBe(650);
  });

  it('refuses a nonsense window or filter', async () => {
    const bg = (raw: object) => ask({ type: 'orders/list', ...raw });
    await expect(bg({ limit: 0 })).rejects.toThrow();
    await expect(bg({ offset: -1 })).rejects.toThrow();
    await expect(bg({ filter: { status: 'nope' } })).rejects.toThrow();
    await expect(bg({ filter: { platform: 'ebay' } })).rejects.toThrow();
  });
});

describe('the cached queue', () => {
  beforeEach(async () => {
    await ask({ type: 'page/read', read: read([observed(1), observed(2), observed(3)]) }, CONTENT);
  });

  it('answers from memory while nothing is written: no read and no count of the orders store', async () => {
    const first = await list();
    const count = vi.spyOn(IDBObjectStore.prototype, 'count');
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const get = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const again = await list();
    expect(again.orders.map((r) => r.key)).toEqual(first.orders.map((r) => r.key));
    // Counting the orders on every request walked every key (50,000 in a big shop's year).
    expect(count).not.toHaveBeenCalled();
    expect(getAll).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it('reads the store again after any write to its orders, even one nobody told it of (sync, the recount)', async () => {
    const before = await list();
    // Same number of orders, written past the handlers: the count alone would not see it.
    const order = (await db.get('orders', before.orders[0]!.key))!;
    await db.put('orders', { ...order, amount: { minor: 4242, currency: 'CNY' } });
    expect((await list()).orders.find((r) => r.key === order.key)?.amount.minor).toBe(4242);
    await ask({ type: 'attempt/manual', orderKey: before.orders[1]!.key, channel: 'phone', outcome: 'no_reply' });
    expect((await list()).orders.find((r) => r.key === before.orders[1]!.key)?.attempts).toBe(1);
  });

  it('does not read the store again for a write the queue does not show (the selected order)', async () => {
    await list();
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    await ask({ type: 'workspace/selected', orderKey: 'taobao:2470000000000000001' });
    await list();
    expect(getAll).not.toHaveBeenCalled();
  });

  it('notices orders added behind its back (a bulk write): the order count changed', async () => {
    expect((await list()).all).toBe(3);
    const order = (await db.get('orders', (await list()).orders[0]!.key))!;
    await db.put('orders', { ...order, orderId: '9999', key: 'taobao:9999' });
    expect((await list()).all).toBe(4);
  });

  it('re-ranks for the current time: an order past its close leaves "remind now"', async () => {
    const key = 'taobao:2470000000000000001';
    expect((await list()).orders.find((r) => r.key === key)?.verdict.state).toBe('now');
    now = NOW + 3 * HOUR_MS + RANK_FRESH_MS;
    expect((await list()).orders.find((r) => r.key === key)?.verdict).toMatchObject({ state: 'hold', rule: 'closed' });
  });

  it('leaves out a staged order with every stage paid, and the popup count agrees', async () => {
    const order = (await db.get('orders', 'taobao:2470000000000000002'))!;
    await db.put('orders', { ...order, dueMinor: 0 } satisfies Order);
    invalidateQueues();
    const rows = (await list()).orders;
    expect(rows.map((r) => r.key)).not.toContain(order.key);
    expect(rows).toHaveLength(2);
    expect((await ask<{ count: number }>({ type: 'summary/get' })).count).toBe(2);
    // Part paid: listed with what is still due.
    await db.put('orders', { ...order, dueMinor: 500 } satisfies Order);
    invalidateQueues();
    expect((await list()).orders.find((r) => r.key === order.key)).toMatchObject({ dueMinor: 500, amount: order.amount });
  });
});

describe('focusOnTab', () => {
  const platforms: Platform[] = ['taobao', 'pdd'];
  const states = ['followup', 'now', 'wait', 'promised', 'says_paid', 'hold'] as const;
  const entry = fc.record({
    id: fc.integer({ min: 0, max: 30 }),
    nick: fc.constantFrom('a', 'b', 'c'),
    platform: fc.constantFrom(...platforms),
    state: fc.constantFrom(...states),
    score: fc.integer({ min: -5, max: 5 }),
    until: fc.integer({ min: 0, max: 5 }),
  });

  it('gives the same order as ranking with the tab flags', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => `${e.platform}:${e.id}` }), fc.array(fc.integer({ min: 0, max: 30 })), fc.option(fc.constantFrom('a', 'b')), (raw, shown, chat) => {
        const entries: QueueEntry[] = raw.map((e) => ({
          order: { key: `${e.platform}:${e.id}`, platform: e.platform, buyer: { nick: e.nick } } as Order,
          attempts: 0,
          onTab: false,
          chatting: false,
          returning: false,
          verdict: { state: e.state, rule: 'ok', until: e.until } as QueueEntry['verdict'],
          score: e.score,
          tags: [],
        }));
        const cmp = (a: QueueEntry, b: QueueEntry) =>
          compareQueue({ ...a, state: a.verdict.state, until: a.verdict.until }, { ...b, state: b.verdict.state, until: b.verdict.until });
        const ranked = [...entries].sort(cmp);
        const tab = { platform: 'taobao' as Platform, orderKeys: shown.map((id) => `taobao:${id}`), ...(chat ? { chatBuyer: chat } : {}) };
        const focused = focusOnTab(ranked, tab);
        const flagged = ranked.map((e) => ({
          ...e,
          onTab: tab.orderKeys.includes(e.order.key),
          chatting: chat !== null && e.order.buyer.nick === chat && e.order.platform === 'taobao',
        }));
        const expected = [...flagged].sort(cmp);
        expect(focused.map((e) => [e.order.key, e.onTab, e.chatting])).toEqual(expected.map((e) => [e.order.key, e.onTab, e.chatting]));
        // The cached entries are never changed.
        expect(ranked.every((e) => !e.onTab && !e.chatting)).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });
});
