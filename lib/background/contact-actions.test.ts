import { describe, expect, it } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { testDeps } from '@/test/support/background-deps';
import type { Db } from '../store/db';
import type { Reply } from '../messaging/protocol';
import { observedAt, TAOBAO_SOLD_URL, taobaoRead } from '@/test/support/builders';
import { freshDb } from '@/test/support/db';
import { HOUR_MS } from '../orders/time';
import { setLocale } from '../i18n';

// One person's contact-log action is one readwrite transaction: a worker
// stopped (or a write failing) at any of its puts leaves nothing of it.

const NOW = Date.UTC(2026, 10, 23, 4);
const CONTENT: SenderInfo = { id: 'ext', url: TAOBAO_SOLD_URL, tab: { id: 7 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=7' };
const STORES = ['orders', 'buyers', 'attempts', 'templates', 'milestones', 'settings'] as const;

const order = observedAt(NOW);

function own(target: object, prop: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, prop, receiver);
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/**
 * The real database, except that once armed, writes are counted, and when `failAt` is set the failAt-th write
 * (put/add/delete) of any readwrite transaction aborts that transaction, as
 * a worker stopped there would: the write never happens.
 */
function faultyDb(db: Db) {
  const state = { armed: false, failAt: 0, writes: 0 };
  const wrapStore = (store: object, tx: { abort(): void }) =>
    new Proxy(store, {
      get(target, prop, receiver) {
        if (prop !== 'put' && prop !== 'add' && prop !== 'delete') return own(target, prop, receiver);
        return (...args: unknown[]) => {
          state.writes++;
          if (state.failAt > 0 && state.writes === state.failAt) {
            try {
              tx.abort();
            } catch {
              // Already finished.
            }
            return Promise.reject(new DOMException('stopped at a controlled write', 'AbortError'));
          }
          return (Reflect.get(target, prop) as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return own(target, prop, receiver);
      return (...args: Parameters<Db['transaction']>) => {
        const tx = target.transaction(...args);
        if (args[1] !== 'readwrite' || !state.armed) return tx;
        return new Proxy(tx, {
          get(x, p, r) {
            if (p === 'store') return wrapStore(x.store as unknown as object, x);
            if (p === 'objectStore') return (name: never) => wrapStore(x.objectStore(name) as object, x);
            return own(x, p, r);
          },
        });
      };
    },
  });
  return { db: proxy as Db, state };
}

async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of STORES) out[name] = await db.getAll(name);
  return out;
}

type Action = { name: string; setup?: (h: Harness) => Promise<Record<string, unknown>>; message: (ctx: Record<string, unknown>) => object };
type Harness = Awaited<ReturnType<typeof harness>>;

async function harness() {
  setLocale('zh-CN');
  const real = await freshDb('contact');
  const faulty = faultyDb(real);
  const bg = createBackground(testDeps(async () => faulty.db, () => NOW));
  await bg.handle({ type: 'page/read', read: taobaoRead([order('1001', '小美')]) }, CONTENT);
  return { real, state: faulty.state, bg };
}

async function send(h: Harness, message: object): Promise<Reply<Record<string, unknown>>> {
  return (await h.bg.handle(message, PANEL)) as Reply<Record<string, unknown>>;
}

/** A logged attempt whose outcome the person then sets. */
async function logged(h: Harness) {
  const r = await send(h, { type: 'suggestion/copied', orderKey: 'taobao:1001', templateId: 't1', text: '亲，订单还没付款哦' });
  return { attemptId: r.ok ? r.data.attemptId : undefined };
}

/** A check that is due now: the next reminder logged answers it. */
async function dueCheck(h: Harness) {
  const r = await send(h, { type: 'followup/set', orderKey: 'taobao:1001', at: NOW - 60_000, note: '看看付了没' });
  expect(r.ok).toBe(true);
  return {};
}

const ACTIONS: Action[] = [
  {
    name: 'copy a suggestion with a check due (logAttempt: attempt, counts, check answered)',
    setup: dueCheck,
    message: () => ({ type: 'suggestion/copied', orderKey: 'taobao:1001', templateId: 't1', text: '亲，订单还没付款哦' }),
  },
  { name: 'copy a suggestion (logAttempt)', message: () => ({ type: 'suggestion/copied', orderKey: 'taobao:1001', templateId: 't1', text: '亲，订单还没付款哦' }) },
  {
    name: 'attempt/manual promised (attempt, counts, follow-up)',
    message: () => ({ type: 'attempt/manual', orderKey: 'taobao:1001', channel: 'phone', outcome: 'promised', promisedAt: NOW + 2 * HOUR_MS, note: '晚上付' }),
  },
  { name: 'attempt/manual paid (attempt, counts, paid, buyer credit)', message: () => ({ type: 'attempt/manual', orderKey: 'taobao:1001', channel: 'phone', outcome: 'paid' }) },
  { name: 'order/says-paid (attempt and its check)', message: () => ({ type: 'order/says-paid', orderKey: 'taobao:1001', note: '截图' }) },
  { name: 'attempt/outcome promised', setup: logged, message: (c) => ({ type: 'attempt/outcome', id: c.attemptId, outcome: 'promised', promisedAt: NOW + HOUR_MS }) },
  { name: 'attempt/outcome paid (outcome, paid, buyer credit, follow-up cleared)', setup: logged, message: (c) => ({ type: 'attempt/outcome', id: c.attemptId, outcome: 'paid' }) },
];

describe('a contact-log action is one transaction', () => {
  for (const action of ACTIONS) {
    it(`${action.name}: an abort at any of its writes leaves nothing of it`, async () => {
      // How many writes the action makes when nothing fails, and what it changes.
      const clean = await harness();
      const cleanCtx = (await action.setup?.(clean)) ?? {};
      const cleanBefore = await snapshot(clean.real);
      clean.state.armed = true;
      const ok = await send(clean, action.message(cleanCtx));
      expect(ok.ok).toBe(true);
      const writes = clean.state.writes;
      expect(writes).toBeGreaterThanOrEqual(3);
      expect(await snapshot(clean.real)).not.toEqual(cleanBefore);

      for (let k = 1; k <= writes; k++) {
        const h = await harness();
        const ctx = (await action.setup?.(h)) ?? {};
        const before = await snapshot(h.real);
        h.state.armed = true;
        h.state.failAt = k;
        const reply = await send(h, action.message(ctx));
        expect(reply.ok, `write ${k} of ${writes}`).toBe(false);
        expect(await snapshot(h.real), `write ${k} of ${writes}`).toEqual(before);
        h.real.close();
      }
      clean.real.close();
    });
  }
});
