import { useState } from 'react';
import { CHANNELS, OUTCOMES, type Channel, type Outcome } from '@/lib/orders/model';
import { ask } from './api';
import { t } from '@/lib/i18n';

/** Logs a contact made outside the panel: a phone call, an SMS, an e-mail. */
export function ManualAttemptForm({ orderKey, onError }: { orderKey: string; onError(message: string): void }) {
  const [channel, setChannel] = useState<Channel>('phone');
  const [outcome, setOutcome] = useState<Outcome>('no_reply');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="manual"
      data-testid="manual-attempt"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        ask('attempt/manual', { orderKey, channel, outcome, note: note.trim() || undefined })
          .then(() => setNote(''), (error: Error) => onError(error.message))
          .finally(() => setBusy(false));
      }}
    >
      <select aria-label={t('channelLabel')} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('outcomeLabel')} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
        {OUTCOMES.filter((o) => o !== 'pending').map((o) => (
          <option key={o} value={o}>
            {t(`outcome.${o}`)}
          </option>
        ))}
      </select>
      <input aria-label={t('note')} placeholder={t('note')} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t('logContact')}
      </button>
    </form>
  );
}
