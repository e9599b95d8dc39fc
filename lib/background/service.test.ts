import type { ReplyError } from '../messaging/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground, senderKind, type BackgroundDeps, type SenderInfo } from './service';
import type { Db } from '../store/db';
import { freshDb } from '@/test/support/db';
import { observedAt, TAOBAO_SOLD_URL, taobaoRead } from '@/test/support/builders';
import { addAttempt, countAttempts, listAttempts } from '../store/attempts';
import { getOrder } from '../store/orders';
import type { ContentResponses, OrderListEntry, Reply } from '../messaging/protocol';
import type { ObservedOrder } from '../orders/model';
import { HOUR_MS } from '../orders/time';
import { DEFAULT_CADENCE } from '../reminders/settings';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const SOLD_URL = TAOBAO_SOLD_URL;
const CHAT_URL = 'https://qn.taobao.com/workbench/chat';
const CONTENT: SenderInfo = { id: 'ext', url: SOLD_URL, tab: { id: 7 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=7' };
const XIAOMEI = 'tb_<img src=x onerror=alert(1)>&"小美\'';

/** The shared Taobao order, with these tests' item and a close time the page only estimates. */
function observed(orderId: string, nick: string, overrides: Partial<ObservedOrder> = {}): ObservedOrder {
  return observedAt(NOW)(orderId, nick, { items: [{ title: '纯棉儿童睡衣套装 春秋款', qty: 1 }], autoCloseAt: NOW + 71 * HOUR_MS, autoCloseEstimated: true, ...overrides });
}

function read(orders: ObservedOrder[]) {
  return taobaoRead(orders, { listKey: 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=waitBuyerPay&page=1' });
}

const COAT = observed('3398752046183927614', XIAOMEI, {
  items: [
    { title: '秋冬加厚羊毛混纺大衣 女中长款 双面呢', sku: '颜色分类：驼色；尺码：M', qty: 2 },
    { title: '同款羊绒围巾 礼盒装', qty: 1 },
  ],
  amount: { minor: 128000, currency: 'CNY' },
  autoCloseAt: NOW + 67 * HOUR_MS,
});
const PAJAMAS = observed('2471093385512748201', '快乐的小熊', { autoCloseAt: NOW + 71 * HOUR_MS });
const HAT = observed('2470011239875561022', 'lily_2019', { items: [{ title: '手工编织草帽 度假风', qty: 2 }], autoCloseAt: NOW + 2 * HOUR_MS });
const BAG = observed('2472205561098834410', '王小二', { items: [{ title: '大容量双肩背包 通勤', qty: 1 }], autoCloseAt: NOW + 30 * HOUR_MS });

interface Harness {
  db: Db;
  deps: BackgroundDeps;
  changed: ReturnType<typeof vi.fn>;
  askTab: ReturnType<typeof vi.fn>;
  tabReplies: { context?: ContentResponses['tab/context']; insert?: ContentResponses['composer/insert'] };
  bg: ReturnType<typeof createBackground>;
  /** Sends a message and unwraps an ok reply; fails the test on anything else. */
  ask<T>(raw: unknown, sender?: SenderInfo): Promise<T>;
}

async function harness(): Promise<Harness> {
  const db = await freshDb();
  let counter = 0;
  const tabReplies: Harness['tabReplies'] = {};
  const changed = vi.fn();
  const askTab = vi.fn(async (_tabId: number, type: keyof ContentResponses, _payload: object) =>
    type === 'tab/context' ? tabReplies.context : tabReplies.insert,
  );
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => NOW,
    newId: () => `id-${++counter}`,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    askTab: askTab as BackgroundDeps['askTab'],
    tabUrl: async (tabId) => (tabId === 7 ? SOLD_URL : tabId === 9 ? CHAT_URL : undefined),
    changed,
  };
  const bg = createBackground(deps);
  return {
    db,
    deps,
    changed,
    askTab,
    tabReplies,
    bg,
    async ask<T>(raw: unknown, sender: SenderInfo = PANEL) {
      const reply = await bg.handle(raw, sender);
      expect(reply, `no reply to ${JSON.stringify(raw).slice(0, 80)}`).toBeDefined();
      if (!reply!.ok) throw new Error(`unexpected error reply: ${JSON.stringify(reply!.error)}`);
      return reply!.data as T;
    },
  };
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => {
  h.db.close();
});

const listed = async (tabId?: number) =>
  (await h.ask<{ orders: OrderListEntry[] }>({ type: 'orders/list', ...(tabId === undefined ? {} : { tabId }) })).orders;
const listedIds = async (tabId?: number) => (await listed(tabId)).map((e) => e.orderId);

describe('senderKind', () => {
  const deps = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };

  it('ignores another extension, even on its own pages or a seller page', () => {
    expect(senderKind({ id: 'other', url: 'chrome-extension://other/popup.html' }, deps)).toBeUndefined();
    expect(senderKind({ id: 'other', url: SOLD_URL, tab: { id: 7 } }, deps)).toBeUndefined();
    expect(senderKind({ url: SOLD_URL, tab: { id: 7 } }, deps)).toBeUndefined();
  });

  it('ignores our own script on a web page that is not a seller host', () => {
    expect(senderKind({ id: 'ext', url: 'https://evil.example.com/list_sold_items.htm', tab: { id: 7 } }, deps)).toBeUndefined();
    expect(senderKind({ id: 'ext', url: 'https://trade.taobao.com.evil.example/', tab: { id: 7 } }, deps)).toBeUndefined();
    expect(senderKind({ id: 'ext', url: 'http://trade.taobao.com/trade/itemlist/list_sold_items.htm', tab: { id: 7 } }, deps)).toBeUndefined();
    expect(senderKind({ id: 'ext', url: 'not a url', tab: { id: 7 } }, deps)).toBeUndefined();
  });

  it('recognises our content script on a seller page with a tab', () => {
    expect(senderKind({ id: 'ext', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', tab: { id: 7 } }, deps)).toBe('content');
    expect(senderKind({ id: 'ext', url: CHAT_URL, tab: { id: 0 } }, deps)).toBe('content');
  });

  it('does not take a seller URL without a tab for a content script', () => {
    expect(senderKind({ id: 'ext', url: SOLD_URL }, deps)).toBeUndefined();
    expect(senderKind({ id: 'ext', url: SOLD_URL, tab: {} }, deps)).toBeUndefined();
  });

  it('recognises our extension pages, and only ours', () => {
    expect(senderKind({ id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=3' }, deps)).toBe('extension');
    expect(senderKind({ id: 'ext', url: 'chrome-extension://ext/popup.html', tab: { id: 2 } }, deps)).toBe('extension');
    expect(senderKind({ id: 'ext', url: 'chrome-extension://extother/popup.html' }, deps)).toBeUndefined();
    expect(senderKind({ id: 'ext' }, deps)).toBeUndefined();
  });
});

describe('handle: who may ask what', () => {
  it('does not answer strangers', async () => {
    await h.ask({ type: 'page/read', read: read([COAT]) }, CONTENT);
    expect(h.bg.handle({ type: 'summary/get' }, { id: 'other', url: 'chrome-extension://other/popup.html' })).toBeUndefined();
    expect(h.bg.handle({ type: 'page/read', read: read([]) }, { id: 'ext', url: 'https://evil.example.com/', tab: { id: 3 } })).toBeUndefined();
    // The evil page's empty "unpaid list" did not mark anything paid.
    expect(await listedIds()).toEqual(['3398752046183927614']);
  });

  it('does not let a content script use extension-only requests', async () => {
    await h.ask({ type: 'page/read', read: read([COAT]) }, CONTENT);
    const { attemptId } = await h.ask<{ attemptId: string }>({
      type: 'suggestion/copied',
      orderKey: 'taobao:3398752046183927614',
      templateId: 'zh-first-friendly',
      text: '亲，在吗',
    });
    h.changed.mockClear();

    expect(h.bg.handle({ type: 'attempt/outcome', id: attemptId, outcome: 'paid' }, CONTENT)).toBeUndefined();
    expect(h.bg.handle({ type: 'orders/list' }, CONTENT)).toBeUndefined();
    expect(h.bg.handle({ type: 'order/detail', orderKey: 'taobao:3398752046183927614' }, CONTENT)).toBeUndefined();
    expect(
      h.bg.handle({ type: 'suggestion/insert', tabId: 7, orderKey: 'taobao:3398752046183927614', templateId: 'x', text: '亲' }, CONTENT),
    ).toBeUndefined();

    expect((await listAttempts(h.db, 'taobao:3398752046183927614')).map((a) => a.outcome)).toEqual(['pending']);
    expect(await listedIds()).toEqual(['3398752046183927614']);
    expect(h.changed).not.toHaveBeenCalled();
    expect(h.askTab).not.toHaveBeenCalledWith(7, 'composer/insert', expect.anything());
  });

  it('does not let an extension page pose as a content script', async () => {
    expect(h.bg.handle({ type: 'page/read', read: read([COAT]) }, PANEL)).toBeUndefined();
    expect(await listedIds()).toEqual([]);
  });

  it('gives no reply to malformed requests from our own pages', () => {
    expect(h.bg.handle({ type: 'order/detail', orderKey: '' }, PANEL)).toBeUndefined();
    expect(h.bg.handle({ type: 'toString' }, PANEL)).toBeUndefined();
    expect(h.bg.handle('summary/get', PANEL)).toBeUndefined();
  });
});

describe('script/load', () => {
  it('runs the insertion, recipe or structural-reader script in the asking seller frame alone, and only for a seller page', async () => {
    const loadScript = vi.fn(async () => true);
    const bg = createBackground({ ...h.deps, loadScript });
    const reply = await bg.handle({ type: 'script/load', script: 'insert' }, { ...CONTENT, frameId: 4 });
    expect(reply).toEqual({ ok: true, data: { ok: true } });
    expect(loadScript).toHaveBeenCalledWith(CONTENT.tab!.id, 4, '/insert.js');
    await bg.handle({ type: 'script/load', script: 'recipes' }, CONTENT);
    expect(loadScript).toHaveBeenLastCalledWith(CONTENT.tab!.id, 0, '/recipes.js');
    await bg.handle({ type: 'script/load', script: 'structure' }, CONTENT);
    expect(loadScript).toHaveBeenLastCalledWith(CONTENT.tab!.id, 0, '/structure.js');
    // No other file, whatever the message names.
    expect(bg.handle({ type: 'script/load', script: '../background.js' }, CONTENT)).toBeUndefined();
    // Not for an extension page, nor for a page of another host (the message is not even answered).
    expect(bg.handle({ type: 'script/load', script: 'insert' }, PANEL)).toBeUndefined();
    expect(bg.handle({ type: 'script/load', script: 'insert' }, { id: 'ext', url: 'https://evil.example.com/', tab: { id: 3 } })).toBeUndefined();
    expect(loadScript).toHaveBeenCalledTimes(3);
    // A browser that cannot run it says so: the insertion answers "not-loaded" instead of failing silently.
    const cannot = createBackground({ ...h.deps, loadScript: async () => false });
    expect(await cannot.handle({ type: 'script/load', script: 'insert' }, CONTENT)).toEqual({ ok: true, data: { ok: false } });
  });
});

describe('page/read', () => {
  it('stores the orders and tells open panels', async () => {
    const result = await h.ask<{ written: number; gone: number }>({ type: 'page/read', read: read([COAT, PAJAMAS]) }, CONTENT);
    expect(result).toEqual({ written: 2, gone: 0 });
    expect(h.changed).toHaveBeenCalledTimes(1);
    expect((await listedIds()).sort()).toEqual(['2471093385512748201', '3398752046183927614']);
  });

  it('does not wake the panels when nothing changed', async () => {
    await h.ask({ type: 'page/read', read: read([COAT]) }, CONTENT);
    h.changed.mockClear();
    expect(await h.ask({ type: 'page/read', read: read([COAT]) }, CONTENT)).toEqual({ written: 0, gone: 0 });
    expect(h.changed).not.toHaveBeenCalled();
  });

  it('reports orders that left the unpaid list', async () => {
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS]) }, CONTENT);
    expect(await h.ask({ type: 'page/read', read: read([COAT]) }, CONTENT)).toEqual({ written: 1, gone: 1 });
    expect(await listedIds()).toEqual(['3398752046183927614']);
  });

  it('drops only the orders that fail validation, and counts them unreadable so absence proves nothing', async () => {
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS]) }, CONTENT);
    const bad = read([COAT, { ...PAJAMAS, orderId: '2471093385512748201; DROP' }]);
    expect(await h.ask({ type: 'page/read', read: bad }, CONTENT)).toEqual({ written: 0, gone: 0 });
    // PAJAMAS is still unpaid: the unreadable row might have been it.
    expect((await listedIds()).sort()).toEqual(['2471093385512748201', '3398752046183927614']);
  });

  it('refuses orders of another platform inside a read', async () => {
    const mixed = read([COAT, { ...PAJAMAS, platform: 'pdd' }]);
    await h.ask({ type: 'page/read', read: mixed }, CONTENT);
    expect(await listedIds()).toEqual(['3398752046183927614']);
  });
});

