import { describe, expect, it } from 'vitest';
import { computeStats, MIN_USES } from './stats';
import { wilson } from './wilson';
import type { ContactAttempt, Order } from '../orders/model';
import { DAY_MS, HOUR_MS } from '../orders/time';

// Expected values below are worked out by hand from the records, not read
// back from the code. São Paulo is UTC−3 all year (no summer time since
// 2019), and China time is UTC+8, so a reminder lands in a different hour
// and sometimes a different day depending on whose clock is used.

const ZONE = 'America/Sao_Paulo';
const MON = Date.UTC(2026, 10, 16); // Monday 16 Nov 2026, 00:00 UTC (2026-01-01 is a Thursday; 16 Nov is 319 days later, 319 mod 7 = 4)
const at = (day: number, hourUtc: number, minute = 0) => MON + day * DAY_MS + hourUtc * HOUR_MS + minute * 60_000;

function order(id: string, o: { minor?: number; currency?: string; paid?: number; firstSeen?: number; status?: Order['status'] } = {}): Order {
  const firstSeen = o.firstSeen ?? at(-10, 0);
  const status = o.status ?? (o.paid !== undefined ? 'paid' : 'unpaid');
  return {
    key: `taobao:${id}`, platform: 'taobao', orderId: id, buyer: { nick: `n${id}` }, items: [{ title: 'x', qty: 1 }],
    amount: { minor: o.minor ?? 1000, currency: o.currency ?? 'CNY' }, createdAt: firstSeen, status, statusSource: 'page', pageUrl: '',
    firstSeenAt: firstSeen, lastSeenAt: firstSeen, statusChangedAt: o.paid ?? firstSeen,
  };
}

let n = 0;
function sent(id: string, when: number, extra: Partial<ContactAttempt> = {}): ContactAttempt {
  n++;
  return {
    id: `a${n}`, orderKey: `taobao:${id}`, buyerKey: `taobao:n${id}`, platform: 'taobao', channel: 'chat', direction: 'outbound',
    action: 'inserted', text: 't', at: when, outcome: 'sent', ...extra,
  };
}

// A: reminded Mon 13:00 UTC = Mon 10:00 São Paulo, paid 2 h later: recovered, ¥100.00.
// B: reminded Sun 02:30 UTC = Sat 23:30 São Paulo (the week before; Sun 10:30 in China), promised, again Mon 13:10 UTC; never paid.
// C: reminded Tue 15:00 UTC = Tue 12:00, paid 80 h later: too late to credit. US$50.00.
// D: never reminded, paid after we first saw it unpaid.
// E: first seen already paid: never waiting on us, left out of the funnel.
// F: reminded Tue 15:30 UTC = Tue 12:30 (outcome promised), paid an hour later (US$20.00); a reminder after the payment at Tue 18:00 UTC = 15:00 São Paulo.
// G: only an inbound message: not reminded, still unpaid.
const orders = [
  order('A', { minor: 10000, paid: at(0, 15) }),
  order('B'),
  order('C', { minor: 5000, currency: 'USD', paid: at(1, 15) + 80 * HOUR_MS }),
  order('D', { paid: at(0, 1) }),
  order('E', { paid: at(-10, 0) }),
  order('F', { minor: 2000, currency: 'USD', paid: at(1, 16, 30) }),
  order('G'),
];
const attempts = [
  sent('A', at(0, 13)),
  sent('B', at(-1, 2, 30), { outcome: 'promised' }),
  sent('B', at(0, 13, 10)),
  sent('C', at(1, 15)),
  sent('F', at(1, 15, 30), { outcome: 'promised' }),
  sent('F', at(1, 18)),
  sent('G', at(1, 9), { direction: 'inbound' }),
];
const now = at(2, 12); // Wednesday

describe('weekly trend', () => {
  const s = computeStats({ orders, attempts, timeZone: ZONE, now, weeks: 12 });

  it('counts each reminded order in the week of its first reminder, in the seller\'s zone, with money per currency', () => {
    expect(s.weeks).toHaveLength(12);
    const last = s.weeks[11]!;
    expect(last.day * DAY_MS).toBe(MON);
    // A, C and F were first reminded this week; A and F were recovered.
    expect(last).toMatchObject({ reminded: 3, paid: 2 });
    expect(last.rate).toBeCloseTo(2 / 3, 10);
    expect(last.recovered).toEqual([{ currency: 'CNY', minor: 10000 }, { currency: 'USD', minor: 2000 }]);
    // B's first reminder was Saturday evening in São Paulo: the week of Monday 9 November.
    expect(s.weeks[10]!.day * DAY_MS).toBe(MON - 7 * DAY_MS);
    expect(s.weeks[10]).toMatchObject({ reminded: 1, paid: 0, rate: 0, recovered: [] });
    expect(s.weeks.slice(0, 10).every((w) => w.reminded === 0)).toBe(true);
  });

  it('puts the same reminder in the next week by China time (Sunday 10:30 there)', () => {
    const china = computeStats({ orders, attempts, timeZone: 'Asia/Shanghai', now, weeks: 12 });
    expect(china.weeks[10]!.reminded).toBe(1); // B, Sunday in China is still the week of 9 November
    expect(china.weeks[11]!.reminded).toBe(3);
    // …but its hour moves: Sun 10:00 China time, not Sat 23:00.
    expect(china.heatmap[6 * 24 + 10]).toMatchObject({ reminded: 1, paid: 0 });
  });
});

