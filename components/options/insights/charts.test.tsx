// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { setLocale } from '@/lib/i18n';
import { computeStats } from '@/lib/insights/stats';
import type { ContactAttempt, Order } from '@/lib/orders/model';
import { DAY_MS, HOUR_MS } from '@/lib/orders/time';
import { WeeklyTrend } from './WeeklyTrend';
import { Heatmap } from './Heatmap';
import { Funnel } from './Funnel';
import { TemplateTable } from './TemplateTable';

// Each chart's table must say what its marks say: the same figures, for
// people who cannot see the bars or want the numbers.

const MON = Date.UTC(2026, 10, 16); // a Monday
function order(id: string, minor: number, currency: string, paidAfterHours?: number, at = MON): Order {
  return {
    key: `taobao:${id}`, platform: 'taobao', orderId: id, buyer: { nick: `n${id}` }, items: [{ title: 'x', qty: 1 }], amount: { minor, currency },
    createdAt: at, status: paidAfterHours === undefined ? 'unpaid' : 'paid', statusSource: 'page', pageUrl: '', firstSeenAt: at, lastSeenAt: at,
    statusChangedAt: paidAfterHours === undefined ? at : at + paidAfterHours * HOUR_MS,
  };
}
function sent(id: string, at: number, templateId = 'tpl-a'): ContactAttempt {
  return { id: `a-${id}-${at}`, orderKey: `taobao:${id}`, buyerKey: `taobao:n${id}`, platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'inserted', templateId, text: 't', at, outcome: 'sent' };
}

// Three weeks: 2 of 3 recovered this week (¥120.50 and US$7.00), 1 of 2 the week before (¥30.00), none of 1 three weeks back.
const orders = [
  order('1', 12050, 'CNY', 2), order('2', 700, 'USD', 5), order('3', 999, 'CNY'),
  order('4', 3000, 'CNY', 1, MON - 7 * DAY_MS), order('5', 100, 'CNY', undefined, MON - 7 * DAY_MS),
  order('6', 100, 'CNY', undefined, MON - 21 * DAY_MS),
];
const attempts = orders.map((o, i) => sent(o.orderId, o.createdAt! + HOUR_MS, i % 2 ? 'tpl-b' : 'tpl-a'));
const stats = computeStats({ orders, attempts, timeZone: 'UTC', now: MON + 2 * DAY_MS, weeks: 26 });

function dom(markup: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html');
}
const tips = (root: ParentNode, selector: string) => [...root.querySelectorAll(`${selector} [data-testid="chart-mark"], ${selector}[data-testid="heat-cell"]`)].map((m) => m.getAttribute('data-tip'));
const rows = (root: ParentNode, testId: string) =>
  [...root.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));

afterEach(() => setLocale(undefined));