describe('orders/list', () => {
  beforeEach(async () => {
    // NOW is 12:00 in China: outside quiet hours whatever zone the test machine is in.
    await h.ask({ type: 'settings/cadence-set', settings: { ...DEFAULT_CADENCE, sellerTimeZone: 'Asia/Shanghai' } });
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS, HAT, BAG]) }, CONTENT);
  });

  it('ranks open orders by urgency and value when no tab is bound', async () => {
    expect(await listedIds()).toEqual(['2470011239875561022', '2472205561098834410', '3398752046183927614', '2471093385512748201']);
    expect(h.askTab).not.toHaveBeenCalled();
  });

  it('puts the buyer of the open chat first, then the orders on the tab, then the rest', async () => {
    h.tabReplies.context = {
      platform: 'taobao',
      orderIds: ['2471093385512748201', '3398752046183927614'],
      chatBuyer: { nick: '快乐的小熊' },
      hasComposer: true,
    };
    const entries = await listed(9);
    expect(entries.map((e) => e.orderId)).toEqual([
      '2471093385512748201', // chatting
      '3398752046183927614', // on the tab
      '2470011239875561022', // the rest, by deadline
      '2472205561098834410',
    ]);
    expect(entries.map((e) => [e.chatting, e.onTab])).toEqual([
      [true, true],
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(h.askTab).toHaveBeenCalledWith(9, 'tab/context', {});
  });

  it('describes the bound tab', async () => {
    h.tabReplies.context = { platform: 'taobao', orderIds: ['2470011239875561022'], chatBuyer: { nick: 'lily_2019' }, hasComposer: true };
    const { tab } = await h.ask<{ tab: Record<string, unknown> }>({ type: 'orders/list', tabId: 9 });
    expect(tab).toEqual({
      tabId: 9,
      url: CHAT_URL,
      platform: 'taobao',
      orderKeys: ['taobao:2470011239875561022'],
      chatBuyer: 'lily_2019',
      hasComposer: true,
    });
  });

  it.each([
    ['another platform', { platform: 'manual', orderIds: ['2470011239875561022'], hasComposer: true }],
    ['order numbers that are not strings', { platform: 'taobao', orderIds: [{ toString: 1 }], hasComposer: true }],
    ['no composer flag', { platform: 'taobao', orderIds: [] }],
    ['a buyer without a nick', { platform: 'taobao', orderIds: [], chatBuyer: { nick: 7 }, hasComposer: true }],
  ])('treats a malformed tab/context reply (%s) as no content script', async (_name, reply) => {
    h.tabReplies.context = reply as never;
    const { orders, tab } = await h.ask<{ orders: OrderListEntry[]; tab: Record<string, unknown> }>({ type: 'orders/list', tabId: 9 });
    expect(orders).toHaveLength(4);
    expect(tab).toEqual({ tabId: 9, url: CHAT_URL, orderKeys: [], hasComposer: false });
  });

  it('still lists everything when the tab has no content script', async () => {
    const { orders, tab } = await h.ask<{ orders: OrderListEntry[]; tab: Record<string, unknown> }>({ type: 'orders/list', tabId: 7 });
    expect(orders).toHaveLength(4);
    expect(orders.every((e) => !e.onTab && !e.chatting)).toBe(true);
    expect(tab).toMatchObject({ tabId: 7, url: SOLD_URL, orderKeys: [], hasComposer: false });
  });

  it('counts contact attempts and flags returning buyers', async () => {
    await h.ask({ type: 'suggestion/copied', orderKey: 'taobao:2472205561098834410', templateId: 'zh-first-doubt', text: '王小二您好' });
    await h.ask({ type: 'attempt/manual', orderKey: 'taobao:2472205561098834410', channel: 'phone', outcome: 'no_reply' });
    // lily_2019 paid an earlier order.
    await h.ask({ type: 'page/read', read: { ...read([observed('2400000000000000001', 'lily_2019', { status: 'paid' })]), unpaidOnly: false, listKey: 'all' } }, CONTENT);

    const byId = Object.fromEntries((await listed()).map((e) => [e.orderId, e]));
    expect(byId['2472205561098834410']).toMatchObject({ attempts: 2, returning: false });
    expect(byId['2470011239875561022']).toMatchObject({ attempts: 0, returning: true });
    expect(byId['2400000000000000001']).toBeUndefined();
  });
});

