import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf } from '../support/harness.mjs';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';

// Pinduoduo, the way a seller walks it: the 待支付 tab of the order list fills
// the panel; in the merchant chat, a suggestion goes into the React composer
// (textarea#replyTextarea) and nothing is sent.

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

test('PDD unpaid orders reach the panel and a suggestion lands in the merchant chat box', async () => {
  const dialogs: string[] = [];
  const list = await context.newPage();
  list.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await list.goto(PDD_URLS.unpaid);
  const listTabId = await tabIdOf(worker, PDD_URLS.unpaid);
  const panel = await context.newPage();
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${listTabId}`));

  const rows = panel.locator('[data-testid="order-row"][data-platform="pdd"]');
  await expect(rows).toHaveCount(3, { timeout: 2_000 });
  const pajamas = panel.locator('[data-testid="order-row"][data-order-id="261123-384685998833090"]');
  await expect(pajamas).toHaveAttribute('data-platform', 'pdd');
  await expect(pajamas).toHaveAttribute('data-buyer', '拼<img src=x onerror=alert(1)>客');
  await expect(pajamas).toHaveAttribute('data-amount-minor', '13100');
  await expect(pajamas).toHaveAttribute('data-currency', 'CNY');
  const tissues = panel.locator('[data-testid="order-row"][data-order-id="261123-220011334455667"]');
  await expect(tissues).toHaveAttribute('data-buyer', '阿强');
  await expect(tissues).toHaveAttribute('data-amount-minor', '7970');
  await expect(panel.locator('[data-order-id="261123-667788990011223"]')).toHaveAttribute('data-amount-minor', '6480');
  await panel.close();

  // The chat app routes in the hash; the server only ever sees the page.
  const chat = await context.newPage();
  await chat.goto(PDD_URLS.chat);
  await expect(chat.locator('li.chat-item.active .nickname-span')).toHaveText('阿强');
  const chatTabId = await tabIdOf(worker, PDD_URLS.chat);
  expect(chatTabId).toBeGreaterThanOrEqual(0);
  const chatPanel = await context.newPage();
  await chatPanel.goto(extensionUrl(`sidepanel.html?tabId=${chatTabId}`));

  const row = chatPanel.locator('[data-testid="order-row"][data-order-id="261123-220011334455667"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await row.click();
  const first = chatPanel.getByTestId('suggestion').first();
  const text = (await first.getByTestId('suggestion-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await first.getByTestId('insert-button').click();

  // React's own state holds exactly the suggestion, once; send was never pressed.
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', text);
  await expect(chat.locator('#replyTextarea')).toHaveValue(text);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  await expect(chat.locator('#msgListContainer li.onemsg')).toHaveCount(1);
  expect(dialogs).toEqual([]);
  await chatPanel.close();
  await chat.close();
  await list.close();
});
