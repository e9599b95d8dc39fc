import { MilestoneError } from './errors';
import { isOverdue, paidMinor, type MilestonePlan, type PlanEvent, type Stage, type StageStatus } from './model';
import { formatMoney } from '../orders/money';

// The life of one stage:
//   planned → requested (notice sent) → partially_paid → paid → confirmed (receipt sent) → thanked
//   any open state → waived | renegotiated (with a reason); renegotiated is open again.
// "Overdue" is not stored: it is an open stage past its due date (see isOverdue).

/** Every allowed status change, self-loops included (a second notice, another part payment, another renegotiation). */
export const TRANSITIONS: Readonly<Record<StageStatus, readonly StageStatus[]>> = {
  planned: ['requested', 'partially_paid', 'paid', 'waived', 'renegotiated'],
  requested: ['requested', 'partially_paid', 'paid', 'waived', 'renegotiated'],
  partially_paid: ['partially_paid', 'paid', 'waived', 'renegotiated'],
  renegotiated: ['requested', 'partially_paid', 'paid', 'waived', 'renegotiated'],
  paid: ['confirmed'],
  confirmed: ['thanked'],
  thanked: [],
  waived: [],
};

export function canTransition(from: StageStatus, to: StageStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(stage: Stage, to: StageStatus): void {
  if (!canTransition(stage.status, to)) {
    // Raw values: the page that shows the refusal names the stage and statuses in the person's language.
    throw new MilestoneError('transition', { kind: stage.kind, name: stage.name ?? '', part: stage.part ?? 0, from: stage.status, to });
  }
}

export type StageAction = 'notice' | 'pay' | 'confirm' | 'thank' | 'waive' | 'renegotiate' | 'late_check';

/** What the panel offers on a stage right now. */
export function allowedActions(stage: Stage, now: number): StageAction[] {
  const actions: StageAction[] = [];
  const s = stage.status;
  if (canTransition(s, 'requested') || s === 'partially_paid') actions.push('notice');
  if (canTransition(s, 'paid')) actions.push('pay');
  if (stage.payments.some((p) => p.receiptSentAt === undefined)) actions.push('confirm');
  if (canTransition(s, 'thanked')) actions.push('thank');
  if (isOverdue(stage, now)) actions.push('late_check');
  if (canTransition(s, 'renegotiated')) actions.push('renegotiate');
  if (canTransition(s, 'waived')) actions.push('waive');
  return actions;
}

function findStage(plan: MilestonePlan, stageId: string): Stage {
  const stage = plan.stages.find((s) => s.id === stageId);
  if (!stage) throw new MilestoneError('noStage');
  return stage;
}

function withStage(plan: MilestonePlan, stageId: string, next: Stage | Stage[], event: PlanEvent, now: number): MilestonePlan {
  const stages = plan.stages.flatMap((s) => (s.id === stageId ? next : [s]));
  return { ...plan, stages, events: [...plan.events, event], updatedAt: now };
}

/** A payment notice went out (inserted, copied or sent elsewhere). */
export function markNotice(plan: MilestonePlan, stageId: string, now: number, attemptId?: string): MilestonePlan {
  const stage = findStage(plan, stageId);
  const to: StageStatus = stage.status === 'partially_paid' ? 'partially_paid' : 'requested';
  assertTransition(stage, to);
  return withStage(plan, stageId, { ...stage, status: to, noticeSentAt: now }, { at: now, kind: 'notice', stageId, attemptId }, now);
}

export interface PaymentInput {
  amountMinor: number;
  paidAt: number;
  reference: string;
}

/** Records money received on a stage; part payments add up; more than the stage's open amount is refused. */
export function recordPayment(plan: MilestonePlan, stageId: string, input: PaymentInput, now: number, id: string): MilestonePlan {
  const stage = findStage(plan, stageId);
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) throw new MilestoneError('zeroPayment');
  const paid = paidMinor(stage);
  const remaining = stage.amountMinor - paid;
  const to: StageStatus = paid + input.amountMinor >= stage.amountMinor ? 'paid' : 'partially_paid';
  assertTransition(stage, to);
  if (input.amountMinor > remaining) {
    throw new MilestoneError('overpay', {
      remaining: formatMoney({ minor: remaining, currency: stage.currency }),
      paid: formatMoney({ minor: input.amountMinor, currency: stage.currency }),
    });
  }
  const payment = { id, amountMinor: input.amountMinor, paidAt: input.paidAt, reference: input.reference.trim(), recordedAt: now };
  return withStage(
    plan,
    stageId,
    { ...stage, status: to, payments: [...stage.payments, payment] },
    { at: now, kind: 'payment', stageId, amountMinor: input.amountMinor, reference: payment.reference },
    now,
  );
}

