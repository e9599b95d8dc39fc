import { useState } from 'react';
import { OUTCOMES, type ContactAttempt, type Outcome } from '@/lib/orders/model';
import { ask } from './api';
import { t } from '@/lib/i18n';

const TIME = new Intl.DateTimeFormat('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export function AttemptRow({ attempt, onError }: { attempt: ContactAttempt; onError(message: string): void }) {
  const [note, setNote] = useState(attempt.note ?? '');
  const [saved, setSaved] = useState(false);

  const save = async (outcome: Outcome, nextNote: string) => {
    try {
      await ask('attempt/outcome', { id: attempt.id, outcome, note: nextNote });
      setSaved(true);
    } catch (error) {
      onError(String((error as Error).message));
    }
  };

  return (
    <li data-testid="attempt-row" data-attempt-id={attempt.id} data-outcome={attempt.outcome} className="attempt-row">
      <div className="attempt-head">
        <span>{TIME.format(attempt.at)}</span>
        <span className="tag">{attempt.action === 'manual' ? t(`channel.${attempt.channel}`) : t(`action.${attempt.action}`)}</span>
        <label className="outcome">
          <span className="sr-only">结果</span>
          <select
            data-testid="attempt-outcome"
            value={attempt.outcome}
            onChange={(e) => void save(e.target.value as Outcome, note)}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {attempt.text && <p className="attempt-text">{attempt.text}</p>}
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
