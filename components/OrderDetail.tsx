import type { BackgroundResponses } from '@/lib/messaging/protocol';
import { formatMoney } from '@/lib/orders/money';
import type { Suggestion } from '@/lib/compose/engine';
import { AttemptRow } from './AttemptRow';
import { ManualAttemptForm } from './ManualAttemptForm';
import { t } from '@/lib/i18n';
import { MilestonePanel } from './milestones/MilestonePanel';

interface Props {
  detail: BackgroundResponses['order/detail'];
  busy: boolean;
  onInsert(s: Suggestion): void;
  onCopy(s: Suggestion): void;
  onError(message: string): void;
  tabId?: number;
}

export function OrderDetail({ detail, busy, onInsert, onCopy, onError, tabId }: Props) {
  const { order, suggestions, attempts } = detail;
  return (
    <section className="detail" aria-label="订单详情">
      <header className="detail-head">
        <div>
          <strong>{order.buyer.nick}</strong> · <span className="muted">订单 {order.orderId}</span>
        </div>
        <div className="amount">{formatMoney(order.amount)}</div>
      </header>
      <ul className="items">
        {order.items.map((item, i) => (
          <li key={i}>
            {item.title}
            {item.sku && <span className="muted"> （{item.sku}）</span>}
            <span className="muted"> ×{item.qty}</span>
          </li>
        ))}
      </ul>

      <h2>{t('suggestions')}</h2>
      <ul className="suggestions">
        {suggestions.map((s) => (
          <li key={s.templateId} data-testid="suggestion" data-template-id={s.templateId} className="suggestion">
            <div className="suggestion-label">{s.label}</div>
            <p data-testid="suggestion-text" className="suggestion-text">{s.text}</p>
            <div className="buttons">
              <button data-testid="insert-button" className="primary" disabled={busy} onClick={() => onInsert(s)}>
                {t('insert')}
              </button>
              <button data-testid="copy-button" disabled={busy} onClick={() => onCopy(s)}>
                {t('copy')}
              </button>
            </div>
          </li>
        ))}
      </ul>

      <MilestonePanel order={order} tabId={tabId} onError={onError} />

      <h2>{t('attempts')}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{t('noAttempts')}</p>
      ) : (
        <ul className="attempts">
          {attempts.map((a) => (
            <AttemptRow key={`${a.id}:${a.outcome}`} attempt={a} onError={onError} />
          ))}
        </ul>
      )}
      <h2>{t('manualTitle')}</h2>
      <ManualAttemptForm orderKey={order.key} onError={onError} />
    </section>
  );
}
