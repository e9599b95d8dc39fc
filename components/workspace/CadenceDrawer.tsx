import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import type { CadenceSettings } from '@/lib/reminders/settings';
import { ask } from '../api';

interface Props {
  onClose(): void;
  onSaved(message: string): void;
  onError(message: string): void;
}

/** The cadence rules, editable from the panel (the options page has the full settings). */
export function CadenceDrawer({ onClose, onSaved, onError }: Props) {
  const [s, setS] = useState<CadenceSettings>();
  useEffect(() => {
    ask('settings/cadence-get', {}).then((r) => setS(r.settings), (e: Error) => onError(e.message));
  }, [onError]);
  if (!s) return null;
  const num = (key: 'firstDelayMinutes' | 'maxPerOrder' | 'preCloseMinutes' | 'saysPaidCheckMinutes', min: number, max: number) => (
    <input type="number" data-testid={`cadence-${key}`} min={min} max={max} value={s[key]} onChange={(e) => setS({ ...s, [key]: Math.max(min, Math.min(max, Math.round(Number(e.target.value) || 0))) })} />
  );
  return (
    <section className="drawer" data-testid="cadence-drawer" role="dialog" aria-label={t('ws.settings')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          ask('settings/cadence-set', { settings: s }).then(
            (r) => {
              setS(r.settings);
              onSaved(t('ws.settings.saved'));
              onClose();
            },
            (error: Error) => onError(error.message),
          );
        }}
      >
        <h2>{t('ws.settings')}</h2>
        <label>{t('ws.settings.firstDelay')}{num('firstDelayMinutes', 0, 10080)}</label>
        <label>{t('ws.settings.maxPerOrder')}{num('maxPerOrder', 1, 10)}</label>
        <label className="check">
          <input type="checkbox" data-testid="cadence-onePerDay" checked={s.onePerBuyerPerDay} onChange={(e) => setS({ ...s, onePerBuyerPerDay: e.target.checked })} />
          {t('ws.settings.onePerDay')}
        </label>
        <fieldset>
          <legend>
            <label className="check">
              <input type="checkbox" data-testid="cadence-quiet" checked={s.quietHours.enabled} onChange={(e) => setS({ ...s, quietHours: { ...s.quietHours, enabled: e.target.checked } })} />
              {t('ws.settings.quiet')}
            </label>
          </legend>
          <label className="inline">{t('ws.settings.quietFrom')}<input type="time" data-testid="cadence-quiet-start" value={s.quietHours.start} onChange={(e) => e.target.value && setS({ ...s, quietHours: { ...s.quietHours, start: e.target.value } })} /></label>
          <label className="inline">{t('ws.settings.quietTo')}<input type="time" data-testid="cadence-quiet-end" value={s.quietHours.end} onChange={(e) => e.target.value && setS({ ...s, quietHours: { ...s.quietHours, end: e.target.value } })} /></label>
        </fieldset>
        <label>{t('ws.settings.sellerZone')}<input data-testid="cadence-zone" value={s.sellerTimeZone} placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone} onChange={(e) => setS({ ...s, sellerTimeZone: e.target.value.trim() })} /></label>
        <label>{t('ws.settings.preClose')}{num('preCloseMinutes', 0, 1440)}</label>
        <label>{t('ws.settings.saysPaidCheck')}{num('saysPaidCheckMinutes', 1, 10080)}</label>
        <label className="check">
          <input type="checkbox" checked={s.notifications} onChange={(e) => setS({ ...s, notifications: e.target.checked })} />
          {t('ws.settings.notifications')}
        </label>
        <div className="buttons">
          <button type="submit" className="primary" data-testid="cadence-save">{t('save')}</button>
          <button type="button" onClick={onClose}>{t('ws.close')}</button>
        </div>
      </form>
    </section>
  );
}
