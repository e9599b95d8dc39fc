import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { requests } from './lazy';
import {
  ChannelSchema,
  OutcomeSchema,
  PageReadSchema,
  type Buyer,
  type ContactAttempt,
  type Order,
  type Platform,
} from '../orders/model';
import type { Money } from '../orders/money';
import type { MissingVariable, Suggestion } from '../compose/engine';
import { QueueQuerySchema, SuggestionChoicesSchema, WorkspaceRequests, type WorkspaceResponses } from './workspace';
import type { QueueFacets, QueueRow } from '../reminders/queue';
import type { Verdict } from '../reminders/cadence';
import type { BuyerProfile } from '../reminders/profile';
import { MilestoneRequests, type MilestoneResponses } from './milestones';
import { DataRequests, type DataResponses } from './data';
import { PlatformRequests, type PlatformResponses } from './platforms';
import { RecipeRequests, type RecipeResponses } from './recipes';
import { TeamRequests, type TeamResponses } from './team';
import type { ReplyError } from './errors';

// One protocol for every context. Each message is `{ type, ...payload }`,
// parsed with its schema where it is received; anything else is dropped.

const orderKeyField = lazySchema(() => z.string().min(3).max(200));
const tabIdField = lazySchema(() => z.number().int().nonnegative());

/** Requests the background answers, and who may send each. */
const CoreRequests = requests({
  // From content scripts on seller pages.
  // Orders are checked one by one in the handler: one odd row must not drop the whole page.
  'page/read': { from: 'content', schema: () => z.object({ read: PageReadSchema.extend({ orders: z.array(z.unknown()).max(2000) }) }) },
  // Code the sender's own frame needs now and most frames never do: the insertion into chat editors, the first time
  // it inserts a message (lib/content/insert-script.ts); the taught-recipe reader, when its page has a recipe
  // (lib/platforms/recipe/reader-host.ts); the structural reader, the first time the selectors read its page short
  // (lib/platforms/structure/reader-host.ts).
  'script/load': { from: 'content', schema: () => z.strictObject({ script: z.enum(['insert', 'recipes', 'structure']) }) },
  // From extension pages (panel, popup, options).
  // A window of the queue (default: the first 300 rows), filtered by the background.
  'orders/list': { from: 'extension', schema: () => QueueQuerySchema },
  // Optional reason/style/channel/language: the person's choices above the suggestions.
  'order/detail': { from: 'extension', schema: () => SuggestionChoicesSchema.extend({ orderKey: orderKeyField }) },
  'suggestion/insert': {
    from: 'extension',
    schema: () => z.object({ tabId: tabIdField, orderKey: orderKeyField, templateId: z.string().max(100), text: z.string().min(1).max(5000) }),
  },
  'suggestion/copied': {
    from: 'extension',
    schema: () => z.object({ orderKey: orderKeyField, templateId: z.string().max(100), text: z.string().min(1).max(5000) }),
  },
  'attempt/manual': {
    from: 'extension',
    schema: () => z.object({
      orderKey: orderKeyField,
      channel: ChannelSchema,
      outcome: OutcomeSchema,
      note: z.string().max(5000).optional(),
      direction: z.enum(['outbound', 'inbound']).optional(),
      templateId: z.string().max(100).optional(),
      /** What was said or the call script used. */
      text: z.string().max(5000).optional(),
      promisedAt: z.number().int().nonnegative().optional(),
    }),
  },
  'attempt/outcome': {
    from: 'extension',
    schema: () => z.object({
      id: z.string().min(1).max(100),
      outcome: OutcomeSchema,
      note: z.string().max(5000).optional(),
      promisedAt: z.number().int().nonnegative().optional(),
    }),
  },
  'summary/get': { from: 'extension', schema: () => z.object({}) },
});

/**
 * Every request, core and per feature area. Each area keeps its requests in
 * lib/messaging/<area>.ts and its handlers in lib/background/<area>.ts.
 */
export const BackgroundRequests = { ...CoreRequests, ...WorkspaceRequests, ...MilestoneRequests, ...DataRequests, ...PlatformRequests, ...RecipeRequests, ...TeamRequests } as const;

export type BackgroundRequestType = keyof typeof BackgroundRequests;
export type BackgroundRequest<K extends BackgroundRequestType> = z.infer<(typeof BackgroundRequests)[K]['schema']>;

export interface TabContext {
  tabId?: number;
  url?: string;
  platform?: Platform;
  /** Order keys the bound tab shows right now. */
  orderKeys: string[];
  /** Buyer of the conversation open on the bound tab, if it is a chat. */
  chatBuyer?: string;
  hasComposer: boolean;
}

/** One row of the panel's queue (slim: the detail pane reads the whole order with 'order/detail'). */
export type OrderListEntry = QueueRow;

export interface InsertOutcome {
  inserted: boolean;
  /** How the text got in, or why it did not. */
  method: string;
  attemptId?: string;
}

export interface BackgroundResponses extends WorkspaceResponses, MilestoneResponses, DataResponses, PlatformResponses, RecipeResponses, TeamResponses {
  'page/read': { written: number; gone: number };
  'script/load': { ok: boolean };
  'orders/list': {
    /** Rows offset … offset + limit of the filtered queue. */
    orders: OrderListEntry[];
    offset: number;
    /** Rows that pass the filters. */
    total: number;
    /** Every order with money to collect. */
    all: number;
    facets: QueueFacets;
    tab: TabContext;
  };
  'order/detail': {
    order: Order;
    buyer?: Buyer;
    attempts: ContactAttempt[];
    suggestions: Suggestion[];
    /** What the person could fill in to unlock more suggestions for this round. */
    missing?: MissingVariable[];
    /** Everything we have seen of this buyer, across orders. */
    profile: BuyerProfile;
    verdict: Verdict;
  };
  'suggestion/insert': InsertOutcome;
  'suggestion/copied': { attemptId: string };
  'attempt/manual': { attemptId: string };
  'attempt/outcome': { attempt: ContactAttempt };
  'summary/get': { count: number; totals: Money[] };
}

export type { ContentResponses } from './content';

/** Broadcast from the background to extension pages (kept in ./signals so the popup need not load this module). */
export { DB_CHANGED } from './signals';

/** A handler's answer. A refusal is a code with parameters (./errors), put into words by the page that shows it. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

/**
 * Parses an incoming `{type, ...}` message against a table of schemas.
 * Returns undefined for anything that is not exactly one of our messages.
 */
export function parseMessage<T extends Record<string, z.ZodType>>(
  table: T,
  raw: unknown,
): { type: keyof T & string; payload: unknown } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return undefined;
  const { type: _drop, ...rest } = raw as Record<string, unknown>;
  const parsed = table[type]!.safeParse(rest);
  return parsed.success ? { type, payload: parsed.data } : undefined;
}
