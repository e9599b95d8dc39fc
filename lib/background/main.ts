// The background's wiring to the browser: alarms, notifications, the badge,
// the toolbar, the shortcut and the message listener around createBackground.
// entrypoints/background.ts only starts it.
import { browser } from 'wxt/browser';
import { injectScript } from '../content/inject';
import { createBackground } from './service';
import { insertTopSuggestion } from './shortcut';
import { actionableCount, pendingFollowUps, readCadenceSettings } from './workspace';
import { DB_CHANGED } from '../messaging/protocol';
import { frameAsker, TabFrames } from './frames';
import { PANEL_SELECT } from '../messaging/workspace';
import { formatBadge } from './badge';
import { cachedDb, type Db } from '../store/db';
import { DB_NAME } from '../store/schema';
import { markFollowUpNotified, setSelectHint } from '../store/buyers';
import { formatMoney } from '../orders/money';
import { followUpAlarmName, orderKeyOfAlarm, TICK_ALARM, FOLLOW_UP_ALARM_PREFIX } from '../reminders/followups';
import { t, type MessageKey } from '../i18n';
import { listSellerFrames, reinjectContentScripts } from './reinject';
import { markOnce } from './marks';
import { pruneIfDue } from './data';
import { createTeamEngine, TEAM_ALARM } from './team-engine';
import { setTeamEngine } from './team';
import { invalidateQueues } from './queue';
import { preparePopup } from './popup';
import {
  markMilestonePromptsAnnounced,
  milestoneActNowCount,
  milestoneAlarmInputs,
  milestoneNotice,
  MILESTONE_ALARM,
  orderKeyOfMilestoneNotification,
  planMilestoneAlarm,
  plansByOrder,
  promptId,
  RETENTION_ALARM,
  RETENTION_PERIOD_MINUTES,
  unannouncedMilestonePrompts,
} from './alarms';

const NOTIFICATION_PREFIX = 'followup:';
/** The retention alarm fires daily; it prunes when at least this long has passed since the last run. */
const RETENTION_SLACK_GAP = 20 * 3_600_000;

/**
 * The badge's recount and the alarms read the whole queue (every open order and buyer): after a change they wait
 * this long, so the open panels' reads and team sync's push of the change go first (on a loaded machine those
 * reads held the push up by 0.4-0.8 s), and one recount covers a burst of changes.
 */
const RECOUNT_DELAY_MS = 1_000;

/** A waking worker's own checks (alarms, the clean-up) wait this long behind the request that woke it. */
const STARTUP_CHORES_DELAY_MS = 1_500;

/** Notifications need an image from the package (data: URLs are refused). */
const NOTIFICATION_ICON = '/notification.png' as const;

