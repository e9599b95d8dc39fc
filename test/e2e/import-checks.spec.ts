import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension, routeSellerPages, URLS } from '../support/harness.mjs';
import { dumpStores, withoutBookkeeping } from '../support/stop-worker';

// A backup is checked whole before anything changes: a bad staged-payment plan
// is refused with a clear message, and the popup and badge still work after.
// (A file too big to be a backup is refused before it is read: lib/backup/format.test.ts.)

let context: BrowserContext;
let extensionUrl: (path: string) => string;

test.beforeAll(async () => {
  ({ context, extensionUrl } = await launchWithExtension());
  await routeSellerPages(context);
});

test.afterAll(async () => {
  await context?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(path));
  return page;
}

test('a backup whose plan has bad stages is refused, nothing changes, and the popup and badge still work', async () => {
  const list = await context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const options = await open('options.html#data');
  await expect.poll(async () => (await dumpStores(options)).orders!.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const { orderKey, backup } = await options.evaluate(async () => {
    const list = (await chrome.runtime.sendMessage({ type: 'orders/list' })) as { data: { orders: { key: string }[] } };
    const orderKey = list.data.orders[0]!.key;
    const made = (await chrome.runtime.sendMessage({ type: 'milestones/create', orderKey, presetId: 'custom_50_30_20' })) as { ok: boolean };
    if (!made.ok) throw new Error('no plan');
    const exported = (await chrome.runtime.sendMessage({ type: 'data/export' })) as { data: { backup: { stores: { milestones: { plan: { stages: unknown } }[] } } } };
    return { orderKey, backup: exported.data.backup };
  });
  // Everything stored, but the background's own bookkeeping (its alarm and its start-up clean-up may write it meanwhile).
  const stored = async () => {
    const stores = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'data/export' })) as { data: { backup: { stores: { settings: { key: string }[] } } } }).data.backup.stores;
    return JSON.stringify(withoutBookkeeping(stores));
  };
  const before = await stored();
  backup.stores.milestones[0]!.plan.stages = [{ kind: 'deposit', amountMinor: 'all of it' }];

  await options.getByTestId('import-file').setInputFiles({ name: 'bad-plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(options.getByTestId('data-message')).toContainText('stores.milestones.0.plan.stages');
  await expect(options.getByTestId('data-message')).toContainText('没有导入任何内容');
  await expect(options.getByTestId('import-preview')).toHaveCount(0);
  expect(await stored()).toBe(before);

  // The popup still counts and the plan's money still shows; the badge still answers.
  const popup = await open('popup.html');
  await expect(popup.getByTestId('unpaid-count')).not.toHaveText('0');
  const badge = await popup.evaluate(async () => {
    const summary = (await chrome.runtime.sendMessage({ type: 'milestones/summary' })) as { ok: boolean };
    return { summary: summary.ok, text: await chrome.action.getBadgeText({}) };
  });
  expect(badge.summary).toBe(true);
  expect(badge.text).toMatch(/^\d*$/);
  expect(orderKey).toBeTruthy();
  await Promise.all([list.close(), options.close(), popup.close()]);
});
