import { expect, test, type Page } from '@playwright/test';
import { URLS } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';

// The panel as Chrome opens it from the popup: no ?tabId, so it works for
// whichever tab is active in its window and follows the person from tab to tab.

const suite = usePlatformSuite();

/** The platforms of the rows the panel tags "this page". */
async function platformsOnTab(panel: Page): Promise<string[]> {
  const rows = panel.getByTestId('order-row').filter({ has: panel.locator('.tag.here') });
  return [...new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-platform') ?? '')))].sort();
}

test('without ?tabId the panel follows the active tab: its orders are marked "this page" and come first', async () => {
  const taobao = await suite.context.newPage();
  await taobao.goto(URLS.taobaoUnpaid);
  const pdd = await suite.context.newPage();
  await pdd.goto(PDD_URLS.unpaid);
  const panel = await suite.context.newPage();
  await panel.goto(suite.extensionUrl('sidepanel.html'));
  await expect(panel.locator('[data-testid="order-row"][data-platform="taobao"]').first()).toBeVisible();
  await expect(panel.locator('[data-testid="order-row"][data-platform="pdd"]').first()).toBeVisible();

  await taobao.bringToFront();
  await expect.poll(() => platformsOnTab(panel)).toEqual(['taobao']);
  await expect(panel.getByTestId('order-row').first()).toHaveAttribute('data-platform', 'taobao');

  await pdd.bringToFront();
  await expect.poll(() => platformsOnTab(panel)).toEqual(['pdd']);
  await expect(panel.getByTestId('order-row').first()).toHaveAttribute('data-platform', 'pdd');

  // A tab without orders (the panel itself) marks nothing.
  await panel.bringToFront();
  await expect.poll(() => platformsOnTab(panel)).toEqual([]);
});
