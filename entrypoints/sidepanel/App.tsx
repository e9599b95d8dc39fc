import { useCallback, useEffect, useState } from 'react';
import { ask, copyText, useDbChanged } from '@/components/api';
import { HealthBanner } from '@/components/platforms/HealthBanner';
import { ManualOrderButton } from '@/components/platforms/ManualOrderForm';
import { OrderDetail } from '@/components/OrderDetail';
import { OrderRow } from '@/components/OrderRow';
import { t } from '@/lib/i18n';
import { useBoundTab } from '@/components/useBoundTab';
import type { BackgroundResponses } from '@/lib/messaging/protocol';
import type { Suggestion } from '@/lib/compose/engine';

type List = BackgroundResponses['orders/list'];
type Detail = BackgroundResponses['order/detail'];

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function App() {
  const tabId = useBoundTab();
  const now = useNow(30_000);
  const [list, setList] = useState<List>();
  const [selected, setSelected] = useState<string>();
  const [detail, setDetail] = useState<Detail>();
  const [toast, setToast] = useState<{ kind: 'ok' | 'warn' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const showError = useCallback((text: string) => setToast({ kind: 'error', text: t('loadFailed') + text }), []);

  const loadList = useCallback(async () => {
    try {
      setList(await ask('orders/list', { tabId }));
    } catch (error) {
      showError((error as Error).message);
    }
  }, [tabId, showError]);

  const loadDetail = useCallback(async () => {
    if (!selected) return setDetail(undefined);
    try {
      setDetail(await ask('order/detail', { orderKey: selected }));
    } catch (error) {
      setDetail(undefined);
      showError((error as Error).message);
    }
  }, [selected, showError]);

  const reload = useCallback(() => {
    void loadList();
    void loadDetail();
  }, [loadList, loadDetail]);

  useEffect(() => void loadList(), [loadList]);
  useEffect(() => void loadDetail(), [loadDetail]);
  useDbChanged(reload);

  // A paid or closed order leaves the list: drop it from the detail pane too.
  useEffect(() => {
    if (selected && list && !list.orders.some((e) => e.order.key === selected)) setSelected(undefined);
  }, [list, selected]);

  const copy = async (s: Suggestion, orderKey: string, message: string) => {
    await copyText(s.text);
    await ask('suggestion/copied', { orderKey, templateId: s.templateId, text: s.text });
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

  const onInsert = (s: Suggestion) =>
    run(async () => {
      if (!detail) return;
      const result = tabId === undefined ? undefined : await ask('suggestion/insert', { tabId, orderKey: detail.order.key, templateId: s.templateId, text: s.text });
      if (result?.inserted) setToast({ kind: 'ok', text: t('inserted') });
      else await copy(s, detail.order.key, t('copiedNoComposer'));
    });

  const onCopy = (s: Suggestion) => run(async () => detail && copy(s, detail.order.key, t('copied')));

  const tab = list?.tab;
  return (
    <main className="panel">
      <header className="panel-head">
        <h1>{t('appName')}</h1>
        <div className="bound muted" data-testid="bound-tab">
          {tab?.platform ? `${t('boundTab')}：${t(`platform.${tab.platform}`)}${tab.chatBuyer ? ` · ${t('chatting')} ${tab.chatBuyer}` : ''}` : t('noBoundTab')}
        </div>
        <ManualOrderButton onError={showError} />
      </header>
      <HealthBanner tabId={tabId} />

      {toast && (
        <div role="status" data-testid="toast" className={`toast ${toast.kind}`} onClick={() => setToast(undefined)}>
          {toast.text}
        </div>
      )}

      {list && list.orders.length === 0 && <p className="empty">{t('noOrders')}</p>}
      <ul className="orders" role="listbox" aria-label={t('unpaidOrders')}>
        {list?.orders.map((entry) => (
          <OrderRow key={entry.order.key} entry={entry} now={now} selected={entry.order.key === selected} onSelect={setSelected} />
        ))}
      </ul>

      {detail && selected === detail.order.key && (
        <OrderDetail detail={detail} busy={busy} onInsert={onInsert} onCopy={onCopy} onError={showError} tabId={tabId} />
      )}
    </main>
  );
}
