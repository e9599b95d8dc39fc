import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf, URLS } from '../support/harness.mjs';

// The whole foundation slice, the way a seller walks it: open the unpaid
// tab of 已卖出的宝贝, open a buyer's chat, pick a suggestion in the panel,
// insert it, log the outcome, check the popup, watch a paid order leave.

const NICK_WITH_HTML = `tb_<img src=x onerror=alert(1)>&"小美'`;
const CHAT_BUYER = '快乐的小熊';

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;
let blocked: string[];
const extensionRequests: string[] = [];

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension());
  ({ blocked } = await routeSellerPages(context));
  // Every request any extension context makes (panel, popup, worker).
  context.on('request', (request) => {
    const frameUrl = safeFrameUrl(request.frame.bind(request));
    if (request.serviceWorker() || frameUrl.startsWith('chrome-extension://')) {
      if (!request.url().startsWith('chrome-extension://')) extensionRequests.push(request.url());
    }
  });
});

test.afterAll(async () => {
  await context?.close();
});

function safeFrameUrl(frame: () => { url(): string }): string {
  try {
    return frame().url();
  } catch {
    return '';
  }
}

/** The toolbar badge as Chrome shows it. */
function badgeText(): Promise<string> {
  return worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } };
    return chrome.action.getBadgeText({});
  });
}

/** What the badge should say: the orders the panel marks "remind now" or "follow up now". */
async function actNowBadge(panel: Page): Promise<string> {
  const n = await panel.locator('[data-testid="order-row"][data-remind="now"], [data-testid="order-row"][data-remind="followup"]').count();
  return n > 999 ? '999+' : n > 0 ? String(n) : '';
}

/** Reads the clipboard the way a person would see it: from a web page (extension origins cannot be granted the permission). */
async function readClipboard(): Promise<string> {
  const origin = new URL(URLS.taobaoChat).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(URLS.taobaoChat);
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));
  return panel;
}

