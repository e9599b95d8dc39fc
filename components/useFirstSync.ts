import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '@/lib/sync/engine';
import type { FirstSyncProgress } from './firstSync';

/** How often a page asks again while a first sync is still fetching the shop. */
export const FIRST_SYNC_POLL_MS = 2000;

/**
 * A new agent's first sync as the background tells it (undefined when none runs): asked when `enabled` turns on,
 * when stored data changes (a first sync tells its first page), and every FIRST_SYNC_POLL_MS while one runs. The
 * page's own way to the background is passed in (the popup's keeps zod out of its start; the panel's checks replies).
 */
export function useFirstSync(
  ask: (type: 'team/get', payload: Record<string, never>) => Promise<{ status: SyncStatus }>,
  useChanged: (onChange: () => void) => void,
  enabled = true,
): FirstSyncProgress | undefined {
  const [first, setFirst] = useState<FirstSyncProgress>();
  const state = useRef<{ live: boolean; enabled: boolean; timer?: ReturnType<typeof setTimeout> }>({ live: true, enabled });
  state.current.enabled = enabled;
  const check = useCallback(() => {
    const s = state.current;
    clearTimeout(s.timer);
    s.timer = undefined;
    if (!s.enabled) return;
    ask('team/get', {}).then(
      (r) => {
        if (!s.live || !s.enabled) return;
        // An answer without a status (an older background, a stand-in) tells of no first sync.
        const running = r?.status?.first;
        setFirst(running);
        clearTimeout(s.timer);
        s.timer = running ? setTimeout(check, FIRST_SYNC_POLL_MS) : undefined;
      },
      // No answer: nothing to tell.
      () => undefined,
    );
  }, [ask]);
  useEffect(() => {
    const s = state.current;
    s.live = true;
    if (enabled) check();
    else setFirst(undefined);
    return () => {
      // Unmounted, or enabled changed (the next run marks it live again).
      s.live = false;
      clearTimeout(s.timer);
      s.timer = undefined;
    };
  }, [check, enabled]);
  useChanged(check);
  return enabled ? first : undefined;
}
