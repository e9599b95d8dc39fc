import { useMemo, useState } from 'react';
import { t, currentLocale, type MessageKey } from '@/lib/i18n';
import { formatMoney, parseMoney, currencyDigits, type Money } from '@/lib/orders/money';
import { BANK_CHARGES, MESSAGE_LANGS, METHODS, STAGE_KINDS, TRIGGERS, type Bank, type BankCharges, type MessageLang, type StageDraft } from '@/lib/milestones/model';
import { splitTotal } from '@/lib/milestones/plan';
import { errorMessage } from '@/components/errors';
import { LANGS } from '@/lib/milestones/messages';
import { fromDateInput, toDateInput } from './dates';

export interface EditorValue {
  lang: MessageLang;
  bank: Bank;
  bankCharges: BankCharges;
  /** Empty: no PI issued (the notices then ask for the order number alone). */
  piNumber: string;
  stages: StageDraft[];
}

/** Major units as the seller types them: "1500.00". */
function majorText(minor: number, currency: string): string {
  const d = currencyDigits(currency);
  return d === 0 ? String(minor) : (minor / 10 ** d).toFixed(d);
}

type ShareMode = 'percent' | 'fixed' | 'rest';

function shareText(draft: StageDraft, currency: string): string {
  if (draft.share.kind === 'percent') return String(draft.share.bp / 100);
  if (draft.share.kind === 'fixed') return majorText(draft.share.minor, currency);
  return '';
}

