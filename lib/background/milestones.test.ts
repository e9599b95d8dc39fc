import { errorText } from '@/components/errors';
import type { ReplyError } from '../messaging/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground, type BackgroundDeps, type SenderInfo } from './service';
import type { Db } from '../store/db';
import { freshDb } from '@/test/support/db';
import type { ContentResponses, Reply } from '../messaging/protocol';
import type { MilestoneResponses } from '../messaging/milestones';
import { HOUR_MS } from '../orders/time';
import { getPlan } from '../store/milestones';
import { manualRingOrder } from '@/test/support/background-deps';

const NOW = Date.UTC(2026, 10, 23, 4);
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=9' };
const CONTENT: SenderInfo = { id: 'ext', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', tab: { id: 7 } };

const ORDER = manualRingOrder(NOW);

let db: Db;
let now = NOW;
let insertReply: ContentResponses['composer/insert'] | undefined;
let bg: ReturnType<typeof createBackground>;
const changed = vi.fn();

beforeEach(async () => {
  db = await freshDb('bgms');
  await db.put('orders', ORDER);
  now = NOW;
  insertReply = { inserted: true, method: 'native-setter' };
  changed.mockClear();
  let id = 0;
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => now,
    newId: () => `id-${++id}`,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    askTab: (async (_tab: number, type: keyof ContentResponses) => (type === 'composer/insert' ? insertReply : undefined)) as BackgroundDeps['askTab'],
    tabUrl: async () => 'https://myseller.taobao.com/home.htm/app-customer-service/chat',
    changed,
  };
  bg = createBackground(deps);
});
afterEach(() => db.close());

async function send(raw: object, sender: SenderInfo = PANEL): Promise<Reply<unknown> | undefined> {
  return bg.handle(raw, sender);
}
async function ok<K extends keyof MilestoneResponses>(type: K, payload: object): Promise<MilestoneResponses[K]> {
  const reply = await send({ type, ...payload });
  if (!reply?.ok) throw new Error(`refused: ${reply ? JSON.stringify(reply.error) : 'no reply'}`);
  return reply.data as MilestoneResponses[K];
}
async function refused(type: string, payload: object): Promise<string> {
  const reply = await send({ type, ...payload });
  expect(reply?.ok, `${type} should be refused`).toBe(false);
  // The page's words for the refusal's code.
  return errorText((reply as { error: ReplyError }).error);
}

const key = ORDER.key;

