import { useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { Order } from '@/lib/orders/model';
import { ask } from '../api';
import { clock, fromLocalInput, toLocalInput } from './labels';

interface Props {
  order: Order;
  now: number;
  onDone(message: string): void;
  onError(message: string): void;
}

/** Schedules a check on this order, or records that the buyer says they paid. */
export function FollowUpBox({ order, now, onDone, onError }: Props) {
  const [at, setAt] = useState(() => toLocalInput(Date.now() + 2 * 3_600_000));
  const fu = order.followUp;
  const fail = (error: Error) => onError(error.message);
  return (
    <section className="followup" data-testid="followup" aria-label={t('ws.followUp')}>
      <h2>{t('ws.followUp')}</h2>
      {fu && (
        <p className="followup-current" data-testid="followup-current" data-kind={fu.kind} data-at={fu.at}>
          {t('ws.followUp.current', { kind: t(`ws.followUp.kind.${fu.kind}` as MessageKey), time: clock(fu.at, now) })}
          {fu.note ? ` · ${fu.note}` : ''}
        </p>
      )}
      <div className="buttons wrap">
        <input type="datetime-local" aria-label={t('ws.followUp.at')} data-testid="followup-at" value={at} onChange={(e) => setAt(e.target.value)} />
        <button
          data-testid="followup-set"
          onClick={() => {
            const when = fromLocalInput(at);
            if (when !== undefined) void ask('followup/set', { orderKey: order.key, at: when }).then(() => onDone(t('ws.followUp.current', { kind: t('ws.followUp.kind.check'), time: clock(when, Date.now()) })), fail);
          }}
        >
          {t('ws.followUp.set')}
        </button>
        {fu && (
          <button data-testid="followup-clear" onClick={() => void ask('followup/set', { orderKey: order.key, at: null }).then(() => onDone(t('saved')), fail)}>
            {t('ws.followUp.clear')}
          </button>
        )}
        <button
          data-testid="says-paid"
          onClick={() =>
            void ask('order/says-paid', { orderKey: order.key }).then(
              (r) => onDone(t('ws.saysPaid.done', { time: r.order.followUp ? clock(r.order.followUp.at, Date.now()) : '' })),
              fail,
            )
          }
        >
          {t('ws.saysPaid')}
        </button>
      </div>
    </section>
  );
}
