import type { BackgroundResponses } from '@/lib/messaging/protocol';
import type { SuggestionChoices } from '@/lib/messaging/workspace';
import { formatMoney } from '@/lib/orders/money';
import { buyerKey } from '@/lib/orders/model';
import type { Suggestion } from '@/lib/compose/engine';
import { AttemptRow } from './AttemptRow';
import { ManualAttemptForm } from './ManualAttemptForm';
import { t } from '@/lib/i18n';
import { MilestonePanel } from './milestones/MilestonePanel';
import { SuggestionControls } from './workspace/SuggestionControls';
import { SuggestionCard } from './workspace/SuggestionCard';
import { FillInBox } from './workspace/FillInBox';
import { PhoneOutcome } from './workspace/PhoneOutcome';
import { BuyerProfile } from './workspace/BuyerProfile';
import { FollowUpBox } from './workspace/FollowUpBox';
import { verdictText } from './workspace/labels';

interface Props {
  detail: BackgroundResponses['order/detail'];
  busy: boolean;
  now: number;
  choices: SuggestionChoices;
  onChoices(next: SuggestionChoices): void;
  /** Edited texts by template id. */
  edits: Record<string, string>;
  onEdit(templateId: string, text: string | undefined): void;
  onInsert(s: Suggestion, text: string): void;
  onCopy(s: Suggestion, text: string): void;
  onNotice(message: string): void;
  onError(message: string): void;
  tabId?: number;
}

export function OrderDetail({ detail, busy, now, choices, onChoices, edits, onEdit, onInsert, onCopy, onNotice, onError, tabId }: Props) {
  const { order, suggestions, attempts, missing = [] } = detail;
  const v = verdictText(detail.verdict, now);
  const phone = choices.channel === 'phone';
  return (
    <section className="detail" aria-label={t('ws.detail')} data-testid="order-detail">
      <header className="detail-head">
        <div>
          <strong>{order.buyer.nick}</strong> · <span className="muted">{t('ws.orderNo', { id: order.orderId })}</span>
        </div>
        <div className="amount">{formatMoney(order.amount)}</div>
      </header>
      <div className={`verdict v-${detail.verdict.state}`} data-testid="detail-verdict" data-remind={detail.verdict.state}>
        <strong>{v.state}</strong>
        {v.reason && <span className="verdict-reason"> · {v.reason}</span>}
      </div>
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
      <SuggestionControls choices={choices} onChange={onChoices} />
      <ul className="suggestions" aria-live="polite">
        {suggestions.map((s) => (
          <SuggestionCard
            key={s.templateId}
            suggestion={s}
            edited={edits[s.templateId]}
            busy={busy}
            onEdit={(text) => onEdit(s.templateId, text)}
            onInsert={(text) => onInsert(s, text)}
            onCopy={(text) => onCopy(s, text)}
          />
        ))}
      </ul>
      <FillInBox missing={missing} choices={choices} onChange={onChoices} />
      {phone && (
        <PhoneOutcome
          orderKey={order.key}
          templateId={suggestions[0]?.templateId}
          script={suggestions[0] ? edits[suggestions[0].templateId] ?? suggestions[0].text : undefined}
          onDone={onNotice}
          onError={onError}
        />
      )}

      <MilestonePanel order={order} tabId={tabId} onError={onError} />

      <FollowUpBox order={order} now={now} onDone={onNotice} onError={onError} />

      <h2>{t('attempts')}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{t('noAttempts')}</p>
      ) : (
        <ul className="attempts">
          {attempts.map((a) => (
            <AttemptRow key={`${a.id}:${a.outcome}:${a.promisedAt ?? ''}`} attempt={a} onError={onError} />
          ))}
        </ul>
      )}
      <h2>{t('manualTitle')}</h2>
      <ManualAttemptForm orderKey={order.key} onError={onError} />

      <BuyerProfile buyerKey={buyerKey(order.platform, order.buyer.nick)} buyer={detail.buyer} profile={detail.profile} onSaved={onNotice} onError={onError} />
    </section>
  );
}
