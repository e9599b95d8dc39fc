import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';

// The domain types. Every value that crosses a boundary (page -> content
// script -> background, storage, imports) is parsed with these schemas once
// where it enters, then trusted.

export const PLATFORMS = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee', 'manual'] as const;
export const PlatformSchema = lazySchema(() => z.enum(PLATFORMS));
export type Platform = z.infer<typeof PlatformSchema>;

export const ORDER_STATUSES = ['unpaid', 'paid', 'closed', 'unknown'] as const;
export const OrderStatusSchema = lazySchema(() => z.enum(ORDER_STATUSES));
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

// Page text can be anything; cap it so one hostile row cannot bloat storage.
const text = (max: number) => z.string().max(max);
const instant = () => z.number().int().nonnegative();

export const MoneySchema = lazySchema(() => z.object({
  minor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/),
}));

export const BuyerRefSchema = lazySchema(() => z.object({
  nick: text(200).min(1),
  displayName: text(200).optional(),
  platformBuyerId: text(200).optional(),
}));
export type BuyerRef = z.infer<typeof BuyerRefSchema>;

export const OrderItemSchema = lazySchema(() => z.object({
  title: text(1000),
  sku: text(500).optional(),
  qty: z.number().int().positive().max(1_000_000),
  unitPrice: MoneySchema.optional(),
}));
export type OrderItem = z.infer<typeof OrderItemSchema>;

/** An order as one page shows it: what an adapter extracts. */
export const ObservedOrderSchema = lazySchema(() => z.object({
  platform: PlatformSchema,
  // Ids can be 19 digits: always strings.
  orderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  buyer: BuyerRefSchema,
  items: z.array(OrderItemSchema).max(200),
  amount: MoneySchema,
  shippingFee: MoneySchema.optional(),
  createdAt: instant().optional(),
  autoCloseAt: instant().optional(),
  // True when the deadline is our estimate from the platform's usual rule,
  // not a countdown the page showed.
  autoCloseEstimated: z.boolean().optional(),
  status: OrderStatusSchema,
  statusText: text(200).optional(),
  // Opened as a link from the panel: https only (no javascript:, data: or plain http from a page).
  chatUrl: z
    .string()
    .url()
    .max(2000)
    .refine((url) => URL.canParse(url) && new URL(url).protocol === 'https:', 'https only')
    .optional(),
}));
export type ObservedOrder = z.infer<typeof ObservedOrderSchema>;

/** How an order's current status became known. */
export const StatusSourceSchema = lazySchema(() => z.enum(['page', 'disappeared', 'person']));

export const FOLLOW_UP_KINDS = ['promised', 'says_paid', 'check'] as const;
/** A scheduled check on an order: a promise to pay by a time, a "buyer says paid" to verify, or a plain reminder to look again. */
export const FollowUpSchema = lazySchema(() => z.object({
  kind: z.enum(FOLLOW_UP_KINDS),
  at: instant(),
  /** The attempt whose outcome scheduled it. */
  attemptId: z.string().max(100).optional(),
  /** When the buyer said they paid (kind 'says_paid'). */
  since: instant().optional(),
  note: text(500).optional(),
  /** Set once the notification for it has been shown. */
  notifiedAt: instant().optional(),
}));
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const OrderSchema = lazySchema(() => ObservedOrderSchema.extend({
  key: z.string(),
  pageUrl: z.string().max(4000),
  /** The listing the order was last seen in; see PageRead.listKey. */
  listKey: z.string().max(4000).optional(),
  statusSource: StatusSourceSchema,
  firstSeenAt: instant(),
  /** When a page read last changed this order (a reread that changes nothing writes nothing). */
  lastSeenAt: instant(),
  statusChangedAt: instant(),
  nextFollowUpAt: instant().optional(),
  /** Contact attempts logged for this order (kept by the background with each attempt; see lib/store/buyers.ts). */
  attemptCount: z.number().int().nonnegative().optional(),
  /** When the last contact attempt for this order was logged. */
  lastAttemptAt: instant().optional(),
  /** The check the person asked for, or that an outcome scheduled; `nextFollowUpAt` mirrors `at` (indexed). */
  followUp: FollowUpSchema.optional(),
  /** Still to collect when less than the total (staged orders; filled from milestones). */
  dueMinor: z.number().int().nonnegative().optional(),
}));
export type Order = z.infer<typeof OrderSchema>;



export function orderKey(platform: Platform, orderId: string): string {
  return `${platform}:${orderId}`;
}

