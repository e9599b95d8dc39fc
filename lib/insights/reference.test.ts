import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeStats, MIN_USES, RECOVERY_WINDOW_MS, TREND_WEEKS, type InsightInput, type RecoveryStats } from './stats';
import { wilson } from './wilson';
import type { Buyer, ContactAttempt, Order } from '../orders/model';
import type { Money } from '../orders/money';
import { CHINA_OFFSET_MINUTES, DAY_MS, HOUR_MS, MINUTE_MS, zoneOffsetMinutes } from '../orders/time';
import { runs } from '../../test/support/fuzz';

// computeStats is written for speed (values numbered into typed arrays, a counting sort, the zone offset asked
// once per hour). This is the same definition written the plain way, one order at a time, asking the zone for
// every attempt, to hold the fast one to: on random shops the two must agree on every number.

type Tallies = Map<string, { reminded: number; paid: number; money: Map<string, number> }>;

function addMoney(into: Map<string, number>, m: Money) {
  const code = m.currency.trim().toUpperCase();
  into.set(code, (into.get(code) ?? 0) + m.minor);
}
const moneyList = (m: Map<string, number>): Money[] => [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((currency) => ({ currency, minor: m.get(currency)! }));
const local = (zone: string, ms: number) => ms + (zoneOffsetMinutes(zone, ms) ?? CHINA_OFFSET_MINUTES) * MINUTE_MS;
const mondayOf = (day: number) => day - ((((day + 3) % 7) + 7) % 7);

function reference(input: InsightInput): RecoveryStats {
  const { orders, attempts, buyers = [], templates = new Map(), timeZone = 'Asia/Shanghai', weeks: weekCount = TREND_WEEKS } = input;
  const byKey = new Map(orders.map((o) => [o.key, o]));
  const of = new Map<string, ContactAttempt[]>();
  let latest = Number.NEGATIVE_INFINITY;
  for (const a of attempts) {
    if (a.direction !== 'outbound' || !byKey.has(a.orderKey)) continue;
    of.set(a.orderKey, [...(of.get(a.orderKey) ?? []), a]);
    latest = Math.max(latest, a.at);
  }
  const dims = ['template', 'style', 'reason', 'channel', 'platform', 'customer', 'hour'] as const;
  const tallies = Object.fromEntries(dims.map((d) => [d, new Map()])) as Record<(typeof dims)[number], Tallies>;
  const credit = (t: Tallies, value: string, won: boolean, amount: Money) => {
    const e = t.get(value) ?? { reminded: 0, paid: 0, money: new Map<string, number>() };
    t.set(value, e);
    e.reminded++;
    if (won) {
      e.paid++;
      addMoney(e.money, amount);
    }
  };
  const end = input.now ?? (Number.isFinite(latest) ? latest : 0);
  const firstMonday = mondayOf(Math.floor(local(timeZone, end) / DAY_MS)) - 7 * (weekCount - 1);
  const weeks = Array.from({ length: weekCount }, (_, w) => ({ day: firstMonday + 7 * w, reminded: 0, paid: 0, money: new Map<string, number>() }));
  const heat = Array.from({ length: 168 }, () => ({ reminded: 0, paid: 0 }));
  const byCustomer = new Map<string, { reminded: number; paid: number }>();
  const total = new Map<string, number>();
  const funnel = { unpaid: 0, reminded: 0, promised: 0, paid: 0 };
  let reminded = 0;
  let paidCount = 0;
  for (const key of new Set(orders.map((o) => o.key))) {
    const order = byKey.get(key)!;
    // computeStats walks every order in the list, duplicates of a key included; the generator makes none.
    const list = of.get(key) ?? [];
    if (list.length > 0 || order.status === 'unpaid' || order.statusChangedAt > order.firstSeenAt) funnel.unpaid++;
    if (list.length === 0) continue;
    const paid = order.status === 'paid' ? order.statusChangedAt : Number.NaN;
    const within = (a: ContactAttempt) => a.at <= paid && paid - a.at <= RECOVERY_WINDOW_MS;
    const won = list.some(within);
    reminded++;
    funnel.reminded++;
    if (won || list.some((a) => a.outcome === 'promised' || a.promisedAt !== undefined)) funnel.promised++;
    if (won) {
      funnel.paid++;
      paidCount++;
      addMoney(total, order.amount);
    }
    const first = Math.min(...list.map((a) => a.at));
    const week = Math.floor((mondayOf(Math.floor(local(timeZone, first) / DAY_MS)) - firstMonday) / 7);
    if (week >= 0 && week < weekCount) {
      weeks[week]!.reminded++;
      if (won) {
        weeks[week]!.paid++;
        addMoney(weeks[week]!.money, order.amount);
      }
    }
    const buyer = buyers.find((b) => b.key === `${order.platform}:${order.buyer.nick}`);
    const customer = buyer && buyer.paidOrderKeys.some((k) => k !== order.key) ? 'returning' : 'new';
    credit(tallies.platform, order.platform, won, order.amount);
    credit(tallies.customer, customer, won, order.amount);
    const once = <T,>(values: T[]) => [...new Set(values)];
    for (const c of once(list.map((a) => a.channel))) credit(tallies.channel, c, won, order.amount);
    for (const h of once(list.map((a) => String(Math.floor((a.at + CHINA_OFFSET_MINUTES * MINUTE_MS) / HOUR_MS) % 24).padStart(2, '0')))) credit(tallies.hour, h, won, order.amount);
    const cellOf = (a: ContactAttempt) => {
      const wall = local(timeZone, a.at);
      return ((((Math.floor(wall / DAY_MS) + 3) % 7) + 7) % 7) * 24 + (((Math.floor(wall / HOUR_MS) % 24) + 24) % 24);
    };
    for (const cell of once(list.map(cellOf))) heat[cell]!.reminded++;
    if (won) for (const cell of once(list.filter(within).map(cellOf))) heat[cell]!.paid++;
    const used = once(list.flatMap((a) => (a.templateId ? [a.templateId] : [])));
    for (const t of used) {
      credit(tallies.template, t, won, order.amount);
      const e = byCustomer.get(`${t}|${customer}`) ?? { reminded: 0, paid: 0 };
      byCustomer.set(`${t}|${customer}`, { reminded: e.reminded + 1, paid: e.paid + (won ? 1 : 0) });
    }
    for (const s of once(used.flatMap((t) => (templates.get(t)?.style ? [templates.get(t)!.style!] : [])))) credit(tallies.style, s, won, order.amount);
    for (const r of once(used.flatMap((t) => [...(templates.get(t)?.reasons ?? [])]))) credit(tallies.reason, r, won, order.amount);
  }
  const by = Object.fromEntries(
    dims.map((d) => [
      d,
      [...tallies[d]].map(([value, e]) => ({ value, reminded: e.reminded, paid: e.paid, rate: e.paid / e.reminded, recovered: moneyList(e.money) }))
        .sort((a, b) => (d === 'hour' ? a.value.localeCompare(b.value) : b.reminded - a.reminded || a.value.localeCompare(b.value))),
    ]),
  ) as RecoveryStats['by'];
  const hours = orders
    .filter((o) => o.status === 'paid' && o.statusChangedAt >= (o.createdAt ?? o.firstSeenAt))
    .map((o) => (o.statusChangedAt - (o.createdAt ?? o.firstSeenAt)) / HOUR_MS)
    .sort((a, b) => a - b);
  const median = hours.length === 0 ? undefined : hours.length % 2 ? hours[(hours.length - 1) / 2] : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2;
  const bucket = (lo: number, hi: number) => hours.filter((h) => h >= lo && h < hi).length;
  return {
    reminded,
    paidAfterReminder: paidCount,
    rate: reminded ? paidCount / reminded : 0,
    recovered: moneyList(total),
    by,
    templateByCustomer: Object.fromEntries(byCustomer),
    timeToPay: { count: hours.length, medianHours: median, buckets: [['<1h', 0, 1], ['1–6h', 1, 6], ['6–24h', 6, 24], ['1–3d', 24, 72], ['>3d', 72, Infinity]].map(([label, lo, hi]) => ({ label: label as string, count: bucket(lo as number, hi as number) })) },
    weeks: weeks.map((w) => ({ day: w.day, reminded: w.reminded, paid: w.paid, rate: w.reminded ? w.paid / w.reminded : 0, recovered: moneyList(w.money) })),
    heatmap: heat.map((c, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, reminded: c.reminded, paid: c.paid })),
    timeZone,
    funnel,
    templates: by.template
      .map(({ value, reminded: uses, paid, rate }) => ({ value, reminded: uses, paid, rate, ...wilson(paid, uses), enough: uses >= MIN_USES }))
      .sort((a, b) => Number(b.enough) - Number(a.enough) || (a.enough ? b.low - a.low : 0) || b.reminded - a.reminded || a.value.localeCompare(b.value)),
  };
}

