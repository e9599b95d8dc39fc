import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { insertTopSuggestion } from './shortcut';
import { testDeps } from '@/test/support/background-deps';
import { observedAt, TAOBAO_SOLD_URL, taobaoRead } from '@/test/support/builders';
import { freshDb } from '@/test/support/db';
import { setLocale } from '../i18n';
import { setAgentSource } from '../sync/agent';
import { allAttempts } from '../store/attempts';

// The insert shortcut and the panel's insert button are one path: the same
// checks, the same log entry, the same follow-up.

const NOW = Date.UTC(2026, 10, 23, 4);
const CONTENT: SenderInfo = { id: 'ext', url: TAOBAO_SOLD_URL, tab: { id: 7 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=7' };

const observed = observedAt(NOW)('1001', '快乐的小熊');
const read = taobaoRead([observed]);

async function shop(composer: boolean) {
  setLocale('zh-CN');
  const db = await freshDb('shortcut');
  const askTab = vi.fn(async (_tab: number, type: string, _payload?: object) => {
    if (type === 'tab/context') return { platform: 'taobao', orderIds: ['1001'], hasComposer: composer };
    if (type === 'composer/insert') return composer ? { inserted: true, method: 'native' } : { inserted: false, method: 'no-composer' };
    return undefined;
  });
  const deps = testDeps(async () => db, () => NOW, { askTab: askTab as never });
  const bg = createBackground(deps);
  await bg.handle({ type: 'page/read', read }, CONTENT);
  return { db, deps, bg, askTab };
}

describe('the insert shortcut', () => {
  beforeEach(() => setAgentSource(async () => '阿杰'));
  afterEach(() => setAgentSource(undefined));

  it('inserts the top suggestion and logs it exactly as the panel button does (attempt with its agent, counts)', async () => {
    const viaShortcut = await shop(true);
    const result = await insertTopSuggestion(viaShortcut.deps, viaShortcut.bg.handlers['suggestion/insert'], 7);
    expect(result).toMatchObject({ inserted: true });

    // The same suggestion inserted from the panel, in a shop of its own.
    const viaPanel = await shop(true);
    const [call] = viaShortcut.askTab.mock.calls.filter(([, type]) => type === 'composer/insert');
    const text = (call![2] as { text: string }).text;
    const detail = (await viaPanel.bg.handle({ type: 'order/detail', orderKey: 'taobao:1001' }, PANEL)) as { ok: true; data: { suggestions: { templateId: string; text: string }[] } };
    const top = detail.data.suggestions[0]!;
    expect(top.text).toBe(text);
    await viaPanel.bg.handle({ type: 'suggestion/insert', tabId: 7, orderKey: 'taobao:1001', templateId: top.templateId, text: top.text }, PANEL);

    const logged = async (db: typeof viaShortcut.db) => {
      const [attempt] = await allAttempts(db);
      const order = await db.get('orders', 'taobao:1001');
      const { id: _id, ...rest } = attempt!;
      return { attempt: rest, attemptCount: order?.attemptCount, followUp: order?.followUp && { at: order.followUp.at, kind: order.followUp.kind } };
    };
    const shortcutLog = await logged(viaShortcut.db);
    // Team sync has been on: the entry names the agent who inserted it, whichever way.
    expect(shortcutLog.attempt).toMatchObject({ action: 'inserted', channel: 'chat', outcome: 'pending', text, agent: '阿杰' });
    expect(shortcutLog.attemptCount).toBe(1);
    expect(shortcutLog).toEqual(await logged(viaPanel.db));
    expect(viaShortcut.deps.changed).toHaveBeenCalled();
  });

  it('logs nothing when there is no chat box to insert into', async () => {
    const h = await shop(false);
    expect(await insertTopSuggestion(h.deps, h.bg.handlers['suggestion/insert'], 7)).toMatchObject({ inserted: false });
    expect(await allAttempts(h.db)).toEqual([]);
  });
});
