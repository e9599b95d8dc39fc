import type { FollowUp, OrderStatus } from '../orders/model';
import type { CadenceSettings } from './settings';
import { isValidTimeZone, localTimeZone, minutesOf, nextWallTime, wallClock } from './tz';

// Whether to remind a buyer about an order now, and if not, which rule holds
// it back and until when. Pure: the queue, the badge and the tests share it.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * now: remind now. followup: a scheduled check is due (promise time passed,
 * "says paid" not confirmed by the page). wait: a rule holds it until `until`.
 * promised / says_paid: waiting on the buyer until `until`. hold: don't remind.
 */
export type RemindState = 'now' | 'followup' | 'wait' | 'promised' | 'says_paid' | 'hold';

export type RuleId =
  | 'ok'
  | 'preClose'
  | 'followUpDue'
  | 'promisedDue'
  | 'saysPaidCheck'
  | 'firstDelay'
  | 'buyerDaily'
  | 'quietHours'
  | 'maxPerOrder'
  | 'doNotRemind'
  | 'closed'
  | 'paid'
  | 'promised'
  | 'saysPaid'
  | 'closesFirst';

export interface Verdict {
  state: RemindState;
  /** The rule that decided: for wait/hold, the one holding the order back now. */
  rule: RuleId;
  /** For wait/promised/says_paid: when the hold ends. */
  until?: number;
  /** For a hold that outlasts the order: the rule that would have held it. */
  cause?: RuleId;
  /** The zone quiet hours were read in. */
  zone: string;
}

export interface CadenceInput {
  order: {
    status: OrderStatus;
    createdAt?: number;
    autoCloseAt?: number;
    followUp?: FollowUp;
  };
  buyer?: { doNotRemind?: boolean; timeZone?: string; lastRemindedAt?: number };
  /** Reminders already logged for this order. */
  attempts: number;
  lastAttemptAt?: number;
}

/** The zone quiet hours apply in: the buyer's when known, else the seller's. */
export function quietZone(buyerZone: string | undefined, settings: CadenceSettings): string {
  if (isValidTimeZone(buyerZone)) return buyerZone;
  if (isValidTimeZone(settings.sellerTimeZone)) return settings.sellerTimeZone;
  return localTimeZone();
}

/**
 * Answers of quietUntil for one quiet-hours window, by zone and instant. A ranking asks the same question (now, the
 * seller's zone) once per order: 5,000 times for a big shop's queue, each a wall-clock reading and, inside quiet
 * hours, the search for their end. Pure in its inputs, so a remembered answer is the answer.
 */
let quietMemo: { hours: CadenceSettings['quietHours']; start: string; end: string; byZone: Map<string, Map<number, number | null>> } | undefined;
const QUIET_MEMO_MAX = 4096;

/** When quiet hours end if `at` falls inside them, else undefined. Windows may wrap past midnight. */
export function quietUntil(at: number, zone: string, settings: CadenceSettings): number | undefined {
  const q = settings.quietHours;
  if (!q.enabled) return undefined;
  if (quietMemo?.hours !== q || quietMemo.start !== q.start || quietMemo.end !== q.end) quietMemo = { hours: q, start: q.start, end: q.end, byZone: new Map() };
  let byAt = quietMemo.byZone.get(zone);
  if (!byAt) quietMemo.byZone.set(zone, (byAt = new Map()));
  const known = byAt.get(at);
  if (known !== undefined) return known ?? undefined;
  const until = computeQuietUntil(at, zone, q.start, q.end);
  if (byAt.size >= QUIET_MEMO_MAX) byAt.clear();
  byAt.set(at, until ?? null);
  return until;
}

function computeQuietUntil(at: number, zone: string, from: string, to: string): number | undefined {
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (start === end) return undefined;
  const m = wallClock(zone, at).minuteOfDay;
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  return inside ? nextWallTime(zone, at + 1, end) : undefined;
}

