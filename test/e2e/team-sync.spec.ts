import { expect, test, type BrowserContext, type Page, type Request, type Worker } from '@playwright/test';
import { launchWithExtension, screenshotPath } from '../support/harness.mjs';
import { startTeamServer } from '../support/team-server.mjs';
import { putAll, shopDocs } from '../support/shop-docs.mjs';
import { startSlowProxy } from '../support/slow-proxy.mjs';

// Two agents of one shop, each in their own browser profile, sync through a
// CouchDB-compatible server (pouchdb-server, in memory) the test starts on a
// free 127.0.0.1 port: what A logs shows in B's open panel with A's name and
// counts in B's cadence; work done while the server is away is all kept;
// a server killed mid-sync loses and duplicates nothing; a wrong password
// says so and backs off; with sync off nothing is requested at all.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

type Server = Awaited<ReturnType<typeof startTeamServer>>;
interface Agent {
  name: string;
  context: BrowserContext;
  worker: Worker;
  extensionUrl(path: string): string;
  panel: Page;
  options: Page;
  requests: string[];
}

let server: Server;
let a: Agent;
let b: Agent;
const DB = 'shop-e2e';
const BUYER = 'Carlos Mendes';

function record(context: BrowserContext): string[] {
  const requests: string[] = [];
  context.on('request', (request: Request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('about:')) requests.push(url);
  });
  return requests;
}

async function agent(name: string): Promise<Agent> {
  const { context, worker, extensionUrl } = await launchWithExtension();
  const requests = record(context);
  const options = await context.newPage();
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extensionUrl('sidepanel.html'));
  return { name, context, worker, extensionUrl, panel, options, requests };
}

async function enable(x: Agent, fields: { user?: string; password?: string; db?: string; url?: string } = {}) {
  await x.options.goto(x.extensionUrl('options.html#team'));
  await x.options.getByTestId('sync-url').fill(fields.url ?? server.url);
  await x.options.getByTestId('sync-db').fill(fields.db ?? DB);
  await x.options.getByTestId('sync-user').fill(fields.user ?? '');
  await x.options.getByTestId('sync-password').fill(fields.password ?? '');
  await x.options.getByTestId('sync-agent').fill(x.name);
  await x.options.getByTestId('sync-enable').click();
}

const status = (x: Agent) => x.options.getByTestId('sync-status');
const row = (x: Agent) => x.panel.locator('[data-testid="order-row"][data-platform="manual"]').filter({ hasText: BUYER });

/** Attempts in an agent's store for the order, by asking its background like the panel does. */
async function attemptIds(x: Agent): Promise<string[]> {
  return x.panel.evaluate(async (buyer) => {
    const send = (m: object) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; data: any }>;
    const list = await send({ type: 'orders/list', filter: { search: buyer } });
    const key = list.data.orders.find((o: { buyer: string }) => o.buyer === buyer)?.key;
    if (!key) return [];
    const detail = await send({ type: 'order/detail', orderKey: key });
    return (detail.data.attempts as { id: string }[]).map((a) => a.id).sort();
  }, BUYER);
}

/** Logs n attempts one after another through the background, as the panel does; returns the time it took. */
async function logAttempts(x: Agent, n: number, buyer = BUYER): Promise<number> {
  return x.panel.evaluate(
    async ({ buyer, n }) => {
      const started = performance.now();
      const send = (m: object) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; data: any }>;
      const list = await send({ type: 'orders/list', filter: { search: buyer } });
      const key = list.data.orders.find((o: { buyer: string }) => o.buyer === buyer).key;
      for (let i = 0; i < n; i++) await send({ type: 'attempt/manual', orderKey: key, channel: 'phone', outcome: 'no_reply', note: `call ${i}` });
      return performance.now() - started;
    },
    { buyer, n },
  );
}

test.beforeAll(async () => {
  server = await startTeamServer();
  [a, b] = await Promise.all([agent('小王'), agent('小李')]);
});

test.afterAll(async () => {
  await Promise.all([a?.context.close(), b?.context.close()]);
  await server?.close();
});

