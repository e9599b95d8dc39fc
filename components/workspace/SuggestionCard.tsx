import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Suggestion } from '@/lib/compose/engine';

interface Props {
  suggestion: Suggestion;
  /** The text as the person edited it (undefined: as suggested). */
  edited?: string;
  busy: boolean;
  onEdit(text: string | undefined): void;
  onInsert(text: string): void;
  onCopy(text: string): void;
}

/** One suggestion: what will be inserted, an editor for it, insert and copy. */
export function SuggestionCard({ suggestion: s, edited, busy, onEdit, onInsert, onCopy }: Props) {
  const [editing, setEditing] = useState(false);
  const id = useId();
  const text = edited ?? s.text;
  const phone = s.channel === 'phone';
  return (
    <li data-testid="suggestion" data-template-id={s.templateId} data-edited={edited !== undefined} className="suggestion" aria-labelledby={`${id}-label`}>
      <div className="suggestion-label" id={`${id}-label`}>
        {phone ? `${t('ws.callScript')} · ` : ''}
        {s.label}
      </div>
      {s.subject && <div className="suggestion-subject muted">{s.subject}</div>}
      {s.learning && (
        <div className="suggestion-learning muted" data-testid="suggestion-learning" data-paid={s.learning.paid} data-tries={s.learning.tries} data-scope={s.learning.scope}>
          {t(`ws.learning.${s.learning.scope}`, { paid: s.learning.paid, tries: s.learning.tries })}
        </div>
      )}
      <p data-testid="suggestion-text" className="suggestion-text">{text}</p>
      {editing && (
        <textarea
          data-testid="suggestion-edit"
          className="suggestion-edit"
          aria-label={t('ws.editLabel')}
          value={text}
          rows={Math.min(10, Math.max(3, Math.ceil(text.length / 28)))}
          maxLength={5000}
          autoFocus
          onChange={(e) => onEdit(e.target.value === s.text ? undefined : e.target.value)}
        />
      )}
      <div className="buttons">
        {!phone && (
          <button data-testid="insert-button" className="primary" disabled={busy || text.trim() === ''} onClick={() => onInsert(text)}>
            {t('insert')}
          </button>
        )}
        <button data-testid="copy-button" disabled={busy || text.trim() === ''} onClick={() => onCopy(text)}>
          {t('copy')}
        </button>
        <button data-testid="edit-button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? t('ws.editDone') : t('ws.edit')}
        </button>
        {edited !== undefined && (
          <button data-testid="reset-button" onClick={() => onEdit(undefined)}>
            {t('ws.reset')}
          </button>
        )}
      </div>
    </li>
  );
}
