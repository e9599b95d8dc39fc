import { expect, test } from '@playwright/test';
import { expectPagesRead, expectRows, insertFirstSuggestion, openPanelFor, openSellerPage, orderRow, usePlatformSuite } from '../support/platform-flow';
import { TT_URLS } from '../fixtures/tiktok/routes.mjs';

// TikTok Shop, the way a seller walks it: the order list at its real URL
// fills the panel; the chat inbox takes a suggestion into its Lexical editor.

const suite = usePlatformSuite({ locale: 'en-US' });

test('the US order list fills the panel with its unpaid orders, 19-digit ids intact', async () => {
  const { page: list, dialogs } = await openSellerPage(suite, TT_URLS.listUs);
  const panel = await openPanelFor(suite, TT_URLS.listUs, { narrow: true });
  await expect(orderRow(panel, '576880912345678901')).toHaveCount(1, { timeout: 2_000 });
  await expectRows(panel, 'tiktok', [
    ['576880912345678901', '<img src=x onerror=alert(1)>', '4797', 'USD'],
    ['5768801277340025519', 'جميلة 🌙', '1500', 'USD'],
  ]);
  await expect(orderRow(panel, '576880655100213377')).toHaveCount(0);
  await expect(orderRow(panel, '576880410093388120')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});

test('the Brazilian unpaid tab fills the panel in reais', async () => {
  const { page: list } = await openSellerPage(suite, TT_URLS.listBr);
  const panel = await openPanelFor(suite, TT_URLS.listBr, { narrow: true });
  const row = orderRow(panel, '5811209011223344556');
  await expect(row).toHaveAttribute('data-buyer', 'joão_pedro', { timeout: 2_000 });
  await expect(row).toHaveAttribute('data-amount-minor', '124900');
  await expect(row).toHaveAttribute('data-currency', 'BRL');
  await panel.close();
  await list.close();
});

test('a suggestion goes into the Lexical composer beside the send button once, and nothing is sent', async () => {
  const { page: list } = await openSellerPage(suite, TT_URLS.listUs);
  const { page: chat } = await openSellerPage(suite, TT_URLS.chat);
  await expect(chat.locator('[contenteditable="true"]')).toBeVisible();
  const panel = await openPanelFor(suite, TT_URLS.chat, { narrow: true });
  // Lexical's own editor state holds exactly the text, once (no textarea to check).
  await insertFirstSuggestion(panel, chat, '5768801277340025519');
  await panel.close();
  await chat.close();
  await list.close();
});

// TikTok Shop's seller centres in Thailand, Indonesia, Japan and Germany, each in its own language. Before, the Japanese
// and German statuses were unknown and Japanese totals were read as yuan, a hundred times the yen; now each unpaid
// order reaches the panel in its region's currency and each cancelled one stays out.
test('TikTok Shop in Thai, Bahasa Indonesia, Japanese, German, French, Spanish and Italian: unpaid orders in the region currency, cancelled ones left out', async () => {
  await expectPagesRead(suite, [
    { url: TT_URLS.listTh, platform: 'tiktok', rows: [['579113325566778899', 'ณัฐวุฒิ ใจดี', '58490', 'THB']], absent: ['579113321122334455'] },
    { url: TT_URLS.listId, platform: 'tiktok', rows: [['580224436677889900', 'Siti Rahmawati', '584901', 'IDR']], absent: ['580224432233445566'] },
    { url: TT_URLS.listJp, platform: 'tiktok', rows: [['581335547788990011', '佐藤 花子', '5849', 'JPY']], absent: ['581335543344556677'] },
    { url: TT_URLS.listDe, platform: 'tiktok', rows: [['582446658899001122', 'Lena Schneider', '5849', 'EUR']], absent: ['582446654455667788'] },
    { url: TT_URLS.listFr, platform: 'tiktok', rows: [['583557769900112233', 'Camille Dubois', '5849', 'EUR']], absent: ['583557765566778899'] },
    { url: TT_URLS.listEs, platform: 'tiktok', rows: [['584668870011223344', 'Lucía García', '5849', 'EUR']], absent: ['584668876677889900'] },
    { url: TT_URLS.listIt, platform: 'tiktok', rows: [['585779981122334455', 'Giulia Rossi', '5849', 'EUR']], absent: ['585779987788990011'] },
  ]);
});
