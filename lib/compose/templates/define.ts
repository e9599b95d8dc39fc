import type { Language, Template } from '../model';

type Defaults = 'language' | 'builtIn' | 'tags' | 'priority' | 'channels' | 'reasons';
export type TemplateDef = Omit<Template, Defaults> & Partial<Pick<Template, 'tags' | 'priority' | 'channels' | 'reasons'>>;

/** Built-in templates of one language: chat, generic reason and priority 0 unless stated. */
export function defineTemplates(language: Language, defs: readonly TemplateDef[]): Template[] {
  return defs.map((d) => ({ channels: ['chat'], reasons: ['unknown'], tags: [], priority: 0, ...d, language, builtIn: true }));
}
