import { useState } from 'react';
import { OUTCOMES, type ContactAttempt, type Outcome } from '@/lib/orders/model';
import { ask } from './api';
import { t, type MessageKey } from '@/lib/i18n';
import { fromLocalInput, outcomeLabel, toLocalInput } from './workspace/labels';

const TIME = new Intl.DateTimeFormat(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export function AttemptRow({ attempt, onError }: { attempt: ContactAttempt; onError(message: string): void }) {
  const [note, setNote] = useState(attempt.note ?? '');
  const [saved, setSaved] = useState(false);
  const [promisedBy, setPromisedBy] = useState(() => toLocalInput(attempt.promisedAt ?? Date.now() + 3 * 3_600_000));

  const save = async (outcome: Outcome, nextNote: string, promisedAt?: number) => {
    try {
      await ask('attempt/outcome', { id: attempt.id, outcome, note: nextNote, ...(promisedAt !== undefined ? { promisedAt } : {}) });
      setSaved(true);
    } catch (error) {
      onError(String((error as Error).message));
    }
  };

  return (
    <li data-testid="attempt-row" data-attempt-id={attempt.id} data-outcome={attempt.outcome} data-channel={attempt.channel} data-agent={attempt.agent ?? ''} className="attempt-row">
      <div className="attempt-head">
        <span>{TIME.format(attempt.at)}</span>
        <span className="tag">{attempt.action === 'manual' ? t(`channel.${attempt.channel}` as MessageKey) : t(`action.${attempt.action}` as MessageKey)}</span>
        {attempt.direction === 'inbound' && <span className="tag">{t('ws.direction.inbound')}</span>}
        {attempt.agent && (
          <span className="tag agent" data-testid="attempt-agent">
            {attempt.agent}
          </span>
        )}
        <label className="outcome">
          <span className="sr-only">{t('outcomeLabel')}</span>
          <select data-testid="attempt-outcome" value={attempt.outcome} onChange={(e) => void save(e.target.value as Outcome, note)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {attempt.text && <p className="attempt-text">{attempt.text}</p>}
      {attempt.outcome === 'promised' && (
        <form
          className="note"
          data-testid="promised-form"
          onSubmit={(e) => {
            e.preventDefault();
            const at = fromLocalInput(promisedBy);
            if (at !== undefined) void save('promised', note, at);
          }}
        >
          <label className="inline">
            {t('ws.promisedBy')}
            <input type="datetime-local" data-testid="promised-at" value={promisedBy} onChange={(e) => setPromisedBy(e.target.value)} />
          </label>
          <button type="submit" data-testid="promised-save">{t('save')}</button>
        </form>
      )}
      <form
        className="note"
        onSubmit={(e) => {
          e.preventDefault();
          void save(attempt.outcome, note);
        }}
      >
        <input
          data-testid="attempt-note"
          aria-label={t('note')}
          placeholder={t('note')}
          value={note}
          maxLength={5000}
          onChange={(e) => {
            setNote(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit" data-testid="attempt-note-save">{saved ? t('saved') : t('save')}</button>
      </form>
    </li>
  );
}
