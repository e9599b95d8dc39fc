import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ask, copyText, dataOf, fromBackground, useDbChanged } from '@/components/api';
import { earlyAnswer, takeEarlyFirstScreen } from '@/components/sidepanel/early';
import { HealthBanner } from '@/components/platforms/HealthBanner';
import { ManualOrderButton } from '@/components/platforms/ManualOrderForm';
import { TeachFlow } from '@/components/platforms/TeachFlow';
import { OrderDetail } from '@/components/OrderDetail';
import { OVERSCAN, QueueList, ROW_HEIGHT, WINDOW_AFTER } from '@/components/workspace/QueueList';
import { NO_FILTERS, QueueFilters, type Filters } from '@/components/workspace/QueueFilters';
import { CadenceDrawer } from '@/components/workspace/CadenceDrawer';
import { EmptyQueue } from '@/components/workspace/EmptyQueue';
import { readSnapshot, saveSnapshot } from '@/components/workspace/snapshot';
import { t, type MessageKey } from '@/lib/i18n';
import { useBoundTab } from '@/components/useBoundTab';
import type { BackgroundResponses, OrderListEntry } from '@/lib/messaging/protocol';
import { PANEL_SELECT, type SuggestionChoices } from '@/lib/messaging/workspace';
import type { Platform } from '@/lib/orders/model';
import type { Suggestion } from '@/lib/compose/engine';
import { ClaimFilter, useTeamClaims } from '@/components/workspace/TeamClaims';

type List = BackgroundResponses['orders/list'];

/** The queue as far as loaded: one slot per row that passes the filters, filled window by window. */
interface Queue extends Omit<List, 'orders' | 'offset'> {
  rows: (OrderListEntry | undefined)[];
  /** Which load this is: replies to an older one are dropped. */
  load: number;
  /** Drawn from the last open's snapshot while the background wakes up. */
  stale?: boolean;
}

function queueOf(reply: List, load: number, stale?: boolean): Queue {
  const { orders: _rows, offset: _offset, ...counts } = reply;
  return { ...counts, rows: withRows(new Array<OrderListEntry | undefined>(reply.total), reply), load, ...(stale ? { stale } : {}) };
}

/** The first request brings everything up to the windowing threshold; a longer queue comes in pages as it scrolls. */
const FIRST_WINDOW = WINDOW_AFTER;
/** A longer queue is windowed: its first answer brings only the rows the panel's height shows (and the overscan). */
const firstScreen = () => Math.ceil((window.innerHeight || 860) / ROW_HEIGHT) + OVERSCAN;
const PAGE = 200;
/** The request for the first window of the queue (what public/panel-early.js asks for with no filter set). */
const firstRequest = (tabId: number | undefined, filters: Filters, claim: 'all' | 'mine' | 'unclaimed') => ({
  tabId,
  offset: 0,
  limit: FIRST_WINDOW,
  screen: firstScreen(),
  filter: { ...filters, claim },
});

function withRows(rows: (OrderListEntry | undefined)[], reply: List): (OrderListEntry | undefined)[] {
  for (let i = 0; i < reply.orders.length && reply.offset + i < rows.length; i++) rows[reply.offset + i] = reply.orders[i];
  return rows;
}
type Detail = BackgroundResponses['order/detail'];

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** `?order=KEY` in the panel's URL pre-selects an order (a notification or the popup opened it). */
const NO_ROWS: (OrderListEntry | undefined)[] = [];

const ORDER_PARAM = new URLSearchParams(location.search).get('order') ?? undefined;

