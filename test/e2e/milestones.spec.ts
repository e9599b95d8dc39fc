import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf, URLS } from '../support/harness.mjs';

// A custom jewellery order of US$5,000.00 paid 50/30/20, the way a seller runs
// it from the side panel: plan, deposit, receipt prompt, the progress-payment
// notice into the buyer's chat, the rest paid, the thank-you prompt.

const ORDER_ID = 'JW-2026-118';
const ORDER_KEY = `manual:${ORDER_ID}`;

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension());
  await routeSellerPages(context);
});

test.afterAll(async () => {
  await context?.close();
});

/**
 * Puts a manual B2B order into the extension's database from its own service
 * worker (a manual order has no seller page to read it from). The database
 * already exists: the panel has asked the background for the list.
 */
async function seedOrder(now: number): Promise<void> {
  await worker.evaluate(
    async ({ key, orderId, now }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('paynudge');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('orders', 'readwrite');
        tx.objectStore('orders').put({
          platform: 'manual',
          orderId,
          key,
          buyer: { nick: 'Anna Petrova' },
          items: [{ title: 'Custom 18k gold ring with sapphire', qty: 1 }],
          amount: { minor: 500_000, currency: 'USD' },
          createdAt: now - 3_600_000,
          status: 'unpaid',
          statusSource: 'person',
          pageUrl: '',
          firstSeenAt: now,
          lastSeenAt: now,
          statusChangedAt: now,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { key: ORDER_KEY, orderId: ORDER_ID, now },
  );
}

async function recordFullPayment(panel: Page, index: number, reference: string) {
  const row = panel.getByTestId('milestone-row').nth(index);
  await row.getByTestId('milestone-pay').click();
  // The form starts at what is still open on the stage.
  await row.getByTestId('milestone-pay-reference').fill(reference);
  await row.getByTestId('milestone-pay-save').click();
  await expect(row).toHaveAttribute('data-status', 'paid');
}

test('a 50/30/20 plan for a US$5,000.00 order: deposit, receipt prompt, stage-2 notice in the chat, paid in full, thank-you prompt', async () => {
  const chat = await context.newPage();
  await chat.goto(URLS.taobaoChat);
  const chatTabId = await tabIdOf(worker, URLS.taobaoChat);
  expect(chatTabId).toBeGreaterThanOrEqual(0);

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 1400 });
  const errors: string[] = [];
  panel.on('pageerror', (e) => errors.push(e.message));
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${chatTabId}`));
  await expect(panel.getByTestId('bound-tab')).toBeVisible();
  await seedOrder(Date.now());
  await panel.reload();

  const orderRow = panel.locator(`[data-testid="order-row"][data-order-id="${ORDER_ID}"]`);
  await expect(orderRow).toHaveAttribute('data-amount-minor', '500000');
  await expect(orderRow).toHaveAttribute('data-due-minor', '500000');
  await expect(orderRow).toHaveAttribute('data-currency', 'USD');
  await orderRow.click();

  // No plan yet: pick the custom-jewellery preset and create it.
  await panel.getByTestId('milestone-add').click();
  await panel.getByTestId('milestone-preset').selectOption('custom_50_30_20');
  await panel.getByTestId('milestone-preset-next').click();
  await expect(panel.getByTestId('milestone-edit-amount')).toHaveText([/US\$2,500\.00/, /US\$1,500\.00/, /US\$1,000\.00/]);
  await panel.getByTestId('milestone-save').click();

  const rows = panel.getByTestId('milestone-row');
  await expect(rows).toHaveCount(3);
  for (const [i, minor] of ['250000', '150000', '100000'].entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-amount-minor', minor);
    await expect(rows.nth(i)).toHaveAttribute('data-currency', 'USD');
    await expect(rows.nth(i)).toHaveAttribute('data-status', 'planned');
  }
  await expect(orderRow).toHaveAttribute('data-due-minor', '500000');
  // The deposit is due in 3 days: its notice is due now.
  await expect(panel.locator('[data-testid="milestone-prompt"][data-kind="notice_due"]')).toBeVisible();

  // The buyer wires the deposit: record it.
  await recordFullPayment(panel, 0, 'FT26112300417');
  await expect(orderRow).toHaveAttribute('data-due-minor', '250000');
  const receiptPrompt = panel.locator('[data-testid="milestone-prompt"][data-kind="receipt_due"]');
  await expect(receiptPrompt).toContainText('2小时内');
  await expect(receiptPrompt).toHaveAttribute('data-late', 'false');

  // Receipt confirmation, copied (it could go by e-mail): the stage is confirmed and the prompt goes.
  await rows.nth(0).getByTestId('milestone-confirm').click();
  const receipt = rows.nth(0).getByTestId('milestone-message-text');
  await expect(receipt).toContainText('US$2,500.00');
  await expect(receipt).toContainText('FT26112300417');
  await rows.nth(0).getByTestId('milestone-copy').click();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'confirmed');
  await expect(receiptPrompt).toHaveCount(0);

  // Design approved: the notice for stage 2 goes into the buyer's chat box, nothing is sent.
  await rows.nth(1).getByTestId('milestone-notice').click();
  const notice = (await rows.nth(1).getByTestId('milestone-message-text').textContent())!;
  expect(notice).toContain('US$1,500.00');
  expect(notice).toContain('design approved');
  await rows.nth(1).getByTestId('milestone-insert').click();
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', notice);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'requested');

  // Over-paying a stage is refused with the open amount.
  await rows.nth(1).getByTestId('milestone-pay').click();
  await rows.nth(1).getByTestId('milestone-pay-amount').fill('1600');
  await rows.nth(1).getByTestId('milestone-pay-save').click();
  await expect(panel.getByTestId('toast')).toContainText('US$1,500.00');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'requested');
  await rows.nth(1).getByTestId('milestone-pay-amount').fill('1,500.00');
  await rows.nth(1).getByTestId('milestone-pay-reference').fill('FT26120900112');
  await rows.nth(1).getByTestId('milestone-pay-save').click();
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'paid');

  await recordFullPayment(panel, 2, 'FT26121500233');
  await expect(orderRow).toHaveAttribute('data-due-minor', '0');
  await expect(panel.locator('[data-testid="milestone-prompt"][data-kind="thanks_due"]')).toContainText('3天内');

  // The timeline holds the stages' story and the chat contact in one sequence.
  const timeline = panel.getByTestId('milestone-timeline');
  const kinds = await timeline.getByTestId('milestone-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).toEqual(['payment', 'payment', 'notice', 'receipt', 'payment', 'created']);
  await expect(timeline.locator('[data-kind="notice"]')).toContainText('US$1,500.00');

  await panel.getByTestId('milestone-panel').screenshot({ path: 'test/screenshots/milestones.png' });
  expect(errors).toEqual([]);
});
