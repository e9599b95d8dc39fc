import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { BackupSchema, KEY_FIELD, type StoreName } from '../backup/format';
import { SETTINGS_KEY } from '../settings';
import { CADENCE_KEY } from '../reminders/settings';
import { RECIPE_KEY_PREFIX } from '../messaging/recipes';
import { timeOrdered } from '../store/pack';
import type { ContactAttempt } from '../orders/model';

// What a shared record looks like in the team database: one document per
// record, `<kind>:<key>`, the record itself under `record`. Incoming
// documents are checked with the very schemas a backup import uses.
// Attempts travel as this browser stores them: one document per order,
// `attempts:<orderKey>`, with every attempt on the order (a big shop's year
// is 500,000 attempts over 50,000 orders, and both the server and IndexedDB
// pay per document). Two agents logging on one order at once make a
// conflict, which the rules resolve by keeping every attempt of both.
// Servers written by earlier versions hold one `attempt:<id>` document per
// attempt: each is read as a pack of one and merged into its order's.

export type Rec = Record<string, unknown>;

const PREFIX: Record<StoreName, string> = {
  orders: 'order',
  buyers: 'buyer',
  attempts: 'attempts',
  templates: 'template',
  milestones: 'plan',
  settings: 'setting',
};
const STORE_OF = new Map(Object.entries(PREFIX).map(([store, prefix]) => [prefix, store as StoreName]));

/** Earlier versions' one document per attempt. */
const LEGACY_ATTEMPT = 'attempt:';

/** The field each store's records are filed under in the team database (attempts: their order's pack). */
export const SYNC_KEY: Record<StoreName, string> = { ...KEY_FIELD, attempts: 'orderKey' };

export const CLAIM_PREFIX = 'claim:';
/** How long "小王 is on it" shows after the agent opened or inserted. */
export const CLAIM_MS = 10 * 60_000;

/**
 * Settings records every agent shares: the shop facts, the cadence and the
 * taught page recipes. Everything else in the settings store is this
 * browser's own (selection, prune time, counters).
 */
export function isSharedSetting(key: string): boolean {
  return key === SETTINGS_KEY || key === CADENCE_KEY || key.startsWith(RECIPE_KEY_PREFIX);
}

export function isShared(store: StoreName, record: Rec): boolean {
  return store !== 'settings' || isSharedSetting(String(record.key));
}

export function recordKey(store: StoreName, record: Rec): string {
  return String(record[SYNC_KEY[store]]);
}

export function docId(store: StoreName, key: string): string {
  return `${PREFIX[store]}:${key}`;
}

export function storeOfDocId(id: string): StoreName | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? STORE_OF.get(id.slice(0, colon)) : undefined;
}

/**
 * One record of each store, exactly as a backup import checks it (records keep fields we do not know). Made at the
 * first record sync checks, not as the background's modules load: with sync off none is ever checked.
 */
let recordSchemas: Record<StoreName, z.ZodType> | undefined;
function recordSchema(store: StoreName): z.ZodType {
  if (!recordSchemas) {
    const stores = BackupSchema.shape.stores.shape;
    recordSchemas = {
      orders: stores.orders.element,
      buyers: stores.buyers.element,
      attempts: AttemptPackSchema,
      // The template check (parseTemplateRecord) sits on the list: a template is checked as a list of one.
      templates: stores.templates,
      milestones: stores.milestones.element,
      settings: stores.settings.element,
    };
  }
  return recordSchemas[store];
}

export const ClaimSchema = lazySchema(() => z.object({ orderKey: z.string().min(3).max(200), agent: z.string().min(1).max(100), at: z.number().int().nonnegative() }));
export type Claim = z.infer<typeof ClaimSchema>;

/** Attempts on one order as shared: each as an import checks it, all filed under the pack's order. */
const AttemptPackSchema = lazySchema(() =>
  z
    .object({ orderKey: z.string().max(200), attempts: z.array(BackupSchema.shape.stores.shape.attempts.element).min(1).max(MAX_PACK) })
    .refine((p) => p.attempts.every((a) => a.orderKey === p.orderKey), { message: 'an attempt of another order' }),
);
/** Attempts on one order (an order reminded daily for years is a few thousand). */
const MAX_PACK = 20_000;

/** The shared form of a pack: its order and attempts, in the stored order (lib/store/pack.ts), without the index lists. */
export function sharedPack(orderKey: string, attempts: readonly Rec[]): Rec {
  return { orderKey, attempts: timeOrdered(attempts as unknown as ContactAttempt[]) };
}