describe('order/detail', () => {
  beforeEach(async () => {
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS]) }, CONTENT);
  });

  it('offers at least three ready-to-send suggestions naming the buyer and the item', async () => {
    const detail = await h.ask<{ order: { orderId: string }; suggestions: { templateId: string; text: string }[] }>({
      type: 'order/detail',
      orderKey: 'taobao:2471093385512748201',
    });
    expect(detail.order.orderId).toBe('2471093385512748201');
    expect(detail.suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of detail.suggestions) {
      expect(s.text).not.toContain('{{');
      expect(s.text).not.toContain('}}');
      expect(s.text).not.toContain('undefined');
    }
    expect(detail.suggestions.some((s) => s.text.includes('快乐的小熊'))).toBe(true);
    expect(detail.suggestions.some((s) => s.text.includes('纯棉儿童睡衣套装 春秋款'))).toBe(true);
    expect(new Set(detail.suggestions.map((s) => s.text)).size).toBe(detail.suggestions.length);
  });

  it("gives the profile a new buyer to edit (no record is stored for her yet), and the first rule saved makes her record", async () => {
    const key = 'taobao:2471093385512748201';
    expect(await h.db.get('buyers', 'taobao:快乐的小熊')).toBeUndefined();
    const detail = await h.ask<{ buyer?: { key: string; nick: string; paidOrderKeys: string[] } }>({ type: 'order/detail', orderKey: key });
    expect(detail.buyer).toMatchObject({ key: 'taobao:快乐的小熊', nick: '快乐的小熊', paidOrderKeys: [] });
    expect(await h.db.get('buyers', 'taobao:快乐的小熊')).toBeUndefined();
    await h.ask({ type: 'buyer/update', buyerKey: 'taobao:快乐的小熊', patch: { doNotRemind: true } });
    expect(await h.db.get('buyers', 'taobao:快乐的小熊')).toMatchObject({ nick: '快乐的小熊', doNotRemind: true, paidOrderKeys: [] });
    expect((await h.ask<{ buyer?: { doNotRemind?: boolean } }>({ type: 'order/detail', orderKey: key })).buyer?.doNotRemind).toBe(true);
  });

  it('writes a hostile-looking nick into the text literally, and names a multi-item order', async () => {
    const detail = await h.ask<{ suggestions: { text: string }[] }>({ type: 'order/detail', orderKey: 'taobao:3398752046183927614' });
    expect(detail.suggestions.some((s) => s.text.includes(XIAOMEI))).toBe(true);
    expect(detail.suggestions.some((s) => s.text.includes('等2件宝贝'))).toBe(true);
    expect(detail.suggestions.some((s) => s.text.includes('¥1,280.00'))).toBe(true);
  });

  it('changes its suggestions after a first reminder was sent', async () => {
    const key = 'taobao:2471093385512748201';
    const before = await h.ask<{ suggestions: { templateId: string }[] }>({ type: 'order/detail', orderKey: key });
    await h.ask({ type: 'suggestion/copied', orderKey: key, templateId: before.suggestions[0]!.templateId, text: '第一次提醒' });
    const after = await h.ask<{ attempts: unknown[]; suggestions: { templateId: string }[] }>({ type: 'order/detail', orderKey: key });
    expect(after.attempts).toHaveLength(1);
    expect(after.suggestions[0]!.templateId).not.toBe(before.suggestions[0]!.templateId);
  });

  it('answers an unknown order with the order-gone code (the panel says it in the person\'s language) instead of throwing', async () => {
    const reply = await h.bg.handle({ type: 'order/detail', orderKey: 'taobao:1111111111' }, PANEL);
    expect(reply).toEqual({ ok: false, error: { code: 'order-gone', params: { orderKey: 'taobao:1111111111' } } });
  });
});

