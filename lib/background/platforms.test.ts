import { errorText } from '@/components/errors';
// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../test/support/fixtures.mjs';
import { createBackground, type BackgroundDeps, type SenderInfo } from './service';
import type { Db } from '../store/db';
import { freshDb } from '@/test/support/db';
import { applyPageRead, getOrder, listOpenOrders } from '../store/orders';
import { taobaoAdapter } from '../platforms/taobao/adapter';
import { alibabaAdapter } from '../platforms/alibaba/adapter';
import type { PlatformAdapter } from '../platforms/types';
import type { HealthProblem, ManualOrderInput } from '../messaging/platforms';
import type { Order, PageRead } from '../orders/model';
import type { Reply } from '../messaging/protocol';
import type { ManualOrderRecord } from '../store/manual';
import { t } from '../i18n';

const START = Date.UTC(2026, 10, 23, 4, 0, 0);
const TP_URL = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay';
const SOLD_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';
const ALI_URL = 'https://biz.alibaba.com/ta/order/list.htm?tab=unpay';
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=7' };
const content = (url: string, tabId: number): SenderInfo => ({ id: 'ext', url, tab: { id: tabId } });

const fixture = (path: string) => renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures', path), 'utf8'), START);
const readOf = (adapter: PlatformAdapter, path: string, url: string, edit?: (doc: Document) => void): PageRead => {
  const doc = new DOMParser().parseFromString(fixture(path), 'text/html');
  edit?.(doc);
  return adapter.readOrders(doc, url, START)!;
};

let db: Db;
let now: number;
let changed: ReturnType<typeof vi.fn<() => void>>;
let bg: ReturnType<typeof createBackground>;
let ids = 0;

function makeBackground(extra: Partial<BackgroundDeps> = {}) {
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => now,
    newId: () => `k${(++ids).toString(36)}x9z`,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    askTab: (async () => undefined) as BackgroundDeps['askTab'],
    tabUrl: async () => undefined,
    changed,
    ...extra,
  };
  return createBackground(deps);
}

async function send<T>(raw: unknown, sender: SenderInfo = PANEL): Promise<Reply<T>> {
  const reply = await bg.handle(raw, sender);
  expect(reply, 'no reply').toBeDefined();
  return reply as Reply<T>;
}
async function ok<T>(raw: unknown, sender?: SenderInfo): Promise<T> {
  const reply = await send<T>(raw, sender);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
}
const problems = async (tabId?: number) => (await ok<{ problems: HealthProblem[] }>({ type: 'health/get', ...(tabId === undefined ? {} : { tabId }) })).problems;
const pageRead = (read: PageRead, url: string, tabId: number) => ok<{ written: number }>({ type: 'page/read', read }, content(url, tabId));

beforeEach(async () => {
  db = await freshDb('pf');
  now = START;
  changed = vi.fn<() => void>();
  bg = makeBackground();
});
afterEach(() => db.close());

