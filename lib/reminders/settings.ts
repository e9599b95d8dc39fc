import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';

// The cadence rules: when PayNudge suggests reminding a buyer and when it
// holds back. One record in the 'settings' store under CADENCE_KEY, read and
// written with 'settings/cadence-get' / 'settings/cadence-set'. Every field
// has a default so an older or partial record still parses.

export const CADENCE_KEY = 'cadence';

const hhmm = lazySchema(() => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const QuietHoursSchema = lazySchema(() => z.object({
  enabled: z.boolean().default(true),
  /** Wall time where quiet hours start; may be later than `end` (across midnight). */
  start: hhmm.default('22:00'),
  end: hhmm.default('08:00'),
}));

export const CadenceSettingsSchema = lazySchema(() => z.object({
  /** No first reminder before this many minutes after the order was placed: many buyers pay by themselves. */
  firstDelayMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
  /** At most this many reminders per order. */
  maxPerOrder: z.number().int().min(1).max(10).default(3),
  /** At most one reminder per buyer in 24 hours, across all their orders. */
  onePerBuyerPerDay: z.boolean().default(true),
  /** Quiet hours, in the buyer's time zone when known, else the seller's. */
  quietHours: QuietHoursSchema.default(() => QuietHoursSchema.parse({})),
  /** The seller's IANA time zone; empty = the browser's. */
  sellerTimeZone: z.string().max(64).default(''),
  /** The last reminder before auto-close may go this many minutes before it, even within a day of the previous one. */
  preCloseMinutes: z.number().int().min(0).max(24 * 60).default(120),
  /** When the buyer says they paid, check the page after this many minutes. */
  saysPaidCheckMinutes: z.number().int().min(1).max(7 * 24 * 60).default(30),
  /** A promise to pay without a time is checked after this many hours. */
  promisedDefaultHours: z.number().min(0.25).max(14 * 24).default(12),
  /** Show a notification when a follow-up is due. */
  notifications: z.boolean().default(true),
}));
export type CadenceSettings = z.infer<typeof CadenceSettingsSchema>;

/** What CadenceSettingsSchema makes of nothing stored (test/unit/zod-lazy.test.ts holds them equal): written out, so no schema is built at load. */
export const DEFAULT_CADENCE: CadenceSettings = {
  firstDelayMinutes: 30,
  maxPerOrder: 3,
  onePerBuyerPerDay: true,
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
  sellerTimeZone: '',
  preCloseMinutes: 120,
  saysPaidCheckMinutes: 30,
  promisedDefaultHours: 12,
  notifications: true,
};

/** Stored cadence settings, or the defaults for anything missing or unreadable. */
export function readCadence(value: unknown): CadenceSettings {
  const parsed = CadenceSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_CADENCE;
}
