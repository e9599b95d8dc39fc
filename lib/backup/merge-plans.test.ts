import { describe, expect, it } from 'vitest';
import { mergeRecord } from './merge';

// Importing a backup meets a staged-payment plan by the plan's own edit time
// (plan.updatedAt), with the rules team sync uses: the later edit wins, the
// other revision stays in the plan's history, and no payment is dropped.

const T0 = Date.UTC(2026, 11, 4, 6);
const KEY = 'manual:JW-2026-118';

function planRecord(updatedAt: number, note: string, payments: { id: string; amountMinor: number; paidAt: number }[] = []) {
  return {
    id: KEY,
    orderKey: KEY,
    status: 'open',
    plan: {
      id: KEY,
      orderKey: KEY,
      presetId: 'custom',
      total: { minor: 500_000, currency: 'USD' },
      lang: 'en',
      bank: {},
      stages: [{ id: 's1', kind: 'deposit', share: { kind: 'rest' }, amountMinor: 500_000, currency: 'USD', trigger: { kind: 'custom', text: note }, method: 'bank_transfer', status: 'planned', lateChecks: 0, payments }],
      events: [] as { at: number; kind: string; note?: string }[],
      createdAt: T0,
      updatedAt,
    },
  };
}

type Plan = ReturnType<typeof planRecord>['plan'];

describe('backup import: staged-payment plans', () => {
  it("takes the file's later edit of a plan and keeps the stored revision in its history", () => {
    const { verdict, value } = mergeRecord('milestones', planRecord(T0 + 2_000, 'edited later'), planRecord(T0, 'stored'));
    expect(verdict).toBe('updated');
    const plan = value!.plan as Plan;
    expect(plan.stages[0]!.trigger.text).toBe('edited later');
    expect(plan.events.some((e) => e.kind === 'edited' && e.note?.includes(new Date(T0).toISOString()))).toBe(true);
  });

  it('keeps the stored later edit, and a payment only the older file recorded', () => {
    const payment = { id: 'p1', amountMinor: 100_000, paidAt: T0 + 500 };
    const { verdict, value } = mergeRecord('milestones', planRecord(T0, 'old file', [payment]), planRecord(T0 + 2_000, 'stored later'));
    expect(verdict).toBe('updated');
    const plan = value!.plan as Plan;
    expect(plan.stages[0]!.trigger.text).toBe('stored later');
    expect(plan.stages[0]!.payments).toEqual([payment]);
  });

  it('leaves the stored plan alone when the file has the same edit', () => {
    expect(mergeRecord('milestones', planRecord(T0, 'file'), planRecord(T0, 'stored')).verdict).toBe('unchanged');
  });
});
