import { useId } from 'react';
import { LOCALES, setLocale, storedLocale, t, type Locale } from '@/lib/i18n';

/** Follow the browser, or one of our three languages; saved in this extension's localStorage. */
export function LanguagePicker({ onChange }: { onChange(): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('opt.uiLanguage')}</label>
      <select
        id={id}
        data-testid="language-picker"
        value={storedLocale() ?? ''}
        onChange={(e) => {
          setLocale((e.target.value || undefined) as Locale | undefined);
          onChange();
        }}
      >
        <option value="">{t('opt.followBrowser')}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`opt.lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
