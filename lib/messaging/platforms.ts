// Requests of the platform adapters' area: adapter health and the
// manual order form for off-platform B2B deals.
// Shape: 'area/verb': { from: 'extension' | 'content', schema: () => z.object({...}) }, built on first use (./lazy.ts).
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/platforms.ts.
import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { requests } from './lazy';
import { PlatformSchema, type Order, type Platform } from '../orders/model';

/** Currencies the manual form offers first; any ISO code the form sends is accepted. */
export const MANUAL_CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'BRL', 'RUB', 'VND', 'MYR', 'IDR', 'THB', 'PHP', 'SGD', 'HKD', 'JPY', 'KRW', 'AUD', 'CAD', 'MXN', 'AED', 'INR'] as const;

/**
 * What the manual order form sends. Shapes and sizes only: the handler checks
 * meaning (a readable total, dates in order) and answers with a clear message,
 * where a schema failure here would drop the message without a reply.
 */
export const ManualOrderInputSchema = lazySchema(() => z.object({
  buyer: z.string().max(400),
  contact: z.string().max(400).optional(),
  items: z.array(z.object({ title: z.string().max(2000), qty: z.number() })).max(100),
  total: z.string().max(60),
  currency: z.string().max(10),
  createdAt: z.number().optional(),
  deadlineAt: z.number().optional(),
  note: z.string().max(20_000).optional(),
}));
export type ManualOrderInput = z.infer<typeof ManualOrderInputSchema>;

export const PlatformRequests = requests({
  // Which seller pages look unreadable: the bound tab's, and any tab's recent ones.
  'health/get': { from: 'extension', schema: () => z.object({ tabId: z.number().int().nonnegative().optional() }) },
  'order/manual-create': { from: 'extension', schema: () => ManualOrderInputSchema },
});

/**
 * How a seller page reads short: no row found at all, rows that failed, or
 * order numbers on the page that no read order carries. 'degraded' is a page
 * read right by the structural reader or a taught recipe while the built-in
 * selectors no longer match: it works, and says so instead of staying silent.
 */
export type HealthKind = 'no-rows' | 'unreadable-rows' | 'short-read' | 'degraded';

/** Where the background keeps the health list (settings store), so a worker restart keeps the warnings. */
export const HEALTH_KEY = 'pf.health';

/** One stored health problem, checked when the list is loaded and when a backup is imported. */
export const HealthProblemSchema = lazySchema(() => z.object({
  tabId: z.number().int().nonnegative(),
  frameId: z.number().int().nonnegative().optional(),
  platform: PlatformSchema,
  url: z.string().max(4000),
  listKey: z.string().max(2000),
  unpaidOnly: z.boolean(),
  selectorsVersion: z.string().max(100).optional(),
  kind: z.enum(['no-rows', 'unreadable-rows', 'short-read', 'degraded']),
  count: z.number().int().nonnegative(),
  readPath: z.enum(['selectors', 'structure', 'recipe']).optional(),
  recipeNoMatch: z.boolean().optional(),
  rows: z.number().int().nonnegative(),
  at: z.number().nonnegative(),
}));
export const HealthListSchema = lazySchema(() => z.array(HealthProblemSchema).max(1000));

/** A seller page whose orders PayNudge could not (all) read. */
export interface HealthProblem {
  tabId: number;
  /** The frame of the tab whose script read the page, when not the top one (a pane served by another seller host). */
  frameId?: number;
  platform: Platform;
  url: string;
  listKey: string;
  /** The listing shows only unpaid orders (待付款). */
  unpaidOnly: boolean;
  selectorsVersion?: string;
  kind: HealthKind;
  /** Rows that failed ('unreadable-rows'), order numbers missed ('short-read'), orders read ('degraded'); 0 for 'no-rows'. */
  count: number;
  /** The reader that read the page (see PageRead.readPath). */
  readPath?: 'selectors' | 'structure' | 'recipe';
  /** A recipe taught for this page no longer finds its orders: offer to teach it again. */
  recipeNoMatch?: boolean;
  /** Rows the page showed, read or not. */
  rows: number;
  at: number;
}

