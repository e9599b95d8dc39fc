import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { URLS } from '../support/harness.mjs';
import { openPanelFor, openSellerPage, usePlatformSuite } from '../support/platform-flow';
import { seedInsightsIn } from '../support/seed-insights.mjs';

// WCAG 2.1 A/AA over the pages a person works in, light and dark: no serious
// or critical violation. And the main path by keyboard alone.

const suite = usePlatformSuite();

async function audit(page: Page, label: string): Promise<void> {
  // label-content-name-mismatch is axe's experimental WCAG 2.5.3 check (an accessible name must contain the visible text): on too.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Each node with what axe measured (colours and ratio for contrast), so a failure says what to change.
  const detail = (n: (typeof bad)[number]['nodes'][number]) => {
    const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
    return `${n.target.join(' ')}${data?.fgColor ? ` ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}` : ''}`;
  };
  const summary = bad.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.map(detail).join(' | ')}`);
  expect(summary, `${label}: serious or critical axe violations`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    // axe walks every node of a page; on a busy 2-core machine one audit can take tens of seconds.
    test.describe.configure({ timeout: 240_000 });

    test(`panel with a selected order has no serious axe violation (${scheme})`, async () => {
      const { page } = await openSellerPage(suite, URLS.taobaoUnpaid);
      const panel = await openPanelFor(suite, URLS.taobaoUnpaid, { narrow: true });
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.getByTestId('order-row').first().click();
      await expect(panel.getByTestId('suggestion').first()).toBeVisible();
      await audit(panel, `panel (${scheme})`);
      await panel.close();
      await page.close();
    });

    test(`popup has no serious axe violation (${scheme})`, async () => {
      const { page } = await openSellerPage(suite, URLS.taobaoUnpaid);
      const popup = await suite.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(suite.extensionUrl('popup.html'));
      await expect(popup.getByTestId('unpaid-count')).not.toHaveText('0');
      await audit(popup, `popup (${scheme})`);
      await popup.close();
      await page.close();
    });

    test(`every options tab has no serious axe violation (${scheme})`, async () => {
      const options = await suite.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(suite.extensionUrl('options.html'));
      const tabs = options.getByRole('tab');
      await expect(tabs.first()).toBeVisible();
      // Every tab of the options page: templates, settings, data, insights…
      for (let i = 0; i < (await tabs.count()); i += 1) {
        await tabs.nth(i).click();
        await options.waitForTimeout(300);
        await audit(options, `options tab ${i + 1} "${await tabs.nth(i).textContent()}" (${scheme})`);
      }
      await options.close();
    });
  });
}

test('the main path works by keyboard alone: pick an order, pick a suggestion, insert, log the outcome', async () => {
  const { page: list } = await openSellerPage(suite, URLS.taobaoUnpaid);
  const { page: chat } = await openSellerPage(suite, URLS.taobaoChat);
  const panel = await openPanelFor(suite, URLS.taobaoChat, { narrow: true });
  await expect(panel.getByTestId('order-row').first()).toBeVisible({ timeout: 2_000 });

  /** Presses Tab until the focused element matches `test`; fails if it never does. */
  const tabTo = async (what: string, test: string) => {
    for (let i = 0; i < 80; i += 1) {
      await panel.keyboard.press('Tab');
      if (await panel.evaluate((selector) => document.activeElement?.matches(selector) ?? false, test)) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };

  await tabTo('an order row', '[data-testid="order-row"]');
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('Enter');
  const selected = panel.locator('[data-testid="order-row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('data-index', '1');
  await expect(panel.getByTestId('suggestion').first()).toBeVisible();

  await tabTo('an insert button', '[data-testid="insert-button"]');
  const text = await panel.evaluate(() => document.activeElement!.closest('[data-testid="suggestion"]')!.querySelector('[data-testid="suggestion-text"]')!.textContent);
  await panel.keyboard.press('Enter');
  await expect(chat.locator('textarea.im-editor')).toHaveValue(text!);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');

  const attempt = panel.getByTestId('attempt-row');
  await expect(attempt).toHaveCount(1);
  await tabTo('the outcome of the logged attempt', '[data-testid="attempt-outcome"]');
  const before = await attempt.getAttribute('data-outcome');
  await panel.keyboard.press('ArrowDown');
  await expect(attempt).not.toHaveAttribute('data-outcome', before!);
  // Never the mouse: every step above was a key press.
  for (const p of [panel, chat, list]) await p.close();
});

// Last in the file: the seeded reminders stay in this profile's store.
test('the insights tab with data (trend, funnel, heatmap with a tooltip, templates, every table open) has no serious axe violation, light and dark', async () => {
  test.setTimeout(360_000);
  const options = await suite.context.newPage();
  await options.setViewportSize({ width: 1100, height: 1000 });
  await options.goto(suite.extensionUrl('options.html#templates'));
  const library = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'templates/list' }))) as { data: { templates: { id: string }[] } };
  const templates = library.data.templates.slice(0, 7).map((t) => t.id);
  // The tests above logged contacts in this profile too: the seed's 2,003 reminded orders come on top of theirs.
  await options.goto(suite.extensionUrl('options.html#insights'));
  const reminded = options.getByTestId('ins-reminded');
  await expect(reminded).toHaveText(/^\d+$/, { timeout: 60_000 });
  const before = Number(await reminded.textContent());
  await seedInsightsIn(suite.worker, { orders: 2_000, perOrder: 2, extraUnpaid: 50, fewUses: 3, now: Date.now(), templates });
  await options.reload();
  await expect(reminded).toHaveText(String(before + 2_003), { timeout: 60_000 });
  for (const summary of await options.locator('details.chart-table > summary').all()) await summary.click();
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByTestId('ins-heatmap-chart').focus();
    await options.keyboard.press('ArrowRight');
    await expect(options.getByTestId('ins-heatmap-chart').getByTestId('chart-tip')).toBeVisible();
    await audit(options, `insights tab with data (${scheme})`);
  }
  await options.close();
});
