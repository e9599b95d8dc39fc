import { DAY_MS } from '../orders/time';
import { formatMoney, type Money } from '../orders/money';
import { MilestoneError } from './errors';
import type { Bank, MessageLang, Method, MilestonePlan, Share, Stage, StageDraft, StageKind, Trigger } from './model';

// Plan arithmetic and presets. Amounts are integer minor units; the last stage
// takes whatever rounding leaves, so the stages always add up to the total.

const BP = 10_000n;

/** A share's exact nominal value as a fraction of 10 000 · total, to compare without rounding. */
function nominalScaled(share: Share, total: bigint): bigint {
  if (share.kind === 'percent') return total * BigInt(share.bp);
  if (share.kind === 'fixed') return BigInt(share.minor) * BP;
  return 0n;
}

/**
 * Splits `totalMinor` over the shares. Percent shares are rounded down, fixed
 * ones taken as given; the last stage gets the remainder. Refuses shares that
 * do not add up to the total (a `rest` share makes the last stage "whatever is
 * left"), or that exceed it.
 */
export function splitTotal(totalMinor: number, shares: readonly Share[]): number[] {
  if (shares.length === 0) throw new MilestoneError('noStages');
  const total = BigInt(totalMinor);
  const restIndex = shares.findIndex((s) => s.kind === 'rest');
  if (restIndex >= 0 && restIndex !== shares.length - 1) throw new MilestoneError('restNotLast');
  const scaled = shares.reduce((sum, s) => sum + nominalScaled(s, total), 0n);
  const want = total * BP;
  if (restIndex < 0 && scaled !== want) {
    throw new MilestoneError('sharesSum', { sum: describeSum(shares, totalMinor) });
  }
  if (scaled > want) throw new MilestoneError('overTotal', { sum: describeSum(shares, totalMinor) });

  const amounts: number[] = [];
  let used = 0n;
  shares.forEach((share, i) => {
    if (i === shares.length - 1) {
      amounts.push(Number(total - used));
      return;
    }
    const amount = share.kind === 'percent' ? (total * BigInt(share.bp)) / BP : share.kind === 'fixed' ? BigInt(share.minor) : 0n;
    used += amount;
    amounts.push(Number(amount));
  });
  if (used > total) throw new MilestoneError('overTotal', { sum: describeSum(shares, totalMinor) });
  return amounts;
}

/** "90%" for all-percent plans, otherwise the percent the shares make of the total. */
function describeSum(shares: readonly Share[], totalMinor: number): string {
  const bp = shares.every((s) => s.kind === 'percent')
    ? shares.reduce((sum, s) => sum + (s.kind === 'percent' ? s.bp : 0), 0)
    : totalMinor === 0
      ? 0
      : Number(shares.reduce((sum, s) => sum + nominalScaled(s, BigInt(totalMinor)), 0n) / BigInt(totalMinor));
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;
}

