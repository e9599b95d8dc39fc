import { expect, test, type Page } from '@playwright/test';
import { TAOBAO_TP_URLS } from '../fixtures/taobao/routes.mjs';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';
import { openPanelFor, openSellerPage, usePlatformSuite } from '../support/platform-flow';
import { pageBody, routeFor } from '../support/harness.mjs';

// A page we cannot read must never change what we stored: the seller's unpaid
// list read good, then the same tab re-rendered in markup nothing reads (a
// redeploy), then good again. No order may become paid, no buyer returning.

const suite = usePlatformSuite();

interface Stored {
  unpaid: string[];
  gone: string[];
  credited: string[];
}

/** What the extension's database holds, read from an extension page (the test reads; only the background writes). */
async function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((done, fail) => {
        const open = indexedDB.open('paynudge');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['orders', 'buyers']);
          const result: Stored = { unpaid: [], gone: [], credited: [] };
          tx.objectStore('orders').getAll().onsuccess = (e) => {
            for (const o of (e.target as IDBRequest<Array<{ orderId: string; status: string; statusSource: string }>>).result) {
              if (o.status === 'unpaid') result.unpaid.push(o.orderId);
              if (o.statusSource === 'disappeared') result.gone.push(o.orderId);
            }
          };
          tx.objectStore('buyers').getAll().onsuccess = (e) => {
            for (const b of (e.target as IDBRequest<Array<{ key: string; paidOrderKeys: string[] }>>).result) if (b.paidOrderKeys.length > 0) result.credited.push(b.key);
          };
          tx.oncomplete = () => {
            db.close();
            result.unpaid.sort();
            done(result);
          };
        };
      }),
  );
}

/** Re-renders the tab's body with another fixture page's body at the same URL, as a single-page app does after a redeploy. */
async function rerender(page: Page, html: string): Promise<void> {
  await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  }, html);
}

/** A fixture page's HTML as the harness serves it, without opening it (an open page would be read and warned about). */
async function fixtureHtml(url: string): Promise<string> {
  const route = routeFor(url);
  if (!route) throw new Error(`no fixture for ${url}`);
  return pageBody(route);
}

const CASES = [
  { name: 'Taobao trade platform', platform: 'taobao', good: TAOBAO_TP_URLS.unpaid, broken: TAOBAO_TP_URLS.broken },
  { name: 'Pinduoduo', platform: 'pdd', good: PDD_URLS.unpaid, broken: PDD_URLS.broken },
];

for (const { name, platform, good, broken } of CASES) {
  test(`${name}: good → broken → good keeps every unpaid order unpaid and credits no buyer`, async () => {
    const goodHtml = await fixtureHtml(good);
    const brokenHtml = await fixtureHtml(broken);
    const { page } = await openSellerPage(suite, good);
    const panel = await openPanelFor(suite, good);
    const rows = panel.locator(`[data-testid="order-row"][data-platform="${platform}"]`);
    await expect(rows).not.toHaveCount(0, { timeout: 2_000 });
    const before = await stored(panel);
    expect(before.unpaid.length).toBeGreaterThan(1);
    const count = await rows.count();
    const warnings = panel.locator(`[data-testid="health-warning"][data-platform="${platform}"]`);
    await expect(warnings).toHaveCount(0);

    await rerender(page, brokenHtml);
    // The page's read reaches the background and the panel reacts (a warning, or the structural reader's notice).
    await expect(warnings).toHaveCount(1, { timeout: 3_000 });
    const during = await stored(panel);
    expect(during.unpaid).toEqual(expect.arrayContaining(before.unpaid));
    expect(during.gone).toEqual([]);
    expect(during.credited).toEqual([]);
    await expect(rows).toHaveCount(count);

    const popup = await suite.context.newPage();
    await popup.goto(suite.extensionUrl('popup.html'));
    await expect(popup.getByTestId('unpaid-count')).toHaveText(String(during.unpaid.length));
    await popup.close();

    await rerender(page, goodHtml);
    await expect(rows).toHaveCount(count, { timeout: 2_000 });
    const after = await stored(panel);
    expect(after.unpaid).toEqual(before.unpaid);
    expect(after.gone).toEqual([]);
    expect(after.credited).toEqual([]);
    await panel.close();
    await page.close();
  });
}

