import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { TemplateSchema, type Template } from './model';

/**
 * A template in the 'templates' store: the compose model's Template (custom,
 * or a built-in the person edited, under the built-in's id) plus when it was
 * saved and whether it is hidden (a "deleted" built-in). "Restore built-ins"
 * deletes the records with built-in ids.
 */
export const TemplateMetaSchema = lazySchema(() => z.object({ updatedAt: z.number().int().nonnegative(), hidden: z.boolean().optional() }));
export type TemplateRecord = Template & z.infer<typeof TemplateMetaSchema>;

/** A stored template, or undefined if it is not one this version can use. */
export function parseTemplateRecord(raw: unknown): TemplateRecord | undefined {
  const meta = TemplateMetaSchema.safeParse(raw);
  const template = TemplateSchema.safeParse(raw);
  return meta.success && template.success ? { ...template.data, ...meta.data } : undefined;
}