describe('hour × weekday heatmap', () => {
  const s = computeStats({ orders, attempts, timeZone: ZONE, now });
  const cell = (weekday: number, hour: number) => s.heatmap[weekday * 24 + hour]!;

  it('has 168 cells, Monday 00:00 first, in the seller\'s zone', () => {
    expect(s.heatmap).toHaveLength(168);
    expect(s.heatmap[0]).toMatchObject({ weekday: 0, hour: 0 });
    expect(s.heatmap[167]).toMatchObject({ weekday: 6, hour: 23 });
    expect(s.timeZone).toBe(ZONE);
  });

  it('counts orders reminded in each hour and those a reminder then recovered', () => {
    expect(cell(0, 10)).toMatchObject({ reminded: 2, paid: 1 }); // A (recovered) and B's second reminder
    expect(cell(5, 23)).toMatchObject({ reminded: 1, paid: 0 }); // B's first, Saturday night
    expect(cell(1, 12)).toMatchObject({ reminded: 2, paid: 1 }); // C (paid too late) and F
    expect(cell(1, 15)).toMatchObject({ reminded: 1, paid: 0 }); // F's reminder after it had paid recovers nothing
    const total = s.heatmap.reduce((sum, c) => sum + c.reminded, 0);
    expect(total).toBe(6);
    expect(s.heatmap.reduce((sum, c) => sum + c.paid, 0)).toBe(2);
  });
});

describe('funnel', () => {
  it('goes from orders seen unpaid to reminded, promised (or paid) and paid after a reminder', () => {
    const s = computeStats({ orders, attempts, timeZone: ZONE, now });
    // Unpaid: A, B, C, F (reminded), D (paid after we saw it), G (still unpaid); not E (first seen paid).
    // Promised or paid: A (paid), B and F (promised). Paid after a reminder: A and F.
    expect(s.funnel).toEqual({ unpaid: 6, reminded: 4, promised: 3, paid: 2 });
    expect(s.reminded).toBe(4);
    expect(s.paidAfterReminder).toBe(2);
  });
});

describe('per template', () => {
  it('gives each template its Wilson interval and puts the ones with too few uses last', () => {
    const os: Order[] = [];
    const as: ContactAttempt[] = [];
    const use = (tpl: string, tries: number, paid: number) => {
      for (let i = 0; i < tries; i++) {
        const id = `${tpl}${i}`;
        os.push(order(id, i < paid ? { paid: at(0, 5) } : {}));
        as.push(sent(id, at(0, 4), { templateId: tpl }));
      }
    };
    use('zero', 10, 0);
    use('half', 10, 5);
    use('lucky', 2, 2);
    use('often', 30, 6);
    const rows = computeStats({ orders: os, attempts: as, timeZone: ZONE, now }).templates;
    // 5/10: centre 0.5, half-width 1.96·√(0.025 + 0.0096)/1.3841 = 0.2634 → 0.2366–0.7634.
    // 6/30: centre (0.2 + 0.0640)/1.1280 = 0.2341, half-width 1.96·√(0.005333 + 0.001067)/1.1280 = 0.1390 → 0.0951–0.3731.
    // 0/10: 0 – 2·0.1388 = 0.2775. Judged ones by lower bound, then the unjudged.
    expect(rows.map((r) => r.value)).toEqual(['half', 'often', 'zero', 'lucky']);
    const half = rows[0]!;
    expect(half).toMatchObject({ reminded: 10, paid: 5, rate: 0.5, enough: true });
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
    expect(rows[1]!.low).toBeCloseTo(0.0951, 3);
    expect(rows[1]!.high).toBeCloseTo(0.3731, 3);
    expect(rows[2]).toMatchObject({ low: 0, enough: true });
    expect(rows[2]!.high).toBeCloseTo(0.2775, 3);
    expect(rows[3]).toMatchObject({ reminded: 2, paid: 2, enough: false });
    expect(MIN_USES).toBe(5);
  });
});

describe('Wilson score interval', () => {
  it('matches hand-worked values and stays inside 0..1', () => {
    // 34/80: centre (0.425 + 0.02401)/1.04802 = 0.42844, half-width 1.96·√(0.0030547 + 0.0001501)/1.04802 = 0.10587.
    const i = wilson(34, 80);
    expect(i.low).toBeCloseTo(0.3226, 3);
    expect(i.high).toBeCloseTo(0.5343, 3);
    // 5/5: centre (1 + 0.3842)/1.7683 = 0.7828, half-width 1.96·√(0.03842)/1.7683 = 0.2172 → 0.5655–1.
    expect(wilson(5, 5).low).toBeCloseTo(0.5655, 3);
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
