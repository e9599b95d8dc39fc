import { useState } from 'react';
import { ask } from '@/components/api';
import { t } from '@/lib/i18n';
import { MANUAL_CURRENCIES, validateManualOrder, type ManualField, type ManualOrderInput, type ManualValidation } from '@/lib/messaging/platforms';
import { parseMoney } from '@/lib/orders/money';

type Errors = Extract<ManualValidation, { ok: false }>['errors'];
interface ItemDraft {
  title: string;
  qty: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** "2026-11-23" from a date input as an instant in the person's own zone: the start of that day, or its last second. */
function dayInstant(value: string, endOfDay: boolean): number | undefined | null {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = endOfDay ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59) : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}

function FieldError({ errors, field }: { errors: Errors; field: ManualField }) {
  const e = errors[field];
  if (!e) return null;
  return (
    <div className="field-error" role="alert" data-testid="manual-order-error" data-field={field} style={{ color: '#b42318', fontSize: 12 }}>
      {t(e.key, e.vars)}
    </div>
  );
}

/** The form itself: buyer, contact, items, total + currency, dates, note. */
export function ManualOrderForm({ onDone, onError }: { onDone(orderId?: string): void; onError(message: string): void }) {
  const [buyer, setBuyer] = useState('');
  const [contact, setContact] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([{ title: '', qty: '1' }]);
  const [total, setTotal] = useState('');
  const [currency, setCurrency] = useState<string>('USD');
  const [created, setCreated] = useState(today);
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const setItem = (i: number, patch: Partial<ItemDraft>) => setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const submit = async () => {
    const createdAt = dayInstant(created, false);
    const deadlineAt = dayInstant(deadline, true);
    const dateErrors: Errors = {};
    if (createdAt === null) dateErrors.createdAt = { key: 'pf.err.date' };
    if (deadlineAt === null) dateErrors.deadlineAt = { key: 'pf.err.date' };
    const input: ManualOrderInput = {
      buyer,
      contact: contact || undefined,
      items: items.map((it) => ({ title: it.title, qty: Number(it.qty) })),
      total,
      currency,
      createdAt: createdAt ?? undefined,
      deadlineAt: deadlineAt ?? undefined,
      note: note || undefined,
    };
    const checked = validateManualOrder(input, parseMoney);
    const all = { ...(checked.ok ? {} : checked.errors), ...dateErrors };
    setErrors(all);
    if (Object.keys(all).length > 0) return;
    setBusy(true);
    try {
      const { order } = await ask('order/manual-create', input);
      onDone(order.orderId);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="manual-order"
      data-testid="manual-order-form"
      aria-label={t('pf.manual.title')}
      style={{ display: 'flex', flexDirection: 'column', gap: 6, padding: 8, border: '1px solid #ddd', borderRadius: 6, margin: '6px 0' }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <strong>{t('pf.manual.title')}</strong>
      <label>
        {t('pf.manual.buyer')}
        <input name="buyer" value={buyer} maxLength={400} onChange={(e) => setBuyer(e.target.value)} />
      </label>
      <FieldError errors={errors} field="buyer" />
      <label>
        {t('pf.manual.contact')}
        <input name="contact" value={contact} maxLength={400} onChange={(e) => setContact(e.target.value)} />
      </label>
      <FieldError errors={errors} field="contact" />
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('pf.manual.items')}</legend>
        {items.map((it, i) => (
          <div key={i} data-testid="manual-order-item" style={{ display: 'flex', gap: 4 }}>
            <input name="item-title" aria-label={t('pf.manual.itemTitle')} placeholder={t('pf.manual.itemTitle')} value={it.title} maxLength={2000} style={{ flex: 1 }} onChange={(e) => setItem(i, { title: e.target.value })} />
            <input name="item-qty" aria-label={t('pf.manual.qty')} type="number" min={1} step={1} value={it.qty} style={{ width: 64 }} onChange={(e) => setItem(i, { qty: e.target.value })} />
            {items.length > 1 && (
              <button type="button" onClick={() => setItems(items.filter((_it, j) => j !== i))}>
                {t('pf.manual.removeItem')}
              </button>
            )}
          </div>
        ))}
        <button type="button" data-testid="manual-order-add-item" onClick={() => setItems([...items, { title: '', qty: '1' }])}>
          {t('pf.manual.addItem')}
        </button>
      </fieldset>
      <FieldError errors={errors} field="items" />
      <FieldError errors={errors} field="qty" />
      <div style={{ display: 'flex', gap: 4 }}>
        <label style={{ flex: 1 }}>
          {t('pf.manual.total')}
          <input name="total" inputMode="decimal" value={total} maxLength={60} onChange={(e) => setTotal(e.target.value)} />
        </label>
        <label>
          {t('pf.manual.currency')}
          <select name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {MANUAL_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldError errors={errors} field="total" />
      <FieldError errors={errors} field="currency" />
      <label>
        {t('pf.manual.created')}
        <input name="created" type="date" value={created} onChange={(e) => setCreated(e.target.value)} />
      </label>
      <FieldError errors={errors} field="createdAt" />
      <label>
        {t('pf.manual.deadline')}
        <input name="deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <FieldError errors={errors} field="deadlineAt" />
      <label>
        {t('pf.manual.note')}
        <textarea name="note" value={note} maxLength={20_000} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <FieldError errors={errors} field="note" />
      <div className="buttons">
        <button type="submit" className="primary" data-testid="manual-order-save" disabled={busy}>
          {t('pf.manual.save')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('pf.manual.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Header button opening the manual order form for off-platform deals (platform `manual`). */
export function ManualOrderButton({ onError }: { onError(message: string): void }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string>();
  return (
    <div className="manual-order-slot">
      {!open && (
        <button type="button" data-testid="manual-order-button" onClick={() => (setOpen(true), setSaved(undefined))}>
          {t('pf.manual.open')}
        </button>
      )}
      {saved && (
        <span role="status" data-testid="manual-order-saved" className="muted">
          {' '}
          {t('pf.manual.saved', { id: saved })}
        </span>
      )}
      {open && (
        <ManualOrderForm
          onError={onError}
          onDone={(id) => {
            setOpen(false);
            setSaved(id);
          }}
        />
      )}
    </div>
  );
}