describe('suggestion/insert', () => {
  const KEY = 'taobao:3398752046183927614';
  const TEXT = `亲，${XIAOMEI}您好～`;
  beforeEach(async () => {
    await h.ask({ type: 'page/read', read: read([COAT]) }, CONTENT);
    h.changed.mockClear();
  });

  it('logs an attempt with the inserted text when the tab says it was inserted', async () => {
    h.tabReplies.insert = { inserted: true, method: 'native-setter' };
    const result = await h.ask({ type: 'suggestion/insert', tabId: 9, orderKey: KEY, templateId: 'zh-first-friendly', text: TEXT });
    expect(result).toEqual({ inserted: true, method: 'native-setter', attemptId: 'id-1' });
    expect(h.askTab).toHaveBeenCalledWith(9, 'composer/insert', { text: TEXT });

    const attempts = await listAttempts(h.db, KEY);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      id: 'id-1',
      orderKey: KEY,
      buyerKey: `taobao:${XIAOMEI}`,
      action: 'inserted',
      channel: 'chat',
      direction: 'outbound',
      templateId: 'zh-first-friendly',
      text: TEXT,
      at: NOW,
      outcome: 'pending',
    });
    expect(h.changed).toHaveBeenCalled();
  });

  it('logs nothing when the tab has no composer', async () => {
    h.tabReplies.insert = { inserted: false, method: 'no-composer' };
    const result = await h.ask({ type: 'suggestion/insert', tabId: 9, orderKey: KEY, templateId: 'zh-first-friendly', text: TEXT });
    expect(result).toEqual({ inserted: false, method: 'no-composer' });
    expect(await listAttempts(h.db, KEY)).toEqual([]);
    expect(h.changed).not.toHaveBeenCalled();
  });

  it('refuses to insert for an order it no longer knows, before touching the tab', async () => {
    const reply = await h.bg.handle({ type: 'suggestion/insert', tabId: 9, orderKey: 'taobao:1', templateId: 'zh-first-friendly', text: TEXT }, PANEL);
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: ReplyError }).error).toEqual({ code: 'order-gone', params: { orderKey: 'taobao:1' } });
    expect(h.askTab).not.toHaveBeenCalledWith(9, 'composer/insert', expect.anything());
  });

  it('logs nothing when no content script answers in the tab', async () => {
    const result = await h.ask<{ inserted: boolean; attemptId?: string }>({
      type: 'suggestion/insert',
      tabId: 9,
      orderKey: KEY,
      templateId: 'zh-first-friendly',
      text: TEXT,
    });
    expect(result.inserted).toBe(false);
    expect(result.attemptId).toBeUndefined();
    expect(await listAttempts(h.db, KEY)).toEqual([]);
  });
});

