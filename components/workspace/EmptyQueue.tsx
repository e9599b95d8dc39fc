import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { firstSyncPanelText, firstSyncPercent, type FirstSyncProgress } from '@/components/firstSync';
import { t } from '@/lib/i18n';

/** How often an empty panel asks again while a first sync is still fetching the shop. */
export const FIRST_SYNC_POLL_MS = 2000;

/**
 * The empty queue. A new agent's first sync fetches the shop's orders last (after every contact attempt, so each
 * order arrives with its reminders counted): until then the queue is empty although the shop is not, and the panel
 * says how far the fetch has come instead of "no unpaid orders". It asks when shown, when stored data changes (a
 * first sync tells its first page), and every FIRST_SYNC_POLL_MS while a first sync runs.
 */
export function EmptyQueue() {
  const [first, setFirst] = useState<FirstSyncProgress>();
  const labelId = useId();
  const state = useRef<{ live: boolean; timer?: ReturnType<typeof setTimeout> }>({ live: true });
  const check = useCallback(() => {
    const s = state.current;
    clearTimeout(s.timer);
    s.timer = undefined;
    ask('team/get', {}).then(
      (r) => {
        if (!s.live) return;
        setFirst(r.status.first);
        clearTimeout(s.timer);
        s.timer = r.status.first ? setTimeout(check, FIRST_SYNC_POLL_MS) : undefined;
      },
      // No answer: the plain empty state stays.
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const s = state.current;
    s.live = true;
    check();
    return () => {
      s.live = false;
      clearTimeout(s.timer);
    };
  }, [check]);
  useDbChanged(check);
  if (!first) return <p className="empty">{t('noOrders')}</p>;
  const pct = firstSyncPercent(first);
  return (
    <div className="empty first-sync" data-testid="first-sync-note" role="status">
      <p id={labelId}>{firstSyncPanelText(first)}</p>
      {pct !== undefined && <progress max={100} value={pct} aria-labelledby={labelId} />}
    </div>
  );
}
