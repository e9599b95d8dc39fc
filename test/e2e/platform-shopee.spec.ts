import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf } from '../support/harness.mjs';
import { SHOPEE_URLS } from '../fixtures/shopee/routes.mjs';

// Shopee, the way a seller walks it: the Vietnamese unpaid tab (Chờ thanh
// toán) and the Malaysian all-orders list fill the panel in their own
// currencies; in the seller web chat, a suggestion goes into the Vue
// composer and nothing is sent.

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

test('Shopee unpaid orders from two regions reach the panel and a suggestion lands in the chat box', async () => {
  const dialogs: string[] = [];
  const vn = await context.newPage();
  vn.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await vn.goto(SHOPEE_URLS.vnUnpaid);
  const my = await context.newPage();
  await my.goto(SHOPEE_URLS.myAll);
  const vnTabId = await tabIdOf(worker, SHOPEE_URLS.vnUnpaid);
  const panel = await context.newPage();
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${vnTabId}`));

  const jacket = panel.locator('[data-testid="order-row"][data-order-id="261123K7XJ3M2P"]');
  await expect(jacket).toHaveCount(1, { timeout: 2_000 });
  await expect(jacket).toHaveAttribute('data-platform', 'shopee');
  await expect(jacket).toHaveAttribute('data-buyer', '<img src=x onerror=alert(1)>');
  await expect(jacket).toHaveAttribute('data-amount-minor', '250000');
  await expect(jacket).toHaveAttribute('data-currency', 'VND');
  await expect(panel.locator('[data-order-id="261123AB12CD34"]')).toHaveAttribute('data-amount-minor', '1590000');
  // Malaysia, English UI: unpaid orders in ringgit; paid and cancelled ones stay out.
  const kopi = panel.locator('[data-testid="order-row"][data-order-id="261123LK8J7H6G"]');
  await expect(kopi).toHaveAttribute('data-currency', 'MYR', { timeout: 2_000 });
  await expect(kopi).toHaveAttribute('data-amount-minor', '120450');
  await expect(kopi).toHaveAttribute('data-buyer', 'Ahmad_Z');
  await expect(panel.locator('[data-order-id="261123ZX9C8V7B"]')).toHaveCount(0);
  await expect(panel.locator('[data-order-id="261122QW3E4R5T"]')).toHaveCount(0);
  await expect(panel.locator('[data-testid="order-row"][data-platform="shopee"]')).toHaveCount(5);
  await panel.close();

  const chat = await context.newPage();
  await chat.goto(SHOPEE_URLS.chat);
  await expect(chat.locator('.conversation-cell_item__3Qq5v.active')).toContainText('ngoc_anh 💖');
  const chatTabId = await tabIdOf(worker, SHOPEE_URLS.chat);
  expect(chatTabId).toBeGreaterThanOrEqual(0);
  const chatPanel = await context.newPage();
  await chatPanel.goto(extensionUrl(`sidepanel.html?tabId=${chatTabId}`));
  const row = chatPanel.locator('[data-testid="order-row"][data-order-id="261123AB12CD34"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await row.click();
  const first = chatPanel.getByTestId('suggestion').first();
  const text = (await first.getByTestId('suggestion-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await first.getByTestId('insert-button').click();

  // Vue's own ref holds exactly the suggestion, once; send was never pressed.
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', text);
  await expect(chat.locator('textarea.chat-input_textarea__2Gg1k')).toHaveValue(text);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  expect(dialogs).toEqual([]);
  await chatPanel.close();
  await chat.close();
  await my.close();
  await vn.close();
});

test('Shopee Brazil, page 1 of 3: unpaid orders reach the panel in reais; leaving page 1 marks none of them paid', async () => {
  const br = await context.newPage();
  await br.goto(SHOPEE_URLS.brUnpaid);
  const tabId = await tabIdOf(worker, SHOPEE_URLS.brUnpaid);
  const panel = await context.newPage();
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));

  const shirt = panel.locator('[data-testid="order-row"][data-order-id="261123BR7K2M9Q"]');
  await expect(shirt).toHaveCount(1, { timeout: 3_000 });
  await expect(shirt).toHaveAttribute('data-currency', 'BRL');
  await expect(shirt).toHaveAttribute('data-amount-minor', '5990');
  await expect(shirt).toHaveAttribute('data-buyer', 'ana.beatriz_');
  await expect(panel.locator('[data-order-id="261123BR4X8N2W"]')).toHaveAttribute('data-amount-minor', '123450');
  // Cancelado: not something to collect.
  await expect(panel.locator('[data-order-id="261122BR9P3L5T"]')).toHaveCount(0);

  // The SPA re-renders page 1 without the boleto order (it moved to page 2): the list is
  // one page of three, so its absence says nothing and the order stays in the panel.
  await br.evaluate(() => document.querySelector('[data-fixture-order="261123BR4X8N2W"]')?.remove());
  await br.waitForTimeout(1_500);
  await expect(panel.locator('[data-order-id="261123BR4X8N2W"]')).toHaveCount(1);
  await expect(panel.locator('[data-testid="health-warning"][data-platform="shopee"]')).toHaveCount(0);
});
