// @vitest-environment happy-dom
// @vitest-environment-options {"url": "chrome-extension://test-extension-id/popup.html"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { freshPopupPage } from '@/test/support/popup-page';
import { setLocale } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/sync/engine';
import type { PopupSummary } from './first-paint';

// A new agent's first sync brings the shop's orders last: meanwhile the popup's count is 0 although the shop has
// thousands. The popup then says the shop is still being fetched; with orders to show it asks nothing more.

const asked: string[] = [];
let count = 0;
let status: SyncStatus = { state: 'off', pending: 0, refused: 0 };
vi.mock('./link', async (original) => ({
  ...(await original<typeof import('./link')>()),
  ask: async (type: string) => {
    asked.push(type);
    if (type === 'team/get') return { config: {}, status };
    const summary: PopupSummary = { now: Date.UTC(2026, 11, 5, 3), count, totals: [], stagesOutstanding: [], urgent: [], followUps: [], followUpCount: 0 };
    return summary;
  },
}));

let root: Root | undefined;
beforeEach(() => {
  freshPopupPage();
  asked.length = 0;
  setLocale('zh-CN');
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  setLocale(undefined);
});

async function open() {
  const { Popup } = await import('./Popup');
  await act(async () => {
    root = createRoot(document.getElementById('root')!);
    root.render(<Popup />);
  });
  await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
}
const note = () => document.querySelector('[data-testid="first-sync-note"]');

describe('the popup during a first sync', () => {
  it('with no unpaid order yet, says the shop is still being fetched and how far', async () => {
    count = 0;
    status = { state: 'syncing', pending: 0, refused: 0, first: { read: 275_000, total: 550_000 } };
    await open();
    expect(note()?.textContent).toContain('正在从团队服务器取店铺的数据（50%）');
    expect(document.querySelector('[data-testid="unpaid-count"]')?.textContent).toBe('0');
  });

  it('with no unpaid order and no first sync, says nothing more', async () => {
    count = 0;
    status = { state: 'off', pending: 0, refused: 0 };
    await open();
    expect(asked).toContain('team/get');
    expect(note()).toBeNull();
  });

  it('with unpaid orders to show, never asks about sync', async () => {
    count = 12;
    status = { state: 'syncing', pending: 0, refused: 0, first: { read: 1, total: 10 } };
    await open();
    expect(asked).not.toContain('team/get');
    expect(note()).toBeNull();
  });
});
