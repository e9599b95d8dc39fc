import { expect, test } from '@playwright/test';
import { expectPagesRead, expectRows, insertFirstSuggestion, openPanelFor, openSellerPage, orderRow, usePlatformSuite } from '../support/platform-flow';
import { SHOPEE_URLS } from '../fixtures/shopee/routes.mjs';

// Shopee, the way a seller walks it: the Vietnamese unpaid tab (Chờ thanh
// toán) and the Malaysian all-orders list fill the panel in their own
// currencies; in the seller web chat, a suggestion goes into the Vue
// composer and nothing is sent.

const suite = usePlatformSuite();

test('Shopee unpaid orders from two regions reach the panel and a suggestion lands in the chat box', async () => {
  const { page: vn, dialogs } = await openSellerPage(suite, SHOPEE_URLS.vnUnpaid);
  const my = await suite.context.newPage();
  await my.goto(SHOPEE_URLS.myAll);
  const panel = await openPanelFor(suite, SHOPEE_URLS.vnUnpaid);

  await expect(orderRow(panel, '261123K7XJ3M2P')).toHaveCount(1, { timeout: 2_000 });
  await expectRows(panel, 'shopee', [['261123K7XJ3M2P', '<img src=x onerror=alert(1)>', '250000', 'VND']]);
  await expect(panel.locator('[data-order-id="261123AB12CD34"]')).toHaveAttribute('data-amount-minor', '1590000');
  // Malaysia, English UI: unpaid orders in ringgit; paid and cancelled ones stay out.
  const kopi = orderRow(panel, '261123LK8J7H6G');
  await expect(kopi).toHaveAttribute('data-currency', 'MYR', { timeout: 2_000 });
  await expect(kopi).toHaveAttribute('data-amount-minor', '120450');
  await expect(kopi).toHaveAttribute('data-buyer', 'Ahmad_Z');
  await expect(panel.locator('[data-order-id="261123ZX9C8V7B"]')).toHaveCount(0);
  await expect(panel.locator('[data-order-id="261122QW3E4R5T"]')).toHaveCount(0);
  await expect(panel.locator('[data-testid="order-row"][data-platform="shopee"]')).toHaveCount(5);
  await panel.close();

  const chat = await suite.context.newPage();
  await chat.goto(SHOPEE_URLS.chat);
  await expect(chat.locator('.conversation-cell_item__3Qq5v.active')).toContainText('ngoc_anh 💖');
  const chatPanel = await openPanelFor(suite, SHOPEE_URLS.chat);
  // Vue's own ref holds exactly the suggestion, once; send was never pressed.
  await insertFirstSuggestion(chatPanel, chat, '261123AB12CD34', chat.locator('textarea.chat-input_textarea__2Gg1k'));
  expect(dialogs).toEqual([]);
  await chatPanel.close();
  await chat.close();
  await my.close();
  await vn.close();
});

test('Shopee Brazil, page 1 of 3: unpaid orders reach the panel in reais; leaving page 1 marks none of them paid', async () => {
  const br = await suite.context.newPage();
  await br.goto(SHOPEE_URLS.brUnpaid);
  const panel = await openPanelFor(suite, SHOPEE_URLS.brUnpaid);

  const shirt = orderRow(panel, '261123BR7K2M9Q');
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

// Shopee's seller centres in Indonesia, Thailand and Taiwan speak their own languages. Before, every order of these
// pages was unreadable; now each is read exactly in Chromium, in its region's currency, with no warning.
test('Shopee Indonesia, Thailand, Taiwan and Mexico: unpaid tabs in Bahasa Indonesia, Thai, Traditional Chinese and Spanish read exactly', async () => {
  const pages = [
    [SHOPEE_URLS.idUnpaid, [['2611234V8KQ1ZT', '<img src=x onerror=alert(1)>', '250000', 'IDR'], ['261123HD7Q2M5N', 'dewi.sartika 🌸', '1590000', 'IDR'], ['261122W3RT8Y6U', 'budi_santoso88', '459000', 'IDR']]],
    [SHOPEE_URLS.thUnpaid, [['2611236P3LM8QD', '<img src=x onerror=alert(1)>', '129000', 'THB'], ['261123T5NB9VWX', 'somchai.k 🐘', '259000', 'THB'], ['261122E4GH7JKR', 'nattaya_shop', '45900', 'THB']]],
    [SHOPEE_URLS.twUnpaid, [['261123J2NW5XCB', '<img src=x onerror=alert(1)>', '129000', 'TWD'], ['261123M8PQ4RST', '小綠綠 🍵', '259000', 'TWD'], ['261122Z6YX3WVU', 'chen_meiling', '45900', 'TWD']]],
    [SHOPEE_URLS.mxUnpaid, [['261123X5MX2P9Q', '<img src=x onerror=alert(1)>', '129000', 'MXN'], ['261123R8TY4UIO', 'mariana.lopez 🌵', '259000', 'MXN'], ['261122LK3MX7NB', 'jorge_hdz', '45900', 'MXN']]],
  ] as const;
  await expectPagesRead(suite, pages.map(([url, rows]) => ({ url, platform: 'shopee', rows })));
});
