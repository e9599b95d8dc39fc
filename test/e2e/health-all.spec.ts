import { expect, test, type Page } from '@playwright/test';
import { tabIdOf } from '../support/harness.mjs';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';
import { SHOPEE_URLS } from '../fixtures/shopee/routes.mjs';
import { AE_URLS } from '../fixtures/aliexpress/routes.mjs';
import { TT_URLS } from '../fixtures/tiktok/routes.mjs';
import { SELECTORS_VERSION as PDD_VERSION } from '../../lib/platforms/pdd/selectors';
import { SELECTORS_VERSION as SHOPEE_VERSION } from '../../lib/platforms/shopee/selectors';
import { SELECTORS_VERSION as AE_VERSION } from '../../lib/platforms/aliexpress/selectors';
import { SELECTORS_VERSION as TT_VERSION } from '../../lib/platforms/tiktok/selectors';
import { usePlatformSuite } from '../support/platform-flow';

// The health warning on every platform whose list is found by order number
// or header text (health.spec.ts covers Taobao and Alibaba.com): a redesigned
// page must say "unreadable" (or, when the structural reader reads it, say
// which reader did), never look like "no unpaid orders".

const suite = usePlatformSuite();

/** Opens a seller page and the panel bound to its tab. */
async function openWithPanel(url: string): Promise<{ page: Page; panel: Page }> {
  const page = await suite.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(suite.worker, url);
  expect(tabId).toBeDefined();
  const panel = await suite.context.newPage();
  await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));
  return { page, panel };
}

/** A fixture page's HTML as the harness serves it. */
async function fixtureHtml(url: string): Promise<string> {
  const helper = await suite.context.newPage();
  await helper.goto(url);
  const html = await helper.content();
  await helper.close();
  return html;
}

/** The SPA re-renders the list in place (same tab, same URL). */
async function replaceBody(page: Page, html: string): Promise<void> {
  await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  }, html);
}

const CASES = [
  { platform: 'pdd', name: '拼多多', broken: PDD_URLS.broken, good: PDD_URLS.unpaid, version: PDD_VERSION, host: 'mms.pinduoduo.com/orders/list', unpaidRows: 3 },
  { platform: 'shopee', name: 'Shopee', broken: SHOPEE_URLS.vnBroken, good: SHOPEE_URLS.vnUnpaid, version: SHOPEE_VERSION, host: 'banhang.shopee.vn/portal/sale/order', unpaidRows: 3 },
] as const;

for (const c of CASES) {
  test(`${c.platform}: a broken order list shows the warning with its selector version; the page coming back clears it`, async () => {
    const { page, panel } = await openWithPanel(c.broken);
    const warning = panel.locator(`[data-testid="health-warning"][data-platform="${c.platform}"]`);
    await expect(warning).toHaveCount(1, { timeout: 3_000 });
    await expect(warning).toHaveAttribute('role', 'alert');
    await expect(warning).toHaveAttribute('data-kind', 'no-rows');
    await expect(warning).toHaveAttribute('data-selectors-version', c.version);
    await expect(warning).toContainText(c.name);
    await expect(warning).toContainText('一行订单也读不出来');
    await expect(warning).toContainText(c.version);
    await expect(warning).toContainText(c.host);
    // Bound to this very tab: no "another tab" note.
    await expect(warning).not.toContainText('另一个标签页');
    await expect(panel.locator(`[data-testid="order-row"][data-platform="${c.platform}"]`)).toHaveCount(0);

    await replaceBody(page, await fixtureHtml(c.good));
    await expect(warning).toHaveCount(0, { timeout: 3_000 });
    await expect(panel.locator(`[data-testid="order-row"][data-platform="${c.platform}"]`)).toHaveCount(c.unpaidRows);
  });
}

test('AliExpress and TikTok Shop redesigned lists are read from their structure, each says so, also in a panel bound to another tab', async () => {
  for (const [platform, url, version, where, unpaid] of [
    ['aliexpress', AE_URLS.listBroken, AE_VERSION, 'csp.aliexpress.com/m_apps/order-manage/orderList', 3],
    ['tiktok', TT_URLS.listBroken, TT_VERSION, 'seller-uk.tiktok.com/order', 2],
  ] as const) {
    const { panel } = await openWithPanel(url);
    const warning = panel.locator(`[data-testid="health-warning"][data-platform="${platform}"]`);
    await expect(warning).toHaveCount(1, { timeout: 3_000 });
    // The selectors no longer match, the structural reader read every order: a notice, not an alarm.
    await expect(warning).toHaveAttribute('data-kind', 'degraded');
    await expect(warning).toHaveAttribute('data-read-path', 'structure');
    await expect(warning).toHaveAttribute('role', 'status');
    await expect(warning).toHaveAttribute('data-selectors-version', version);
    await expect(warning).toContainText(version);
    await expect(warning).toContainText(where);
    await expect(panel.locator(`[data-testid="order-row"][data-platform="${platform}"]`)).toHaveCount(unpaid);
  }
  // A panel bound to a tab that is not a seller page still lists both, marked as another tab's.
  const elsewhere = await suite.context.newPage();
  await elsewhere.goto(suite.extensionUrl('sidepanel.html?tabId=999999'));
  for (const platform of ['aliexpress', 'tiktok']) {
    const warning = elsewhere.locator(`[data-testid="health-warning"][data-platform="${platform}"]`);
    await expect(warning).toHaveCount(1, { timeout: 3_000 });
    await expect(warning).toContainText('另一个标签页');
  }
});
