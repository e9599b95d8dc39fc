import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, milestoneMessage } from './messages';
import { confirmReceipt, recordPayment } from './machine';
import { MESSAGE_LANGS, type MilestonePlan } from './model';
import { newPlan, presetDrafts } from './plan';
import { DAY_MS } from '../orders/time';

const NOW = Date.UTC(2026, 10, 23, 4); // 2026-11-23 12:00 in China
let n = 0;
const newId = () => `id${++n}`;

function plan(): MilestonePlan {
  const drafts = presetDrafts('custom_50_30_20', NOW);
  drafts[1] = { ...drafts[1]!, progressNote: '3D design approved on 20 Nov', paymentLink: 'https://pay.example/abc', dueAt: NOW + 7 * DAY_MS };
  const p = newPlan({ orderKey: 'manual:J1', total: { minor: 500_000, currency: 'USD' }, presetId: 'custom_50_30_20', lang: 'en', drafts, now: NOW, newId });
  return { ...p, bank: { beneficiary: 'Shenzhen Jewel Co.', bank: 'Bank of China', account: '6222 0000 1111', swift: 'BKCHCNBJ', intermediary: 'JPMorgan Chase NY' } };
}
const input = (p: MilestonePlan, i: number) => ({ plan: p, stageId: p.stages[i]!.id, buyer: 'Anna', orderId: 'J1', now: NOW });

describe('milestone messages', () => {
  it('the notice carries amount, stage, progress, bank details with SWIFT and intermediary, and the due date', () => {
    const text = milestoneMessage('notice', input(plan(), 0)).text;
    expect(text).toContain('US$2,500.00');
    expect(text).toContain('deposit');
    expect(text).toContain('order confirmed');
    expect(text).toContain('SWIFT: BKCHCNBJ');
    expect(text).toContain('Intermediary bank: JPMorgan Chase NY');
    expect(text).toContain('2026-11-26');
    const second = milestoneMessage('notice', input(plan(), 1));
    expect(second.templateId).toBe('ms.notice.en');
    expect(second.text).toContain('3D design approved on 20 Nov');
    expect(second.text).toContain('US$1,500.00');
    expect(second.text).toContain('https://pay.example/abc');
  });

  it('the receipt names amount, date and reference, and what is still open', () => {
    let p = plan();
    p = recordPayment(p, p.stages[0]!.id, { amountMinor: 250_000, paidAt: Date.UTC(2026, 10, 22, 4), reference: 'FT2611229' }, NOW, 'p1');
    const zh = milestoneMessage('receipt', { ...input(p, 0), lang: 'zh-CN' }).text;
    expect(zh).toContain('US$2,500.00');
    expect(zh).toContain('2026-11-22');
    expect(zh).toContain('FT2611229');
    expect(zh).toContain('尚余 US$2,500.00');
    // After the receipt went out, the same message still describes the last payment.
    p = confirmReceipt(p, p.stages[0]!.id, NOW);
    expect(milestoneMessage('receipt', input(p, 0)).text).toContain('FT2611229');
  });

  it('every kind in every language is filled in: no placeholders, no undefined', () => {
    let p = plan();
    p = recordPayment(p, p.stages[1]!.id, { amountMinor: 50_000, paidAt: NOW, reference: 'FT1' }, NOW, 'p1');
    for (const lang of MESSAGE_LANGS) {
      for (const kind of MESSAGE_KINDS) {
        const m = milestoneMessage(kind, { ...input(p, 1), lang, dueAt: NOW + 10 * DAY_MS, secondDueAt: NOW + 40 * DAY_MS });
        expect(m.text, `${kind} ${lang}`).not.toMatch(/undefined|NaN|\{|\}|\$\{/);
        expect(m.text.length).toBeGreaterThan(30);
        expect(m.templateId).toBe(`ms.${kind}.${lang}`);
      }
    }
  });

  it('the split proposal divides the open amount without a late fee', () => {
    const text = milestoneMessage('late_split', { ...input(plan(), 2), dueAt: NOW + 10 * DAY_MS, secondDueAt: NOW + 40 * DAY_MS }).text;
    expect(text).toContain('US$500.00 by 2026-12-03');
    expect(text).toContain('US$500.00 by 2027-01-02');
    expect(text).toContain('no late fee');
  });

  it('the account-change notice gives the new account and 30 days notice, even for a platform-paid stage', () => {
    const p = plan();
    p.stages[0] = { ...p.stages[0]!, method: 'platform' };
    const text = milestoneMessage('account_change', input(p, 0)).text;
    expect(text).toContain('Account: 6222 0000 1111');
    expect(text).toContain('2026-12-23');
    expect(text).not.toContain('through the order page');
  });
});
