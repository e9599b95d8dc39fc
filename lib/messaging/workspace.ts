// Requests of the reminder workspace: queue, buyers, settings, cadence, follow-ups.
// Shape: 'area/verb': { from: 'extension' | 'content', schema: () => z.object({...}) }, built on first use (./lazy.ts).
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/workspace.ts.
import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { requests } from './lazy';
import type { Buyer, Order } from '../orders/model';
import type { Suggestion } from '../compose/engine';
import { CadenceSettingsSchema, type CadenceSettings } from '../reminders/settings';
import { STATUS_FILTERS } from '../reminders/queue';
import { PlatformSchema } from '../orders/model';

const orderKeyField = lazySchema(() => z.string().min(3).max(200));
const instant = lazySchema(() => z.number().int().nonnegative());
/** The suggestion engine's choices; its own module knows the valid values, unknown ones are ignored there. */
const choice = lazySchema(() => z.string().min(1).max(40).optional());

/** What the person chose above the suggestions: suspected reason, style, channel, language. */
const filled = lazySchema(() => z.string().trim().min(1).max(200).optional());
/** What the person typed in place for this order: fills what the page could not give ({{item}}) or settings lack. */
export const FillInSchema = lazySchema(() => z.object({ item: filled, coupon: filled, gift: filled, shop: filled, seller: filled, cutoff: filled, returns: filled }));
export type FillIn = z.infer<typeof FillInSchema>;

export const SuggestionChoicesSchema = lazySchema(() => z.object({
  reason: choice,
  style: choice,
  channel: choice,
  language: choice,
  vars: FillInSchema.optional(),
  /** Order facts the person confirms for this order (the engine's ORDER_FACTS; unknown ones are ignored there). */
  facts: z.array(choice.unwrap()).max(5).optional(),
}));
export type SuggestionChoices = z.infer<typeof SuggestionChoicesSchema>;

export const BuyerPatchSchema = lazySchema(() => z.object({
  note: z.string().max(5000).optional(),
  doNotRemind: z.boolean().optional(),
  language: z.string().max(20).optional(),
  timeZone: z.string().max(64).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
}));

/** Team sync's queue filter: every order, those this agent is on, or those no agent is on (claims of the last 10 minutes). */
export const CLAIM_FILTERS = ['all', 'mine', 'unclaimed'] as const;

/** The panel's filters, applied by the background before paging. */
export const QueueFilterSchema = lazySchema(() => z.object({
  search: z.string().max(200).optional(),
  platform: z.union([PlatformSchema, z.literal('all')]).optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  tag: z.string().max(60).optional(),
  claim: z.enum(CLAIM_FILTERS).optional(),
}));

/** 'orders/list': the bound tab, a window of the queue (offset, limit) and the filters. */
export const QueueQuerySchema = lazySchema(() => z.object({
  tabId: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().max(1_000_000).optional(),
  limit: z.number().int().min(1).max(2000).optional(),
  /** When more rows pass than `limit` (the panel then draws only the rows in view), send only this many. */
  screen: z.number().int().min(1).max(2000).optional(),
  filter: QueueFilterSchema.optional(),
}));

export const WorkspaceRequests = requests({
  'suggestions/get': { from: 'extension', schema: () => SuggestionChoicesSchema.extend({ orderKey: orderKeyField }) },
  'buyer/update': { from: 'extension', schema: () => z.object({ buyerKey: z.string().min(3).max(300), patch: BuyerPatchSchema }) },
  'settings/cadence-get': { from: 'extension', schema: () => z.object({}) },
  'settings/cadence-set': { from: 'extension', schema: () => z.object({ settings: CadenceSettingsSchema }) },
  /** Schedules a check on an order at `at`, or clears its follow-up with null. */
  'followup/set': { from: 'extension', schema: () => z.object({ orderKey: orderKeyField, at: instant.nullable(), note: z.string().max(500).optional() }) },
  /** The buyer says they paid: wait for the page to show it, remind the person to check if it does not. */
  'order/says-paid': { from: 'extension', schema: () => z.object({ orderKey: orderKeyField, note: z.string().max(5000).optional() }) },
  /** Leaves a "select this order" hint for the next panel that opens. */
  'workspace/select': { from: 'extension', schema: () => z.object({ orderKey: orderKeyField }) },
  'workspace/select-take': { from: 'extension', schema: () => z.object({}) },
  /** The panel's current selection, for the keyboard shortcut. */
  'workspace/selected': { from: 'extension', schema: () => z.object({ orderKey: orderKeyField.optional() }) },
});

export interface WorkspaceResponses {
  'suggestions/get': { suggestions: Suggestion[] };
  'buyer/update': { buyer: Buyer };
  'settings/cadence-get': { settings: CadenceSettings };
  'settings/cadence-set': { settings: CadenceSettings };
  'followup/set': { order: Order };
  'order/says-paid': { attemptId: string; order: Order };
  'workspace/select': { ok: true };
  'workspace/select-take': { orderKey?: string };
  'workspace/selected': { ok: true };
}

/** Broadcast to panels: select this order (a notification was clicked). */
export const PANEL_SELECT = 'panel/select-now';
