// Requests of staged payments: plans, stages, payments.
// Shape: 'area/verb': { from: 'extension' | 'content', schema: () => z.object({...}) }, built on first use (./lazy.ts).
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/milestones.ts.
import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { requests } from './lazy';
import type { ContactAttempt } from '../orders/model';
import type { Money } from '../orders/money';
import { BankChargesSchema, BankSchema, MessageLangSchema, PiNumberSchema, StageDraftSchema, type MilestonePlan } from '../milestones/model';
import { PRESET_IDS } from '../milestones/plan';
import type { MilestonePrompt } from '../milestones/prompts';

const orderKey = lazySchema(() => z.string().min(3).max(200));
const stageId = lazySchema(() => z.string().min(1).max(100));
const instant = lazySchema(() => z.number().int().nonnegative());

export const MilestoneRequests = requests({
  'milestones/get': { from: 'extension', schema: () => z.object({ orderKey }) },
  'milestones/create': {
    from: 'extension',
    schema: () => z.object({
      orderKey,
      presetId: z.enum(PRESET_IDS),
      lang: MessageLangSchema.optional(),
      // Omitted: the preset's stages.
      stages: z.array(StageDraftSchema).min(1).max(20).optional(),
      bank: BankSchema.optional(),
      bankCharges: BankChargesSchema.optional(),
      piNumber: PiNumberSchema.optional(),
    }),
  },
  'milestones/update': {
    from: 'extension',
    schema: () => z.object({
      orderKey,
      stages: z.array(StageDraftSchema).min(1).max(20).optional(),
      bank: BankSchema.optional(),
      lang: MessageLangSchema.optional(),
      bankCharges: BankChargesSchema.optional(),
      // An empty string clears it.
      piNumber: PiNumberSchema.optional(),
    }),
  },
  'milestones/delete': { from: 'extension', schema: () => z.object({ orderKey }) },
  /** A step's message went out (inserted, copied or sent elsewhere): notice, receipt, thanks, late check. */
  'milestones/step': {
    from: 'extension',
    schema: () => z.object({ orderKey, stageId, step: z.enum(['notice', 'receipt', 'thanks', 'late_check']), attemptId: z.string().max(100).optional() }),
  },
  'milestones/pay': {
    from: 'extension',
    schema: () => z.object({ orderKey, stageId, amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), paidAt: instant, reference: z.string().max(200) }),
  },
  'milestones/waive': { from: 'extension', schema: () => z.object({ orderKey, stageId, reason: z.string().min(1).max(1000) }) },
  'milestones/renegotiate': {
    from: 'extension',
    schema: () => z.object({
      orderKey,
      stageId,
      reason: z.string().min(1).max(1000),
      mode: z.enum(['extend', 'split']),
      dueAt: instant,
      secondDueAt: instant.optional(),
      attemptId: z.string().max(100).optional(),
    }),
  },
  'milestones/summary': { from: 'extension', schema: () => z.object({}) },
});

export interface PlanReply {
  plan: MilestonePlan;
}

export interface MilestoneResponses {
  'milestones/get': { plan?: MilestonePlan; prompts: MilestonePrompt[]; attempts: ContactAttempt[]; now: number };
  'milestones/create': PlanReply;
  /** `accountChanged`: receiving details changed while stages are open — warn and offer the notice. */
  'milestones/update': PlanReply & { accountChanged: boolean };
  'milestones/delete': { deleted: boolean };
  'milestones/step': PlanReply;
  'milestones/pay': PlanReply;
  'milestones/waive': PlanReply;
  'milestones/renegotiate': PlanReply;
  'milestones/summary': { outstanding: Money[]; followUps: MilestonePrompt[] };
}
