import { browser } from 'wxt/browser';
import { createBackground } from '@/lib/background/service';
import { DB_CHANGED, type ContentResponses } from '@/lib/messaging/protocol';
import { formatBadge } from '@/lib/background/badge';
import { openPayNudgeDb, type Db } from '@/lib/store/db';
import { unpaidSummary } from '@/lib/store/orders';

export default defineBackground(() => {
  let dbPromise: Promise<Db> | undefined;
  const db = () => (dbPromise ??= openPayNudgeDb());

  // MV3 has `action`; Firefox's MV2 build still calls it `browserAction`.
  const toolbar = browser.action ?? browser.browserAction;
  const refreshBadge = async () => {
    const { count } = await unpaidSummary(await db());
    await toolbar.setBadgeText({ text: formatBadge(count) });
    await toolbar.setBadgeBackgroundColor({ color: '#e4572e' });
  };

  const background = createBackground({
    db,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    async askTab<K extends keyof ContentResponses>(tabId: number, type: K, payload: object) {
      try {
        return (await browser.tabs.sendMessage(tabId, { type, ...payload })) as ContentResponses[K] | undefined;
      } catch {
        // No content script there (not a seller page, or still loading).
        return undefined;
      }
    },
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return undefined;
      }
    },
    changed() {
      browser.runtime.sendMessage({ type: DB_CHANGED }).catch(() => {
        // No panel or popup open: nobody to tell.
      });
      void refreshBadge();
    },
  });

  browser.runtime.onMessage.addListener((raw, sender) => background.handle(raw, sender));
  browser.runtime.onInstalled.addListener(() => void refreshBadge());
  browser.runtime.onStartup.addListener(() => void refreshBadge());
});
