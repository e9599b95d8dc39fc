import { useEffect, useRef, useState } from 'react';
import { ask } from '@/components/api';
import { t, currentLocale, type MessageKey } from '@/lib/i18n';
import { formatMoney, parseMoney } from '@/lib/orders/money';
import type { Order } from '@/lib/orders/model';
import { allowedActions } from '@/lib/milestones/machine';
import { isOverdue, paidMinor, type MilestonePlan, type Stage } from '@/lib/milestones/model';
import { formatDay, milestoneMessage, stageName, triggerText, type MessageKind } from '@/lib/milestones/messages';
import { DAY_MS } from '@/lib/orders/time';
import { MessageBox } from './MessageBox';
import { fromDateInput, toDateInput } from './dates';

type Open = { kind: 'message'; message: MessageKind } | { kind: 'pay' } | { kind: 'waive' } | { kind: 'renegotiate' } | undefined;

/** The step each message records on the plan once it has gone out. */
const STEP_OF: Partial<Record<MessageKind, 'notice' | 'receipt' | 'thanks' | 'late_check'>> = {
  notice: 'notice',
  receipt: 'receipt',
  thanks: 'thanks',
  late_check: 'late_check',
};

interface Props {
  plan: MilestonePlan;
  stage: Stage;
  index: number;
  order: Order;
  tabId?: number;
  now: number;
  /** Opens a message box or form from outside (a prompt banner's button); `n` makes a repeat click count. */
  request?: { kind: MessageKind | 'renegotiate'; n: number };
  /** The request was acted on: the panel forgets it, so a remount does not reopen it. */
  onRequestSeen?(): void;
  onError(message: string): void;
}

