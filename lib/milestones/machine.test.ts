import { describe, expect, it } from 'vitest';
import { allowedActions, canTransition, confirmReceipt, markLateCheck, markNotice, markThanked, recordPayment, renegotiate, waiveStage } from './machine';
import { MilestoneError } from './errors';
import { STAGE_STATUSES, isOverdue, planOpenMinor, type MilestonePlan, type Stage, type StageStatus } from './model';
import { newPlan, presetDrafts } from './plan';
import { DAY_MS } from '../orders/time';

const NOW = Date.UTC(2026, 10, 23, 4);
let n = 0;
const newId = () => `id${++n}`;

function plan(): MilestonePlan {
  return newPlan({ orderKey: 'manual:J1', total: { minor: 500_000, currency: 'USD' }, presetId: 'custom_50_30_20', lang: 'en', drafts: presetDrafts('custom_50_30_20', NOW), now: NOW, newId });
}

/** The plan with its first stage forced into a status (payments to match where the status implies money). */
function withStatus(status: StageStatus): { p: MilestonePlan; id: string } {
  const p = plan();
  const s = p.stages[0]!;
  const part = { id: 'pp', amountMinor: 100_000, paidAt: NOW, reference: 'A', recordedAt: NOW };
  const full = { ...part, amountMinor: s.amountMinor, receiptSentAt: ['confirmed', 'thanked'].includes(status) ? NOW : undefined };
  const payments = status === 'partially_paid' ? [part] : ['paid', 'confirmed', 'thanked'].includes(status) ? [full] : [];
  p.stages[0] = { ...s, status, payments } as Stage;
  return { p, id: s.id };
}

// The expected table, written out pair by pair: anything not listed is refused.
const ALLOWED = new Set([
  'planned>requested', 'planned>partially_paid', 'planned>paid', 'planned>waived', 'planned>renegotiated',
  'requested>requested', 'requested>partially_paid', 'requested>paid', 'requested>waived', 'requested>renegotiated',
  'partially_paid>partially_paid', 'partially_paid>paid', 'partially_paid>waived', 'partially_paid>renegotiated',
  'renegotiated>requested', 'renegotiated>partially_paid', 'renegotiated>paid', 'renegotiated>waived', 'renegotiated>renegotiated',
  'paid>confirmed',
  'confirmed>thanked',
]);

