import { expect, test, type BrowserContext } from '@playwright/test';
import { launchWithExtension, routeSellerPages, URLS } from '../support/harness.mjs';

// Faults a seller's day brings: several tabs and the panel writing at once, and
// the extension updated while seller pages stay open. (The service worker
// stopped in the middle of a write: killed-mid-write.spec.ts.)

let context: BrowserContext;
let extensionUrl: (path: string) => string;
let extensionId: string;

test.beforeAll(async () => {
  ({ context, extensionUrl, extensionId } = await launchWithExtension());
  await routeSellerPages(context);
});

test.afterAll(async () => {
  await context?.close();
});

/** Reads the extension's store the way the panel would see it (an extension page, same origin). */
async function storeCounts(): Promise<{ unpaid: number; orders: number; attempts: number }> {
  const page = await context.newPage();
  await page.goto(extensionUrl('popup.html'));
  const counts = await page.evaluate(
    () =>
      new Promise<{ unpaid: number; orders: number; attempts: number }>((done, fail) => {
        const open = indexedDB.open('paynudge');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['orders', 'attempts']);
          const result = { unpaid: 0, orders: 0, attempts: 0 };
          tx.objectStore('orders').index('by-status').count('unpaid').onsuccess = (e) => (result.unpaid = (e.target as IDBRequest<number>).result);
          tx.objectStore('orders').count().onsuccess = (e) => (result.orders = (e.target as IDBRequest<number>).result);
          // Attempts are packed by order: the by-id index has one entry per attempt.
          tx.objectStore('attempts').index('by-id').count().onsuccess = (e) => (result.attempts = (e.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            db.close();
            done(result);
          };
        };
      }),
  );
  await page.close();
  return counts;
}

test('two seller tabs and the panel writing at once lose no attempt and duplicate no order', async () => {
  const a = await context.newPage();
  await a.goto(URLS.taobaoUnpaid);
  const b = await context.newPage();
  await b.goto(URLS.taobaoAll);
  await expect.poll(async () => (await storeCounts()).unpaid, { timeout: 10_000 }).toBeGreaterThan(0);
  const start = await storeCounts();

  const panel = await context.newPage();
  await panel.goto(extensionUrl('sidepanel.html'));
  await panel.getByTestId('order-row').first().waitFor();
  const orderKey = await panel.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'orders/list' })) as { ok: boolean; data: { orders: { key: string }[] } };
    return reply.data.orders[0]!.key;
  });

  // 40 manual attempts from the panel while both tabs keep re-rendering and re-reading.
  const churn = Promise.all(
    [a, b].map((page) =>
      page.evaluate(async () => {
        for (let i = 0; i < 20; i++) {
          document.body.classList.toggle('tick');
          await new Promise((r) => setTimeout(r, 60));
        }
      }),
    ),
  );
  const replies = await panel.evaluate(async (key) => {
    const sends = Array.from({ length: 40 }, (_, i) =>
      chrome.runtime.sendMessage({ type: 'attempt/manual', orderKey: key, channel: 'phone', outcome: 'no_reply', note: `call ${i}` }),
    );
    return (await Promise.all(sends)) as { ok: boolean }[];
  }, orderKey);
  await churn;
  expect(replies.every((r) => r.ok)).toBe(true);

  const end = await storeCounts();
  expect(end.attempts).toBe(start.attempts + 40);
  expect(end.orders).toBe(start.orders);
  await Promise.all([a.close(), b.close(), panel.close()]);
});

test('after an extension reload the old content script stops quietly and the new one takes over open tabs', async () => {
  const list = await context.newPage();
  const errors: string[] = [];
  list.on('pageerror', (error) => errors.push(error.message));
  list.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await list.goto(URLS.taobaoUnpaid);
  await expect.poll(async () => (await storeCounts()).unpaid, { timeout: 10_000 }).toBeGreaterThan(0);

  // What the reload button of chrome://extensions does (an unpacked update); developer mode keeps it enabled.
  const extensions = await context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(async (id) => {
    const dev = (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object, done: () => void): void; reload(id: string, o: object, done: () => void): void } }).developerPrivate;
    await new Promise<void>((done) => dev.updateProfileConfiguration({ inDeveloperMode: true }, done));
    await new Promise<void>((done) => dev.reload(id, { failQuietly: true }, done));
  }, extensionId);
  await extensions.close();
  // The reloaded extension answers again (same id: unpacked extensions keep it).
  await expect
    .poll(
      async () => {
        const page = await context.newPage();
        try {
          await page.goto(extensionUrl('popup.html'));
          return await page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'summary/get' })) as { ok?: boolean } | undefined)?.ok === true);
        } catch {
          return false;
        } finally {
          await page.close();
        }
      },
      { timeout: 20_000 },
    )
    .toBe(true);

  // The page keeps changing after the update: one order is paid and leaves the unpaid tab.
  const before = (await storeCounts()).unpaid;
  await list.waitForTimeout(1000);
  await list.evaluate(() => (window as unknown as { __fixture: { remove(id: string): void } }).__fixture.remove(document.querySelector<HTMLInputElement>('input[name="orderid"]')!.value));
  await expect.poll(async () => (await storeCounts()).unpaid, { timeout: 10_000 }).toBe(before - 1);
  expect(errors.filter((e) => /context invalidated|PayNudge/i.test(e))).toEqual([]);
  await list.close();
});