describe('milestone handlers', () => {
  it('creates a 50/30/20 plan from the order total, once', async () => {
    const { plan } = await ok('milestones/create', { orderKey: key, presetId: 'custom_50_30_20' });
    expect(plan.stages.map((s) => [s.kind, s.amountMinor, s.currency, s.status])).toEqual([
      ['deposit', 250_000, 'USD', 'planned'],
      ['progress', 150_000, 'USD', 'planned'],
      ['balance', 100_000, 'USD', 'planned'],
    ]);
    expect(plan.lang).toBe('en');
    expect(changed).toHaveBeenCalled();
    expect(await getPlan(db, key)).toEqual(plan);
    expect(await refused('milestones/create', { orderKey: key, presetId: 'prepay_30_70' })).toMatch(/already|已经|已經/);
    expect(await refused('milestones/create', { orderKey: 'manual:nope', presetId: 'prepay_30_70' })).toMatch(/订单|order/i);
  });

  it('refuses custom stages that do not add up, with the sum', async () => {
    const stage = (bp: number) => ({ kind: 'custom', share: { kind: 'percent', bp }, trigger: { kind: 'custom' }, method: 'bank_transfer' });
    expect(await refused('milestones/create', { orderKey: key, presetId: 'custom', stages: [stage(5000), stage(4000)] })).toContain('90%');
    const { plan } = await ok('milestones/create', { orderKey: key, presetId: 'custom', stages: [stage(3333), stage(3333), stage(3334)] });
    expect(plan.stages.map((s) => s.amountMinor)).toEqual([166_650, 166_650, 166_700]);
  });

  it('runs a stage: notice inserted and logged, payment, receipt within the 2-hour prompt, thanks refused until then', async () => {
    const { plan } = await ok('milestones/create', { orderKey: key, presetId: 'custom_50_30_20' });
    const deposit = plan.stages[0]!.id;

    const insert = await send({ type: 'suggestion/insert', tabId: 9, orderKey: key, templateId: 'ms.notice.en', text: 'Dear Anna, …' });
    const attemptId = (insert as { data: { attemptId: string } }).data.attemptId;
    await ok('milestones/step', { orderKey: key, stageId: deposit, step: 'notice', attemptId });

    now = NOW + HOUR_MS;
    expect(await refused('milestones/pay', { orderKey: key, stageId: deposit, amountMinor: 250_001, paidAt: NOW, reference: 'FT1' })).toContain('US$2,500.00');
    const paid = await ok('milestones/pay', { orderKey: key, stageId: deposit, amountMinor: 250_000, paidAt: NOW, reference: 'FT1' });
    expect(paid.plan.stages[0]!.status).toBe('paid');

    const view = await ok('milestones/get', { orderKey: key });
    expect(view.prompts[0]).toMatchObject({ kind: 'receipt_due', stageId: deposit, deadline: now + 2 * HOUR_MS, late: false });
    expect(view.attempts.map((a) => a.templateId)).toEqual(['ms.notice.en']);
    expect(view.plan!.events.find((e) => e.kind === 'notice')!.attemptId).toBe(attemptId);

    expect(await refused('milestones/step', { orderKey: key, stageId: deposit, step: 'thanks' })).toMatch(/Paid|已到账/);
    await ok('milestones/step', { orderKey: key, stageId: deposit, step: 'receipt' });
    const after = await ok('milestones/get', { orderKey: key });
    expect(after.plan!.stages[0]!.status).toBe('confirmed');
    expect(after.prompts.map((p) => p.kind)).toEqual(['notice_due']);
  });

  it('late payment: a check only once late, then a split logged as renegotiation', async () => {
    const { plan } = await ok('milestones/create', { orderKey: key, presetId: 'prepay_30_70' });
    const first = plan.stages[0]!;
    expect(await refused('milestones/step', { orderKey: key, stageId: first.id, step: 'late_check' })).toMatch(/not late|没有逾期|沒有逾期/);
    now = first.dueAt! + HOUR_MS;
    expect((await ok('milestones/get', { orderKey: key })).prompts[0]).toMatchObject({ kind: 'overdue', late: true });
    await ok('milestones/step', { orderKey: key, stageId: first.id, step: 'late_check' });
    const { plan: split } = await ok('milestones/renegotiate', { orderKey: key, stageId: first.id, reason: 'budget approval', mode: 'split', dueAt: now + 86_400_000, secondDueAt: now + 30 * 86_400_000 });
    expect(split.stages.map((s) => [s.amountMinor, s.status])).toEqual([[75_000, 'renegotiated'], [75_000, 'renegotiated'], [350_000, 'planned']]);
    expect(split.events.at(-1)).toMatchObject({ kind: 'renegotiated', note: 'budget approval' });
  });

  it('warns when receiving bank details change while stages are open', async () => {
    await ok('milestones/create', { orderKey: key, presetId: 'prepay_30_70', bank: { account: '111', swift: 'BKCHCNBJ' } });
    const first = await ok('milestones/update', { orderKey: key, bank: { account: '111', swift: 'BKCHCNBJ', intermediary: 'JPMorgan' } });
    expect(first.accountChanged).toBe(false);
    const second = await ok('milestones/update', { orderKey: key, bank: { account: '222', swift: 'BKCHCNBJ', intermediary: 'JPMorgan' } });
    expect(second.accountChanged).toBe(true);
    expect(second.plan.events.at(-1)).toMatchObject({ kind: 'account_changed', note: 'account' });
  });

  it('summary: money in open stages per currency and the follow-ups', async () => {
    const { plan } = await ok('milestones/create', { orderKey: key, presetId: 'custom_50_30_20' });
    await ok('milestones/pay', { orderKey: key, stageId: plan.stages[0]!.id, amountMinor: 100_000, paidAt: NOW, reference: '' });
    const summary = await ok('milestones/summary', {});
    expect(summary.outstanding).toEqual([{ currency: 'USD', minor: 400_000 }]);
    expect(summary.followUps.map((f) => f.kind)).toContain('receipt_due');
  });

  it('answers only extension pages, and drops malformed requests', async () => {
    expect(await send({ type: 'milestones/get', orderKey: key }, CONTENT)).toBeUndefined();
    expect(await send({ type: 'milestones/pay', orderKey: key, stageId: 'x', amountMinor: -5, paidAt: NOW, reference: '' })).toBeUndefined();
    expect(await send({ type: 'milestones/create', orderKey: key, presetId: 'nope' })).toBeUndefined();
  });
});

describe('milestones: the plan bank charges and PI number', () => {
  it('are set at creation, kept by an edit that does not name them, changed or cleared by one that does', async () => {
    const { plan } = await ok('milestones/create', { orderKey: key, presetId: 'custom_50_30_20', bankCharges: 'OUR', piNumber: ' PI-2026-0457 ' });
    expect(plan.bankCharges).toBe('OUR');
    expect(plan.piNumber).toBe('PI-2026-0457');
    await ok('milestones/update', { orderKey: key, lang: 'pt' });
    expect((await getPlan(db, key))).toMatchObject({ bankCharges: 'OUR', piNumber: 'PI-2026-0457', lang: 'pt' });
    await ok('milestones/update', { orderKey: key, bankCharges: 'SHA', piNumber: '' });
    const stored = (await getPlan(db, key))!;
    expect(stored.bankCharges).toBe('SHA');
    expect(stored.piNumber).toBeUndefined();
  });

  it('refuses charges that are neither OUR nor SHA, and a PI number over 60 characters', async () => {
    await ok('milestones/create', { orderKey: key, presetId: 'custom_50_30_20' });
    // A message that fails its schema gets no answer, like any malformed request.
    expect(await send({ type: 'milestones/update', orderKey: key, bankCharges: 'BEN' })).toBeUndefined();
    expect(await send({ type: 'milestones/update', orderKey: key, piNumber: 'P'.repeat(61) })).toBeUndefined();
    expect((await getPlan(db, key))!.bankCharges).toBeUndefined();
  });
});