export function buyerKey(platform: Platform, nick: string): string {
  return `${platform}:${nick}`;
}

/** One read of an order page by an adapter. */
export const PageReadSchema = lazySchema(() => z.object({
  platform: PlatformSchema,
  url: z.string().max(4000),
  /**
   * Identifies the exact listing read (tab + filter + page number). Orders
   * missing from a later read of the same unpaid-only listing have left the
   * unpaid state; a different page of results says nothing about them.
   */
  listKey: z.string().max(4000),
  /** The listing shows only unpaid orders (the 待付款 tab). */
  unpaidOnly: z.boolean(),
  /**
   * The listing fits on this one page. On a paginated list an order can
   * simply move to page 2 when a new one arrives, so absence proves nothing.
   */
  complete: z.boolean(),
  orders: z.array(ObservedOrderSchema).max(2000),
  /** Rows that looked like orders but could not be read. */
  unreadable: z.number().int().nonnegative(),
  /**
   * The page is an order list (headers, tabs, a count) showing no "no
   * orders" message, yet no order row was found: the selectors no longer fit.
   */
  noRowsFound: z.boolean().optional(),
  /** The adapter's selector set, named in the "page looks unreadable" warning. */
  selectorsVersion: z.string().max(100).optional(),
  /**
   * Order numbers in the platform's format that the page shows as text but
   * that no order of this read carries: rows the reader missed, so absence
   * from this read proves nothing.
   */
  idsMissed: z.number().int().nonnegative().optional(),
  /**
   * Which reader produced the orders: the adapter's dated selectors, the
   * content-first structural reader, or a recipe the seller taught.
   */
  readPath: z.enum(['selectors', 'structure', 'recipe']).optional(),
  /** A recipe the seller taught for this page found no order on it: the page changed since, and wants teaching again. */
  recipeNoMatch: z.boolean().optional(),
}));
export type PageRead = z.infer<typeof PageReadSchema>;

export const BuyerSchema = lazySchema(() => z.object({
  key: z.string(),
  platform: PlatformSchema,
  nick: text(200),
  displayName: text(200).optional(),
  platformBuyerId: text(200).optional(),
  firstSeenAt: instant(),
  lastSeenAt: instant(),
  /** Orders of this buyer seen paid: more than zero makes a returning buyer. */
  paidOrderKeys: z.array(z.string()).max(10_000),
  note: text(5000).optional(),
  doNotRemind: z.boolean().optional(),
  /** Language to write to this buyer in (BCP 47, e.g. zh-CN, en, ru). */
  language: z.string().max(20).optional(),
  /** The buyer's IANA time zone when known; quiet hours are theirs then. */
  timeZone: z.string().max(64).optional(),
  /** The person's own labels for this buyer (filterable in the queue). */
  tags: z.array(text(40)).max(20).optional(),
  /** Last outbound reminder to this buyer on any order (for the one-per-day rule). */
  lastRemindedAt: instant().optional(),
}));
export type Buyer = z.infer<typeof BuyerSchema>;

export const CHANNELS = ['chat', 'phone', 'sms', 'email', 'other'] as const;
export const ChannelSchema = lazySchema(() => z.enum(CHANNELS));
export type Channel = z.infer<typeof ChannelSchema>;

export const OUTCOMES = ['pending', 'sent', 'no_reply', 'replied', 'promised', 'paid', 'refused', 'wrong_number', 'says_paid'] as const;
export const OutcomeSchema = lazySchema(() => z.enum(OUTCOMES));
export type Outcome = z.infer<typeof OutcomeSchema>;

export const AttemptActionSchema = lazySchema(() => z.enum(['inserted', 'copied', 'manual']));

export const ContactAttemptSchema = lazySchema(() => z.object({
  id: z.string().min(1).max(100),
  orderKey: z.string().max(200),
  buyerKey: z.string().max(300),
  platform: PlatformSchema,
  channel: ChannelSchema,
  direction: z.enum(['outbound', 'inbound']),
  action: AttemptActionSchema,
  templateId: z.string().max(100).optional(),
  text: text(5000),
  at: instant(),
  outcome: OutcomeSchema,
  /** When the buyer promised to pay, for "promised". */
  promisedAt: instant().optional(),
  note: text(5000).optional(),
  followUpAt: instant().optional(),
  /** The display name of the agent who logged it (team sync; absent when sync was never on). */
  agent: text(100).optional(),
}));
export type ContactAttempt = z.infer<typeof ContactAttemptSchema>;
