import type { Db } from '../store/db';
import { dueMilestoneFollowUps, listPlans, nextMilestoneFollowUpAt } from '../store/milestones';
import type { MilestonePrompt } from '../milestones/prompts';
import type { MilestonePlan } from '../milestones/model';
import { stageName } from '../milestones/messages';
import { currentLocale, formatDuration, t, type MessageKey } from '../i18n';

// The background's timed work besides order follow-ups (lib/reminders/followups.ts):
// staged-payment prompts (notice due, receipt within 2 h, thank-you within 3 days,
// overdue stage) as one alarm + notifications, and the daily data retention.
// Everything here is plain logic over the store; entrypoints/background.ts wires it
// to chrome.alarms and chrome.notifications.

/** One alarm at the next moment a milestone prompt starts or turns late. */
export const MILESTONE_ALARM = 'ms:next';
/** The daily clean-up of old paid and closed orders (Settings.retentionDays; pruneIfDue in ./data.ts). */
export const RETENTION_ALARM = 'data:prune';
export const RETENTION_PERIOD_MINUTES = 24 * 60;

/** Notification ids of milestone prompts; the order key comes last (it may hold ':'). */
export const MILESTONE_NOTIFICATION_PREFIX = 'ms:';
/** Which prompts have had their notification, so each one is shown once (and once more when it turns late). */
const NOTIFIED_KEY = 'ms.notified';
const LAST_PRUNE_KEY = 'data.lastPrune';

/** A prompt's identity for "already announced": the same ask on the same stage, late or not. */
export function promptId(p: Pick<MilestonePrompt, 'kind' | 'late' | 'stageId' | 'orderKey'>): string {
  return `${MILESTONE_NOTIFICATION_PREFIX}${p.kind}:${p.late ? 1 : 0}:${encodeURIComponent(p.stageId)}:${p.orderKey}`;
}

/** The order a milestone notification is about, or undefined for other notifications. */
export function orderKeyOfMilestoneNotification(id: string): string | undefined {
  if (!id.startsWith(MILESTONE_NOTIFICATION_PREFIX)) return undefined;
  const parts = id.slice(MILESTONE_NOTIFICATION_PREFIX.length).split(':');
  if (parts.length < 4) return undefined;
  const key = parts.slice(3).join(':');
  return key || undefined;
}

/** The due prompts not announced yet, and the announced ids still worth remembering (those still due). */
export function splitAnnounced(due: readonly MilestonePrompt[], announced: readonly string[]): { fresh: MilestonePrompt[]; keep: string[] } {
  const dueIds = new Set(due.map(promptId));
  const known = new Set(announced);
  return { fresh: due.filter((p) => !known.has(promptId(p))), keep: announced.filter((id) => dueIds.has(id)) };
}

/**
 * When the milestone alarm should be (re)created: `when` to create it, 'clear'
 * to remove it, undefined to leave it. Prompts due but not announced fire soon,
 * once — moving an alarm that is about to fire on every change would keep it
 * from ever firing; otherwise at the next moment a prompt starts or turns late.
 */
export function planMilestoneAlarm(opts: { now: number; pendingNow: boolean; nextAt: number | undefined; scheduled: number | undefined }): number | 'clear' | undefined {
  const { now, pendingNow, nextAt, scheduled } = opts;
  if (pendingNow) return scheduled === undefined || scheduled > now + 1000 ? now + 500 : undefined;
  if (nextAt === undefined) return scheduled === undefined ? undefined : 'clear';
  return scheduled === nextAt ? undefined : nextAt;
}

async function readNotified(db: Db): Promise<string[]> {
  const value = (await db.get('settings', NOTIFIED_KEY))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Due milestone prompts that have not had a notification yet (most pressing first). */
export async function unannouncedMilestonePrompts(db: Db, now: number): Promise<MilestonePrompt[]> {
  return splitAnnounced(await dueMilestoneFollowUps(db, now), await readNotified(db)).fresh;
}

/** Remembers prompts as announced and forgets ids that no longer apply. Call once the notifications are shown. */
export async function markMilestonePromptsAnnounced(db: Db, shown: readonly MilestonePrompt[], now: number): Promise<void> {
  const { keep } = splitAnnounced(await dueMilestoneFollowUps(db, now), await readNotified(db));
  const ids = [...new Set([...keep, ...shown.map(promptId)])];
  await db.put('settings', { key: NOTIFIED_KEY, value: ids });
}

/** What the milestone alarm needs: whether something is due unannounced, and the next moment after now. */
export async function milestoneAlarmInputs(db: Db, now: number): Promise<{ pendingNow: boolean; nextAt: number | undefined }> {
  const [fresh, nextAt] = await Promise.all([unannouncedMilestonePrompts(db, now), nextMilestoneFollowUpAt(db, now)]);
  return { pendingNow: fresh.length > 0, nextAt };
}

/** Staged orders with a prompt due now: they count in the badge's "act now" number. */
export async function milestoneActNowCount(db: Db, now: number): Promise<number> {
  return new Set((await dueMilestoneFollowUps(db, now)).map((p) => p.orderKey)).size;
}

/** Title and text of a prompt's notification, in the UI language, from the same keys as the panel's banner. */
export function milestoneNotice(prompt: MilestonePrompt, plan: MilestonePlan | undefined, buyer: string, now: number): { title: string; message: string } {
  const index = plan?.stages.findIndex((s) => s.id === prompt.stageId) ?? -1;
  const stage = plan && index >= 0 ? `${index + 1}. ${stageName(plan.stages[index]!, currentLocale())}` : '';
  const vars = { stage, left: formatDuration(prompt.deadline - now), late: formatDuration(now - prompt.deadline) };
  return {
    title: t('ws.notify.title', { buyer }),
    message: t(`ms.prompt.${prompt.kind}${prompt.late ? '.late' : ''}` as MessageKey, vars),
  };
}

/** Plans by order, for the notification texts. */
export async function plansByOrder(db: Db): Promise<Map<string, MilestonePlan>> {
  return new Map((await listPlans(db)).map((p) => [p.orderKey, p]));
}
