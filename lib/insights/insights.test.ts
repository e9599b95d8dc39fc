import { describe, expect, it } from 'vitest';
import { computeStats, RECOVERY_WINDOW_MS } from './stats';
import { templateBoost } from './boost';
import type { Buyer, ContactAttempt, Order } from '../orders/model';
import { HOUR_MS } from '../orders/time';
import { setLocale } from '../i18n';

const T0 = Date.UTC(2026, 10, 1, 2, 0, 0); // 10:00 China time

function order(id: string, minor: number, paidAfterHours?: number, currency = 'CNY', nick = `n${id}`): Order {
  return {
    key: `taobao:${id}`, platform: 'taobao', orderId: id, buyer: { nick }, items: [{ title: 'x', qty: 1 }], amount: { minor, currency },
    createdAt: T0, status: paidAfterHours === undefined ? 'unpaid' : 'paid', statusSource: 'page', pageUrl: '', firstSeenAt: T0, lastSeenAt: T0,
    statusChangedAt: paidAfterHours === undefined ? T0 : T0 + paidAfterHours * HOUR_MS,
  };
}

function attempt(orderId: string, templateId: string, atHours = 1, channel: ContactAttempt['channel'] = 'chat'): ContactAttempt {
  return {
    id: `${orderId}-${templateId}-${atHours}`, orderKey: `taobao:${orderId}`, buyerKey: `taobao:n${orderId}`, platform: 'taobao', channel, direction: 'outbound',
    action: 'inserted', templateId, text: 't', at: T0 + atHours * HOUR_MS, outcome: 'sent',
  };
}

describe('recovery statistics', () => {
  it('counts reminded orders, those paid within 72 h of a reminder, and money recovered per currency', () => {
    const orders = [order('1', 10000, 3), order('2', 5000, 80), order('3', 2000), order('4', 999, 2, 'USD'), order('5', 700, 5)];
    const attempts = [attempt('1', 'a'), attempt('2', 'a'), attempt('3', 'b'), attempt('4', 'b', 1, 'phone')];
    const s = computeStats({ orders, attempts, templates: new Map([['a', { style: 'friendly', reasons: ['forgot'] }], ['b', { style: 'doubt' }]]) });
    expect(s.reminded).toBe(4); // order 5 paid by itself: not reminded
    expect(s.paidAfterReminder).toBe(2); // 2 paid 79 h after the reminder: too late to credit
    expect(s.rate).toBe(0.5);
    expect(s.recovered).toEqual([{ currency: 'CNY', minor: 10000 }, { currency: 'USD', minor: 999 }]);
    expect(s.by.template).toEqual([
      { value: 'a', reminded: 2, paid: 1, rate: 0.5, recovered: [{ currency: 'CNY', minor: 10000 }] },
      { value: 'b', reminded: 2, paid: 1, rate: 0.5, recovered: [{ currency: 'USD', minor: 999 }] },
    ]);
    expect(s.by.style.map((b) => [b.value, b.paid])).toEqual([['doubt', 1], ['friendly', 1]]);
    expect(s.by.reason).toEqual([{ value: 'forgot', reminded: 2, paid: 1, rate: 0.5, recovered: [{ currency: 'CNY', minor: 10000 }] }]);
    expect(s.by.channel.find((b) => b.value === 'phone')).toMatchObject({ reminded: 1, paid: 1 });
    expect(s.by.hour).toEqual([expect.objectContaining({ value: '11', reminded: 4 })]);
    expect(s.timeToPay.count).toBe(4);
    expect(s.timeToPay.medianHours).toBe(4);
    expect(RECOVERY_WINDOW_MS).toBe(72 * HOUR_MS);
  });

  it('does not credit a reminder sent after the payment', () => {
    const s = computeStats({ orders: [order('1', 100, 1)], attempts: [attempt('1', 'a', 2)] });
    expect(s.paidAfterReminder).toBe(0);
  });

  it('splits customers into new and returning by their other paid orders', () => {
    const buyers: Buyer[] = [{ key: 'taobao:n1', platform: 'taobao', nick: 'n1', firstSeenAt: 0, lastSeenAt: 0, paidOrderKeys: ['taobao:old', 'taobao:1'] }];
    const s = computeStats({ orders: [order('1', 100, 2), order('2', 100)], attempts: [attempt('1', 'a'), attempt('2', 'a')], buyers });
    expect(s.by.customer).toEqual([
      expect.objectContaining({ value: 'new', reminded: 1, paid: 0 }),
      expect.objectContaining({ value: 'returning', reminded: 1, paid: 1 }),
    ]);
    expect(s.templateByCustomer).toEqual({ 'a|returning': { reminded: 1, paid: 1 }, 'a|new': { reminded: 1, paid: 0 } });
  });
});

