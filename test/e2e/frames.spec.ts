import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../support/fixtures.mjs';
import { openPanelFor, openSellerPage, orderRow, teachFromWarning, usePlatformSuite } from '../support/platform-flow';
import { stopServiceWorker } from '../support/stop-worker';

// Seller back-offices show some panes in an iframe served by another of their
// hosts: here the Qianniu workbench on myseller.taobao.com around a list from
// trade.taobao.com. The shell's script cannot look into such a frame, so the
// script in the frame reads it, and the background asks that frame the tab's
// questions: which orders the tab shows, where to insert, what to teach.

const suite = usePlatformSuite();

const fixture = (file: string) => renderFixture(readFileSync(resolve(import.meta.dirname, '../fixtures/taobao', file), 'utf8'), Date.now());

/** The workbench shell with `src` in its iframe (another host than the shell's own). */
function shell(src: string): string {
  const html = fixture('workbench-frame.html');
  const out = html.replace(/<iframe id="qn-app-frame"([^>]*) src="[^"]*"/, `<iframe id="qn-app-frame"$1 src="${src.replaceAll('&', '&amp;')}"`);
  expect(out).not.toBe(html);
  return out;
}

async function serve(url: string, body: string) {
  await suite.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
}

const SOLD = ['2470011239875561022', '2471093385512748201', '2472205561098834410', '3398752046183927614'];

/** The list's frame in the shell page, and the origin its document has. */
async function frameOf(page: Page) {
  const frame = page.frameLocator('#qn-app-frame');
  await expect(frame.locator('[data-fixture-order]').first()).toBeVisible();
  return frame;
}

