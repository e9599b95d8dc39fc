import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '@/test/support/db';
import { observedAt } from '@/test/support/builders';
import { applyPageRead } from '../store/orders';
import { HOUR_MS } from '../orders/time';
import { evaluateCadence } from '../reminders/cadence';
import { popupAnswer } from './popup';
import { buildQueue, invalidateQueues, queueSummary, RANK_FRESH_MS } from './queue';

// Every order ranked runs its cadence verdict once: counting the verdicts counts the rankings.
vi.mock('../reminders/cadence', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../reminders/cadence')>();
  return { ...actual, evaluateCadence: vi.fn(actual.evaluateCadence) };
});

const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);
const NO_TAB = { orderKeys: [], hasComposer: false };

describe('the popup answer of an awake worker', () => {
  it('counts and sums the open orders without ranking them, even when the ranking is due again', async () => {
    const db = await freshDb('popup-rank');
    const orders = Array.from({ length: 40 }, (_, i) =>
      observedAt(NOW)(`9${i}`, `买家${i}`, { items: [{ title: '羊毛围巾', qty: 1 }], amount: { minor: 10_000 + i, currency: 'CNY' }, createdAt: NOW - 2 * HOUR_MS, autoCloseAt: NOW + (i + 1) * HOUR_MS }),
    );
    await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/x', listKey: 'unpaid', unpaidOnly: true, complete: true, orders, unreadable: 0 }, NOW - HOUR_MS);
    invalidateQueues();
    // The panel's queue read and ranked the orders; the popup's first answer is kept.
    expect(await buildQueue(db, NOW, NO_TAB)).toHaveLength(40);
    const first = await popupAnswer(db, NOW, () => undefined);
    expect(first.count).toBe(40);

    // A minute later the ranking is due again: the popup's next answer still ranks nothing (it shows no verdict).
    const verdicts = vi.mocked(evaluateCadence);
    verdicts.mockClear();
    const later = NOW + RANK_FRESH_MS + 60_000;
    const again = await popupAnswer(db, later, () => undefined);
    expect(again.count).toBe(40);
    expect(again.totals).toEqual(first.totals);
    expect(again.urgent.map((o) => o.orderId)).toEqual(first.urgent.map((o) => o.orderId));
    expect(verdicts).not.toHaveBeenCalled();
    // Nor does the popup's summary request ('summary/get'): the same count and totals, nothing ranked.
    const summary = await queueSummary(db, later);
    expect(summary).toEqual({ count: 40, totals: first.totals });
    expect(verdicts).not.toHaveBeenCalled();

    // A page read changes the orders: the popup reads them again, still without ranking, and counts the new one.
    const extra = observedAt(NOW)('9999', '新买家', { items: [{ title: '羊毛围巾', qty: 1 }], amount: { minor: 20_000, currency: 'CNY' }, createdAt: NOW - HOUR_MS, autoCloseAt: NOW + 3 * HOUR_MS });
    await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/y', listKey: 'unpaid-2', unpaidOnly: true, complete: false, orders: [extra], unreadable: 0 }, later);
    invalidateQueues();
    const read = await popupAnswer(db, later + 1, () => undefined);
    expect(read.count).toBe(41);
    expect(verdicts).not.toHaveBeenCalled();

    // The panel still ranks, and gets the same orders.
    expect(await buildQueue(db, later + 2, NO_TAB)).toHaveLength(41);
    expect(verdicts).toHaveBeenCalled();
  });
});
