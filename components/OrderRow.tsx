import type { OrderListEntry } from '@/lib/messaging/protocol';
import { formatMoney } from '@/lib/orders/money';

import { formatAge, formatDuration, t } from '@/lib/i18n';

interface Props {
  entry: OrderListEntry;
  now: number;
  selected: boolean;
  onSelect(key: string): void;
}

export function OrderRow({ entry, now, selected, onSelect }: Props) {
  const { order } = entry;
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - now;
  const urgent = left !== undefined && left < 6 * 3_600_000;
  const first = order.items[0];
  return (
    <li
      data-testid="order-row"
      data-order-id={order.orderId}
      data-platform={order.platform}
      data-buyer={order.buyer.nick}
      data-amount-minor={order.amount.minor}
      data-due-minor={order.amount.minor}
      data-currency={order.amount.currency}
      className={`order-row${selected ? ' selected' : ''}`}
      aria-selected={selected}
      role="option"
      tabIndex={0}
      onClick={() => onSelect(order.key)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(order.key);
        }
      }}
    >
      <div className="row-top">
        <span className="buyer" title={order.buyer.nick}>{order.buyer.nick}</span>
        <span className="amount">{formatMoney(order.amount)}</span>
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
      <div className="tags">
        <span className="tag platform">{t(`platform.${order.platform}`)}</span>
        {entry.chatting && <span className="tag chat">{t('chatting')}</span>}
        {entry.onTab && <span className="tag here">{t('onTab')}</span>}
        <span className="tag">{entry.returning ? t('returning') : t('newBuyer')}</span>
        {entry.attempts > 0 && <span className="tag contacted">{t('attemptsN', { n: entry.attempts })}</span>}
      </div>
    </li>
  );
}