describe('stage transitions', () => {
  for (const from of STAGE_STATUSES) {
    for (const to of STAGE_STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }
});

describe('actions on each status', () => {
  const attempt = (fn: () => MilestonePlan) => {
    try {
      return fn();
    } catch (error) {
      expect(error).toBeInstanceOf(MilestoneError);
      expect((error as Error).message.length).toBeGreaterThan(5);
      return undefined;
    }
  };
  const cases: Record<StageStatus, { notice: StageStatus | null; pay: StageStatus | null; confirm: StageStatus | null; thank: boolean; waive: boolean; reneg: boolean }> = {
    planned: { notice: 'requested', pay: 'partially_paid', confirm: null, thank: false, waive: true, reneg: true },
    requested: { notice: 'requested', pay: 'partially_paid', confirm: null, thank: false, waive: true, reneg: true },
    partially_paid: { notice: 'partially_paid', pay: 'partially_paid', confirm: 'partially_paid', thank: false, waive: true, reneg: true },
    renegotiated: { notice: 'requested', pay: 'partially_paid', confirm: null, thank: false, waive: true, reneg: true },
    paid: { notice: null, pay: null, confirm: 'confirmed', thank: false, waive: false, reneg: false },
    confirmed: { notice: null, pay: null, confirm: null, thank: true, waive: false, reneg: false },
    thanked: { notice: null, pay: null, confirm: null, thank: false, waive: false, reneg: false },
    waived: { notice: null, pay: null, confirm: null, thank: false, waive: false, reneg: false },
  };
  for (const status of STAGE_STATUSES) {
    const want = cases[status];
    it(`${status}: notice, payment, receipt, thanks, waive, renegotiate`, () => {
      const { p, id } = withStatus(status);
      const statusOf = (x: MilestonePlan | undefined) => x?.stages.find((s) => s.id === id)?.status ?? null;
      expect(statusOf(attempt(() => markNotice(p, id, NOW)))).toBe(want.notice);
      expect(statusOf(attempt(() => recordPayment(p, id, { amountMinor: 1, paidAt: NOW, reference: 'r' }, NOW, 'x')))).toBe(want.pay);
      expect(statusOf(attempt(() => confirmReceipt(p, id, NOW)))).toBe(want.confirm);
      expect(statusOf(attempt(() => markThanked(p, id, NOW)))).toBe(want.thank ? 'thanked' : null);
      expect(statusOf(attempt(() => waiveStage(p, id, 'goodwill', NOW)))).toBe(want.waive ? 'waived' : null);
      expect(statusOf(attempt(() => renegotiate(p, id, { mode: 'extend', reason: 'cash flow', dueAt: NOW + DAY_MS }, NOW, newId)))).toBe(want.reneg ? 'renegotiated' : null);
      // The original plan is never changed in place.
      expect(p.stages[0]!.status).toBe(status);
    });
  }

  it('names the stage and both states when refusing', () => {
    const { p, id } = withStatus('thanked');
    expect(() => recordPayment(p, id, { amountMinor: 1, paidAt: NOW, reference: '' }, NOW, 'x')).toThrow(/deposit|定金|訂金/i);
  });
});

describe('payments', () => {
  it('part payments add up to paid; over-payment is refused with the open amount', () => {
    let p = plan();
    const id = p.stages[0]!.id;
    p = recordPayment(p, id, { amountMinor: 100_000, paidAt: NOW, reference: 'TT-1' }, NOW, 'p1');
    expect(p.stages[0]!.status).toBe('partially_paid');
    expect(() => recordPayment(p, id, { amountMinor: 150_001, paidAt: NOW, reference: 'TT-2' }, NOW, 'p2')).toThrow(/1,500\.00/);
    expect(() => recordPayment(p, id, { amountMinor: 0, paidAt: NOW, reference: '' }, NOW, 'p2')).toThrow(MilestoneError);
    p = recordPayment(p, id, { amountMinor: 150_000, paidAt: NOW, reference: 'TT-2' }, NOW + 1, 'p2');
    expect(p.stages[0]!.status).toBe('paid');
    expect(p.stages[0]!.payments.map((x) => x.reference)).toEqual(['TT-1', 'TT-2']);
    expect(planOpenMinor(p)).toBe(250_000);
    expect(p.events.filter((e) => e.kind === 'payment').map((e) => e.amountMinor)).toEqual([100_000, 150_000]);
  });

  it('a receipt covers every unconfirmed payment; a second receipt with nothing new is refused', () => {
    let p = plan();
    const id = p.stages[0]!.id;
    p = recordPayment(p, id, { amountMinor: 250_000, paidAt: NOW, reference: 'R' }, NOW, 'p1');
    p = confirmReceipt(p, id, NOW + 60_000, 'att-1');
    expect(p.stages[0]!.status).toBe('confirmed');
    expect(p.stages[0]!.payments[0]!.receiptSentAt).toBe(NOW + 60_000);
    expect(p.events.at(-1)).toMatchObject({ kind: 'receipt', attemptId: 'att-1', amountMinor: 250_000 });
    expect(() => confirmReceipt(p, id, NOW)).toThrow(MilestoneError);
  });

  it('waiving and renegotiating need a reason', () => {
    const p = plan();
    expect(() => waiveStage(p, p.stages[2]!.id, '  ', NOW)).toThrow(MilestoneError);
    expect(() => renegotiate(p, p.stages[2]!.id, { mode: 'extend', reason: '', dueAt: NOW }, NOW, newId)).toThrow(MilestoneError);
    expect(waiveStage(p, p.stages[2]!.id, 'goodwill discount', NOW).stages[2]).toMatchObject({ status: 'waived', reason: 'goodwill discount' });
  });
});

describe('late payment', () => {
  it('asks first (only when late), then splits the open amount in two parts without changing the total', () => {
    let p = plan();
    const id = p.stages[0]!.id;
    p = recordPayment(p, id, { amountMinor: 50_001, paidAt: NOW, reference: 'A' }, NOW, 'p1');
    expect(() => markLateCheck(p, id, NOW)).toThrow(MilestoneError);
    const late = NOW + 4 * DAY_MS;
    expect(isOverdue(p.stages[0]!, late)).toBe(true);
    expect(allowedActions(p.stages[0]!, late)).toContain('late_check');
    p = markLateCheck(p, id, late, 'att-9');
    expect(p.stages[0]!.lateChecks).toBe(1);
    p = renegotiate(p, id, { mode: 'split', reason: 'finance approval next month', dueAt: late + 7 * DAY_MS, secondDueAt: late + 37 * DAY_MS }, late, newId);
    expect(p.stages).toHaveLength(4);
    const [a, b] = p.stages;
    // 199,999 open: part 1 keeps the 50,001 paid plus 100,000; part 2 gets 99,999.
    expect([a!.amountMinor, b!.amountMinor]).toEqual([150_001, 99_999]);
    expect([a!.status, b!.status]).toEqual(['renegotiated', 'renegotiated']);
    expect([a!.part, b!.part]).toEqual([1, 2]);
    expect(b!.dueAt).toBe(late + 37 * DAY_MS);
    expect(p.stages.reduce((s, x) => s + x.amountMinor, 0)).toBe(500_000);
    expect(isOverdue(a!, late)).toBe(false);
    expect(p.events.at(-1)).toMatchObject({ kind: 'renegotiated', note: 'finance approval next month' });
  });
});
