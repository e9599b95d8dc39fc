import { build } from 'esbuild';
import { resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension, routeSellerPages, URLS } from '../support/harness.mjs';
import { armWriteFault, BOOKKEEPING, currentWorker, dumpStores, listenForStop, stopServiceWorker, stopsSeen, writesCounted } from '../support/stop-worker';
import { growAndMeasure } from '../../bench/grow.js';
// The stores of the one transaction a contact-log action writes in, and of the one a page read is stored in.
import { CONTACT_STORES, PAGE_READ_STORES } from '../../lib/store/db';

// The service worker killed at a known write (test/support/stop-worker.ts: the
// test holds the worker at the chosen put, then stops it with CDP). Each case
// proves the write was interrupted (the worker said where it stopped, and the
// sender got no reply), and that what is stored afterwards is whole: nothing of
// the interrupted action, and the action done again lands in full.

let context: BrowserContext;
let extensionUrl: (path: string) => string;

test.beforeAll(async () => {
  ({ context, extensionUrl } = await launchWithExtension());
  await routeSellerPages(context);
});

test.afterAll(async () => {
  await context?.close();
});

/** An extension page to send from and to read the store with; it hears the worker's "stopped at" call. */
async function probe(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl('popup.html'));
  await page.getByTestId('unpaid-count').waitFor();
  await listenForStop(page);
  return page;
}

async function orderCount(page: Page): Promise<number> {
  return (await dumpStores(page)).orders!.length;
}

/**
 * Every store as the person's data: the background's bookkeeping left out, but for the attempt count, which the
 * action writes (a new worker may meanwhile mark that count checked after counting the attempts: bookkeeping).
 */
async function stored(page: Page): Promise<Record<string, unknown[]>> {
  const stores = await dumpStores(page);
  const settings = (stores.settings ?? []) as { key: string; value: unknown }[];
  return {
    ...stores,
    settings: settings.flatMap((s) =>
      s.key === 'ws.attemptStats' ? [{ key: s.key, value: { counted: (s.value as { counted?: number }).counted } }] : BOOKKEEPING.has(s.key) ? [] : [s],
    ),
  };
}

async function unpaidCount(page: Page): Promise<number> {
  const stores = await dumpStores(page);
  return (stores.orders as { status: string }[]).filter((o) => o.status === 'unpaid').length;
}

