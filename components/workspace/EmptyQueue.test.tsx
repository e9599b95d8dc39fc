// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale } from '@/lib/i18n';
import { DB_CHANGED } from '@/lib/messaging/signals';
import type { SyncStatus } from '@/lib/sync/engine';
import { EmptyQueue } from './EmptyQueue';
import { FIRST_SYNC_POLL_MS } from '@/components/useFirstSync';

// A new agent's first sync fetches the shop's orders last: until they arrive the queue is empty although the shop
// is not. The empty panel then says how far the fetch has come, and "no unpaid orders" only once nothing is coming.

let statuses: SyncStatus[] = [];
const asked: string[] = [];
vi.mock('@/components/api', async (original) => ({
  ...(await original<typeof import('@/components/api')>()),
  ask: async (type: string) => {
    asked.push(type);
    if (type !== 'team/get') throw new Error(`not asked here: ${type}`);
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
    return { config: {}, status };
  },
}));

const off: SyncStatus = { state: 'off', pending: 0, refused: 0 };
const fetching = (read: number, total?: number): SyncStatus => ({ state: 'syncing', pending: 0, refused: 0, first: { read, ...(total !== undefined ? { total } : {}) } });

let root: Root | undefined;
let host: HTMLElement;
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.useFakeTimers();
  fakeBrowser.reset();
  asked.length = 0;
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  host.remove();
  vi.useRealTimers();
  setLocale(undefined);
});

async function show() {
  root = createRoot(host);
  await act(async () => root!.render(<EmptyQueue />));
}
const tick = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('the empty queue', () => {
  it('says there are no unpaid orders when no first sync is running, and asks once', async () => {
    setLocale('zh-CN');
    statuses = [off];
    await show();
    expect(host.textContent).toContain('暂无待付款订单');
    expect(host.querySelector('[data-testid="first-sync-note"]')).toBeNull();
    await tick(FIRST_SYNC_POLL_MS * 3);
    expect(asked).toEqual(['team/get']);
  });

  it('during a first sync says how far the shop has been fetched, follows it, and falls back once it is done', async () => {
    setLocale('en');
    statuses = [fetching(120_000, 550_000), fetching(302_500, 550_000), off];
    await show();
    const note = () => host.querySelector('[data-testid="first-sync-note"]');
    expect(note()?.textContent).toContain('(21%)');
    expect(note()?.textContent).not.toContain('No unpaid orders');
    expect(note()?.querySelector('progress')?.getAttribute('value')).toBe('21');
    await tick(FIRST_SYNC_POLL_MS);
    expect(note()?.textContent).toContain('(55%)');
    await tick(FIRST_SYNC_POLL_MS);
    expect(note()).toBeNull();
    expect(host.textContent).toContain('No unpaid orders');
    // Nothing more is asked once the first sync is over.
    const n = asked.length;
    await tick(FIRST_SYNC_POLL_MS * 3);
    expect(asked.length).toBe(n);
  });

  it('a panel shown before sync was turned on notices the first sync when its first page is told', async () => {
    setLocale('en');
    statuses = [off];
    await show();
    expect(host.textContent).toContain('No unpaid orders');
    statuses = [fetching(10_000, 550_000)];
    // The background tells its pages of the first page written (from the background: no tab).
    await act(async () => void fakeBrowser.runtime.onMessage.trigger({ type: DB_CHANGED }, { id: fakeBrowser.runtime.id }, () => undefined));
    expect(host.querySelector('[data-testid="first-sync-note"]')?.textContent).toContain('(1%)');
  });

  it('without the server count it says the shop is being fetched, with no percentage and no bar', async () => {
    setLocale('zh-CN');
    statuses = [fetching(40_000)];
    await show();
    const note = host.querySelector('[data-testid="first-sync-note"]');
    expect(note?.textContent).toContain('正在从团队服务器取店铺的数据');
    expect(note?.textContent).not.toContain('%');
    expect(note?.querySelector('progress')).toBeNull();
  });
});