export interface PlatformResponses {
  'health/get': { problems: HealthProblem[] };
  'order/manual-create': { order: Order };
}

export type ManualField = 'buyer' | 'contact' | 'items' | 'qty' | 'total' | 'currency' | 'createdAt' | 'deadlineAt' | 'note';
export type ManualErrorKey = 'pf.err.buyer' | 'pf.err.items' | 'pf.err.qty' | 'pf.err.total' | 'pf.err.totalZero' | 'pf.err.currency' | 'pf.err.date' | 'pf.err.deadline' | 'pf.err.tooLong';

/** A manual order that passed validation, ready to store. */
export interface ManualOrderValue {
  buyer: string;
  contact?: string;
  items: { title: string; qty: number }[];
  amount: { minor: number; currency: string };
  createdAt?: number;
  deadlineAt?: number;
  note?: string;
}

export type ManualValidation =
  | { ok: true; value: ManualOrderValue }
  | { ok: false; errors: Partial<Record<ManualField, { key: ManualErrorKey; vars?: Record<string, string | number> }>> };

const CURRENCY = /^[A-Z]{3}$/;
const LIMITS = { buyer: 200, contact: 200, title: 1000, note: 5000 } as const;

/**
 * Checks what a person typed into the manual order form. Used by the form
 * (messages next to each field) and by the background (the one that stores).
 * The total is read in the chosen currency: "5,000.00", "5000", "12.500,00".
 */
export function validateManualOrder(input: ManualOrderInput, parseAmount: (text: string, currency: string) => { minor: number; currency: string } | null): ManualValidation {
  const errors: Extract<ManualValidation, { ok: false }>['errors'] = {};
  const buyer = input.buyer.trim();
  if (!buyer) errors.buyer = { key: 'pf.err.buyer' };
  else if (buyer.length > LIMITS.buyer) errors.buyer = { key: 'pf.err.tooLong', vars: { max: LIMITS.buyer } };
  const contact = input.contact?.trim() || undefined;
  if (contact && contact.length > LIMITS.contact) errors.contact = { key: 'pf.err.tooLong', vars: { max: LIMITS.contact } };
  const items = input.items.map((i) => ({ title: i.title.trim(), qty: i.qty })).filter((i) => i.title);
  if (items.length === 0) errors.items = { key: 'pf.err.items' };
  else if (items.some((i) => i.title.length > LIMITS.title)) errors.items = { key: 'pf.err.tooLong', vars: { max: LIMITS.title } };
  if (items.some((i) => !Number.isInteger(i.qty) || i.qty < 1 || i.qty > 1_000_000)) errors.qty = { key: 'pf.err.qty' };
  const currency = input.currency.trim().toUpperCase();
  let amount: ManualOrderValue['amount'] | null = null;
  if (!CURRENCY.test(currency)) errors.currency = { key: 'pf.err.currency' };
  else {
    // The amount alone: a currency symbol typed into the box must agree with the chosen one.
    amount = parseAmount(input.total, currency);
    if (!amount || amount.currency !== currency) errors.total = { key: 'pf.err.total' };
    else if (amount.minor <= 0) errors.total = { key: 'pf.err.totalZero' };
  }
  const instant = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n >= 0);
  if (!instant(input.createdAt)) errors.createdAt = { key: 'pf.err.date' };
  if (!instant(input.deadlineAt)) errors.deadlineAt = { key: 'pf.err.date' };
  else if (input.deadlineAt !== undefined && input.createdAt !== undefined && input.deadlineAt < input.createdAt) errors.deadlineAt = { key: 'pf.err.deadline' };
  const note = input.note?.trim() || undefined;
  if (note && note.length > LIMITS.note) errors.note = { key: 'pf.err.tooLong', vars: { max: LIMITS.note } };
  if (Object.keys(errors).length > 0 || !amount) return { ok: false, errors };
  return { ok: true, value: { buyer, contact, items, amount, createdAt: input.createdAt, deadlineAt: input.deadlineAt, note } };
}