export function StageRow({ plan, stage, index, order, tabId, now, request, onRequestSeen, onError }: Props) {
  const [open, setOpen] = useState<Open>();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!request) return;
    setOpen(request.kind === 'renegotiate' ? { kind: 'renegotiate' } : { kind: 'message', message: request.kind });
    ref.current?.scrollIntoView({ block: 'nearest' });
    onRequestSeen?.();
  }, [request, onRequestSeen]);
  const ui = currentLocale();
  const overdue = isOverdue(stage, now);
  const paid = paidMinor(stage);
  const money = (minor: number) => formatMoney({ minor, currency: stage.currency });
  const actions = allowedActions(stage, now);
  const share = stage.share.kind === 'percent' ? `${stage.share.bp / 100}%` : undefined;

  const message = (kind: MessageKind, extra: { dueAt?: number; secondDueAt?: number } = {}) =>
    milestoneMessage(kind, { plan, stageId: stage.id, buyer: order.buyer.displayName ?? order.buyer.nick, orderId: order.orderId, now, platform: order.platform, ...extra });

  const step = async (kind: MessageKind, attemptId: string | undefined) => {
    const s = STEP_OF[kind];
    if (s) await ask('milestones/step', { orderKey: plan.orderKey, stageId: stage.id, step: s, attemptId });
    setOpen(undefined);
  };

  const toggle = (next: Exclude<Open, undefined>) =>
    setOpen((cur) => (cur && cur.kind === next.kind && (cur.kind !== 'message' || next.kind !== 'message' || cur.message === next.message) ? undefined : next));

  const button = (label: MessageKey, next: Exclude<Open, undefined>, testId: string) => (
    <button data-testid={testId} onClick={() => toggle(next)}>
      {t(label)}
    </button>
  );

  return (
    <li
      ref={ref}
      className={`ms-stage status-${stage.status}${overdue ? ' overdue' : ''}`}
      data-testid="milestone-row"
      data-status={overdue ? 'overdue' : stage.status}
      data-stage-status={stage.status}
      data-stage-id={stage.id}
      data-amount-minor={stage.amountMinor}
      data-paid-minor={paid}
      data-currency={stage.currency}
    >
      <div className="ms-stage-head">
        <span className="ms-stage-n">{index + 1}</span>
        <strong className="ms-stage-name">{stageName(stage, ui)}</strong>
        {share && <span className="muted">{share}</span>}
        <span className="ms-stage-amount">{money(stage.amountMinor)}</span>
        <span className={`ms-status ${overdue ? 'overdue' : stage.status}`}>{t(`ms.status.${overdue ? 'overdue' : stage.status}` as MessageKey)}</span>
      </div>
      <div className="ms-stage-meta muted">
        <span>{triggerText(stage.trigger, ui)}</span>
        <span>{stage.dueAt !== undefined ? t('ms.dueOn', { date: formatDay(stage.dueAt) }) : t('ms.noDue')}</span>
        <span>{t(`ms.method.${stage.method}` as MessageKey)}</span>
        {paid > 0 && <span className="ms-paid">{t('ms.paidOf', { paid: money(paid), amount: money(stage.amountMinor) })}</span>}
        {stage.reason && <span>{t('ms.reason', { reason: stage.reason })}</span>}
      </div>
      <div className="buttons ms-actions">
        {actions.includes('notice') && button('ms.action.notice', { kind: 'message', message: 'notice' }, 'milestone-notice')}
        {actions.includes('pay') && button('ms.action.pay', { kind: 'pay' }, 'milestone-pay')}
        {actions.includes('confirm') && button('ms.action.confirm', { kind: 'message', message: 'receipt' }, 'milestone-confirm')}
        {actions.includes('thank') && button('ms.action.thank', { kind: 'message', message: 'thanks' }, 'milestone-thank')}
        {actions.includes('late_check') && button('ms.action.lateCheck', { kind: 'message', message: 'late_check' }, 'milestone-late-check')}
        {actions.includes('renegotiate') && button('ms.action.renegotiate', { kind: 'renegotiate' }, 'milestone-renegotiate')}
        {actions.includes('waive') && button('ms.action.waive', { kind: 'waive' }, 'milestone-waive')}
      </div>
      {open?.kind === 'message' && (
        <MessageBox
          order={order}
          tabId={tabId}
          {...message(open.message)}
          label={t(`ms.msg.${open.message}` as MessageKey)}
          onSent={(attemptId) => step(open.message, attemptId)}
          onError={onError}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'pay' && <PaymentForm plan={plan} stage={stage} onDone={() => setOpen(undefined)} onError={onError} />}
      {open?.kind === 'waive' && <WaiveForm plan={plan} stage={stage} onDone={() => setOpen(undefined)} onError={onError} />}
      {open?.kind === 'renegotiate' && (
        <RenegotiateForm plan={plan} stage={stage} order={order} tabId={tabId} now={now} message={message} onDone={() => setOpen(undefined)} onError={onError} />
      )}
    </li>
  );
}

function todayInput(): string {
  return toDateInput(Date.now());
}

function PaymentForm({ plan, stage, onDone, onError }: { plan: MilestonePlan; stage: Stage; onDone(): void; onError(m: string): void }) {
  const open = stage.amountMinor - paidMinor(stage);
  const [amount, setAmount] = useState(() => formatMoney({ minor: open, currency: stage.currency }));
  const [date, setDate] = useState(todayInput);
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const money = parseMoney(amount, stage.currency);
    const paidAt = fromDateInput(date);
    if (!money || money.currency !== stage.currency || money.minor <= 0) return onError(t('ms.err.amount', { currency: stage.currency }));
    if (paidAt === undefined) return onError(t('ms.err.date'));
    setBusy(true);
    try {
      await ask('milestones/pay', { orderKey: plan.orderKey, stageId: stage.id, amountMinor: money.minor, paidAt, reference });
      onDone();
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ms-form" data-testid="milestone-pay-form">
      <label className="ms-field">
        <span>{t('ms.pay.amount')}</span>
        <input data-testid="milestone-pay-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label className="ms-field">
        <span>{t('ms.pay.date')}</span>
        <input data-testid="milestone-pay-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="ms-field">
        <span>{t('ms.pay.reference')}</span>
        <input data-testid="milestone-pay-reference" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />
      </label>
      <div className="buttons">
        <button className="primary" data-testid="milestone-pay-save" disabled={busy} onClick={() => void submit()}>
          {t('ms.pay.save')}
        </button>
        <button disabled={busy} onClick={onDone}>
          {t('ms.cancel')}
        </button>
      </div>
    </div>
  );
}

