import { expect, test } from '@playwright/test';
import { tabIdOf } from '../support/harness.mjs';
import { ALIBABA_URLS } from '../fixtures/alibaba/routes.mjs';
import { TAOBAO_TP_URLS } from '../fixtures/taobao/routes.mjs';
import { usePlatformSuite } from '../support/platform-flow';

// A seller page whose markup moved must not look like "no unpaid orders":
// the panel says which page is unreadable and which selector version failed.

const suite = usePlatformSuite();

test('a redesigned trade-platform page is read from its structure and says so; the page coming back clears the notice', async () => {
  const page = await suite.context.newPage();
  await page.goto(TAOBAO_TP_URLS.broken);
  const tabId = await tabIdOf(suite.worker, TAOBAO_TP_URLS.broken);
  const panel = await suite.context.newPage();
  await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));

  // The order tables were renamed, so the dated selectors find nothing; the structural reader reads every order.
  const warning = panel.getByTestId('health-warning');
  await expect(warning).toHaveCount(1, { timeout: 2_000 });
  await expect(warning).toHaveAttribute('role', 'status');
  await expect(warning).toHaveAttribute('data-platform', 'taobao');
  await expect(warning).toHaveAttribute('data-kind', 'degraded');
  await expect(warning).toHaveAttribute('data-read-path', 'structure');
  await expect(warning).toContainText('已按页面内容读出 3 笔订单');
  await expect(warning).toContainText('taobao-2026-11-23');
  await expect(panel.locator('[data-testid="order-row"][data-platform="taobao"]')).toHaveCount(3);
  // The seller may correct a misread field by teaching the page.
  await expect(panel.getByTestId('teach-button')).toBeVisible();

  // The seller's page comes back to markup the selectors know (same tab, the SPA re-renders): the notice goes.
  await page.evaluate(async (html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  }, await fixtureHtml(TAOBAO_TP_URLS.unpaid));
  await expect(warning).toHaveCount(0, { timeout: 3_000 });
  await expect(panel.locator('[data-testid="order-row"][data-platform="taobao"]')).toHaveCount(3);
});

test('a broken Alibaba.com list in another tab is named with its selector version', async () => {
  const page = await suite.context.newPage();
  await page.goto(ALIBABA_URLS.broken);
  // The panel is bound to a different (non-seller) tab: recent problems of other tabs still show.
  const panel = await suite.context.newPage();
  await panel.goto(suite.extensionUrl('sidepanel.html?tabId=999999'));
  const warning = panel.locator('[data-testid="health-warning"][data-platform="alibaba"]');
  await expect(warning).toHaveCount(1, { timeout: 2_000 });
  await expect(warning).toContainText('alibaba-2026-11-23');
  await expect(warning).toContainText('biz.alibaba.com/ta/order/manage.htm');
});

/** A fixture page's HTML as the harness serves it, fetched inside the routed context. */
async function fixtureHtml(url: string): Promise<string> {
  const helper = await suite.context.newPage();
  await helper.goto(url);
  const html = await helper.content();
  await helper.close();
  return html;
}
