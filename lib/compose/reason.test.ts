import { describe, expect, it } from 'vitest';
import type { Order } from '../orders/model';
import { guessReason } from './reason';

type Seen = Parameters<typeof guessReason>[0];
const base = (o: Partial<Order> = {}): Seen => ({
  platform: 'taobao',
  amount: { minor: 9900, currency: 'CNY' },
  items: [{ title: '睡衣', qty: 1 }],
  createdAt: Date.UTC(2026, 10, 23, 4, 0), // 12:00 in China
  ...o,
});

describe('guessReason', () => {
  it('has no guess for an ordinary order from a new buyer', () => {
    expect(guessReason(base())).toEqual({ reason: 'unknown', signal: 'none' });
  });

  it.each([
    ['a large amount', base({ amount: { minor: 680_000, currency: 'CNY' } }), 'company_transfer', 'large_amount'],
    ['many units', base({ items: [{ title: 'x', qty: 30 }, { title: 'y', qty: 20 }] }), 'company_transfer', 'many_units'],
    ['a high shipping share', base({ shippingFee: { minor: 3000, currency: 'CNY' } }), 'shipping_cost', 'shipping_share'],
    ['an order placed at 2 a.m. China time', base({ createdAt: Date.UTC(2026, 10, 22, 18, 0) }), 'forgot', 'late_night'],
  ] as const)('reads %s', (_name, order, reason, signal) => {
    expect(guessReason(order)).toEqual({ reason, signal });
  });

  it('does not read a US afternoon order as late night', () => {
    expect(guessReason(base({ platform: 'tiktok', createdAt: Date.UTC(2026, 10, 22, 18, 0), amount: { minor: 2000, currency: 'USD' } }))).toEqual({ reason: 'unknown', signal: 'none' });
  });

  it('uses what the page shows before what the buyer history suggests', () => {
    expect(guessReason(base(), { customer: 'returning' })).toEqual({ reason: 'forgot', signal: 'returning' });
    expect(guessReason(base(), { sameItemUnpaid: 1, customer: 'returning' })).toEqual({ reason: 'wrong_payment_method', signal: 'repeat_orders' });
    expect(guessReason(base({ amount: { minor: 200_000, currency: 'USD' } }), { customer: 'returning' }).reason).toBe('company_transfer');
  });

  it('ignores a shipping fee in another currency', () => {
    expect(guessReason(base({ shippingFee: { minor: 3000, currency: 'USD' } })).reason).toBe('unknown');
  });
});
