import type { Db } from './db';
import { ATTEMPT_STATS_KEY } from './buyers';

// The retention clean-up: paid and closed orders that settled before a
// cutoff go, with their contact log and payment stages. A big shop's year
// holds tens of thousands of such orders and hundreds of thousands of
// attempts; deleting them in one transaction would hold the orders store for
// seconds, and a page read arriving meanwhile (a seller's list, re-read after
// every change) would wait behind it. So the work is cut into slices of a few
// orders, each a transaction of its own that leaves the store whole (an order
// goes with its attempts and stages, never without), with a pause between
// slices in which any waiting page read or panel request runs.

export interface PruneOptions {
  /** Orders deleted per transaction. */
  slice?: number;
  /** Awaited between slices: gives queued transactions their turn. */
  pause?: () => Promise<void>;
}

/** Orders per slice: with ten attempts each, a few hundred deletes (measured: 100 orders with 500 attempts held a page read ~300 ms on a loaded machine). */
export const PRUNE_SLICE = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Deletes paid and closed orders whose status changed before `cutoff`, with
 * their attempts and milestones, a slice at a time. Returns how many orders went.
 * The attempt counts the queue keeps (see ./buyers.ts) are kept true in the
 * same transaction, so a clean-up never sets off a recount of every attempt.
 */
export async function pruneSettledOrders(db: Db, cutoff: number, options: PruneOptions = {}): Promise<number> {
  const slice = Math.max(1, options.slice ?? PRUNE_SLICE);
  const pause = options.pause ?? nextTask;
  let removed = 0;
  for (const status of ['paid', 'closed']) {
    const due = IDBKeyRange.bound([status, -Infinity], [status, cutoff], false, true);
    for (;;) {
      const tx = db.transaction(['orders', 'attempts', 'milestones', 'settings'], 'readwrite');
      const orders = tx.objectStore('orders');
      const attempts = tx.objectStore('attempts');
      const milestones = tx.objectStore('milestones');
      // Deleted ones leave the range, so each slice takes the first of what is still due.
      const keys = await orders.index('by-settled').getAllKeys(due, slice);
      const gone = await Promise.all(
        keys.map(async (key) => {
          // The order's attempts are one pack under its key.
          const [pack, stageKeys] = await Promise.all([attempts.get(key), milestones.index('by-order').getAllKeys(key)]);
          await Promise.all([orders.delete(key), ...(pack ? [attempts.delete(key)] : []), ...stageKeys.map((k) => milestones.delete(k))]);
          return pack?.attempts.length ?? 0;
        }),
      );
      const attemptsGone = gone.reduce((a, b) => a + b, 0);
      if (attemptsGone > 0) {
        const settings = tx.objectStore('settings');
        const stats = (await settings.get(ATTEMPT_STATS_KEY))?.value as { counted?: number } | undefined;
        // Only counts that were true before stay true after: stale ones are left for the rebuild.
        if (stats?.counted !== undefined) await settings.put({ key: ATTEMPT_STATS_KEY, value: { ...stats, counted: Math.max(0, stats.counted - attemptsGone) } });
      }
      await tx.done;
      removed += keys.length;
      if (keys.length < slice) break;
      await pause();
    }
  }
  return removed;
}