test("A logs an attempt; within 5 s B's open panel shows it with A's name, and B's cadence counts it", async () => {
  await enable(a);
  await enable(b);
  await expect(status(a)).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
  await expect(status(b)).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
  // Only the configured server was asked.
  for (const x of [a, b]) expect(x.requests.filter((u) => !u.startsWith(server.url))).toEqual([]);

  // A types in an off-platform order: it reaches B's queue.
  await a.panel.getByTestId('manual-order-button').click();
  const form = a.panel.getByTestId('manual-order-form');
  await form.locator('input[name="buyer"]').fill(BUYER);
  await form.locator('input[name="item-title"]').first().fill('Custom jewellery set');
  await form.locator('input[name="total"]').fill('5,000.00');
  await form.locator('select[name="currency"]').selectOption('USD');
  await form.getByTestId('manual-order-save').click();
  await expect(row(a)).toHaveCount(1);
  await expect(row(b)).toHaveCount(1, { timeout: 5_000 });
  const ruleBefore = await row(b).getAttribute('data-rule');

  // A opens the order: B sees "小王 is on it" on that row (a warning, not a lock).
  await row(a).click();
  await expect(row(b).getByTestId('claimed-by')).toHaveAttribute('data-agent', '小王', { timeout: 5_000 });
  await expect(row(a).getByTestId('claimed-by')).toHaveCount(0);
  await row(b).click();
  await expect(b.panel.getByTestId('attempt-row')).toHaveCount(0);
  const started = Date.now();
  await a.panel.getByTestId('manual-attempt').locator('button[type="submit"]').click();
  await expect(a.panel.getByTestId('attempt-row')).toHaveCount(1);
  await expect(a.panel.getByTestId('attempt-row').first()).toHaveAttribute('data-agent', '小王');
  const seen = b.panel.getByTestId('attempt-row');
  await expect(seen).toHaveCount(1, { timeout: 5_000 });
  const latency = Date.now() - started;
  console.log(`team sync: A's attempt in B's open panel after ${latency} ms`);
  await expect(seen.first()).toHaveAttribute('data-agent', '小王');
  await expect(seen.first()).toContainText('小王');
  // B's cadence counts A's reminder: the same verdict A sees, and the order counted as contacted.
  await expect(row(b)).toContainText('已联系1次');
  await expect.poll(async () => row(b).getAttribute('data-rule')).toBe(await row(a).getAttribute('data-rule'));
  console.log(`team sync: B's verdict rule before ${ruleBefore}, after ${await row(b).getAttribute('data-rule')}`);

  // The picture for the README: both panels, the same attempt.
  for (const x of [a, b]) await x.panel.getByTestId('attempt-row').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const [left, right] = await Promise.all([a.panel.screenshot(), b.panel.screenshot()]);
  const board = await a.context.newPage();
  await board.setViewportSize({ width: 880, height: 940 });
  const side = (title: string, png: Buffer) =>
    `<figure style="margin:0"><figcaption style="font:600 15px sans-serif;padding:8px 4px">${title}</figcaption><img style="border:1px solid #999" src="data:image/png;base64,${png.toString('base64')}"></figure>`;
  await board.setContent(`<body style="margin:0;padding:0 10px;display:flex;gap:16px;background:#e8e8e8">${side('Agent A · 小王 (logged it)', left)}${side('Agent B · 小李 (sees it)', right)}</body>`);
  await board.screenshot({ path: screenshotPath('team-sync.png') });
  await board.close();
});

/** The order's staged-payment plan as an agent's background holds it. */
async function plan(x: Agent): Promise<{ piNumber?: string; events: { kind: string; note?: string }[] } | undefined> {
  return x.panel.evaluate(async (buyer) => {
    const send = (m: object) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; data: any }>;
    const list = await send({ type: 'orders/list', filter: { search: buyer } });
    const key = list.data.orders.find((o: { buyer: string }) => o.buyer === buyer)?.key;
    return (await send({ type: 'milestones/get', orderKey: key })).data.plan;
  }, BUYER);
}

