import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectRows, openPanelFor, openSellerPage, orderRow, usePlatformSuite } from '../support/platform-flow';
import { UNREAD_AS_WRITTEN } from '../drift/unread-as-written';

// The order lists written blind (test/fixtures/unseen, see test/drift/unseen-suite.ts), each served at its real
// seller URL in real Chromium: the content script reads it, and the panel shows each unpaid order with its writer's
// buyer and exact total, and none of the page's paid or closed orders.

interface UnseenPage {
  url: string;
  platform: string;
  orders: Array<{ orderId: string; currency: string; minor: number; buyer: string; status: string }>;
}

const DIR = resolve(import.meta.dirname, '../fixtures/unseen');
const PAGES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), page: JSON.parse(readFileSync(resolve(DIR, f), 'utf8')) as UnseenPage, body: readFileSync(resolve(DIR, f.replace(/\.json$/, '.html')), 'utf8') }));

const suite = usePlatformSuite();

/**
 * The panel beside `url`, a side panel's width and tall enough to draw every order of one page: the queue draws only
 * the rows in view (118 px each, and 8 more), and the tab's orders come first. A side panel's usual 900 px drew 14,
 * so a page of 15 unpaid orders had its lowest-ranked one undrawn, and a paid order read as unpaid could have hidden
 * below them.
 */
async function tallPanel(url: string) {
  const panel = await openPanelFor(suite, url, { narrow: true });
  await panel.setViewportSize({ width: 400, height: 3600 });
  return panel;
}

test('the pages written blind are all here, at least two per platform', () => {
  for (const platform of ['alibaba', 'aliexpress', 'pdd', 'shopee', 'taobao', 'tiktok']) expect(PAGES.filter((p) => p.page.platform === platform).length, platform).toBeGreaterThanOrEqual(2);
});

for (const { name, page, body } of PAGES.filter((p) => UNREAD_AS_WRITTEN.includes(p.name))) {
  test(`${page.platform}: ${name} (not read as written), the panel shows no order wrong and says what it left out`, async () => {
    await suite.context.route(page.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    const { page: list, dialogs } = await openSellerPage(suite, page.url);
    const panel = await tallPanel(page.url);
    // This page's warning: another page of the platform read short earlier in the run may still be listed as another
    // tab's, recent.
    const warning = panel.locator(`[data-testid="health-warning"][data-platform="${page.platform}"][data-tab="this"]`);
    const rows = panel.locator(`[data-testid="order-row"][data-platform="${page.platform}"]`);
    // The read arrives: a row, or the warning that the page reads short.
    await expect.poll(async () => (await warning.count()) + (await rows.count()), { timeout: 5_000 }).toBeGreaterThan(0);
    await panel.waitForTimeout(500);
    // What it shows of the page, it shows exactly; none of the page's paid or closed orders; an unpaid order it leaves
    // out, it says it left out.
    const unpaid = page.orders.filter((o) => o.status === 'unpaid');
    const shown = [];
    for (const o of unpaid) if ((await orderRow(panel, o.orderId).count()) > 0) shown.push(o);
    if (shown.length < unpaid.length) await expect(warning).toHaveCount(1);
    // A name read in another Unicode form of the same characters ("６６６" as "666") is a miss, not a wrong name (see
    // differences in unseen-suite.ts).
    await expectRows(panel, page.platform, shown.map((o) => [o.orderId, o.buyer, String(o.minor), o.currency] as const), 'NFKC');
    for (const other of page.orders.filter((o) => o.status !== 'unpaid')) await expect(orderRow(panel, other.orderId)).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await panel.close();
    await list.close();
  });
}

for (const { name, page, body } of PAGES.filter((p) => !UNREAD_AS_WRITTEN.includes(p.name))) {
  test(`${page.platform}: ${name}, the panel shows each unpaid order exactly and no other`, async () => {
    await suite.context.route(page.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    const { page: list, dialogs } = await openSellerPage(suite, page.url);
    const panel = await tallPanel(page.url);
    const unpaid = page.orders.filter((o) => o.status === 'unpaid');
    expect(unpaid.length).toBeGreaterThan(0);
    await expect(orderRow(panel, unpaid[0]!.orderId)).toHaveCount(1, { timeout: 5_000 });
    // A name composed or decomposed ("Zoë") is the same name.
    await expectRows(panel, page.platform, unpaid.map((o) => [o.orderId, o.buyer, String(o.minor), o.currency] as const), 'NFC');
    for (const other of page.orders.filter((o) => o.status !== 'unpaid')) await expect(orderRow(panel, other.orderId)).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await panel.close();
    await list.close();
  });
}
