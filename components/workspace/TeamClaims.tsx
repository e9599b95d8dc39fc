import { useCallback, useEffect, useMemo, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { t } from '@/lib/i18n';
import type { OrderListEntry } from '@/lib/messaging/protocol';
import type { Claim } from '@/lib/sync/docs';
import { CLAIM_FILTERS } from '@/lib/messaging/workspace';

// "小王 is on it": who of the team opened or inserted for an order in the
// last 10 minutes (a soft claim: a warning, never a lock), and the queue
// filter mine / unclaimed / everyone's (applied by the background over the
// whole queue, see lib/background/queue.ts). Nothing shows while sync is off.

export type ClaimFilterValue = (typeof CLAIM_FILTERS)[number];

/** A queue row with the agent who claimed it (another agent's claim only). */
export type ClaimedEntry = OrderListEntry & { claimedBy?: string };

/** How often an open panel asks: it also keeps the background, and so the live sync, awake. */
const POLL_MS = 20_000;

export function useTeamClaims() {
  const [state, setState] = useState<{ me?: string; claims: Claim[] }>({ claims: [] });
  const [filter, setFilter] = useState<ClaimFilterValue>('all');
  const load = useCallback(() => {
    ask('team/claims', {}).then(setState, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  useDbChanged(load);

  const byOrder = useMemo(() => new Map(state.claims.map((c) => [c.orderKey, c.agent])), [state.claims]);
  /** Rows another agent is on carry that agent's name. */
  const apply = useCallback(
    (rows: (OrderListEntry | undefined)[]): (ClaimedEntry | undefined)[] => {
      if (!state.me || byOrder.size === 0) return rows;
      return rows.map((row) => {
        const agent = row && byOrder.get(row.key);
        return row && agent && agent !== state.me ? { ...row, claimedBy: agent } : row;
      });
    },
    [state.me, byOrder],
  );
  // The filter the queue request carries: only with a team (sync on).
  return { me: state.me, filter, setFilter, apply, queueFilter: state.me ? filter : ('all' as const) };
}

export function ClaimFilter({ value, onChange }: { value: ClaimFilterValue; onChange(next: ClaimFilterValue): void }) {
  return (
    <select data-testid="filter-claim" aria-label={t('team.filter')} value={value} onChange={(e) => onChange(e.target.value as ClaimFilterValue)}>
      {CLAIM_FILTERS.map((f) => (
        <option key={f} value={f}>
          {f === 'all' ? `${t('team.filter')} · ${t('team.filter.all')}` : t(`team.filter.${f}`)}
        </option>
      ))}
    </select>
  );
}
