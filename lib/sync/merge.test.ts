import { describe, expect, it } from 'vitest';
import { mergeShared } from './merge';
import { parseIncoming, docId } from './docs';
import { manualRingOrder } from '@/test/support/background-deps';
import type { Rec } from './docs';
import { VALIDATE_DOC_UPDATE } from './validate';

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
    const pack = (...attempts: Rec[]): Rec => ({ orderKey: 'k', attempts });
    const [merged] = both('attempts', pack(base), pack({ ...base, outcome: 'promised', promisedAt: T0 + 1 })).attempts as Rec[];
    expect(merged!.outcome).toBe('promised');
  });

  it("an order's attempts logged by two agents at once: every attempt of both is kept, in time order", () => {
    const attempt = (id: string, at: number, agent: string): Rec => ({ id, orderKey: 'k', buyerKey: 'b', platform: 'manual', channel: 'chat', direction: 'outbound', action: 'inserted', text: 'hi', at, outcome: 'sent', agent });
    const shared = attempt('a1', T0, '小王');
    const mine = { orderKey: 'k', attempts: [shared, attempt('a3', T0 + 3, '小王')] };
    const theirs = { orderKey: 'k', attempts: [shared, attempt('a2', T0 + 2, '小李')] };
    expect((both('attempts', mine, theirs).attempts as Rec[]).map((a) => `${a.id} ${a.agent}`)).toEqual(['a1 小王', 'a2 小李', 'a3 小王']);
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

describe("an order's attempts as one document", () => {
  const attempt = (id: string, orderKey = 'manual:K-1', at = T0): Rec => ({ id, orderKey, buyerKey: 'manual:b', platform: 'manual', channel: 'chat', direction: 'outbound', action: 'inserted', text: 'hi', at, outcome: 'sent', agent: '小王' });

  it('is read with every attempt checked, in time order, and refused when one belongs to another order', () => {
    const parsed = parseIncoming({ _id: 'attempts:manual:K-1', record: { orderKey: 'manual:K-1', attempts: [attempt('a2', 'manual:K-1', T0 + 5), attempt('a1')] } });
    expect(parsed).toMatchObject({ kind: 'record', store: 'attempts', key: 'manual:K-1' });
    expect(((parsed as { record: Rec }).record.attempts as Rec[]).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(parseIncoming({ _id: 'attempts:manual:K-1', record: { orderKey: 'manual:K-1', attempts: [attempt('a1'), attempt('a2', 'manual:K-2')] } }).kind).toBe('refused');
    expect(parseIncoming({ _id: 'attempts:manual:K-1', record: { orderKey: 'manual:K-1', attempts: [{ ...attempt('a1'), outcome: 'whatever' }] } }).kind).toBe('refused');
    expect(parseIncoming({ _id: 'attempts:manual:K-2', record: { orderKey: 'manual:K-1', attempts: [attempt('a1')] } }).kind).toBe('refused');
  });

  it("an earlier version's document of one attempt is read as its order's pack of one, never filed under another key", () => {
    expect(parseIncoming({ _id: 'attempt:a1', record: attempt('a1') })).toEqual({ kind: 'record', store: 'attempts', key: 'manual:K-1', record: { orderKey: 'manual:K-1', attempts: [attempt('a1')] }, legacy: true });
    expect(parseIncoming({ _id: 'attempt:a9', record: attempt('a1') }).kind).toBe('refused');
    expect(parseIncoming({ _id: 'attempt:a1', record: { ...attempt('a1'), at: -3 } }).kind).toBe('refused');
  });

  it("the shop's server-side check takes an order's attempts added to, and refuses one removed or rewritten", () => {
    const validate = new Function(`return ${VALIDATE_DOC_UPDATE}`)() as (doc: unknown, old: unknown) => void;
    const doc = (...attempts: Rec[]) => ({ _id: 'attempts:manual:K-1', record: { orderKey: 'manual:K-1', attempts } });
    const one = doc(attempt('a1'));
    expect(() => validate(one, null)).not.toThrow();
    expect(() => validate(doc(attempt('a1'), attempt('a2', 'manual:K-1', T0 + 1)), one)).not.toThrow();
    // A new outcome on a logged attempt is learning, not rewriting.
    expect(() => validate(doc({ ...attempt('a1'), outcome: 'promised' }), one)).not.toThrow();
    expect(() => validate(doc(attempt('a2')), one)).toThrow();
    expect(() => validate(doc({ ...attempt('a1'), text: 'another text' }), one)).toThrow();
    expect(() => validate(doc(attempt('a1', 'manual:K-2')), null)).toThrow();
    expect(() => validate({ _id: 'attempts:manual:K-1', record: { orderKey: 'manual:K-1', attempts: [] } }, null)).toThrow();
    // Earlier versions' documents are still checked as before.
    expect(() => validate({ _id: 'attempt:a1', record: attempt('a1') }, null)).not.toThrow();
    expect(() => validate({ _id: 'attempt:a1', record: { ...attempt('a1'), text: 'x' } }, { record: attempt('a1') })).toThrow();
  });
});
