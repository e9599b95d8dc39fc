import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildStages, changedBankFields, newPlan, presetDrafts, PRESET_IDS, splitTotal } from './plan';
import { MilestoneError } from './errors';
import { currencyDigits } from '../orders/money';
import type { Share } from './model';
import { runs } from '../../test/support/fuzz';

const pct = (...ps: number[]): Share[] => ps.map((p) => ({ kind: 'percent', bp: Math.round(p * 100) }));
const NOW = Date.UTC(2026, 10, 23, 4);
let n = 0;
const newId = () => `s${++n}`;

describe('splitTotal', () => {
  it('splits USD 5,000.00 as 50/30/20 into exact cents', () => {
    expect(splitTotal(500_000, pct(50, 30, 20))).toEqual([250_000, 150_000, 100_000]);
  });

  it('gives rounding leftovers to the last stage: JPY (0 digits), USD (2), KWD (3)', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    // ¥10,001 in thirds-ish: 30 % of 10001 = 3000.3 → 3000
    expect(splitTotal(10_001, pct(30, 40, 30))).toEqual([3000, 4000, 3001]);
    expect(splitTotal(99_999, pct(30, 40, 30))).toEqual([29_999, 39_999, 30_001]);
    // KWD 1.001 = 1001 fils
    expect(splitTotal(1001, pct(10, 90))).toEqual([100, 901]);
  });

  it('takes fixed amounts as given and lets a "rest" stage take what is left', () => {
    expect(splitTotal(500_000, [{ kind: 'fixed', minor: 120_000 }, { kind: 'percent', bp: 5000 }, { kind: 'rest' }])).toEqual([120_000, 250_000, 130_000]);
    expect(splitTotal(1000, [{ kind: 'fixed', minor: 400 }, { kind: 'fixed', minor: 600 }])).toEqual([400, 600]);
  });

  it('refuses shares that do not make exactly the total, saying what they add up to', () => {
    expect(() => splitTotal(500_000, pct(50, 30, 10))).toThrow(/90%/);
    expect(() => splitTotal(500_000, pct(50, 30, 30))).toThrow(/110%/);
    expect(() => splitTotal(1000, [{ kind: 'fixed', minor: 1200 }, { kind: 'rest' }])).toThrow(MilestoneError);
    expect(() => splitTotal(1000, [{ kind: 'fixed', minor: 400 }, { kind: 'fixed', minor: 500 }])).toThrow(MilestoneError);
    expect(() => splitTotal(1000, [])).toThrow(MilestoneError);
    expect(() => splitTotal(1000, [{ kind: 'rest' }, { kind: 'percent', bp: 10_000 }])).toThrow(MilestoneError);
  });

  const currency = fc.constantFrom('JPY', 'VND', 'KRW', 'USD', 'CNY', 'EUR', 'KWD', 'BHD');
  // Totals from one minor unit up to far beyond what float percent maths keeps exact.
  const total = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
  const percents = fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
    .map((raw) => {
      // Any basis points that add up to exactly 100 %.
      const sum = raw.reduce((a, b) => a + b, 0) || 1;
      const bps = raw.map((r) => Math.floor((r * 10_000) / sum));
      bps[bps.length - 1]! += 10_000 - bps.reduce((a, b) => a + b, 0);
      return bps;
    });

  it('always sums exactly to the total, never goes negative, for any percents and 0/2/3-digit currencies (property)', () => {
    fc.assert(
      fc.property(currency, total, percents, (code, minor, bps) => {
        const amounts = splitTotal(minor, bps.map((bp) => ({ kind: 'percent' as const, bp })));
        expect(amounts).toHaveLength(bps.length);
        expect(amounts.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(minor);
        // Each stage but the last is its percent rounded down: within one minor unit of exact.
        amounts.slice(0, -1).forEach((a, i) => expect(Math.abs(a - (minor * bps[i]!) / 10_000)).toBeLessThan(1 + minor * 1e-15));
        // And the built stages carry the currency of the total.
        const stages = buildStages({ minor, currency: code }, bps.map((bp) => ({ kind: 'custom', share: { kind: 'percent', bp }, trigger: { kind: 'custom' }, method: 'other' })), newId);
        expect(stages.every((s) => s.currency === code)).toBe(true);
        expect(stages.reduce((a, s) => a + s.amountMinor, 0)).toBe(minor);
      }),
      { numRuns: runs(500) },
    );
  });

  it('sums exactly with fixed amounts and a rest stage (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 0, maxLength: 8 }), fc.integer({ min: 0, max: 1_000_000 }), (fixed, extra) => {
        const minor = fixed.reduce((a, b) => a + b, 0) + extra;
        const amounts = splitTotal(minor, [...fixed.map((f) => ({ kind: 'fixed' as const, minor: f })), { kind: 'rest' as const }]);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(minor);
        expect(amounts[amounts.length - 1]).toBe(extra);
      }),
    );
  });
});

