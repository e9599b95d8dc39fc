import { errorText } from '@/components/errors';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { testDeps } from '@/test/support/background-deps';
import type { Db } from '../store/db';
import { freshDb } from '@/test/support/db';
import { observedAt, TAOBAO_SOLD_URL, taobaoRead } from '@/test/support/builders';
import type { Reply } from '../messaging/protocol';
import type { ContactAttempt, ObservedOrder } from '../orders/model';
import { HOUR_MS, DAY_MS } from '../orders/time';
import type { DataResponses, LibraryTemplate } from '../messaging/data';
import { STORE_NAMES } from '../backup/format';
import { pruneClosedOrders, templateLibrary } from './data';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../settings';
import { CADENCE_KEY, type CadenceSettings } from '../reminders/settings';
import { actionableCount, readCadenceSettings } from './workspace';
import { milestoneActNowCount, milestoneAlarmInputs } from './alarms';
import { setLocale } from '../i18n';
import { runs, limit } from '../../test/support/fuzz';
import { countAttempts, listAttempts, putAttempt } from '../store/attempts';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const SOLD_URL = TAOBAO_SOLD_URL;
const CONTENT: SenderInfo = { id: 'ext', url: SOLD_URL, tab: { id: 7 } };
const OPTIONS: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/options.html' };

/** The shared Taobao order with this amount, closing in `closesInHours` (or with no close time). */
function observed(orderId: string, nick: string, minor: number, closesInHours: number | undefined, currency = 'CNY'): ObservedOrder {
  return observedAt(NOW)(orderId, nick, { amount: { minor, currency }, autoCloseAt: closesInHours === undefined ? undefined : NOW + closesInHours * HOUR_MS });
}

const read = (orders: ObservedOrder[]) => taobaoRead(orders);

async function harness() {
  setLocale('en');
  const db = await freshDb('data');
  let now = NOW;
  const deps = testDeps(async () => db, () => now);
  const bg = createBackground(deps);
  async function send(raw: object, sender: SenderInfo = OPTIONS): Promise<Reply<unknown>> {
    const reply = await bg.handle(raw, sender);
    if (!reply) throw new Error(`no reply to ${JSON.stringify(raw).slice(0, 80)}`);
    return reply;
  }
  async function ask<K extends keyof DataResponses>(type: K, payload: object = {}): Promise<DataResponses[K]> {
    const reply = await send({ type, ...payload });
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.data as DataResponses[K];
  }
  return { db, deps, send, ask, setNow: (n: number) => (now = n) };
}

async function dump(db: Db) {
  return Object.fromEntries(await Promise.all(STORE_NAMES.map(async (s) => [s, await db.getAll(s)])));
}

const ORDERS = [
  observed('1001', 'a', 10000, 50),
  observed('1002', 'b', 20000, 3),
  observed('1003', 'c', 2550, 10, 'USD'),
  observed('1004', 'd', 5000, undefined),
  observed('1005', 'e', 7000, 20),
  observed('1006', 'f', 100, 1),
];

describe('popup summary', () => {
  it('counts, totals per currency and the five most urgent orders, soonest deadline first', async () => {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    const s = await h.ask('popup/summary');
    expect(s.count).toBe(6);
    expect(s.totals).toEqual([
      { currency: 'CNY', minor: 10000 + 20000 + 5000 + 7000 + 100 },
      { currency: 'USD', minor: 2550 },
    ]);
    expect(s.urgent.map((o) => o.orderId)).toEqual(['1006', '1002', '1003', '1005', '1001']);
    expect(s.urgent[0]).toMatchObject({ buyer: 'f', amount: { minor: 100, currency: 'CNY' }, autoCloseAt: NOW + HOUR_MS });
    expect(s.stagesOutstanding).toEqual([]);
    expect(s.followUps).toEqual([]);
  });

  it('lists follow-ups that are due on unpaid orders, not future ones or paid orders', async () => {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    const attempt = (id: string, orderKey: string, followUpAt: number, at = NOW - 5 * HOUR_MS): ContactAttempt => ({
      id, orderKey, buyerKey: `taobao:${orderKey}`, platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'copied', text: 'hi', at, outcome: 'promised', followUpAt,
    });
    await putAttempt(h.db, attempt('due', 'taobao:1001', NOW - HOUR_MS));
    await putAttempt(h.db, attempt('later', 'taobao:1002', NOW + HOUR_MS));
    await putAttempt(h.db, attempt('paid', 'taobao:1003', NOW - HOUR_MS));
    const paid = (await h.db.get('orders', 'taobao:1003'))!;
    await h.db.put('orders', { ...paid, status: 'paid' });
    const s = await h.ask('popup/summary');
    expect(s.followUps.map((f) => f.orderKey)).toEqual(['taobao:1001']);
    expect(s.followUps[0]).toMatchObject({ buyer: 'a', followUpAt: NOW - HOUR_MS, amount: { minor: 10000, currency: 'CNY' } });
  });
});

