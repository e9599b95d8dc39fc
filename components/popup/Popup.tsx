import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { paintedSummary, takeEarlyRequest } from './first-paint';
import { ask, unwrap, useDbChanged } from './link';
import { formatDuration, t } from '@/lib/i18n';
import type { DataResponses } from '@/lib/messaging/data';
import type { Reply } from '@/lib/messaging/protocol';
import { formatMoney, type Money } from '@/lib/orders/money';
import { FirstSyncNote } from '@/components/FirstSyncNote';
import { useFirstSync } from '@/components/useFirstSync';

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

/** Opens the panel on one order: 'workspace/select' leaves the hint the panel takes when it opens ('workspace/select-take'). */
function openOrder(windowId: number | undefined, orderKey: string): void {
  // Not awaited: the side panel must open inside the click's user gesture.
  void ask('workspace/select', { orderKey }).catch(() => undefined);
  openPanel(windowId);
}

function MoneyLines({ amounts, testId }: { amounts: Money[]; testId: string }) {
  if (amounts.length === 0) return <div className="muted">—</div>;
  return (
    <div className="totals">
      {amounts.map((m) => (
        <div key={m.currency} data-testid={testId} className="stat-value small">
          {formatMoney(m)}
        </div>
      ))}
    </div>
  );
}

function timeLeft(autoCloseAt: number | undefined, estimated: boolean | undefined, now: number): string {
  if (autoCloseAt === undefined) return t('opt.popup.noDeadline');
  const left = autoCloseAt - now;
  if (left <= 0) return t('overdue');
  return t(estimated ? 'closesInEstimated' : 'closesIn', { left: formatDuration(left) });
}

type Summary = DataResponses['popup/summary'];

/**
 * The popup's numbers: the first time from the request entrypoints/popup-early.ts sent as the page started
 * (the background worked on it while the page loaded), afterwards asked anew.
 */
function askSummary(): Promise<Summary> {
  const sent = takeEarlyRequest();
  if (!sent) return ask('popup/summary', {});
  return sent.then((raw) => {
    const reply = raw as Reply<Summary> | undefined;
    // No reply (the worker was restarting): ask the usual way.
    if (!reply || typeof reply !== 'object') return ask('popup/summary', {});
    return unwrap(reply);
  });
}

export function Popup() {
  // What the early script painted (the first reply), so this first render draws the same numbers again.
  const [summary, setSummary] = useState<Summary | undefined>(paintedSummary);
  const [error, setError] = useState<string>();
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows.getCurrent().then((w) => setWindowId(w.id), () => undefined);
  }, []);
  // Answers are shown in the order they were asked for: an answer older than the one on screen is dropped.
  const asked = useRef(0);
  const shown = useRef(0);
  const load = useCallback(() => {
    const n = ++asked.current;
    askSummary().then(
      (next) => {
        if (n < shown.current) return;
        shown.current = n;
        setSummary(next);
      },
      (e: Error) => {
        if (n >= shown.current) setError(e.message);
      },
    );
  }, []);
  useEffect(() => {
    // The early answer first; then once more, as this page was not yet listening for changes when it was made
    // (a page read stored meanwhile would otherwise leave the popup at the numbers from before it).
    load();
    load();
  }, [load]);
  useDbChanged(load);
  // No unpaid order here may mean a new agent's first sync has not brought the shop's orders yet (they come last).
  const first = useFirstSync(ask, useDbChanged, summary !== undefined && summary.count === 0);
  const now = summary?.now ?? Date.now();

  return (
    <main className="popup" aria-busy={summary === undefined && error === undefined}>
      <h1>{t('appName')}</h1>
      {error && (
        <p className="toast error" role="alert">
          {error}
        </p>
      )}
      <div className="stat">
        <span className="stat-label" id="unpaid-count-label">
          {t('unpaidOrders')}
        </span>
        <span className="stat-value" data-testid="unpaid-count" aria-labelledby="unpaid-count-label">
          {summary?.count ?? 0}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('unpaidMoney')}</span>
        <MoneyLines amounts={summary?.totals ?? []} testId="unpaid-total" />
      </div>
      {first && <FirstSyncNote first={first} className="muted first-sync" />}
      {summary && summary.stagesOutstanding.length > 0 && (
        <div className="stat">
          <span className="stat-label">{t('opt.popup.stagesOutstanding')}</span>
          <MoneyLines amounts={summary.stagesOutstanding} testId="stages-outstanding" />
        </div>
      )}

      <section aria-labelledby="urgent-title" className="popup-section">
        <h2 id="urgent-title">{t('opt.popup.urgent')}</h2>
        {summary && summary.urgent.length === 0 && <p className="muted">{t('opt.popup.noUrgent')}</p>}
        <ul className="popup-list">
          {summary?.urgent.map((o) => {
            const left = timeLeft(o.autoCloseAt, o.autoCloseEstimated, now);
            return (
              <li key={o.key}>
                <button
                  className="popup-order"
                  data-testid="urgent-order"
                  data-order-key={o.key}
                  title={t('opt.popup.openOrderLabel', { buyer: o.buyer, amount: formatMoney(o.amount), left })}
                  onClick={() => openOrder(windowId, o.key)}
                >
                  <span className="popup-buyer">{o.buyer}</span>
                  <span className="popup-amount" data-testid="urgent-amount">
                    {formatMoney(o.amount)}
                  </span>
                  <span className={o.autoCloseAt !== undefined && o.autoCloseAt - now < 6 * 3_600_000 ? 'popup-left urgent' : 'popup-left'} data-testid="urgent-left">
                    {left}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      {summary && summary.followUpCount > 0 && (
        <section aria-labelledby="followups-title" className="popup-section">
          <h2 id="followups-title" data-testid="follow-up-count" data-count={summary.followUpCount}>
            {t('opt.popup.followUps', { n: summary.followUpCount })}
          </h2>
          <ul className="popup-list">
            {summary.followUps.map((f) => (
              <li key={f.attemptId}>
                <button className="popup-order" data-testid="follow-up" data-order-key={f.orderKey} onClick={() => openOrder(windowId, f.orderKey)}>
                  <span className="popup-buyer">{f.buyer}</span>
                  {f.amount && <span className="popup-amount">{formatMoney(f.amount)}</span>}
                  <span className="popup-left">{t('opt.popup.dueSince', { age: formatDuration(now - f.followUpAt) })}</span>
                </button>
              </li>
            ))}
          </ul>
          {summary.followUpCount > summary.followUps.length && (
            <p className="muted" data-testid="more-follow-ups">
              {t('opt.popup.moreFollowUps', { n: summary.followUpCount - summary.followUps.length })}
            </p>
          )}
        </section>
      )}

      <button className="primary wide" data-testid="open-panel" onClick={() => openPanel(windowId)}>
        {t('openPanel')}
      </button>
      <button className="wide link-button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('opt.popup.openOptions')}
      </button>
    </main>
  );
}
