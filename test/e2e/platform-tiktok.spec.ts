import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf } from '../support/harness.mjs';
import { TT_URLS } from '../fixtures/tiktok/routes.mjs';

// TikTok Shop, the way a seller walks it: the order list at its real URL
// fills the panel; the chat inbox takes a suggestion into its Lexical editor.

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension({ locale: 'en-US' }));
  await routeSellerPages(context);
});
test.afterAll(async () => {
  await context?.close();
});

async function openPanel(tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));
  return panel;
}

test('the US order list fills the panel with its unpaid orders, 19-digit ids intact', async () => {
  const dialogs: string[] = [];
  const list = await context.newPage();
  list.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await list.goto(TT_URLS.listUs);
  const panel = await openPanel((await tabIdOf(worker, TT_URLS.listUs))!);
  const row = (id: string) => panel.locator(`[data-testid="order-row"][data-order-id="${id}"]`);
  await expect(row('576880912345678901')).toHaveCount(1, { timeout: 2_000 });
  for (const [id, buyer, minor] of [
    ['576880912345678901', '<img src=x onerror=alert(1)>', '4797'],
    ['5768801277340025519', 'جميلة 🌙', '1500'],
  ] as const) {
    await expect(row(id)).toHaveAttribute('data-platform', 'tiktok');
    await expect(row(id)).toHaveAttribute('data-buyer', buyer);
    await expect(row(id)).toHaveAttribute('data-amount-minor', minor);
    await expect(row(id)).toHaveAttribute('data-currency', 'USD');
  }
  await expect(row('576880655100213377')).toHaveCount(0);
  await expect(row('576880410093388120')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});

test('the Brazilian unpaid tab fills the panel in reais', async () => {
  const list = await context.newPage();
  await list.goto(TT_URLS.listBr);
  const panel = await openPanel((await tabIdOf(worker, TT_URLS.listBr))!);
  const row = panel.locator('[data-testid="order-row"][data-order-id="5811209011223344556"]');
  await expect(row).toHaveAttribute('data-buyer', 'joão_pedro', { timeout: 2_000 });
  await expect(row).toHaveAttribute('data-amount-minor', '124900');
  await expect(row).toHaveAttribute('data-currency', 'BRL');
  await panel.close();
  await list.close();
});

test('a suggestion goes into the Lexical composer beside the send button once, and nothing is sent', async () => {
  const list = await context.newPage();
  await list.goto(TT_URLS.listUs);
  const chat = await context.newPage();
  await chat.goto(TT_URLS.chat);
  await expect(chat.locator('[contenteditable="true"]')).toBeVisible();
  const panel = await openPanel((await tabIdOf(worker, TT_URLS.chat))!);
  const row = panel.locator('[data-testid="order-row"][data-order-id="5768801277340025519"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await row.click();
  const text = (await panel.getByTestId('suggestion-text').first().textContent())!;
  expect(text.length).toBeGreaterThan(0);
  await panel.getByTestId('suggestion').first().getByTestId('insert-button').click();
  // Lexical's own editor state holds exactly the text, once.
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', text);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  await panel.close();
  await chat.close();
  await list.close();
});
