import { describe, expect, it } from 'vitest';
import { mergeShared } from './merge';
import { parseIncoming, docId } from './docs';
import { manualRingOrder } from '@/test/support/background-deps';
import type { Rec } from './docs';

const T0 = Date.UTC(2026, 11, 4, 6);
const order = (patch: Rec = {}): Rec => ({ ...(manualRingOrder(T0) as unknown as Rec), ...patch });
const both = (store: Parameters<typeof mergeShared>[0], a: Rec, b: Rec) => {
  const ab = mergeShared(store, a, b);
  // Either agent resolving the conflict gets the same record.
  expect(mergeShared(store, b, a)).toEqual(ab);
  return ab;
};

function plan(updatedAt: number, stages: { id: string; payments: string[] }[], events: Rec[] = []): Rec {
  return {
    id: 'manual:JW-2026-118',
    orderKey: 'manual:JW-2026-118',
    status: 'open',
    plan: {
      id: 'manual:JW-2026-118',
      orderKey: 'manual:JW-2026-118',
      presetId: 'custom',
      total: { minor: 500_000, currency: 'USD' },
      lang: 'en',
      bank: {},
      stages: stages.map((s) => ({
        id: s.id,
        kind: 'deposit',
        share: { kind: 'rest' },
        amountMinor: 250_000,
        currency: 'USD',
        trigger: { kind: 'on_confirmation' },
        method: 'bank_transfer',
        status: 'planned',
        lateChecks: 0,
        payments: s.payments.map((id) => ({ id, amountMinor: 1000, paidAt: T0, reference: id, recordedAt: T0 })),
      })),
      events,
      createdAt: T0,
      updatedAt,
    },
  };
}

describe('team merge rules', () => {
  it('status: paid by a person beats paid seen on a page beats unpaid, whoever saw the order last', () => {
    const unpaid = order({ lastSeenAt: T0 + 9_000 });
    const pagePaid = order({ status: 'paid', statusSource: 'page', statusChangedAt: T0 + 100, lastSeenAt: T0 + 100 });
    const personPaid = order({ status: 'paid', statusSource: 'person', statusChangedAt: T0 + 50, lastSeenAt: T0 + 50 });
    expect(both('orders', unpaid, pagePaid).status).toBe('paid');
    expect(both('orders', unpaid, personPaid)).toMatchObject({ status: 'paid', statusSource: 'person', lastSeenAt: T0 + 9_000 });
    expect(both('orders', pagePaid, personPaid).statusSource).toBe('person');
  });

  it('an attempt: a logged outcome is not undone by a copy still pending', () => {
    const base: Rec = { id: 'a1', orderKey: 'k', buyerKey: 'b', platform: 'manual', channel: 'chat', direction: 'outbound', action: 'inserted', text: 'hi', at: T0, outcome: 'pending', agent: '小王' };
    expect(both('attempts', base, { ...base, outcome: 'promised', promisedAt: T0 + 1 }).outcome).toBe('promised');
  });

  it('a plan edited on both sides: the later edit wins, the other stays in its history, every payment is kept', () => {
    const early = plan(T0 + 1_000, [{ id: 's1', payments: ['p-a'] }, { id: 's2', payments: [] }]);
    const late = plan(T0 + 2_000, [{ id: 's1', payments: ['p-b'] }]);
    const merged = both('milestones', early, late) as { plan: { updatedAt: number; stages: { id: string; payments: { id: string }[] }[]; events: { kind: string; note?: string }[] } };
    expect(merged.plan.updatedAt).toBe(T0 + 2_000);
    expect(merged.plan.stages.map((s) => s.id)).toEqual(['s1']);
    expect(merged.plan.stages[0]!.payments.map((p) => p.id).sort()).toEqual(['p-a', 'p-b']);
    const superseded = merged.plan.events.filter((e) => e.kind === 'edited' && e.note?.startsWith('superseded'));
    expect(superseded).toHaveLength(1);
    expect(superseded[0]!.note).toContain(new Date(T0 + 1_000).toISOString());
    // Merging again changes nothing (the conflict is resolved once).
    expect(mergeShared('milestones', merged, late)).toEqual(merged);
  });

  it('a buyer: both notes, all tags, and do-not-remind if anyone set it', () => {
    const buyer: Rec = { key: 'manual:Anna', platform: 'manual', nick: 'Anna', firstSeenAt: T0, lastSeenAt: T0, paidOrderKeys: ['x'] };
    const merged = both('buyers', { ...buyer, note: 'prefers WhatsApp', tags: ['#vip'] }, { ...buyer, lastSeenAt: T0 + 5, note: 'pays on Fridays', doNotRemind: true, paidOrderKeys: ['y'] });
    expect(merged.note).toContain('prefers WhatsApp');
    expect(merged.note).toContain('pays on Fridays');
    expect(merged).toMatchObject({ tags: ['#vip'], doNotRemind: true, paidOrderKeys: ['x', 'y'] });
  });
});

describe('documents from the server are checked like an import', () => {
  it('takes a valid record filed under its own key', () => {
    const o = order();
    expect(parseIncoming({ _id: docId('orders', String(o.key)), _rev: '1-a', record: o })).toMatchObject({ kind: 'record', store: 'orders', key: o.key });
  });

  it('refuses malformed, misfiled, unknown and private documents', () => {
    const o = order();
    expect(parseIncoming({ _id: docId('orders', String(o.key)), record: { ...o, amount: { minor: -5, currency: 'usd' } } }).kind).toBe('refused');
    expect(parseIncoming({ _id: docId('orders', 'taobao:1'), record: o }).kind).toBe('refused');
    expect(parseIncoming({ _id: 'virus:1', record: {} }).kind).toBe('refused');
    // This browser's own settings never come from the team.
    expect(parseIncoming({ _id: 'setting:ws.selected', record: { key: 'ws.selected', value: 'taobao:1' } }).kind).toBe('refused');
    expect(parseIncoming({ _id: 'claim:taobao:1', claim: { orderKey: 'taobao:2', agent: 'x', at: 1 } }).kind).toBe('refused');
  });

  it('ignores deletions and design documents: nothing local is ever removed by the server', () => {
    expect(parseIncoming({ _id: docId('orders', 'manual:x'), _deleted: true }).kind).toBe('skip');
    expect(parseIncoming({ _id: '_design/paynudge', validate_doc_update: '' }).kind).toBe('skip');
  });
});