/** The window before auto-close in which the last reminder may go regardless of the daily cap. */
function preCloseStart(input: CadenceInput, settings: CadenceSettings): number | undefined {
  const close = input.order.autoCloseAt;
  if (close === undefined || settings.preCloseMinutes <= 0) return undefined;
  const start = close - settings.preCloseMinutes * MINUTE;
  // One last reminder: not when this order was already reminded inside the window.
  if (input.lastAttemptAt !== undefined && input.lastAttemptAt >= start) return undefined;
  return start;
}

type Gate = { rule: RuleId; blockedUntil(at: number): number | undefined };

function gates(input: CadenceInput, settings: CadenceSettings, zone: string): Gate[] {
  const window = preCloseStart(input, settings);
  const inWindow = (at: number) => window !== undefined && at >= window;
  // A gate the pre-close window lifts ends at the window's start if that comes first.
  const liftedAtWindow = (at: number, until: number) => (window !== undefined && window > at && window < until ? window : until);
  const list: Gate[] = [];
  const created = input.order.createdAt;
  if (created !== undefined && settings.firstDelayMinutes > 0) {
    const earliest = created + settings.firstDelayMinutes * MINUTE;
    list.push({ rule: 'firstDelay', blockedUntil: (at) => (at < earliest && !inWindow(at) ? liftedAtWindow(at, earliest) : undefined) });
  }
  const last = input.buyer?.lastRemindedAt;
  if (settings.onePerBuyerPerDay && last !== undefined) {
    const earliest = last + DAY;
    list.push({ rule: 'buyerDaily', blockedUntil: (at) => (at < earliest && !inWindow(at) ? liftedAtWindow(at, earliest) : undefined) });
  }
  list.push({ rule: 'quietHours', blockedUntil: (at) => quietUntil(at, zone, settings) });
  return list;
}

/** Decides one order. */
export function evaluateCadence(input: CadenceInput, settings: CadenceSettings, now: number): Verdict {
  const zone = quietZone(input.buyer?.timeZone, settings);
  const { order } = input;
  if (order.status !== 'unpaid') return { state: 'hold', rule: 'paid', zone };
  if (order.autoCloseAt !== undefined && order.autoCloseAt <= now) return { state: 'hold', rule: 'closed', zone };
  if (input.buyer?.doNotRemind) return { state: 'hold', rule: 'doNotRemind', zone };

  const follow = order.followUp;
  if (follow) {
    if (follow.kind === 'says_paid') {
      return follow.at > now ? { state: 'says_paid', rule: 'saysPaid', until: follow.at, zone } : { state: 'followup', rule: 'saysPaidCheck', zone };
    }
    if (follow.kind === 'promised' && follow.at > now) return { state: 'promised', rule: 'promised', until: follow.at, zone };
    if (follow.at <= now) return { state: 'followup', rule: follow.kind === 'promised' ? 'promisedDue' : 'followUpDue', zone };
  }

  if (input.attempts >= settings.maxPerOrder) return { state: 'hold', rule: 'maxPerOrder', zone };

  const list = gates(input, settings, zone);
  let at = now;
  let first: RuleId | undefined;
  // Each gate moves the time forward; a few rounds settle any combination.
  for (let round = 0; round < 8; round++) {
    let moved = false;
    for (const gate of list) {
      const until = gate.blockedUntil(at);
      if (until !== undefined && until > at) {
        first ??= gate.rule;
        at = until;
        moved = true;
      }
    }
    if (!moved) break;
  }
  if (first === undefined) {
    const window = preCloseStart(input, settings);
    return { state: 'now', rule: window !== undefined && now >= window ? 'preClose' : 'ok', zone };
  }
  if (order.autoCloseAt !== undefined && at >= order.autoCloseAt) return { state: 'hold', rule: 'closesFirst', cause: first, zone };
  return { state: 'wait', rule: first, until: at, zone };
}

/** States the queue counts as "act now" (the toolbar badge). */
export function isActionable(verdict: Verdict): boolean {
  return verdict.state === 'now' || verdict.state === 'followup';
}
