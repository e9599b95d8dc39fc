import type { RemindState } from './cadence';

// Which unpaid order deserves the agent's next minute: the money at stake,
// the time left before the platform closes it, how often it was already
// chased, and whether the buyer has paid us before.

const HOUR = 3_600_000;

/**
 * Rough value of one unit of a currency in CNY, only to compare orders in
 * different currencies on one scale (a ranking, never a displayed amount).
 */
const CNY_PER_UNIT: Record<string, number> = {
  CNY: 1, USD: 7.2, EUR: 7.8, GBP: 9.1, HKD: 0.92, TWD: 0.22, JPY: 0.048, KRW: 0.0053, RUB: 0.08, BRL: 1.3,
  MXN: 0.4, SGD: 5.3, MYR: 1.55, THB: 0.2, IDR: 0.00045, VND: 0.00029, PHP: 0.125, INR: 0.086, AUD: 4.7, CAD: 5.2,
};
/** ISO 4217 currencies without minor units. */
const ZERO_DECIMALS = new Set(['JPY', 'KRW', 'VND', 'IDR', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'PYG']);

/** An amount in approximate CNY (major units); unknown currencies count as CNY. */
export function normalisedValue(minor: number, currency: string): number {
  const major = ZERO_DECIMALS.has(currency) ? minor : minor / 100;
  return major * (CNY_PER_UNIT[currency] ?? 1);
}

export interface RankInput {
  amountMinor: number;
  currency: string;
  autoCloseAt?: number;
  attempts: number;
  returning: boolean;
}

/** Higher = sooner. Value grows with the log of the amount; urgency decays over a day. */
export function rankScore(input: RankInput, now: number): number {
  const value = Math.log10(1 + normalisedValue(input.amountMinor, input.currency)) / 5;
  const hoursLeft = input.autoCloseAt === undefined ? undefined : Math.max(0, input.autoCloseAt - now) / HOUR;
  const urgency = hoursLeft === undefined ? 0.15 : Math.exp(-hoursLeft / 24);
  // Each reminder already sent makes another one less likely to help.
  const fatigue = 0.15 * input.attempts;
  // Buyers who paid before usually pay again when nudged.
  const loyalty = input.returning ? 0.1 : 0;
  return value + 1.2 * urgency - fatigue + loyalty;
}

/** Groups in queue order: what to do now first, then what waits, then what is held. */
const STATE_ORDER: Record<RemindState, number> = { followup: 0, now: 1, wait: 2, promised: 3, says_paid: 3, hold: 4 };

export interface Rankable {
  chatting: boolean;
  onTab: boolean;
  state: RemindState;
  score: number;
  until?: number;
}

/** Where orders in a state stand in the queue: lower first (compareQueue's order of states). */
export function stateOrder(state: RemindState): number {
  return STATE_ORDER[state];
}

/** Queue order: the open chat's buyer, the bound tab's orders, then by state and score. */
export function compareQueue(a: Rankable, b: Rankable): number {
  const place = (e: Rankable) => (e.chatting ? 0 : e.onTab ? 1 : 2);
  return (
    place(a) - place(b) ||
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    // Among waiting orders, the one free soonest first.
    (a.state === 'wait' && b.state === 'wait' ? (a.until ?? 0) - (b.until ?? 0) : 0) ||
    b.score - a.score
  );
}
