import { DAY_MS, HOUR_MS } from '../orders/time';
import { isOpen, isOverdue, type MilestonePlan, type Stage } from './model';

// What a plan asks of the seller right now, with the deadline of each ask.
// Pure: the background lists these for alarms and the badge, the panel shows them as banners.

/** The receipt confirmation goes out within 2 hours of recording a payment. */
export const RECEIPT_WINDOW_MS = 2 * HOUR_MS;
/** The thank-you and feedback request within 3 days of the final payment. */
export const THANKS_WINDOW_MS = 3 * DAY_MS;
/** A stage with a due date gets its notice this long before it. */
export const NOTICE_LEAD_MS = 3 * DAY_MS;

export type PromptKind = 'receipt_due' | 'thanks_due' | 'notice_due' | 'overdue';

export interface MilestonePrompt {
  kind: PromptKind;
  orderKey: string;
  stageId: string;
  /** When it should be done by (for overdue: when the stage fell due). */
  deadline: number;
  /** The deadline has passed. */
  late: boolean;
}

const ORDER: Record<PromptKind, number> = { receipt_due: 0, overdue: 1, thanks_due: 2, notice_due: 3 };

/** The stage whose payment came last (the final payment of a settled plan). */
function lastPaid(plan: MilestonePlan): { stage: Stage; at: number } | undefined {
  let best: { stage: Stage; at: number } | undefined;
  for (const stage of plan.stages) {
    for (const p of stage.payments) if (!best || p.recordedAt >= best.at) best = { stage, at: p.recordedAt };
  }
  return best;
}

/** The moment the stage before `index` was settled, or the plan's creation for the first. */
function previousSettledAt(plan: MilestonePlan, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const prev = plan.stages[i]!;
    const at = Math.max(0, ...prev.payments.map((p) => p.recordedAt));
    if (at > 0) return at;
  }
  return plan.createdAt;
}

/** Every prompt that applies at `now`, most pressing first. */
export function milestonePrompts(plan: MilestonePlan, now: number): MilestonePrompt[] {
  const prompts: MilestonePrompt[] = [];
  const push = (kind: PromptKind, stage: Stage, deadline: number, canBeLate = true) =>
    prompts.push({ kind, orderKey: plan.orderKey, stageId: stage.id, deadline, late: canBeLate && deadline < now });

  for (const stage of plan.stages) {
    const unconfirmed = stage.payments.filter((p) => p.receiptSentAt === undefined);
    if (unconfirmed.length > 0) push('receipt_due', stage, Math.min(...unconfirmed.map((p) => p.recordedAt)) + RECEIPT_WINDOW_MS);
    if (isOverdue(stage, now)) push('overdue', stage, stage.dueAt!);
  }

  // Only the next stage to ask for gets a notice prompt: later ones wait for their milestone.
  const nextIndex = plan.stages.findIndex(isOpen);
  const next = plan.stages[nextIndex];
  if (next && next.status === 'planned' && !isOverdue(next, now)) {
    // Without a due date the milestone decides: the notice is wanted, but we cannot call it late.
    if (next.dueAt === undefined) push('notice_due', next, previousSettledAt(plan, nextIndex), false);
    else if (now >= next.dueAt - NOTICE_LEAD_MS) push('notice_due', next, next.dueAt);
  }

  const final = lastPaid(plan);
  if (final && plan.stages.every((s) => !isOpen(s)) && final.stage.status !== 'thanked') {
    push('thanks_due', final.stage, final.at + THANKS_WINDOW_MS);
  }

  return prompts.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.deadline - b.deadline);
}

/** When the next prompt not yet shown will start to apply (for an alarm), if any. */
export function nextPromptAt(plan: MilestonePlan, now: number): number | undefined {
  let next: number | undefined;
  const consider = (at: number) => {
    if (at > now && (next === undefined || at < next)) next = at;
  };
  for (const stage of plan.stages) {
    if (!isOpen(stage) || stage.dueAt === undefined) continue;
    // Becomes overdue just after its due moment; its notice is due NOTICE_LEAD_MS before.
    consider(stage.dueAt + 1);
    if (stage.status === 'planned') consider(stage.dueAt - NOTICE_LEAD_MS);
  }
  // Deadlines of prompts already shown: an alarm when they pass turns them "late".
  for (const p of milestonePrompts(plan, now)) if (!p.late) consider(p.deadline);
  return next;
}
