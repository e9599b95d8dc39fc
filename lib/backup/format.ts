import { z } from 'zod';
import { BuyerSchema, ContactAttemptSchema, OrderSchema } from '../orders/model';
import { parseTemplateRecord } from '../messaging/data';
import { RECIPE_KEY_PREFIX, recipeKey, RecipeSchema } from '../messaging/recipes';
import { SETTINGS_KEY, SettingsSchema } from '../settings';
import { t } from '../i18n';

// The backup file: every store, versioned so a later PayNudge can still read
// it. Records keep fields this version does not know (.loose()): another
// area may store richer objects, and a round trip must not drop them.

export const BACKUP_FORMAT = 'paynudge-backup';
export const BACKUP_VERSION = 1;
export const STORE_NAMES = ['orders', 'buyers', 'attempts', 'templates', 'milestones', 'settings'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** The key field of each store (its IndexedDB keyPath). */
export const KEY_FIELD: Record<StoreName, string> = {
  orders: 'key',
  buyers: 'key',
  attempts: 'id',
  templates: 'id',
  milestones: 'id',
  settings: 'key',
};

const MAX_RECORDS = 500_000;

const SettingRecordSchema = z
  .object({ key: z.string().min(1).max(100), value: z.unknown() })
  .superRefine((record, ctx) => {
    // Our own settings must be readable; other areas' records are kept as they are.
    if (record.key === SETTINGS_KEY && !SettingsSchema.safeParse(record.value).success) {
      ctx.addIssue({ code: 'custom', message: 'settings', path: ['value'] });
    }
    // A taught recipe is read by the content scripts: it must be exactly one, filed under its own id.
    if (record.key.startsWith(RECIPE_KEY_PREFIX)) {
      const recipe = RecipeSchema.safeParse(record.value);
      if (!recipe.success || recipeKey(recipe.data.id) !== record.key) ctx.addIssue({ code: 'custom', message: 'recipe', path: ['value'] });
    }
  });

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().int().nonnegative(),
  stores: z.object({
    orders: z.array(OrderSchema.loose()).max(MAX_RECORDS),
    buyers: z.array(BuyerSchema.loose()).max(MAX_RECORDS),
    attempts: z.array(ContactAttemptSchema.loose()).max(MAX_RECORDS),
    templates: z
      .array(z.looseObject({ id: z.string().min(1).max(100) }))
      .max(10_000)
      .superRefine((list, ctx) => {
        list.forEach((tpl, i) => {
          if (!parseTemplateRecord(tpl)) ctx.addIssue({ code: 'custom', message: 'template', path: [i] });
        });
      }),
    milestones: z.array(z.looseObject({ id: z.string().min(1).max(200), orderKey: z.string().min(1).max(200) })).max(MAX_RECORDS),
    settings: z.array(SettingRecordSchema).max(1000),
  }),
});
export type Backup = z.infer<typeof BackupSchema>;

export class BackupError extends Error {}

/** Builds the backup object from each store's records. */
export function makeBackup(stores: Record<StoreName, unknown[]>, now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, stores: stores as Backup['stores'] };
}

/**
 * Reads a backup file's text. Anything that is not exactly a backup this
 * version can read throws a BackupError whose message says why, in the UI
 * language; nothing has been touched at that point.
 */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError(t('opt.import.notJson'));
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError(t('opt.import.notBackup'));
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError(t('opt.import.newerVersion', { version }));
  const parsed = BackupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new BackupError(t('opt.import.invalid', { where }));
  }
  for (const store of STORE_NAMES) {
    const seen = new Set<string>();
    for (const record of parsed.data.stores[store] as Record<string, unknown>[]) {
      const key = String(record[KEY_FIELD[store]]);
      if (seen.has(key)) throw new BackupError(t('opt.import.duplicate', { where: `${store}: ${key}` }));
      seen.add(key);
    }
  }
  return parsed.data;
}
