import { useId, useMemo, useState } from 'react';
import { fill, variablesFor } from '@/lib/compose/engine';
import { COMPOSE_CHANNELS, LANGUAGES, REASONS, ROUNDS, STYLES, VARIABLES, lintTemplate, type Template } from '@/lib/compose/model';
import { t } from '@/lib/i18n';
import { templateProblems, type LibraryTemplate } from '@/lib/messaging/data';
import { errorText } from '@/components/errors';
import { sampleOrder, sampleVars } from './sample';

/** What the editor holds: a template being written (validated only on the way out). */
export type Draft = Omit<Template, 'builtIn'> & { builtIn?: boolean };

export function newDraft(): Draft {
  return {
    id: `custom-${Date.now().toString(36)}`,
    language: 'zh-CN',
    channels: ['chat'],
    rounds: ['first'],
    reasons: ['unknown'],
    style: 'friendly',
    label: '',
    body: '',
    tags: [],
    priority: 0,
  };
}

export function draftOf(tpl: LibraryTemplate, copy = false): Draft {
  const { origin: _o, updatedAt: _u, hidden: _h, ...template } = tpl;
  return copy ? { ...template, id: `custom-${Date.now().toString(36)}`, label: t('opt.tpl.copyOf', { label: tpl.label }).slice(0, 60), builtIn: false } : template;
}

function toggle<T extends string>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Checks<T extends string>({ legend, values, chosen, label, onChange }: { legend: string; values: readonly T[]; chosen: readonly T[]; label(v: T): string; onChange(next: T[]): void }) {
  return (
    <fieldset className="field checks">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="check">
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => onChange(toggle(chosen, v))} />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

export function TemplateEditor({ initial, onSave, onCancel, busy }: { initial: Draft; onSave(d: Draft): void; onCancel(): void; busy: boolean }) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [tagsText, setTagsText] = useState(initial.tags.join(', '));
  const id = useId();
  const now = useMemo(() => Date.now(), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const channel = draft.channels[0] ?? 'chat';
  const issues = draft.body.trim() === '' ? [] : templateProblems({ ...draft, builtIn: false }).map(errorText);
  const warnings = lintTemplate(draft);
  const vars = variablesFor(sampleOrder(now), now, { language: draft.language, channel, vars: sampleVars() });
  const preview = issues.length ? undefined : fill(draft.body, vars);
  const subjectPreview = draft.subject ? fill(draft.subject, vars) : undefined;
  const canSave = draft.label.trim() !== '' && draft.body.trim() !== '' && issues.length === 0 && !busy;

  return (
    <form
      className="tpl-editor"
      data-testid="template-editor"
      aria-label={t('opt.tpl.editor')}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave({ ...draft, label: draft.label.trim(), body: draft.body.trim() });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('opt.tpl.label')}</label>
        <input id={`${id}-label`} data-testid="template-label" value={draft.label} maxLength={60} onChange={(e) => set('label', e.target.value)} required />
      </div>
      {draft.channels.includes('email') && (
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('opt.tpl.subject')}</label>
          <input id={`${id}-subject`} value={draft.subject ?? ''} maxLength={200} onChange={(e) => set('subject', e.target.value || undefined)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('opt.tpl.body')}</label>
        <textarea
          id={`${id}-body`}
          data-testid="template-body"
          rows={5}
          maxLength={2000}
          value={draft.body}
          aria-describedby={`${id}-vars ${id}-issues`}
          aria-invalid={issues.length > 0}
          onChange={(e) => set('body', e.target.value)}
          required
        />
        <div className="muted var-chips" id={`${id}-vars`}>
          <span>{t('opt.tpl.variables')}</span>
          {VARIABLES.map((name) => (
            <button type="button" className="chip" key={name} aria-label={t('opt.tpl.insertVar', { name })} onClick={() => set('body', `${draft.body}{{${name}}}`)}>
              {`{{${name}}}`}
            </button>
          ))}
        </div>
        <div id={`${id}-issues`} role="status">
          {issues.map((p) => (
            <p key={p} className="toast error" data-testid="template-problem">
              {p}
            </p>
          ))}
          {warnings.map((w) => (
            <p key={w} className="toast warn" data-testid="template-warning">
              {t(`opt.lint.${w}`)}
            </p>
          ))}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('opt.tpl.lang')}</label>
          <select id={`${id}-lang`} data-testid="template-language" value={draft.language} onChange={(e) => set('language', e.target.value as Draft['language'])}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`opt.lang.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-style`}>{t('opt.tpl.style')}</label>
          <select id={`${id}-style`} data-testid="template-style" value={draft.style} onChange={(e) => set('style', e.target.value as Draft['style'])}>
            {STYLES.map((s) => (
              <option key={s} value={s}>
                {t(`opt.style.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-priority`}>{t('opt.tpl.priority')}</label>
          <select id={`${id}-priority`} data-testid="template-priority" value={draft.priority} onChange={(e) => set('priority', Number(e.target.value))}>
            {[0, 1, 2, 3].map((p) => (
              <option key={p} value={p}>
                {t(`opt.priority.${p as 0 | 1 | 2 | 3}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-customer`}>{t('opt.tpl.customer')}</label>
          <select id={`${id}-customer`} value={draft.customer ?? ''} onChange={(e) => set('customer', (e.target.value || undefined) as Draft['customer'])}>
            <option value="">{t('opt.tpl.anyCustomer')}</option>
            <option value="new">{t('newBuyer')}</option>
            <option value="returning">{t('returning')}</option>
          </select>
        </div>
      </div>
      <Checks legend={t('opt.tpl.rounds')} values={ROUNDS} chosen={draft.rounds} label={(r) => t(`opt.round.${r}`)} onChange={(v) => set('rounds', v)} />
      <Checks legend={t('opt.tpl.channels')} values={COMPOSE_CHANNELS} chosen={draft.channels} label={(c) => t(`channel.${c}`)} onChange={(v) => set('channels', v)} />
      <Checks legend={t('opt.tpl.reasons')} values={REASONS} chosen={draft.reasons} label={(r) => t(`opt.reason.${r}`)} onChange={(v) => set('reasons', v)} />
      <label className="check">
        <input
          type="checkbox"
          data-testid="template-low-stock"
          checked={draft.requires?.includes('low_stock') ?? false}
          onChange={(e) => setDraft(({ requires: _r, ...d }) => (e.target.checked ? { ...d, requires: ['low_stock'] } : d))}
        />
        {t('opt.tpl.lowStockOnly')}
      </label>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('opt.tpl.tags')}</label>
        <input
          id={`${id}-tags`}
          value={tagsText}
          placeholder={t('opt.tpl.tagsHint')}
          onChange={(e) => {
            setTagsText(e.target.value);
            set(
              'tags',
              [...new Set(e.target.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean))].slice(0, 20),
            );
          }}
        />
      </div>
      <div className="preview" aria-live="polite">
        <h3>{t('opt.tpl.preview')}</h3>
        {subjectPreview && <p className="suggestion-label">{subjectPreview}</p>}
        <p className="suggestion-text" data-testid="template-preview">
          {preview ?? t('opt.tpl.noPreview')}
        </p>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" data-testid="template-save" disabled={!canSave}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('opt.cancel')}
        </button>
      </div>
    </form>
  );
}
