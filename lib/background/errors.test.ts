import { describe, expect, it } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { testDeps } from '@/test/support/background-deps';
import type { Db } from '../store/db';
import type { Reply } from '../messaging/protocol';
import { observedAt, TAOBAO_SOLD_URL, taobaoRead } from '@/test/support/builders';
import { freshDb } from '@/test/support/db';
import { setLocale } from '../i18n';
import { errorText } from '@/components/errors';
import { storageErrorCode } from './errors';
import { allAttempts } from '../store/attempts';

// A full disk or a database that went away must say so, and never look like a save.

const NOW = Date.UTC(2026, 10, 23, 4);
const CONTENT: SenderInfo = { id: 'ext', url: TAOBAO_SOLD_URL, tab: { id: 7 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=7' };

const order = observedAt(NOW);

/** A property of the wrapped object, its methods bound to it (idb's objects need their own `this`). */
function own(target: object, prop: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, prop, receiver);
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/**
 * The real database, except that once `full` is set, a write transaction
 * fails the way Chrome's does when the disk is full: the writes are accepted,
 * then the commit aborts the transaction with QuotaExceededError. Whatever
 * the transaction wrote must roll back.
 */
function fillingDb(db: Db) {
  const state = { full: false };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return own(target, prop, receiver);
      return (...args: Parameters<Db['transaction']>) => {
        const tx = target.transaction(...args);
        if (!state.full || args[1] !== 'readwrite') return tx;
        return new Proxy(tx, {
          get(x, p, r) {
            if (p !== 'done') return own(x, p, r);
            // The real outcome is the abort we cause; the caller sees the reason.
            x.done.catch(() => undefined);
            try {
              x.abort();
            } catch {
              // Already finished.
            }
            return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
          },
        });
      };
    },
  });
  return { db: proxy as Db, state };
}

async function harness(dbFn?: () => Promise<Db>) {
  setLocale('zh-CN');
  const real = await freshDb('errors');
  const filling = fillingDb(real);
  const deps = testDeps(dbFn ?? (async () => filling.db), () => NOW);
  return { real, state: filling.state, deps, bg: createBackground(deps) };
}

describe('storage failures reach the person as a plain explanation', () => {
  it('maps QuotaExceededError, a closed or unopenable DB, also wrapped; leaves other errors alone', () => {
    expect(storageErrorCode(new DOMException('x', 'QuotaExceededError'))).toBe('storage-full');
    expect(storageErrorCode(new Error('write failed', { cause: new DOMException('x', 'QuotaExceededError') }))).toBe('storage-full');
    expect(storageErrorCode(new DOMException('closed', 'InvalidStateError'))).toBe('storage-unavailable');
    expect(storageErrorCode(new DOMException('?', 'UnknownError'))).toBe('storage-unavailable');
    expect(storageErrorCode(new TypeError('x is undefined'))).toBeUndefined();
    // The page says it in the person's language.
    setLocale('zh-CN');
    expect(errorText({ code: 'storage-full' })).toBe('本机存储空间已满，这条记录没有保存。请在设置 → 数据中导出并清理旧订单后重试。');
    setLocale('en');
    expect(errorText({ code: 'storage-full' })).toMatch(/storage is full/);
  });

  it('a panel write on a full disk: ok:false with the message, and nothing half-written', async () => {
    const h = await harness();
    await h.bg.handle({ type: 'page/read', read: taobaoRead([order('1001', 'a')]) }, CONTENT);
    const before = await h.real.get('orders', 'taobao:1001');
    h.state.full = true;
    const reply = (await h.bg.handle({ type: 'attempt/manual', orderKey: 'taobao:1001', channel: 'phone', outcome: 'no_reply', note: '没接' }, PANEL)) as Reply<unknown>;
    expect(reply).toEqual({ ok: false, error: { code: 'storage-full' } });
    // recordAttempt writes the attempt, the order's counts and the buyer's in one transaction: none of it stays.
    expect(await allAttempts(h.real)).toEqual([]);
    expect(await h.real.get('orders', 'taobao:1001')).toEqual(before);
  });

  it('a page read on a full disk is rejected (the content script resends it later) and writes no order', async () => {
    const h = await harness();
    h.state.full = true;
    const r = await Promise.resolve(h.bg.handle({ type: 'page/read', read: taobaoRead([order('1001', 'a'), order('1002', 'b')]) }, CONTENT)).catch((e: Error) => e);
    expect(r).toEqual(new Error('storage-full'));
    expect(await h.real.getAll('orders')).toEqual([]);
    expect(await h.real.getAll('buyers')).toEqual([]);
    // Space freed: the same read, sent again, lands whole.
    h.state.full = false;
    expect(await h.bg.handle({ type: 'page/read', read: taobaoRead([order('1001', 'a'), order('1002', 'b')]) }, CONTENT)).toEqual({ ok: true, data: { written: 2, gone: 0 } });
  });

  it('a database that failed to open or was closed: the panel is told, not "internal error"', async () => {
    const failing = await harness(async () => {
      throw new DOMException('Internal error opening backing store', 'UnknownError');
    });
    const r1 = (await failing.bg.handle({ type: 'summary/get' }, PANEL)) as Reply<unknown>;
    expect(r1).toEqual({ ok: false, error: { code: 'storage-unavailable' } });

    const closedDb = await freshDb('errors-closed');
    closedDb.close();
    const closed = await harness(async () => closedDb);
    const r2 = (await closed.bg.handle({ type: 'summary/get' }, PANEL)) as Reply<unknown>;
    expect(r2).toEqual({ ok: false, error: { code: 'storage-unavailable' } });
  });

  it('other failures are "internal" with the technical detail (for the console); a page read that was not saved is still rejected', async () => {
    const h = await harness(async () => {
      throw new TypeError('boom');
    });
    expect(await h.bg.handle({ type: 'summary/get' }, PANEL)).toEqual({ ok: false, error: { code: 'internal', params: { detail: 'boom' } } });
    await expect(Promise.resolve(h.bg.handle({ type: 'page/read', read: taobaoRead([order('1001', 'a')]) }, CONTENT))).rejects.toThrow('boom');
  });
});
