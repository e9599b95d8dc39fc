import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { freshDb } from '@/test/support/db';
import { addAttempt, addAttemptsIn, attemptsFollowingUp, countAttempts, countAttemptsByOrder, getAttempt, listAttempts, listBuyerAttempts, putAttempt, setAttemptOutcome } from './attempts';
import type { ContactAttempt } from '../orders/model';
import { HOUR_MS, MINUTE_MS } from '../orders/time';

const T0 = Date.UTC(2026, 10, 23, 4, 0, 0);
const ORDER_A = 'taobao:3398752046183927614';
const ORDER_B = 'taobao:2471093385512748201';

function attempt(id: string, overrides: Partial<ContactAttempt> = {}): ContactAttempt {
  return {
    id,
    orderKey: ORDER_A,
    buyerKey: 'taobao:快乐的小熊',
    platform: 'taobao',
    channel: 'chat',
    direction: 'outbound',
    action: 'inserted',
    templateId: 'zh-first-friendly',
    text: '亲，快乐的小熊您好～看到您拍下的「纯棉儿童睡衣套装 春秋款」还没有付款，是不是忘记啦？',
    at: T0,
    outcome: 'pending',
    ...overrides,
  };
}

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('addAttempt / listAttempts', () => {
  it('lists the attempts of one order, newest first, whatever order they were logged in', async () => {
    await addAttempt(db, attempt('a1', { at: T0 + HOUR_MS }));
    await addAttempt(db, attempt('a2', { at: T0 + 3 * HOUR_MS }));
    await addAttempt(db, attempt('a3', { at: T0 }));
    await addAttempt(db, attempt('b1', { orderKey: ORDER_B, at: T0 + 2 * HOUR_MS }));

    expect((await listAttempts(db, ORDER_A)).map((a) => a.id)).toEqual(['a2', 'a1', 'a3']);
    expect((await listAttempts(db, ORDER_B)).map((a) => a.id)).toEqual(['b1']);
  });

  it('returns what was stored, text included', async () => {
    const stored = attempt('a1', { note: '买家说晚上付', channel: 'phone', action: 'manual' });
    await addAttempt(db, stored);
    expect(await listAttempts(db, ORDER_A)).toEqual([stored]);
  });

  it('lists nothing for an order never contacted', async () => {
    await addAttempt(db, attempt('a1'));
    expect(await listAttempts(db, 'taobao:999999')).toEqual([]);
  });

  it('refuses a second attempt with the same id and keeps the first', async () => {
    await addAttempt(db, attempt('a1', { text: '第一条' }));
    await expect(addAttempt(db, attempt('a1', { text: '第二条' }))).rejects.toThrow();
    const listed = await listAttempts(db, ORDER_A);
    expect(listed.map((a) => a.text)).toEqual(['第一条']);
  });
});

describe('setAttemptOutcome', () => {
  it('returns undefined for an unknown id and stores nothing', async () => {
    expect(await setAttemptOutcome(db, { id: 'nope', outcome: 'paid' })).toBeUndefined();
    expect(await countAttempts(db)).toBe(0);
  });

  it('records the outcome and the note, and keeps the rest of the attempt', async () => {
    const original = attempt('a1');
    await addAttempt(db, original);
    const updated = await setAttemptOutcome(db, { id: 'a1', outcome: 'replied', note: '问能不能便宜点' });
    expect(updated).toEqual({ ...original, outcome: 'replied', note: '问能不能便宜点', promisedAt: undefined });
    expect((await listAttempts(db, ORDER_A))[0]).toMatchObject({ outcome: 'replied', note: '问能不能便宜点', text: original.text });
  });

  it('keeps an earlier note when the update has none', async () => {
    await addAttempt(db, attempt('a1', { note: '买家说晚上付' }));
    await setAttemptOutcome(db, { id: 'a1', outcome: 'no_reply' });
    expect((await listAttempts(db, ORDER_A))[0]?.note).toBe('买家说晚上付');
  });

  it('keeps promisedAt for "promised" only', async () => {
    const promise = T0 + 5 * HOUR_MS;
    await addAttempt(db, attempt('a1'));

    const promised = await setAttemptOutcome(db, { id: 'a1', outcome: 'promised', promisedAt: promise });
    expect(promised?.promisedAt).toBe(promise);
    expect((await listAttempts(db, ORDER_A))[0]?.promisedAt).toBe(promise);

    // Re-confirming the promise without a new time keeps the known one.
    await setAttemptOutcome(db, { id: 'a1', outcome: 'promised' });
    expect((await listAttempts(db, ORDER_A))[0]?.promisedAt).toBe(promise);

    // Any other outcome drops it: a refusal has no promised time.
    const refused = await setAttemptOutcome(db, { id: 'a1', outcome: 'refused', promisedAt: promise + MINUTE_MS });
    expect(refused?.promisedAt).toBeUndefined();
    expect((await listAttempts(db, ORDER_A))[0]?.promisedAt).toBeUndefined();
    expect((await listAttempts(db, ORDER_A))[0]?.outcome).toBe('refused');
  });

  it('changes only the attempt it was asked to change', async () => {
    await addAttempt(db, attempt('a1', { at: T0 }));
    await addAttempt(db, attempt('a2', { at: T0 + MINUTE_MS }));
    await setAttemptOutcome(db, { id: 'a1', outcome: 'paid' });
    const byId = Object.fromEntries((await listAttempts(db, ORDER_A)).map((a) => [a.id, a.outcome]));
    expect(byId).toEqual({ a1: 'paid', a2: 'pending' });
  });
});

