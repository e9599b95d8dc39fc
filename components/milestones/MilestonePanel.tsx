import { useCallback, useEffect, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { t, formatDuration, type MessageKey } from '@/lib/i18n';
import { formatMoney } from '@/lib/orders/money';
import type { Order } from '@/lib/orders/model';
import type { MilestoneResponses } from '@/lib/messaging/milestones';
import { PRESET_IDS, presetDrafts, stageToDraft, type PresetId } from '@/lib/milestones/plan';
import { bankChargesOf, DEFAULT_BANK_CHARGES, isOpen, planOpenMinor, type MessageLang } from '@/lib/milestones/model';
import { milestoneMessage, stageName, type MessageKind } from '@/lib/milestones/messages';
import type { MilestonePrompt } from '@/lib/milestones/prompts';
import { currentLocale } from '@/lib/i18n';
import { PlanEditor, type EditorValue } from './PlanEditor';
import { StageRow } from './StageRow';
import { Timeline } from './Timeline';
import { MessageBox } from './MessageBox';
import './milestones.css';

type Data = MilestoneResponses['milestones/get'];

function defaultLang(order: Order): MessageLang {
  return order.platform === 'taobao' || order.platform === 'pdd' ? 'zh-CN' : 'en';
}

/** Payment plan, stages and timeline of the selected order. */
export function MilestonePanel({ order, tabId, onError }: { order: Order; tabId?: number; onError(message: string): void }) {
  const [data, setData] = useState<Data>();
  const [mode, setMode] = useState<'view' | 'pick' | 'create' | 'edit'>('view');
  const [preset, setPreset] = useState<PresetId>('dpb_30_40_30');
  const [accountWarning, setAccountWarning] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [request, setRequest] = useState<{ stageId: string; kind: MessageKind | 'renegotiate'; n: number }>();

  const load = useCallback(async () => {
    try {
      const next = await ask('milestones/get', { orderKey: order.key });
      setData(next);
      setNow(next.now);
    } catch (error) {
      onError((error as Error).message);
    }
  }, [order.key, onError]);

  useEffect(() => {
    setMode('view');
    setAccountWarning(false);
    void load();
  }, [load]);
  useDbChanged(load);
  // Prompts are about time: re-check them every minute even when nothing is stored.
  useEffect(() => {
    const id = setInterval(() => void load(), 60_000);
    return () => clearInterval(id);
  }, [load]);

  const requestSeen = useCallback(() => setRequest(undefined), []);
  const plan = data?.plan;
  const buyer = order.buyer.displayName ?? order.buyer.nick;
  const firstOpen = plan?.stages.find(isOpen);

  const create = async (value: EditorValue) => {
    try {
      await ask('milestones/create', { orderKey: order.key, presetId: preset, lang: value.lang, stages: value.stages, bank: value.bank, bankCharges: value.bankCharges, piNumber: value.piNumber });
      setMode('view');
      await load();
    } catch (error) {
      onError((error as Error).message);
    }
  };

  const save = async (value: EditorValue) => {
    try {
      const result = await ask('milestones/update', { orderKey: order.key, stages: value.stages, bank: value.bank, lang: value.lang, bankCharges: value.bankCharges, piNumber: value.piNumber });
      setAccountWarning(result.accountChanged);
      setMode('view');
      await load();
    } catch (error) {
      onError((error as Error).message);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('ms.deleteConfirm'))) return;
    try {
      await ask('milestones/delete', { orderKey: order.key });
      await load();
    } catch (error) {
      onError((error as Error).message);
    }
  };

  return (
    <section className="ms-panel" data-testid="milestone-panel" aria-label={t('ms.title')}>
      <h2>{t('ms.title')}</h2>
      {!plan && mode === 'view' && (
        <div className="ms-empty">
          <p className="muted">{t('ms.empty')}</p>
          <button data-testid="milestone-add" onClick={() => setMode('pick')}>
            {t('ms.add')}
          </button>
        </div>
      )}
      {!plan && mode !== 'view' && (
        <div className="ms-pick">
          <label className="ms-field wide">
            <span>{t('ms.preset')}</span>
            <select
              data-testid="milestone-preset"
              value={preset}
              onChange={(e) => {
                setPreset(e.target.value as PresetId);
                setMode('pick');
              }}
            >
              {PRESET_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`ms.preset.${id}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          {mode === 'pick' && (
            <div className="buttons">
              <button className="primary" data-testid="milestone-preset-next" onClick={() => setMode('create')}>
                {t('ms.next')}
              </button>
              <button onClick={() => setMode('view')}>{t('ms.cancel')}</button>
            </div>
          )}
          {mode === 'create' && (
            <PlanEditor
              key={preset}
              total={order.amount}
              initial={{ lang: defaultLang(order), bank: {}, bankCharges: DEFAULT_BANK_CHARGES, piNumber: '', stages: presetDrafts(preset, now) }}
              submitLabel={t('ms.create')}
              onSubmit={create}
              onCancel={() => setMode('view')}
            />
          )}
        </div>
      )}

      {plan && mode === 'edit' && (
        <PlanEditor
          total={plan.total}
          initial={{ lang: plan.lang, bank: plan.bank, bankCharges: bankChargesOf(plan), piNumber: plan.piNumber ?? '', stages: plan.stages.map(stageToDraft) }}
          submitLabel={t('ms.save')}
          onSubmit={save}
          onCancel={() => setMode('view')}
        />
      )}

      {plan && mode === 'view' && (
        <>
          <div className="ms-summary" data-testid="milestone-summary" data-open-minor={planOpenMinor(plan)}>
            <span>{t('ms.openOf', { open: formatMoney({ minor: planOpenMinor(plan), currency: plan.total.currency }), total: formatMoney(plan.total) })}</span>
            <span className="muted">{t('ms.langIs', { lang: t(`ms.langName.${plan.lang}` as MessageKey) })}</span>
            <span className="muted" data-testid="milestone-terms">
              {plan.piNumber ? `${t('ms.pi')} ${plan.piNumber} · ` : ''}
              {t('ms.charges')} {bankChargesOf(plan)}
            </span>
            <button data-testid="milestone-edit" onClick={() => setMode('edit')}>{t('ms.edit')}</button>
            <button onClick={() => void remove()}>{t('ms.delete')}</button>
          </div>

          {accountWarning && (
            <div className="ms-warning" role="alert" data-testid="milestone-account-warning">
              <p>{t('ms.accountWarning')}</p>
              {firstOpen && (
                <MessageBox
                  order={order}
                  tabId={tabId}
                  {...milestoneMessage('account_change', { plan, stageId: firstOpen.id, buyer, orderId: order.orderId, now, platform: order.platform })}
                  label={t('ms.msg.account_change')}
                  onSent={() => setAccountWarning(false)}
                  onError={onError}
                  onClose={() => setAccountWarning(false)}
                />
              )}
            </div>
          )}

          {data.prompts.map((p) => (
            <PromptBanner
              key={`${p.kind}:${p.stageId}`}
              prompt={p}
              plan={plan}
              now={now}
              onAct={(kind) => setRequest((cur) => ({ stageId: p.stageId, kind, n: (cur?.n ?? 0) + 1 }))}
            />
          ))}

          <ol className="ms-stages">
            {plan.stages.map((stage, i) => (
              <StageRow
                key={stage.id}
                plan={plan}
                stage={stage}
                index={i}
                order={order}
                tabId={tabId}
                now={now}
                request={request?.stageId === stage.id ? request : undefined}
                onRequestSeen={requestSeen}
                onError={onError}
              />
            ))}
          </ol>

          <h2>{t('ms.timeline')}</h2>
          <Timeline plan={plan} attempts={data.attempts} />
        </>
      )}
    </section>
  );
}

function stageLabelOf(plan: NonNullable<Data['plan']>, stageId: string): string {
  const i = plan.stages.findIndex((s) => s.id === stageId);
  return i < 0 ? '' : `${i + 1}. ${stageName(plan.stages[i]!, currentLocale())}`;
}

/** What a prompt's button opens on its stage: the message it asks for, or the renegotiation form. */
function promptAction(prompt: MilestonePrompt, plan: NonNullable<Data['plan']>): { kind: MessageKind | 'renegotiate'; label: MessageKey } | undefined {
  const stage = plan.stages.find((s) => s.id === prompt.stageId);
  if (!stage) return undefined;
  switch (prompt.kind) {
    case 'receipt_due':
      return { kind: 'receipt', label: 'ms.action.confirm' };
    case 'notice_due':
      return { kind: 'notice', label: 'ms.action.notice' };
    case 'overdue':
      // First a gentle check on the reason, then new terms.
      return stage.lateChecks === 0 ? { kind: 'late_check', label: 'ms.action.lateCheck' } : { kind: 'renegotiate', label: 'ms.action.renegotiate' };
    case 'thanks_due':
      // Thanks follow the receipt: until then the receipt prompt above is the next step.
      return stage.status === 'confirmed' ? { kind: 'thanks', label: 'ms.action.thank' } : undefined;
  }
}

function PromptBanner({ prompt, plan, now, onAct }: { prompt: MilestonePrompt; plan: NonNullable<Data['plan']>; now: number; onAct(kind: MessageKind | 'renegotiate'): void }) {
  const vars = { stage: stageLabelOf(plan, prompt.stageId), left: formatDuration(prompt.deadline - now), late: formatDuration(now - prompt.deadline) };
  const action = promptAction(prompt, plan);
  return (
    <div className={`ms-prompt${prompt.late ? ' late' : ''}`} role="status" data-testid="milestone-prompt" data-kind={prompt.kind} data-late={prompt.late}>
      <span>{t(`ms.prompt.${prompt.kind}${prompt.late ? '.late' : ''}` as MessageKey, vars)}</span>
      {action && (
        <button data-testid="milestone-prompt-action" onClick={() => onAct(action.kind)}>
          {t(action.label)}
        </button>
      )}
    </div>
  );
}