async function editPlan(x: Agent, type: 'milestones/create' | 'milestones/update', fields: object) {
  const reply = await x.panel.evaluate(
    async ({ buyer, type, fields }) => {
      const send = (m: object) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; data: any; error?: unknown }>;
      const list = await send({ type: 'orders/list', filter: { search: buyer } });
      const key = list.data.orders.find((o: { buyer: string }) => o.buyer === buyer).key;
      return send({ type, orderKey: key, ...fields });
    },
    { buyer: BUYER, type, fields },
  );
  expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
}

test('A and B both work while the server is away; when it is back every attempt is kept, once, and a plan edited on both sides keeps the later edit with the other in its history', async () => {
  // A staged-payment plan both agents hold.
  await editPlan(a, 'milestones/create', { presetId: 'prepay_30_70' });
  await expect.poll(async () => (await plan(b))?.events !== undefined, { timeout: 15_000 }).toBe(true);
  await server.stop();
  await logAttempts(a, 2);
  await logAttempts(b, 1);
  // B edits the plan first, A a little later: A's edit wins on both sides, B's stays in the history.
  await editPlan(b, 'milestones/update', { piNumber: 'PI-FROM-B' });
  await b.panel.waitForTimeout(50);
  await editPlan(a, 'milestones/update', { piNumber: 'PI-FROM-A' });
  await expect(status(a)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  await server.restart();
  const expected = 4;
  await expect.poll(async () => (await attemptIds(a)).length, { timeout: 60_000 }).toBe(expected);
  await expect.poll(async () => (await attemptIds(b)).length, { timeout: 60_000 }).toBe(expected);
  expect(await attemptIds(a)).toEqual(await attemptIds(b));
  await expect.poll(async () => (await plan(b))?.piNumber, { timeout: 30_000 }).toBe('PI-FROM-A');
  for (const x of [a, b]) {
    const p = (await plan(x))!;
    expect(p.piNumber).toBe('PI-FROM-A');
    expect(p.events.filter((e) => e.kind === 'edited' && e.note?.startsWith('superseded')).length, x.name).toBeGreaterThanOrEqual(1);
  }
  await expect(status(a)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
});

test('the server is killed in the middle of a sync and restarted: nothing is lost or duplicated', async () => {
  const before = (await attemptIds(a)).length;
  await logAttempts(a, 60);
  // Kill it while A is still sending.
  await server.stop();
  await server.restart();
  await expect.poll(async () => (await attemptIds(b)).length, { timeout: 60_000 }).toBe(before + 60);
  const ids = await attemptIds(b);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(await attemptIds(a));
  await expect(status(a)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await expect(status(a)).toHaveAttribute('data-pending', '0');
});

interface QueueTrace {
  /** Every request and reply so far, with times. */
  log(): Promise<string>;
  /** No request of the panel's is waiting for its reply. */
  settled(): Promise<boolean>;
}

/**
 * What a panel asks for its queue and gets back, and when the background tells it of a change, from now on (printed
 * when the queue is not what it should be, so a flaky run says what happened). `late` holds the panel's replies of
 * a type back that long, as a background busy on a loaded machine answers.
 */
async function traceQueue(page: Page, late: Record<string, number> = {}): Promise<QueueTrace> {
  await page.evaluate((late) => {
    const w = window as unknown as { __queueTrace?: { lines: string[]; waiting: number } };
    if (w.__queueTrace) return;
    const trace = (w.__queueTrace = { lines: [] as string[], waiting: 0 });
    const at = () => Math.round(performance.now());
    const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (m: unknown) => Promise<any>;
    let n = 0;
    (chrome.runtime as { sendMessage: unknown }).sendMessage = async (m: { type?: string; filter?: object; offset?: number; limit?: number; screen?: number; orderKey?: string }) => {
      const id = ++n;
      const what = m.type === 'orders/list' ? ` filter=${JSON.stringify(m.filter ?? {})} offset=${m.offset} limit=${m.limit} screen=${m.screen}` : m.orderKey ? ` ${m.orderKey}` : '';
      trace.lines.push(`${at()} ms #${id} ask ${m.type}${what}`);
      trace.waiting++;
      try {
        const reply = await send(m);
        if (m.type && late[m.type]) await new Promise((ok) => setTimeout(ok, late[m.type!]));
        const data = reply?.data;
        const got =
          m.type === 'orders/list' && data
            ? ` rows=${data.orders.length} total=${data.total} all=${data.all} first=${data.orders.slice(0, 3).map((o: { orderId: string }) => o.orderId).join(',')}`
            : m.type === 'team/claims' && data
              ? ` me=${data.me} claims=${JSON.stringify(data.claims.map((c: { orderKey: string; agent: string }) => `${c.agent}:${c.orderKey}`))}`
              : '';
        trace.lines.push(`${at()} ms #${id} reply ${m.type} ok=${reply?.ok}${got}`);
        return reply;
      } finally {
        trace.waiting--;
      }
    };
    chrome.runtime.onMessage.addListener((m: { type?: string }) => void (m?.type === 'db/changed' && trace.lines.push(`${at()} ms told db/changed`)));
  }, late);
  const read = () => page.evaluate(() => (window as unknown as { __queueTrace: { lines: string[]; waiting: number } }).__queueTrace);
  return { log: async () => (await read()).lines.join('\n'), settled: async () => (await read()).waiting === 0 };
}

test('"mine" finds the order this agent is on even beyond the first 300 rows the panel loads', async () => {
  // 320 more unpaid orders in A's store, as a busy seller page leaves them.
  await a.worker.evaluate(async (now) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('paynudge');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const tx = db.transaction('orders', 'readwrite');
    for (let i = 0; i < 320; i++) {
      const orderId = `8${String(i).padStart(17, '0')}`;
      tx.objectStore('orders').put({
        platform: 'taobao', orderId, key: `taobao:${orderId}`, buyer: { nick: `desk-buyer-${i}` }, items: [{ title: `Desk item ${i}`, qty: 1 }],
        amount: { minor: 1000 + i * 10, currency: 'CNY' }, createdAt: now - 3_600_000, autoCloseAt: now + 48 * 3_600_000, status: 'unpaid',
        pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', listKey: 'desk', statusSource: 'page', firstSeenAt: now, lastSeenAt: now, statusChangedAt: now,
      });
    }
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, Date.now());
  // A's own claim tells A's panel of a change: it asks the open order's detail again, then the queue. On a loaded
  // machine that detail can come back after A has picked "mine" (it failed 2 of ~12 runs so); here it always does.
  const trace = await traceQueue(a.panel, { 'order/detail': 1_000 });
  // The order at row 301 of A's queue: not among the rows a panel loads first. A opens it.
  const far = await a.panel.evaluate(async () => {
    const send = (m: object) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; data: any }>;
    const list = await send({ type: 'orders/list', offset: 300, limit: 1 });
    const row = list.data.orders[0] as { key: string; orderId: string };
    await send({ type: 'team/claim', orderKey: row.key });
    return row;
  });
  const rows = a.panel.getByTestId('order-row');
  const farRow = rows.and(a.panel.locator(`[data-order-id="${far.orderId}"]`));
  await a.panel.getByTestId('filter-claim').selectOption('mine');
  try {
    await expect(farRow).toHaveCount(1, { timeout: 10_000 });
    // The detail comes back and the panel reads its queue again: still A's orders only, the far one among them
    // (the panel used to read it with the filter of the notice's moment and show everyone's first rows under "mine").
    await expect.poll(() => trace.settled(), { timeout: 10_000 }).toBe(true);
    await expect(farRow).toHaveCount(1);
    // Only the orders A is on (that one, and the one A opened earlier if its 10 minutes are not over).
    expect(await rows.count()).toBeLessThanOrEqual(2);
  } catch (error) {
    const shown = await rows.evaluateAll((els) => els.slice(0, 5).map((el) => el.getAttribute('data-order-id')));
    console.log(`"mine" lost ${far.orderId}; select ${await a.panel.getByTestId('filter-claim').inputValue()}, ${await rows.count()} rows shown (${shown.join(', ')}…)\n${await trace.log()}`);
    throw error;
  }
  await a.panel.getByTestId('filter-claim').selectOption('all');
  await expect(rows.first()).toBeVisible();
  // Unclaimed: the whole queue but the orders someone is on.
  const unclaimed = await a.panel.evaluate(async () => {
    const list = (await chrome.runtime.sendMessage({ type: 'orders/list', limit: 2000, filter: { claim: 'unclaimed' } })) as { data: { orders: { orderId: string }[]; total: number; all: number } };
    return { ids: list.data.orders.map((o) => o.orderId), total: list.data.total, all: list.data.all };
  });
  expect(unclaimed.ids).not.toContain(far.orderId);
  expect(unclaimed.total).toBeLessThan(unclaimed.all);
});

test('a wrong password: a clear error, and no retry storm', async () => {
  // A user on the server; B gives the wrong password.
  const created = await fetch(`${server.url}/_users/org.couchdb.user:xiaoli`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'xiaoli', password: 'right-one', roles: [], type: 'user' }),
  });
  expect(created.ok).toBe(true);
  await b.options.getByTestId('sync-disable').click();
  await expect(status(b)).toHaveAttribute('data-state', 'off');
  const from = b.requests.length;
  await enable(b, { user: 'xiaoli', password: 'wrong' });
  await expect(status(b)).toHaveAttribute('data-state', 'error', { timeout: 10_000 });
  await expect(b.options.getByTestId('sync-error')).toHaveAttribute('data-error', 'auth');
  await expect(b.options.getByTestId('sync-error')).toContainText('用户名或密码不对');
  const atError = b.requests.length;
  await b.options.waitForTimeout(8_000);
  // Backing off: no new request for at least half a minute after a refused password.
  expect(b.requests.length - atError).toBe(0);
  expect(atError - from).toBeLessThan(10);
  await b.options.getByTestId('sync-disable').click();
});

