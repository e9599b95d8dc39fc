import type { Buyer, ContactAttempt, Outcome } from '../orders/model';

// What we know about a buyer from what we have seen: new or returning, how
// past contacts went. Pure, so the panel and the tests read it the same way.

export interface BuyerProfile {
  customer: 'new' | 'returning';
  paidOrders: number;
  attempts: number;
  outcomes: Partial<Record<Outcome, number>>;
  lastAttemptAt?: number;
  /** The outcome of the latest attempt that has one (not 'pending'). */
  lastOutcome?: Outcome;
  /** Orders of this buyer we have contacted about. */
  ordersContacted: number;
}

export function summariseBuyer(buyer: Buyer | undefined, attempts: readonly ContactAttempt[]): BuyerProfile {
  const outcomes: Partial<Record<Outcome, number>> = {};
  let last: ContactAttempt | undefined;
  let lastDecided: ContactAttempt | undefined;
  const orders = new Set<string>();
  for (const a of attempts) {
    outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
    orders.add(a.orderKey);
    if (!last || a.at > last.at) last = a;
    if (a.outcome !== 'pending' && (!lastDecided || a.at > lastDecided.at)) lastDecided = a;
  }
  const paidOrders = buyer?.paidOrderKeys.length ?? 0;
  return {
    customer: paidOrders > 0 ? 'returning' : 'new',
    paidOrders,
    attempts: attempts.length,
    outcomes,
    lastAttemptAt: last?.at,
    lastOutcome: lastDecided?.outcome,
    ordersContacted: orders.size,
  };
}
