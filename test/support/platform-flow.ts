// The steps every platform e2e spec walks the same way: launch Chromium with the
// extension and the fixture seller pages, open a seller page (failing on any
// dialog), open the side panel for a tab, and insert a suggestion into a chat
// composer. Specs keep their URLs, order ids and expectations.
import { expect, test, type BrowserContext, type FrameLocator, type Locator, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf } from './harness.mjs';

export interface PlatformSuite {
  context: BrowserContext;
  worker: Worker;
  extensionUrl(path: string): string;
}

/**
 * Registers beforeAll/afterAll for a spec file: one persistent Chromium context
 * with the extension loaded and every seller URL routed to its fixture page.
 * The returned object is filled in by beforeAll; read its fields inside tests.
 */
export function usePlatformSuite(options?: Parameters<typeof launchWithExtension>[0]): PlatformSuite {
  const suite = {} as PlatformSuite;
  test.beforeAll(async () => {
    const { context, worker, extensionUrl } = await launchWithExtension(options);
    Object.assign(suite, { context, worker, extensionUrl });
    await routeSellerPages(context);
  });
  test.afterAll(async () => {
    await suite.context?.close();
  });
  return suite;
}

/** A new tab at `url`; every dialog it raises is dismissed and recorded (a seller page must raise none). */
export async function openSellerPage(suite: PlatformSuite, url: string): Promise<{ page: Page; dialogs: string[] }> {
  const dialogs: string[] = [];
  const page = await suite.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, dialogs };
}

/** The side panel for `tabId`, as chrome opens it beside that tab; `narrow` gives it a side panel's size. */
export async function openPanel(suite: PlatformSuite, tabId: number | undefined, { narrow = false } = {}): Promise<Page> {
  const panel = await suite.context.newPage();
  if (narrow) await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));
  return panel;
}

/** The side panel for the tab showing `url` (which must be open). */
export async function openPanelFor(suite: PlatformSuite, url: string, options?: { narrow?: boolean }): Promise<Page> {
  const tabId = await tabIdOf(suite.worker, url);
  expect(tabId, `a tab shows ${url}`).toBeGreaterThanOrEqual(0);
  return openPanel(suite, tabId, options);
}

/** The panel's row for one order. */
export const orderRow = (panel: Page, orderId: string): Locator => panel.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);

/** [order id, buyer (literal text), amount in minor units, currency] of a row the panel must show. */
export type ExpectedRow = readonly [id: string, buyer: string, minor: string, currency: string];

/**
 * Each order is in the panel with exactly this platform, buyer and amount. `form`: the buyer compared in that Unicode
 * normalization form (the same name composed or decomposed, 'NFC'; also in compatibility forms, "６６６" and "666",
 * 'NFKC'), else character for character.
 */
export async function expectRows(panel: Page, platform: string, rows: readonly ExpectedRow[], form?: 'NFC' | 'NFKC'): Promise<void> {
  for (const [id, buyer, minor, currency] of rows) {
    await expect(orderRow(panel, id)).toHaveAttribute('data-platform', platform);
    if (form) expect((await orderRow(panel, id).getAttribute('data-buyer'))?.normalize(form), id).toBe(buyer.normalize(form));
    else await expect(orderRow(panel, id)).toHaveAttribute('data-buyer', buyer);
    await expect(orderRow(panel, id)).toHaveAttribute('data-amount-minor', minor);
    await expect(orderRow(panel, id)).toHaveAttribute('data-currency', currency);
  }
}

/**
 * In the panel beside a chat page: pick order `orderId`, insert the first
 * suggestion, and check the page's own editor state (the fixture's
 * #fixture-state) holds exactly that text, once, and nothing was sent.
 * `composer`, when given, is the visible field that must show the text too.
 * Returns the inserted text.
 */
export async function insertFirstSuggestion(panel: Page, chat: Page, orderId: string, composer?: Locator): Promise<string> {
  const row = orderRow(panel, orderId);
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await row.click();
  const first = panel.getByTestId('suggestion').first();
  const text = (await first.getByTestId('suggestion-text').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(0);
  await first.getByTestId('insert-button').click();
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', text);
  if (composer) await expect(composer).toHaveValue(text);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  return text;
}

/** The three fields teaching asks for, each answered by a click on the page (the selector of what to click). */
export type TeachClicks = Record<'orderId' | 'total' | 'buyer', string>;

/** The person answers the three required steps by clicking on the page or a frame of it; the picker swallows every click. */
export async function pointAt(panel: Page, on: Page | FrameLocator, clicks: TeachClicks): Promise<void> {
  for (const field of ['orderId', 'total', 'buyer'] as const) {
    await expect(panel.getByTestId('teach-step')).toHaveAttribute('data-field', field);
    await on.locator(clicks[field]).click();
  }
}

/** Teaching from the panel's warning: the offer, one order pointed at, a preview that reads `count` orders, saved. */
export async function teachFromWarning(panel: Page, on: Page | FrameLocator, clicks: TeachClicks, count: number): Promise<void> {
  const offer = panel.getByTestId('teach-button');
  await expect(offer).toHaveCount(1, { timeout: 5_000 });
  await offer.click();
  await pointAt(panel, on, clicks);
  await expect(panel.getByTestId('teach-preview')).toHaveAttribute('data-count', String(count));
  await panel.getByTestId('teach-save').click();
}

/**
 * Each seller page, opened in a tab of its own with the panel beside it, shows exactly `rows` (and none of `absent`:
 * closed or paid orders), with no warning and no dialog.
 */
export async function expectPagesRead(suite: PlatformSuite, pages: ReadonlyArray<{ url: string; platform: string; rows: readonly ExpectedRow[]; absent?: readonly string[] }>): Promise<void> {
  for (const { url, platform, rows, absent = [] } of pages) {
    const { page, dialogs } = await openSellerPage(suite, url);
    const panel = await openPanelFor(suite, url);
    await expect(orderRow(panel, rows[0]![0])).toHaveCount(1, { timeout: 5_000 });
    await expectRows(panel, platform, rows);
    for (const id of absent) await expect(orderRow(panel, id)).toHaveCount(0);
    await expect(panel.locator('[data-testid="health-warning"]')).toHaveCount(0);
    expect(dialogs, url).toEqual([]);
    await panel.close();
    await page.close();
  }
}
