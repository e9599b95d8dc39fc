import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, screenshotPath, tabIdOf } from '../support/harness.mjs';
import { expectRows, orderRow, pointAt, type ExpectedRow } from '../support/platform-flow';

// Teaching PayNudge a seller page no built-in reader reads (CONTRACT.md,
// "Teaching a page"): the seller points at one order's number, total and
// buyer on the page; the orders appear in the panel, stay after a reload and
// a backup round trip, and a second redesign is taught again.

// A real Qianniu trade-platform URL; the page behind it is served from a fixture we switch between redesigns.
const URL = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&source=teach';
const served = { url: URL, file: 'taobao/trade-platform-unknown.html' };
// The same list inside the Qianniu workbench's same-origin iframe.
const SHELL_URL = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/?source=teach';
const framed = [
  { url: SHELL_URL, file: 'taobao/workbench-unknown-frame.html' },
  { url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&source=teach-frame', file: 'taobao/trade-platform-unknown.html' },
];

const ROWS: readonly ExpectedRow[] = [
  ['3912830471625580441', 'tb_<svg onload=alert(1)>"&\'买家', '12800', 'CNY'],
  ['3912830471625580552', '阳光小铺的老客', '130650', 'CNY'],
  ['3912830471625580663', 'Lily🌷', '3990', 'CNY'],
];

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;
let blocked: string[];

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension());
  ({ blocked } = await routeSellerPages(context, { extra: [served, ...framed] }));
});
test.afterAll(async () => {
  await context?.close();
});

/** Sends a request to the background from an extension page, as the panel and options do. */
async function ask<T>(page: Page, message: object): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as { ok: boolean; data: T; error?: string };
  expect(reply.ok, reply.error).toBe(true);
  return reply.data;
}

/** The orders the bound tab's content script reads right now (the panel's tab context). */
async function tabOrders(panel: Page, tabId: number): Promise<string[]> {
  const list = await ask<{ tab: { orderKeys: string[] } }>(panel, { type: 'orders/list', tabId, offset: 0, limit: 1 });
  return list.tab.orderKeys;
}

const clicksSeen = (page: Page) => page.locator('#fixture-clicks').getAttribute('data-count');

