import { z } from 'zod';
import { PLATFORMS, type Platform } from './orders/model';
import { LANGUAGES, type Language } from './compose/model';

// The seller's shop settings, one record in the 'settings' store (key
// 'app'), read and written through 'settings/get' / 'settings/set'. Cadence,
// quiet hours and notifications live in lib/reminders/settings.ts (key
// 'cadence', 'settings/cadence-get' / 'settings/cadence-set'); the options
// page edits both. Every field has a default so a partial record still parses.

export const SETTINGS_KEY = 'app';

export const ShopSchema = z.object({
  /** {{shop}} in templates. */
  shopName: z.string().trim().max(100).default(''),
  /** {{seller}} in templates: how the seller signs. */
  signature: z.string().trim().max(300).default(''),
  /** Language of the messages suggested for this platform's buyers; absent: the default. */
  language: z.enum(LANGUAGES).optional(),
});
export type Shop = z.infer<typeof ShopSchema>;

export const SettingsSchema = z.object({
  /** Per platform: shop name, signature, message language. */
  shops: z.partialRecord(z.enum(PLATFORMS), ShopSchema).default({}),
  /** Message language when neither the buyer nor the platform decides. */
  defaultLanguage: z.enum(LANGUAGES).default('zh-CN'),
  /** Paid or closed orders whose status settled more than this many days ago are deleted; 0 keeps them. */
  retentionDays: z.number().int().min(0).max(3650).default(0),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Stored settings, or the defaults when missing or unreadable. */
export function readSettings(value: unknown): Settings {
  const parsed = SettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The message language set for a platform's buyers, if any. */
export function platformLanguage(settings: Settings, platform: Platform): Language | undefined {
  return settings.shops[platform]?.language;
}

/** {{shop}} and {{seller}} for a platform's orders (ExtraVars of lib/compose/variables.ts). */
export function shopVars(settings: Settings, platform: Platform): { shop?: string; seller?: string } {
  const shop = settings.shops[platform];
  return { ...(shop?.shopName ? { shop: shop.shopName } : {}), ...(shop?.signature ? { seller: shop.signature } : {}) };
}
