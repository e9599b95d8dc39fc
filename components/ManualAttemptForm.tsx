import { useState } from 'react';
import { CHANNELS, OUTCOMES, type Channel, type Outcome } from '@/lib/orders/model';
import { ask } from './api';
import { t, type MessageKey } from '@/lib/i18n';
import { fromLocalInput, outcomeLabel, toLocalInput } from './workspace/labels';

/** Logs a contact made outside the panel: a phone call, an SMS, an e-mail, or the buyer writing in. */
export function ManualAttemptForm({ orderKey, onError }: { orderKey: string; onError(message: string): void }) {
  const [channel, setChannel] = useState<Channel>('phone');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [outcome, setOutcome] = useState<Outcome>('no_reply');
  const [promisedBy, setPromisedBy] = useState(() => toLocalInput(Date.now() + 3 * 3_600_000));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="manual"
      data-testid="manual-attempt"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        ask('attempt/manual', {
          orderKey,
          channel,
          outcome,
          direction,
          note: note.trim() || undefined,
          promisedAt: outcome === 'promised' ? fromLocalInput(promisedBy) : undefined,
        })
          .then(() => setNote(''), (error: Error) => onError(error.message))
          .finally(() => setBusy(false));
      }}
    >
      <select aria-label={t('channelLabel')} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}` as MessageKey)}
          </option>
        ))}
      </select>
      <select aria-label={t('ws.direction')} value={direction} onChange={(e) => setDirection(e.target.value as 'outbound' | 'inbound')}>
        <option value="outbound">{t('ws.direction.outbound')}</option>
        <option value="inbound">{t('ws.direction.inbound')}</option>
      </select>
      <select aria-label={t('outcomeLabel')} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
        {OUTCOMES.filter((o) => o !== 'pending').map((o) => (
          <option key={o} value={o}>
            {outcomeLabel(o)}
          </option>
        ))}
      </select>
      {outcome === 'promised' && (
        <input type="datetime-local" aria-label={t('ws.promisedBy')} data-testid="manual-promised-at" value={promisedBy} onChange={(e) => setPromisedBy(e.target.value)} />
      )}
      <input aria-label={t('note')} placeholder={t('note')} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t('logContact')}
      </button>
    </form>
  );
}
