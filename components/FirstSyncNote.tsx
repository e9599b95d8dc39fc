import { useId } from 'react';
import { firstSyncPanelText, firstSyncPercent, type FirstSyncProgress } from './firstSync';

/** What a page whose orders have not arrived yet says during a first sync: how far it has come, with a bar. */
export function FirstSyncNote({ first, className }: { first: FirstSyncProgress; className: string }) {
  const labelId = useId();
  const pct = firstSyncPercent(first);
  return (
    <div className={className} data-testid="first-sync-note" role="status">
      <p id={labelId}>{firstSyncPanelText(first)}</p>
      {pct !== undefined && <progress max={100} value={pct} aria-labelledby={labelId} />}
    </div>
  );
}
