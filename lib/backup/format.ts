import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { BuyerSchema, ContactAttemptSchema, OrderSchema } from '../orders/model';
import { parseTemplateRecord } from '../compose/record';
import { RECIPE_KEY_PREFIX, recipeKey, RecipeSchema } from '../messaging/recipes';
import { SETTINGS_KEY, SettingsSchema } from '../settings';
import { CADENCE_KEY, CadenceSettingsSchema } from '../reminders/settings';
import { HEALTH_KEY, HealthListSchema } from '../messaging/platforms';
import { MilestonePlanSchema } from '../milestones/model';
import { PANEL_SELECT_KEY } from '../store/buyers';
import { UserError } from '../messaging/errors';

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

const instant = lazySchema(() => z.number().int().nonnegative());

/**
 * Every key the settings store holds, with the schema of its value. A key not
 * listed here is refused: a backup is read by the popup, the badge and the
 * alarms as soon as it lands, so nothing in it goes unchecked.
 */
const SETTING_VALUES: Record<string, z.ZodType> = {
  [SETTINGS_KEY]: SettingsSchema,
  [CADENCE_KEY]: CadenceSettingsSchema,
  [HEALTH_KEY]: HealthListSchema,
  // Milestone prompts already announced (lib/background/alarms.ts).
  'ms.notified': lazySchema(() => z.array(z.string().max(1000)).max(10_000)),
  // The last retention clean-up (lib/background/data.ts).
  'data.lastPrune': instant,
  // The order selected in the panel (lib/background/workspace.ts).
  'ws.selected': lazySchema(() => z.string().min(1).max(200)),
  // How many attempts the order and buyer counts account for (lib/store/buyers.ts).
  'ws.attemptStats': lazySchema(() => z.object({ counted: z.number().int().nonnegative(), checked: z.boolean().optional() })),
  // "Select this order when the panel opens" (lib/store/buyers.ts).
  [PANEL_SELECT_KEY]: lazySchema(() => z.object({ orderKey: z.string().min(1).max(200), at: instant })),
};

const SettingRecordSchema = lazySchema(() => z
  .object({ key: z.string().min(1).max(100), value: z.unknown() })
  .superRefine((record, ctx) => {
    // A taught recipe is read by the content scripts: it must be exactly one, filed under its own id.
    if (record.key.startsWith(RECIPE_KEY_PREFIX)) {
      const recipe = RecipeSchema.safeParse(record.value);
      if (!recipe.success || recipeKey(recipe.data.id) !== record.key) ctx.addIssue({ code: 'custom', message: 'recipe', path: ['value'] });
      return;
    }
    const schema = Object.hasOwn(SETTING_VALUES, record.key) ? SETTING_VALUES[record.key] : undefined;
    if (!schema) {
      ctx.addIssue({ code: 'custom', message: 'unknown setting', path: ['key'] });
      return;
    }
    const value = schema.safeParse(record.value);
    if (!value.success) {
      for (const issue of value.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] as (string | number)[] });
    }
  }));

/** A staged-payment plan record: filed under its order, with a whole plan (stages, events, money). */
const MilestoneRecordSchema = lazySchema(() => z
  .looseObject({
    id: z.string().min(1).max(200),
    orderKey: z.string().min(1).max(200),
    dueAt: instant.optional(),
    status: z.enum(['open', 'settled']),
    // Checked whole below, but kept as written: a round trip must not drop what a later version adds.
    plan: z.unknown().optional(),
  })
  .superRefine((record, ctx) => {
    if (record.id !== record.orderKey) ctx.addIssue({ code: 'custom', message: 'plan filed under another order', path: ['id'] });
    if (record.plan === undefined) return;
    const plan = MilestonePlanSchema.safeParse(record.plan);
    if (!plan.success) {
      for (const issue of plan.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['plan', ...issue.path] as (string | number)[] });
    } else if (plan.data.id !== record.id || plan.data.orderKey !== record.orderKey) {
      ctx.addIssue({ code: 'custom', message: 'plan of another order', path: ['plan', 'orderKey'] });
    }
  }));

export const BackupSchema = lazySchema(() => z.object({
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
    milestones: z.array(MilestoneRecordSchema).max(MAX_RECORDS),
    settings: z.array(SettingRecordSchema).max(1000),
  }),
}));
export type Backup = z.infer<typeof BackupSchema>;

/** A file that cannot be imported, and why (a UserError: the options page puts the code into words). */
export class BackupError extends UserError {}

// Backups of a busy shop run to megabytes; past this it is not one of ours.
export const MAX_BACKUP_CHARS = 60_000_000;
/** The largest backup file the options page reads (checked before reading it: a UTF-8 character is at least a byte). */
export const MAX_BACKUP_BYTES = MAX_BACKUP_CHARS;

/** Why a chosen file cannot be a backup, from its size alone (checked before it is read into memory), or undefined. */
export function backupSizeProblem(bytes: number, max: number = MAX_BACKUP_BYTES): BackupError | undefined {
  if (bytes <= max) return undefined;
  return new BackupError('backup-too-big', { size: (bytes / 1e6).toFixed(1), max: max / 1e6 });
}

/** Builds the backup object from each store's records. */
export function makeBackup(stores: Record<StoreName, unknown[]>, now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, stores: stores as Backup['stores'] };
}

/**
 * Reads a backup file's text. Anything that is not exactly a backup this
 * version can read throws a BackupError whose code says why (the page puts
 * it into words); nothing has been touched at that point.
 */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError('backup-not-json');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('backup-not-backup');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError('backup-newer-version', { version });
  const parsed = BackupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new BackupError('backup-invalid', { where });
  }
  for (const store of STORE_NAMES) {
    const seen = new Set<string>();
    for (const record of parsed.data.stores[store] as Record<string, unknown>[]) {
      const key = String(record[KEY_FIELD[store]]);
      if (seen.has(key)) throw new BackupError('backup-duplicate', { where: `${store}: ${key}` });
      seen.add(key);
    }
  }
  return parsed.data;
}
