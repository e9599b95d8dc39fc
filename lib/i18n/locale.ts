// Which UI language to show: the one the person picked in the options (kept in
// this extension's own localStorage, shared by the panel, popup and options
// pages), else the browser's. Apart from ./index, which holds every message
// table, so the popup's first paint (entrypoints/popup-early.ts) can pick the
// language without loading them all.
import { LOCALES, type Locale } from './define';

export const OVERRIDE_KEY = 'paynudge.locale';

/** The browser's language mapped onto ours: Traditional Chinese regions get zh-TW, other Chinese zh-CN, the rest English. */
export function localeFromLanguage(language: string | undefined): Locale {
  const lang = (language ?? '').toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(lang)) return 'zh-TW';
  if (lang.startsWith('zh')) return 'zh-CN';
  return 'en';
}

/** The language the person picked in the options, or undefined when the UI follows the browser. */
export function storedLocale(): Locale | undefined {
  try {
    const value = globalThis.localStorage?.getItem(OVERRIDE_KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : undefined;
  } catch {
    return undefined;
  }
}

/** The language to show now: the picked one, else the browser's. */
export function pickLocale(): Locale {
  return storedLocale() ?? localeFromLanguage(globalThis.navigator?.language);
}
