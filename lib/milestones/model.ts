import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { MoneySchema } from '../orders/model';

// A staged-payment plan: one per order, stages that always add up to the
// order total, each with its own state, payments and history. Pure data;
// validated once where it enters (messages, storage reads), then trusted.

const text = (max: number) => z.string().max(max);
const instant = lazySchema(() => z.number().int().nonnegative());
const minor = lazySchema(() => z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER));

export const STAGE_STATUSES = ['planned', 'requested', 'partially_paid', 'paid', 'confirmed', 'thanked', 'waived', 'renegotiated'] as const;
export const StageStatusSchema = lazySchema(() => z.enum(STAGE_STATUSES));
export type StageStatus = z.infer<typeof StageStatusSchema>;

/** Statuses whose money is still to collect. */
export const OPEN_STATUSES: ReadonlySet<StageStatus> = new Set(['planned', 'requested', 'partially_paid', 'renegotiated']);

/** How a stage's share of the total is given: percent (basis points), a fixed amount, or whatever is left. */
export const ShareSchema = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bp: z.number().int().min(0).max(10_000) }),
  z.object({ kind: z.literal('fixed'), minor }),
  z.object({ kind: z.literal('rest') }),
]));
export type Share = z.infer<typeof ShareSchema>;

export const TRIGGERS = [
  'on_confirmation',
  'design_approved',
  'sample_done',
  'production_half',
  'before_shipment',
  'after_acceptance',
  'after_bl',
  'bl_copy',
  'custom',
] as const;
export const TriggerSchema = lazySchema(() => z.object({
  kind: z.enum(TRIGGERS),
  /** For after_bl: days after the bill of lading is issued. */
  days: z.number().int().min(0).max(365).optional(),
  /** For custom: the milestone in the seller's words. */
  text: text(200).optional(),
}));
export type Trigger = z.infer<typeof TriggerSchema>;

export const METHODS = ['bank_transfer', 'payment_link', 'paypal', 'lc', 'platform', 'other'] as const;
export const MethodSchema = lazySchema(() => z.enum(METHODS));
export type Method = z.infer<typeof MethodSchema>;

export const STAGE_KINDS = ['deposit', 'progress', 'balance', 'prepayment', 'initial', 'custom'] as const;
export const StageKindSchema = lazySchema(() => z.enum(STAGE_KINDS));
export type StageKind = z.infer<typeof StageKindSchema>;

export const PaymentSchema = lazySchema(() => z.object({
  id: text(100).min(1),
  amountMinor: minor.min(1),
  /** When the buyer paid (the date on the bank slip), as the seller enters it. */
  paidAt: instant,
  reference: text(200),
  /** When the seller recorded it here: the receipt confirmation is due 2 hours later. */
  recordedAt: instant,
  receiptSentAt: instant.optional(),
}));
export type Payment = z.infer<typeof PaymentSchema>;

export const StageSchema = lazySchema(() => z.object({
  id: text(100).min(1),
  kind: StageKindSchema,
  /** The seller's own name; empty means the kind's name in each language. */
  name: text(200).optional(),
  share: ShareSchema,
  amountMinor: minor,
  currency: z.string().regex(/^[A-Z]{3}$/),
  trigger: TriggerSchema,
  dueAt: instant.optional(),
  method: MethodSchema,
  /** Payment instructions for this stage beyond the plan's receiving account. */
  instructions: text(2000).optional(),
  paymentLink: text(2000).optional(),
  /** What was achieved before this stage is asked for (progress update for the notice). */
  progressNote: text(1000).optional(),
  fxNote: text(500).optional(),
  status: StageStatusSchema,
  payments: z.array(PaymentSchema).max(100),
  /** Why the stage was waived or renegotiated. */
  reason: text(1000).optional(),
  noticeSentAt: instant.optional(),
  confirmedAt: instant.optional(),
  thankedAt: instant.optional(),
  /** Gentle "is something wrong?" checks sent since the stage became late. */
  lateChecks: z.number().int().min(0).max(100).default(0),
  /** 1 or 2 when the stage was split into two parts by a renegotiation. */
  part: z.number().int().min(1).max(2).optional(),
}));
export type Stage = z.infer<typeof StageSchema>;

