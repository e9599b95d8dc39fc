import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { freshDb } from '@/test/support/db';
import { deletePlan, dueMilestoneFollowUps, dueMinorByOrder, getPlan, nextMilestoneFollowUpAt, outstandingByCurrency, putPlan } from './milestones';
import { newPlan, presetDrafts } from '../milestones/plan';
import { recordPayment, waiveStage } from '../milestones/machine';
import type { MilestonePlan } from '../milestones/model';
import { DAY_MS, HOUR_MS } from '../orders/time';

const NOW = Date.UTC(2026, 10, 23, 4);
let n = 0;
const newId = () => `id${++n}`;
const mk = (orderKey: string, minor: number, currency: string, preset: 'custom_50_30_20' | 'prepay_30_70' = 'custom_50_30_20'): MilestonePlan =>
  newPlan({ orderKey, total: { minor, currency }, presetId: preset, lang: 'en', drafts: presetDrafts(preset, NOW), now: NOW, newId });

let db: Db;
beforeEach(async () => {
  db = await freshDb('ms');
});
afterEach(() => db.close());

describe('milestone store', () => {
  it('stores one record per order with the earliest open due date indexed', async () => {
    const p = mk('manual:A', 500_000, 'USD');
    await putPlan(db, p);
    expect(await getPlan(db, 'manual:A')).toEqual(p);
    const record = await db.get('milestones', 'manual:A');
    expect(record).toMatchObject({ id: 'manual:A', orderKey: 'manual:A', status: 'open', dueAt: p.stages[0]!.dueAt });
    expect(await db.getAllKeysFromIndex('milestones', 'by-order', 'manual:A')).toEqual(['manual:A']);
    expect(await db.countFromIndex('milestones', 'by-due', IDBKeyRange.upperBound(NOW + 3 * DAY_MS))).toBe(1);
    await deletePlan(db, 'manual:A');
    expect(await getPlan(db, 'manual:A')).toBeUndefined();
  });

  it('keeps the order record\'s dueMinor in step with the plan, and drops it with the plan', async () => {
    const order = {
      platform: 'manual', orderId: 'A', key: 'manual:A', buyer: { nick: 'Anna' }, items: [], amount: { minor: 500_000, currency: 'USD' },
      status: 'unpaid', statusSource: 'person', pageUrl: '', firstSeenAt: NOW, lastSeenAt: NOW, statusChangedAt: NOW,
    } as const;
    await db.put('orders', { ...order, buyer: { ...order.buyer }, items: [], amount: { ...order.amount } });
    let a = mk('manual:A', 500_000, 'USD');
    await putPlan(db, a);
    expect(await db.get('orders', 'manual:A')).toMatchObject({ dueMinor: 500_000 });
    a = recordPayment(a, a.stages[0]!.id, { amountMinor: 250_000, paidAt: NOW, reference: 'x' }, NOW, 'p1');
    await putPlan(db, a);
    expect(await db.get('orders', 'manual:A')).toMatchObject({ dueMinor: 250_000, status: 'unpaid' });
    await deletePlan(db, 'manual:A');
    expect(await db.get('orders', 'manual:A')).not.toHaveProperty('dueMinor');
  });

  it('due per order: open stages minus part payments; waived stages are not due', async () => {
    let a = mk('manual:A', 500_000, 'USD');
    a = recordPayment(a, a.stages[0]!.id, { amountMinor: 250_000, paidAt: NOW, reference: 'x' }, NOW, 'p1');
    a = recordPayment(a, a.stages[1]!.id, { amountMinor: 50_000, paidAt: NOW, reference: 'y' }, NOW, 'p2');
    let b = mk('alibaba:B', 1_000_001, 'KWD', 'prepay_30_70');
    b = waiveStage(b, b.stages[0]!.id, 'sample credit', NOW);
    await putPlan(db, a);
    await putPlan(db, b);
    const due = await dueMinorByOrder(db);
    expect(due.get('manual:A')).toBe(200_000);
    expect(due.get('alibaba:B')).toBe(700_001);
    expect(due.has('taobao:none')).toBe(false);
    expect(await outstandingByCurrency(db)).toEqual([
      { currency: 'KWD', minor: 700_001 },
      { currency: 'USD', minor: 200_000 },
    ]);
  });

  it('lists follow-ups across plans, late ones first, and the next alarm time', async () => {
    let a = mk('manual:A', 500_000, 'USD');
    a = recordPayment(a, a.stages[0]!.id, { amountMinor: 250_000, paidAt: NOW, reference: 'x' }, NOW, 'p1');
    const b = mk('manual:B', 90_000, 'JPY');
    await putPlan(db, a);
    await putPlan(db, b);
    const at = NOW + 3 * HOUR_MS;
    const list = await dueMilestoneFollowUps(db, at);
    expect(list.map((f) => `${f.orderKey}:${f.kind}:${f.late}`)).toEqual(['manual:A:receipt_due:true', 'manual:A:notice_due:false', 'manual:B:notice_due:false']);
    // B's deposit falls due in 3 days: the next alarm.
    expect(await nextMilestoneFollowUpAt(db, at)).toBe(b.stages[0]!.dueAt);
  });
});