test('erasing local data stops sync and removes the local copy; the server keeps everything', async () => {
  const onServer = async () => ((await (await fetch(`${server.url}/${DB}/_all_docs`)).json()) as { total_rows: number }).total_rows;
  // The 320 orders put in A's store behind its back are sent at the latest by the minute alarm; then nothing moves.
  await expect.poll(onServer, { timeout: 90_000, intervals: [1_000] }).toBeGreaterThan(320);
  await expect(status(a)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  let docsBefore = -1;
  await expect.poll(async () => docsBefore === (docsBefore = await onServer()), { timeout: 30_000, intervals: [1_500] }).toBe(true);
  const mirrors = () => a.options.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes('paynudge-team-mirror')));
  expect(await mirrors()).not.toEqual([]);
  await a.options.goto(a.extensionUrl('options.html#data'));
  // The options page says so before anyone presses the button.
  await expect(a.options.getByText('服务器上的数据不会被改动或删除')).toBeVisible();
  await a.options.getByTestId('erase').click();
  await a.options.getByTestId('erase-confirm').click();
  await expect(a.options.getByTestId('data-message')).toHaveText('所有数据已清除。');
  await expect(status(a)).toHaveAttribute('data-state', 'off');
  expect(await mirrors()).toEqual([]);
  // Nothing comes back from the server afterwards, and the server lost nothing.
  await a.options.waitForTimeout(3_000);
  const stores = await a.options.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'data/export' })) as { data: { backup: { stores: Record<string, unknown[]> } } }).data.backup.stores);
  for (const [name, records] of Object.entries(stores)) expect(records, name).toEqual([]);
  expect(await onServer()).toBe(docsBefore);
});

