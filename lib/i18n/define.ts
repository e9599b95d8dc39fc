// UI languages and the shape of a message table. Kept apart from ./index so
// message files can import it without a cycle.
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * One feature area's UI strings in every UI language. The type makes a key
 * missing from one language a compile error; `{name}` marks a variable.
 */
export function defineMessages<K extends string>(table: { 'zh-CN': Record<K, string>; 'zh-TW': Record<K, string>; en: Record<K, string> }) {
  return table;
}
