import type { Buyer, ContactAttempt, Order } from '../orders/model';
import { sumByCurrency, type Money } from '../orders/money';
import { buyerKey } from '../orders/model';
import { CHINA_OFFSET_MINUTES, HOUR_MS } from '../orders/time';

// Recovery statistics, computed locally from the shop's own orders and
// contact log. Pure: the background hands in the records.
//
// An order counts as reminded once we logged an outbound contact for it; it
// is recovered when it was then paid within 72 hours of a reminder. Each
// dimension (template, style, ...) credits every value the order was
// reminded with, so "by template" reads: of the orders this template was sent
// for, how many paid.

export const RECOVERY_WINDOW_MS = 72 * HOUR_MS;

export const DIMENSIONS = ['template', 'style', 'reason', 'channel', 'platform', 'customer', 'hour'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Bucket {
  value: string;
  reminded: number;
  paid: number;
  rate: number;
  recovered: Money[];
}

export interface RecoveryStats {
  reminded: number;
  paidAfterReminder: number;
  rate: number;
  recovered: Money[];
  by: Record<Dimension, Bucket[]>;
  /** template|customer → tries and successes: the suggestion engine's learning signal. */
  templateByCustomer: Record<string, { reminded: number; paid: number }>;
  /** Order placed → paid, for orders seen paid (hours). */
  timeToPay: { count: number; medianHours?: number; buckets: { label: string; count: number }[] };
}

export interface TemplateFacts {
  style?: string;
  reasons?: readonly string[];
}

export interface InsightInput {
  orders: readonly Order[];
  attempts: readonly ContactAttempt[];
  buyers?: readonly Buyer[];
  templates?: ReadonlyMap<string, TemplateFacts>;
}

/** When the order was paid, if we know it was. */
export function paidAt(order: Order): number | undefined {
  return order.status === 'paid' ? order.statusChangedAt : undefined;
}

function chinaHour(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MINUTES * 60_000).getUTCHours();
}

const TIME_BUCKETS: readonly [string, number][] = [
  ['<1h', 1],
  ['1–6h', 6],
  ['6–24h', 24],
  ['1–3d', 72],
  ['>3d', Number.POSITIVE_INFINITY],
];

export function computeStats({ orders, attempts, buyers = [], templates = new Map() }: InsightInput): RecoveryStats {
  const byOrder = new Map<string, ContactAttempt[]>();
  for (const a of attempts) {
    if (a.direction !== 'outbound') continue;
    const list = byOrder.get(a.orderKey) ?? [];
    list.push(a);
    byOrder.set(a.orderKey, list);
  }
  const buyerMap = new Map(buyers.map((b) => [b.key, b]));
  const buckets = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, { reminded: number; paid: number; money: Money[] }>()])) as Record<
    Dimension,
    Map<string, { reminded: number; paid: number; money: Money[] }>
  >;
  const templateByCustomer: RecoveryStats['templateByCustomer'] = {};
  let reminded = 0;
  let paidCount = 0;
  const recovered: Money[] = [];

  for (const order of orders) {
    const sent = byOrder.get(order.key);
    if (!sent?.length) continue;
    reminded++;
    const paid = paidAt(order);
    const recoveredNow = paid !== undefined && sent.some((a) => a.at <= paid && paid - a.at <= RECOVERY_WINDOW_MS);
    if (recoveredNow) {
      paidCount++;
      recovered.push(order.amount);
    }
    const buyer = buyerMap.get(buyerKey(order.platform, order.buyer.nick));
    const customer = buyer && buyer.paidOrderKeys.some((k) => k !== order.key) ? 'returning' : 'new';
    const values: Record<Dimension, Set<string>> = {
      template: new Set(),
      style: new Set(),
      reason: new Set(),
      channel: new Set(),
      platform: new Set([order.platform]),
      customer: new Set([customer]),
      hour: new Set(),
    };
    for (const a of sent) {
      values.channel.add(a.channel);
      values.hour.add(String(chinaHour(a.at)).padStart(2, '0'));
      if (a.templateId) {
        values.template.add(a.templateId);
        const facts = templates.get(a.templateId);
        if (facts?.style) values.style.add(facts.style);
        for (const r of facts?.reasons ?? []) values.reason.add(r);
      }
    }
    for (const dim of DIMENSIONS) {
      for (const value of values[dim]) {
        const b = buckets[dim].get(value) ?? { reminded: 0, paid: 0, money: [] };
        b.reminded++;
        if (recoveredNow) {
          b.paid++;
          b.money.push(order.amount);
        }
        buckets[dim].set(value, b);
      }
    }
    for (const id of values.template) {
      const key = `${id}|${customer}`;
      const entry = (templateByCustomer[key] ??= { reminded: 0, paid: 0 });
      entry.reminded++;
      if (recoveredNow) entry.paid++;
    }
  }

  const by = Object.fromEntries(
    DIMENSIONS.map((dim) => [
      dim,
      [...buckets[dim].entries()]
        .map(([value, b]) => ({ value, reminded: b.reminded, paid: b.paid, rate: b.paid / b.reminded, recovered: sumByCurrency(b.money) }))
        .sort((a, b) => (dim === 'hour' ? a.value.localeCompare(b.value) : b.reminded - a.reminded || a.value.localeCompare(b.value))),
    ]),
  ) as Record<Dimension, Bucket[]>;

  const hours = orders
    .map((o) => {
      const p = paidAt(o);
      const start = o.createdAt ?? o.firstSeenAt;
      return p !== undefined && p >= start ? (p - start) / HOUR_MS : undefined;
    })
    .filter((h): h is number => h !== undefined)
    .sort((a, b) => a - b);
  const mid = hours.length / 2;
  const medianHours = hours.length === 0 ? undefined : hours.length % 2 ? hours[Math.floor(mid)] : (hours[mid - 1]! + hours[mid]!) / 2;
  let lower = 0;
  const timeBuckets = TIME_BUCKETS.map(([label, upper]) => {
    const count = hours.filter((h) => h >= lower && h < upper).length;
    lower = upper;
    return { label, count };
  });

  return {
    reminded,
    paidAfterReminder: paidCount,
    rate: reminded ? paidCount / reminded : 0,
    recovered: sumByCurrency(recovered),
    by,
    templateByCustomer,
    timeToPay: { count: hours.length, medianHours, buckets: timeBuckets },
  };
}