export type Incoming =
  | { kind: 'record'; store: StoreName; key: string; record: Rec; legacy?: true }
  | { kind: 'claim'; claim: Claim }
  | { kind: 'skip' }
  | { kind: 'refused'; id: string; reason: string };

/**
 * Checks a document that came from the server. A record must parse with its
 * store's import schema, be filed under its own key and be one we share; a
 * claim must be a claim. Anything else is refused (reported, never stored).
 */
export function parseIncoming(doc: unknown): Incoming {
  if (typeof doc !== 'object' || doc === null) return { kind: 'refused', id: '?', reason: 'not an object' };
  const { _id: id, _deleted: deleted } = doc as { _id?: unknown; _deleted?: unknown };
  if (typeof id !== 'string') return { kind: 'refused', id: '?', reason: 'no id' };
  // Design documents are the server's business; deletions never remove local data.
  if (id.startsWith('_design/') || deleted === true) return { kind: 'skip' };
  if (id.startsWith(CLAIM_PREFIX)) {
    const claim = ClaimSchema.safeParse((doc as { claim?: unknown }).claim);
    return claim.success && `${CLAIM_PREFIX}${claim.data.orderKey}` === id ? { kind: 'claim', claim: claim.data } : { kind: 'refused', id, reason: 'claim' };
  }
  if (id.startsWith(LEGACY_ATTEMPT)) return legacyAttempt(id, doc as { record?: unknown });
  const store = storeOfDocId(id);
  if (!store) return { kind: 'refused', id, reason: 'unknown kind' };
  const raw = (doc as { record?: unknown }).record;
  const parsed = store === 'templates' ? recordSchema('templates').safeParse([raw]) : recordSchema(store).safeParse(raw);
  if (!parsed.success) return refusedBy(id, parsed.error);
  const data = (store === 'templates' ? (parsed.data as Rec[])[0] : parsed.data) as Rec;
  const record = store === 'attempts' ? sharedPack(String(data.orderKey), data.attempts as Rec[]) : data;
  const key = recordKey(store, record);
  if (docId(store, key) !== id) return { kind: 'refused', id, reason: 'filed under another key' };
  if (!isShared(store, record)) return { kind: 'refused', id, reason: 'not shared' };
  return { kind: 'record', store, key, record };
}

/** A document its schema refused, with the first thing wrong in it. */
function refusedBy(id: string, error: z.ZodError): Incoming {
  const issue = error.issues[0];
  return { kind: 'refused', id, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
}

/** An earlier version's document of one attempt: a pack of one, merged into its order's (never written back). */
function legacyAttempt(id: string, doc: { record?: unknown }): Incoming {
  const one = BackupSchema.shape.stores.shape.attempts.element.safeParse(doc.record);
  if (!one.success) return refusedBy(id, one.error);
  const attempt = one.data as Rec;
  if (`${LEGACY_ATTEMPT}${String(attempt.id)}` !== id) return { kind: 'refused', id, reason: 'filed under another key' };
  const orderKey = String(attempt.orderKey);
  return { kind: 'record', store: 'attempts', key: orderKey, record: sharedPack(orderKey, [attempt]), legacy: true };
}

/** Fields each browser keeps for itself: counts its own store derives from the attempts and plans it holds. */
export const DERIVED: Partial<Record<StoreName, string[]>> = {
  orders: ['attemptCount', 'lastAttemptAt', 'dueMinor'],
  buyers: ['lastRemindedAt'],
  // Lists the pack's indexes read (lib/store/pack.ts): made again from the attempts on every write.
  attempts: ['ids', 'buyerKeys', 'followUps'],
};

/** A record as the team shares it (derived counts left out). */
export function sharedForm(store: StoreName, record: Rec): Rec {
  const fields = DERIVED[store];
  if (!fields) return record;
  const out = { ...record };
  for (const f of fields) delete out[f];
  return out;
}

/**
 * JSON with every object's keys in one order. A record that comes back from the server has been through its
 * import schema, which lists the fields in the schema's order, not in the order they were written here.
 */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** A short, stable hash of a record's content (cyrb53): equal content, equal hash, whatever the order of its fields. */
export function contentHash(value: unknown): string {
  const str = canonicalJson(value) ?? '';
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(36) + (h1 >>> 0).toString(36) + ':' + str.length.toString(36);
}
