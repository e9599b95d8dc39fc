import { describe, expect, it } from 'vitest';
import { evaluateCadence, quietUntil, type CadenceInput } from './cadence';
import { DEFAULT_CADENCE, readCadence, type CadenceSettings } from './settings';
import { nextWallTime, offsetMinutes, wallClock, zonedTimeToUtc } from './tz';
import { compareQueue, normalisedValue, rankScore } from './rank';
import { followUpForOutcome, followUpAlarmName, orderKeyOfAlarm, dueUnnotified } from './followups';
import { summariseBuyer } from './profile';

const MIN = 60_000;
const HOUR = 60 * MIN;
const SH = 'Asia/Shanghai';
const settings = (over: Partial<CadenceSettings> = {}): CadenceSettings => ({ ...DEFAULT_CADENCE, sellerTimeZone: SH, ...over });
/** China wall time → instant. */
const cn = (y: number, mo: number, d: number, h: number, mi = 0) => zonedTimeToUtc(SH, y, mo, d, h, mi);

function input(over: Partial<CadenceInput> = {}, order: Partial<CadenceInput['order']> = {}): CadenceInput {
  return { order: { status: 'unpaid', createdAt: cn(2026, 3, 10, 9), autoCloseAt: cn(2026, 3, 13, 9), ...order }, attempts: 0, ...over };
}

describe('time zones', () => {
  it('reads offsets across DST in New York and Berlin', () => {
    expect(offsetMinutes('America/New_York', Date.UTC(2026, 0, 15, 12))).toBe(-300);
    expect(offsetMinutes('America/New_York', Date.UTC(2026, 6, 15, 12))).toBe(-240);
    expect(offsetMinutes('Europe/Berlin', Date.UTC(2026, 0, 15, 12))).toBe(60);
    expect(offsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 15, 12))).toBe(120);
    expect(offsetMinutes(SH, Date.UTC(2026, 6, 15, 12))).toBe(480);
  });

  it('turns wall time into an instant on both sides of a DST change', () => {
    // 2026-03-08 is the US spring-forward day: 01:30 is EST, 03:30 EDT.
    expect(zonedTimeToUtc('America/New_York', 2026, 3, 8, 1, 30)).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(zonedTimeToUtc('America/New_York', 2026, 3, 8, 3, 30)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 02:30 does not exist that day: it comes out after the jump.
    expect(wallClock('America/New_York', zonedTimeToUtc('America/New_York', 2026, 3, 8, 2, 30)).hour).toBe(3);
  });

  it('finds the next 08:00 in the zone, across a DST night', () => {
    // Saturday 2026-03-28 23:00 Berlin (CET); the clocks go forward that night.
    const from = zonedTimeToUtc('Europe/Berlin', 2026, 3, 28, 23, 0);
    const next = nextWallTime('Europe/Berlin', from, 8 * 60);
    expect(next).toBe(Date.UTC(2026, 2, 29, 6, 0)); // 08:00 CEST = 06:00 UTC
    expect(next - from).toBe(8 * HOUR); // one hour fewer than the wall clock suggests
  });
});