describe('countAttemptsByOrder', () => {
  it('counts attempts per order', async () => {
    await addAttempt(db, attempt('a1'));
    await addAttempt(db, attempt('a2'));
    await addAttempt(db, attempt('a3'));
    await addAttempt(db, attempt('b1', { orderKey: ORDER_B }));
    const counts = await countAttemptsByOrder(db);
    expect(Object.fromEntries(counts)).toEqual({ [ORDER_A]: 3, [ORDER_B]: 1 });
  });

  it('is empty when nobody was contacted', async () => {
    expect((await countAttemptsByOrder(db)).size).toBe(0);
  });
});

describe('one record per order', () => {
  it("keeps an order's attempts in one record, each found by its id, its buyer and its follow-up time", async () => {
    await addAttempt(db, attempt('a1', { at: T0 + HOUR_MS, followUpAt: T0 + 5 * HOUR_MS }));
    await addAttempt(db, attempt('a2', { at: T0, followUpAt: T0 + 2 * HOUR_MS }));
    await addAttempt(db, attempt('a3', { at: T0 + 2 * HOUR_MS, buyerKey: 'taobao:换了昵称' }));
    await addAttempt(db, attempt('b1', { orderKey: ORDER_B, buyerKey: 'taobao:另一位', followUpAt: T0 + 3 * HOUR_MS }));
    // Two records for four attempts: what a first sync, a recount and an export pay for.
    expect(await db.count('attempts')).toBe(2);
    expect(await countAttempts(db)).toBe(4);
    expect((await db.get('attempts', ORDER_A))?.attempts.map((a) => a.id)).toEqual(['a2', 'a1', 'a3']);
    expect(await getAttempt(db, 'b1')).toMatchObject({ orderKey: ORDER_B });
    expect(await getAttempt(db, 'nope')).toBeUndefined();
    expect((await listBuyerAttempts(db, 'taobao:快乐的小熊')).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect((await listBuyerAttempts(db, 'taobao:换了昵称')).map((a) => a.id)).toEqual(['a3']);
    // An order with two follow-ups in the range is listed once per attempt, soonest first, and none before `since`.
    expect((await attemptsFollowingUp(db, T0)).map((a) => a.id)).toEqual(['a2', 'b1', 'a1']);
    expect((await attemptsFollowingUp(db, T0 + 2.5 * HOUR_MS)).map((a) => a.id)).toEqual(['b1', 'a1']);
  });

  it('an outcome set on one attempt moves its follow-up in the index, and leaves the others of its order as they were', async () => {
    await addAttempt(db, attempt('a1', { followUpAt: T0 + HOUR_MS }));
    await addAttempt(db, attempt('a2', { at: T0 + MINUTE_MS, outcome: 'sent' }));
    await setAttemptOutcome(db, { id: 'a1', outcome: 'paid' });
    const pack = (await db.get('attempts', ORDER_A))!;
    expect(pack.attempts.map((a) => [a.id, a.outcome])).toEqual([['a1', 'paid'], ['a2', 'sent']]);
    expect(pack.ids).toEqual(['a1', 'a2']);
    expect(pack.followUps).toEqual([T0 + HOUR_MS]);
  });

  it('adds many at once: a pack held is added to, never written over; an id held is kept, or replaced when asked', async () => {
    await addAttempt(db, attempt('a1', { text: '本机记的' }));
    const tx = db.transaction('attempts', 'readwrite');
    const added = await addAttemptsIn(tx.store, [attempt('a1', { text: '服务器的' }), attempt('a2', { at: T0 + 1 }), attempt('b1', { orderKey: ORDER_B })]);
    await tx.done;
    expect(added.map((a) => a.id).sort()).toEqual(['a2', 'b1']);
    expect((await listAttempts(db, ORDER_A)).map((a) => `${a.id} ${a.text.slice(0, 4)}`)).toEqual([`a2 ${attempt('a2').text.slice(0, 4)}`, 'a1 本机记的']);
    await putAttempt(db, attempt('a1', { text: '改过的' }));
    expect((await getAttempt(db, 'a1'))?.text).toBe('改过的');
    expect(await countAttempts(db)).toBe(3);
  });
});
