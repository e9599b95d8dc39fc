import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf } from '../support/harness.mjs';
import { AE_URLS } from '../fixtures/aliexpress/routes.mjs';

// AliExpress, the way a seller walks it: the order list at its real URL fills
// the panel; the im-chat page takes a suggestion into its React composer.

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension({ locale: 'en-US' }));
  await routeSellerPages(context);
});
test.afterAll(async () => {
  await context?.close();
});

async function openPanel(tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));
  return panel;
}

test('the English order list fills the panel with its unpaid orders, exactly', async () => {
  const dialogs: string[] = [];
  const list = await context.newPage();
  list.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await list.goto(AE_URLS.listEn);
  const panel = await openPanel((await tabIdOf(worker, AE_URLS.listEn))!);
  const row = (id: string) => panel.locator(`[data-testid="order-row"][data-order-id="${id}"]`);
  await expect(row('8193047726510234')).toHaveCount(1, { timeout: 2_000 });
  const expected = [
    ['8193047726510234', '<img src=x onerror=alert(1)>', '2350', 'USD'],
    ['8193051190023377', 'محمد العتيبي', '1250', 'EUR'],
    ['8193060072219981', 'Olga_K', '246912', 'RUB'],
  ] as const;
  for (const [id, buyer, minor, currency] of expected) {
    await expect(row(id)).toHaveAttribute('data-platform', 'aliexpress');
    await expect(row(id)).toHaveAttribute('data-buyer', buyer);
    await expect(row(id)).toHaveAttribute('data-amount-minor', minor);
    await expect(row(id)).toHaveAttribute('data-currency', currency);
  }
  // Paid and closed orders on the same page never show up.
  await expect(row('8192877410056612')).toHaveCount(0);
  await expect(row('8192650031187745')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});

test('the Chinese unpaid tab on gsp fills the panel too', async () => {
  const list = await context.newPage();
  await list.goto(AE_URLS.listZh);
  const panel = await openPanel((await tabIdOf(worker, AE_URLS.listZh))!);
  const lucas = panel.locator('[data-testid="order-row"][data-order-id="8193102283340016"]');
  await expect(lucas).toHaveAttribute('data-buyer', 'Lucas Silva', { timeout: 2_000 });
  await expect(lucas).toHaveAttribute('data-amount-minor', '4500');
  await expect(lucas).toHaveAttribute('data-currency', 'USD');
  await panel.close();
  await list.close();
});

test('a suggestion goes into the im-chat React composer once, and nothing is sent', async () => {
  const list = await context.newPage();
  await list.goto(AE_URLS.listEn);
  const chat = await context.newPage();
  await chat.goto(AE_URLS.chat);
  await expect(chat.locator('textarea')).toBeVisible();
  const panel = await openPanel((await tabIdOf(worker, AE_URLS.chat))!);
  const row = panel.locator('[data-testid="order-row"][data-order-id="8193051190023377"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await row.click();
  const text = (await panel.getByTestId('suggestion-text').first().textContent())!;
  expect(text.length).toBeGreaterThan(0);
  await panel.getByTestId('suggestion').first().getByTestId('insert-button').click();
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', text);
  await expect(chat.locator('textarea')).toHaveValue(text);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  await panel.close();
  await chat.close();
  await list.close();
});