/** Stages, shares, triggers, due dates, payment methods and the receiving account of one plan. */
export function PlanEditor(props: { total: Money; initial: EditorValue; submitLabel: string; onSubmit(value: EditorValue): Promise<void>; onCancel(): void }) {
  const { total } = props;
  const [lang, setLang] = useState(props.initial.lang);
  const [bank, setBank] = useState<Bank>(props.initial.bank);
  const [bankCharges, setBankCharges] = useState<BankCharges>(props.initial.bankCharges);
  const [piNumber, setPiNumber] = useState(props.initial.piNumber);
  const [stages, setStages] = useState<StageDraft[]>(props.initial.stages);
  // What the seller typed in each share box, kept as text so "12." stays editable.
  const [shareInputs, setShareInputs] = useState<string[]>(() => props.initial.stages.map((s) => shareText(s, total.currency)));
  const [busy, setBusy] = useState(false);
  const ui = currentLocale();

  const preview = useMemo(() => {
    try {
      return { amounts: splitTotal(total.minor, stages.map((s) => s.share)) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }, [stages, total.minor]);

  const update = (i: number, patch: Partial<StageDraft>) => setStages((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const setShare = (i: number, mode: ShareMode, text: string) => {
    setShareInputs((all) => all.map((v, j) => (j === i ? text : v)));
    if (mode === 'rest') return update(i, { share: { kind: 'rest' } });
    if (mode === 'percent') {
      const n = Number(text.replace(',', '.').replace('%', ''));
      return update(i, { share: { kind: 'percent', bp: Number.isFinite(n) ? Math.max(0, Math.min(10_000, Math.round(n * 100))) : 0 } });
    }
    const money = parseMoney(text, total.currency);
    update(i, { share: { kind: 'fixed', minor: money && money.currency === total.currency ? money.minor : 0 } });
  };

  // Only the last stage can take "the rest": a new stage takes it over, and the old last one starts at 0 %.
  const addStage = () => {
    setStages((all) => [
      ...all.map((s) => (s.share.kind === 'rest' ? { ...s, share: { kind: 'percent' as const, bp: 0 } } : s)),
      { kind: 'custom', share: { kind: 'rest' }, trigger: { kind: 'custom' }, method: all[all.length - 1]?.method ?? 'bank_transfer' },
    ]);
    setShareInputs((all) => [...all.map((v, j) => (stages[j]?.share.kind === 'rest' ? '0' : v)), '']);
  };
  const removeStage = (i: number) => {
    setStages((all) => {
      const left = all.filter((_, j) => j !== i);
      // A "rest" stage left in the middle would be refused: it becomes 0 % there.
      return left.map((s, j) => (s.share.kind === 'rest' && j !== left.length - 1 ? { ...s, share: { kind: 'percent' as const, bp: 0 } } : s));
    });
    setShareInputs((all) => all.filter((_, j) => j !== i));
  };

  const submit = async () => {
    setBusy(true);
    try {
      await props.onSubmit({ lang, bank, bankCharges, piNumber: piNumber.trim(), stages });
    } finally {
      setBusy(false);
    }
  };

  const bankField = (field: keyof Bank) => (
    <label key={field} className="ms-field">
      <span>{t(`ms.bank.${field}` as MessageKey)}</span>
      <input value={bank[field] ?? ''} maxLength={300} onChange={(e) => setBank({ ...bank, [field]: e.target.value })} />
    </label>
  );

  return (
    <div className="ms-editor" data-testid="milestone-editor">
      <div className="ms-grid">
        <label className="ms-field">
          <span>{t('ms.lang')}</span>
          <select data-testid="milestone-lang" value={lang} onChange={(e) => setLang(e.target.value as MessageLang)}>
            {MESSAGE_LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`ms.langName.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="ms-field">
          <span>{t('ms.pi')}</span>
          <input data-testid="milestone-pi" value={piNumber} maxLength={60} placeholder={t('ms.piHint')} onChange={(e) => setPiNumber(e.target.value)} />
        </label>
        <label className="ms-field wide">
          <span>{t('ms.charges')}</span>
          <select data-testid="milestone-charges" value={bankCharges} onChange={(e) => setBankCharges(e.target.value as BankCharges)}>
            {BANK_CHARGES.map((c) => (
              <option key={c} value={c}>
                {t(`ms.charges.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="ms-edit-stages">
        {stages.map((stage, i) => {
          const mode: ShareMode = stage.share.kind;
          const last = i === stages.length - 1;
          return (
            <li key={i} className="ms-edit-stage" data-testid="milestone-edit-stage">
              <div className="ms-grid">
                <label className="ms-field">
                  <span>{t('ms.edit.kind')}</span>
                  <select value={stage.kind} onChange={(e) => update(i, { kind: e.target.value as StageDraft['kind'] })}>
                    {STAGE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {LANGS[ui].kind[k].nom}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="ms-field">
                  <span>{t('ms.edit.name')}</span>
                  <input value={stage.name ?? ''} maxLength={200} placeholder={LANGS[lang].kind[stage.kind].nom} onChange={(e) => update(i, { name: e.target.value })} />
                </label>
                <label className="ms-field">
                  <span>{t('ms.edit.shareMode')}</span>
                  <select data-testid="milestone-edit-mode" value={mode} onChange={(e) => setShare(i, e.target.value as ShareMode, shareInputs[i] ?? '')}>
                    <option value="percent">{t('ms.edit.percent')}</option>
                    <option value="fixed">{t('ms.edit.fixed')}</option>
                    {last && <option value="rest">{t('ms.edit.rest')}</option>}
                  </select>
                </label>
                {mode !== 'rest' && (
                  <label className="ms-field">
                    <span>{mode === 'percent' ? '%' : total.currency}</span>
                    <input
                      data-testid="milestone-edit-share"
                      inputMode="decimal"
                      value={shareInputs[i] ?? ''}
                      onChange={(e) => setShare(i, mode, e.target.value)}
                    />
                  </label>
                )}
                <div className="ms-field ms-amount-preview" data-testid="milestone-edit-amount">
                  <span>{t('ms.edit.amount')}</span>
                  <strong>{preview.amounts ? formatMoney({ minor: preview.amounts[i] ?? 0, currency: total.currency }) : '—'}</strong>
                </div>
                <label className="ms-field">
                  <span>{t('ms.edit.trigger')}</span>
                  <select value={stage.trigger.kind} onChange={(e) => update(i, { trigger: { ...stage.trigger, kind: e.target.value as StageDraft['trigger']['kind'] } })}>
                    {TRIGGERS.map((k) => (
                      <option key={k} value={k}>
                        {t(`ms.trigger.${k}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </label>
                {stage.trigger.kind === 'after_bl' && (
                  <label className="ms-field">
                    <span>{t('ms.edit.days')}</span>
                    <input type="number" min={0} max={365} value={stage.trigger.days ?? 0} onChange={(e) => update(i, { trigger: { ...stage.trigger, days: Math.max(0, Math.min(365, Number(e.target.value) || 0)) } })} />
                  </label>
                )}
                {stage.trigger.kind === 'custom' && (
                  <label className="ms-field">
                    <span>{t('ms.edit.milestone')}</span>
                    <input value={stage.trigger.text ?? ''} maxLength={200} onChange={(e) => update(i, { trigger: { ...stage.trigger, text: e.target.value || undefined } })} />
                  </label>
                )}
                <label className="ms-field">
                  <span>{t('ms.edit.due')}</span>
                  <input data-testid="milestone-edit-due" type="date" value={toDateInput(stage.dueAt)} onChange={(e) => update(i, { dueAt: fromDateInput(e.target.value) })} />
                </label>
                <label className="ms-field">
                  <span>{t('ms.edit.method')}</span>
                  <select data-testid="milestone-edit-method" value={stage.method} onChange={(e) => update(i, { method: e.target.value as StageDraft['method'] })}>
                    {METHODS.map((m) => (
                      <option key={m} value={m}>
                        {t(`ms.method.${m}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </label>
                {(stage.method === 'payment_link' || stage.paymentLink) && (
                  <label className="ms-field wide">
                    <span>{t('ms.edit.link')}</span>
                    <input value={stage.paymentLink ?? ''} maxLength={2000} onChange={(e) => update(i, { paymentLink: e.target.value })} />
                  </label>
                )}
                <label className="ms-field wide">
                  <span>{t('ms.edit.instructions')}</span>
                  <input data-testid="milestone-edit-instructions" value={stage.instructions ?? ''} maxLength={2000} onChange={(e) => update(i, { instructions: e.target.value })} />
                </label>
                <label className="ms-field wide">
                  <span>{t('ms.edit.progress')}</span>
                  <input value={stage.progressNote ?? ''} maxLength={1000} onChange={(e) => update(i, { progressNote: e.target.value })} />
                </label>
                <label className="ms-field wide">
                  <span>{t('ms.edit.fx')}</span>
                  <input value={stage.fxNote ?? ''} maxLength={500} placeholder={t('ms.edit.fxHint')} onChange={(e) => update(i, { fxNote: e.target.value })} />
                </label>
              </div>
              {stages.length > 1 && (
                <button className="ms-remove" onClick={() => removeStage(i)}>
                  {t('ms.edit.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button onClick={addStage} disabled={stages.length >= 20}>
        {t('ms.edit.add')}
      </button>
      <fieldset className="ms-bank">
        <legend>{t('ms.bank.title')}</legend>
        <div className="ms-grid">{(['beneficiary', 'bank', 'account', 'swift', 'intermediary', 'paypal'] as const).map(bankField)}</div>
      </fieldset>
      {preview.error && (
        <p className="ms-error" role="alert">
          {preview.error}
        </p>
      )}
      <div className="buttons">
        <button className="primary" data-testid="milestone-save" disabled={busy || preview.error !== undefined} onClick={() => void submit()}>
          {props.submitLabel}
        </button>
        <button disabled={busy} onClick={props.onCancel}>
          {t('ms.cancel')}
        </button>
      </div>
    </div>
  );
}
