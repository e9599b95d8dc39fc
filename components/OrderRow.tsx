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
  const { order, verdict } = entry;
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - now;
  const urgent = left !== undefined && left < 6 * 3_600_000;
  const first = order.items[0];
  const due = entry.dueMinor ?? order.amount.minor;
  const v = verdictText(verdict, now);
  const chips = entry.tags.filter((tag) => tag !== 'contacted' && tag !== 'new' && tag !== 'returning');
  return (
    <li
      id={id}
      style={style}
      data-index={index}
      data-testid="order-row"
      data-order-id={order.orderId}
      data-platform={order.platform}
      data-buyer={order.buyer.nick}
      data-amount-minor={order.amount.minor}
      data-due-minor={due}
      data-currency={order.amount.currency}
      data-remind={verdict.state}
      data-rule={verdict.rule}
      className={`order-row${selected ? ' selected' : ''} remind-${verdict.state}`}
      aria-selected={selected}
      aria-label={`${order.buyer.nick} ${formatMoney(order.amount)} ${v.state}${v.reason ? `，${v.reason}` : ''}`}
      role="option"
      tabIndex={active ? 0 : -1}
      onClick={() => onSelect(order.key)}
    >
      <div className="row-top">
        <span className="buyer" title={order.buyer.nick}>{order.buyer.nick}</span>
        <span className="amount">{formatMoney(due === order.amount.minor ? order.amount : { minor: due, currency: order.amount.currency })}</span>
      </div>
      <div className="item" title={first?.title}>
        {first?.title}
        {order.items.length > 1 && <span className="muted"> · {t('items', { n: order.items.length })}</span>}
      </div>
      <div className="meta">
        {order.createdAt !== undefined && <span>{t('created', { age: formatAge(now - order.createdAt) })}</span>}
        {left !== undefined && (
          <span className={urgent ? 'deadline urgent' : 'deadline'}>
            {left > 0 ? t(order.autoCloseEstimated === true ? 'closesInEstimated' : 'closesIn', { left: formatDuration(left) }) : t('overdue')}
          </span>
        )}
      </div>
      <div className={`verdict v-${verdict.state}`} data-testid="remind-state" title={v.reason}>
        <strong>{v.state}</strong>
        {v.reason && <span className="verdict-reason"> · {v.reason}</span>}
      </div>
      <div className="tags">
        <span className="tag platform">{t(`platform.${order.platform}` as MessageKey)}</span>
        {entry.chatting && <span className="tag chat">{t('chatting')}</span>}
        {entry.onTab && <span className="tag here">{t('onTab')}</span>}
        <span className="tag">{entry.returning ? t('returning') : t('newBuyer')}</span>
        {entry.attempts > 0 && <span className="tag contacted">{t('attemptsN', { n: entry.attempts })}</span>}
        {chips.map((tag) => (
          <span key={tag} className="tag">{tagLabel(tag)}</span>
        ))}
      </div>
    </li>
  );
});
