import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { t } from '@/lib/i18n';
import type { LibraryTemplate } from '@/lib/messaging/data';
import { LANGUAGES, REASONS, STYLES } from '@/lib/compose/model';
import { TemplateEditor, draftOf, newDraft, type Draft } from './TemplateEditor';

export function TemplateLibrary() {
  const [templates, setTemplates] = useState<LibraryTemplate[]>([]);
  const [query, setQuery] = useState('');
  const [style, setStyle] = useState('');
  const [reason, setReason] = useState('');
  const [lang, setLang] = useState('');
  const [tag, setTag] = useState('');
  const [editing, setEditing] = useState<Draft>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  const id = useId();

  const load = useCallback(() => {
    ask('templates/list', {}).then((r) => setTemplates(r.templates), (e: Error) => setMessage({ text: e.message, error: true }));
  }, []);
  useEffect(load, [load]);
  useDbChanged(load);

  const tags = useMemo(() => [...new Set(templates.flatMap((tpl) => tpl.tags))].sort(), [templates]);
  const shown = templates.filter((tpl) => {
    const q = query.trim().toLowerCase();
    if (q && !`${tpl.label}\n${tpl.body}\n${tpl.tags.join(' ')}`.toLowerCase().includes(q)) return false;
    if (style && tpl.style !== style) return false;
    if (reason && !(tpl.reasons as readonly string[]).includes(reason)) return false;
    if (lang && tpl.language !== lang) return false;
    if (tag && !tpl.tags.includes(tag)) return false;
    return true;
  });

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      setMessage({ text: done });
      load();
      return true;
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function save(draft: Draft) {
    if (await run(() => ask('templates/save', { template: draft }), t('opt.tpl.saved'))) setEditing(undefined);
  }

  return (
    <section aria-labelledby={`${id}-h`} data-testid="template-library">
      <h2 id={`${id}-h`}>{t('opt.nav.templates')}</h2>
      <p className="muted">{t('opt.tpl.intro')}</p>
      {message && (
        <p className={message.error ? 'toast error' : 'toast'} role={message.error ? 'alert' : 'status'} data-testid="template-message">
          {message.text}
        </p>
      )}
      {editing ? (
        <TemplateEditor key={editing.id} initial={editing} busy={busy} onSave={(d) => void save(d)} onCancel={() => setEditing(undefined)} />
      ) : (
        <>
          <div className="toolbar" role="search">
            <label className="sr-only" htmlFor={`${id}-q`}>
              {t('opt.tpl.search')}
            </label>
            <input id={`${id}-q`} type="search" data-testid="template-search" placeholder={t('opt.tpl.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
            <FilterSelect label={t('opt.tpl.style')} value={style} onChange={setStyle} options={STYLES.map((s) => [s, t(`opt.style.${s}`)])} />
            <FilterSelect label={t('opt.tpl.reason')} value={reason} onChange={setReason} options={REASONS.map((r) => [r, t(`opt.reason.${r}`)])} />
            <FilterSelect label={t('opt.tpl.lang')} value={lang} onChange={setLang} options={LANGUAGES.map((l) => [l, t(`opt.lang.${l}`)])} />
            <FilterSelect label={t('opt.tpl.tag')} value={tag} onChange={setTag} options={tags.map((x) => [x, x])} />
          </div>
          <div className="buttons">
            <button className="primary" data-testid="template-new" onClick={() => setEditing(newDraft())}>
              {t('opt.tpl.new')}
            </button>
            <button data-testid="template-restore" disabled={busy} onClick={() => void run(() => ask('templates/restore-builtins', {}), t('opt.tpl.restored'))}>
              {t('opt.tpl.restore')}
            </button>
          </div>
          <p className="muted" aria-live="polite">
            {t('opt.tpl.count', { n: shown.length, total: templates.length })}
          </p>
          <ul className="tpl-list">
            {shown.map((tpl) => (
              <li key={tpl.id} className={tpl.hidden ? 'tpl hidden' : 'tpl'} data-testid="template-row" data-template-id={tpl.id}>
                <div className="tpl-head">
                  <strong className="tpl-label">{tpl.label}</strong>
                  <span className="tag">{t(`opt.style.${tpl.style}`)}</span>
                  <span className="tag">{t(`opt.lang.${tpl.language}`)}</span>
                  <span className="tag">{t(`opt.origin.${tpl.origin}`)}</span>
                  {tpl.channels.map((c) => (
                    <span className="tag" key={c}>
                      {t(`channel.${c}`)}
                    </span>
                  ))}
                  {tpl.hidden && <span className="tag">{t('opt.tpl.hidden')}</span>}
                  {tpl.tags.map((x) => (
                    <span className="tag" key={x}>
                      {x}
                    </span>
                  ))}
                </div>
                <p className="tpl-body">{tpl.body}</p>
                <div className="buttons">
                  <button data-testid="template-edit" aria-label={t('opt.tpl.editNamed', { label: tpl.label })} onClick={() => setEditing(draftOf(tpl))}>
                    {t('opt.tpl.edit')}
                  </button>
                  <button aria-label={t('opt.tpl.duplicateNamed', { label: tpl.label })} onClick={() => setEditing(draftOf(tpl, true))}>
                    {t('opt.tpl.duplicate')}
                  </button>
                  {!tpl.hidden && (
                    <button
                      data-testid="template-delete"
                      aria-label={t('opt.tpl.deleteNamed', { label: tpl.label })}
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(t('opt.tpl.confirmDelete', { label: tpl.label }))) void run(() => ask('templates/delete', { id: tpl.id }), t('opt.tpl.deleted'));
                      }}
                    >
                      {t('opt.tpl.delete')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FilterSelect({ label, value, onChange, options }: { label: string; value: string; onChange(v: string): void; options: [string, string][] }) {
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('opt.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
