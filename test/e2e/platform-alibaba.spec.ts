import { expect, test } from '@playwright/test';
import { openPanelFor, usePlatformSuite } from '../support/platform-flow';
import { ALIBABA_URLS } from '../fixtures/alibaba/routes.mjs';

// Alibaba.com end to end: the Trade Assurance order list at its real URL fills
// the panel; the messenger's React composer receives the suggestion, unsent.

const suite = usePlatformSuite();

test('the order list populates the panel and the suggestion lands in the messenger composer once', async () => {
  const list = await suite.context.newPage();
  await list.goto(ALIBABA_URLS.unpaid);
  const chat = await suite.context.newPage();
  await chat.goto(ALIBABA_URLS.messenger);
  await expect(chat.locator('.send-textarea')).toBeVisible();

  const panel = await openPanelFor(suite, ALIBABA_URLS.messenger, { narrow: true });

  const john = panel.locator('[data-testid="order-row"][data-order-id="235876451002019725"]');
  await expect(john).toHaveCount(1, { timeout: 2_000 });
  await expect(john).toHaveAttribute('data-platform', 'alibaba');
  await expect(john).toHaveAttribute('data-buyer', 'John Smith');
  await expect(john).toHaveAttribute('data-amount-minor', '500000');
  await expect(john).toHaveAttribute('data-currency', 'USD');
  const maria = panel.locator('[data-testid="order-row"][data-order-id="235876451002019811"]');
  await expect(maria).toHaveAttribute('data-buyer', `María <b>O'Brien</b> & "Co" مرحبا`);
  await expect(maria).toHaveAttribute('data-amount-minor', '120000');
  const hans = panel.locator('[data-testid="order-row"][data-order-id="235876451002020004"]');
  await expect(hans).toHaveAttribute('data-currency', 'EUR');
  await expect(hans).toHaveAttribute('data-amount-minor', '1250000');
  // Page text stays text: no element came out of the hostile name.
  await expect(maria.locator('b')).toHaveCount(0);

  // The buyer of the open conversation comes first.
  const rows = panel.locator('[data-testid="order-row"][data-platform="alibaba"]');
  await expect(panel.getByTestId('order-row').first()).toHaveAttribute('data-buyer', 'John Smith');
  expect(await rows.count()).toBe(3);

  await john.click();
  const suggestion = panel.getByTestId('suggestion').first();
  await expect(suggestion).toBeVisible();
  const text = (await suggestion.getByTestId('suggestion-text').textContent())!;
  expect(text.length).toBeGreaterThan(0);
  await suggestion.getByTestId('insert-button').click();

  const state = chat.locator('#fixture-state');
  await expect(state).toHaveAttribute('data-draft', text);
  await expect(chat.locator('.send-textarea')).toHaveValue(text);
  await expect(state).toHaveAttribute('data-sent', '0');
});