describe('template library', () => {
  const custom = {
    id: 'custom-1',
    language: 'zh-CN',
    channels: ['chat'],
    rounds: ['first'],
    reasons: ['unknown'],
    style: 'friendly',
    label: '我的话术',
    body: '{{buyer}}您好，{{item}}还在等您付款～',
    tags: ['大促'],
  };

  it('saves a custom template, edits and hides a built-in, and restores built-ins', async () => {
    const h = await harness();
    const before = (await h.ask('templates/list')).templates;
    const builtin = before.find((t) => t.origin === 'builtin')!;
    await h.ask('templates/save', { template: custom });
    await h.ask('templates/save', { template: { ...builtin, origin: undefined, updatedAt: undefined, label: 'Edited' } });
    let list = (await h.ask('templates/list')).templates;
    expect(list.find((t) => t.id === 'custom-1')).toMatchObject({ origin: 'custom', label: '我的话术', updatedAt: NOW, builtIn: false });
    expect(list.find((t) => t.id === builtin.id)).toMatchObject({ origin: 'changed', label: 'Edited' });
    expect(list).toHaveLength(before.length + 1);
    expect((await templateLibrary(h.db)).find((t) => t.id === builtin.id)?.label).toBe('Edited');

    await h.ask('templates/delete', { id: builtin.id });
    await h.ask('templates/delete', { id: 'custom-1' });
    list = (await h.ask('templates/list')).templates;
    expect(list.find((t) => t.id === builtin.id)?.hidden).toBe(true);
    expect(list.find((t) => t.id === 'custom-1')).toBeUndefined();
    expect((await templateLibrary(h.db)).map((t) => t.id)).not.toContain(builtin.id);

    expect((await h.ask('templates/restore-builtins')).restored).toBe(1);
    list = (await h.ask('templates/list')).templates;
    expect(list.find((t) => t.id === builtin.id)).toMatchObject({ origin: 'builtin', label: builtin.label });
    expect(list.some((t: LibraryTemplate) => t.hidden)).toBe(false);
  });

  it('refuses unknown variables and single braces, saying which', async () => {
    const h = await harness();
    const reply = await h.send({ type: 'templates/save', template: { ...custom, body: 'Hi {{nmae}}, {item}' } });
    expect(reply.ok).toBe(false);
    // The editor lists every issue before saving; the background's refusal names the first, then the next.
    expect(!reply.ok && errorText(reply.error)).toContain('{{nmae}}');
    const next = await h.send({ type: 'templates/save', template: { ...custom, body: 'Hi {{buyer}}, {item}' } });
    expect(!next.ok && errorText(next.error)).toContain('{{item}}');
    expect(await h.db.getAll('templates')).toEqual([]);
  });
});