describe('attempt/outcome', () => {
  const KEY = 'taobao:3398752046183927614';
  beforeEach(async () => {
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS]) }, CONTENT);
  });

  it('takes an order the seller marks paid off the list and out of the totals', async () => {
    const { attemptId } = await h.ask<{ attemptId: string }>({ type: 'suggestion/copied', orderKey: KEY, templateId: 'zh-first-friendly', text: '亲' });
    h.changed.mockClear();

    const { attempt } = await h.ask<{ attempt: { outcome: string } }>({ type: 'attempt/outcome', id: attemptId, outcome: 'paid' });
    expect(attempt.outcome).toBe('paid');
    expect(await listedIds()).toEqual(['2471093385512748201']);
    expect(await h.ask({ type: 'summary/get' })).toEqual({ count: 1, totals: [{ currency: 'CNY', minor: 9900 }] });
    expect(await getOrder(h.db, KEY)).toMatchObject({ status: 'paid', statusSource: 'person', statusChangedAt: NOW });
    expect(h.changed).toHaveBeenCalled();
  });

  it('keeps the seller\'s "paid" when a lagging page still shows the order unpaid', async () => {
    const { attemptId } = await h.ask<{ attemptId: string }>({ type: 'suggestion/copied', orderKey: KEY, templateId: 'zh-first-friendly', text: '亲' });
    await h.ask({ type: 'attempt/outcome', id: attemptId, outcome: 'paid' });
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS]) }, CONTENT);
    expect(await listedIds()).toEqual(['2471093385512748201']);
    // The page later shows it closed: that is news, and it is taken.
    await h.ask({ type: 'page/read', read: { ...read([{ ...COAT, status: 'closed' }, PAJAMAS]), unpaidOnly: false, listKey: 'all' } }, CONTENT);
    expect(await getOrder(h.db, KEY)).toMatchObject({ status: 'closed', statusSource: 'page' });
  });

  it('counts a buyer the seller marked paid as returning next time', async () => {
    const { attemptId } = await h.ask<{ attemptId: string }>({ type: 'suggestion/copied', orderKey: KEY, templateId: 'zh-first-friendly', text: '亲' });
    await h.ask({ type: 'attempt/outcome', id: attemptId, outcome: 'paid' });
    const nextOrder = observed('3398752046183927999', XIAOMEI);
    await h.ask({ type: 'page/read', read: read([nextOrder, PAJAMAS]) }, CONTENT);
    const entry = (await listed()).find((e) => e.orderId === '3398752046183927999');
    expect(entry?.returning).toBe(true);
  });

  it('keeps the order open for other outcomes and remembers a promise', async () => {
    const { attemptId } = await h.ask<{ attemptId: string }>({ type: 'attempt/manual', orderKey: KEY, channel: 'phone', outcome: 'sent' });
    await h.ask({ type: 'attempt/outcome', id: attemptId, outcome: 'promised', promisedAt: NOW + 3 * HOUR_MS, note: '晚上付' });
    expect((await listedIds()).sort()).toEqual(['2471093385512748201', '3398752046183927614']);
    expect((await listAttempts(h.db, KEY))[0]).toMatchObject({ outcome: 'promised', promisedAt: NOW + 3 * HOUR_MS, note: '晚上付' });
  });

  it('answers an unknown attempt with the attempt-gone code and changes nothing', async () => {
    h.changed.mockClear();
    const reply = (await h.bg.handle({ type: 'attempt/outcome', id: 'nope', outcome: 'paid' }, PANEL)) as Reply<unknown>;
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toEqual({ code: 'attempt-gone', params: { attemptId: 'nope' } });
    expect(h.changed).not.toHaveBeenCalled();
    expect(await listedIds()).toHaveLength(2);
  });
});