describe('learning boost', () => {
  function statsWith(entries: Record<string, [number, number]>) {
    const orders: Order[] = [];
    const attempts: ContactAttempt[] = [];
    let n = 0;
    for (const [id, [tries, paid]] of Object.entries(entries)) {
      for (let i = 0; i < tries; i++) {
        n++;
        orders.push(order(String(n), 100, i < paid ? 2 : undefined));
        attempts.push(attempt(String(n), id));
      }
    }
    return computeStats({ orders, attempts });
  }

  it('ranks a template that got paid above one that did not, and explains it', () => {
    setLocale('en');
    const boost = templateBoost(statsWith({ good: [19, 8], bad: [20, 1] }));
    expect(boost('good')).toBeGreaterThan(boost('bad'));
    // 8/19 = 42.1 %; Wilson 95 %: centre (0.4211 + 1.9208/19) / (1 + 3.8415/19) = 0.4343,
    // half-width 1.96·√(0.4211·0.5789/19 + 3.8415/1444) / 1.2022 = 0.2029 → 23.1 %–63.7 %, widened to whole percents.
    expect(boost.explain('good', 'new')).toBe('recovered 8 of 19 for new buyers (42%, 95% CI 23–64%) — ranked up');
    expect(boost.detail('good').verdict).toBe('up');
    expect(boost.explain('bad')).toMatch(/^recovered 1 of 20 \(5%, 95% CI 0–24%\) — ranked down$/);
    setLocale('zh-CN');
    expect(boost.explain('good', 'new')).toBe('新顾客中用过 19 次，催回 8 次（42%，95% 置信区间 23–64%）— 排名上调');
  });

  it('says in the issue\'s own example what 34 recoveries of 80 do to the ranking, and when it cannot judge', () => {
    setLocale('en');
    // 34/80 = 42.5 % → 43 %; Wilson: centre 0.4284, half-width 0.1059 → 32.3 %–53.4 % → 32–54 %.
    const boost = templateBoost(statsWith({ strong: [80, 34], weak: [80, 10], fresh: [3, 1] }));
    expect(boost.explain('strong')).toBe('recovered 34 of 80 (43%, 95% CI 32–54%) — ranked up');
    expect(boost.explain('fresh')).toBe('recovered 1 of 3 — too few uses to judge, being tried');
    expect(boost.detail('fresh').verdict).toBe('few');
    expect(boost.explain('never')).toBe('not used yet — too few uses to judge, being tried');
  });

  it('gives an untried template a chance over a proven poor one (exploration)', () => {
    setLocale('en');
    const boost = templateBoost(statsWith({ poor: [30, 2], average: [30, 10] }));
    expect(boost('brand-new')).toBeGreaterThan(boost('poor'));
    expect(boost.explain('brand-new')).toBe('not used yet — too few uses to judge, being tried');
    // The bonus shrinks as tries accumulate.
    const few = templateBoost(statsWith({ x: [2, 0], average: [30, 10] }));
    expect(few('x')).toBeGreaterThan(templateBoost(statsWith({ x: [4, 0], average: [30, 10] }))('x'));
  });

  it('uses the customer type when it has enough tries for it', () => {
    setLocale('en');
    const orders: Order[] = [];
    const attempts: ContactAttempt[] = [];
    const buyers: Buyer[] = [];
    for (let i = 0; i < 12; i++) {
      const returning = i < 6;
      const o = order(String(i), 100, returning ? 2 : undefined);
      orders.push(o);
      attempts.push(attempt(String(i), 'warm'));
      if (returning) buyers.push({ key: `taobao:n${i}`, platform: 'taobao', nick: `n${i}`, firstSeenAt: 0, lastSeenAt: 0, paidOrderKeys: ['taobao:earlier'] });
    }
    const boost = templateBoost(computeStats({ orders, attempts, buyers }));
    expect(boost('warm', 'returning')).toBeGreaterThan(boost('warm', 'new'));
    expect(boost.explain('warm', 'returning')).toMatch(/^recovered 6 of 6 for returning buyers \(100%, 95% CI 60–100%\) — ranked up$/);
    // The engine gets the learned part only, once there are enough tries, and the tries for its own exploration.
    expect(boost.for('returning')('warm')).toBeGreaterThan(1);
    expect(boost.for('new')('never-used')).toBe(0);
    expect(boost.uses('warm')).toBe(12);
    // Stays within the engine's clamp.
    expect(Math.abs(boost('warm', 'returning'))).toBeLessThanOrEqual(5);
  });
});