/** A new manual order for `buyer` in x's panel, selected, with its first attempt logged (by `shown`, the agent's name once sync is on). */
async function freshOrder(x: Agent, buyer: string, shown: string): Promise<void> {
  await x.panel.getByTestId('manual-order-button').click();
  const form = x.panel.getByTestId('manual-order-form');
  await form.locator('input[name="buyer"]').fill(buyer);
  await form.locator('input[name="item-title"]').first().fill('Gift boxes');
  await form.locator('input[name="total"]').fill('100.00');
  await form.getByTestId('manual-order-save').click();
  await x.panel.locator('[data-testid="order-row"][data-platform="manual"]').filter({ hasText: buyer }).click();
  await x.panel.getByTestId('manual-attempt').locator('button[type="submit"]').click();
  await expect(x.panel.getByTestId('attempt-row').first()).toHaveAttribute('data-agent', shown);
}

test("a new agent's empty panel says the shop is still being fetched while its first sync runs, then lists the orders", async () => {
  // The shop's orders come last in a first sync (after their contact attempts, so each arrives counted): until then
  // the new agent's queue is empty although the shop is not, and must not say "no unpaid orders".
  const db = 'shop-e2e-first';
  await fetch(`${server.url}/${db}`, { method: 'PUT' });
  const { order, pack, packs } = shopDocs(30, 1_500, Date.now());
  await putAll(server, db, 30, order);
  await putAll(server, db, packs, pack);
  // Each page of the first sync comes 4 s late, as from a far or busy server.
  const slow = await startSlowProxy(server.url, { delayMs: 4_000, when: (url) => url.includes('/_all_docs') });
  const d = await agent('小赵');
  try {
    await expect(d.panel.getByText('暂无待付款订单', { exact: false })).toBeVisible();
    await enable(d, { db, url: slow.url });
    await expect(d.options.getByTestId('sync-first')).toContainText('首次同步', { timeout: 30_000 });
    await d.options.getByTestId('team-section').screenshot({ path: screenshotPath('team-first-sync-options.png') }).catch(() => undefined);
    const note = d.panel.getByTestId('first-sync-note');
    await expect(note).toContainText('正在从团队服务器取店铺的数据', { timeout: 30_000 });
    await expect(note).toContainText('%');
    await expect(d.panel.getByText('暂无待付款订单', { exact: false })).toHaveCount(0);
    await d.panel.screenshot({ path: screenshotPath('team-first-sync-panel.png') });
    // The popup's 0 unpaid says the same meanwhile.
    const popup = await d.context.newPage();
    await popup.goto(d.extensionUrl('popup.html'));
    await expect(popup.getByTestId('first-sync-note')).toContainText('正在从团队服务器取店铺的数据', { timeout: 10_000 });
    await popup.screenshot({ path: screenshotPath('team-first-sync-popup.png') });
    await popup.close();
    await expect(d.panel.getByTestId('order-row').first()).toBeVisible({ timeout: 60_000 });
    await expect(note).toHaveCount(0);
    await expect(status(d)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await expect(d.options.getByTestId('sync-first')).toHaveCount(0);
  } finally {
    await d.context.close();
    await slow.close();
  }
});

test('with sync off, nothing is requested at all', async () => {
  const c = await agent('小张');
  await freshOrder(c, 'Offline Buyer', '');
  await c.options.goto(c.extensionUrl('options.html#team'));
  await expect(status(c)).toHaveAttribute('data-state', 'off');
  // Local actions must not slow down while syncing: the same agent, pages and kind of order, with sync off and on.
  const syncOffMs = await logAttempts(c, 60, 'Offline Buyer');
  await c.options.waitForTimeout(1_500);
  expect(c.requests).toEqual([]);

  // A shop database of its own, so the first sync brings no other orders: the queue C's panel re-reads after each
  // attempt is as long as with sync off.
  await enable(c, { db: 'shop-e2e-logging' });
  await expect(status(c)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await freshOrder(c, 'Online Buyer', c.name);
  await expect(status(c)).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  const syncOnMs = await logAttempts(c, 60, 'Online Buyer');
  console.log(`team sync: 60 attempts logged in ${syncOnMs.toFixed(0)} ms with sync on, ${syncOffMs.toFixed(0)} ms with it off (${(syncOnMs / syncOffMs).toFixed(2)}×)`);
  await expect(status(c)).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  await c.context.close();
});
