import { describe, expect, it, vi } from 'vitest';
import { putAttempts } from '../store/attempts';
import { freshDb } from '@/test/support/db';
import { observedAt } from '@/test/support/builders';
import { applyPageRead } from '../store/orders';
import { ATTEMPT_STATS_KEY } from '../store/buyers';
import type { ContactAttempt } from '../orders/model';
import type { Db } from '../store/db';
import { invalidateQueues, queueWindow } from './queue';

/** Long enough that only an answer waiting on the held store takes it (a busy machine's answer comes well before); the store is held until the test lets go. */
const WAITED_MS = 15_000;

// The rebuild runs kept awake (./keep-awake.ts): counted here, passed through.
const awake = vi.hoisted(() => ({ kept: 0 }));
vi.mock('./keep-awake', () => ({
  keptAwake: <T>(work: Promise<T>) => {
    awake.kept++;
    return work;
  },
}));

// A waking worker answers the panel from the stored queue; whether the attempt
// counts are stale (which costs a count of the whole attempts store) is checked
// behind that answer, and stale counts are still rebuilt and the panel told.

const NOW = Date.UTC(2026, 11, 4, 8);
const HOUR = 3_600_000;
const tab = { orderKeys: [], hasComposer: false };

function attempt(i: number, orderKey: string): ContactAttempt {
  return { id: `imported-${i}`, orderKey, buyerKey: `taobao:buyer-${orderKey}`, platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'copied', text: '亲', at: NOW - HOUR + i, outcome: 'sent' };
}

/** Keeps a readwrite transaction on the attempts store open (as a long write elsewhere would) until released. */
function holdAttempts(db: Db): { release: () => Promise<void> } {
  const tx = db.transaction('attempts', 'readwrite');
  const store = tx.objectStore('attempts');
  let held = true;
  const spin = () => {
    if (held) void store.get('none').then(spin);
  };
  spin();
  return {
    release: async () => {
      held = false;
      await tx.done;
    },
  };
}

describe('queue: a waking worker with stale attempt counts', () => {
  it('answers the panel before the attempts store can even be counted, then rebuilds the counts and tells the panel', async () => {
    const db = await freshDb('queue-waking');
    const orders = Array.from({ length: 3 }, (_, i) =>
      observedAt(NOW)(`41000000000000${i}`, `buyer-${i}`, { amount: { minor: 1000 + i, currency: 'CNY' }, createdAt: NOW - 2 * HOUR, autoCloseAt: NOW + 48 * HOUR }),
    );
    await applyPageRead(db, { platform: 'taobao', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', listKey: 'l', unpaidOnly: true, complete: true, orders, unreadable: 0 }, NOW);
    // An import wrote five attempts on the first order behind the counts' back.
    const key = `taobao:${orders[0]!.orderId}`;
    await putAttempts(db, Array.from({ length: 5 }, (_, i) => attempt(i, key)));
    expect((await db.get('settings', ATTEMPT_STATS_KEY))?.value).toBeUndefined();
    invalidateQueues();

    const hold = holdAttempts(db);
    const told = vi.fn();
    const answer = await Promise.race([
      queueWindow(db, NOW, tab, {}, { onStatsRebuilt: told }),
      new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), WAITED_MS)),
    ]);
    // The answer came while the attempts store could not be counted: it did not wait for the check.
    expect(answer).not.toBe('waited');
    if (answer === 'waited') return;
    expect(answer.total).toBe(3);
    expect(answer.rows.find((r) => r.key === key)?.attempts ?? 0).toBe(0);
    expect(told).not.toHaveBeenCalled();
    expect(awake.kept).toBe(0);

    await hold.release();
    await vi.waitFor(() => expect(told).toHaveBeenCalledTimes(1), { timeout: 5000 });
    // A big shop's recount takes minutes: the worker was kept from being stopped halfway.
    expect(awake.kept).toBe(1);
    expect((await db.get('settings', ATTEMPT_STATS_KEY))?.value).toEqual({ counted: 5, checked: true });
    expect((await db.get('orders', key))?.attemptCount).toBe(5);
    // Asked again (as the told panel does), the queue shows the rebuilt counts.
    const again = await queueWindow(db, NOW, tab, {}, { onStatsRebuilt: told });
    expect(again.rows.find((r) => r.key === key)?.attempts).toBe(5);
    db.close();
  }, 30_000);
});
