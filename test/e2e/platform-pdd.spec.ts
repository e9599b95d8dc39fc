import { expect, test } from '@playwright/test';
import { expectRows, insertFirstSuggestion, openPanelFor, openSellerPage, orderRow, usePlatformSuite } from '../support/platform-flow';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';

// Pinduoduo, the way a seller walks it: the 待支付 tab of the order list fills
// the panel; in the merchant chat, a suggestion goes into the React composer
// (textarea#replyTextarea) and nothing is sent.

const suite = usePlatformSuite();

test('PDD unpaid orders reach the panel and a suggestion lands in the merchant chat box', async () => {
  const { page: list, dialogs } = await openSellerPage(suite, PDD_URLS.unpaid);
  const panel = await openPanelFor(suite, PDD_URLS.unpaid);

  const rows = panel.locator('[data-testid="order-row"][data-platform="pdd"]');
  await expect(rows).toHaveCount(3, { timeout: 2_000 });
  await expectRows(panel, 'pdd', [['261123-384685998833090', '拼<img src=x onerror=alert(1)>客', '13100', 'CNY']]);
  const tissues = orderRow(panel, '261123-220011334455667');
  await expect(tissues).toHaveAttribute('data-buyer', '阿强');
  await expect(tissues).toHaveAttribute('data-amount-minor', '7970');
  await expect(panel.locator('[data-order-id="261123-667788990011223"]')).toHaveAttribute('data-amount-minor', '6480');
  await panel.close();

  // The chat app routes in the hash; the server only ever sees the page.
  const chat = await suite.context.newPage();
  await chat.goto(PDD_URLS.chat);
  await expect(chat.locator('li.chat-item.active .nickname-span')).toHaveText('阿强');
  const chatPanel = await openPanelFor(suite, PDD_URLS.chat);
  // React's own state holds exactly the suggestion, once; send was never pressed.
  await insertFirstSuggestion(chatPanel, chat, '261123-220011334455667', chat.locator('#replyTextarea'));
  await expect(chat.locator('#msgListContainer li.onemsg')).toHaveCount(1);
  expect(dialogs).toEqual([]);
  await chatPanel.close();
  await chat.close();
  await list.close();
});
