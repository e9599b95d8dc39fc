import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ask, useDbChanged } from '@/components/api';
import { t } from '@/components/strings';
import type { BackgroundResponses } from '@/lib/messaging/protocol';
import { formatMoney } from '@/lib/orders/money';

/** Chrome opens its side panel; Firefox has a sidebar instead. */
async function openPanel(): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(options: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await api.sidePanel.open({ windowId: win.id });
  } else {
    await api.sidebarAction?.open();
  }
  window.close();
}

export function Popup() {
  const [summary, setSummary] = useState<BackgroundResponses['summary/get']>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    ask('summary/get', {}).then(setSummary, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useDbChanged(load);

  return (
    <main className="popup">
      <h1>{t.appName}</h1>
      {error && <p className="toast error">{error}</p>}
      <div className="stat">
        <span className="stat-label">{t.unpaidOrders}</span>
        <span className="stat-value" data-testid="unpaid-count">{summary?.count ?? 0}</span>
      </div>
      <div className="stat">
        <span className="stat-label">{t.unpaidMoney}</span>
        <div className="totals">
          {summary?.totals.map((m) => (
            <div key={m.currency} data-testid="unpaid-total" className="stat-value small">
              {formatMoney(m)}
            </div>
          ))}
          {summary && summary.totals.length === 0 && <div className="muted">—</div>}
        </div>
      </div>
      <button className="primary wide" data-testid="open-panel" onClick={() => void openPanel()}>
        {t.openPanel}
      </button>
    </main>
  );
}