test('a worker killed at any write of "paid" logged by the person leaves none of it; done again, all of it lands', async () => {
  test.setTimeout(180_000);
  const list = await context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const page = await probe();
  await expect.poll(() => unpaidCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  // No seller tab writes while the action is measured and killed.
  await list.close();
  const [orderA, orderB] = (await dumpStores(page)).orders as { key: string; status: string }[];
  const send = (key: string) =>
    page.evaluate((orderKey) => {
      const w = window as unknown as { __reply: Promise<unknown> };
      w.__reply = chrome.runtime.sendMessage({ type: 'attempt/manual', orderKey, channel: 'phone', outcome: 'paid', note: '银行转账已到' }).then(
        (reply: { ok?: boolean }) => ({ reply }),
        (error: Error) => ({ error: error.message }),
      );
    }, key);
  const reply = () => page.evaluate(() => (window as unknown as { __reply: Promise<{ reply?: { ok?: boolean }; error?: string }> }).__reply);

  // How many writes the action makes: the same action on another order, counted.
  let worker = await currentWorker(context, page);
  await armWriteFault(worker, 0, CONTACT_STORES);
  await send(orderB!.key);
  expect((await reply()).reply?.ok).toBe(true);
  const writes = await writesCounted(worker);
  // The attempt, the order's counts, paid, the buyer's credit and last reminder, the stats, the follow-up.
  expect(writes).toBeGreaterThanOrEqual(5);

  for (let k = 1; k <= writes; k++) {
    const before = await stored(page);
    // Each kill is real: the worker that comes back is a new one, with no counter of ours in it.
    if (k > 1) worker = await currentWorker(context, page);
    expect(await armWriteFault(worker, k, CONTACT_STORES), `worker restarted before write ${k}`).toBe(k > 1);
    await send(orderA!.key);
    await expect.poll(() => stopsSeen(page), { message: `stop at write ${k}` }).toEqual([expect.objectContaining({ stoppedAt: k })]);
    await stopServiceWorker(context, page);
    // Interrupted: no reply came.
    expect(await reply(), `write ${k} of ${writes}`).toEqual({ error: expect.stringMatching(/closed before a response/) });
    // Whole: nothing of the action is stored.
    expect(await stored(page), `write ${k} of ${writes}`).toEqual(before);
    await listenForStop(page);
  }

  // Done again with nothing in the way: the attempt, paid and the buyer's credit, together.
  worker = await currentWorker(context, page);
  await send(orderA!.key);
  expect((await reply()).reply?.ok).toBe(true);
  const after = await dumpStores(page);
  const order = (after.orders as { key: string; status: string; attemptCount?: number; buyer: { nick: string } }[]).find((o) => o.key === orderA!.key)!;
  expect(order.status).toBe('paid');
  expect(order.attemptCount).toBe(1);
  // The store keeps one record per order with its attempts (lib/store/pack.ts).
  const attempts = (after.attempts as { attempts: { orderKey: string; outcome: string }[] }[]).flatMap((p) => p.attempts);
  expect(attempts.filter((a) => a.orderKey === orderA!.key)).toEqual([
    expect.objectContaining({ outcome: 'paid' }),
  ]);
  const buyer = (after.buyers as { key: string; paidOrderKeys: string[] }[]).find((b) => b.paidOrderKeys.includes(orderA!.key));
  expect(buyer).toBeDefined();
  await page.close();
});

test('a worker killed while storing a 1,000-order page (first write, middle, near the last) stores none of it; read again, it lands whole', async () => {
  test.setTimeout(240_000);
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '../../bench/page-adapters.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  });
  const page = await probe();
  /** A seller tab with the unpaid list, its own read stored, then grown to 1,000 rows (read again 250 ms later). */
  const grownList = async (stopAt: number) => {
    const list = await context.newPage();
    await list.goto(URLS.taobaoUnpaid);
    await expect.poll(() => unpaidCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
    // The tab's first read (of the fixture's own orders) is stored before the stop is armed.
    await list.waitForTimeout(1500);
    // Counted once that read is stored (an earlier test may have stored those orders already, or not).
    const before = await orderCount(page);
    const worker = await currentWorker(context, page);
    await armWriteFault(worker, stopAt, PAGE_READ_STORES);
    await list.addScriptTag({ content: out.outputFiles[0]!.text });
    const grown = await list.evaluate(growAndMeasure, { platform: 'taobao', target: 1000, rounds: 1 });
    expect(grown.orders).toBeGreaterThanOrEqual(1000);
    return { list, grown, before };
  };

  // The page's new orders (1,000 less the few its first read stored) and the listing's sighting: new buyers get no
  // record (lib/store/buyers.ts newBuyerOf), so the read makes just under 1,000 writes and 990 is near its end.
  for (const k of [1, 500, 990]) {
    const { list, before } = await grownList(k);
    await expect.poll(() => stopsSeen(page), { message: `stop at write ${k}`, timeout: 30_000 }).toEqual([expect.objectContaining({ stoppedAt: k })]);
    await stopServiceWorker(context, page);
    // Nothing of the interrupted read: not one of the new orders.
    expect(await orderCount(page), `killed at write ${k}`).toBe(before);
    await list.close();
    await listenForStop(page);
  }

  // Read again with nothing in the way, the whole page is stored.
  const { list, grown } = await grownList(0);
  await expect.poll(() => orderCount(page), { timeout: 30_000 }).toBe(grown.orders);
  await Promise.all([list.close(), page.close()]);
});
