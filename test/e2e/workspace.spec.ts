import { expect, test, type Page } from '@playwright/test';
import { tabIdOf, URLS, screenshotPath } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';

// The reminder desk as an agent uses it: pick a reason and the suggestions
// change, edit one before inserting, log how it went, get reminded when a
// promise runs out, and see quiet hours hold a buyer back.

const CHAT_BUYER = '快乐的小熊';
const COAT_ID = '3398752046183927614';

const suite = usePlatformSuite();

async function openPanel(query: string): Promise<Page> {
  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 400, height: 1100 });
  await panel.goto(suite.extensionUrl(`sidepanel.html?${query}`));
  return panel;
}

/** "YYYY-MM-DDTHH:mm" for a datetime-local input, in the browser's zone, `minutes` from now. */
function localInput(panel: Page, minutes: number): Promise<string> {
  return panel.evaluate((m) => {
    const at = Date.now() + m * 60_000;
    return new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, minutes);
}

async function setCadence(panel: Page, change: (drawer: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await panel.getByTestId('cadence-open').click();
  const drawer = panel.getByTestId('cadence-drawer');
  await expect(drawer).toBeVisible();
  await change(drawer);
  await drawer.getByTestId('cadence-save').click();
  await expect(drawer).toHaveCount(0);
}

test('reason chips change the suggestions; the edited text is what gets inserted; the outcome schedules a follow-up that notifies', async () => {
  const list = await suite.context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const chat = await suite.context.newPage();
  await chat.goto(URLS.taobaoChat);
  const composer = chat.locator('textarea.im-editor');
  await composer.click();
  const chatTabId = await tabIdOf(suite.worker, URLS.taobaoChat);
  const panel = await openPanel(`tabId=${chatTabId}`);

  // No quiet hours and no waiting after the order for this walk-through.
  await setCadence(panel, async (drawer) => {
    await drawer.getByTestId('cadence-quiet').uncheck();
    await drawer.getByTestId('cadence-firstDelayMinutes').fill('0');
  });

  const rows = panel.getByTestId('order-row');
  await expect(rows).toHaveCount(4, { timeout: 2_000 });
  await expect(rows.first()).toHaveAttribute('data-buyer', CHAT_BUYER);
  await expect(rows.first()).toHaveAttribute('data-remind', 'now');
  await expect(rows.first().getByTestId('remind-state')).toContainText('现在催');

  // Keyboard: arrows move through the queue, Enter selects.
  await rows.first().focus();
  await panel.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await panel.keyboard.press('ArrowUp');
  await panel.keyboard.press('Enter');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

  // Suspected reason: one click, new suggestions.
  const texts = panel.getByTestId('suggestion-text');
  await expect(texts.first()).not.toBeEmpty();
  const before = await texts.allTextContents();
  await panel.locator('[data-testid="reason-chip"][data-value="comparing_prices"]').click();
  await expect(panel.locator('[data-testid="reason-chip"][data-value="comparing_prices"]')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => texts.allTextContents()).not.toEqual(before);
  const afterReason = await texts.allTextContents();
  await panel.locator('[data-testid="style-chip"][data-value="playful"]').click();
  await expect.poll(() => texts.allTextContents()).not.toEqual(afterReason);
  for (const text of await texts.allTextContents()) expect(text).not.toContain('{{');

  // Edit before inserting: suggestion-text shows, and the composer gets, the edited text.
  const card = panel.getByTestId('suggestion').first();
  await card.getByTestId('edit-button').click();
  const edited = `${(await card.getByTestId('suggestion-text').textContent())!.slice(0, 12)}……我们今天下午四点前发货，付款后告诉我一声就好。`;
  await card.getByTestId('suggestion-edit').fill(edited);
  await expect(card.getByTestId('suggestion-text')).toHaveText(edited);
  await card.getByTestId('insert-button').click();
  await expect(panel.getByTestId('toast')).toContainText('已填入聊天框');
  await expect(composer).toHaveValue(edited);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', edited);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');

  // Logged with the edited text; the buyer promises to pay by a time → a follow-up alarm.
  const attempt = panel.getByTestId('attempt-row');
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toContainText(edited);
  await attempt.getByTestId('attempt-outcome').selectOption('promised');
  await expect(attempt).toHaveAttribute('data-outcome', 'promised');
  const promisedInput = await localInput(panel, 5);
  await attempt.getByTestId('promised-at').fill(promisedInput);
  await attempt.getByTestId('promised-save').click();
  await expect(panel.getByTestId('followup-current')).toHaveAttribute('data-kind', 'promised');
  await expect(rows.first()).toHaveAttribute('data-remind', 'promised');
  await expect(rows.first().getByTestId('remind-state')).toContainText('承诺');
  const orderKey = `taobao:${await rows.first().getAttribute('data-order-id')}`;
  const alarm = () =>
    suite.worker.evaluate(async (name) => {
      const { chrome } = globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } };
      return (await chrome.alarms.get(name))?.scheduledTime;
    }, `fu:${orderKey}`);
  // Choosing "promised" first schedules the default check; saving the time replaces it. Wait for the saved
  // time itself (read in the panel's zone, as the input is), not whichever of the two is shown first.
  const followAt = await panel.evaluate((value) => new Date(value).getTime(), promisedInput);
  await expect(panel.getByTestId('followup-current')).toHaveAttribute('data-at', String(followAt));
  await expect.poll(alarm).toBe(followAt);

  // The promised time comes (shortened: the person corrects it to two minutes ago) → the alarm fires a notification.
  await attempt.getByTestId('promised-at').fill(await localInput(panel, -2));
  await attempt.getByTestId('promised-save').click();
  const notifications = () =>
    suite.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } };
      return Object.keys(await chrome.notifications.getAll());
    });
  await expect.poll(notifications, { timeout: 10_000 }).toContain(`followup:${orderKey}`);
  await expect(rows.first()).toHaveAttribute('data-remind', 'followup');
  await panel.screenshot({ path: screenshotPath('panel-workspace.png'), fullPage: true });

  // What a notification click leaves behind: a panel opened on that order.
  const hinted = await openPanel(`tabId=${chatTabId}&order=${encodeURIComponent(orderKey)}`);
  await expect(hinted.getByTestId('order-detail')).toBeVisible();
  await expect(hinted.locator(`[data-testid="order-row"][aria-selected="true"]`)).toHaveAttribute('data-buyer', CHAT_BUYER);
  await hinted.close();

  // A phone call: the script and a one-click outcome.
  await panel.getByTestId('channel-picker').selectOption('phone');
  await expect(panel.getByTestId('phone-outcome')).toBeVisible();
  await panel.getByTestId('call-wrong_number').click();
  await expect(attempt).toHaveCount(2);
  await expect(attempt.first()).toHaveAttribute('data-outcome', 'wrong_number');
  await expect(attempt.first()).toHaveAttribute('data-channel', 'phone');
  await panel.close();
  await chat.close();
  await list.close();
});

