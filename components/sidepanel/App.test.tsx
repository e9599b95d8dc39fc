// @vitest-environment happy-dom
// @vitest-environment-options {"url": "chrome-extension://test-extension-id/sidepanel.html?tabId=5&order=manual:carlos"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale } from '@/lib/i18n';
import type { BackgroundResponses, OrderListEntry } from '@/lib/messaging/protocol';
import { DB_CHANGED } from '@/lib/messaging/signals';

// The panel's queue after a change notice: it re-reads the open order's detail first, then the queue. A person who
// switches the claim filter to "mine" while that detail is on its way must see their orders, not the whole queue:
// the queue read behind the detail is asked with the filters in force when it leaves (in team-sync.spec.ts, under
// load, the claim's own change notice came just before the switch and the panel showed the first rows of everyone's
// queue under "mine" until the next change).

// The detail pane is not what this is about (it renders a whole order's suggestions).
vi.mock('@/components/OrderDetail', () => ({ OrderDetail: () => null }));

const asked: { type: string; payload: any }[] = [];
let answer: (type: string, payload: any) => Promise<unknown>;
vi.mock('@/components/api', async (original) => ({
  ...(await original<typeof import('@/components/api')>()),
  ask: (type: string, payload: object) => {
    asked.push({ type, payload });
    return answer(type, payload);
  },
}));

const verdict = { state: 'now', rule: 'ok', zone: 'Asia/Shanghai' } as const;
function row(i: number): OrderListEntry {
  const orderId = `8${String(i).padStart(17, '0')}`;
  return {
    key: `taobao:${orderId}`, orderId, platform: 'taobao', buyer: `desk-buyer-${i}`, amount: { minor: 1000 + i, currency: 'CNY' }, dueMinor: 1000 + i,
    itemCount: 1, attempts: 0, onTab: false, chatting: false, returning: false, verdict, tags: ['new'],
  };
}
/** The background's queue: 321 orders, the one this agent is on at row 301. */
const queue = Array.from({ length: 321 }, (_, i) => row(i));
const far = queue[300]!;
const tab = { tabId: 5, orderKeys: [], hasComposer: false };
const facets = { platforms: { taobao: queue.length }, tags: {}, status: { now: queue.length, waiting: 0, held: 0, promised: 0, saysPaid: 0 } };

/** orders/list as the background answers it: the claim filter over the whole queue, the screen's rows of a long one. */
function list(query: { offset?: number; limit?: number; screen?: number; filter?: { claim?: string } }): BackgroundResponses['orders/list'] {
  const passing = query.filter?.claim === 'mine' ? [far] : queue;
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 300;
  let orders = passing.slice(offset, offset + limit);
  if (query.screen !== undefined && passing.length > limit) orders = orders.slice(0, query.screen);
  return { orders, offset, total: passing.length, all: queue.length, facets, tab } as BackgroundResponses['orders/list'];
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const shownIds = () => [...document.querySelectorAll('[data-testid="order-row"]')].map((el) => el.getAttribute('data-order-id'));

let root: Root | undefined;
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  setLocale('en');
  fakeBrowser.reset();
  asked.length = 0;
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  setLocale(undefined);
});

describe('side panel queue', () => {
  it('"mine" chosen while the open order\'s detail is re-read after a change still shows this agent\'s order', async () => {
    const detail = { order: { key: 'manual:carlos', status: 'unpaid' } };
    let detailReply: Promise<unknown> = Promise.resolve(detail);
    answer = async (type, payload) => {
      if (type === 'orders/list') return list(payload);
      if (type === 'order/detail') return detailReply;
      if (type === 'team/claims') return { me: '小王', claims: [{ orderKey: far.key, agent: '小王', at: Date.now() }] };
      if (type === 'health/get') return new Promise(() => undefined);
      return {};
    };
    const { App } = await import('./App');
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root!.render(<App />));
    await settle();
    expect(shownIds()).not.toContain(far.orderId);
    const select = document.querySelector<HTMLSelectElement>('[data-testid="filter-claim"]');
    expect(select).not.toBeNull();

    // A change is told (here: this agent's own claim); the open order's detail is asked again and answers slowly.
    const slow = deferred<unknown>();
    detailReply = slow.promise;
    await act(async () => void fakeBrowser.runtime.onMessage.trigger({ type: DB_CHANGED }, { id: fakeBrowser.runtime.id }, () => undefined));
    await settle();
    // Meanwhile the person picks "mine".
    await act(async () => {
      select!.value = 'mine';
      select!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(shownIds()).toEqual([far.orderId]);
    // The detail answers; the queue read behind it must not bring everyone's queue back under "mine".
    await act(async () => slow.resolve(detail));
    await settle();
    await settle();

    expect(select!.value).toBe('mine');
    expect(shownIds()).toEqual([far.orderId]);
    const lists = asked.filter((a) => a.type === 'orders/list');
    expect(lists.at(-1)!.payload.filter.claim).toBe('mine');
  }, 60_000);
});