describe('errors', () => {
  it('reports logging against an order that is gone, as a code', async () => {
    const reply = await h.bg.handle({ type: 'suggestion/copied', orderKey: 'taobao:404404404', templateId: 't', text: '亲' }, PANEL);
    expect(reply).toEqual({ ok: false, error: { code: 'order-gone', params: { orderKey: 'taobao:404404404' } } });
    expect(await countAttempts(h.db)).toBe(0);
  });

  it('turns an internal failure into an error reply instead of a rejection', async () => {
    const broken = createBackground({ ...h.deps, db: () => Promise.reject(new Error('disk full')) });
    const reply = broken.handle({ type: 'summary/get' }, PANEL);
    expect(reply).toBeInstanceOf(Promise);
    await expect(reply).resolves.toEqual({ ok: false, error: { code: 'internal', params: { detail: 'disk full' } } });
  });
});

describe('summary/get', () => {
  it('counts the open orders and totals them per currency', async () => {
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS, observed('9990001', 'Mia🌸', { amount: { minor: 2350, currency: 'USD' } })]) }, CONTENT);
    expect(await h.ask({ type: 'summary/get' })).toEqual({
      count: 3,
      totals: [
        { currency: 'CNY', minor: 137900 },
        { currency: 'USD', minor: 2350 },
      ],
    });
  });
});


