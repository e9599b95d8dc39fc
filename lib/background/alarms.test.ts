import { describe, expect, it } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { testDeps, manualRingOrder } from '@/test/support/background-deps';
import type { Db } from '../store/db';
import { freshDb } from '@/test/support/db';
import type { Reply } from '../messaging/protocol';
import type { MilestoneResponses } from '../messaging/milestones';
import { DAY_MS, HOUR_MS } from '../orders/time';
import { setLocale } from '../i18n';
import type { MilestonePrompt } from '../milestones/prompts';
import {
  markMilestonePromptsAnnounced,
  milestoneActNowCount,
  milestoneAlarmInputs,
  milestoneNotice,
  orderKeyOfMilestoneNotification,
  planMilestoneAlarm,
  plansByOrder,
  promptId,
  splitAnnounced,
  unannouncedMilestonePrompts,
} from './alarms';
import { pruneDue, pruneIfDue } from './data';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../settings';

const NOW = Date.UTC(2026, 10, 23, 4);
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=9' };

const ORDER = manualRingOrder(NOW);

const prompt = (over: Partial<MilestonePrompt> = {}): MilestonePrompt => ({ kind: 'receipt_due', orderKey: 'manual:A:1', stageId: 's1', deadline: NOW + HOUR_MS, late: false, ...over });

async function harness() {
  setLocale('en');
  const db = await freshDb('alarms');
  await db.put('orders', ORDER);
  let now = NOW;
  const bg = createBackground(testDeps(async () => db, () => now));
  async function ask<K extends keyof MilestoneResponses>(type: K, payload: object): Promise<MilestoneResponses[K]> {
    const reply = (await bg.handle({ type, ...payload }, PANEL)) as Reply<MilestoneResponses[K]>;
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.data;
  }
  return { db, ask, setNow: (n: number) => (now = n) };
}

describe('milestone alarm scheduling (pure)', () => {
  it('fires soon, once, when a prompt is due and not announced; does not push a nearly-due alarm back', () => {
    expect(planMilestoneAlarm({ now: NOW, pendingNow: true, nextAt: NOW + DAY_MS, scheduled: undefined })).toBe(NOW + 500);
    expect(planMilestoneAlarm({ now: NOW, pendingNow: true, nextAt: NOW + DAY_MS, scheduled: NOW + DAY_MS })).toBe(NOW + 500);
    expect(planMilestoneAlarm({ now: NOW, pendingNow: true, nextAt: undefined, scheduled: NOW + 400 })).toBeUndefined();
  });

  it('otherwise waits for the next prompt time, and clears the alarm when no plan needs one', () => {
    expect(planMilestoneAlarm({ now: NOW, pendingNow: false, nextAt: NOW + 2 * HOUR_MS, scheduled: undefined })).toBe(NOW + 2 * HOUR_MS);
    expect(planMilestoneAlarm({ now: NOW, pendingNow: false, nextAt: NOW + 2 * HOUR_MS, scheduled: NOW + 2 * HOUR_MS })).toBeUndefined();
    expect(planMilestoneAlarm({ now: NOW, pendingNow: false, nextAt: NOW + HOUR_MS, scheduled: NOW + 2 * HOUR_MS })).toBe(NOW + HOUR_MS);
    expect(planMilestoneAlarm({ now: NOW, pendingNow: false, nextAt: undefined, scheduled: NOW + HOUR_MS })).toBe('clear');
    expect(planMilestoneAlarm({ now: NOW, pendingNow: false, nextAt: undefined, scheduled: undefined })).toBeUndefined();
  });

  it('announces each prompt once, again when it turns late, and forgets prompts that no longer apply', () => {
    const onTime = prompt();
    const late = prompt({ late: true });
    expect(splitAnnounced([onTime], []).fresh).toEqual([onTime]);
    expect(splitAnnounced([onTime], [promptId(onTime)]).fresh).toEqual([]);
    expect(splitAnnounced([late], [promptId(onTime)])).toEqual({ fresh: [late], keep: [] });
    expect(splitAnnounced([], [promptId(onTime), promptId(late)]).keep).toEqual([]);
  });

  it('notification ids carry the order key, even one with colons', () => {
    const p = prompt({ orderKey: 'aliexpress:8190:77', stageId: 'a:b' });
    expect(orderKeyOfMilestoneNotification(promptId(p))).toBe('aliexpress:8190:77');
    expect(orderKeyOfMilestoneNotification('followup:taobao:1')).toBeUndefined();
  });
});

