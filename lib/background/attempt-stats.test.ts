import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { testDeps } from '@/test/support/background-deps';
import { freshDb } from '@/test/support/db';
import { observedAt, TAOBAO_SOLD_URL, taobaoRead } from '@/test/support/builders';
import type { Reply } from '../messaging/protocol';
import type { Db } from '../store/db';
import { attemptStatsStale, ATTEMPT_STATS_KEY, type AttemptStats } from '../store/buyers';
import { pruneSettledOrders } from '../store/retention';
import { HOUR_MS, DAY_MS } from '../orders/time';
import { countAttempts } from '../store/attempts';

// Whether the counts on orders and buyers account for every attempt is checked once by counting the attempts; after
// that the settings record says so (`checked`) and is trusted without counting: a big shop's year is 500,000
// attempts, and a waking worker's database open waited seconds behind such a count. Trusting it is right only if
// every write that adds or removes attempts keeps the record exact, or takes the mark off: checked here after each
// write path the background has.

const NOW = Date.UTC(2026, 11, 5, 4, 0, 0);
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const CONTENT: SenderInfo = { id: 'ext', url: TAOBAO_SOLD_URL, tab: { id: 7 } };

async function harness() {
  const db = await freshDb('attempt-stats');
  let now = NOW;
  const bg = createBackground(testDeps(async () => db, () => now));
  async function ask<T>(type: string, payload: object = {}, sender: SenderInfo = PANEL): Promise<T> {
    const reply = (await bg.handle({ type, ...payload }, sender)) as Reply<T> | undefined;
    if (!reply?.ok) throw new Error(`${type}: ${JSON.stringify(reply)}`);
    return reply.data;
  }
  return { db, ask, setNow: (n: number) => (now = n) };
}

const stats = async (db: Db) => (await db.get('settings', ATTEMPT_STATS_KEY))?.value as AttemptStats | undefined;

/** A checked record must be exact: what it says it counted is what is stored. */
async function expectTrue(db: Db, step: string) {
  const record = await stats(db);
  if (record?.checked) expect(record.counted, step).toBe(await countAttempts(db));
}

let counting: ReturnType<typeof vi.spyOn> | undefined;
afterEach(() => counting?.mockRestore());