test('a list in a frame of another seller host is read, marked as this tab’s, followed, and written into', async () => {
  const src = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay&frame=qn';
  const url = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/?frame=cross';
  await serve(src, fixture('sold-items-unpaid.html'));
  await serve(url, shell(src));
  const { page, dialogs } = await openSellerPage(suite, url);
  const frame = await frameOf(page);
  // The shell cannot see into the frame: its own script has nothing to read.
  expect(await page.evaluate(() => { try { return (document.querySelector('iframe') as HTMLIFrameElement).contentDocument; } catch { return 'threw'; } })).toBeNull();

  const panel = await openPanelFor(suite, url, { narrow: true });
  for (const id of SOLD) await expect(orderRow(panel, id)).toHaveCount(1, { timeout: 5_000 });
  // The frame's orders are this tab's: the panel marks them so, and names the tab's platform.
  for (const id of SOLD) await expect(orderRow(panel, id).locator('.tag.here')).toHaveCount(1, { timeout: 5_000 });
  await expect(panel.getByTestId('bound-tab')).toContainText('淘宝');
  await expect(panel.locator('[data-testid="health-warning"]')).toHaveCount(0);

  // The frame's page marks an order paid in place: the panel follows.
  await frame.locator('body').evaluate(() => (window as unknown as { __fixture: { setStatus(id: string, s: string): void } }).__fixture.setStatus('2470011239875561022', '买家已付款'));
  await expect(orderRow(panel, '2470011239875561022')).toHaveCount(0, { timeout: 5_000 });

  // A chat box in the frame, clicked into by the person: the suggestion lands there once, and nothing is sent.
  await frame.locator('body').evaluate(() => {
    const field = Object.assign(document.createElement('textarea'), { id: 'frame-composer', rows: 3 });
    const send = Object.assign(document.createElement('button'), { textContent: '发送', id: 'frame-send' });
    send.addEventListener('click', () => send.setAttribute('data-sent', '1'));
    document.body.prepend(field, send);
  });
  await frame.locator('#frame-composer').click();
  await orderRow(panel, SOLD[1]!).click();
  const first = panel.getByTestId('suggestion').first();
  const text = (await first.getByTestId('suggestion-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await first.getByTestId('insert-button').click();
  await expect(frame.locator('#frame-composer')).toHaveValue(text);
  await expect(frame.locator('#frame-send')).not.toHaveAttribute('data-sent');
  // Logged once, as inserted.
  await expect(panel.getByTestId('attempt-row')).toHaveCount(1);

  // Chrome stops the idle worker; the frame's list has not changed since, so it reports nothing new. The woken
  // worker still finds the frame: its orders stay this tab's, and the next suggestion lands in the frame's box.
  await frame.locator('#frame-composer').fill('');
  await stopServiceWorker(suite.context, panel);
  await panel.reload();
  for (const id of SOLD.slice(1)) await expect(orderRow(panel, id).locator('.tag.here')).toHaveCount(1, { timeout: 5_000 });
  await frame.locator('#frame-composer').click();
  await orderRow(panel, SOLD[2]!).click();
  const again = panel.getByTestId('suggestion').first();
  const next = (await again.getByTestId('suggestion-text').textContent()) ?? '';
  await again.getByTestId('insert-button').click();
  await expect(frame.locator('#frame-composer')).toHaveValue(next);
  await expect(frame.locator('#frame-send')).not.toHaveAttribute('data-sent');
  expect(dialogs).toEqual([]);
  await panel.close();
  await page.close();
});

test('a list in a frame of another seller host that nothing reads is taught by pointing inside the frame', async () => {
  const src = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay&frame=teach';
  const url = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/?frame=teach';
  await serve(src, fixture('trade-platform-unknown.html'));
  await serve(url, shell(src));
  const { page, dialogs } = await openSellerPage(suite, url);
  const frame = await frameOf(page);
  const panel = await openPanelFor(suite, url, { narrow: true });
  const card = '[data-fixture-order="3912830471625580663"]';
  await teachFromWarning(panel, frame, { orderId: `${card} .ord-k3--no--3Bb4c`, total: `${card} .ord-k3--sum--8Gg9h`, buyer: `${card} .ord-k3--nick--0Ii1j` }, 3);
  for (const id of ['3912830471625580441', '3912830471625580552', '3912830471625580663']) await expect(orderRow(panel, id)).toHaveCount(1, { timeout: 5_000 });
  await expect(orderRow(panel, '3912830471625580552')).toHaveAttribute('data-amount-minor', '130650');
  // The frame's page was never clicked: the picker took every click.
  expect(dialogs).toEqual([]);
  await panel.close();
  await page.close();
});

test('a chat opened later in a frame that shows no order list gets the suggestion, once, and nothing is sent', async () => {
  const src = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay&frame=chat';
  const url = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/?frame=chat';
  const chat = 'https://qn.taobao.com/im/chat.htm?buyer=later';
  await serve(src, fixture('sold-items-unpaid.html'));
  await serve(url, shell(src));
  // The workbench's chat pane: a composer and a send button, no order list.
  await serve(
    chat,
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>千牛 接待中心</title></head><body><main><p>正在接待</p><textarea id="chat-composer" rows="3"></textarea><button id="chat-send">发送</button></main>' +
      '<script>document.getElementById("chat-send").addEventListener("click", (e) => e.target.setAttribute("data-sent", "1"));</script></body></html>',
  );
  const { page, dialogs } = await openSellerPage(suite, url);
  await frameOf(page);
  const panel = await openPanelFor(suite, url, { narrow: true });
  for (const id of SOLD) await expect(orderRow(panel, id).locator('.tag.here')).toHaveCount(1, { timeout: 5_000 });

  // The worker knows the tab's frames (the list's reported its read); then the person opens the chat pane.
  await page.evaluate((chatUrl) => {
    const frame = Object.assign(document.createElement('iframe'), { id: 'chat-frame', src: chatUrl });
    frame.style.cssText = 'width:400px;height:200px';
    document.body.append(frame);
  }, chat);
  const chatFrame = page.frameLocator('#chat-frame');
  await chatFrame.locator('#chat-composer').click();
  // An order the first test did not write to (this file's tests share one browser and its data): no attempt yet.
  await orderRow(panel, SOLD[3]!).click();
  await expect(panel.getByTestId('attempt-row')).toHaveCount(0);
  const first = panel.getByTestId('suggestion').first();
  const text = (await first.getByTestId('suggestion-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await first.getByTestId('insert-button').click();
  await expect(chatFrame.locator('#chat-composer')).toHaveValue(text);
  await expect(chatFrame.locator('#chat-send')).not.toHaveAttribute('data-sent');
  // Inserted (not copied for want of a composer), and logged once: the panel has had the insert's answer.
  await expect(panel.getByTestId('toast')).toHaveText(/已填入聊天框|Put in the chat box/);
  await expect(panel.getByTestId('attempt-row')).toHaveCount(1);
  await expect(panel.getByTestId('attempt-row')).toHaveAttribute('data-channel', 'chat');
  expect(dialogs).toEqual([]);
  await panel.close();
  await page.close();
});