/** Starts the background in this worker: called once by the entrypoint, synchronously (listeners must be added at once). */
export function startBackground(): void {
  // Reopened after a failed open, a closed connection or a version change (lib/store/db.ts cachedDb).
  const db: () => Promise<Db> = cachedDb();
  // A woken worker's first request is nearly always the panel's or the popup's first screen: the database opens
  // while this script finishes and the request is handled (what the last worker saved for the popup and the queue
  // is already being read: ./started.ts).
  void db().then(() => markOnce('db-open'), () => undefined);

  // MV3 has `action`; Firefox's MV2 build still calls it `browserAction`.
  const toolbar = browser.action ?? browser.browserAction;
  /** The badge counts orders to act on now: remind-now plus due follow-ups, plus staged orders with a milestone prompt due. */
  const refreshBadge = async () => {
    const store = await db();
    const now = Date.now();
    const [orders, staged] = await Promise.all([actionableCount(store, now), milestoneActNowCount(store, now)]);
    const count = orders + staged;
    await toolbar.setBadgeText({ text: formatBadge(count) });
    await toolbar.setBadgeBackgroundColor({ color: '#e4572e' });
    // The queue was just read afresh: the popup's answer is made from it now, so the next popup gets it ready.
    await preparePopup(store, now, tellPages);
  };

  /** One alarm per pending follow-up, rebuilt from the store (alarms survive restarts; this also heals them). */
  const syncAlarms = async () => {
    const pending = await pendingFollowUps(await db());
    const wanted = new Map(pending.map((o) => [followUpAlarmName(o.key), o.followUp!.at]));
    const existing = await browser.alarms.getAll();
    for (const alarm of existing) {
      if (!alarm.name.startsWith(FOLLOW_UP_ALARM_PREFIX)) continue;
      if (!wanted.has(alarm.name)) await browser.alarms.clear(alarm.name);
    }
    const have = new Map(existing.map((a) => [a.name, a.scheduledTime]));
    const now = Date.now();
    for (const [name, at] of wanted) {
      const scheduled = have.get(name);
      // Already due (set in the past, or missed while the browser was closed): fire soon, once;
      // moving an existing alarm on every change would keep it from ever firing.
      if (at <= now) {
        if (scheduled === undefined || scheduled > now + 1000) await browser.alarms.create(name, { when: now + 500 });
      } else if (scheduled !== at) await browser.alarms.create(name, { when: at });
    }
    if (!have.has(TICK_ALARM)) await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
    if (!have.has(RETENTION_ALARM)) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES });
    // Staged payments: one alarm at the next prompt (or soon, when one is due and not announced yet).
    const when = planMilestoneAlarm({ now, ...(await milestoneAlarmInputs(await db(), now)), scheduled: have.get(MILESTONE_ALARM) });
    if (when === 'clear') await browser.alarms.clear(MILESTONE_ALARM);
    else if (when !== undefined) await browser.alarms.create(MILESTONE_ALARM, { when });
  };

  /** Milestone prompts due and not yet announced: one notification each (if notifications are on), then remembered. */
  const announceMilestones = async () => {
    const store = await db();
    const now = Date.now();
    const fresh = await unannouncedMilestonePrompts(store, now);
    // A one-shot alarm: whatever it found, the next one is set from the store.
    if (fresh.length === 0) return void syncAlarms();
    if ((await readCadenceSettings(store)).notifications) {
      const plans = await plansByOrder(store);
      for (const prompt of fresh) {
        const order = await store.get('orders', prompt.orderKey);
        const notice = milestoneNotice(prompt, plans.get(prompt.orderKey), order ? (order.buyer.displayName ?? order.buyer.nick) : prompt.orderKey, now);
        await browser.notifications.create(promptId(prompt), {
          type: 'basic',
          iconUrl: browser.runtime.getURL(NOTIFICATION_ICON),
          ...notice,
          priority: prompt.late ? 2 : 1,
          requireInteraction: true,
        });
      }
    }
    // Marked only once shown, so a failure leaves them for the next check.
    await markMilestonePromptsAnnounced(store, fresh, now);
    void refreshBadge();
    void syncAlarms();
  };

  /** Old paid and closed orders go once a day (the popup also prunes when it opens). */
  const pruneOldOrders = async (gap?: number) => {
    const removed = await pruneIfDue(await db(), Date.now(), gap);
    if (removed) changed();
  };

  const announce = async (orderKey: string) => {
    const store = await db();
    const order = await store.get('orders', orderKey);
    if (!order?.followUp || order.status !== 'unpaid' || order.followUp.notifiedAt !== undefined) return;
    if (order.followUp.at > Date.now()) return;
    const settings = await readCadenceSettings(store);
    if (settings.notifications) {
      // It stays until the person acts on it: a follow-up is a promise we keep.
      await browser.notifications.create(NOTIFICATION_PREFIX + orderKey, {
        type: 'basic',
        iconUrl: browser.runtime.getURL(NOTIFICATION_ICON),
        title: t('ws.notify.title', { buyer: order.buyer.nick }),
        message: t(`ws.notify.${order.followUp.kind}` as MessageKey, { amount: formatMoney(order.amount) }),
        priority: 2,
        requireInteraction: true,
      });
    }
    // Marked only once shown, so a failure leaves it for the next check.
    await markFollowUpNotified(store, orderKey, Date.now());
    changed();
  };

  // The window the person last used: sidePanel.open must be called at once inside the click, before any await.
  let lastWindowId: number | undefined;
  browser.windows?.onFocusChanged.addListener((id) => {
    if (id >= 0) lastWindowId = id;
  });
  browser.tabs.onActivated.addListener((info) => {
    lastWindowId = info.windowId;
  });

  /** Opens the panel on an order: the hint is read by a panel that opens; an open one is told directly. */
  const openOrder = (orderKey: string) => {
    const api = browser as unknown as {
      sidePanel?: { open(o: { windowId: number }): Promise<void> };
      sidebarAction?: { open(): Promise<void> };
    };
    const opening = api.sidePanel && lastWindowId !== undefined ? api.sidePanel.open({ windowId: lastWindowId }) : api.sidebarAction?.open();
    opening?.catch(() => {
      // No user gesture left or no window: the hint waits for the person to open the panel.
    });
    void db()
      .then((store) => setSelectHint(store, orderKey, Date.now()))
      .then(() => browser.runtime.sendMessage({ type: PANEL_SELECT, orderKey }))
      .catch(() => undefined);
  };

  function changed() {
    tellPages();
    // A local write: the team gets it soon (debounced; nothing happens while sync is off).
    team.localChanged();
  }

  function tellPages() {
    tellOpenPages();
    recountSoon();
  }

  let recount: ReturnType<typeof setTimeout> | undefined;
  function recountSoon() {
    recount ??= setTimeout(() => {
      recount = undefined;
      void refreshBadge();
      void syncAlarms();
    }, RECOUNT_DELAY_MS);
  }

  function tellOpenPages() {
    browser.runtime.sendMessage({ type: DB_CHANGED }).catch(() => {
      // No panel or popup open: nobody to tell.
    });
  }

  // Team sync: changes that arrive from the server are already stored; pages re-read at once.
  const teamAlarm = (enabled: boolean) =>
    void (enabled ? browser.alarms.create(TEAM_ALARM, { periodInMinutes: 1 }) : browser.alarms.clear(TEAM_ALARM));
  const team = createTeamEngine(
    db,
    {
      changed() {
        invalidateQueues();
        tellPages();
      },
      // Claims filter the queue as it is asked for (lib/background/queue.ts): nothing to read again, no badge to redo.
      claimsChanged: tellOpenPages,
    },
    teamAlarm,
  );
  setTeamEngine(team);

  // Content scripts run in every seller frame; a tab's questions go to the frames that hold its list (./frames.ts).
  const tabFrames = new TabFrames();
  browser.tabs.onRemoved.addListener((tabId) => tabFrames.forget(tabId));
  const askTab = frameAsker(tabFrames, (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }), listSellerFrames);

  const background = createBackground({
    db,
    dbName: DB_NAME,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    async clearNotifications() {
      const shown = await browser.notifications.getAll();
      await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
    },
    askTab,
    loadScript: injectScript,
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return undefined;
      }
    },
    changed,
  });

  /** The shortcut: the top suggestion of the selected order (or the most urgent one) into the active tab's chat box. */
  const shortcut = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const result = await insertTopSuggestion({ db, now: Date.now, askTab }, background.handlers['suggestion/insert'], tab.id);
    if (result && !result.inserted) {
      await browser.notifications.create('shortcut', { type: 'basic', iconUrl: browser.runtime.getURL(NOTIFICATION_ICON), title: 'PayNudge', message: t('ws.notify.noComposer') });
    }
  };

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.tab?.id !== undefined && sender.frameId && (raw as { type?: unknown } | null)?.type === 'page/read') tabFrames.saw(sender.tab.id, sender.frameId);
    return background.handle(raw, sender);
  });
  browser.runtime.onInstalled.addListener(() => {
    changed();
    // Seller tabs already open keep working after an update: the new content scripts take over there.
    void reinjectContentScripts();
  });
  browser.runtime.onStartup.addListener(() => {
    changed();
    void pruneOldOrders();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    const key = orderKeyOfAlarm(alarm.name);
    if (key) void announce(key);
    else if (alarm.name === TICK_ALARM) void refreshBadge();
    else if (alarm.name === MILESTONE_ALARM) void announceMilestones();
    // The alarm's own period is the day; a little slack so a late popup prune does not skip a day.
    else if (alarm.name === TEAM_ALARM) void team.resume().then(() => team.flush());
    else if (alarm.name === RETENTION_ALARM) void pruneOldOrders(RETENTION_SLACK_GAP);
  });
  browser.notifications.onClicked.addListener((id) => {
    const orderKey = id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : orderKeyOfMilestoneNotification(id);
    if (!orderKey) return;
    openOrder(orderKey);
    void browser.notifications.clear(id);
  });
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'insert-top-suggestion') void shortcut();
  });
  // A worker woken by an event re-checks its alarms (a restart or an update may have dropped some), and cleans up
  // when a day or more passed since the last clean-up (the browser was closed over the alarm). Both read the
  // store: they wait a moment, so the request that woke the worker (a panel's first screen) is read first.
  setTimeout(() => {
    void syncAlarms();
    void pruneOldOrders();
  }, STARTUP_CHORES_DELAY_MS);
  // Sync picks up where it was (nothing at all happens while it is off).
  void team.resume().then(() => teamAlarm(team.config()?.enabled === true));
  void browser.windows?.getLastFocused().then((w) => (lastWindowId ??= w.id), () => undefined);
}
