import { ask, useDbChanged } from '@/components/api';
import { FirstSyncNote } from '@/components/FirstSyncNote';
import { useFirstSync } from '@/components/useFirstSync';
import { t } from '@/lib/i18n';

/**
 * The empty queue. A new agent's first sync fetches the shop's orders last (after every contact attempt, so each
 * order arrives with its reminders counted): until then the queue is empty although the shop is not, and the panel
 * says how far the fetch has come instead of "no unpaid orders".
 */
export function EmptyQueue() {
  const first = useFirstSync(ask, useDbChanged);
  if (!first) return <p className="empty">{t('noOrders')}</p>;
  return <FirstSyncNote first={first} className="empty first-sync" />;
}
