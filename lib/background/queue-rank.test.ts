import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rank } from './queue';
import type { Buyer, Order } from '../orders/model';
import { compareQueue } from '../reminders/rank';
import { DEFAULT_CADENCE } from '../reminders/settings';
import { runs } from '../../test/support/fuzz';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;

// The ranking sorts by keys worked out once per entry instead of comparing two objects made per comparison
// (a waking worker's first answer ranks 5,000 orders): the order must be compareQueue's, ties kept in read order.
describe('rank: queue order', () => {
  const order = fc.record({
    id: fc.integer({ min: 0, max: 10_000 }),
    minor: fc.constantFrom(1000, 5000, 120_000),
    createdAgoH: fc.integer({ min: 0, max: 80 }),
    closesInH: fc.integer({ min: -2, max: 72 }),
    attempts: fc.integer({ min: 0, max: 6 }),
    lastAttemptAgoH: fc.option(fc.integer({ min: 0, max: 30 })),
    followUp: fc.option(fc.record({ kind: fc.constantFrom('promised', 'says_paid', 'check'), inH: fc.integer({ min: -3, max: 5 }) })),
    buyer: fc.integer({ min: 0, max: 5 }),
  });
  const buyer = fc.record({ returning: fc.boolean(), remindedAgoH: fc.option(fc.integer({ min: 0, max: 30 })), doNotRemind: fc.boolean() });

  it("equals sorting the same entries with compareQueue (no tab), and is stable", () => {
    fc.assert(
      fc.property(fc.uniqueArray(order, { selector: (o) => o.id, maxLength: 60 }), fc.array(buyer, { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 23 }), (raw, rawBuyers, hour) => {
        const now = NOW + hour * HOUR;
        const orders = raw.map(
          (o) =>
            ({
              platform: 'taobao',
              orderId: String(o.id),
              key: `taobao:${o.id}`,
              buyer: { nick: `b${o.buyer}` },
              items: [{ title: 'x', qty: 1 }],
              amount: { minor: o.minor, currency: 'CNY' },
              createdAt: now - o.createdAgoH * HOUR,
              autoCloseAt: now + o.closesInH * HOUR,
              status: 'unpaid',
              attemptCount: o.attempts,
              ...(o.lastAttemptAgoH === null ? {} : { lastAttemptAt: now - o.lastAttemptAgoH * HOUR }),
              ...(o.followUp === null ? {} : { followUp: { kind: o.followUp.kind, at: now + o.followUp.inH * HOUR } }),
            }) as unknown as Order,
        );
        const buyers = new Map(
          rawBuyers.map((b, i) => [
            `taobao:b${i}`,
            { key: `taobao:b${i}`, paidOrderKeys: b.returning ? ['taobao:p'] : [], doNotRemind: b.doNotRemind, ...(b.remindedAgoH === null ? {} : { lastRemindedAt: now - b.remindedAgoH * HOUR }) } as unknown as Buyer,
          ]),
        );
        const ranked = rank({ orders, buyers, cadence: DEFAULT_CADENCE }, now);
        // The same entries in read order, sorted the plain way (Array.prototype.sort is stable).
        const byKey = new Map(ranked.map((e) => [e.order.key, e]));
        const expected = orders
          .map((o) => byKey.get(o.key)!)
          .sort((a, b) =>
            compareQueue(
              { chatting: false, onTab: false, state: a.verdict.state, score: a.score, until: a.verdict.until },
              { chatting: false, onTab: false, state: b.verdict.state, score: b.score, until: b.verdict.until },
            ),
          );
        expect(ranked.map((e) => e.order.key)).toEqual(expected.map((e) => e.order.key));
      }),
      { numRuns: runs(200) },
    );
  });

  it('ties (same state and score) stay in the order the store read them', () => {
    const orders = [3, 1, 2].map(
      (id) =>
        ({
          platform: 'taobao',
          orderId: String(id),
          key: `taobao:${id}`,
          buyer: { nick: `b${id}` },
          items: [],
          amount: { minor: 1000, currency: 'CNY' },
          createdAt: NOW - 10 * HOUR,
          autoCloseAt: NOW + 10 * HOUR,
          status: 'unpaid',
        }) as unknown as Order,
    );
    const ranked = rank({ orders, buyers: new Map(), cadence: { ...DEFAULT_CADENCE, quietHours: { ...DEFAULT_CADENCE.quietHours, enabled: false } } }, NOW);
    expect(ranked.map((e) => e.order.key)).toEqual(['taobao:3', 'taobao:1', 'taobao:2']);
  });
});
