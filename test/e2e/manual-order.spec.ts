import { expect, test } from '@playwright/test';
import { usePlatformSuite } from '../support/platform-flow';

// An off-platform B2B deal (WhatsApp, e-mail) typed into the panel becomes an
// order like any other: listed, selectable, and marked paid by the person.

const suite = usePlatformSuite();

test('fill the manual order form; the order appears with the right data and can be marked paid', async () => {
  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(suite.extensionUrl('sidepanel.html'));

  await panel.getByTestId('manual-order-button').click();
  const form = panel.getByTestId('manual-order-form');
  await expect(form).toBeVisible();

  // Nothing filled in: clear messages next to the fields, nothing stored.
  await form.getByTestId('manual-order-save').click();
  await expect(form.locator('[data-testid="manual-order-error"][data-field="buyer"]')).toHaveText('请填写买家名称。');
  await expect(form.locator('[data-testid="manual-order-error"][data-field="items"]')).toBeVisible();
  await expect(form.locator('[data-testid="manual-order-error"][data-field="total"]')).toBeVisible();
  await expect(panel.locator('[data-testid="order-row"][data-platform="manual"]')).toHaveCount(0);

  const buyer = `Carlos <i>Mendes</i> & Filhos`;
  await form.locator('input[name="buyer"]').fill(buyer);
  await form.locator('input[name="contact"]').fill('WhatsApp +55 11 91234-5678');
  await form.locator('input[name="item-title"]').first().fill('Custom jewellery set, 3D design');
  await form.getByTestId('manual-order-add-item').click();
  await form.locator('input[name="item-title"]').nth(1).fill('Gift boxes');
  await form.locator('input[name="item-qty"]').nth(1).fill('20');
  await form.locator('input[name="total"]').fill('5,000.00');
  await form.locator('select[name="currency"]').selectOption('USD');
  await form.locator('input[name="deadline"]').fill('2099-12-31');
  await form.locator('textarea[name="note"]').fill('50% deposit, 30% on 3D approval, 20% before shipment');
  await form.getByTestId('manual-order-save').click();

  await expect(form).toHaveCount(0);
  const row = panel.locator('[data-testid="order-row"][data-platform="manual"]');
  await expect(row).toHaveCount(1, { timeout: 2_000 });
  await expect(row).toHaveAttribute('data-order-id', /^M-\d{8}-[A-Z0-9]{4}$/);
  await expect(row).toHaveAttribute('data-buyer', buyer);
  await expect(row).toHaveAttribute('data-amount-minor', '500000');
  await expect(row).toHaveAttribute('data-currency', 'USD');
  await expect(row.locator('i')).toHaveCount(0);
  const id = await row.getAttribute('data-order-id');
  await expect(panel.getByTestId('manual-order-saved')).toContainText(id!);

  // A second deal in euros, with European separators.
  await panel.getByTestId('manual-order-button').click();
  await form.locator('input[name="buyer"]').fill('Hans Müller');
  await form.locator('input[name="item-title"]').first().fill('CNC spindle 2.2kW');
  await form.locator('input[name="total"]').fill('12.500,00');
  await form.locator('select[name="currency"]').selectOption('EUR');
  await form.getByTestId('manual-order-save').click();
  await expect(panel.locator('[data-testid="order-row"][data-platform="manual"][data-currency="EUR"]')).toHaveAttribute('data-amount-minor', '1250000');

  // The buyer paid by bank transfer: the person logs it and sets the outcome to paid.
  await row.filter({ hasText: 'Carlos' }).click();
  const manualLog = panel.getByTestId('manual-attempt');
  await manualLog.locator('button[type="submit"]').click();
  const attempt = panel.getByTestId('attempt-row').first();
  await expect(attempt).toBeVisible();
  await attempt.getByTestId('attempt-outcome').selectOption('paid');
  await expect(panel.locator(`[data-testid="order-row"][data-order-id="${id}"]`)).toHaveCount(0);
  await expect(panel.locator('[data-testid="order-row"][data-platform="manual"]')).toHaveCount(1);
});