// Around São Paulo's and New York's clock changes, half a year either side.
const T0 = Date.UTC(2026, 2, 1);
const shop = fc
  .record({
    orderCount: fc.integer({ min: 1, max: 40 }),
    zone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Lord_Howe'),
    seed: fc.array(
      fc.record({
        order: fc.nat(),
        minutes: fc.integer({ min: 0, max: 240 * 24 * 60 }),
        channel: fc.constantFrom('chat', 'phone', 'sms'),
        template: fc.option(fc.constantFrom('t1', 't2', 't3', 't4'), { nil: undefined }),
        outbound: fc.boolean(),
        outcome: fc.constantFrom('sent', 'promised', 'paid', 'no_reply'),
      }),
      { maxLength: 120 },
    ),
    paid: fc.array(fc.option(fc.integer({ min: -10, max: 120 }), { nil: undefined }), { minLength: 40, maxLength: 40 }),
    currency: fc.array(fc.constantFrom('CNY', 'usd', ' USD'), { minLength: 40, maxLength: 40 }),
    returning: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    now: fc.option(fc.integer({ min: 0, max: 300 * 24 }), { nil: undefined }),
  })
  .map(({ orderCount, zone, seed, paid, currency, returning, now }) => {
    const orders: Order[] = Array.from({ length: orderCount }, (_, i) => {
      const created = T0 + (i % 9) * 7 * DAY_MS + i * 3_600_000;
      const p = paid[i];
      return {
        key: `taobao:${i}`, platform: i % 3 ? 'taobao' : 'pdd', orderId: String(i), buyer: { nick: `b${i % 5}` }, items: [{ title: 'x', qty: 1 }],
        amount: { minor: 100 + i, currency: currency[i]! }, ...(i % 4 ? { createdAt: created } : {}), status: p === undefined ? (i % 7 ? 'unpaid' : 'closed') : 'paid',
        statusSource: 'page', pageUrl: '', firstSeenAt: created, lastSeenAt: created, statusChangedAt: p === undefined ? created + (i % 2) * HOUR_MS : created + p * HOUR_MS,
      };
    });
    const attempts: ContactAttempt[] = seed.map((s, j) => {
      const o = orders[s.order % (orderCount + 2)] ?? orders[0]!;
      const known = s.order % (orderCount + 2) < orderCount;
      return {
        id: `a${j}`, orderKey: known ? o.key : 'taobao:gone', buyerKey: `taobao:${o.buyer.nick}`, platform: 'taobao', channel: s.channel as ContactAttempt['channel'],
        direction: s.outbound ? 'outbound' : 'inbound', action: 'inserted', ...(s.template ? { templateId: s.template } : {}), text: '',
        // Half near the order (some within 72 h of its payment), half anywhere in the eight months.
        at: s.minutes % 2 ? T0 + s.minutes * MINUTE_MS : o.firstSeenAt + (s.minutes % (100 * 60)) * MINUTE_MS, outcome: s.outcome as ContactAttempt['outcome'],
      };
    });
    const buyers: Buyer[] = [...new Map(orders.filter((_, i) => returning[i]).map((o) => ({ key: `${o.platform}:${o.buyer.nick}`, platform: o.platform, nick: o.buyer.nick, firstSeenAt: T0, lastSeenAt: T0, paidOrderKeys: [o.key, 'taobao:elsewhere'].slice(0, 1 + (Number(o.orderId) % 2)) })).map((b) => [b.key, b] as const)).values()];
    const templates = new Map([['t1', { style: 'friendly', reasons: ['forgot', 'price'] }], ['t2', { style: 'doubt' }], ['t3', { reasons: ['price'] }]]);
    return { orders, attempts, buyers, templates, timeZone: zone, ...(now !== undefined ? { now: T0 + now * HOUR_MS } : {}) } satisfies InsightInput;
  });

describe('computeStats against the plain definition', () => {
  it('agrees on every total, bucket, week, heatmap cell, funnel step and template row for random shops', () => {
    let wins = 0;
    fc.assert(
      fc.property(shop, (input) => {
        const fast = computeStats(input);
        expect(fast).toEqual(reference(input));
        wins += fast.paidAfterReminder;
      }),
      { numRuns: runs(200), seed: 15 },
    );
    // The shops drawn have recovered orders to credit, not only reminders that came to nothing.
    expect(wins).toBeGreaterThan(50);
  });
});