test('teach a page nothing reads: preview, save, orders in the panel, after a reload and a backup round trip; teach again after a redesign', async () => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto(URL);
  const tabId = await tabIdOf(worker, URL);
  expect(tabId).toBeGreaterThanOrEqual(0);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));

  // The built-in readers read none of it: the banner warns and offers teaching.
  const teachButton = panel.getByTestId('teach-button');
  await expect(teachButton).toHaveCount(1, { timeout: 5_000 });
  await expect(teachButton).toHaveText('教 PayNudge 读这个页面');
  await expect(panel.locator('[data-testid="order-row"][data-platform="taobao"]')).toHaveCount(0);

  // Cancel changes nothing: no recipe, and the page gets its clicks back.
  await teachButton.click();
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'orderId');
  await page.locator('[data-fixture-order="3912830471625580441"] .ord-k3--no--3Bb4c').click();
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'total');
  expect(await clicksSeen(page)).toBe('0');
  await panel.getByTestId('teach-cancel').click();
  await expect(panel.getByTestId('teach-step')).toHaveCount(0);
  expect((await ask<{ recipes: unknown[] }>(panel, { type: 'recipes/list' })).recipes).toEqual([]);
  await page.locator('[data-fixture-order="3912830471625580441"] .ord-k3--no--3Bb4c').click();
  await expect.poll(() => clicksSeen(page)).toBe('1');

  // Esc on the page cancels too.
  await teachButton.click();
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'orderId');
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('teach-step')).toHaveCount(0);

  // Teach: the second order's number, total and buyer. A click on the row of three amounts is refused (which one is the total?).
  await teachButton.click();
  const card = '[data-fixture-order="3912830471625580552"]';
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'orderId');
  await page.locator(`${card} .ord-k3--no--3Bb4c`).click();
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'total');
  await page.locator(`${card} .ord-k3--nums--7Ff8g span`).first().click();
  await expect(panel.getByTestId('teach-error')).toBeVisible();
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'total');
  await page.locator(`${card} .ord-k3--sum--8Gg9h`).click();
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'buyer');
  await page.locator(`${card} .ord-k3--nick--0Ii1j`).click();

  // The required steps are answered: the preview counts what the recipe reads on the page now.
  const preview = panel.getByTestId('teach-preview');
  await expect(preview).toHaveAttribute('data-count', '3');
  await expect(panel.getByTestId('teach-preview-order')).toHaveCount(3);
  await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', 'item');
  // The picker outlining the item title under the pointer, and the panel in teach mode.
  await page.locator(`${card} .ord-k3--goods--6Ee7f a`).hover();
  await page.screenshot({ path: screenshotPath('teach-picker.png') });
  await panel.screenshot({ path: screenshotPath('teach-panel.png'), fullPage: true });
  for (const field of ['item', 'status', 'deadline']) {
    await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', field);
    await panel.getByTestId('teach-skip').click();
  }
  await expect(panel.getByTestId('teach-step')).toHaveCount(0);
  // Not one of the person's clicks reached the page.
  expect(await clicksSeen(page)).toBe('1');

  await panel.getByTestId('teach-save').click();
  await expect(panel.getByTestId('teach')).toHaveCount(0);
  for (const [id] of ROWS) await expect(orderRow(panel, id)).toHaveCount(1, { timeout: 2_000 });
  await expectRows(panel, 'taobao', ROWS);
  await expect(teachButton).toHaveCount(0);

  // After a reload the page is read with the recipe again: the tab itself reports the three orders.
  await page.reload();
  await expect.poll(() => tabOrders(panel, tabId!), { timeout: 3_000 }).toHaveLength(3);
  await expect(teachButton).toHaveCount(0);
  await expectRows(panel, 'taobao', ROWS);

  // Export, erase everything, import: the recipe comes back with the backup and reads the page again.
  const { backup } = await ask<{ backup: { stores: { settings: { key: string }[] } } }>(panel, { type: 'data/export' });
  expect(backup.stores.settings.filter((s) => s.key.startsWith('recipe:'))).toHaveLength(1);
  await ask(panel, { type: 'data/erase', confirm: 'ERASE' });
  await page.reload();
  await expect(teachButton).toHaveCount(1, { timeout: 5_000 });
  expect(await tabOrders(panel, tabId!)).toHaveLength(0);
  await ask(panel, { type: 'data/import', text: JSON.stringify(backup) });
  const options = await context.newPage();
  await options.goto(extensionUrl('options.html#data'));
  await expect(options.getByTestId('recipe-row')).toHaveCount(1);
  await expect(options.getByTestId('recipe-row')).toContainText('myseller.taobao.com/home.htm/trade-platform/tp/sold');
  await page.reload();
  await expect.poll(() => tabOrders(panel, tabId!), { timeout: 3_000 }).toHaveLength(3);
  for (const [id] of ROWS) await expect(orderRow(panel, id)).toHaveCount(1);

  // A second redesign: cards became table rows. The recipe finds nothing, the banner says so and offers teaching again.
  served.file = 'taobao/trade-platform-unknown2.html';
  await page.reload();
  await expect(panel.getByTestId('recipe-no-match')).toHaveCount(1, { timeout: 5_000 });
  await expect(teachButton).toHaveText('重新教 PayNudge 读这个页面');
  await teachButton.click();
  const row = '[data-fixture-order="3912830471625580663"]';
  await pointAt(panel, page, { orderId: `${row} .grid-q7--id--3Er4t`, total: `${row} .grid-q7--amt--9Po1a`, buyer: `${row} .grid-q7--who--1Qw2e` });
  await expect(preview).toHaveAttribute('data-count', '3');
  for (let i = 0; i < 3; i++) await panel.getByTestId('teach-skip').click();
  await panel.getByTestId('teach-save').click();
  await expect(panel.getByTestId('recipe-no-match')).toHaveCount(0, { timeout: 3_000 });
  await expect(teachButton).toHaveCount(0);
  await expectRows(panel, 'taobao', ROWS);
  // Teaching again replaced the old recipe: still one for this page.
  await expect(options.getByTestId('recipe-row')).toHaveCount(1);
  expect(await clicksSeen(page)).toBe('0');

  // Deleting it in the options: the page is unread again.
  await options.getByTestId('recipe-delete').click();
  await expect(options.getByTestId('recipe-row')).toHaveCount(0);
  await page.reload();
  await expect(teachButton).toHaveCount(1, { timeout: 5_000 });

  // The extension asked the network for nothing.
  expect(blocked.filter((u) => !u.startsWith('https://item.taobao.com') && !u.startsWith('https://amos.alicdn.com'))).toEqual([]);
});

test('teach a list inside the workbench’s same-origin iframe', async () => {
  const page = await context.newPage();
  await page.goto(SHELL_URL);
  const tabId = await tabIdOf(worker, SHELL_URL);
  const panel = await context.newPage();
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));
  const teachButton = panel.getByTestId('teach-button');
  await expect(teachButton).toHaveCount(1, { timeout: 5_000 });
  await teachButton.click();
  const frame = page.frameLocator('#qn-app-frame');
  const card = '[data-fixture-order="3912830471625580663"]';
  for (const [field, selector] of [['orderId', '.ord-k3--no--3Bb4c'], ['total', '.ord-k3--sum--8Gg9h'], ['buyer', '.ord-k3--nick--0Ii1j']] as const) {
    await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', field);
    await frame.locator(`${card} ${selector}`).click();
  }
  await expect(panel.getByTestId('teach-preview')).toHaveAttribute('data-count', '3');
  // The clicks were the picker's, not the framed page's.
  await expect(frame.locator('#fixture-clicks')).toHaveAttribute('data-count', '0');
  await panel.getByTestId('teach-save').click();
  await expect.poll(() => tabOrders(panel, tabId!), { timeout: 3_000 }).toHaveLength(3);
  await expect(teachButton).toHaveCount(0);
  await page.reload();
  await expect.poll(() => tabOrders(panel, tabId!), { timeout: 5_000 }).toHaveLength(3);
});
