// Bundled for Node by bench/run.mjs: the insights page's statistics (totals,
// dimensions, weekly trend, hour × weekday heatmap in the seller's zone,
// funnel, per-template intervals) over 500,000 attempts and 50,000 orders
// spread over half a year, against the least any statistic needs: one pass
// grouping the attempts by order.
import { computeStats } from '../lib/insights/stats';
import type { ContactAttempt, Order } from '../lib/orders/model';

function data(attempts: number, orderCount: number) {
  const now = Date.UTC(2026, 10, 23, 4);
  const platforms = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee'] as const;
  const orders: Order[] = Array.from({ length: orderCount }, (_, i) => {
    // Half a year of orders, at every hour of the day.
    const created = now - (i % 4400) * 3_600_000 - (i % 7) * 600_000;
    const paid = i % 3 === 0;
    return {
      platform: platforms[i % platforms.length]!,
      orderId: `8${String(i).padStart(17, '0')}`,
      key: `${platforms[i % platforms.length]}:8${String(i).padStart(17, '0')}`,
      buyer: { nick: `buyer-${i % 4000}` },
      items: [{ title: `item ${i}`, qty: 1 }],
      amount: { minor: 1000 + ((i * 7919) % 300_000), currency: i % 2 ? 'CNY' : 'USD' },
      createdAt: created,
      status: paid ? 'paid' : 'unpaid',
      pageUrl: '',
      statusSource: 'page',
      firstSeenAt: created,
      lastSeenAt: now,
      statusChangedAt: paid ? created + 20 * 3_600_000 : created,
    };
  });
  const outcomes = ['sent', 'no_reply', 'replied', 'promised', 'paid', 'refused'] as const;
  const list: ContactAttempt[] = Array.from({ length: attempts }, (_, a) => {
    const order = orders[a % orderCount]!;
    return {
      id: `a-${a}`,
      orderKey: order.key,
      buyerKey: `${order.platform}:${order.buyer.nick}`,
      platform: order.platform,
      channel: a % 7 === 0 ? 'phone' : 'chat',
      direction: 'outbound',
      action: 'inserted',
      templateId: `tpl-${a % 90}`,
      text: '',
      at: (order.createdAt ?? now) + (a % 10) * 3_600_000 + (a % 13) * 60_000,
      outcome: outcomes[a % outcomes.length]!,
    };
  });
  return { orders, attempts: list };
}

export function measure(attempts: number, orders: number) {
  const input = { ...data(attempts, orders), timeZone: 'America/Sao_Paulo', now: Date.UTC(2026, 10, 23, 4) };
  const median = (f: () => unknown) => {
    const samples: number[] = [];
    for (let r = 0; r < 7; r++) {
      const start = performance.now();
      f();
      samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b)[3]!;
  };
  const baselineMs = median(() => {
    const byOrder = new Map<string, ContactAttempt[]>();
    for (const attempt of input.attempts) {
      const list = byOrder.get(attempt.orderKey);
      if (list) list.push(attempt);
      else byOrder.set(attempt.orderKey, [attempt]);
    }
    return byOrder.size;
  });
  const ms = median(() => computeStats(input));
  return { ms, baselineMs, note: `${input.orders.length} orders; baseline: one pass grouping attempts by order` };
}