// Ways the seller narrows the unpaid tab in the page's filters: each is set, then put back to its default.
const NARROWINGS = [
  {
    name: 'a search for one order number',
    form: '<label>订单号 <input type="text" name="sn"></label>',
    set: (form: HTMLFormElement, id: string) => void (form.querySelector('input')!.value = id),
    clear: (form: HTMLFormElement) => void (form.querySelector('input')!.value = ''),
  },
  {
    name: 'a shipping method chosen in a drop-down',
    form: '<label>发货方式 <select><option>全部</option><option>快递</option><option>无需物流</option></select></label>',
    set: (form: HTMLFormElement) => void (form.querySelector('select')!.selectedIndex = 1),
    clear: (form: HTMLFormElement) => void (form.querySelector('select')!.selectedIndex = 0),
  },
  {
    name: 'a ticked "only orders with notes" box',
    form: '<label><input type="checkbox"> 仅看有备注</label>',
    set: (form: HTMLFormElement) => void (form.querySelector('input')!.checked = true),
    clear: (form: HTMLFormElement) => void (form.querySelector('input')!.checked = false),
  },
  // Not a filter, but the same promise: a list that shows more of it is still to come says nothing of the rest.
  {
    name: 'a "加载更多" button (the rest still to load)',
    form: '<button type="button">加载更多</button>',
    set: () => undefined,
    clear: (form: HTMLFormElement) => form.querySelector('button')!.remove(),
  },
  {
    name: 'a count "已显示 1 / 5 条" (the rest still to load)',
    form: '<span>已显示 1 / 5 条</span>',
    set: () => undefined,
    clear: (form: HTMLFormElement) => void (form.querySelector('span')!.textContent = '已显示 1 / 1 条'),
  },
];

for (const narrowing of NARROWINGS) {
  test(`Pinduoduo: ${narrowing.name} narrowing the unpaid tab to one order marks no other order paid; put back, the list speaks again`, async () => {
    const { page } = await openSellerPage(suite, PDD_URLS.unpaid);
    const panel = await openPanelFor(suite, PDD_URLS.unpaid);
    const rows = panel.locator('[data-testid="order-row"][data-platform="pdd"]');
    await expect(rows).not.toHaveCount(0, { timeout: 2_000 });
    // This page's orders (other tests of the suite leave theirs in the same profile, some taken for paid when their
    // list showed one order alone: the page's read brings them back, a moment after the panel shows its first row).
    const pdd = (ids: string[]) => ids.filter((id) => /^\d{6}-\d{15}$/.test(id)).sort();
    await expect.poll(async () => pdd((await stored(panel)).unpaid).length, { timeout: 3_000 }).toBeGreaterThan(1);
    const before = await stored(panel);
    const mine = pdd(before.unpaid);
    const kept = mine[0]!;

    // The seller narrows the list in the page's filter form and it re-renders with one order alone.
    await page.evaluate(
      ([html, set, id]) => {
        const form = document.createElement('form');
        form.innerHTML = html;
        document.body.prepend(form);
        new Function('form', 'id', `(${set})(form, id)`)(form, id);
        for (const block of document.querySelectorAll('[data-fixture-order]')) if (block.getAttribute('data-fixture-order') !== id) block.remove();
      },
      [narrowing.form, narrowing.set.toString(), kept] as const,
    );
    // Reads are debounced by 250 ms and sent at once: well past both, nothing may have changed.
    await page.waitForTimeout(1_500);
    const during = await stored(panel);
    expect(pdd(during.unpaid)).toEqual(mine);
    expect(pdd(during.gone)).toEqual([]);
    expect(during.credited).toEqual(before.credited);

    // The filter put back to its default, the same one-order list is the whole tab: the orders it no longer shows have
    // left it (paid), and the tab counts the one left.
    await page.evaluate((clear) => {
      new Function('form', `(${clear})(form)`)(document.querySelector('form'));
      const count = document.querySelector('[role="tab"][aria-selected="true"] em');
      if (count) count.textContent = String(document.querySelectorAll('[data-fixture-order]').length);
      document.body.append(document.createElement('span'));
    }, narrowing.clear.toString());
    await expect.poll(async () => pdd((await stored(panel)).gone), { timeout: 3_000 }).toEqual(mine.filter((id) => id !== kept));
    await panel.close();
    await page.close();
  });
}
