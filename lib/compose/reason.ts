// A first guess at why a buyer has not paid, from what the page shows. It is
// only a guess: the panel shows it as one and the person changes it in a click.
import type { Order } from '../orders/model';
import { CHINA_OFFSET_MINUTES, MINUTE_MS } from '../orders/time';
import type { CustomerType, Reason } from './model';

export type ReasonSignal = 'large_amount' | 'many_units' | 'shipping_share' | 'repeat_orders' | 'late_night' | 'returning' | 'none';

export interface ReasonGuess {
  reason: Reason;
  /** What on the page suggested it (an i18n key suffix for the panel). */
  signal: ReasonSignal;
}

export interface ReasonHints {
  customer?: CustomerType | undefined;
  /** Other unpaid orders of the same buyer for the same item. */
  sameItemUnpaid?: number | undefined;
}

// Amounts above which a payment usually needs a company account, finance
// approval or runs into card limits (minor units per currency).
const LARGE_AMOUNT: Readonly<Record<string, number>> = {
  CNY: 500_000,
  USD: 100_000,
  EUR: 100_000,
  GBP: 80_000,
  BRL: 500_000,
  RUB: 10_000_000,
  MXN: 2_000_000,
  TWD: 3_000_000,
};
const MANY_UNITS = 50;
const SHIPPING_SHARE = 0.25;

/** Signals in order of strength: the first that applies wins. */
export function guessReason(order: Pick<Order, 'amount' | 'items' | 'shippingFee' | 'createdAt' | 'platform'>, hints: ReasonHints = {}): ReasonGuess {
  const large = LARGE_AMOUNT[order.amount.currency];
  if (large !== undefined && order.amount.minor >= large) return { reason: 'company_transfer', signal: 'large_amount' };
  const units = order.items.reduce((sum, i) => sum + i.qty, 0);
  if (units >= MANY_UNITS) return { reason: 'company_transfer', signal: 'many_units' };
  const fee = order.shippingFee;
  if (fee && fee.currency === order.amount.currency && order.amount.minor > 0 && fee.minor / order.amount.minor >= SHIPPING_SHARE) {
    return { reason: 'shipping_cost', signal: 'shipping_share' };
  }
  // Two or more unpaid orders for one item: a payment that failed and was retried.
  if ((hints.sameItemUnpaid ?? 0) >= 1) return { reason: 'wrong_payment_method', signal: 'repeat_orders' };
  if (order.createdAt !== undefined && (order.platform === 'taobao' || order.platform === 'pdd')) {
    const hour = new Date(order.createdAt + CHINA_OFFSET_MINUTES * MINUTE_MS).getUTCHours();
    if (hour < 6) return { reason: 'forgot', signal: 'late_night' };
  }
  if (hints.customer === 'returning') return { reason: 'forgot', signal: 'returning' };
  return { reason: 'unknown', signal: 'none' };
}
