import { describe, expect, it } from 'vitest';
import { milestonePrompts, nextPromptAt, NOTICE_LEAD_MS, RECEIPT_WINDOW_MS, THANKS_WINDOW_MS } from './prompts';
import { confirmReceipt, markNotice, markThanked, recordPayment, waiveStage } from './machine';
import { newPlan, presetDrafts } from './plan';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../orders/time';
import type { MilestonePlan } from './model';

const NOW = Date.UTC(2026, 10, 23, 4);
let n = 0;
const newId = () => `id${++n}`;

function plan(): MilestonePlan {
  // The deposit is due 3 days after creation; later stages wait for their milestone.
  return newPlan({ orderKey: 'manual:J1', total: { minor: 500_000, currency: 'USD' }, presetId: 'custom_50_30_20', lang: 'en', drafts: presetDrafts('custom_50_30_20', NOW), now: NOW, newId });
}
const kinds = (p: MilestonePlan, at: number) => milestonePrompts(p, at).map((x) => `${x.kind}:${p.stages.findIndex((s) => s.id === x.stageId) + 1}${x.late ? ':late' : ''}`);
const pay = (p: MilestonePlan, i: number, at: number, minor?: number) =>
  recordPayment(p, p.stages[i]!.id, { amountMinor: minor ?? p.stages[i]!.amountMinor, paidAt: at, reference: `R${i}` }, at, newId());

describe('milestonePrompts', () => {
  it('asks for the first notice at once when its due date is within 3 days, and only for the next stage', () => {
    const p = plan();
    expect(NOTICE_LEAD_MS).toBe(3 * DAY_MS);
    expect(kinds(p, NOW)).toEqual(['notice_due:1']);
    expect(milestonePrompts(p, NOW)[0]!.deadline).toBe(p.stages[0]!.dueAt);
    // Once the notice is out, no more notice prompt.
    expect(kinds(markNotice(p, p.stages[0]!.id, NOW), NOW)).toEqual([]);
  });

  it('waits for a far-off due date before prompting the notice', () => {
    const p = plan();
    p.stages[0] = { ...p.stages[0]!, dueAt: NOW + 10 * DAY_MS };
    expect(kinds(p, NOW)).toEqual([]);
    expect(kinds(p, NOW + 7 * DAY_MS - MINUTE_MS)).toEqual([]);
    expect(kinds(p, NOW + 7 * DAY_MS)).toEqual(['notice_due:1']);
    expect(nextPromptAt(p, NOW)).toBe(NOW + 7 * DAY_MS);
  });

  it('receipt confirmation is due within 2 hours of recording a payment, and late after', () => {
    let p = plan();
    p = markNotice(p, p.stages[0]!.id, NOW);
    const at = NOW + HOUR_MS;
    p = pay(p, 0, at, 100_000);
    const [receipt] = milestonePrompts(p, at);
    expect(receipt).toMatchObject({ kind: 'receipt_due', deadline: at + RECEIPT_WINDOW_MS, late: false });
    expect(kinds(p, at + 2 * HOUR_MS - 1)).toContain('receipt_due:1');
    expect(kinds(p, at + 2 * HOUR_MS + 1)).toContain('receipt_due:1:late');
    expect(nextPromptAt(p, at)).toBe(at + RECEIPT_WINDOW_MS);
    p = confirmReceipt(p, p.stages[0]!.id, at + 30 * MINUTE_MS);
    expect(kinds(p, at + HOUR_MS)).not.toContain('receipt_due:1');
  });

  it('after the deposit the progress stage (no due date) needs its notice', () => {
    let p = pay(plan(), 0, NOW + HOUR_MS);
    expect(kinds(p, NOW + HOUR_MS)).toEqual(['receipt_due:1', 'notice_due:2']);
    p = confirmReceipt(p, p.stages[0]!.id, NOW + HOUR_MS);
    expect(kinds(p, NOW + HOUR_MS)).toEqual(['notice_due:2']);
  });

  it('an open stage past its due date is overdue (late), not "notice due"', () => {
    const p = plan();
    const due = p.stages[0]!.dueAt!;
    expect(kinds(p, due)).toEqual(['notice_due:1']);
    expect(kinds(p, due + 1)).toEqual(['overdue:1:late']);
    expect(nextPromptAt(p, due - HOUR_MS)).toBe(due);
    expect(kinds(pay(p, 0, due + 1), due + 2)).not.toContain('overdue:1:late');
  });

  it('thank-you is due within 3 days of the final payment, until the final stage is thanked', () => {
    let p = plan();
    p = pay(p, 0, NOW);
    p = pay(p, 1, NOW + DAY_MS);
    expect(kinds(p, NOW + DAY_MS)).not.toContain('thanks_due:2');
    const final = NOW + 2 * DAY_MS;
    p = pay(p, 2, final);
    const thanks = milestonePrompts(p, final).find((x) => x.kind === 'thanks_due')!;
    expect(thanks).toMatchObject({ stageId: p.stages[2]!.id, deadline: final + THANKS_WINDOW_MS, late: false });
    expect(kinds(p, final + 3 * DAY_MS + 1)).toContain('thanks_due:3:late');
    for (const s of p.stages) p = confirmReceipt(p, s.id, final);
    p = markThanked(p, p.stages[2]!.id, final + HOUR_MS);
    expect(kinds(p, final + HOUR_MS)).toEqual([]);
  });

  it('a waived last stage still lets the plan settle and ask for thanks', () => {
    let p = plan();
    p = pay(p, 0, NOW);
    p = pay(p, 1, NOW);
    p = waiveStage(p, p.stages[2]!.id, 'discount', NOW);
    expect(kinds(p, NOW)).toContain('thanks_due:2');
  });
});