describe('quiet hours', () => {
  it('holds across midnight and ends at the end time', () => {
    const s = settings();
    expect(quietUntil(cn(2026, 3, 10, 23, 30), SH, s)).toBe(cn(2026, 3, 11, 8));
    expect(quietUntil(cn(2026, 3, 11, 2), SH, s)).toBe(cn(2026, 3, 11, 8));
    expect(quietUntil(cn(2026, 3, 11, 8), SH, s)).toBeUndefined();
    expect(quietUntil(cn(2026, 3, 11, 21, 59), SH, s)).toBeUndefined();
  });

  it('works for a daytime window too, and can be switched off', () => {
    const s = settings({ quietHours: { enabled: true, start: '12:00', end: '14:00' } });
    expect(quietUntil(cn(2026, 3, 10, 13), SH, s)).toBe(cn(2026, 3, 10, 14));
    expect(quietUntil(cn(2026, 3, 10, 11), SH, s)).toBeUndefined();
    expect(quietUntil(cn(2026, 3, 10, 23), SH, settings({ quietHours: { enabled: false, start: '22:00', end: '08:00' } }))).toBeUndefined();
  });

  it("uses the buyer's zone when known: noon in China is night in New York", () => {
    const now = cn(2026, 7, 10, 12); // 00:00 in New York (EDT)
    const july = { createdAt: cn(2026, 7, 10, 9), autoCloseAt: cn(2026, 7, 13, 9) };
    const seller = evaluateCadence(input({}, july), settings(), now);
    expect(seller).toMatchObject({ state: 'now', zone: SH });
    const buyer = evaluateCadence(input({ buyer: { timeZone: 'America/New_York' } }, july), settings(), now);
    expect(buyer).toMatchObject({ state: 'wait', rule: 'quietHours', zone: 'America/New_York' });
    expect(buyer.until).toBe(zonedTimeToUtc('America/New_York', 2026, 7, 10, 8, 0));
  });

  it('falls back to the seller zone for an unknown buyer zone', () => {
    const v = evaluateCadence(input({ buyer: { timeZone: 'Mars/Olympus' } }), settings(), cn(2026, 3, 10, 23));
    expect(v).toMatchObject({ state: 'wait', rule: 'quietHours', zone: SH, until: cn(2026, 3, 11, 8) });
  });
});

