import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { earlyAnswer, earlyTab, takeEarlyFirstScreen } from './early';
import { OVERSCAN, ROW_HEIGHT, WINDOW_AFTER } from '@/components/workspace/QueueList';
import { NO_FILTERS } from '@/components/workspace/QueueFilters';
import { DB_CHANGED } from '@/lib/messaging/signals';

const SCRIPT = readFileSync(new URL('../../public/panel-early.js', import.meta.url), 'utf8');
const EXTENSION_ID = 'paynudge-id';

/** Runs public/panel-early.js against a fake extension runtime; the background's answer comes when `answer` is called. */
function runEarly(search: string, innerHeight: number, activeTab = 42) {
  const sent: Record<string, unknown>[] = [];
  const listeners = new Set<(raw: unknown, sender: unknown) => void>();
  let answer!: (reply: unknown) => void;
  const scope: Record<string, unknown> = {
    chrome: {
      runtime: {
        id: EXTENSION_ID,
        sendMessage: (message: Record<string, unknown>) => {
          sent.push(message);
          return new Promise((resolve) => (answer = resolve));
        },
        onMessage: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
      },
      tabs: { query: async () => [{ id: activeTab }] },
    },
  };
  scope.globalThis = scope;
  new Function('globalThis', 'location', 'window', 'URLSearchParams', SCRIPT)(scope, { search }, { innerHeight }, URLSearchParams);
  const tell = (raw: unknown, sender: unknown) => listeners.forEach((l) => l(raw, sender));
  return { scope, sent, listeners, tell, answer: (reply: unknown) => answer(reply) };
}

/** What App.tsx's first load asks for, with no filter set and the team filter at 'all'. */
const panelFirstRequest = (tabId: number | undefined, innerHeight: number) => ({
  type: 'orders/list',
  tabId,
  offset: 0,
  limit: WINDOW_AFTER,
  screen: Math.ceil(innerHeight / ROW_HEIGHT) + OVERSCAN,
  filter: { ...NO_FILTERS, claim: 'all' },
});

const flush = () => new Promise((r) => setTimeout(r, 0));
const LIVE = { ok: true, data: { orders: [], offset: 0, total: 5000, all: 5000 } };

describe('the side panel asks for its first screen before its modules load', () => {
  it('sends exactly the request the panel would send for the bound tab, and the panel takes its answer', async () => {
    const early = runEarly('?tabId=7', 900);
    await flush();
    expect(early.sent).toEqual([panelFirstRequest(7, 900)]);
    early.answer(LIVE);
    expect(await takeEarlyFirstScreen(panelFirstRequest(7, 900), early.scope)).toEqual(LIVE);
    // Taken once, and its listener stopped.
    expect(early.listeners.size).toBe(0);
    expect(await takeEarlyFirstScreen(panelFirstRequest(7, 900), early.scope)).toBeUndefined();
  });

  it('without ?tabId asks for the active tab, as the panel does, and the panel starts bound to it', async () => {
    const early = runEarly('', 700, 99);
    expect(earlyTab(early.scope)).toBeUndefined();
    await flush();
    expect(early.sent).toEqual([panelFirstRequest(99, 700)]);
    expect(earlyTab(early.scope)).toEqual({ tabId: 99 });
  });

  it('is not taken for a different request (another tab or window height): the panel asks itself', async () => {
    const early = runEarly('?tabId=7', 900);
    await flush();
    early.answer(LIVE);
    expect(await takeEarlyFirstScreen(panelFirstRequest(8, 900), early.scope)).toBeUndefined();
  });

  it('is not taken when stored data changed while it was on its way: the panel asks again', async () => {
    const early = runEarly('?tabId=7', 900);
    await flush();
    early.tell({ type: DB_CHANGED }, { id: EXTENSION_ID });
    early.answer(LIVE);
    expect(await takeEarlyFirstScreen(panelFirstRequest(7, 900), early.scope)).toBeUndefined();
  });

  it('a change notice from a content script (a tab) or another extension does not count', async () => {
    const early = runEarly('?tabId=7', 900);
    await flush();
    early.tell({ type: DB_CHANGED }, { id: EXTENSION_ID, tab: { id: 3 } });
    early.tell({ type: DB_CHANGED }, { id: 'someone-else' });
    early.answer(LIVE);
    expect(await takeEarlyFirstScreen(panelFirstRequest(7, 900), early.scope)).toEqual(LIVE);
  });

  it('no answer (the worker was restarting): the panel asks itself', async () => {
    const early = runEarly('?tabId=7', 900);
    await flush();
    early.answer(undefined);
    expect(await takeEarlyFirstScreen(panelFirstRequest(7, 900), early.scope)).toBeUndefined();
  });

  it("once answered, the panel's first render can draw it; a change told since, another request or a refusal: not", async () => {
    const early = runEarly('?tabId=7', 900);
    await flush();
    expect(earlyAnswer(panelFirstRequest(7, 900), early.scope)).toBeUndefined();
    early.answer(LIVE);
    await flush();
    expect(earlyAnswer(panelFirstRequest(7, 900), early.scope)).toEqual(LIVE.data);
    expect(earlyAnswer(panelFirstRequest(7, 500), early.scope)).toBeUndefined();
    // Still there for the first load, which checks it again.
    expect(await takeEarlyFirstScreen(panelFirstRequest(7, 900), early.scope)).toEqual(LIVE);

    const changed = runEarly('?tabId=7', 900);
    await flush();
    changed.answer(LIVE);
    await flush();
    changed.tell({ type: DB_CHANGED }, { id: EXTENSION_ID });
    expect(earlyAnswer(panelFirstRequest(7, 900), changed.scope)).toBeUndefined();

    const refused = runEarly('?tabId=7', 900);
    await flush();
    refused.answer({ ok: false, error: { code: 'bad-request' } });
    await flush();
    expect(earlyAnswer(panelFirstRequest(7, 900), refused.scope)).toBeUndefined();
  });
});