export function App() {
  const { tabId, known: tabKnown } = useBoundTab();
  const now = useNow(30_000);
  const [list, setList] = useState<Queue | undefined>(() => {
    // The live first screen when public/panel-early.js already has it; else the last open's, marked as updating.
    const early = tabKnown ? earlyAnswer<List>({ type: 'orders/list', ...firstRequest(tabId, NO_FILTERS, 'all') }) : undefined;
    if (early) return queueOf(early, 0);
    const snapshot = readSnapshot(Date.now());
    return snapshot && queueOf(snapshot, 0, true);
  });
  const loads = useRef(0);
  const fetching = useRef(new Set<string>());
  const [selected, setSelected] = useState<string | undefined>(ORDER_PARAM);
  const [detail, setDetail] = useState<Detail>();
  const [choices, setChoices] = useState<SuggestionChoices>({});
  // What was typed in place (item, coupon…) and confirmed (low stock) belongs to one order.
  useEffect(() => setChoices((c) => (c.vars || c.facts ? { ...c, vars: undefined, facts: undefined } : c)), [selected]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const team = useTeamClaims();
  const [drawer, setDrawer] = useState(false);
  const [toast, setToast] = useState<{ kind: 'ok' | 'warn' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  // Teaching the bound tab's page (again: its taught recipe stopped matching).
  const [teaching, setTeaching] = useState<{ again: boolean; tabId: number; frameId: number }>();
  useEffect(() => setTeaching((current) => (current && current.tabId !== tabId ? undefined : current)), [tabId]);

  const showError = useCallback((text: string) => setToast({ kind: 'error', text: t('loadFailed') + text }), []);
  const notice = useCallback((text: string) => setToast({ kind: 'ok', text }), []);

  const loadList = useCallback(async () => {
    const load = ++loads.current;
    try {
      const request = firstRequest(tabId, filters, team.queueFilter);
      // The first load takes the answer to the request public/panel-early.js sent as the page started, if it asked the same.
      const early = await takeEarlyFirstScreen({ type: 'orders/list', ...request });
      const reply = early === undefined ? await ask('orders/list', request) : dataOf<List>(early);
      if (load !== loads.current) return;
      fetching.current.clear();
      setList(queueOf(reply, load));
      const unfiltered = (Object.keys(NO_FILTERS) as (keyof Filters)[]).every((k) => filters[k] === NO_FILTERS[k]) && team.queueFilter === 'all';
      if (unfiltered) saveSnapshot(reply, Date.now());
    } catch (error) {
      showError((error as Error).message);
    }
  }, [tabId, filters, team.queueFilter, showError]);

  /** Rows from..to are on screen but not loaded yet: fetch the pages that hold them. */
  const loadRange = useCallback(
    async (from: number, to: number) => {
      const load = loads.current;
      const offset = Math.floor(from / PAGE) * PAGE;
      const limit = Math.ceil(to / PAGE) * PAGE - offset;
      const id = `${load}:${offset}:${limit}`;
      if (limit <= 0 || fetching.current.has(id)) return;
      fetching.current.add(id);
      try {
        const reply = await ask('orders/list', { tabId, offset, limit, filter: { ...filters, claim: team.queueFilter } });
        setList((current) => (current && current.load === load && load === loads.current ? { ...current, rows: withRows(current.rows.slice(), reply) } : current));
      } catch (error) {
        fetching.current.delete(id);
        showError((error as Error).message);
      }
    },
    [tabId, filters, team.queueFilter, showError],
  );

  const loadDetail = useCallback(async () => {
    if (!selected) return setDetail(undefined);
    try {
      setDetail(await ask('order/detail', { orderKey: selected, ...choices }));
    } catch (error) {
      setDetail(undefined);
      showError((error as Error).message);
    }
  }, [selected, choices, showError]);

  // Stored data changed (here, or another agent's work synced in): the open order's detail is asked first, alone,
  // as that is what the person is looking at; the queue's re-read and re-rank would hold its answer up. The queue
  // is then read by the effect below, with the filters in force at that time: a filter picked while the detail was
  // on its way (the "mine" a claim's own notice came just before) is not overtaken by a read with the old one.
  const [changes, setChanges] = useState(0);
  const reload = useCallback(() => {
    void loadDetail().finally(() => setChanges((n) => n + 1));
  }, [loadDetail]);

  useEffect(() => {
    if (tabKnown) void loadList();
  }, [loadList, tabKnown, changes]);
  useEffect(() => void loadDetail(), [loadDetail]);
  useDbChanged(reload);

  const select = useCallback((key: string | undefined) => {
    setSelected((current) => {
      if (current !== key) {
        setChoices({});
        setEdits({});
        // Opening an order's suggestions tells the other agents "小王 is on it" (sync on only).
        if (key) void ask('team/claim', { orderKey: key }).catch(() => undefined);
      }
      return key;
    });
  }, []);

  // A hint left by a notification click or the shortcut; and live "select this" broadcasts.
  useEffect(() => {
    if (!ORDER_PARAM) ask('workspace/select-take', {}).then((r) => r.orderKey && select(r.orderKey), () => undefined);
    const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      const msg = raw as { type?: unknown; orderKey?: unknown } | null;
      if (fromBackground(sender) && msg?.type === PANEL_SELECT && typeof msg.orderKey === 'string') {
        select(msg.orderKey);
        void ask('workspace/select-take', {}).catch(() => undefined);
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [select]);

  // The keyboard shortcut inserts for the order selected here.
  useEffect(() => {
    void ask('workspace/selected', { orderKey: selected }).catch(() => undefined);
  }, [selected]);

  // A paid or closed order leaves the list: drop it from the detail pane too. A staged order whose
  // stages are all paid leaves the list but stays open here: its receipts and thank-you are still to do.
  useEffect(() => {
    if (selected && detail?.order.key === selected && detail.order.status !== 'unpaid') select(undefined);
  }, [detail, selected, select]);

  const platforms = useMemo(() => Object.keys(list?.facets.platforms ?? {}) as Platform[], [list?.facets]);
  const tags = useMemo(() => Object.keys(list?.facets.tags ?? {}).sort(), [list?.facets]);

  const copy = async (s: Suggestion, text: string, orderKey: string, message: string) => {
    await copyText(text);
    await ask('suggestion/copied', { orderKey, templateId: s.templateId, text });
    setToast({ kind: message === t('copied') ? 'ok' : 'warn', text: message });
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      showError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const onInsert = (s: Suggestion, text: string) =>
    run(async () => {
      if (!detail) return;
      const result = tabId === undefined ? undefined : await ask('suggestion/insert', { tabId, orderKey: detail.order.key, templateId: s.templateId, text });
      void ask('team/claim', { orderKey: detail.order.key }).catch(() => undefined);
      if (result?.inserted) setToast({ kind: 'ok', text: t('inserted') });
      else await copy(s, text, detail.order.key, t('copiedNoComposer'));
    });

  const onCopy = (s: Suggestion, text: string) => run(async () => detail && copy(s, text, detail.order.key, t('copied')));

  const onEdit = useCallback((templateId: string, text: string | undefined) => {
    setEdits((current) => {
      const next = { ...current };
      if (text === undefined) delete next[templateId];
      else next[templateId] = text;
      return next;
    });
  }, []);

  const tab = list?.tab;
  return (
    <main className="panel" data-queue={list ? (list.stale ? 'snapshot' : 'live') : 'loading'}>
      <header className="panel-head">
        <div className="panel-title">
          <h1>{t('appName')}</h1>
          <button className="icon-button" data-testid="cadence-open" aria-label={t('ws.settings.open')} title={t('ws.settings.open')} aria-expanded={drawer} onClick={() => setDrawer(!drawer)}>
            ⚙
          </button>
        </div>
        <div className="bound muted" data-testid="bound-tab">
          {tab?.platform ? `${t('boundTab')}：${t(`platform.${tab.platform}` as MessageKey)}${tab.chatBuyer ? ` · ${t('chatting')} ${tab.chatBuyer}` : ''}` : t('noBoundTab')}
        </div>
        <ManualOrderButton onError={showError} />
      </header>
      <HealthBanner tabId={tabId} onTeach={teaching || tabId === undefined ? undefined : (again, frameId) => setTeaching({ again, tabId, frameId })} />
      {teaching && (
        <TeachFlow
          key={`${teaching.tabId}:${teaching.frameId}`}
          tabId={teaching.tabId}
          frameId={teaching.frameId}
          again={teaching.again}
          onDone={(saved) => {
            setTeaching(undefined);
            if (saved) notice(t('teach.saved'));
          }}
        />
      )}
      {drawer && <CadenceDrawer onClose={() => setDrawer(false)} onSaved={notice} onError={showError} />}

      {toast && (
        <div role="status" data-testid="toast" className={`toast ${toast.kind}`} onClick={() => setToast(undefined)}>
          {toast.text}
        </div>
      )}

      {list && list.all === 0 && <EmptyQueue />}
      {list && list.all > 0 && (
        <>
          <QueueFilters filters={filters} platforms={platforms} tags={tags} onChange={setFilters} />
          {team.me && <ClaimFilter value={team.filter} onChange={team.setFilter} />}
          <div className="muted shown" data-testid="queue-count">
            {t('ws.shown', { n: list.total, total: list.all })}
            {list.stale && <span data-testid="queue-updating"> · {t('ws.updating')}</span>}
          </div>
          {list.total === 0 && <p className="empty">{t('ws.noMatch')}</p>}
        </>
      )}
      <QueueList entries={team.apply(list?.rows ?? NO_ROWS)} now={now} selected={selected} onSelect={select} onNeed={loadRange} />

      {detail && selected === detail.order.key && (
        <OrderDetail
          detail={detail}
          busy={busy}
          now={now}
          choices={choices}
          onChoices={setChoices}
          edits={edits}
          onEdit={onEdit}
          onInsert={onInsert}
          onCopy={onCopy}
          onNotice={notice}
          onError={showError}
          tabId={tabId}
        />
      )}
    </main>
  );
}
