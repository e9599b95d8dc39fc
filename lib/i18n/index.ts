// The UI's languages: zh-CN, zh-TW and en, following the browser with an
// override the person picks in the options (kept in this extension's own
// localStorage, which the panel, popup and options pages share, so the first
// render is already in the right language).
import { LOCALES, type Locale } from './define';
import { localeFromLanguage, OVERRIDE_KEY, pickLocale } from './locale';
import core from './messages/core';
import workspace from './messages/workspace';
import milestones from './messages/milestones';
import options from './messages/options';
import platforms from './messages/platforms';
import teach from './messages/teach';
import team from './messages/team';
import insights from './messages/insights';
import errors from './messages/errors';

export { LOCALES, type Locale } from './define';

const AREAS = [core, workspace, milestones, options, platforms, teach, team, errors, insights] as const;

type Merge<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? (H extends { en: infer E } ? E : never) & Merge<R> : unknown;
export type MessageKey = keyof Merge<typeof AREAS> & string;

export const MESSAGES: Record<Locale, Record<string, string>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...AREAS.map((area) => area[locale]))]),
) as Record<Locale, Record<string, string>>;

export { localeFromLanguage, storedLocale } from './locale';

// Worked out on first use, not when the module loads: the pure modules that
// translate (milestones, insights) load in workers and tests with no
// localStorage or navigator at all.
let current: Locale | undefined;

export function currentLocale(): Locale {
  current ??= pickLocale();
  return current;
}

/** Sets the UI language (undefined: follow the browser again) and remembers it. */
export function setLocale(locale: Locale | undefined): void {
  try {
    if (locale) globalThis.localStorage?.setItem(OVERRIDE_KEY, locale);
    else globalThis.localStorage?.removeItem(OVERRIDE_KEY);
  } catch {
    // Storage unavailable (tests): the choice lasts for this page only.
  }
  current = locale ?? localeFromLanguage(globalThis.navigator?.language);
  if (globalThis.document) document.documentElement.lang = current;
}

/** The UI string for a key in the current language, `{name}` variables filled. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[currentLocale()][key] ?? MESSAGES.en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "2天3小时" / "2d 3h": a span of time in the UI language. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('duration.dh', { d, h });
  if (h > 0) return t('duration.hm', { h, m });
  return t('duration.m', { m });
}

/** "3小时前" / "3h 0m ago": how long ago something happened. */
export function formatAge(ms: number): string {
  if (ms < 60_000) return t('age.justNow');
  return t('age.ago', { span: formatDuration(ms) });
}