describe('insights charts and their tables', () => {
  it('weekly: each bar\'s tooltip carries its table row\'s reminded, recovered, rate and money', () => {
    setLocale('en');
    const doc = dom(renderToStaticMarkup(<WeeklyTrend weeks={stats.weeks} timeZone="UTC" />));
    const table = rows(doc, 'ins-weekly-figure-table');
    expect(table).toHaveLength(26);
    // This week by hand: 3 reminded, 2 recovered, 67 %, ¥120.50 and US$7.00.
    expect(table[25]).toEqual(['11/16/2026', '3', '2', '67%', 'CN¥120.50 · $7.00']);
    expect(table[24]).toEqual(['11/9/2026', '2', '1', '50%', 'CN¥30.00']);
    expect(table[22]).toEqual(['10/26/2026', '1', '0', '0%', '—']);
    const rate = tips(doc, '[data-testid="ins-weekly-rate"]');
    expect(rate).toHaveLength(26);
    table.forEach((row, i) => expect(rate[i]).toBe(`Week of ${row[0]}: ${row[2]} of ${row[1]} recovered (${row[3]})`));
    // One money chart per currency, its bars the table's amounts in that currency.
    const cny = tips(doc, '[data-testid="ins-weekly-money-CNY"]');
    const usd = tips(doc, '[data-testid="ins-weekly-money-USD"]');
    table.forEach((row, i) => {
      const amounts = row[4] === '—' ? [] : row[4]!.split(' · ');
      expect(cny[i]).toBe(`Week of ${row[0]}: ${amounts.find((a) => a.startsWith('CN¥')) ?? 'CN¥0.00'} recovered`);
      expect(usd[i]).toBe(`Week of ${row[0]}: ${amounts.find((a) => a.startsWith('$')) ?? '$0.00'} recovered`);
    });
    // The chart is named for a screen reader by its figures.
    expect(doc.querySelector('[data-testid="ins-weekly-rate"]')?.getAttribute('role')).toBe('img');
    expect(doc.querySelector('[data-testid="ins-weekly-rate"]')?.getAttribute('aria-label')).toContain('3 of 6 reminded orders recovered; highest 67% in the week of 11/16/2026');
  });

  it('heatmap: every cell\'s figures are in the table, hour by weekday', () => {
    setLocale('en');
    const doc = dom(renderToStaticMarkup(<Heatmap cells={stats.heatmap} timeZone="UTC" />));
    const table = rows(doc, 'ins-heatmap-figure-table');
    expect(table).toHaveLength(24);
    // All six reminders went out at 01:00 UTC on a Monday: 6 orders, 3 recovered.
    expect(table[1]).toEqual(['01:00', '3/6 (50%)', '—', '—', '—', '—', '—', '—']);
    const cells = [...doc.querySelectorAll('[data-testid="heat-cell"]')];
    expect(cells).toHaveLength(168);
    for (const cell of cells) {
      const reminded = Number(cell.getAttribute('data-reminded'));
      const paid = Number(cell.getAttribute('data-paid'));
      const index = cells.indexOf(cell);
      const [weekday, hour] = [Math.floor(index / 24), index % 24];
      expect(table[hour]![1 + weekday]).toBe(reminded ? `${paid}/${reminded} (${Math.round((100 * paid) / reminded)}%)` : '—');
    }
    expect(cells[1]!.getAttribute('data-tip')).toBe('Monday 01:00–01:59: 3 of 6 recovered (50%)');
  });

  it('funnel: the bars and the table give the same stage counts and shares', () => {
    setLocale('zh-CN');
    const doc = dom(renderToStaticMarkup(<Funnel funnel={stats.funnel} />));
    expect(rows(doc, 'ins-funnel-figure-table')).toEqual([
      ['待付款', '6', '100%'],
      ['提醒过', '6', '100%'],
      ['答应付款或已付', '3', '50%'],
      ['提醒后付款', '3', '50%'],
    ]);
    expect(tips(doc, '[data-testid="ins-funnel-chart"]')).toEqual(['待付款: 6 (100%)', '提醒过: 6 (100%)', '答应付款或已付: 3 (50%)', '提醒后付款: 3 (50%)']);
  });

  it('templates: rate, interval and the ranking\'s own explanation, too-few marked', () => {
    setLocale('en');
    const doc = dom(renderToStaticMarkup(<TemplateTable stats={stats} names={new Map([['tpl-a', 'Gentle nudge']])} />));
    const table = [...doc.querySelectorAll('[data-testid="ins-template-row"]')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim()));
    // tpl-a: orders 1, 3, 5 → 1 recovered; tpl-b: 2, 4, 6 → 2. Three uses each: too few to judge, most used first, then by id.
    // Wilson 1/3: centre (0.3333 + 0.6402)/2.2805 = 0.4269, half-width 1.96·√(0.0741 + 0.1067)/2.2805 = 0.3654 → 6.1 %–79.2 %;
    // 2/3 is its mirror, 20.8 %–93.9 %; widened to whole percents.
    expect(table).toEqual([
      ['Gentle nudge', '3', '1', '33%', '6–80%', 'recovered 1 of 3 — too few uses to judge, being tried'],
      ['tpl-b', '3', '2', '67%', '20–94%', 'recovered 2 of 3 — too few uses to judge, being tried'],
    ]);
  });
});