test('unpaid orders flow from the sold-items page to the chat box, the log and the popup', async () => {
  const dialogs: string[] = [];
  const list = await context.newPage();
  list.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await list.goto(URLS.taobaoUnpaid);

  const chat = await context.newPage();
  await chat.goto(URLS.taobaoChat);
  // The person has already started typing to the buyer; the caret is at the end.
  const composer = chat.locator('textarea.im-editor');
  await composer.click();
  await composer.pressSequentially('在吗？');
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', '在吗？');

  const chatTabId = await tabIdOf(worker, URLS.taobaoChat);
  expect(chatTabId).toBeGreaterThanOrEqual(0);
  const panel = await openPanel(chatTabId!);

  // Orders appear, with exact ids, buyer text and money.
  const rows = panel.getByTestId('order-row');
  await expect(rows).toHaveCount(4, { timeout: 2_000 });
  const big = panel.locator('[data-testid="order-row"][data-order-id="3398752046183927614"]');
  await expect(big).toHaveAttribute('data-platform', 'taobao');
  await expect(big).toHaveAttribute('data-buyer', NICK_WITH_HTML);
  await expect(big).toHaveAttribute('data-amount-minor', '128000');
  await expect(big).toHaveAttribute('data-due-minor', '128000');
  await expect(big).toHaveAttribute('data-currency', 'CNY');
  await expect(big).toContainText(NICK_WITH_HTML);
  // Paid and closed orders on the page never show up.
  await expect(panel.locator('[data-order-id="2469981120044301175"]')).toHaveCount(0);

  // The buyer of the open conversation comes first.
  await expect(rows.first()).toHaveAttribute('data-buyer', CHAT_BUYER);
  await rows.first().click();
  const suggestions = panel.getByTestId('suggestion');
  await expect(suggestions.nth(2)).toBeVisible();
  expect(await suggestions.count()).toBeGreaterThanOrEqual(3);
  const texts = await panel.getByTestId('suggestion-text').allTextContents();
  for (const text of texts) expect(text).not.toContain('{{');
  expect(texts.join('\n')).toContain('纯棉儿童睡衣套装');

  // Insert: the page's React state holds the text after what was typed; nothing is sent.
  const chosen = texts[0]!;
  await suggestions.first().getByTestId('insert-button').click();
  await expect(panel.getByTestId('toast')).toContainText('已填入聊天框');
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', `在吗？${chosen}`);
  await expect(composer).toHaveValue(`在吗？${chosen}`);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');

  // The insertion is logged; the person sets the outcome and a note.
  const attempt = panel.getByTestId('attempt-row');
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toContainText(chosen);
  await attempt.getByTestId('attempt-outcome').selectOption('promised');
  await expect(attempt).toHaveAttribute('data-outcome', 'promised');
  await attempt.getByTestId('attempt-note').fill('说晚上发工资后付');
  await attempt.getByTestId('attempt-note-save').click();
  await expect(attempt.getByTestId('attempt-note-save')).toHaveText('已保存');

  // Stored, not just shown: a fresh panel reads it back.
  await panel.reload();
  await panel.locator(`[data-testid="order-row"][data-buyer="${CHAT_BUYER}"]`).click();
  await expect(panel.getByTestId('attempt-row')).toHaveAttribute('data-outcome', 'promised');
  await expect(panel.getByTestId('attempt-note')).toHaveValue('说晚上发工资后付');
  await expect(panel.locator(`[data-testid="order-row"][data-buyer="${CHAT_BUYER}"]`)).toContainText('已联系1次');

  // A phone call made outside the panel is logged by hand, newest first.
  const manual = panel.getByTestId('manual-attempt');
  await manual.getByLabel('渠道').selectOption('phone');
  await manual.getByLabel('结果').selectOption('replied');
  await manual.getByLabel('备注').fill('电话沟通，说今晚付');
  await manual.getByRole('button').click();
  await expect(panel.getByTestId('attempt-row')).toHaveCount(2);
  await expect(panel.getByTestId('attempt-row').first()).toHaveAttribute('data-outcome', 'replied');
  await expect(panel.getByTestId('attempt-row').first()).toContainText('电话');
  await expect(panel.getByTestId('attempt-row').first().getByTestId('attempt-note')).toHaveValue('电话沟通，说今晚付');

  // Popup: count and total per currency.
  const popup = await context.newPage();
  await popup.goto(extensionUrl('popup.html'));
  await expect(popup.getByTestId('unpaid-count')).toHaveText('4');
  await expect(popup.getByTestId('unpaid-total')).toHaveText(['¥3,669.00']);
  // The badge counts the orders to act on now (the buyer just reminded waits a day).
  await expect(panel.locator(`[data-testid="order-row"][data-buyer="${CHAT_BUYER}"]`)).not.toHaveAttribute('data-remind', 'now');
  await expect.poll(async () => (await badgeText()) === (await actNowBadge(panel))).toBe(true);
  await popup.screenshot({ path: 'test-results/popup.png' });

  // The buyer pays: the page's SPA drops the order from the unpaid tab.
  await list.evaluate(() => (window as unknown as { __fixture: { remove(id: string): void } }).__fixture.remove('2472205561098834410'));
  await expect(panel.locator('[data-order-id="2472205561098834410"]')).toHaveCount(0, { timeout: 2_000 });
  await expect(rows).toHaveCount(3);
  await expect(popup.getByTestId('unpaid-count')).toHaveText('3');
  await expect(popup.getByTestId('unpaid-total')).toHaveText(['¥1,470.00']);
  await expect.poll(async () => (await badgeText()) === (await actNowBadge(panel))).toBe(true);

  // Or the page re-renders it as paid in place.
  await list.evaluate(() => (window as unknown as { __fixture: { setStatus(id: string, s: string): void } }).__fixture.setStatus('2470011239875561022', '买家已付款'));
  await expect(panel.locator('[data-order-id="2470011239875561022"]')).toHaveCount(0, { timeout: 2_000 });

  await panel.locator('[data-order-id="3398752046183927614"]').click();
  await panel.screenshot({ path: 'test-results/panel.png', fullPage: true });

  // Hostile page text stayed text: no script from a buyer nick ran anywhere.
  expect(dialogs).toEqual([]);
  await chat.close();
  await list.close();
  await popup.close();
  await panel.close();
});

test('with no chat box on the bound tab, the suggestion is copied and the copy is logged', async () => {
  const list = await context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const tabId = await tabIdOf(worker, URLS.taobaoUnpaid);
  const panel = await openPanel(tabId!);
  const row = panel.locator('[data-testid="order-row"][data-order-id="3398752046183927614"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  // Orders on the bound tab are tagged as such.
  await expect(row).toContainText('本页');
  await row.click();
  const text = await panel.getByTestId('suggestion-text').first().textContent();
  await panel.getByTestId('suggestion').first().getByTestId('insert-button').click();
  await expect(panel.getByTestId('toast')).toContainText('没找到聊天框');
  await expect(panel.getByTestId('attempt-row')).toHaveCount(1);
  expect(await readClipboard()).toBe(text);

  // The copy button copies another suggestion exactly, and logs that too.
  const second = await panel.getByTestId('suggestion-text').nth(1).textContent();
  await panel.getByTestId('suggestion').nth(1).getByTestId('copy-button').click();
  await expect(panel.getByTestId('attempt-row')).toHaveCount(2);
  expect(await readClipboard()).toBe(second);
  await panel.close();
  await list.close();
});

test('the popup button opens the side panel', async () => {
  const sidePanels = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<unknown[]> } } };
      return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
    });
  expect(await sidePanels()).toBe(0);
  const popup = await context.newPage();
  await popup.goto(extensionUrl('popup.html'));
  await expect(popup.getByTestId('unpaid-count')).toHaveText(/^\d+$/);
  await popup.getByTestId('open-panel').click();
  await expect.poll(sidePanels).toBe(1);
});

test('the extension made no network request of its own', async () => {
  expect(extensionRequests).toEqual([]);
  // Pages only ever asked for the routed seller URLs.
  expect(blocked).toEqual([]);
});
