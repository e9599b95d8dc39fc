import { describe, expect, it } from 'vitest';
import { cachedDb, openPayNudgeDb, type ConnectionHooks } from './db';

// The background keeps one connection; one that failed or went away must not
// stay cached until the worker restarts.

describe('the background connection', () => {
  it('tries again after a failed open', async () => {
    const name = `conn-${crypto.randomUUID()}`;
    let calls = 0;
    const db = cachedDb(async (hooks) => {
      calls++;
      if (calls === 1) throw new DOMException('Internal error opening backing store', 'UnknownError');
      return openPayNudgeDb(name, hooks);
    });
    await expect(db()).rejects.toThrow('backing store');
    const second = await db();
    expect(await second.count('orders')).toBe(0);
    expect(await db()).toBe(second);
    expect(calls).toBe(2);
  });

  it('reopens after the browser closes the connection', async () => {
    const name = `conn-${crypto.randomUUID()}`;
    const told: ConnectionHooks[] = [];
    const db = cachedDb(async (hooks: ConnectionHooks) => {
      told.push(hooks);
      return openPayNudgeDb(name, hooks);
    });
    const first = await db();
    await first.put('settings', { key: 'cadence', value: {} });
    // What Chrome does when the backing store fails: the connection closes and fires `close`, which idb
    // hands to openPayNudgeDb's `terminated` (fake-indexeddb cannot fire it, so the hook is called here).
    first.close();
    told[0]!.onGone();
    const second = await db();
    expect(second).not.toBe(first);
    expect(await second.get('settings', 'cadence')).toEqual({ key: 'cadence', value: {} });
    expect(told).toHaveLength(2);
  });

  it('reopens after a version change took the connection', async () => {
    const name = `conn-${crypto.randomUUID()}`;
    const db = cachedDb((hooks) => openPayNudgeDb(name, hooks));
    const first = await db();
    await first.put('settings', { key: 'cadence', value: {} });
    // Deleting the database (as an upgrade would) asks open connections to close: versionchange.
    await new Promise<void>((done, fail) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => done();
      request.onerror = () => fail(request.error);
    });
    const second = await db();
    expect(second).not.toBe(first);
    expect(await second.count('settings')).toBe(0);
  });
});
