import { expect, test, type Page } from '@playwright/test';
import { URLS } from '../support/harness.mjs';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';
import { openPanelFor, openSellerPage, orderRow, usePlatformSuite } from '../support/platform-flow';

// A change inside one order of a live list rereads that order alone
// (lib/platforms/reread.ts): the panel must still show what the page shows
// now, on a list grown to 100 orders, edit after edit, and a row added after
// them (a change outside every order) is read too.

const suite = usePlatformSuite();

/** Grows the page's order list to `target` orders by copying its own orders with fresh numbers (the last digits change). */
async function grow(page: Page, target: number): Promise<void> {
  await page.evaluate((target) => {
    const blocks = [...document.querySelectorAll('[data-fixture-order]')].filter((el) => !el.parentElement?.closest('[data-fixture-order]'));
    const last = blocks.at(-1)!;
    let at: Element = last;
    for (let i = blocks.length; i < target; i++) {
      const source = blocks[i % blocks.length]!;
      const id = source.getAttribute('data-fixture-order')!;
      const fresh = id.slice(0, -6) + String(i).padStart(6, '0');
      const clone = source.cloneNode(true) as Element;
      const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n: Node | null = clone; n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE) n.nodeValue = n.nodeValue!.split(id).join(fresh);
        else for (const attr of (n as Element).attributes) attr.value = attr.value.split(id).join(fresh);
      }
      at.after(clone);
      at = clone;
    }
  }, target);
}

/** Shows one order's total one unit higher wherever its block shows it, as the page's own script would re-render it. */
async function raiseTotal(page: Page, orderId: string, minor: number): Promise<void> {
  const changed = await page.evaluate(
    ({ orderId, minor }) => {
      // As the page writes amounts: "1,280.00", or "63.90".
      const shown = (m: number) => (m / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      let count = 0;
      for (const block of document.querySelectorAll(`[data-fixture-order="${orderId}"]`)) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.nodeValue!.includes(shown(minor))) continue;
          n.nodeValue = n.nodeValue!.split(shown(minor)).join(shown(minor + 100));
          count += 1;
        }
      }
      return count;
    },
    { orderId, minor },
  );
  expect(changed, `the page shows ${orderId}'s total`).toBeGreaterThan(0);
}

const CASES = [
  { name: 'Taobao sold items', platform: 'taobao', url: URLS.taobaoUnpaid },
  { name: 'Pinduoduo', platform: 'pdd', url: PDD_URLS.unpaid },
];

for (const { name, platform, url } of CASES) {
  test(`${name}: an order's total edited on a live 100-order list shows in the panel, edit after edit`, async () => {
    test.setTimeout(120_000);
    const { page } = await openSellerPage(suite, url);
    // Both platforms' lists together stay under the panel's 300-row window: every row is in the DOM.
    await grow(page, 100);
    const panel = await openPanelFor(suite, url);
    const rows = panel.locator(`[data-testid="order-row"][data-platform="${platform}"]`);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(100);
    const ids = await page.evaluate(() => [...new Set([...document.querySelectorAll('[data-fixture-order]')].map((el) => el.getAttribute('data-fixture-order')!))]);
    const edited = [ids[0]!, ids[60]!, ids[60]!];
    for (const id of edited) {
      const row = orderRow(panel, id);
      await expect(row).toHaveCount(1, { timeout: 10_000 });
      const minor = Number(await row.getAttribute('data-amount-minor'));
      await raiseTotal(page, id, minor);
      await expect(row).toHaveAttribute('data-amount-minor', String(minor + 100), { timeout: 10_000 });
    }
    // A row added after the edits: a change outside every order, read in full.
    await grow(page, 101);
    const newest = await page.evaluate(() => [...document.querySelectorAll('[data-fixture-order]')].at(-1)!.getAttribute('data-fixture-order')!);
    await expect(orderRow(panel, newest)).toHaveCount(1, { timeout: 10_000 });
    await panel.close();
    await page.close();
  });
}