describe('milestone prompts from the store', () => {
  it('a recorded payment makes the receipt prompt due now: notified once, counted in the badge, then the next alarm is its deadline', async () => {
    const h = await harness();
    await h.ask('milestones/create', { orderKey: ORDER.key, presetId: 'custom_50_30_20' });
    // The deposit's notice (due in 3 days) applies at once: one prompt, announced once.
    let fresh = await unannouncedMilestonePrompts(h.db, NOW);
    expect(fresh.map((p) => p.kind)).toEqual(['notice_due']);
    await markMilestonePromptsAnnounced(h.db, fresh, NOW);
    expect(await unannouncedMilestonePrompts(h.db, NOW)).toEqual([]);
    expect(await milestoneActNowCount(h.db, NOW)).toBe(1);

    const plan = (await h.ask('milestones/get', { orderKey: ORDER.key })).plan!;
    const deposit = plan.stages[0]!;
    h.setNow(NOW + 10 * 60_000);
    await h.ask('milestones/pay', { orderKey: ORDER.key, stageId: deposit.id, amountMinor: 250_000, paidAt: NOW + 10 * 60_000, reference: 'FT26112300417' });
    const at = NOW + 11 * 60_000;
    fresh = await unannouncedMilestonePrompts(h.db, at);
    // The receipt for the deposit (2 h), and the next stage's notice (it has no date: its milestone decides).
    expect(fresh).toHaveLength(2);
    expect(fresh).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'receipt_due', orderKey: ORDER.key, stageId: deposit.id, late: false, deadline: NOW + 10 * 60_000 + 2 * HOUR_MS }),
        expect.objectContaining({ kind: 'notice_due', orderKey: ORDER.key, stageId: plan.stages[1]!.id }),
      ]),
    );
    expect(await milestoneAlarmInputs(h.db, at)).toMatchObject({ pendingNow: true });
    // Still one order to act on, however many prompts it has.
    expect(await milestoneActNowCount(h.db, at)).toBe(1);

    const receipt = fresh.find((p) => p.kind === 'receipt_due')!;
    const notice = milestoneNotice(receipt, (await plansByOrder(h.db)).get(ORDER.key), 'Anna Petrova', at);
    expect(notice.title).toContain('Anna Petrova');
    expect(notice.message).toMatch(/^Receipt confirmation due within 2 h: 1\. .+ \(.*1.*left\)$/);

    await markMilestonePromptsAnnounced(h.db, fresh, at);
    const after = await milestoneAlarmInputs(h.db, at);
    expect(after.pendingNow).toBe(false);
    // Next: the 2-hour receipt window closes (before anything else in this plan).
    expect(after.nextAt).toBe(NOW + 10 * 60_000 + 2 * HOUR_MS);
    // When it passes, the late receipt prompt is new again.
    const late = await unannouncedMilestonePrompts(h.db, NOW + 3 * HOUR_MS);
    expect(late).toEqual([expect.objectContaining({ kind: 'receipt_due', late: true })]);
  });

  it('without plans: no prompts, no alarm, nothing in the badge', async () => {
    const h = await harness();
    expect(await milestoneAlarmInputs(h.db, NOW)).toEqual({ pendingNow: false, nextAt: undefined });
    expect(await milestoneActNowCount(h.db, NOW)).toBe(0);
  });
});

describe('retention runs once a day', () => {
  it('pruneDue: first run, a day later, a clock set back', () => {
    expect(pruneDue(undefined, NOW)).toBe(true);
    expect(pruneDue(NOW - DAY_MS + 1, NOW)).toBe(false);
    expect(pruneDue(NOW - DAY_MS, NOW)).toBe(true);
    expect(pruneDue(NOW + HOUR_MS, NOW)).toBe(true);
    expect(pruneDue(NOW - 2 * HOUR_MS, NOW, HOUR_MS)).toBe(true);
  });

  it('pruneIfDue removes old closed orders on the first run and not again until a day has passed', async () => {
    const h = await harness();
    await h.db.put('settings', { key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS, retentionDays: 30 } });
    await h.db.put('orders', { ...ORDER, key: 'manual:old', orderId: 'old', status: 'paid', statusChangedAt: NOW - 40 * DAY_MS });
    expect(await pruneIfDue(h.db, NOW)).toBe(1);
    expect(await h.db.get('orders', 'manual:old')).toBeUndefined();
    await h.db.put('orders', { ...ORDER, key: 'manual:old2', orderId: 'old2', status: 'closed', statusChangedAt: NOW - 40 * DAY_MS });
    expect(await pruneIfDue(h.db, NOW + HOUR_MS)).toBeUndefined();
    expect(await h.db.get('orders', 'manual:old2')).toBeDefined();
    expect(await pruneIfDue(h.db, NOW + DAY_MS)).toBe(1);
    expect(await h.db.get('orders', 'manual:old2')).toBeUndefined();
    // The unpaid order is never touched.
    expect(await h.db.get('orders', ORDER.key)).toBeDefined();
  });
});