describe('reminder workspace', () => {
  const KEY = 'taobao:2471093385512748201';
  beforeEach(async () => {
    await h.ask({ type: 'settings/cadence-set', settings: { ...DEFAULT_CADENCE, sellerTimeZone: 'Asia/Shanghai' } });
    await h.ask({ type: 'page/read', read: read([COAT, PAJAMAS, HAT, BAG]) }, CONTENT);
  });
  const entry = async (orderId: string) => (await listed()).find((e) => e.orderId === orderId)!;

  it('says why an order is held back: the daily cap after a reminder, quiet hours in the buyer zone, do-not-remind', async () => {
    expect((await entry('2471093385512748201')).verdict).toMatchObject({ state: 'now', rule: 'ok' });
    await h.ask({ type: 'suggestion/copied', orderKey: KEY, templateId: 'x', text: '第一次提醒' });
    expect((await entry('2471093385512748201')).verdict).toMatchObject({ state: 'wait', rule: 'buyerDaily', until: NOW + 24 * HOUR_MS });
    // Same buyer, another order: the cap is per buyer.
    await h.ask({ type: 'page/read', read: { ...read([observed('2471093385512748299', '快乐的小熊')]), listKey: 'other' } }, CONTENT);
    expect((await entry('2471093385512748299')).verdict.rule).toBe('buyerDaily');

    // 12:00 in China is 23:00 in New York (EST): the buyer's quiet hours.
    await h.ask({ type: 'buyer/update', buyerKey: 'taobao:王小二', patch: { timeZone: 'America/New_York' } });
    expect((await entry('2472205561098834410')).verdict).toMatchObject({ state: 'wait', rule: 'quietHours', zone: 'America/New_York' });
    await h.ask({ type: 'buyer/update', buyerKey: 'taobao:lily_2019', patch: { doNotRemind: true, note: '说过别催' } });
    expect((await entry('2470011239875561022')).verdict).toMatchObject({ state: 'hold', rule: 'doNotRemind' });
    const detail = await h.ask<{ buyer: { note: string }; verdict: { rule: string } }>({ type: 'order/detail', orderKey: 'taobao:2470011239875561022' });
    expect(detail.buyer.note).toBe('说过别催');
    expect(detail.verdict.rule).toBe('doNotRemind');
  });

  it('a promise to pay by a time schedules a follow-up; paid clears it', async () => {
    const { attemptId } = await h.ask<{ attemptId: string }>({ type: 'attempt/manual', orderKey: KEY, channel: 'phone', outcome: 'no_reply' });
    await h.ask({ type: 'attempt/outcome', id: attemptId, outcome: 'promised', promisedAt: NOW + 3 * HOUR_MS });
    const order = await getOrder(h.db, KEY);
    expect(order?.followUp).toMatchObject({ kind: 'promised', at: NOW + 3 * HOUR_MS, attemptId });
    expect(order?.nextFollowUpAt).toBe(NOW + 3 * HOUR_MS);
    expect((await listAttempts(h.db, KEY))[0]?.followUpAt).toBe(NOW + 3 * HOUR_MS);
    expect((await entry('2471093385512748201')).verdict).toMatchObject({ state: 'promised', until: NOW + 3 * HOUR_MS });
    await h.ask({ type: 'attempt/outcome', id: attemptId, outcome: 'paid' });
    expect((await getOrder(h.db, KEY))?.followUp).toBeUndefined();
  });

  it('"buyer says paid" waits for the page and asks for a check after the set time', async () => {
    await h.ask({ type: 'order/says-paid', orderKey: KEY });
    const order = await getOrder(h.db, KEY);
    expect(order?.followUp).toMatchObject({ kind: 'says_paid', at: NOW + 30 * 60_000, since: NOW });
    expect((await entry('2471093385512748201')).verdict.state).toBe('says_paid');
    expect((await listAttempts(h.db, KEY))[0]).toMatchObject({ outcome: 'says_paid', direction: 'inbound' });
  });

  it('suggestions follow the reason and style the person picks', async () => {
    const plain = await h.ask<{ suggestions: { templateId: string }[] }>({ type: 'suggestions/get', orderKey: KEY });
    const price = await h.ask<{ suggestions: { templateId: string; reason?: string }[] }>({ type: 'suggestions/get', orderKey: KEY, reason: 'comparing_prices', style: 'incentive' });
    expect(price.suggestions.length).toBeGreaterThan(0);
    expect(price.suggestions.map((s) => s.templateId)).not.toEqual(plain.suggestions.map((s) => s.templateId));
    // Unknown values are ignored, not errors.
    const odd = await h.ask<{ suggestions: unknown[] }>({ type: 'suggestions/get', orderKey: KEY, reason: 'moon-phase' });
    expect(odd.suggestions.length).toBeGreaterThan(0);
  });

  it('keeps attempt counts right when attempts arrive behind its back', async () => {
    await h.ask({ type: 'suggestion/copied', orderKey: KEY, templateId: 'x', text: 'a' });
    // An import writes attempts straight into the store.
    await addAttempt(h.db, { id: 'imported', orderKey: KEY, buyerKey: 'taobao:快乐的小熊', platform: 'taobao', channel: 'sms', direction: 'outbound', action: 'manual', text: '', at: NOW - HOUR_MS, outcome: 'sent' });
    h.changed.mockClear();
    // The first answer does not wait for the recount; the panel is told when it is done.
    await listed();
    await vi.waitFor(() => expect(h.changed).toHaveBeenCalled());
    expect((await entry('2471093385512748201')).attempts).toBe(2);
  });

  it('keeps cadence settings, refusing an unknown time zone', async () => {
    const saved = await h.ask<{ settings: typeof DEFAULT_CADENCE }>({ type: 'settings/cadence-set', settings: { ...DEFAULT_CADENCE, maxPerOrder: 5 } });
    expect(saved.settings.maxPerOrder).toBe(5);
    expect((await h.ask<{ settings: typeof DEFAULT_CADENCE }>({ type: 'settings/cadence-get' })).settings.maxPerOrder).toBe(5);
    const reply = await h.bg.handle({ type: 'settings/cadence-set', settings: { ...DEFAULT_CADENCE, sellerTimeZone: 'Nowhere/Land' } }, PANEL);
    expect(reply).toMatchObject({ ok: false });
  });

  it('hands a "select this order" hint to the next panel, once', async () => {
    await h.ask({ type: 'workspace/select', orderKey: KEY });
    expect(await h.ask({ type: 'workspace/select-take' })).toEqual({ orderKey: KEY });
    expect(await h.ask({ type: 'workspace/select-take' })).toEqual({});
  });
});
