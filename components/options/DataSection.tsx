import { useId, useRef, useState } from 'react';
import { ask } from '@/components/api';
import { errorMessage } from '@/components/errors';
import { t } from '@/lib/i18n';
import { attemptsCsv, ordersCsv } from '@/lib/backup/csv';
import { backupSizeProblem, STORE_NAMES } from '@/lib/backup/format';
import type { ImportPreview } from '@/lib/backup/merge';
import type { ContactAttempt, Order } from '@/lib/orders/model';
import { clearSnapshot } from '../workspace/snapshot';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

export function DataSection() {
  const id = useId();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [pending, setPending] = useState<{ name: string; text: string; preview: ImportPreview }>();
  const [busy, setBusy] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function guarded(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  const exportJson = () =>
    guarded(async () => {
      const { backup } = await ask('data/export', {});
      download(`paynudge-backup-${stamp()}.json`, JSON.stringify(backup, null, 2), 'application/json');
      setMessage({ text: t('opt.data.exported') });
    });

  const exportCsv = (which: 'orders' | 'attempts') =>
    guarded(async () => {
      const { backup } = await ask('data/export', {});
      const text = which === 'orders' ? ordersCsv(backup.stores.orders as Order[]) : attemptsCsv(backup.stores.attempts as ContactAttempt[]);
      download(`paynudge-${which}-${stamp()}.csv`, text, 'text/csv;charset=utf-8');
      setMessage({ text: t('opt.data.exported') });
    });

  const pick = (file: File | undefined) =>
    guarded(async () => {
      setPending(undefined);
      if (!file) return;
      // Checked before reading: a huge file would be read whole into memory, only to be refused after.
      const tooBig = backupSizeProblem(file.size);
      if (tooBig) throw tooBig;
      const text = await file.text();
      const preview = await ask('data/import-preview', { text });
      setPending({ name: file.name, text, preview });
      setMessage(undefined);
    }).finally(() => {
      if (fileInput.current) fileInput.current.value = '';
    });

  const confirmImport = () =>
    guarded(async () => {
      if (!pending) return;
      const result = await ask('data/import', { text: pending.text });
      const added = STORE_NAMES.reduce((n, s) => n + result.counts[s].new + result.counts[s].updated, 0);
      setPending(undefined);
      setMessage({ text: t('opt.data.imported', { n: added }) });
    });

  const erase = () =>
    guarded(async () => {
      await ask('data/erase', { confirm: 'ERASE' });
      clearSnapshot();
      setConfirmErase(false);
      setMessage({ text: t('opt.data.erased') });
    });

  return (
    <section aria-labelledby={`${id}-h`} data-testid="data-section">
      <h2 id={`${id}-h`}>{t('opt.nav.data')}</h2>
      <p className="muted">{t('opt.data.intro')}</p>
      {message && (
        <p className={message.error ? 'toast error' : 'toast'} role={message.error ? 'alert' : 'status'} data-testid="data-message">
          {message.text}
        </p>
      )}
      <h3>{t('opt.data.export')}</h3>
      <div className="buttons">
        <button className="primary" data-testid="export-json" disabled={busy} onClick={() => void exportJson()}>
          {t('opt.data.exportJson')}
        </button>
        <button data-testid="export-orders-csv" disabled={busy} onClick={() => void exportCsv('orders')}>
          {t('opt.data.exportOrdersCsv')}
        </button>
        <button data-testid="export-attempts-csv" disabled={busy} onClick={() => void exportCsv('attempts')}>
          {t('opt.data.exportAttemptsCsv')}
        </button>
      </div>

      <h3>{t('opt.data.import')}</h3>
      <p className="muted">{t('opt.data.importRules')}</p>
      <label htmlFor={`${id}-file`}>{t('opt.data.chooseFile')}</label>{' '}
      <input id={`${id}-file`} ref={fileInput} type="file" accept="application/json,.json" data-testid="import-file" disabled={busy} onChange={(e) => void pick(e.target.files?.[0])} />
      {pending && (
        <div className="import-preview" data-testid="import-preview" role="region" aria-label={t('opt.data.preview')}>
          <p>{t('opt.data.previewOf', { name: pending.name, date: new Date(pending.preview.exportedAt).toLocaleString() })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('opt.data.store')}</th>
                <th scope="col">{t('opt.data.new')}</th>
                <th scope="col">{t('opt.data.updated')}</th>
                <th scope="col">{t('opt.data.unchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {STORE_NAMES.map((s) => (
                <tr key={s} data-testid="preview-row" data-store={s}>
                  <th scope="row">{t(`opt.store.${s}`)}</th>
                  <td data-testid="preview-new">{pending.preview.counts[s].new}</td>
                  <td data-testid="preview-updated">{pending.preview.counts[s].updated}</td>
                  <td data-testid="preview-unchanged">{pending.preview.counts[s].unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="buttons">
            <button className="primary" data-testid="import-confirm" disabled={busy} onClick={() => void confirmImport()}>
              {t('opt.data.importConfirm')}
            </button>
            <button onClick={() => setPending(undefined)}>{t('opt.cancel')}</button>
          </div>
        </div>
      )}

      <h3>{t('opt.data.erase')}</h3>
      <p className="muted">{t('opt.data.eraseWarn')}</p>
      {confirmErase ? (
        <div className="buttons" role="group" aria-label={t('opt.data.erase')}>
          <button className="danger" data-testid="erase-confirm" disabled={busy} onClick={() => void erase()}>
            {t('opt.data.eraseConfirm')}
          </button>
          <button onClick={() => setConfirmErase(false)}>{t('opt.cancel')}</button>
        </div>
      ) : (
        <button className="danger" data-testid="erase" onClick={() => setConfirmErase(true)}>
          {t('opt.data.erase')}
        </button>
      )}
    </section>
  );
}