describe('adapter health', () => {
  it('warns about a trade-platform page whose order tables were renamed, naming the selector version', async () => {
    await pageRead(readOf(taobaoAdapter, 'taobao/trade-platform-broken.html', TP_URL), TP_URL, 7);
    expect(changed).toHaveBeenCalled();
    expect(await problems(7)).toEqual([
      {
        tabId: 7,
        platform: 'taobao',
        url: TP_URL,
        listKey: 'myseller.taobao.com/home.htm/trade-platform/tp/sold#tab=待付款&page=1',
        unpaidOnly: true,
        selectorsVersion: 'taobao-2026-11-23',
        kind: 'no-rows',
        count: 0,
        rows: 0,
        at: START,
      },
    ]);
  });

  it('clears the warning when the same tab reads correctly again', async () => {
    await pageRead(readOf(taobaoAdapter, 'taobao/trade-platform-broken.html', TP_URL), TP_URL, 7);
    changed.mockClear();
    now += 5_000;
    await pageRead(readOf(taobaoAdapter, 'taobao/trade-platform-unpaid.html', TP_URL), TP_URL, 7);
    expect(await problems(7)).toEqual([]);
    expect(changed).toHaveBeenCalled();
    expect((await listOpenOrders(db)).map((o) => o.orderId)).toHaveLength(3);
  });

  it('counts rows that failed on an otherwise readable page', async () => {
    const read = readOf(taobaoAdapter, 'taobao/sold-items-unpaid.html', SOLD_URL, (doc) => {
      for (const price of doc.querySelectorAll('[data-fixture-order="2471093385512748201"] strong')) price.remove();
    });
    await pageRead(read, SOLD_URL, 4);
    expect(await problems(4)).toMatchObject([{ platform: 'taobao', kind: 'unreadable-rows', count: 1, rows: 4, selectorsVersion: 'taobao-2026-11-23' }]);
  });

  it('counts orders the background rejects as unreadable too', async () => {
    const read = readOf(alibabaAdapter, 'alibaba/order-list-unpaid-en.html', ALI_URL);
    read.orders[0] = { ...read.orders[0]!, orderId: 'not an id!' };
    await pageRead(read, ALI_URL, 5);
    expect(await problems(5)).toMatchObject([{ platform: 'alibaba', kind: 'unreadable-rows', count: 1, rows: 3 }]);
  });

  it('shows other tabs’ problems while recent, the bound tab’s until fixed', async () => {
    await pageRead(readOf(alibabaAdapter, 'alibaba/order-list-broken.html', ALI_URL), ALI_URL, 3);
    expect(await problems(9)).toMatchObject([{ tabId: 3, platform: 'alibaba', selectorsVersion: 'alibaba-2026-11-23' }]);
    now += 16 * 60_000;
    expect(await problems(9)).toEqual([]);
    expect(await problems(3)).toHaveLength(1);
  });

  it('does not broadcast again for the same problem read twice', async () => {
    const read = readOf(alibabaAdapter, 'alibaba/order-list-broken.html', ALI_URL);
    await pageRead(read, ALI_URL, 3);
    changed.mockClear();
    await pageRead(read, ALI_URL, 3);
    expect(changed).not.toHaveBeenCalled();
  });

  it('survives a service-worker restart', async () => {
    await pageRead(readOf(alibabaAdapter, 'alibaba/order-list-broken.html', ALI_URL), ALI_URL, 3);
    bg = makeBackground();
    expect(await problems(3)).toMatchObject([{ tabId: 3, platform: 'alibaba', kind: 'no-rows' }]);
  });

  it('ignores a read that names another platform than the page that sent it', async () => {
    const read = readOf(alibabaAdapter, 'alibaba/order-list-unpaid-en.html', ALI_URL);
    expect(await pageRead(read, SOLD_URL, 7)).toEqual({ written: 0, gone: 0 });
    expect(await listOpenOrders(db)).toEqual([]);
    const manual: PageRead = { ...read, platform: 'manual', orders: [] };
    expect(await pageRead(manual, ALI_URL, 7)).toEqual({ written: 0, gone: 0 });
  });
});

const DEAL: ManualOrderInput = {
  buyer: 'Carlos Mendes',
  contact: 'WhatsApp +55 11 91234-5678',
  items: [
    { title: 'Custom jewellery set, 3D design', qty: 1 },
    { title: '   ', qty: 1 },
  ],
  total: '5,000.00',
  currency: 'USD',
  createdAt: START - 86_400_000,
  deadlineAt: START + 2 * 86_400_000,
  note: 'Deposit 50% on confirmation; 30% after 3D approval; 20% before shipment.',
};

