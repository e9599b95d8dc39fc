import { HOUR_MS } from '@/lib/orders/time';
import type { ObservedOrder, PageRead } from '@/lib/orders/model';

// Shared builders of the orders and page reads unit tests feed the background:
// one place for their shape, each test overriding only what it is about.

/** The Taobao sold-items list filtered to "waiting for payment". */
export const TAOBAO_SOLD_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';

/**
 * A builder of Taobao orders as the sold-items page shows them at `now`: unpaid, one pair of
 * children's pyjamas for ¥99.00, placed an hour before and closing 20 hours after. Any field can be overridden.
 */
export function observedAt(now: number) {
  return (orderId: string, nick: string, overrides: Partial<ObservedOrder> = {}): ObservedOrder => ({
    platform: 'taobao',
    orderId,
    buyer: { nick },
    items: [{ title: '纯棉儿童睡衣套装', qty: 1 }],
    amount: { minor: 9900, currency: 'CNY' },
    createdAt: now - HOUR_MS,
    autoCloseAt: now + 20 * HOUR_MS,
    status: 'unpaid',
    ...overrides,
  });
}

/** A complete read of the Taobao unpaid list showing these orders (override e.g. `listKey` or `complete`). */
export function taobaoRead(orders: ObservedOrder[], overrides: Partial<PageRead> = {}): PageRead {
  return { platform: 'taobao', url: TAOBAO_SOLD_URL, listKey: 'sold#unpaid', unpaidOnly: true, complete: true, orders, unreadable: 0, ...overrides };
}
