import type { FollowUp, Outcome } from '../orders/model';
import type { CadenceSettings } from './settings';

// Follow-ups: what an outcome schedules, and the alarm names that carry them
// across service-worker shutdowns and browser restarts.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const FOLLOW_UP_ALARM_PREFIX = 'fu:';
/** A periodic alarm that keeps the badge right as wait-until times pass. */
export const TICK_ALARM = 'ws:tick';

export function followUpAlarmName(orderKey: string): string {
  return FOLLOW_UP_ALARM_PREFIX + orderKey;
}

export function orderKeyOfAlarm(name: string): string | undefined {
  return name.startsWith(FOLLOW_UP_ALARM_PREFIX) ? name.slice(FOLLOW_UP_ALARM_PREFIX.length) : undefined;
}

/**
 * The follow-up an attempt's outcome schedules: a promise gets checked at the
 * promised time (or after the default wait), "says paid" after the check
 * delay. Returns null when the outcome ends any pending follow-up, undefined
 * when it leaves the current one alone.
 */
export function followUpForOutcome(
  outcome: Outcome,
  opts: { now: number; attemptId: string; promisedAt?: number; settings: CadenceSettings },
): FollowUp | null | undefined {
  const { now, attemptId, settings } = opts;
  switch (outcome) {
    case 'promised':
      return { kind: 'promised', at: opts.promisedAt ?? now + settings.promisedDefaultHours * HOUR, attemptId };
    case 'says_paid':
      return { kind: 'says_paid', at: now + settings.saysPaidCheckMinutes * MINUTE, attemptId, since: now };
    case 'paid':
    case 'refused':
    case 'wrong_number':
      return null;
    default:
      return undefined;
  }
}

/** Follow-ups whose time has come and that have not been announced yet. */
export function dueUnnotified<T extends { followUp?: FollowUp }>(orders: readonly T[], now: number): T[] {
  return orders.filter((o) => o.followUp !== undefined && o.followUp.at <= now && o.followUp.notifiedAt === undefined);
}
