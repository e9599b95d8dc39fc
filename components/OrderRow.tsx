import { memo, type CSSProperties } from 'react';
import type { OrderListEntry } from '@/lib/messaging/protocol';
import { formatMoney } from '@/lib/orders/money';
import { formatAge, formatDuration, t, type MessageKey } from '@/lib/i18n';
import { verdictText } from './workspace/labels';
import { tagLabel } from './workspace/QueueFilters';

interface Props {
  entry: OrderListEntry;
  now: number;
  selected: boolean;
  /** The row keyboard focus is on (roving tabindex). */
  active: boolean;
  onSelect(key: string): void;
  style?: CSSProperties;
  id?: string;
  index?: number;
}

export const OrderRow = memo(function OrderRow({ entry, now, selected, active, onSelect, style, id, index }: Props) {
  const { verdict, amount } = entry;
  // Another agent opened or inserted for it in the last 10 minutes (team sync).
  const claimedBy = (entry as { claimedBy?: string }).claimedBy;
  const left = entry.autoCloseAt === undefined ? undefined : entry.autoCloseAt - now;
  const urgent = left !== undefined && left < 6 * 3_600_000;
  const due = entry.dueMinor;
  const v = verdictText(verdict, now);
  const chips = entry.tags.filter((tag) => tag !== 'contacted' && tag !== 'new' && tag !== 'returning');
  return (
    <li
      id={id}
      style={style}
      data-index={index}
      data-testid="order-row"
      data-order-id={entry.orderId}
      data-platform={entry.platform}
      data-buyer={entry.buyer}
      data-amount-minor={amount.minor}
      data-due-minor={due}
      data-currency={amount.currency}
      data-remind={verdict.state}
      data-rule={verdict.rule}
      className={`order-row${selected ? ' selected' : ''} remind-${verdict.state}`}
      aria-selected={selected}
      // No aria-label: an option's name comes from its visible text, so what a
      // screen reader says and what a voice user reads out (WCAG 2.5.3) agree.
      role="option"
      tabIndex={active ? 0 : -1}
      onClick={() => onSelect(entry.key)}
    >
      <div className="row-top">
        <span className="buyer" title={entry.buyer}>{entry.buyer}</span>
        <span className="amount">{formatMoney(due === amount.minor ? amount : { minor: due, currency: amount.currency })}</span>
      </div>
      <div className="item" title={entry.item}>
        {entry.item}
        {entry.itemCount > 1 && <span className="muted"> · {t('items', { n: entry.itemCount })}</span>}
      </div>
      <div className="meta">
        {entry.createdAt !== undefined && <span>{t('created', { age: formatAge(now - entry.createdAt) })}</span>}
        {left !== undefined && (
          <span className={urgent ? 'deadline urgent' : 'deadline'}>
            {left > 0 ? t(entry.autoCloseEstimated === true ? 'closesInEstimated' : 'closesIn', { left: formatDuration(left) }) : t('overdue')}
          </span>
        )}
      </div>
      <div className={`verdict v-${verdict.state}`} data-testid="remind-state" title={v.reason}>
        <strong>{v.state}</strong>
        {v.reason && <span className="verdict-reason"> · {v.reason}</span>}
      </div>
      <div className="tags">
        <span className="tag platform">{t(`platform.${entry.platform}` as MessageKey)}</span>
        {entry.chatting && <span className="tag chat">{t('chatting')}</span>}
        {entry.onTab && <span className="tag here">{t('onTab')}</span>}
        <span className="tag">{entry.returning ? t('returning') : t('newBuyer')}</span>
        {entry.attempts > 0 && <span className="tag contacted">{t('attemptsN', { n: entry.attempts })}</span>}
        {claimedBy && (
          <span className="tag claimed" data-testid="claimed-by" data-agent={claimedBy}>
            {t('team.claimed', { agent: claimedBy })}
          </span>
        )}
        {chips.map((tag) => (
          <span key={tag} className="tag">{tagLabel(tag)}</span>
        ))}
      </div>
    </li>
  );
});