describe('backup', () => {
  async function seeded() {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    await h.send({ type: 'suggestion/copied', orderKey: 'taobao:1001', templateId: 'zh-first-friendly', text: '亲，在吗' });
    await h.ask('templates/save', {
      template: { id: 'custom-9', language: 'en', style: 'notice', label: 'Mine', body: 'Hi {{buyer}}', rounds: ['last'] },
    });
    await h.ask('settings/set', { settings: { ...DEFAULT_SETTINGS, retentionDays: 30, shops: { taobao: { shopName: '小雨家居', signature: '阿杰' } } } });
    await h.db.put('milestones', { id: 'taobao:1001', orderKey: 'taobao:1001', status: 'open', extra: { stages: [1, 2] } } as never);
    return h;
  }

  it('export, erase, import restores every store identically', async () => {
    const h = await seeded();
    const before = await dump(h.db);
    const { backup } = await h.ask('data/export');
    const text = JSON.stringify(backup);
    await h.ask('data/erase', { confirm: 'ERASE' });
    for (const s of STORE_NAMES) expect(await h.db.count(s)).toBe(0);

    const preview = await h.ask('data/import-preview', { text });
    expect(preview.counts.orders).toEqual({ new: 6, updated: 0, unchanged: 0 });
    expect(preview.counts.attempts.new).toBe(1);
    expect(await h.db.count('orders')).toBe(0);

    await h.ask('data/import', { text });
    expect(await dump(h.db)).toEqual(before);
    // A second import of the same file changes nothing.
    const again = await h.ask('data/import', { text });
    expect(STORE_NAMES.every((s) => again.counts[s].new === 0 && again.counts[s].updated === 0)).toBe(true);
  });

  it('merges: newer lastSeenAt wins, attempts by id, nothing is dropped', async () => {
    const h = await seeded();
    const { backup } = await h.ask('data/export');
    const old = structuredClone(backup);
    // The file has an older sighting of 1001 and lacks 1002; the store has a newer 1001.
    old.stores.orders = old.stores.orders.filter((o) => o.orderId !== '1002').map((o) => (o.orderId === '1001' ? { ...o, lastSeenAt: NOW - DAY_MS, statusText: 'old' } : o));
    const newer = backup.stores.orders.find((o) => o.orderId === '1003')!;
    old.stores.orders = old.stores.orders.map((o) => (o.orderId === '1003' ? { ...newer, lastSeenAt: NOW + HOUR_MS, status: 'paid' } : o));
    old.stores.attempts.push({ ...backup.stores.attempts[0]!, id: 'from-file' });
    const result = await h.ask('data/import', { text: JSON.stringify(old) });
    expect(result.counts.orders).toEqual({ new: 0, updated: 1, unchanged: 4 });
    expect(result.counts.attempts).toEqual({ new: 1, updated: 0, unchanged: 1 });
    expect((await h.db.get('orders', 'taobao:1001'))!.statusText).toBeUndefined();
    expect((await h.db.get('orders', 'taobao:1003'))!.status).toBe('paid');
    expect(await h.db.get('orders', 'taobao:1002')).toBeDefined();
    expect(await countAttempts(h.db)).toBe(2);
  });

  it.each([
    ['not JSON', '{"format": "paynudge-backup", ', /not valid JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /not a PayNudge backup/],
    ['a newer format', JSON.stringify({ format: 'paynudge-backup', version: 99, exportedAt: 1, stores: {} }), /newer PayNudge/],
  ])('rejects %s with a clear message and changes nothing', async (_name, text, message) => {
    const h = await seeded();
    const before = await dump(h.db);
    for (const type of ['data/import-preview', 'data/import']) {
      const reply = await h.send({ type, text });
      expect(reply.ok).toBe(false);
      expect(!reply.ok && errorText(reply.error)).toMatch(message);
    }
    expect(await dump(h.db)).toEqual(before);
  });

  it('rejects a file with one hostile record among good ones, writing none of them', async () => {
    const h = await seeded();
    const { backup } = await h.ask('data/export');
    await h.ask('data/erase', { confirm: 'ERASE' });
    const bad = structuredClone(backup) as unknown as { stores: { orders: Record<string, unknown>[] } };
    bad.stores.orders[4] = { ...bad.stores.orders[4], amount: { minor: -5, currency: 'CNY<script>' } };
    const reply = await h.send({ type: 'data/import', text: JSON.stringify(bad) });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && errorText(reply.error)).toMatch(/stores\.orders\.4\.amount/);
    for (const s of STORE_NAMES) expect(await h.db.count(s)).toBe(0);
  });

  it('asks for confirmation to erase', async () => {
    const h = await seeded();
    const reply = await (async () => h.send({ type: 'data/erase' }).catch((e: Error) => e))();
    expect(reply).toBeInstanceOf(Error); // no reply: the message is not valid without the confirmation
    expect(await h.db.count('orders')).toBe(6);
  });
});

