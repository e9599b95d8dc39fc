import { expect, test, type Page } from '@playwright/test';
import { screenshotPath, tabIdOf, URLS } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';
import { holdMessages, releaseHeld } from '../support/held';

// A panel opened while the background is asleep (or busy) draws the last
// first screen at once, says it is updating, and swaps in the live queue when
// the background answers. Erasing all data removes that copy too.

const suite = usePlatformSuite();

/** A panel whose queue requests wait until the test lets them through: the background "still waking up". */
async function heldPanel(): Promise<Page> {
  const panel = await suite.context.newPage();
  await holdMessages(panel, 'orders/list');
  await panel.goto(suite.extensionUrl('sidepanel.html'));
  return panel;
}

const rowIds = (panel: Page) => panel.getByTestId('order-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')));

test('the last first screen shows at once while the background answers, then the live queue replaces it; erase removes it', async () => {
  const seller = await suite.context.newPage();
  await seller.goto(URLS.taobaoUnpaid);
  const first = await suite.context.newPage();
  await first.goto(suite.extensionUrl('sidepanel.html'));
  await expect(first.locator('main[data-queue="live"]')).toBeVisible();
  await expect(first.getByTestId('order-row')).toHaveCount(4);
  const live = await rowIds(first);
  await first.close();

  const panel = await heldPanel();
  // No answer from the background yet: the rows come from the snapshot, marked as updating.
  await expect(panel.locator('main[data-queue="snapshot"]')).toBeVisible();
  expect(await rowIds(panel)).toEqual(live);
  await expect(panel.getByTestId('queue-updating')).toBeVisible();
  await panel.screenshot({ path: screenshotPath('panel-snapshot.png') });
  // A buyer nick with markup stays text here too (the fixture has one).
  expect(await panel.evaluate(() => document.querySelectorAll('main img').length)).toBe(0);

  await releaseHeld(panel);
  await expect(panel.locator('main[data-queue="live"]')).toBeVisible();
  await expect(panel.getByTestId('queue-updating')).toHaveCount(0);
  expect(await rowIds(panel)).toEqual(live);
  await panel.close();

  const options = await suite.context.newPage();
  await options.goto(suite.extensionUrl('options.html#data'));
  await options.getByTestId('erase').click();
  await options.getByTestId('erase-confirm').click();
  await expect(options.getByTestId('data-message')).toBeVisible();
  await options.close();

  const after = await heldPanel();
  await expect(after.locator('main[data-queue="loading"]')).toBeVisible();
  await expect(after.getByTestId('order-row')).toHaveCount(0);
});

test('the panel asks for its first screen as the page starts, before its scripts have drawn anything, and shows that live answer', async () => {
  const seller = await suite.context.newPage();
  await seller.goto(URLS.taobaoUnpaid);
  // The page's read stored first: its change notice would rightly make an open panel ask again.
  const before = await suite.context.newPage();
  await before.goto(suite.extensionUrl('sidepanel.html'));
  await expect(before.getByTestId('order-row')).toHaveCount(4);
  await before.close();
  for (const url of ['sidepanel.html', `sidepanel.html?tabId=${await tabIdOf(suite.worker, URLS.taobaoUnpaid)}`]) {
    const panel = await suite.context.newPage();
    await panel.addInitScript(() => {
      const scope = globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => Promise<unknown> } }; __lists: number[]; __drawn?: number };
      const runtime = scope.chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      scope.__lists = [];
      runtime.sendMessage = (msg: unknown, ...rest: unknown[]) => {
        if ((msg as { type?: string } | null)?.type === 'orders/list') scope.__lists.push(performance.now());
        return send(msg, ...rest);
      };
      // When the page's own scripts first put anything on screen.
      new MutationObserver((_m, observer) => {
        if (!document.getElementById('root')?.firstChild) return;
        scope.__drawn = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await panel.goto(suite.extensionUrl(url));
    await expect(panel.locator('main[data-queue="live"]')).toBeVisible();
    await expect(panel.getByTestId('order-row')).toHaveCount(4);
    const { lists, drawn } = await panel.evaluate(() => ({ lists: (globalThis as unknown as { __lists: number[] }).__lists, drawn: (globalThis as unknown as { __drawn: number }).__drawn }));
    // One request for the first screen, sent before the panel's modules had run: the background worked on it meanwhile.
    expect(lists.length).toBe(1);
    expect(lists[0]).toBeLessThan(drawn);
    await panel.close();
  }
  await seller.close();
});

test("an unbound panel shows the live queue for the tab found as the page started, without waiting for its own tab look-up", async () => {
  const seller = await suite.context.newPage();
  await seller.goto(URLS.taobaoUnpaid);
  const panel = await suite.context.newPage();
  await panel.addInitScript(() => {
    // The first look-up (public/panel-early.js) answers; every later one waits until the test lets it through.
    const tabs = (globalThis as unknown as { chrome: { tabs: { query: (...args: unknown[]) => Promise<unknown> } } }).chrome.tabs;
    const query = tabs.query.bind(tabs);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    (globalThis as unknown as { __release: () => void }).__release = release;
    let calls = 0;
    tabs.query = (...args: unknown[]) => (calls++ === 0 ? query(...args) : held.then(() => query(...args)));
  });
  await panel.goto(suite.extensionUrl('sidepanel.html'));
  await expect(panel.locator('main[data-queue="live"]')).toBeVisible();
  await expect(panel.getByTestId('order-row')).toHaveCount(4);
  await releaseHeld(panel);
  await expect(panel.getByTestId('order-row')).toHaveCount(4);
  await panel.close();
  await seller.close();
});

test('when the first screen has come before the page draws, the live queue is what it draws first, not the last open\'s copy', async () => {
  const seller = await suite.context.newPage();
  await seller.goto(URLS.taobaoUnpaid);
  const tabId = await tabIdOf(suite.worker, URLS.taobaoUnpaid);
  // An open that leaves the copy behind (the snapshot the panel would otherwise draw first).
  const first = await suite.context.newPage();
  await first.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));
  await expect(first.locator('main[data-queue="live"]')).toBeVisible();
  await first.close();
  const drawnFirst: string[] = [];
  for (let i = 0; i < 3; i++) {
    const panel = await suite.context.newPage();
    await panel.addInitScript(() => {
      const scope = globalThis as unknown as { __paynudgePanelFirst?: { answer?: unknown }; __first?: { state: string | null; answered: boolean } };
      new MutationObserver((_m, observer) => {
        const main = document.querySelector('main');
        if (!main) return;
        scope.__first = { state: main.getAttribute('data-queue'), answered: scope.__paynudgePanelFirst?.answer !== undefined };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));
    await expect(panel.locator('main[data-queue="live"]')).toBeVisible();
    await expect(panel.getByTestId('order-row')).toHaveCount(4);
    const seen = await panel.evaluate(() => (globalThis as unknown as { __first: { state: string | null; answered: boolean } }).__first);
    // Only opens whose answer came before the page drew tell anything (a busy machine may draw first).
    if (seen.answered) drawnFirst.push(seen.state ?? '');
    await panel.close();
  }
  expect(drawnFirst.length).toBeGreaterThan(0);
  expect(drawnFirst.every((state) => state === 'live')).toBe(true);
  await seller.close();
});