describe('cadence rules', () => {
  it('reminds now when nothing holds the order back', () => {
    expect(evaluateCadence(input(), settings(), cn(2026, 3, 10, 10))).toMatchObject({ state: 'now', rule: 'ok' });
  });

  it('waits for the first-reminder delay after the order', () => {
    const v = evaluateCadence(input(), settings({ firstDelayMinutes: 45 }), cn(2026, 3, 10, 9, 10));
    expect(v).toMatchObject({ state: 'wait', rule: 'firstDelay', until: cn(2026, 3, 10, 9, 45) });
  });

  it('a first-reminder delay ending in quiet hours waits until morning, naming the first rule', () => {
    const v = evaluateCadence(input({}, { createdAt: cn(2026, 3, 10, 21, 50) }), settings(), cn(2026, 3, 10, 21, 55));
    expect(v).toMatchObject({ state: 'wait', rule: 'firstDelay', until: cn(2026, 3, 11, 8) });
  });

  it('stops at the per-order maximum', () => {
    expect(evaluateCadence(input({ attempts: 3 }), settings(), cn(2026, 3, 10, 12))).toMatchObject({ state: 'hold', rule: 'maxPerOrder' });
    expect(evaluateCadence(input({ attempts: 3 }), settings({ maxPerOrder: 4 }), cn(2026, 3, 10, 12)).state).toBe('now');
  });

  it('reminds a buyer at most once a day across orders', () => {
    const last = cn(2026, 3, 10, 11);
    const v = evaluateCadence(input({ buyer: { lastRemindedAt: last } }), settings(), cn(2026, 3, 10, 15));
    expect(v).toMatchObject({ state: 'wait', rule: 'buyerDaily', until: last + 24 * HOUR });
    expect(evaluateCadence(input({ buyer: { lastRemindedAt: last } }), settings(), last + 24 * HOUR).state).toBe('now');
    expect(evaluateCadence(input({ buyer: { lastRemindedAt: last } }), settings({ onePerBuyerPerDay: false }), cn(2026, 3, 10, 15)).state).toBe('now');
  });

  it('lets the last reminder before auto-close through the daily cap, once', () => {
    const close = cn(2026, 3, 13, 15);
    const order = { autoCloseAt: close };
    const buyer = { lastRemindedAt: close - 5 * HOUR };
    const before = evaluateCadence(input({ buyer, attempts: 1, lastAttemptAt: close - 5 * HOUR }, order), settings(), close - 3 * HOUR);
    expect(before).toMatchObject({ state: 'wait', rule: 'buyerDaily', until: close - 2 * HOUR });
    const inWindow = evaluateCadence(input({ buyer, attempts: 1, lastAttemptAt: close - 5 * HOUR }, order), settings(), close - 90 * MIN);
    expect(inWindow).toMatchObject({ state: 'now', rule: 'preClose' });
    // The window opening in quiet hours still waits for the morning.
    const early = cn(2026, 3, 13, 9);
    const quiet = evaluateCadence(input({ buyer: { lastRemindedAt: early - 10 * HOUR }, attempts: 1, lastAttemptAt: early - 10 * HOUR }, { autoCloseAt: early }), settings(), early - 3 * HOUR);
    expect(quiet).toMatchObject({ state: 'wait', rule: 'buyerDaily', until: cn(2026, 3, 13, 8) });
    // Already reminded inside the window: the daily cap holds again, and outlasts the order.
    const after = evaluateCadence(input({ buyer: { lastRemindedAt: close - 60 * MIN }, attempts: 2, lastAttemptAt: close - 60 * MIN }, order), settings(), close - 30 * MIN);
    expect(after).toMatchObject({ state: 'hold', rule: 'closesFirst', cause: 'buyerDaily' });
  });

  it('says which rule holds an order whose hold outlasts it', () => {
    const v = evaluateCadence(input({}, { autoCloseAt: cn(2026, 3, 11, 3) }), settings({ preCloseMinutes: 0 }), cn(2026, 3, 10, 23));
    expect(v).toMatchObject({ state: 'hold', rule: 'closesFirst', cause: 'quietHours' });
  });

  it("holds for do-not-remind, paid and closed orders", () => {
    const now = cn(2026, 3, 10, 12);
    expect(evaluateCadence(input({ buyer: { doNotRemind: true } }), settings(), now)).toMatchObject({ state: 'hold', rule: 'doNotRemind' });
    expect(evaluateCadence(input({}, { status: 'paid' }), settings(), now)).toMatchObject({ state: 'hold', rule: 'paid' });
    expect(evaluateCadence(input({}, { autoCloseAt: now - MIN }), settings(), now)).toMatchObject({ state: 'hold', rule: 'closed' });
  });

  it('waits on a promise, then makes it a due follow-up', () => {
    const at = cn(2026, 3, 10, 20);
    const i = input({}, { followUp: { kind: 'promised', at } });
    expect(evaluateCadence(i, settings(), cn(2026, 3, 10, 12))).toMatchObject({ state: 'promised', until: at });
    expect(evaluateCadence(i, settings(), at + MIN)).toMatchObject({ state: 'followup', rule: 'promisedDue' });
  });

  it('"says paid" waits for the page, then asks for a check', () => {
    const at = cn(2026, 3, 10, 12, 30);
    const i = input({}, { followUp: { kind: 'says_paid', at, since: cn(2026, 3, 10, 12) } });
    expect(evaluateCadence(i, settings(), cn(2026, 3, 10, 12, 10))).toMatchObject({ state: 'says_paid', rule: 'saysPaid', until: at });
    expect(evaluateCadence(i, settings(), at)).toMatchObject({ state: 'followup', rule: 'saysPaidCheck' });
  });

  it('reads partial or broken stored settings with defaults', () => {
    expect(readCadence({ maxPerOrder: 5 })).toMatchObject({ maxPerOrder: 5, firstDelayMinutes: 30, quietHours: { start: '22:00' } });
    expect(readCadence({ maxPerOrder: 'lots' })).toEqual(DEFAULT_CADENCE);
  });
});