describe('retention', () => {
  it('deletes paid and closed orders settled longer ago than the setting, with their log', async () => {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    await h.send({ type: 'suggestion/copied', orderKey: 'taobao:1001', templateId: 'x', text: 'hi' });
    const o1 = (await h.db.get('orders', 'taobao:1001'))!;
    const o2 = (await h.db.get('orders', 'taobao:1002'))!;
    await h.db.put('orders', { ...o1, status: 'paid', statusChangedAt: NOW - 40 * DAY_MS });
    await h.db.put('orders', { ...o2, status: 'closed', statusChangedAt: NOW - 10 * DAY_MS });
    expect(await pruneClosedOrders(h.db, { ...DEFAULT_SETTINGS, retentionDays: 0 }, NOW)).toBe(0);
    expect(await pruneClosedOrders(h.db, { ...DEFAULT_SETTINGS, retentionDays: 30 }, NOW)).toBe(1);
    expect(await h.db.get('orders', 'taobao:1001')).toBeUndefined();
    expect(await listAttempts(h.db, 'taobao:1001')).toEqual([]);
    expect(await h.db.get('orders', 'taobao:1002')).toBeDefined();
    expect(await h.db.count('orders')).toBe(5);
  });
});

describe('the popup and the hourly clean-up', () => {
  it("answers before the clean-up touches the store, and the clean-up still runs behind the answer", async () => {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    const settled = (await h.db.get('orders', 'taobao:1001'))!;
    await h.db.put('orders', { ...settled, status: 'paid', statusChangedAt: NOW - 40 * DAY_MS });
    await h.db.put('settings', { key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS, retentionDays: 30 } });
    // Everything the popup's answer and the clean-up ask the store, in the order they ask it.
    const steps: string[] = [];
    const spies = [IDBObjectStore.prototype, IDBIndex.prototype].flatMap((proto) =>
      (['get', 'getAll', 'getAllKeys', 'count'] as const).map((method) => {
        const original = proto[method] as (...args: unknown[]) => IDBRequest;
        return vi.spyOn(proto, method).mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
          steps.push(args[0] === 'data.lastPrune' ? 'clean-up' : 'read');
          return original.apply(this, args);
        });
      }),
    );
    try {
      const reply = h.ask('popup/summary').then((summary) => {
        steps.push('answered');
        return summary;
      });
      expect((await reply).count).toBe(5);
      // The answer read the store (nothing was kept yet) before the clean-up looked at when it last ran.
      expect(steps.indexOf('read')).toBeGreaterThanOrEqual(0);
      expect(steps.indexOf('read')).toBeLessThan(steps.indexOf('answered'));
      await vi.waitFor(() => expect(steps).toContain('clean-up'), { timeout: 5000 });
      expect(steps.indexOf('clean-up')).toBeGreaterThan(steps.indexOf('answered'));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // The paid order settled 40 days ago goes, and the pages are told.
    await vi.waitFor(async () => expect(await h.db.get('orders', 'taobao:1001')).toBeUndefined(), { timeout: 5000 });
    await vi.waitFor(() => expect(h.deps.changed).toHaveBeenCalled(), { timeout: 5000 });
  }, 30_000);
});