export const BankSchema = lazySchema(() => z.object({
  beneficiary: text(200).optional(),
  bank: text(200).optional(),
  account: text(100).optional(),
  swift: text(20).optional(),
  intermediary: text(300).optional(),
  paypal: text(200).optional(),
}));
export type Bank = z.infer<typeof BankSchema>;

export const EVENT_KINDS = [
  'created',
  'edited',
  'notice',
  'payment',
  'receipt',
  'thanks',
  'late_check',
  'waived',
  'renegotiated',
  'account_changed',
] as const;
export const PlanEventSchema = lazySchema(() => z.object({
  at: instant,
  kind: z.enum(EVENT_KINDS),
  stageId: text(100).optional(),
  amountMinor: minor.optional(),
  reference: text(200).optional(),
  note: text(1000).optional(),
  attemptId: text(100).optional(),
}));
export type PlanEvent = z.infer<typeof PlanEventSchema>;

/**
 * Who pays the transfer fees of a bank payment: OUR (the buyer pays every
 * charge, intermediaries included, so the full amount arrives) or SHA (each
 * side pays its own bank). Plans stored before the choice existed read as SHA,
 * the usual default of a SWIFT transfer.
 */
export const BANK_CHARGES = ['OUR', 'SHA'] as const;
export const BankChargesSchema = lazySchema(() => z.enum(BANK_CHARGES));
export type BankCharges = z.infer<typeof BankChargesSchema>;
export const DEFAULT_BANK_CHARGES: BankCharges = 'SHA';

/** The proforma invoice (PI) number the buyer quotes as the payment reference, as the seller issued it. */
export const PiNumberSchema = lazySchema(() => z.string().trim().max(60));

export const MESSAGE_LANGS = ['zh-CN', 'zh-TW', 'en', 'ru', 'pt', 'es'] as const;
export const MessageLangSchema = lazySchema(() => z.enum(MESSAGE_LANGS));
export type MessageLang = z.infer<typeof MessageLangSchema>;

export const MilestonePlanSchema = lazySchema(() => z.object({
  /** The order key: one plan per order. */
  id: text(200),
  orderKey: text(200),
  presetId: text(50),
  total: MoneySchema,
  lang: MessageLangSchema,
  bank: BankSchema,
  /** Absent on plans made before it could be set: read through bankChargesOf. */
  bankCharges: BankChargesSchema.optional(),
  piNumber: PiNumberSchema.optional(),
  stages: z.array(StageSchema).min(1).max(20),
  events: z.array(PlanEventSchema).max(1000),
  createdAt: instant,
  updatedAt: instant,
}));
export type MilestonePlan = z.infer<typeof MilestonePlanSchema>;

/** A stage as the editor sends it: no state yet. */
export const StageDraftSchema = lazySchema(() => z.object({
  kind: StageKindSchema,
  name: text(200).optional(),
  share: ShareSchema,
  trigger: TriggerSchema,
  dueAt: instant.optional(),
  method: MethodSchema,
  instructions: text(2000).optional(),
  paymentLink: text(2000).optional(),
  progressNote: text(1000).optional(),
  fxNote: text(500).optional(),
}));
export type StageDraft = z.infer<typeof StageDraftSchema>;

export function bankChargesOf(plan: Pick<MilestonePlan, 'bankCharges'>): BankCharges {
  return plan.bankCharges ?? DEFAULT_BANK_CHARGES;
}

export function paidMinor(stage: Pick<Stage, 'payments'>): number {
  return stage.payments.reduce((sum, p) => sum + p.amountMinor, 0);
}

/** Money still to collect on a stage (zero once paid, waived or beyond). */
export function openMinor(stage: Stage): number {
  return OPEN_STATUSES.has(stage.status) ? Math.max(0, stage.amountMinor - paidMinor(stage)) : 0;
}

export function isOpen(stage: Stage): boolean {
  return OPEN_STATUSES.has(stage.status);
}

/** Past its due date with money still open. */
export function isOverdue(stage: Stage, now: number): boolean {
  return isOpen(stage) && stage.dueAt !== undefined && stage.dueAt < now;
}

export function planOpenMinor(plan: MilestonePlan): number {
  return plan.stages.reduce((sum, s) => sum + openMinor(s), 0);
}