describe('ranking', () => {
  const now = Date.UTC(2026, 2, 10);
  it('normalises amounts across currencies', () => {
    expect(normalisedValue(10000, 'USD')).toBeCloseTo(720, 0);
    expect(normalisedValue(10000, 'JPY')).toBeCloseTo(480, 0);
    expect(normalisedValue(10000, 'CNY')).toBe(100);
  });

  it('puts money and urgency first, tired orders later', () => {
    const base = { amountMinor: 9900, currency: 'CNY', attempts: 0, returning: false };
    const soon = rankScore({ ...base, autoCloseAt: now + 2 * HOUR }, now);
    const later = rankScore({ ...base, autoCloseAt: now + 60 * HOUR }, now);
    const big = rankScore({ ...base, amountMinor: 500000, autoCloseAt: now + 60 * HOUR }, now);
    const usd = rankScore({ ...base, amountMinor: 9900, currency: 'USD', autoCloseAt: now + 60 * HOUR }, now);
    const tired = rankScore({ ...base, attempts: 2, autoCloseAt: now + 2 * HOUR }, now);
    expect(soon).toBeGreaterThan(later);
    expect(big).toBeGreaterThan(later);
    expect(usd).toBeGreaterThan(later);
    expect(tired).toBeLessThan(soon);
    expect(rankScore({ ...base, returning: true, autoCloseAt: now + 60 * HOUR }, now)).toBeGreaterThan(later);
  });

  it('orders the queue: chat buyer, tab, then act-now before waiting before held', () => {
    const e = (id: string, over: object) => ({ id, chatting: false, onTab: false, state: 'now' as const, score: 0, ...over });
    const list = [
      e('held', { state: 'hold', score: 9 }),
      e('wait-late', { state: 'wait', until: 200 }),
      e('wait-soon', { state: 'wait', until: 100 }),
      e('now-low', { score: 1 }),
      e('now-high', { score: 2 }),
      e('tab', { onTab: true, state: 'hold' }),
      e('due', { state: 'followup' }),
      e('chat', { chatting: true, onTab: true, state: 'wait' }),
    ];
    expect(list.sort(compareQueue).map((x) => x.id)).toEqual(['chat', 'tab', 'due', 'now-high', 'now-low', 'wait-soon', 'wait-late', 'held']);
  });
});

describe('follow-ups', () => {
  const now = Date.UTC(2026, 2, 10, 4);
  it('schedules a check from outcomes', () => {
    const s = settings();
    expect(followUpForOutcome('promised', { now, attemptId: 'a', promisedAt: now + 3 * HOUR, settings: s })).toEqual({ kind: 'promised', at: now + 3 * HOUR, attemptId: 'a' });
    expect(followUpForOutcome('promised', { now, attemptId: 'a', settings: s })?.at).toBe(now + 12 * HOUR);
    expect(followUpForOutcome('says_paid', { now, attemptId: 'a', settings: s })).toEqual({ kind: 'says_paid', at: now + 30 * MIN, attemptId: 'a', since: now });
    expect(followUpForOutcome('paid', { now, attemptId: 'a', settings: s })).toBeNull();
    expect(followUpForOutcome('no_reply', { now, attemptId: 'a', settings: s })).toBeUndefined();
  });

  it('names alarms after orders and finds the due, unannounced ones', () => {
    expect(orderKeyOfAlarm(followUpAlarmName('taobao:123'))).toBe('taobao:123');
    expect(orderKeyOfAlarm('ws:tick')).toBeUndefined();
    const orders = [
      { key: 'a', followUp: { kind: 'check' as const, at: now - 1 } },
      { key: 'b', followUp: { kind: 'check' as const, at: now + 1 } },
      { key: 'c', followUp: { kind: 'check' as const, at: now - 1, notifiedAt: now } },
      { key: 'd' },
    ];
    expect(dueUnnotified(orders, now).map((o) => o.key)).toEqual(['a']);
  });
});

describe('buyer profile', () => {
  it('tells new from returning buyers and sums up past outcomes', () => {
    const buyer = { key: 'taobao:x', platform: 'taobao' as const, nick: 'x', firstSeenAt: 0, lastSeenAt: 0, paidOrderKeys: ['taobao:1'] };
    const attempt = (id: string, orderKey: string, at: number, outcome: 'pending' | 'no_reply' | 'promised') => ({
      id, orderKey, buyerKey: 'taobao:x', platform: 'taobao' as const, channel: 'chat' as const, direction: 'outbound' as const, action: 'copied' as const, text: '', at, outcome,
    });
    const p = summariseBuyer(buyer, [attempt('1', 'taobao:2', 10, 'no_reply'), attempt('2', 'taobao:3', 30, 'pending'), attempt('3', 'taobao:2', 20, 'promised')]);
    expect(p).toMatchObject({ customer: 'returning', paidOrders: 1, attempts: 3, ordersContacted: 2, lastAttemptAt: 30, lastOutcome: 'promised', outcomes: { no_reply: 1, pending: 1, promised: 1 } });
    expect(summariseBuyer({ ...buyer, paidOrderKeys: [] }, []).customer).toBe('new');
    expect(summariseBuyer(undefined, []).customer).toBe('new');
  });
});
