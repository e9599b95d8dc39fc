import { expect, test } from '@playwright/test';
import { expectRows, insertFirstSuggestion, openPanelFor, openSellerPage, orderRow, usePlatformSuite } from '../support/platform-flow';
import { AE_URLS } from '../fixtures/aliexpress/routes.mjs';

// AliExpress, the way a seller walks it: the order list at its real URL fills
// the panel; the im-chat page takes a suggestion into its React composer.

const suite = usePlatformSuite({ locale: 'en-US' });

test('the English order list fills the panel with its unpaid orders, exactly', async () => {
  const { page: list, dialogs } = await openSellerPage(suite, AE_URLS.listEn);
  const panel = await openPanelFor(suite, AE_URLS.listEn, { narrow: true });
  await expect(orderRow(panel, '8193047726510234')).toHaveCount(1, { timeout: 2_000 });
  await expectRows(panel, 'aliexpress', [
    ['8193047726510234', '<img src=x onerror=alert(1)>', '2350', 'USD'],
    ['8193051190023377', 'محمد العتيبي', '1250', 'EUR'],
    ['8193060072219981', 'Olga_K', '246912', 'RUB'],
  ]);
  // Paid and closed orders on the same page never show up.
  await expect(orderRow(panel, '8192877410056612')).toHaveCount(0);
  await expect(orderRow(panel, '8192650031187745')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});

test('the Chinese unpaid tab on gsp fills the panel too', async () => {
  const { page: list } = await openSellerPage(suite, AE_URLS.listZh);
  const panel = await openPanelFor(suite, AE_URLS.listZh, { narrow: true });
  const lucas = orderRow(panel, '8193102283340016');
  await expect(lucas).toHaveAttribute('data-buyer', 'Lucas Silva', { timeout: 2_000 });
  await expect(lucas).toHaveAttribute('data-amount-minor', '4500');
  await expect(lucas).toHaveAttribute('data-currency', 'USD');
  await panel.close();
  await list.close();
});

test('a suggestion goes into the im-chat React composer once, and nothing is sent', async () => {
  const { page: list } = await openSellerPage(suite, AE_URLS.listEn);
  const { page: chat } = await openSellerPage(suite, AE_URLS.chat);
  await expect(chat.locator('textarea')).toBeVisible();
  const panel = await openPanelFor(suite, AE_URLS.chat, { narrow: true });
  await insertFirstSuggestion(panel, chat, '8193051190023377', chat.locator('textarea'));
  await panel.close();
  await chat.close();
  await list.close();
});