export const PRESET_IDS = ['dpb_30_40_30', 'custom_50_30_20', 'prepay_30_70', 'longterm_10_90', 'trade_assurance', 'custom'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

interface PresetStage {
  kind: StageKind;
  bp: number;
  trigger: Trigger;
}

const PRESETS: Record<Exclude<PresetId, 'custom'>, { method: Method; stages: PresetStage[] }> = {
  // Deposit on confirmation, progress at a key milestone, balance before delivery.
  dpb_30_40_30: {
    method: 'bank_transfer',
    stages: [
      { kind: 'deposit', bp: 3000, trigger: { kind: 'on_confirmation' } },
      { kind: 'progress', bp: 4000, trigger: { kind: 'production_half' } },
      { kind: 'balance', bp: 3000, trigger: { kind: 'before_shipment' } },
    ],
  },
  // Custom jewellery: half up front, 30 % when the 3D design is approved, the rest before shipping.
  custom_50_30_20: {
    method: 'bank_transfer',
    stages: [
      { kind: 'deposit', bp: 5000, trigger: { kind: 'on_confirmation' } },
      { kind: 'progress', bp: 3000, trigger: { kind: 'design_approved' } },
      { kind: 'balance', bp: 2000, trigger: { kind: 'before_shipment' } },
    ],
  },
  // Foreign trade, new customer: 30 % prepayment, balance against a copy of the B/L.
  prepay_30_70: {
    method: 'bank_transfer',
    stages: [
      { kind: 'prepayment', bp: 3000, trigger: { kind: 'on_confirmation' } },
      { kind: 'balance', bp: 7000, trigger: { kind: 'bl_copy' } },
    ],
  },
  // Long-term customer: 10 % prepayment, balance within days of the B/L.
  longterm_10_90: {
    method: 'bank_transfer',
    stages: [
      { kind: 'prepayment', bp: 1000, trigger: { kind: 'on_confirmation' } },
      { kind: 'balance', bp: 9000, trigger: { kind: 'after_bl', days: 2 } },
    ],
  },
  // Alibaba.com Trade Assurance: an initial payment, the balance before shipment, both through the platform.
  trade_assurance: {
    method: 'platform',
    stages: [
      { kind: 'initial', bp: 3000, trigger: { kind: 'on_confirmation' } },
      { kind: 'balance', bp: 7000, trigger: { kind: 'before_shipment' } },
    ],
  },
};

/** The editor's starting stages for a preset (custom: deposit 30 % + the rest). */
export function presetDrafts(preset: PresetId, now: number): StageDraft[] {
  if (preset === 'custom') {
    return [
      { kind: 'deposit', share: { kind: 'percent', bp: 3000 }, trigger: { kind: 'on_confirmation' }, dueAt: now + 3 * DAY_MS, method: 'bank_transfer' },
      { kind: 'balance', share: { kind: 'rest' }, trigger: { kind: 'before_shipment' }, method: 'bank_transfer' },
    ];
  }
  const { method, stages } = PRESETS[preset];
  return stages.map((s, i) => ({
    kind: s.kind,
    share: { kind: 'percent', bp: s.bp },
    trigger: s.trigger,
    // The first stage is asked for now; the others when their milestone is reached.
    ...(i === 0 ? { dueAt: now + 3 * DAY_MS } : {}),
    method,
  }));
}

/** Builds stages with exact amounts from editor drafts, keeping the state of stages that already exist (by position). */
export function buildStages(total: Money, drafts: readonly StageDraft[], newId: () => string, previous: readonly Stage[] = []): Stage[] {
  const amounts = splitTotal(total.minor, drafts.map((d) => d.share));
  return drafts.map((draft, i) => {
    const old = previous[i];
    const amountMinor = amounts[i]!;
    const base: Stage = old ?? {
      id: newId(),
      kind: draft.kind,
      share: draft.share,
      amountMinor,
      currency: total.currency,
      trigger: draft.trigger,
      method: draft.method,
      status: 'planned',
      payments: [],
      lateChecks: 0,
    };
    const paid = base.payments.reduce((s, p) => s + p.amountMinor, 0);
    // An edit must not make money already received exceed its stage.
    if (paid > amountMinor) throw new MilestoneError('overpay', { remaining: formatMoney({ minor: amountMinor, currency: total.currency }), paid: formatMoney({ minor: paid, currency: total.currency }) });
    return {
      ...base,
      kind: draft.kind,
      name: draft.name?.trim() || undefined,
      share: draft.share,
      amountMinor,
      currency: total.currency,
      trigger: draft.trigger,
      dueAt: draft.dueAt,
      method: draft.method,
      instructions: draft.instructions?.trim() || undefined,
      paymentLink: draft.paymentLink?.trim() || undefined,
      progressNote: draft.progressNote?.trim() || undefined,
      fxNote: draft.fxNote?.trim() || undefined,
    };
  });
}

export function newPlan(args: {
  orderKey: string;
  total: Money;
  presetId: string;
  lang: MessageLang;
  bank?: Bank;
  drafts: readonly StageDraft[];
  now: number;
  newId: () => string;
}): MilestonePlan {
  const stages = buildStages(args.total, args.drafts, args.newId);
  return {
    id: args.orderKey,
    orderKey: args.orderKey,
    presetId: args.presetId,
    total: args.total,
    lang: args.lang,
    bank: args.bank ?? {},
    stages,
    events: [{ at: args.now, kind: 'created', note: args.presetId }],
    createdAt: args.now,
    updatedAt: args.now,
  };
}

/** The stage as a draft for the editor. */
export function stageToDraft(stage: Stage): StageDraft {
  const { kind, name, share, trigger, dueAt, method, instructions, paymentLink, progressNote, fxNote } = stage;
  return { kind, name, share, trigger, dueAt, method, instructions, paymentLink, progressNote, fxNote };
}

const BANK_FIELDS = ['beneficiary', 'bank', 'account', 'swift', 'intermediary', 'paypal'] as const satisfies readonly (keyof Bank)[];

/** Receiving details that changed (trimmed, empty = unset); a set field changing or being removed counts. */
export function changedBankFields(before: Bank, after: Bank): (keyof Bank)[] {
  const norm = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
  return BANK_FIELDS.filter((f) => norm(before[f]) !== '' && norm(before[f]) !== norm(after[f]));
}
