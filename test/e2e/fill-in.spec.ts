import { expect, test, type Page } from '@playwright/test';
import { screenshotPath } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';

// An order whose page gave no item title still gets three or more
// suggestions in the buyer's language; the panel says what the item name
// would unlock and takes it in place. Brazilian and Russian buyers get their
// own money format.

const suite = usePlatformSuite();

async function send<T>(page: Page, message: object): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as { ok: boolean; data: T; error?: string };
  if (!reply?.ok) throw new Error(`request failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

/**
 * A by-hand order whose item title is then taken away, as when a seller page
 * shows an order with an unreadable title (a by-hand order needs one to be created).
 */
async function panelFor(buyer: string, total: string, currency: string, { untitled = true } = {}): Promise<Page> {
  const page = await suite.context.newPage();
  await page.goto(suite.extensionUrl('sidepanel.html'));
  const { order } = await send<{ order: { key: string } }>(page, { type: 'order/manual-create', buyer, items: [{ title: 'x', qty: 1 }], total, currency });
  if (untitled) {
    await page.evaluate(
      (key) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paynudge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('orders', 'readwrite');
            const store = tx.objectStore('orders');
            const get = store.get(key);
            get.onsuccess = () => store.put({ ...get.result, items: [] });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      order.key,
    );
  }
  await page.close();
  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 400, height: 1100 });
  await panel.goto(suite.extensionUrl(`sidepanel.html?order=${encodeURIComponent(order.key)}`));
  await expect(panel.getByTestId('order-detail')).toBeVisible();
  return panel;
}

async function suggestionTexts(panel: Page): Promise<string[]> {
  const texts = panel.getByTestId('suggestion-text');
  await expect.poll(() => texts.count()).toBeGreaterThanOrEqual(3);
  const all = await texts.allTextContents();
  for (const text of all) expect(text).not.toMatch(/\{\{|\[\[|\]\]|undefined|NaN/);
  return all;
}

test('an order with no item title shows three or more suggestions and the fill-in prompt; the item typed in place is used', async () => {
  const panel = await panelFor('Emily Carter', '1280', 'USD');
  const texts = await suggestionTexts(panel);
  expect(texts.join('\n')).toContain('US$1,280.00');

  const item = panel.locator('[data-testid="fill-in-field"][data-name="item"]');
  await expect(item).toBeVisible();
  await item.locator('input').fill('Linen table cloth');
  await item.getByRole('button').click();
  await expect(panel.getByTestId('fill-in-done')).toContainText('Linen table cloth');
  await expect.poll(async () => (await panel.getByTestId('suggestion-text').allTextContents()).some((t) => t.includes('Linen table cloth'))).toBe(true);
  await panel.screenshot({ path: screenshotPath('panel-fill-in.png'), fullPage: true });
});

test('a Brazilian and a Russian buyer get suggestions in their language with their money format', async () => {
  const pt = await panelFor('Ana Souza', '1280', 'BRL');
  const ptTexts = await suggestionTexts(pt);
  expect(ptTexts.join('\n')).toMatch(/Oi, Ana Souza!/);
  expect(ptTexts.join('\n').replace(/\u00a0/g, ' ')).toContain('R$ 1.280,00');
  await pt.screenshot({ path: screenshotPath('panel-suggestions-pt.png'), fullPage: true });

  const ru = await panelFor('Ольга Иванова', '1280', 'RUB');
  const ruTexts = await suggestionTexts(ru);
  expect(ruTexts.join('\n')).toContain('Ольга Иванова');
  expect(ruTexts.join('\n').replace(/[\u00a0\u202f]/g, ' ')).toContain('1 280,00 ₽');
  await ru.screenshot({ path: screenshotPath('panel-suggestions-ru.png'), fullPage: true });
});
