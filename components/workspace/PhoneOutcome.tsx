import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Outcome } from '@/lib/orders/model';
import { ask } from '../api';
import { fromLocalInput, toLocalInput } from './labels';

interface Props {
  orderKey: string;
  templateId?: string;
  script?: string;
  onDone(message: string): void;
  onError(message: string): void;
}

const BUTTONS: [Outcome, Parameters<typeof t>[0]][] = [
  ['no_reply', 'ws.call.noAnswer'],
  ['promised', 'ws.call.promised'],
  ['paid', 'ws.call.paid'],
  ['refused', 'ws.call.refused'],
  ['wrong_number', 'ws.call.wrongNumber'],
];

/** After a call: one click logs how it went; "promised" takes the time they promised. */
export function PhoneOutcome({ orderKey, templateId, script, onDone, onError }: Props) {
  const [promisedBy, setPromisedBy] = useState(() => toLocalInput(Date.now() + 3 * 3_600_000));
  const [note, setNote] = useState('');
  const log = (outcome: Outcome) =>
    ask('attempt/manual', {
      orderKey,
      channel: 'phone',
      outcome,
      note: note.trim() || undefined,
      templateId,
      text: script,
      promisedAt: outcome === 'promised' ? fromLocalInput(promisedBy) : undefined,
    }).then(
      () => {
        setNote('');
        onDone(t('ws.callLogged'));
      },
      (error: Error) => onError(error.message),
    );
  return (
    <div className="phone-outcome" data-testid="phone-outcome" role="group" aria-label={t('ws.callOutcome')}>
      <div className="chips-label">{t('ws.callOutcome')}</div>
      <div className="buttons wrap">
        {BUTTONS.map(([outcome, label]) => (
          <button key={outcome} data-testid={`call-${outcome}`} onClick={() => void log(outcome)}>
            {t(label)}
          </button>
        ))}
      </div>
      <label className="inline">
        {t('ws.promisedBy')}
        <input type="datetime-local" value={promisedBy} onChange={(e) => setPromisedBy(e.target.value)} />
      </label>
      <input className="wide-input" aria-label={t('note')} placeholder={t('note')} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
    </div>
  );
}
