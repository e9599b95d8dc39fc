import type { Db } from './db';
import type { MilestoneRecord } from './schema';
import { sumByCurrency, type Money } from '../orders/money';
import { isOpen, openMinor, planOpenMinor, type MilestonePlan } from '../milestones/model';
import { milestonePrompts, nextPromptAt, type MilestonePrompt } from '../milestones/prompts';

// Staged-payment plans in the 'milestones' store: one record per order, the
// whole plan inside it so a change to a stage is one write.

function toRecord(plan: MilestonePlan): MilestoneRecord {
  const dues = plan.stages.filter((s) => isOpen(s) && s.dueAt !== undefined).map((s) => s.dueAt!);
  return {
    id: plan.orderKey,
    orderKey: plan.orderKey,
    ...(dues.length ? { dueAt: Math.min(...dues) } : {}),
    status: plan.stages.some(isOpen) ? 'open' : 'settled',
    plan,
  };
}

export async function getPlan(db: Db, orderKey: string): Promise<MilestonePlan | undefined> {
  return (await db.get('milestones', orderKey))?.plan;
}

/**
 * Stores the plan and, in the same transaction, the order's `dueMinor` (what
 * is still to collect), which the queue shows as `data-due-minor`.
 */
export async function putPlan(db: Db, plan: MilestonePlan): Promise<void> {
  const tx = db.transaction(['milestones', 'orders'], 'readwrite');
  await tx.objectStore('milestones').put(toRecord(plan));
  const order = await tx.objectStore('orders').get(plan.orderKey);
  if (order) {
    const next = { ...order, dueMinor: planOpenMinor(plan) };
    await tx.objectStore('orders').put(next);
  }
  await tx.done;
}

/** Removes the plan; the order's due goes back to its total. */
export async function deletePlan(db: Db, orderKey: string): Promise<void> {
  const tx = db.transaction(['milestones', 'orders'], 'readwrite');
  await tx.objectStore('milestones').delete(orderKey);
  const order = await tx.objectStore('orders').get(orderKey);
  if (order && 'dueMinor' in order) {
    const { dueMinor: _drop, ...rest } = order as typeof order & { dueMinor?: number };
    await tx.objectStore('orders').put(rest);
  }
  await tx.done;
}

export async function listPlans(db: Db): Promise<MilestonePlan[]> {
  return (await db.getAll('milestones')).flatMap((r) => (r.plan ? [r.plan] : []));
}

/**
 * Still to collect per staged order: the open stages' amounts minus part
 * payments. Orders without a plan are absent (their due is the order total).
 */
export async function dueMinorByOrder(db: Db): Promise<Map<string, number>> {
  return new Map((await listPlans(db)).map((plan) => [plan.orderKey, planOpenMinor(plan)]));
}

/** Money in open stages per currency, for the popup (never converted). */
export async function outstandingByCurrency(db: Db): Promise<Money[]> {
  const open = (await listPlans(db)).flatMap((plan) => plan.stages.map((s) => ({ minor: openMinor(s), currency: s.currency })));
  return sumByCurrency(open.filter((m) => m.minor > 0));
}

export type MilestoneFollowUp = MilestonePrompt;

/** Every milestone prompt that applies now across all plans (receipt, thank-you, notice, overdue), most pressing first. */
export async function dueMilestoneFollowUps(db: Db, now: number): Promise<MilestoneFollowUp[]> {
  const prompts = (await listPlans(db)).flatMap((plan) => milestonePrompts(plan, now));
  return prompts.sort((a, b) => Number(b.late) - Number(a.late) || a.deadline - b.deadline);
}

/** When the next milestone alarm should fire (a prompt starts or a deadline passes), if ever. */
export async function nextMilestoneFollowUpAt(db: Db, now: number): Promise<number | undefined> {
  const times = (await listPlans(db)).map((plan) => nextPromptAt(plan, now)).filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}