describe('presets', () => {
  it('every preset makes a valid plan that adds up for a 0-, 2- and 3-digit currency', () => {
    for (const id of PRESET_IDS) {
      for (const total of [{ minor: 1_234_567, currency: 'JPY' }, { minor: 500_000, currency: 'USD' }, { minor: 1_000_001, currency: 'BHD' }]) {
        const plan = newPlan({ orderKey: 'manual:X1', total, presetId: id, lang: 'en', drafts: presetDrafts(id, NOW), now: NOW, newId });
        expect(plan.stages.reduce((a, s) => a + s.amountMinor, 0), `${id} ${total.currency}`).toBe(total.minor);
        expect(plan.stages.every((s) => s.status === 'planned' && s.payments.length === 0)).toBe(true);
      }
    }
  });

  it('50/30/20 is deposit on confirmation, progress on design approval, balance before shipment', () => {
    const drafts = presetDrafts('custom_50_30_20', NOW);
    expect(drafts.map((d) => [d.kind, d.share, d.trigger.kind])).toEqual([
      ['deposit', { kind: 'percent', bp: 5000 }, 'on_confirmation'],
      ['progress', { kind: 'percent', bp: 3000 }, 'design_approved'],
      ['balance', { kind: 'percent', bp: 2000 }, 'before_shipment'],
    ]);
    expect(presetDrafts('prepay_30_70', NOW).map((d) => d.trigger.kind)).toEqual(['on_confirmation', 'bl_copy']);
    expect(presetDrafts('trade_assurance', NOW).every((d) => d.method === 'platform')).toBe(true);
  });

  it('an edit keeps stage state and refuses to shrink a stage below what was already paid', () => {
    const plan = newPlan({ orderKey: 'k', total: { minor: 1000, currency: 'USD' }, presetId: 'x', lang: 'en', drafts: presetDrafts('prepay_30_70', NOW), now: NOW, newId });
    const paid = { ...plan.stages[0]!, status: 'paid' as const, payments: [{ id: 'p', amountMinor: 300, paidAt: NOW, reference: 'R', recordedAt: NOW }] };
    const drafts = presetDrafts('prepay_30_70', NOW);
    const kept = buildStages(plan.total, drafts, newId, [paid, plan.stages[1]!]);
    expect(kept[0]!.status).toBe('paid');
    expect(kept[0]!.id).toBe(paid.id);
    drafts[0] = { ...drafts[0]!, share: { kind: 'percent', bp: 2000 } };
    drafts[1] = { ...drafts[1]!, share: { kind: 'percent', bp: 8000 } };
    expect(() => buildStages(plan.total, drafts, newId, [paid, plan.stages[1]!])).toThrow(MilestoneError);
  });
});

describe('changedBankFields', () => {
  it('notices a changed or removed account detail, not a first entry or whitespace', () => {
    expect(changedBankFields({}, { account: '123' })).toEqual([]);
    expect(changedBankFields({ account: '123', swift: 'BKCHCNBJ' }, { account: ' 123 ', swift: 'BKCHCNBJ' })).toEqual([]);
    expect(changedBankFields({ account: '123', swift: 'BKCHCNBJ' }, { account: '456', swift: 'BKCHCNBJ' })).toEqual(['account']);
    expect(changedBankFields({ swift: 'BKCHCNBJ' }, {})).toEqual(['swift']);
  });
});
