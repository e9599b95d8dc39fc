import { t } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/sync/engine';

/** A first sync under way, as the sync status tells it. */
export type FirstSyncProgress = NonNullable<SyncStatus['first']>;

const COUNT = new Intl.NumberFormat();

/** How far a first sync has read, 0–100 (whole percent, never 100 before it is done), or undefined when the server's count is unknown. */
export function firstSyncPercent(first: FirstSyncProgress): number | undefined {
  if (!first.total) return undefined;
  return Math.min(99, Math.floor((first.read / first.total) * 100));
}

/** The options page's line: records fetched so far, of about the server's count. */
export function firstSyncLine(first: FirstSyncProgress): string {
  const read = COUNT.format(first.read);
  return first.total ? t('team.first', { read, total: COUNT.format(first.total) }) : t('team.firstNoTotal', { read });
}

/** The panel's note while its queue is still empty because the shop's orders have not arrived yet. */
export function firstSyncPanelText(first: FirstSyncProgress): string {
  const pct = firstSyncPercent(first);
  return pct === undefined ? t('team.firstPanelNoTotal') : t('team.firstPanel', { pct });
}
