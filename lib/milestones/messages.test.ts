import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, milestoneMessage } from './messages';
import { lintStagedPayment } from '../compose/model';
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
    expect(text).toContain('Thank you for confirming order J1');
    expect(text).toContain('SWIFT: BKCHCNBJ');
    expect(text).toContain('Intermediary bank: JPMorgan Chase NY');
    expect(text).toContain('due by 26 November 2026 (China time, UTC+8)');
    expect(text).toContain('50% of the order total of US$5,000.00');
    expect(text).toContain('stage 1 of 3');
    expect(text).toContain('Please quote order No. J1 as the payment reference.');
    expect(text).toContain('Bank charges: SHA.');
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
    expect(zh).toContain('2026年11月22日');
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
    expect(text).toContain('US$500.00 by 3 December 2026');
    expect(text).toContain('US$500.00 by 2 January 2027');
    expect(text).toContain('no late fee');
  });

  it('the account-change notice gives the new account and 30 days notice, even for a platform-paid stage', () => {
    const p = plan();
    p.stages[0] = { ...p.stages[0]!, method: 'platform' };
    const text = milestoneMessage('account_change', input(p, 0)).text;
    expect(text).toContain('Account: 6222 0000 1111');
    expect(text).toContain('with effect from 23 December 2026');
    expect(text).not.toContain('through the order page');
  });

  it("the plan's PI number and OUR charges go into the notice; a Trade Assurance stage is paid on the order page with no bank details", () => {
    const p: MilestonePlan = { ...plan(), piNumber: 'PI-88', bankCharges: 'OUR' };
    const text = milestoneMessage('notice', input(p, 0)).text;
    expect(text).toContain('order J1 (PI No. PI-88)');
    expect(text).toContain('Please quote PI No. PI-88 and order No. J1 as the payment reference.');
    expect(text).toContain('Bank charges: OUR.');
    const ta: MilestonePlan = { ...p, presetId: 'trade_assurance', stages: p.stages.map((s) => ({ ...s, method: 'platform' as const })) };
    const taText = milestoneMessage('notice', { ...input(ta, 0), platform: 'alibaba' }).text;
    expect(taText).toContain('on the Alibaba.com order page through Trade Assurance');
    expect(taText).not.toMatch(/6222|SWIFT|Bank charges|payment reference/);
    // A plan from before the choice existed reads as SHA.
    const { bankCharges: _, ...old } = p;
    expect(milestoneMessage('notice', input(old as MilestonePlan, 0)).text).toContain('Bank charges: SHA.');
  });
});

describe('staged-payment lint: what a marketplace order must not carry', () => {
  const aliexpress = (p: MilestonePlan, kind: 'notice' | 'receipt' = 'notice') => milestoneMessage(kind, { ...input(p, 0), platform: 'aliexpress' }).warnings;

  it('bank details on a retail marketplace order are flagged; on an off-platform or Alibaba.com bank deal they are the point', () => {
    expect(aliexpress(plan())).toEqual(['bank_details']);
    expect(milestoneMessage('notice', { ...input(plan(), 0), platform: 'manual' }).warnings).toEqual([]);
    expect(milestoneMessage('notice', { ...input(plan(), 0), platform: 'alibaba' }).warnings).toEqual([]);
    // The receipt carries no payment instructions.
    expect(aliexpress(plan(), 'receipt')).toEqual([]);
  });

  it("a platform-paid stage with a bank account, link, phone, messenger or e-mail in the seller's own text is flagged, Trade Assurance included", () => {
    const p = plan();
    const with_ = (instructions: string, platform: 'aliexpress' | 'alibaba' | 'tiktok' | 'shopee' = 'aliexpress'): string[] => {
      const q: MilestonePlan = { ...p, stages: p.stages.map((s, i) => (i === 0 ? { ...s, method: 'platform' as const, instructions } : s)) };
      return milestoneMessage('notice', { ...input(q, 0), platform }).warnings;
    };
    expect(with_('')).toEqual([]);
    // A long numeric PI number is the payment reference, not a phone number or an account.
    expect(milestoneMessage('notice', { ...input({ ...p, piNumber: 'CN20231234567890', stages: p.stages.map((s) => ({ ...s, method: 'platform' as const })) }, 0), platform: 'aliexpress' }).warnings).toEqual([]);
    expect(with_('Or wire it: IBAN DE89 3704 0044 0532 0130 00')).toContain('bank_details');
    expect(with_('Bank account 6222 0000 1111, Bank of China', 'alibaba')).toContain('bank_details');
    expect(with_('Faster: https://pay.example.com/j1', 'tiktok')).toContain('outside_link');
    expect(with_('Call me on +86 138 0013 8000', 'shopee')).toContain('phone_number');
    expect(with_('WhatsApp me for the invoice')).toContain('messenger');
    expect(with_('Telegram: @jewelco')).toContain('messenger');
    expect(with_('Send the slip to finance@jewel-co.cn')).toContain('email_address');
  });

  it('PayPal, L/C or a payment link on a retail marketplace order is paying off the platform', () => {
    const p = plan();
    const method = (m: 'paypal' | 'lc' | 'payment_link') => aliexpress({ ...p, stages: p.stages.map((s, i) => (i === 0 ? { ...s, method: m, paymentLink: m === 'payment_link' ? 'https://pay.example/x' : undefined } : s)) });
    expect(method('paypal')).toContain('off_platform_payment');
    expect(method('lc')).toContain('off_platform_payment');
    expect(method('payment_link')).toEqual(expect.arrayContaining(['off_platform_payment', 'outside_link']));
  });

  it('the rule itself: nothing on an off-platform deal, everything on a retail order', () => {
    expect(lintStagedPayment({ platform: 'manual', throughPlatform: false, payment: 'bank', text: ['WeChat: jewelco', 'a@b.com'] })).toEqual([]);
    expect(lintStagedPayment({ platform: 'taobao', throughPlatform: true, text: ['微信 jewelco'] })).toEqual(['messenger']);
    expect(lintStagedPayment({ platform: 'pdd', throughPlatform: true, bank: ['6222 0210 0000 1111'], text: [] })).toEqual(['bank_details']);
    expect(lintStagedPayment({ platform: 'tiktok', throughPlatform: true, text: ['Order confirmed on 20 Nov, 18k gold'] })).toEqual([]);
  });
});