/** The receipt confirmation went out: every unconfirmed payment of the stage is covered; a paid stage becomes confirmed. */
export function confirmReceipt(plan: MilestonePlan, stageId: string, now: number, attemptId?: string): MilestonePlan {
  const stage = findStage(plan, stageId);
  const pending = stage.payments.filter((p) => p.receiptSentAt === undefined);
  if (pending.length === 0) throw new MilestoneError('nothingToConfirm');
  const to: StageStatus = stage.status === 'paid' ? 'confirmed' : stage.status;
  if (to !== stage.status) assertTransition(stage, to);
  const payments = stage.payments.map((p) => (p.receiptSentAt === undefined ? { ...p, receiptSentAt: now } : p));
  const amountMinor = pending.reduce((s, p) => s + p.amountMinor, 0);
  return withStage(
    plan,
    stageId,
    { ...stage, status: to, payments, confirmedAt: to === 'confirmed' ? now : stage.confirmedAt },
    { at: now, kind: 'receipt', stageId, amountMinor, attemptId },
    now,
  );
}

export function markThanked(plan: MilestonePlan, stageId: string, now: number, attemptId?: string): MilestonePlan {
  const stage = findStage(plan, stageId);
  assertTransition(stage, 'thanked');
  return withStage(plan, stageId, { ...stage, status: 'thanked', thankedAt: now }, { at: now, kind: 'thanks', stageId, attemptId }, now);
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new MilestoneError('reasonRequired');
  return trimmed;
}

export function waiveStage(plan: MilestonePlan, stageId: string, reason: string, now: number): MilestonePlan {
  const stage = findStage(plan, stageId);
  assertTransition(stage, 'waived');
  const why = requireReason(reason);
  return withStage(plan, stageId, { ...stage, status: 'waived', reason: why }, { at: now, kind: 'waived', stageId, note: why }, now);
}

/** A gentle "is everything all right?" to a late payer: the first step before proposing new terms. */
export function markLateCheck(plan: MilestonePlan, stageId: string, now: number, attemptId?: string): MilestonePlan {
  const stage = findStage(plan, stageId);
  if (!isOverdue(stage, now)) throw new MilestoneError('notLate');
  return withStage(plan, stageId, { ...stage, lateChecks: stage.lateChecks + 1 }, { at: now, kind: 'late_check', stageId, attemptId }, now);
}

export type Renegotiation =
  | { mode: 'extend'; reason: string; dueAt: number }
  /** Split what is still open into two parts, the second due at `secondDueAt`; no late fee. */
  | { mode: 'split'; reason: string; dueAt: number; secondDueAt: number };

/** New terms for a stage: a later due date, or its open amount in two parts. The stage stays open. */
export function renegotiate(plan: MilestonePlan, stageId: string, terms: Renegotiation, now: number, newId: () => string, attemptId?: string): MilestonePlan {
  const stage = findStage(plan, stageId);
  assertTransition(stage, 'renegotiated');
  const reason = requireReason(terms.reason);
  const event: PlanEvent = { at: now, kind: 'renegotiated', stageId, note: reason, attemptId };
  const base: Stage = { ...stage, status: 'renegotiated', reason, dueAt: terms.dueAt, lateChecks: 0 };
  if (terms.mode === 'extend') return withStage(plan, stageId, base, event, now);

  const open = stage.amountMinor - paidMinor(stage);
  const second = Math.floor(open / 2);
  if (second <= 0) throw new MilestoneError('splitTooSmall');
  const first: Stage = { ...base, amountMinor: stage.amountMinor - second, share: { kind: 'fixed', minor: stage.amountMinor - second }, part: 1 };
  const next: Stage = {
    ...base,
    id: newId(),
    amountMinor: second,
    share: { kind: 'fixed', minor: second },
    dueAt: terms.secondDueAt,
    payments: [],
    noticeSentAt: undefined,
    confirmedAt: undefined,
    part: 2,
  };
  return withStage(plan, stageId, [first, next], { ...event, amountMinor: second }, now);
}