describe('suggestions use the library', () => {
  it('offers a custom template and an edited built-in, never a hidden one', async () => {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    const detail = async () => {
      const reply = await h.send({ type: 'order/detail', orderKey: 'taobao:1001' }, { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' });
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return (reply.data as { suggestions: { templateId: string; text: string }[] }).suggestions;
    };
    const first = await detail();
    const top = first[0]!;
    await h.ask('templates/save', {
      template: { id: 'custom-top', language: 'zh-CN', style: 'friendly', rounds: ['first'], priority: 3, label: '店铺问候', body: '{{buyer}}您好，{{shop}}提醒您：{{item}}还没付款哦' },
    });
    await h.ask('settings/set', { settings: { ...DEFAULT_SETTINGS, shops: { taobao: { shopName: '小雨家居', signature: '' } } } });
    await h.ask('templates/delete', { id: top.templateId });
    const after = await detail();
    expect(after.find((s) => s.templateId === 'custom-top')?.text).toBe('a您好，小雨家居提醒您：纯棉儿童睡衣套装还没付款哦');
    expect(after.map((s) => s.templateId)).not.toContain(top.templateId);
    await h.ask('templates/restore-builtins');
    expect((await detail()).map((s) => s.templateId)).toContain(top.templateId);
  });
});

describe('message language per platform', () => {
  const PANEL_PAGE: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };

  /** An AliExpress order in US dollars (a Taobao read, moved to AliExpress: no AliExpress page is needed here). */
  async function aliexpressOrder(h: Awaited<ReturnType<typeof harness>>) {
    await h.send({ type: 'page/read', read: read([observed('7001', 'maria_br', 2599, 40, 'USD')]) }, CONTENT);
    const o = (await h.db.get('orders', 'taobao:7001'))!;
    await h.db.put('orders', { ...o, platform: 'aliexpress', key: 'aliexpress:7001' });
    // A new buyer with nothing kept about her has no buyer record yet (see newBuyerOf).
    expect(await h.db.get('buyers', 'taobao:maria_br')).toBeUndefined();
  }
  async function languages(h: Awaited<ReturnType<typeof harness>>, choices: object = {}) {
    const reply = await h.send({ type: 'order/detail', orderKey: 'aliexpress:7001', ...choices }, PANEL_PAGE);
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return [...new Set((reply.data as { suggestions: { language: string }[] }).suggestions.map((s) => s.language))];
  }

  it('"AliExpress → Portuguese" in the settings: Portuguese by default; the buyer’s own language and the person’s pick come first', async () => {
    const h = await harness();
    await aliexpressOrder(h);
    const guessed = await languages(h);
    expect(guessed).not.toEqual(['pt']);

    await h.ask('settings/set', { settings: { ...DEFAULT_SETTINGS, shops: { aliexpress: { shopName: '', signature: '', language: 'pt' } } } });
    expect(await languages(h)).toEqual(['pt']);
    // Another platform's setting does not leak into this one.
    await h.ask('settings/set', { settings: { ...DEFAULT_SETTINGS, shops: { shopee: { shopName: '', signature: '', language: 'pt' } } } });
    expect(await languages(h)).toEqual(guessed);

    await h.ask('settings/set', { settings: { ...DEFAULT_SETTINGS, shops: { aliexpress: { shopName: '', signature: '', language: 'pt' } } } });
    // The person sets her language: her record is made then, from her order.
    expect((await h.send({ type: 'buyer/update', buyerKey: 'aliexpress:maria_br', patch: { language: 'es-MX' } }, PANEL_PAGE)).ok).toBe(true);
    expect(await h.db.get('buyers', 'aliexpress:maria_br')).toMatchObject({ platform: 'aliexpress', nick: 'maria_br', language: 'es-MX', paidOrderKeys: [] });
    expect(await languages(h)).toEqual(['es']);
    expect(await languages(h, { language: 'ru' })).toEqual(['ru']);
  });
});

describe('what was learned, under a suggestion', () => {
  it('after 6 tries of a template (3 paid), its suggestion carries the numbers; untried ones carry none', async () => {
    const h = await harness();
    const PANEL_PAGE: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
    const detail = async (orderKey: string) => {
      const reply = await h.send({ type: 'order/detail', orderKey }, PANEL_PAGE);
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return (reply.data as { suggestions: { templateId: string; why: string; learning?: { paid: number; tries: number; scope: string } }[] }).suggestions;
    };
    const orders = Array.from({ length: 7 }, (_, i) => observed(`80${i}`, `buyer${i}`, 10000, 40));
    await h.send({ type: 'page/read', read: read(orders) }, CONTENT);
    const first = await detail('taobao:806');
    expect(first.every((s) => s.learning === undefined)).toBe(true);
    const tried = first[0]!.templateId;
    for (let i = 0; i < 6; i++) {
      await h.send({ type: 'suggestion/copied', orderKey: `taobao:80${i}`, templateId: tried, text: 'hi' });
      if (i < 3) await h.send({ type: 'attempt/manual', orderKey: `taobao:80${i}`, channel: 'chat', outcome: 'paid' });
    }
    // The learned boost is cached for a minute.
    h.setNow(NOW + 2 * 60_000);
    const after = await detail('taobao:806');
    const note = after.find((s) => s.templateId === tried)?.learning;
    expect(note).toEqual({ paid: 3, tries: 6, scope: 'new' });
    expect(after.filter((s) => s.templateId !== tried).every((s) => s.learning === undefined)).toBe(true);
  });
});

describe('one cadence setting', () => {
  it('the options page edits cadence through the workspace requests (one stored record); shop settings never carry cadence', async () => {
    const h = await harness();
    const got = await h.send({ type: 'settings/cadence-get' });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const cadence = (got.data as { settings: CadenceSettings }).settings;
    expect(await h.send({ type: 'settings/cadence-set', settings: { ...cadence, notifications: false, quietHours: { enabled: true, start: '21:30', end: '09:00' } } })).toMatchObject({ ok: true });
    expect(await readCadenceSettings(h.db)).toMatchObject({ notifications: false, quietHours: { start: '21:30', end: '09:00' } });
    // Cadence-looking fields sent with the shop settings are not stored there (nor anywhere else).
    await h.ask('settings/set', { settings: { ...DEFAULT_SETTINGS, retentionDays: 30, notifications: true, quietHours: { enabled: false } } });
    expect((await h.db.get('settings', SETTINGS_KEY))?.value).toEqual({ ...DEFAULT_SETTINGS, retentionDays: 30 });
    expect(await readCadenceSettings(h.db)).toMatchObject({ notifications: false, quietHours: { enabled: true } });
    expect((await h.db.getAllKeys('settings')).sort()).toEqual([CADENCE_KEY, SETTINGS_KEY].sort());
  });
});

describe('random import files (fuzz)', () => {
  /** Every path to a value in a JSON tree, up to a few thousand. */
  function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    if (out.length > 4000) return out;
    out.push(prefix);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
    return out;
  }
  function setAt(root: unknown, path: (string | number)[], next: unknown): unknown {
    if (path.length === 0) return next;
    let node = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path.at(-1)!] = next;
    return root;
  }

  it('change nothing stored unless the whole file is valid', async () => {
    const h = await harness();
    await h.send({ type: 'page/read', read: read(ORDERS) }, CONTENT);
    await h.send({ type: 'suggestion/copied', orderKey: 'taobao:1001', templateId: 'zh-first-friendly', text: '亲，在吗' });
    const { backup } = await h.ask('data/export');
    const all = paths(backup);
    const junk = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant('<img src=x onerror=alert(1)>'), fc.double());
    const file = fc.oneof(
      // A real backup with one value anywhere replaced by junk.
      fc.tuple(fc.integer({ min: 1, max: all.length - 1 }), junk).map(([i, value]) => JSON.stringify(setAt(structuredClone(backup), all[i]!, value))),
      // Junk that merely parses as JSON, and text that doesn't.
      fc.json(),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const before = await dump(h.db);
        const reply = await h.send({ type: 'data/import', text });
        if (!reply.ok) {
          expect(reply.error.code).toMatch(/^(backup-|import-failed)/);
          expect(await dump(h.db)).toEqual(before);
        }
      }),
      { numRuns: runs(150) },
    );
  }, limit(120_000));
});

