import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { tabIdOf, URLS, screenshotPath } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';

// A custom jewellery order of US$5,000.00 paid 50/30/20, the way a seller runs
// it from the side panel: plan, deposit, receipt prompt, the progress-payment
// notice into the buyer's chat, the rest paid, the thank-you prompt.

const ORDER_ID = 'JW-2026-118';

const suite = usePlatformSuite();

/**
 * Puts a manual B2B order into the extension's database from its own service
 * suite.worker (a manual order has no seller page to read it from). The database
 * already exists: the panel has asked the background for the list.
 */
async function seedOrder(now: number, orderId = ORDER_ID, amount = { minor: 500_000, currency: 'USD' }, nick = 'Anna Petrova', platform = 'manual'): Promise<void> {
  await suite.worker.evaluate(
    async ({ key, orderId, now, amount, nick, platform }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('paynudge');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('orders', 'readwrite');
        tx.objectStore('orders').put({
          platform,
          orderId,
          key,
          buyer: { nick },
          items: [{ title: 'Custom 18k gold ring with sapphire', qty: 1 }],
          amount,
          createdAt: now - 3_600_000,
          status: 'unpaid',
          statusSource: 'person',
          pageUrl: '',
          firstSeenAt: now,
          lastSeenAt: now,
          statusChangedAt: now,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { key: `${platform}:${orderId}`, orderId, now, amount, nick, platform },
  );
}

/** No serious or critical WCAG 2.1 AA violation inside the staged-payment panel, light and dark. */
async function auditPlan(panel: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page: panel }).include('[data-testid="milestone-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad, `${label} (${scheme})`).toEqual([]);
  }
  await panel.emulateMedia({ colorScheme: 'light' });
}

async function recordFullPayment(panel: Page, index: number, reference: string) {
  const row = panel.getByTestId('milestone-row').nth(index);
  await row.getByTestId('milestone-pay').click();
  // The form starts at what is still open on the stage.
  await row.getByTestId('milestone-pay-reference').fill(reference);
  await row.getByTestId('milestone-pay-save').click();
  await expect(row).toHaveAttribute('data-status', 'paid');
}

test('a 50/30/20 plan for a US$5,000.00 order: deposit, receipt prompt, stage-2 notice in the chat, paid in full, thank-you prompt', async () => {
  const chat = await suite.context.newPage();
  await chat.goto(URLS.taobaoChat);
  const chatTabId = await tabIdOf(suite.worker, URLS.taobaoChat);
  expect(chatTabId).toBeGreaterThanOrEqual(0);

  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1400 });
  const errors: string[] = [];
  panel.on('pageerror', (e) => errors.push(e.message));
  await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${chatTabId}`));
  await expect(panel.getByTestId('bound-tab')).toBeVisible();
  await seedOrder(Date.now());
  await panel.reload();

  const orderRow = panel.locator(`[data-testid="order-row"][data-order-id="${ORDER_ID}"]`);
  await expect(orderRow).toHaveAttribute('data-amount-minor', '500000');
  await expect(orderRow).toHaveAttribute('data-due-minor', '500000');
  await expect(orderRow).toHaveAttribute('data-currency', 'USD');
  await orderRow.click();

  // No plan yet: pick the custom-jewellery preset and create it.
  await panel.getByTestId('milestone-add').click();
  await panel.getByTestId('milestone-preset').selectOption('custom_50_30_20');
  await panel.getByTestId('milestone-preset-next').click();
  await expect(panel.getByTestId('milestone-edit-amount')).toHaveText([/US\$2,500\.00/, /US\$1,500\.00/, /US\$1,000\.00/]);
  await panel.getByTestId('milestone-save').click();

  const rows = panel.getByTestId('milestone-row');
  await expect(rows).toHaveCount(3);
  for (const [i, minor] of ['250000', '150000', '100000'].entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-amount-minor', minor);
    await expect(rows.nth(i)).toHaveAttribute('data-currency', 'USD');
    await expect(rows.nth(i)).toHaveAttribute('data-status', 'planned');
  }
  await expect(orderRow).toHaveAttribute('data-due-minor', '500000');
  // The deposit is due in 3 days: its notice is due now.
  await expect(panel.locator('[data-testid="milestone-prompt"][data-kind="notice_due"]')).toBeVisible();

  // The buyer wires the deposit: record it.
  await recordFullPayment(panel, 0, 'FT26112300417');
  await expect(orderRow).toHaveAttribute('data-due-minor', '250000');
  const receiptPrompt = panel.locator('[data-testid="milestone-prompt"][data-kind="receipt_due"]');
  await expect(receiptPrompt).toContainText('2小时内');
  await expect(receiptPrompt).toHaveAttribute('data-late', 'false');

  // Receipt confirmation, copied (it could go by e-mail): the stage is confirmed and the prompt goes.
  await rows.nth(0).getByTestId('milestone-confirm').click();
  const receipt = rows.nth(0).getByTestId('milestone-message-text');
  await expect(receipt).toContainText('US$2,500.00');
  await expect(receipt).toContainText('FT26112300417');
  await rows.nth(0).getByTestId('milestone-copy').click();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'confirmed');
  await expect(receiptPrompt).toHaveCount(0);

  // Design approved: the notice for stage 2 goes into the buyer's chat box, nothing is sent.
  await rows.nth(1).getByTestId('milestone-notice').click();
  const notice = (await rows.nth(1).getByTestId('milestone-message-text').textContent())!;
  expect(notice).toContain('US$1,500.00');
  expect(notice).toContain('design approved');
  await rows.nth(1).getByTestId('milestone-insert').click();
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-draft', notice);
  await expect(chat.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'requested');

  // Over-paying a stage is refused with the open amount.
  await rows.nth(1).getByTestId('milestone-pay').click();
  await rows.nth(1).getByTestId('milestone-pay-amount').fill('1600');
  await rows.nth(1).getByTestId('milestone-pay-save').click();
  await expect(panel.getByTestId('toast')).toContainText('US$1,500.00');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'requested');
  await rows.nth(1).getByTestId('milestone-pay-amount').fill('1,500.00');
  await rows.nth(1).getByTestId('milestone-pay-reference').fill('FT26120900112');
  await rows.nth(1).getByTestId('milestone-pay-save').click();
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'paid');

  await recordFullPayment(panel, 2, 'FT26121500233');
  // Paid in full: no money left to collect, so no order-row (CONTRACT.md); the selected order's
  // detail stays open for the receipts and the thank-you.
  await expect(orderRow).toHaveCount(0);
  await expect(panel.getByTestId('milestone-panel')).toBeVisible();
  await expect(panel.locator('[data-testid="milestone-prompt"][data-kind="thanks_due"]')).toContainText('3天内');

  // The timeline holds the stages' story and the chat contact in one sequence.
  const timeline = panel.getByTestId('milestone-timeline');
  const kinds = await timeline.getByTestId('milestone-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).toEqual(['payment', 'payment', 'notice', 'receipt', 'payment', 'created']);
  await expect(timeline.locator('[data-kind="notice"]')).toContainText('US$1,500.00');

  await panel.getByTestId('milestone-panel').screenshot({ path: screenshotPath('milestones.png') });

  // Receipts from the prompts, then the thank-you from its prompt: the plan is done.
  for (const i of [1, 2]) {
    await panel.locator('[data-testid="milestone-prompt"][data-kind="receipt_due"]').first().getByTestId('milestone-prompt-action').click();
    await rows.nth(i).getByTestId('milestone-copy').click();
    await expect(rows.nth(i)).toHaveAttribute('data-status', 'confirmed');
  }
  const thanks = panel.locator('[data-testid="milestone-prompt"][data-kind="thanks_due"]');
  await thanks.getByTestId('milestone-prompt-action').click();
  await expect(rows.nth(2).getByTestId('milestone-message-text')).toContainText('feedback');
  await rows.nth(2).getByTestId('milestone-copy').click();
  await expect(rows.nth(2)).toHaveAttribute('data-status', 'thanked');
  await expect(panel.getByTestId('milestone-prompt')).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** A calendar day on the seller's (China) clock, for <input type=date>. */
function chinaDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test('a custom yen plan: fixed deposit + the rest, the late deposit asked about then split in two, and the account-change warning', async () => {
  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1400 });
  const errors: string[] = [];
  panel.on('pageerror', (e) => errors.push(e.message));
  await panel.goto(suite.extensionUrl('sidepanel.html'));
  await seedOrder(Date.now(), 'TX-88', { minor: 1_000_001, currency: 'JPY' }, 'Kenji Sato');
  await panel.reload();
  const orderRow = panel.locator('[data-testid="order-row"][data-order-id="TX-88"]');
  await orderRow.click();

  await panel.getByTestId('milestone-add').click();
  await panel.getByTestId('milestone-preset').selectOption('custom');
  await panel.getByTestId('milestone-preset-next').click();
  const edit = panel.getByTestId('milestone-edit-stage');
  await expect(edit).toHaveCount(2);
  // Shares that do not add up are refused before saving.
  await edit.nth(0).getByTestId('milestone-edit-mode').selectOption('fixed');
  await edit.nth(0).getByTestId('milestone-edit-share').fill('1,200,000');
  await expect(panel.getByRole('alert')).toContainText('超过了订单总额');
  await expect(panel.getByTestId('milestone-save')).toBeDisabled();
  await edit.nth(0).getByTestId('milestone-edit-share').fill('300,000');
  await edit.nth(0).getByTestId('milestone-edit-due').fill(chinaDay(-1));
  await expect(panel.getByTestId('milestone-edit-amount')).toHaveText([/JP¥300,000/, /JP¥700,001/]);
  await panel.getByLabel('账号').fill('6222 0210 0000 1111');
  await panel.getByLabel('SWIFT').fill('BKCHCNBJ');
  await panel.getByTestId('milestone-save').click();

  const rows = panel.getByTestId('milestone-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'overdue');
  await expect(rows.nth(1)).toHaveAttribute('data-amount-minor', '700001');
  const overdue = panel.locator('[data-testid="milestone-prompt"][data-kind="overdue"]');
  await expect(overdue).toHaveAttribute('data-late', 'true');

  // Step 1: a gentle check on the reason, from the prompt.
  await overdue.getByTestId('milestone-prompt-action').click();
  await expect(rows.nth(0).getByTestId('milestone-message-text')).toContainText('JP¥300,000');
  await rows.nth(0).getByTestId('milestone-copy').click();
  await expect(panel.locator('[data-testid="milestone-event"][data-kind="late_check"]')).toHaveCount(1);

  // Step 2: propose two parts without a late fee; sending it logs the renegotiation.
  await overdue.getByTestId('milestone-prompt-action').click();
  const form = rows.nth(0).getByTestId('milestone-renegotiate-form');
  await form.getByRole('combobox').first().selectOption('split');
  await form.getByTestId('milestone-reason').fill('Finance approves transfers monthly');
  await expect(form.getByTestId('milestone-message-text')).toContainText('JP¥150,000');
  await form.getByTestId('milestone-copy').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'renegotiated');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'renegotiated');
  expect(await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-amount-minor'))))).toEqual([150_000, 150_000, 700_001]);
  await expect(overdue).toHaveCount(0);
  await expect(orderRow).toHaveAttribute('data-due-minor', '1000001');

  // Changing the receiving account with money still open: warn, and offer the notice.
  await panel.getByTestId('milestone-edit').click();
  await panel.getByLabel('账号').fill('6222 0210 0000 2222');
  await panel.getByTestId('milestone-save').click();
  const warning = panel.getByTestId('milestone-account-warning');
  await expect(warning).toContainText('30天');
  await expect(warning.getByTestId('milestone-message-text')).toContainText('6222 0210 0000 2222');
  await expect(panel.locator('[data-testid="milestone-event"][data-kind="account_changed"]')).toHaveCount(1);
  await panel.getByTestId('milestone-panel').screenshot({ path: 'test-results/milestones-late.png' });
  expect(errors).toEqual([]);
});

test('a formal Brazilian notice names the PI number, the share of the total and the SHA charges; a marketplace plan with an account in its own text is held back until the seller confirms', async () => {
  // Two axe audits in two schemes on a busy 2-core machine.
  test.setTimeout(240_000);
  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1400 });
  const errors: string[] = [];
  panel.on('pageerror', (e) => errors.push(e.message));
  await panel.goto(suite.extensionUrl('sidepanel.html'));
  await seedOrder(Date.now(), 'BR-2026-07', { minor: 1_280_000, currency: 'BRL' }, 'Comercial Andrade Ltda.');
  await seedOrder(Date.now(), '8123456789012345', { minor: 250_000, currency: 'USD' }, 'Olga K.', 'aliexpress');
  await panel.reload();

  // An off-platform B2B order: a 30/40/30 plan written in Portuguese, with a PI and shared charges.
  await panel.locator('[data-testid="order-row"][data-order-id="BR-2026-07"]').click();
  await panel.getByTestId('milestone-add').click();
  await panel.getByTestId('milestone-preset').selectOption('dpb_30_40_30');
  await panel.getByTestId('milestone-preset-next').click();
  await panel.getByTestId('milestone-lang').selectOption('pt');
  await panel.getByTestId('milestone-pi').fill('PI-2026-0457');
  await panel.getByTestId('milestone-charges').selectOption('SHA');
  await panel.getByLabel('收款人').fill('Shenzhen Andrade Trading Co. Ltd');
  await panel.getByLabel('开户行').fill('Bank of China, Shenzhen Branch');
  await panel.getByLabel('账号').fill('7441 0000 1234 5678');
  await panel.getByLabel('SWIFT').fill('BKCHCNBJ45A');
  await panel.getByTestId('milestone-save').click();

  const rows = panel.getByTestId('milestone-row');
  await expect(rows).toHaveCount(3);
  await expect(panel.getByTestId('milestone-terms')).toContainText('PI-2026-0457');
  await expect(panel.getByTestId('milestone-terms')).toContainText('SHA');
  await rows.nth(0).getByTestId('milestone-notice').click();
  const notice = rows.nth(0).getByTestId('milestone-message-text');
  const text = ((await notice.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
  expect(text.startsWith('Prezados,')).toBe(true);
  expect(text).toContain('pedido nº BR-2026-07 (fatura proforma nº PI-2026-0457)');
  expect(text).toContain('o pagamento do sinal (etapa 1 de 3), no valor de R$ 3.840,00, correspondente a 30% do valor total do pedido, de R$ 12.800,00');
  expect(text).toContain('(horário de Pequim, UTC+8)');
  expect(text).toContain('Conta: 7441 0000 1234 5678');
  expect(text).toContain('informar a fatura proforma nº PI-2026-0457 e o pedido nº BR-2026-07 como referência do pagamento');
  expect(text).toContain('Tarifas bancárias: SHA.');
  expect(text.trimEnd().endsWith('Atenciosamente')).toBe(true);
  expect(text).not.toMatch(/Olá|fale conosco/);
  // Off the platform, bank details are the point: nothing to warn about.
  await expect(rows.nth(0).getByTestId('milestone-lint')).toHaveCount(0);
  await expect(rows.nth(0).getByTestId('milestone-copy')).toBeEnabled();
  await panel.getByTestId('milestone-panel').screenshot({ path: screenshotPath('milestones-notice-pt.png') });

  // An AliExpress order paid on the platform, whose stage text carries an IBAN.
  await panel.locator('[data-testid="order-row"][data-order-id="8123456789012345"]').click();
  await panel.getByTestId('milestone-add').click();
  await panel.getByTestId('milestone-preset').selectOption('custom');
  await panel.getByTestId('milestone-preset-next').click();
  const edit = panel.getByTestId('milestone-edit-stage');
  await edit.nth(0).getByTestId('milestone-edit-method').selectOption('platform');
  await edit.nth(0).getByTestId('milestone-edit-instructions').fill('Or wire it to IBAN DE89 3704 0044 0532 0130 00');
  await auditPlan(panel, 'plan editor with PI and bank charges');
  await panel.getByTestId('milestone-save').click();
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByTestId('milestone-notice').click();
  const lint = rows.nth(0).getByTestId('milestone-lint');
  await expect(lint).toBeVisible();
  await expect(lint).toHaveAttribute('data-issues', /bank_details/);
  await expect(lint).toContainText('银行账户');
  await expect(rows.nth(0).getByTestId('milestone-insert')).toBeDisabled();
  await expect(rows.nth(0).getByTestId('milestone-copy')).toBeDisabled();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'planned');
  await auditPlan(panel, 'notice held back by the marketplace check');
  // The seller says the deal is agreed off the platform: now it can go out.
  await rows.nth(0).getByTestId('milestone-lint-ack').check();
  await rows.nth(0).getByTestId('milestone-copy').click();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'requested');
  expect(errors).toEqual([]);
});