describe('the attempt counts, known to be current without counting the attempts', () => {
  it('are checked once by a count, then trusted without one', async () => {
    const h = await harness();
    await h.ask('page/read', { read: taobaoRead([observedAt(NOW)('4100000000001', 'buyer-a')]) }, CONTENT);
    await h.ask('attempt/manual', { orderKey: 'taobao:4100000000001', channel: 'phone', outcome: 'no_reply' });
    // Attempts are counted on their by-id index (one entry per attempt, lib/store/attempts.ts).
    counting = vi.spyOn(IDBIndex.prototype, 'count');
    expect(await attemptStatsStale(h.db)).toBe(false);
    const first = counting.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    expect(await stats(h.db)).toEqual({ counted: 1, checked: true });
    // A waking worker's check, and every one after: the attempts store is not counted again.
    expect(await attemptStatsStale(h.db)).toBe(false);
    expect(await attemptStatsStale(h.db)).toBe(false);
    expect(counting.mock.calls.length).toBe(first);
    h.db.close();
  });

  it('stay exact, or lose the mark, across every write path that adds or removes attempts', async () => {
    const h = await harness();
    const order = (id: string, nick: string) => observedAt(NOW)(id, nick, { createdAt: NOW - 2 * HOUR_MS, autoCloseAt: NOW + 48 * HOUR_MS });
    await h.ask('page/read', { read: taobaoRead([order('4100000000001', 'buyer-a'), order('4100000000002', 'buyer-b'), order('4100000000003', 'buyer-a')]) }, CONTENT);
    // The person's actions: inserted and copied suggestions, manual logs (paid too), outcomes.
    await h.ask('suggestion/copied', { orderKey: 'taobao:4100000000001', templateId: 'first-friendly-zh', text: '亲，记得付款哦' });
    expect(await attemptStatsStale(h.db)).toBe(false);
    expect((await stats(h.db))?.checked).toBe(true);
    await expectTrue(h.db, 'copied');
    const { attemptId } = await h.ask<{ attemptId: string }>('attempt/manual', { orderKey: 'taobao:4100000000002', channel: 'chat', outcome: 'promised', promisedAt: NOW + 3 * HOUR_MS });
    await expectTrue(h.db, 'manual');
    await h.ask('attempt/outcome', { id: attemptId, outcome: 'paid' });
    await expectTrue(h.db, 'outcome');
    await h.ask('attempt/manual', { orderKey: 'taobao:4100000000003', channel: 'phone', outcome: 'paid' });
    await expectTrue(h.db, 'manual paid');
    expect((await stats(h.db))?.checked).toBe(true);
    expect(await countAttempts(h.db)).toBe(3);

    // An import brings attempts the counts on orders do not include: the mark goes, and the next check recounts.
    const { backup } = await h.ask<{ backup: { stores: { attempts: Record<string, unknown>[]; settings: Record<string, unknown>[] } } }>('data/export', {}, PANEL);
    const extra = backup.stores.attempts.map((a, i) => ({ ...a, id: `imported-${i}` }));
    const file = { ...backup, stores: { ...backup.stores, attempts: [...backup.stores.attempts, ...extra] } };
    await h.ask('data/import', { text: JSON.stringify(file) }, PANEL);
    await expectTrue(h.db, 'import');
    expect((await stats(h.db))?.checked).toBeFalsy();
    expect(await countAttempts(h.db)).toBe(6);
    expect(await attemptStatsStale(h.db)).toBe(true);

    // A file whose own record says checked (another browser's) does not make this one trusted either.
    const fresh = await harness();
    const theirs = { ...backup, stores: { ...backup.stores, settings: [...backup.stores.settings.filter((s) => s.key !== ATTEMPT_STATS_KEY), { key: ATTEMPT_STATS_KEY, value: { counted: 1, checked: true } }] } };
    await fresh.ask('data/import', { text: JSON.stringify(theirs) }, PANEL);
    await expectTrue(fresh.db, 'import of a checked record');
    expect(await attemptStatsStale(fresh.db)).toBe(true);
    fresh.db.close();

    // The clean-up of settled orders removes their attempts and keeps the record exact.
    const db = h.db;
    const tx = db.transaction(['attempts', 'settings', 'orders'], 'readwrite');
    for (const o of await tx.objectStore('orders').getAll()) {
      if (o.status !== 'unpaid') await tx.objectStore('orders').put({ ...o, statusChangedAt: NOW - 90 * DAY_MS });
    }
    await tx.done;
    await attemptStatsStale(db).then(async (stale) => stale && (await import('../store/buyers')).ensureAttemptStats(db));
    expect((await stats(db))?.checked).toBe(true);
    const before = await countAttempts(db);
    await pruneSettledOrders(db, NOW - 30 * DAY_MS, { slice: 1 });
    expect(await countAttempts(db)).toBeLessThan(before);
    await expectTrue(db, 'clean-up');
    expect(await attemptStatsStale(db)).toBe(false);

    // Erasing everything: nothing counted, nothing stored.
    await h.ask('data/erase', { confirm: 'ERASE' }, { id: 'ext', url: 'chrome-extension://ext/options.html' });
    await expectTrue(db, 'erase');
    expect(await attemptStatsStale(db)).toBe(false);
    db.close();
  });

  it('are counted again when the record has no mark (written by a version or a writer that does not know it)', async () => {
    const h = await harness();
    await h.ask('page/read', { read: taobaoRead([observedAt(NOW)('4100000000001', 'buyer-a')]) }, CONTENT);
    await h.ask('attempt/manual', { orderKey: 'taobao:4100000000001', channel: 'phone', outcome: 'no_reply' });
    // As sync's apply and bootstrap write it: the count alone, the mark gone; and one attempt more than it says.
    await h.db.put('settings', { key: ATTEMPT_STATS_KEY, value: { counted: 0 } });
    expect(await attemptStatsStale(h.db)).toBe(true);
    h.db.close();
  });

  it('write nothing in a store that has counted nothing yet (a new or erased one)', async () => {
    const h = await harness();
    await h.ask('page/read', { read: taobaoRead([observedAt(NOW)('4100000000001', 'buyer-a')]) }, CONTENT);
    expect(await attemptStatsStale(h.db)).toBe(false);
    expect(await stats(h.db)).toBeUndefined();
    await h.ask('attempt/manual', { orderKey: 'taobao:4100000000001', channel: 'phone', outcome: 'no_reply' });
    expect(await stats(h.db)).toEqual({ counted: 1 });
    expect(await attemptStatsStale(h.db)).toBe(false);
    expect(await stats(h.db)).toEqual({ counted: 1, checked: true });
    h.db.close();
  });
});
