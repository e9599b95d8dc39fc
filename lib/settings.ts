import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { PLATFORMS, type Platform } from './orders/model';
import { LANGUAGES, type Language } from './compose/model';

// The seller's shop settings, one record in the 'settings' store (key
// 'app'), read and written through 'settings/get' / 'settings/set'. Cadence,
// quiet hours and notifications live in lib/reminders/settings.ts (key
// 'cadence', 'settings/cadence-get' / 'settings/cadence-set'); the options
// page edits both. Every field has a default so a partial record still parses.

export const SETTINGS_KEY = 'app';

export const ShopSchema = lazySchema(() => z.object({
  /** {{shop}} in templates. */
  shopName: z.string().trim().max(100).default(''),
  /** {{seller}} in templates: how the seller signs. */
  signature: z.string().trim().max(300).default(''),
  /** Language of the messages suggested for this platform's buyers; absent: the default. */
  language: z.enum(LANGUAGES).optional(),
  // Shop facts: a message may state them only when they are set here (see
  // lintTemplate's claim_* rules). Empty means "not confirmed".
  /** {{cutoff}}: orders paid before this time ("16:00") ship the same day. */
  shipsTodayCutoff: z.string().trim().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d)?$/, 'HH:MM').optional(),
  /** {{returns}}: the return policy in the words buyers should read ("7天无理由退货", "30-day returns"). */
  returnPolicy: z.string().trim().max(80).optional(),
  /** {{gift}}: what a paid order gets, as it reads in a sentence ("一双袜子", "a tote bag"). */
  gift: z.string().trim().max(80).optional(),
}));
export type Shop = z.infer<typeof ShopSchema>;

export const SettingsSchema = lazySchema(() => z.object({
  /** Per platform: shop name, signature, message language. */
  shops: z.partialRecord(z.enum(PLATFORMS), ShopSchema).default({}),
  /** Message language when neither the buyer nor the platform decides. */
  defaultLanguage: z.enum(LANGUAGES).default('zh-CN'),
  /** Paid or closed orders whose status settled more than this many days ago are deleted; 0 keeps them. */
  retentionDays: z.number().int().min(0).max(3650).default(0),
}));
export type Settings = z.infer<typeof SettingsSchema>;

/** What SettingsSchema makes of nothing stored (test/unit/zod-lazy.test.ts holds them equal): written out, so no schema is built at load. */
export const DEFAULT_SETTINGS: Settings = { shops: {}, defaultLanguage: 'zh-CN', retentionDays: 0 };

/** Stored settings, or the defaults when missing or unreadable. */
export function readSettings(value: unknown): Settings {
  const parsed = SettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The message language set for a platform's buyers, if any. */
export function platformLanguage(settings: Settings, platform: Platform): Language | undefined {
  return settings.shops[platform]?.language;
}

export interface ShopVars {
  shop?: string;
  seller?: string;
  cutoff?: string;
  returns?: string;
  gift?: string;
}

/** {{shop}}, {{seller}} and the shop facts for a platform's orders (ExtraVars of lib/compose/variables.ts). */
export function shopVars(settings: Settings, platform: Platform): ShopVars {
  const shop = settings.shops[platform];
  return {
    ...(shop?.shopName ? { shop: shop.shopName } : {}),
    ...(shop?.signature ? { seller: shop.signature } : {}),
    ...(shop?.shipsTodayCutoff ? { cutoff: shop.shipsTodayCutoff } : {}),
    ...(shop?.returnPolicy ? { returns: shop.returnPolicy } : {}),
    ...(shop?.gift ? { gift: shop.gift } : {}),
  };
}
