import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ask, useDbChanged } from '@/components/api';
import { t } from '@/lib/i18n';
import type { BackgroundResponses } from '@/lib/messaging/protocol';
import { formatMoney } from '@/lib/orders/money';

/**
 * Chrome opens its side panel; Firefox has a sidebar instead. Both demand a
 * user gesture, which an `await` before the call would lose: the window id
 * is looked up when the popup opens, not on click.
 */
function openPanel(windowId: number | undefined): void {
  const api = browser as unknown as {
    sidePanel?: { open(options: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const opening = api.sidePanel ? windowId !== undefined && api.sidePanel.open({ windowId }) : api.sidebarAction?.open();
  void Promise.resolve(opening).then(() => window.close());
}

export function Popup() {
  const [summary, setSummary] = useState<BackgroundResponses['summary/get']>();
  const [error, setError] = useState<string>();
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then((w) => setWindowId(w.id), () => undefined);
  }, []);
  const load = useCallback(() => {
    ask('summary/get', {}).then(setSummary, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useDbChanged(load);

  return (
    <main className="popup">
      <h1>{t('appName')}</h1>
      {error && <p className="toast error">{error}</p>}
      <div className="stat">
        <span className="stat-label">{t('unpaidOrders')}</span>
        <span className="stat-value" data-testid="unpaid-count">{summary?.count ?? 0}</span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('unpaidMoney')}</span>
        <div className="totals">
          {summary?.totals.map((m) => (
            <div key={m.currency} data-testid="unpaid-total" className="stat-value small">
              {formatMoney(m)}
            </div>
          ))}
          {summary && summary.totals.length === 0 && <div className="muted">—</div>}
        </div>
      </div>
      <button className="primary wide" data-testid="open-panel" onClick={() => openPanel(windowId)}>
        {t('openPanel')}
      </button>
    </main>
  );
}