test('quiet hours hold a buyer back, and the row says until when and why', async () => {
  const list = await suite.context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const tabId = await tabIdOf(suite.worker, URLS.taobaoUnpaid);
  const panel = await openPanel(`tabId=${tabId}`);
  const coat = panel.locator(`[data-testid="order-row"][data-order-id="${COAT_ID}"]`);
  // The default quiet hours (22:00-08:00) would hold it back already at night: off, whatever the hour the test runs.
  await setCadence(panel, (drawer) => drawer.getByTestId('cadence-quiet').uncheck());
  await expect(coat).toHaveAttribute('data-remind', 'now', { timeout: 2_000 });

  // Quiet hours from an hour ago to an hour from now, in the seller's (browser's) zone.
  const [start, end] = await panel.evaluate(() => {
    const hm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    return [hm(new Date(Date.now() - 3_600_000)), hm(new Date(Date.now() + 3_600_000))];
  });
  await setCadence(panel, async (drawer) => {
    await drawer.getByTestId('cadence-quiet').check();
    await drawer.getByTestId('cadence-quiet-start').fill(start);
    await drawer.getByTestId('cadence-quiet-end').fill(end);
  });
  await expect(coat).toHaveAttribute('data-remind', 'wait');
  await expect(coat).toHaveAttribute('data-rule', 'quietHours');
  // The end an hour from now falls on the next day after 23:00: the row then names the date too (12/5 00:15).
  await expect(coat.getByTestId('remind-state')).toContainText(new RegExp(`等到 (\\d{1,2}/\\d{1,2} )?${end}`));
  await expect(coat.getByTestId('remind-state')).toContainText('免打扰时段');

  // The status filter finds it among the waiting ones, and not among "remind now".
  await panel.getByTestId('filter-status').selectOption('waiting');
  await expect(coat).toHaveCount(1);
  await panel.getByTestId('filter-status').selectOption('now');
  await expect(coat).toHaveCount(0);
  await panel.getByTestId('filter-status').selectOption('all');
  await panel.getByTestId('queue-search').fill('羊毛');
  await expect(panel.getByTestId('order-row')).toHaveCount(1);
  await panel.getByTestId('queue-search').fill('');

  // Do-not-remind from the buyer profile holds the order outright.
  await coat.click();
  await panel.getByTestId('do-not-remind').check();
  await expect(coat).toHaveAttribute('data-remind', 'hold');
  await expect(coat.getByTestId('remind-state')).toContainText('不催');
  await panel.getByTestId('cadence-open').click();
  await panel.screenshot({ path: screenshotPath('panel-quiet.png'), fullPage: true });
  await panel.close();
  await list.close();
});
