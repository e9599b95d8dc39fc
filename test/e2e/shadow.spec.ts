import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { renderFixture } from '../support/fixtures.mjs';
import { expectRows, openPanelFor, openSellerPage, orderRow, teachFromWarning, usePlatformSuite, type ExpectedRow } from '../support/platform-flow';
import { variantOf, type VariantName } from '../drift/variants';

// A seller back-office built as a micro-frontend that isolates its styles
// mounts its whole app in an open shadow root: the page's own tree holds only
// the host element. Served at the real seller URL, Chromium's HTML parser
// attaches the root (declarative shadow DOM), as the app's own script would.
// The panel must show the list's unpaid orders exactly, follow changes made
// inside the root, and insert into a composer the person focused inside it.

const suite = usePlatformSuite();

const window = new Window();
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function shadowPage(platform: string, file: string, first: VariantName, rows: readonly ExpectedRow[]): string {
  const html = renderFixture(readFileSync(resolve(import.meta.dirname, '../fixtures', platform, file), 'utf8'), Date.now());
  const facts = { nicks: rows.map((row) => row[1]) };
  // Renamed before it moves into the root: the renaming works on the page's own tree.
  const before = first === 'shadowRoot' ? html : variantOf(html, parse, first, facts).html;
  const page = variantOf(before, parse, 'shadowRoot', facts).html;
  expect(page).toMatch(/<body>\s*<div id="app-\w+"><template shadowrootmode="open">/);
  return page;
}

/** What the page's own tree shows, outside every shadow root. */
const lightText = () => document.body.textContent ?? '';

const TAOBAO: readonly ExpectedRow[] = [
  ['3912830471625580441', 'tb_<svg onload=alert(1)>"&\'买家', '12800', 'CNY'],
  ['3912830471625580552', '阳光小铺的老客', '130650', 'CNY'],
  ['3912830471625580663', 'Lily🌷', '3990', 'CNY'],
];
const TIKTOK: readonly ExpectedRow[] = [
  ['576880912345678901', '<img src=x onerror=alert(1)>', '4797', 'USD'],
  ['5768801277340025519', 'جميلة 🌙', '1500', 'USD'],
];

test('taobao: the order list inside a shadow root is read, followed and written into', async () => {
  const url = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&shadow=1';
  const body = shadowPage('taobao', 'trade-platform-unpaid.html', 'shadowRoot', TAOBAO);
  await suite.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  const { page: list, dialogs } = await openSellerPage(suite, url);
  // The browser attached the root: nothing of the list is in the page's own tree.
  expect(await list.evaluate(() => !!document.querySelector('[id^="app-"]')?.shadowRoot)).toBe(true);
  expect(await list.evaluate(lightText)).not.toContain(TAOBAO[0]![0]);
  const panel = await openPanelFor(suite, url, { narrow: true });
  await expect(orderRow(panel, TAOBAO[0]![0])).toHaveCount(1, { timeout: 5_000 });
  await expectRows(panel, 'taobao', TAOBAO);
  // The adapter's own selectors still match inside the root: no warning.
  await expect(panel.locator('[data-testid="health-warning"][data-platform="taobao"]')).toHaveCount(0);

  // A change inside the root is seen: the buyer of the last order pays, and the list shows it so.
  const paid = TAOBAO[2]![0];
  await list.evaluate((id) => {
    const root = document.querySelector('[id^="app-"]')!.shadowRoot!;
    for (const block of root.querySelectorAll(`[data-fixture-order="${id}"]`)) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.includes('等待买家付款')) node.nodeValue = node.nodeValue.replace('等待买家付款', '买家已付款');
    }
  }, paid);
  await expect(orderRow(panel, paid)).toHaveCount(0, { timeout: 5_000 });
  await expect(orderRow(panel, TAOBAO[0]![0])).toHaveCount(1);

  // A chat box inside the root, focused by the person: the suggestion goes there, and nothing is sent.
  await list.evaluate(() => {
    const root = document.querySelector('[id^="app-"]')!.shadowRoot!;
    const box = document.createElement('div');
    const field = Object.assign(document.createElement('textarea'), { id: 'shadow-composer', rows: 3 });
    const send = Object.assign(document.createElement('button'), { textContent: '发送' });
    let sent = 0;
    send.addEventListener('click', () => (sent += 1, send.setAttribute('data-sent', String(sent))));
    box.append(field, send);
    root.querySelector('#root')!.append(box);
  });
  await list.locator('#shadow-composer').click();
  await orderRow(panel, TAOBAO[0]![0]).click();
  const first = panel.getByTestId('suggestion').first();
  const text = (await first.getByTestId('suggestion-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await first.getByTestId('insert-button').click();
  await expect(list.locator('#shadow-composer')).toHaveValue(text);
  await expect(list.locator('#shadow-composer ~ button')).not.toHaveAttribute('data-sent');
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});

test('tiktok: a renamed order list inside a shadow root is read by its structure, and the banner says so', async () => {
  const url = 'https://seller-us.tiktok.com/order?tab=all&shadow=1';
  const body = shadowPage('tiktok', 'order-list-us.html', 'renamed', TIKTOK);
  await suite.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  const { page: list, dialogs } = await openSellerPage(suite, url);
  expect(await list.evaluate(lightText)).not.toContain(TIKTOK[0]![0]);
  const panel = await openPanelFor(suite, url, { narrow: true });
  await expect(orderRow(panel, TIKTOK[0]![0])).toHaveCount(1, { timeout: 5_000 });
  await expectRows(panel, 'tiktok', TIKTOK);
  const notice = panel.locator('[data-testid="health-warning"][data-platform="tiktok"][data-kind="degraded"]').first();
  await expect(notice).toHaveAttribute('data-read-path', 'structure');
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});

test('taobao: a list inside a shadow root that nothing reads is taught by pointing, and read from then on', async () => {
  const url = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&source=teach-shadow';
  const body = shadowPage('taobao', 'trade-platform-unknown.html', 'shadowRoot', TAOBAO);
  await suite.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  const { page: list, dialogs } = await openSellerPage(suite, url);
  const panel = await openPanelFor(suite, url, { narrow: true });
  // No reader knows this markup: the banner offers teaching. The person clicks the order's number, total and buyer
  // inside the root; the picker takes each click there.
  const card = '[data-fixture-order="3912830471625580663"]';
  await teachFromWarning(panel, list, { orderId: `${card} .ord-k3--no--3Bb4c`, total: `${card} .ord-k3--sum--8Gg9h`, buyer: `${card} .ord-k3--nick--0Ii1j` }, 3);
  await expect(orderRow(panel, TAOBAO[0]![0])).toHaveCount(1, { timeout: 5_000 });
  await expectRows(panel, 'taobao', TAOBAO);
  // Read from then on: after a reload the recipe reads the root again.
  await list.reload();
  await expect(orderRow(panel, TAOBAO[2]![0])).toHaveCount(1, { timeout: 5_000 });
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});
