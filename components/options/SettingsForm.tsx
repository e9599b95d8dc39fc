import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { ask } from '@/components/api';
import { t } from '@/lib/i18n';
import { PLATFORMS, type Platform } from '@/lib/orders/model';
import { LANGUAGES } from '@/lib/compose/model';
import { SettingsSchema, type Settings } from '@/lib/settings';
import { CadenceSettingsSchema, type CadenceSettings } from '@/lib/reminders/settings';
import { LanguagePicker } from './LanguagePicker';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function NumberField({ label, value, onChange, min, max, step, testId }: { label: string; value: number; onChange(v: number): void; min: number; max: number; step?: number; testId?: string }) {
  return (
    <Field label={label}>
      {(id) => <input id={id} data-testid={testId} type="number" min={min} max={max} step={step ?? 1} value={value} onChange={(e) => onChange(Number(e.target.value))} />}
    </Field>
  );
}

function Check({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange(v: boolean): void; testId?: string }) {
  return (
    <label className="check">
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/**
 * Shop settings ('settings/get'/'settings/set', lib/settings.ts) and the
 * cadence rules of the reminder workspace ('settings/cadence-get'/'-set',
 * lib/reminders/settings.ts), saved together.
 */
export function SettingsForm({ onLanguage }: { onLanguage(): void }) {
  const [settings, setSettings] = useState<Settings>();
  const [cadence, setCadence] = useState<CadenceSettings>();
  const [commands, setCommands] = useState<Command[]>([]);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const id = useId();

  const load = useCallback(() => {
    Promise.all([ask('settings/get', {}), ask('settings/cadence-get', {})]).then(
      ([s, c]) => {
        setSettings(s.settings);
        setCadence(c.settings);
      },
      (e: Error) => setMessage({ text: e.message, error: true }),
    );
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    browser.commands?.getAll().then((all) => setCommands(all as Command[]), () => undefined);
  }, []);

  if (!settings || !cadence) return <p className="muted">{message?.text ?? t('opt.loading')}</p>;
  const set = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const setC = (patch: Partial<CadenceSettings>) => setCadence({ ...cadence, ...patch });
  const setShop = (platform: Platform, patch: Partial<NonNullable<Settings['shops'][Platform]>>) =>
    set({ shops: { ...settings.shops, [platform]: { shopName: '', signature: '', ...settings.shops[platform], ...patch } } });

  async function save() {
    const s = SettingsSchema.safeParse(settings);
    const c = CadenceSettingsSchema.safeParse(cadence);
    const bad = !s.success ? s.error.issues[0] : !c.success ? c.error.issues[0] : undefined;
    if (bad || !s.success || !c.success) {
      setMessage({ text: t('opt.settings.invalid', { where: bad?.path.join('.') ?? '' }), error: true });
      return;
    }
    try {
      const [r, rc] = await Promise.all([ask('settings/set', { settings: s.data }), ask('settings/cadence-set', { settings: c.data })]);
      setSettings(r.settings);
      setCadence(rc.settings);
      setMessage({ text: t('saved') });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} data-testid="settings">
      <h2 id={`${id}-h`}>{t('opt.nav.settings')}</h2>
      <LanguagePicker onChange={onLanguage} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('opt.settings.cadence')}</legend>
          <NumberField label={t('opt.settings.firstDelay')} testId="first-delay" min={0} max={10080} value={cadence.firstDelayMinutes} onChange={(v) => setC({ firstDelayMinutes: v })} />
          <NumberField label={t('opt.settings.maxPerOrder')} min={1} max={10} value={cadence.maxPerOrder} onChange={(v) => setC({ maxPerOrder: v })} />
          <Check label={t('opt.settings.onePerDay')} checked={cadence.onePerBuyerPerDay} onChange={(v) => setC({ onePerBuyerPerDay: v })} />
          <NumberField label={t('opt.settings.preClose')} min={0} max={1440} value={cadence.preCloseMinutes} onChange={(v) => setC({ preCloseMinutes: v })} />
          <NumberField label={t('opt.settings.promisedHours')} min={0.25} max={336} step={0.25} value={cadence.promisedDefaultHours} onChange={(v) => setC({ promisedDefaultHours: v })} />
          <NumberField label={t('opt.settings.saysPaidMinutes')} min={1} max={10080} value={cadence.saysPaidCheckMinutes} onChange={(v) => setC({ saysPaidCheckMinutes: v })} />
        </fieldset>
        <fieldset>
          <legend>{t('opt.settings.quiet')}</legend>
          <Check label={t('opt.settings.quietOn')} checked={cadence.quietHours.enabled} onChange={(v) => setC({ quietHours: { ...cadence.quietHours, enabled: v } })} />
          <div className="field-row">
            <Field label={t('opt.settings.quietStart')}>
              {(fid) => <input id={fid} type="time" value={cadence.quietHours.start} onChange={(e) => setC({ quietHours: { ...cadence.quietHours, start: e.target.value } })} />}
            </Field>
            <Field label={t('opt.settings.quietEnd')}>
              {(fid) => <input id={fid} type="time" value={cadence.quietHours.end} onChange={(e) => setC({ quietHours: { ...cadence.quietHours, end: e.target.value } })} />}
            </Field>
            <Field label={t('opt.settings.timeZone')}>
              {(fid) => <input id={fid} value={cadence.sellerTimeZone} placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone} maxLength={64} onChange={(e) => setC({ sellerTimeZone: e.target.value.trim() })} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('opt.settings.shops')}</legend>
          <Field label={t('opt.settings.defaultLanguage')}>
            {(fid) => (
              <select id={fid} value={settings.defaultLanguage} onChange={(e) => set({ defaultLanguage: e.target.value as Settings['defaultLanguage'] })}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`opt.lang.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <table className="shops">
            <thead>
              <tr>
                <th scope="col">{t('opt.settings.platform')}</th>
                <th scope="col">{t('opt.settings.shopName')}</th>
                <th scope="col">{t('opt.settings.signature')}</th>
                <th scope="col">{t('opt.settings.language')}</th>
              </tr>
            </thead>
            <tbody>
              {PLATFORMS.filter((p) => p !== 'manual').map((p) => (
                <tr key={p}>
                  <th scope="row">{t(`platform.${p}`)}</th>
                  <td>
                    <input aria-label={`${t(`platform.${p}`)} · ${t('opt.settings.shopName')}`} data-testid={`shop-name-${p}`} maxLength={100} value={settings.shops[p]?.shopName ?? ''} onChange={(e) => setShop(p, { shopName: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`${t(`platform.${p}`)} · ${t('opt.settings.signature')}`} maxLength={300} value={settings.shops[p]?.signature ?? ''} onChange={(e) => setShop(p, { signature: e.target.value })} />
                  </td>
                  <td>
                    <select
                      aria-label={`${t(`platform.${p}`)} · ${t('opt.settings.language')}`}
                      value={settings.shops[p]?.language ?? ''}
                      onChange={(e) => setShop(p, { language: (e.target.value || undefined) as Settings['defaultLanguage'] | undefined })}
                    >
                      <option value="">{t('opt.settings.useDefault')}</option>
                      {LANGUAGES.map((l) => (
                        <option key={l} value={l}>
                          {t(`opt.lang.${l}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" id="shop-facts-hint">
            {t('opt.settings.factsHint')}
          </p>
          <table className="shops" aria-describedby="shop-facts-hint">
            <thead>
              <tr>
                <th scope="col">{t('opt.settings.platform')}</th>
                <th scope="col">{t('opt.settings.cutoff')}</th>
                <th scope="col">{t('opt.settings.returns')}</th>
                <th scope="col">{t('opt.settings.gift')}</th>
              </tr>
            </thead>
            <tbody>
              {PLATFORMS.filter((p) => p !== 'manual').map((p) => (
                <tr key={p}>
                  <th scope="row">{t(`platform.${p}`)}</th>
                  <td>
                    <input
                      type="time"
                      aria-label={`${t(`platform.${p}`)} · ${t('opt.settings.cutoff')}`}
                      data-testid={`shop-cutoff-${p}`}
                      value={settings.shops[p]?.shipsTodayCutoff ?? ''}
                      onChange={(e) => setShop(p, { shipsTodayCutoff: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t(`platform.${p}`)} · ${t('opt.settings.returns')}`}
                      data-testid={`shop-returns-${p}`}
                      maxLength={80}
                      value={settings.shops[p]?.returnPolicy ?? ''}
                      onChange={(e) => setShop(p, { returnPolicy: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t(`platform.${p}`)} · ${t('opt.settings.gift')}`}
                      data-testid={`shop-gift-${p}`}
                      maxLength={80}
                      value={settings.shops[p]?.gift ?? ''}
                      onChange={(e) => setShop(p, { gift: e.target.value })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <fieldset>
          <legend>{t('opt.settings.other')}</legend>
          <Check label={t('opt.settings.notifications')} testId="notifications" checked={cadence.notifications} onChange={(v) => setC({ notifications: v })} />
          <NumberField label={t('opt.settings.retention')} testId="retention-days" min={0} max={3650} value={settings.retentionDays} onChange={(v) => set({ retentionDays: v })} />
          <div className="field">
            <span>{t('opt.settings.shortcut')}</span>
            <ul className="plain" data-testid="shortcuts">
              {commands.length === 0 && <li className="muted">{t('opt.settings.noCommands')}</li>}
              {commands.map((c) => (
                <li key={c.name}>
                  {c.name === '_execute_action' || c.name === '_execute_browser_action' ? t('opt.settings.cmdPopup') : c.description || c.name}:{' '}
                  <kbd>{c.shortcut || t('opt.settings.notSet')}</kbd>
                </li>
              ))}
            </ul>
            <p className="muted">{t('opt.settings.shortcutHow')}</p>
            <button
              type="button"
              onClick={() => {
                // chrome:// pages open through the tabs API, not from a link on an extension page.
                const firefox = navigator.userAgent.includes('Firefox');
                void browser.tabs.create({ url: firefox ? 'about:addons' : 'chrome://extensions/shortcuts' });
              }}
            >
              {t('opt.settings.changeShortcut')}
            </button>
          </div>
        </fieldset>
        {message && (
          <p className={message.error ? 'toast error' : 'toast'} role={message.error ? 'alert' : 'status'} data-testid="settings-message">
            {message.text}
          </p>
        )}
        <button type="submit" className="primary" data-testid="settings-save">
          {t('save')}
        </button>
      </form>
    </section>
  );
}