function WaiveForm({ plan, stage, onDone, onError }: { plan: MilestonePlan; stage: Stage; onDone(): void; onError(m: string): void }) {
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await ask('milestones/waive', { orderKey: plan.orderKey, stageId: stage.id, reason });
      onDone();
    } catch (error) {
      onError((error as Error).message);
    }
  };
  return (
    <div className="ms-form" data-testid="milestone-waive-form">
      <label className="ms-field wide">
        <span>{t('ms.reasonLabel')}</span>
        <input data-testid="milestone-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="buttons">
        <button className="primary" disabled={!reason.trim()} onClick={() => void submit()}>
          {t('ms.action.waive')}
        </button>
        <button onClick={onDone}>{t('ms.cancel')}</button>
      </div>
    </div>
  );
}

function RenegotiateForm(props: {
  plan: MilestonePlan;
  stage: Stage;
  order: Order;
  tabId?: number;
  now: number;
  message(kind: MessageKind, extra: { dueAt?: number; secondDueAt?: number }): { templateId: string; text: string };
  onDone(): void;
  onError(m: string): void;
}) {
  const { plan, stage, order, tabId, now, message, onDone, onError } = props;
  const base = Math.max(now, stage.dueAt ?? now);
  const [mode, setMode] = useState<'extend' | 'split'>('extend');
  const [reason, setReason] = useState('');
  const [due, setDue] = useState(() => toDateInput(base + 14 * DAY_MS));
  const [due2, setDue2] = useState(() => toDateInput(base + 44 * DAY_MS));
  const dueAt = fromDateInput(due);
  const secondDueAt = fromDateInput(due2);
  const ready = reason.trim() !== '' && dueAt !== undefined && (mode === 'extend' || secondDueAt !== undefined);

  const save = async (attemptId?: string) => {
    if (!ready) return onError(t('ms.err.reasonRequired'));
    await ask('milestones/renegotiate', { orderKey: plan.orderKey, stageId: stage.id, reason, mode, dueAt: dueAt!, secondDueAt: mode === 'split' ? secondDueAt : undefined, attemptId });
    onDone();
  };
  const proposal = dueAt !== undefined ? message(mode === 'extend' ? 'late_extend' : 'late_split', { dueAt, secondDueAt }) : undefined;

  return (
    <div className="ms-form" data-testid="milestone-renegotiate-form">
      <label className="ms-field">
        <span>{t('ms.reneg.mode')}</span>
        <select value={mode} onChange={(e) => setMode(e.target.value as 'extend' | 'split')}>
          <option value="extend">{t('ms.reneg.extend')}</option>
          <option value="split">{t('ms.reneg.split')}</option>
        </select>
      </label>
      <label className="ms-field">
        <span>{mode === 'extend' ? t('ms.reneg.newDue') : t('ms.reneg.firstDue')}</span>
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      {mode === 'split' && (
        <label className="ms-field">
          <span>{t('ms.reneg.secondDue')}</span>
          <input type="date" value={due2} onChange={(e) => setDue2(e.target.value)} />
        </label>
      )}
      <label className="ms-field wide">
        <span>{t('ms.reasonLabel')}</span>
        <input data-testid="milestone-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </label>
      {proposal && ready && (
        <MessageBox order={order} tabId={tabId} {...proposal} label={t('ms.msg.proposal')} onSent={(attemptId) => save(attemptId)} onError={onError} />
      )}
      <div className="buttons">
        <button disabled={!ready} onClick={() => void save().catch((e: Error) => onError(e.message))}>
          {t('ms.reneg.saveOnly')}
        </button>
        <button onClick={onDone}>{t('ms.cancel')}</button>
      </div>
    </div>
  );
}
