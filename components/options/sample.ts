import type { Order } from '@/lib/orders/model';
import { HOUR_MS } from '@/lib/orders/time';
import { t } from '@/lib/i18n';

/** The order the template preview fills in: a made-up buyer and item in the UI language. */
export function sampleOrder(now: number): Order {
  return {
    key: 'taobao:sample',
    platform: 'taobao',
    orderId: '3901234567890123456',
    buyer: { nick: t('opt.sample.buyer') },
    items: [{ title: t('opt.sample.item'), qty: 1 }],
    amount: { minor: 12800, currency: 'CNY' },
    createdAt: now - 2 * HOUR_MS,
    autoCloseAt: now + 20 * HOUR_MS,
    status: 'unpaid',
    statusSource: 'page',
    pageUrl: '',
    firstSeenAt: now - 2 * HOUR_MS,
    lastSeenAt: now,
    statusChangedAt: now - 2 * HOUR_MS,
  };
}

/** Values the person would supply (shop, coupon...), so the preview shows every variable filled. */
export function sampleVars() {
  return {
    shop: t('opt.sample.shop'),
    seller: t('opt.sample.seller'),
    coupon: t('opt.sample.coupon'),
    gift: t('opt.sample.gift'),
    cutoff: '16:00',
    returns: t('opt.sample.returns'),
    orderLink: 'https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3901234567890123456',
  };
}
