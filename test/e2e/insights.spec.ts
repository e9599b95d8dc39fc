/// <reference types="chrome" />
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';
import { insightsPlan, seedInsightsIn } from '../support/seed-insights.mjs';

// The insights tab over half a year of a busy desk: 100,000 logged reminders
// on 20,000 orders. The totals expected here are counted from the seed's own
// plan (test/support/seed-insights.mjs), not from the statistics code.

const suite = usePlatformSuite();
const ORDERS = 20_000;
const PER_ORDER = 5;
const EXTRA_UNPAID = 1_000;
const FEW_USES = 3;

async function send<T>(page: Page, message: object): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as { ok: boolean; data: T; error?: unknown };
  if (!reply?.ok) throw new Error(`request failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** "a/b (c%)" cells and "—" from the heatmap table, summed. */
function sumCells(cells: string[]): { paid: number; reminded: number } {
  let paid = 0;
  let reminded = 0;
  for (const cell of cells) {
    const m = /^(\d+)\/(\d+)/.exec(cell);
    if (m) {
      paid += Number(m[1]);
      reminded += Number(m[2]);
    }
  }
  return { paid, reminded };
}

async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}

test('the insights tab charts 100,000 reminders: weekly trend, funnel, heatmap and templates with the right totals', async () => {
  test.setTimeout(600_000);
  const options = await suite.context.newPage();
  await options.setViewportSize({ width: 1100, height: 1000 });
  await options.goto(suite.extensionUrl('options.html#templates'));
  await expect(options.getByTestId('template-row').first()).toBeVisible();
  const library = (await send<{ templates: { id: string; label: string }[] }>(options, { type: 'templates/list' })).templates;
  const templates = library.slice(0, 7);
  expect(templates).toHaveLength(7);

  const seeded = await seedInsightsIn(suite.worker, {
    orders: ORDERS, perOrder: PER_ORDER, extraUnpaid: EXTRA_UNPAID, fewUses: FEW_USES, now: Date.now(), templates: templates.map((t) => t.id),
  });
  expect(seeded.attempts).toBe(ORDERS * PER_ORDER + FEW_USES);

  // What the plan says, counted here.
  let paid = 0;
  let promisedOrPaid = 0;
  const money: Record<string, number> = {};
  const byHour = Array.from({ length: 24 }, () => ({ paid: 0, reminded: 0 }));
  const byTemplate = Array.from({ length: 7 }, () => ({ uses: 0, paid: 0 }));
  for (let i = 0; i < ORDERS; i += 1) {
    const p = insightsPlan(i);
    byHour[p.hour]!.reminded += 1;
    byTemplate[p.template]!.uses += 1;
    if (p.paid) {
      paid += 1;
      byHour[p.hour]!.paid += 1;
      byTemplate[p.template]!.paid += 1;
      money[p.currency] = (money[p.currency] ?? 0) + p.minor;
    }
    if (p.paid || p.promised) promisedOrPaid += 1;
  }
  byHour[10]!.reminded += FEW_USES;
  byTemplate[6]!.uses = FEW_USES;
  const reminded = ORDERS + FEW_USES;

  // The background's whole answer (one read per store, then one pass) against reading those stores alone, in the same run.
  const asked = Date.now();
  await send(options, { type: 'insights/get' });
  const answerMs = Date.now() - asked;
  const readMs = await suite.worker.evaluate(async () => {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('paynudge');
      request.onsuccess = () => resolve(request.result);
    });
    await Promise.all(
      ['orders', 'attempts', 'buyers'].map(
        (store) =>
          new Promise((resolve) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result.length);
          }),
      ),
    );
    db.close();
    return performance.now() - started;
  });
  const started = Date.now();
  await options.getByTestId('tab-insights').click();
  await expect(options.getByTestId('ins-reminded')).toHaveText(String(reminded), { timeout: 120_000 });
  const renderMs = Date.now() - started;
  await expect(options.getByTestId('ins-paid')).toHaveText(String(paid));
  await expect(options.getByTestId('ins-rate')).toHaveText(`${Math.round((100 * paid) / reminded)}%`);
  // Money per currency, in the order's currency, the UI language's way.
  const formatted = await options.evaluate(
    (m) => Object.keys(m).sort().map((c) => new Intl.NumberFormat('zh-CN', { style: 'currency', currency: c }).format(m[c]! / 100)).join(' · '),
    money,
  );
  await expect(options.getByTestId('ins-recovered')).toHaveText(formatted);

  // Funnel: every reminded order was unpaid; the extra ones were never reminded.
  expect(await tableRows(options, 'ins-funnel-figure-table')).toEqual([
    ['待付款', String(reminded + EXTRA_UNPAID), '100%'],
    ['提醒过', String(reminded), `${Math.round((100 * reminded) / (reminded + EXTRA_UNPAID))}%`],
    ['答应付款或已付', String(promisedOrPaid), `${Math.round((100 * promisedOrPaid) / (reminded + EXTRA_UNPAID))}%`],
    ['提醒后付款', String(paid), `${Math.round((100 * paid) / (reminded + EXTRA_UNPAID))}%`],
  ]);

  // Weekly: 26 weeks, every reminder within them (150 days back at most).
  await expect(options.getByTestId('ins-weekly-rate').getByTestId('chart-mark')).toHaveCount(26);
  const weeks = await tableRows(options, 'ins-weekly-figure-table');
  expect(weeks).toHaveLength(26);
  expect(weeks.reduce((n, r) => n + Number(r[1]), 0)).toBe(reminded);
  expect(weeks.reduce((n, r) => n + Number(r[2]), 0)).toBe(paid);
  await expect(options.getByTestId('ins-weekly-money-CNY')).toBeVisible();
  await expect(options.getByTestId('ins-weekly-money-USD')).toBeVisible();
  // The 12-week view is the last 12 rows of the same figures.
  await options.getByTestId('ins-range').selectOption('12');
  expect(await tableRows(options, 'ins-weekly-figure-table')).toEqual(weeks.slice(-12));
  await options.getByTestId('ins-range').selectOption('26');

  // Heatmap, in the seller's zone (Asia/Shanghai, set by the seed): the plan's hours.
  await expect(options.getByTestId('heat-cell')).toHaveCount(168);
  const heat = await tableRows(options, 'ins-heatmap-figure-table');
  expect(heat).toHaveLength(24);
  expect(sumCells(heat.flatMap((r) => r.slice(1)))).toEqual({ paid, reminded });
  for (let hour = 0; hour < 24; hour += 1) expect(sumCells(heat[hour]!.slice(1)), `hour ${hour}`).toEqual(byHour[hour]);
  await expect(options.getByTestId('ins-heatmap')).toContainText('Asia/Shanghai');

  // Templates: uses per template, the rarely used one marked, each explained the way the ranking sees it.
  const rows = options.getByTestId('ins-template-row');
  await expect(rows).toHaveCount(7);
  for (let k = 0; k < 7; k += 1) {
    const row = options.locator(`[data-testid="ins-template-row"][data-template-id="${templates[k]!.id}"]`);
    await expect(row.locator('td').first()).toHaveText(String(byTemplate[k]!.uses));
    await expect(row.locator('td').nth(1)).toHaveText(String(byTemplate[k]!.paid));
  }
  const few = options.locator(`[data-testid="ins-template-row"][data-template-id="${templates[6]!.id}"]`);
  await expect(few).toHaveAttribute('data-enough', 'false');
  await expect(few.getByTestId('ins-template-why')).toHaveText(/次数太少，无法判断/);
  await expect(rows.last()).toHaveAttribute('data-template-id', templates[6]!.id);
  await expect(options.locator('[data-testid="ins-template-why"][data-verdict="up"]').first()).toHaveText(/^用过 \d+ 次，催回 \d+ 次（\d+%，95% 置信区间 \d+–\d+%）— 排名上调$/);

  // Tooltips by keyboard: the heatmap is one tab stop, arrows move from cell to cell.
  await options.getByTestId('ins-heatmap-chart').focus();
  for (let k = 0; k < 2; k += 1) await options.keyboard.press('ArrowDown');
  for (let k = 0; k < 10; k += 1) await options.keyboard.press('ArrowRight');
  const tip = options.getByTestId('ins-heatmap-chart').getByTestId('chart-tip');
  await expect(tip).toContainText('10:00–10:59');
  await expect(tip).toContainText(/星期三|周三/);

  console.log(`[insights] ${seeded.attempts} attempts, ${seeded.orders} orders: tab click to totals shown ${renderMs} ms; insights/get ${answerMs} ms; reading the stores alone ${Math.round(readMs)} ms`);
  await options.getByTestId('ins-heatmap').screenshot({ path: 'test-results/screenshots/insights-heatmap-part.png' });
  await options.getByTestId('ins-templates').screenshot({ path: 'test-results/screenshots/insights-templates-part.png' });
  await options.getByTestId('ins-heatmap').scrollIntoViewIfNeeded();
  await options.screenshot({ path: screenshotPath('insights-light-zh-CN.png'), fullPage: true });

  // Dark, in English.
  await options.evaluate(() => localStorage.setItem('paynudge.locale', 'en'));
  await options.emulateMedia({ colorScheme: 'dark' });
  await options.reload();
  await expect(options.getByTestId('ins-reminded')).toHaveText(String(reminded), { timeout: 120_000 });
  await expect(options.getByTestId('ins-funnel-figure-table').locator('tbody tr').first()).toContainText('Unpaid');
  await options.getByTestId('ins-weekly-rate').focus();
  await options.keyboard.press('End');
  await expect(options.getByTestId('ins-weekly-rate').getByTestId('chart-tip')).toContainText('Week of');
  await options.screenshot({ path: screenshotPath('insights-dark-en.png'), fullPage: true });
  await options.evaluate(() => localStorage.removeItem('paynudge.locale'));
  await options.close();
});