describe('import checks every record against its full schema', () => {
  async function withPlan() {
    const h = await harness();
    const r = await h.send(
      { type: 'page/read', read: read([observed('1001', '小美', 128_000, 30), observed('1002', 'lily', 9_900, 20)]) },
      CONTENT,
    );
    expect(r.ok).toBe(true);
    const created = await h.send({ type: 'milestones/create', orderKey: 'taobao:1001', presetId: 'custom_50_30_20' });
    expect(created.ok).toBe(true);
    const { backup } = await h.ask('data/export');
    return { h, backup };
  }

  /** The popup, the badge and the alarms still read the store. */
  async function stillWorks(h: Awaited<ReturnType<typeof harness>>) {
    const popup = await h.send({ type: 'popup/summary' });
    expect(popup.ok).toBe(true);
    const summary = await h.send({ type: 'milestones/summary' });
    expect(summary.ok).toBe(true);
    expect(await actionableCount(h.db, NOW)).toBeGreaterThanOrEqual(0);
    expect(await milestoneActNowCount(h.db, NOW)).toBeGreaterThanOrEqual(0);
    await milestoneAlarmInputs(h.db, NOW);
  }

  it.each([
    ['stages that are not stages', (plan: Record<string, unknown>) => (plan.stages = [{ kind: 'deposit' }])],
    ['no stages at all', (plan: Record<string, unknown>) => (plan.stages = 'all of it')],
    ['a stage with a fractional amount', (plan: Record<string, unknown>) => ((plan.stages as Record<string, unknown>[])[0]!.amountMinor = 1.5)],
    ['the plan of another order', (plan: Record<string, unknown>) => (plan.orderKey = 'taobao:1002')],
  ])('refuses a plan with %s, names where, changes nothing; the popup and badge still work', async (_name, corrupt) => {
    const { h, backup } = await withPlan();
    const bad = structuredClone(backup) as unknown as { stores: { milestones: { plan: Record<string, unknown> }[] } };
    corrupt(bad.stores.milestones[0]!.plan);
    const before = await dump(h.db);
    for (const type of ['data/import-preview', 'data/import']) {
      const reply = await h.send({ type, text: JSON.stringify(bad) });
      expect(reply.ok).toBe(false);
      expect(!reply.ok && errorText(reply.error)).toMatch(/stores\.milestones\.0\.plan/);
    }
    expect(await dump(h.db)).toEqual(before);
    await stillWorks(h);
  });

  it.each([
    ['cadence', { firstDelayMinutes: -5 }],
    ['app', { retentionDays: 'forever' }],
    ['pf.health', [{ tabId: 1, platform: 'ebay', url: 'https://x', listKey: 'k', unpaidOnly: true, kind: 'no-rows', count: 0, rows: 0, at: 1 }]],
    ['pf.health', 'not a list'],
    ['ms.notified', [1, 2]],
    ['data.lastPrune', 'yesterday'],
    ['ws.selected', { key: 'taobao:1001' }],
    ['ws.attemptStats', { counted: -1 }],
    ['panel/select', { orderKey: 'taobao:1001' }],
    ['someone.elses', 1],
  ])('refuses the setting %s with a bad value (or an unknown key), changing nothing', async (key, value) => {
    const { h, backup } = await withPlan();
    const bad = structuredClone(backup);
    bad.stores.settings = [...bad.stores.settings.filter((s) => s.key !== key), { key, value }];
    const before = await dump(h.db);
    const reply = await h.send({ type: 'data/import', text: JSON.stringify(bad) });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && errorText(reply.error)).toMatch(/stores\.settings\.\d+\.(value|key)/);
    expect(await dump(h.db)).toEqual(before);
    await stillWorks(h);
  });

  it('takes every setting the extension itself writes, and a whole plan, round trip', async () => {
    const { h } = await withPlan();
    await h.db.put('settings', { key: 'pf.health', value: [{ tabId: 3, platform: 'taobao', url: SOLD_URL, listKey: 'k', unpaidOnly: true, kind: 'no-rows', count: 0, rows: 0, at: NOW }] });
    await h.db.put('settings', { key: 'ms.notified', value: ['ms:notice:0:s1:taobao:1001'] });
    await h.db.put('settings', { key: 'data.lastPrune', value: NOW });
    await h.db.put('settings', { key: 'ws.selected', value: 'taobao:1001' });
    await h.db.put('settings', { key: 'panel/select', value: { orderKey: 'taobao:1001', at: NOW } });
    await h.send({ type: 'settings/cadence-set', settings: { ...(await readCadenceSettings(h.db)), firstDelayMinutes: 45 } });
    await h.send({ type: 'suggestion/copied', orderKey: 'taobao:1002', templateId: 't', text: '亲' });
    const { backup } = await h.ask('data/export');
    const before = await dump(h.db);
    await h.ask('data/erase', { confirm: 'ERASE' });
    await h.ask('data/import', { text: JSON.stringify(backup) });
    expect(await dump(h.db)).toEqual(before);
  });
});