describe('manual orders', () => {
  it('stores a valid deal as an unpaid manual order the person vouches for', async () => {
    const { order } = await ok<{ order: Order }>({ type: 'order/manual-create', ...DEAL });
    expect(order.orderId).toMatch(/^M-\d{8}-[A-Z0-9]{4}$/);
    const stored = (await getOrder(db, `manual:${order.orderId}`)) as ManualOrderRecord;
    expect(stored).toMatchObject({
      platform: 'manual',
      buyer: { nick: 'Carlos Mendes' },
      items: [{ title: 'Custom jewellery set, 3D design', qty: 1 }],
      amount: { minor: 500000, currency: 'USD' },
      createdAt: START - 86_400_000,
      autoCloseAt: START + 2 * 86_400_000,
      status: 'unpaid',
      statusSource: 'person',
      contact: 'WhatsApp +55 11 91234-5678',
      note: DEAL.note,
    });
    expect((await listOpenOrders(db)).map((o) => o.key)).toEqual([`manual:${order.orderId}`]);
    expect(changed).toHaveBeenCalled();
  });

  it('reads the total in the chosen currency (European separators for euros)', async () => {
    const { order } = await ok<{ order: Order }>({ type: 'order/manual-create', ...DEAL, total: '12.500,50', currency: 'EUR' });
    expect(order.amount).toEqual({ minor: 1250050, currency: 'EUR' });
  });

  it('draws another id when one is taken', async () => {
    ids = 0;
    const a = await ok<{ order: Order }>({ type: 'order/manual-create', ...DEAL });
    ids = 0;
    const b = await ok<{ order: Order }>({ type: 'order/manual-create', ...DEAL });
    expect(b.order.orderId).not.toBe(a.order.orderId);
    expect(await listOpenOrders(db)).toHaveLength(2);
  });

  it.each([
    [{ buyer: '  ' }, 'pf.err.buyer'],
    [{ items: [{ title: '', qty: 1 }] }, 'pf.err.items'],
    [{ items: [{ title: 'Ring', qty: 0 }] }, 'pf.err.qty'],
    [{ total: 'five thousand' }, 'pf.err.total'],
    [{ total: '€500' }, 'pf.err.total'], // a symbol that disagrees with USD
    [{ total: '0' }, 'pf.err.totalZero'],
    [{ currency: 'usdollar' }, 'pf.err.currency'],
    [{ deadlineAt: START - 2 * 86_400_000 }, 'pf.err.deadline'],
  ] as const)('refuses %j with a clear message', async (patch, key) => {
    const reply = await send({ type: 'order/manual-create', ...DEAL, ...patch });
    expect(reply.ok).toBe(false);
    // The panel's words for the code it got back.
    expect(!reply.ok && errorText(reply.error)).toBe(t(key));
    expect(await listOpenOrders(db)).toEqual([]);
  });

  it('is never marked paid or closed by a page read, even a whole empty unpaid list', async () => {
    const { order } = await ok<{ order: Order }>({ type: 'order/manual-create', ...DEAL, deadlineAt: START + 1000 });
    now = START + 86_400_000; // past its deadline
    const emptyUnpaid = readOf(taobaoAdapter, 'taobao/trade-platform-unpaid.html', TP_URL, (doc) => {
      doc.querySelector('[class*="sold-list--body"]')!.replaceChildren(Object.assign(doc.createElement('div'), { textContent: '暂无数据' }));
    });
    expect(emptyUnpaid).toMatchObject({ unpaidOnly: true, complete: true, orders: [] });
    await pageRead(emptyUnpaid, TP_URL, 7);
    // Even a read claiming to be of the manual "platform" leaves it alone.
    await applyPageRead(db, { ...emptyUnpaid, platform: 'manual' }, now);
    expect(await getOrder(db, `manual:${order.orderId}`)).toMatchObject({ status: 'unpaid', statusSource: 'person' });
  });

  it('can be marked paid through the contact log', async () => {
    const { order } = await ok<{ order: Order }>({ type: 'order/manual-create', ...DEAL });
    const { attemptId } = await ok<{ attemptId: string }>({ type: 'attempt/manual', orderKey: order.key, channel: 'other', outcome: 'promised' });
    await ok({ type: 'attempt/outcome', id: attemptId, outcome: 'paid' });
    expect(await getOrder(db, order.key)).toMatchObject({ status: 'paid', statusSource: 'person' });
    expect(await listOpenOrders(db)).toEqual([]);
  });
});

describe('erase everything', () => {
  it('forgets the health list held in memory (the next read writes none of it back) and closes shown notifications', async () => {
    const clearNotifications = vi.fn(async () => undefined);
    bg = makeBackground({ clearNotifications });
    await pageRead(readOf(taobaoAdapter, 'taobao/trade-platform-broken.html', TP_URL), TP_URL, 7);
    expect(await problems(7)).toHaveLength(1);
    await ok({ type: 'data/erase', confirm: 'ERASE' }, { id: 'ext', url: 'chrome-extension://ext/options.html' });
    expect(clearNotifications).toHaveBeenCalledOnce();
    expect(await problems(7)).toEqual([]);
    expect(await problems()).toEqual([]);
    // Another tab's read with a problem of its own: the erased one does not come back with it.
    now += 1_000;
    await pageRead(readOf(alibabaAdapter, 'alibaba/order-list-broken.html', ALI_URL), ALI_URL, 9);
    const stored = ((await db.get('settings', 'pf.health'))?.value ?? []) as HealthProblem[];
    expect(stored.map((p) => p.url)).toEqual([ALI_URL]);
    expect((await problems(7)).map((p) => p.url)).toEqual([ALI_URL]);
  });
});
