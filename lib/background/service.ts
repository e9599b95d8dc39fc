
import { markOnce } from './marks';
import {
  BackgroundRequests,
  parseMessage,
  type BackgroundRequestType,
  type Reply,
  type TabContext,
} from '../messaging/protocol';
import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { buyerKey, ObservedOrderSchema, orderKey, PlatformSchema, type ContactAttempt, type ObservedOrder, type Order, type PageRead } from '../orders/model';
import { isSellerUrl } from '../platforms/hosts';
import { INSERT_SCRIPT } from '../content/insert-script';
import { RECIPE_SCRIPT } from '../platforms/recipe/reader-host';
import { STRUCTURE_SCRIPT } from '../platforms/structure/reader-host';
import type { Db } from '../store/db';
import type { BackgroundDeps, Handler, HandlerContext, SenderInfo } from './handler';
import { UserError, type ReplyError } from '../messaging/errors';
import { queueSummary, queueWindowOpening } from './queue';
import { commitContactAction, invalidateQueues, queueWindow, readCadenceSettings, suggestionSetFor, workspaceHandlers } from './workspace';
import { evaluateCadence } from '../reminders/cadence';
import { summariseBuyer } from '../reminders/profile';
import { milestoneHandlers } from './milestones';
import { dataHandlers, suggestionExtras } from './data';
import { platformArea, readMatchesSender } from './platforms';
import { recipeHandlers } from './recipes';
import { eraseTeamCopy, teamHandlers } from './team';
import { currentAgent } from '../sync/agent';
import { storageErrorCode } from './errors';
import { listAttempts, listBuyerAttempts } from '../store/attempts';
import { applyPageRead, getBuyer, getOrder } from '../store/orders';
import { newBuyerOf } from '../store/buyers';

export type { AreaHandlers, BackgroundDeps, HandlerContext, SenderInfo } from './handler';

/** The code a seller frame may ask for ('script/load'), by the name it asks with. */
const SCRIPTS = { insert: INSERT_SCRIPT, recipes: RECIPE_SCRIPT, structure: STRUCTURE_SCRIPT } as const;

/** A content script's 'tab/context' reply: from a seller page, so checked like any page input before use. */
const TabContextReplySchema = lazySchema(() => z.object({
  platform: PlatformSchema.exclude(['manual']),
  orderIds: z.array(z.string().min(1).max(100)).max(5000),
  chatBuyer: z.object({ nick: z.string().min(1).max(200) }).loose().optional(),
  hasComposer: z.boolean(),
}));

/** The reply when it is well formed, else undefined (treated as no content script). */
export function parseTabContextReply(raw: unknown): z.infer<typeof TabContextReplySchema> | undefined {
  const parsed = TabContextReplySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A tab's context from its content script's 'tab/context' reply (checked; a bad or missing one knows no orders). */
export function tabContextOf(tabId: number, raw: unknown, url?: string): TabContext {
  const context = parseTabContextReply(raw);
  if (!context) return { tabId, url, orderKeys: [], hasComposer: false };
  const platform = context.platform;
  return {
    tabId,
    url,
    platform,
    orderKeys: context.orderIds.map((id) => orderKey(platform, id)),
    chatBuyer: context.chatBuyer?.nick,
    hasComposer: context.hasComposer,
  };
}

/**
 * The reply for a failed handler: a refusal's own code, storage trouble named plainly,
 * anything else as 'internal' with the technical detail (the page logs it, and shows one generic line).
 */
export function replyErrorFor(error: unknown): ReplyError {
  if (error instanceof UserError) return error.toReply();
  const storage = storageErrorCode(error);
  if (storage) return { code: storage };
  return { code: 'internal', params: { detail: (error instanceof Error ? error.message : String(error)).slice(0, 2000) } };
}

/** Who sent a message: our own extension page, our content script on a seller page, or nobody we talk to. */
export function senderKind(sender: SenderInfo, deps: Pick<BackgroundDeps, 'extensionId' | 'extensionOrigin'>): 'extension' | 'content' | undefined {
  if (sender.id !== deps.extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(deps.extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && isSellerUrl(sender.url)) return 'content';
  return undefined;
}

export function createBackground(browserDeps: BackgroundDeps) {
  // Every write through a handler ends in changed(): the cached queue is read again after it.
  const deps: BackgroundDeps = {
    ...browserDeps,
    changed() {
      invalidateQueues();
      browserDeps.changed();
    },
  };
  // Each schema is built when its first message arrives (lib/messaging/lazy.ts), not all of them at start.
  const schemas = {} as { [K in BackgroundRequestType]: (typeof BackgroundRequests)[K]['schema'] };
  for (const type of Object.keys(BackgroundRequests) as BackgroundRequestType[]) {
    Object.defineProperty(schemas, type, { get: () => BackgroundRequests[type].schema, enumerable: true });
  }

  async function tabContext(tabId: number | undefined): Promise<TabContext> {
    if (tabId === undefined) return { orderKeys: [], hasComposer: false };
    const [url, raw] = await Promise.all([deps.tabUrl(tabId), deps.askTab(tabId, 'tab/context', {})]);
    return tabContextOf(tabId, raw, url);
  }

  async function requireOrder(db: Db, key: string): Promise<Order> {
    const order = await getOrder(db, key);
    if (!order) throw new UserError('order-gone', { orderKey: key });
    return order;
  }

  async function logAttempt(
    db: Db,
    order: Order,
    fields: Pick<ContactAttempt, 'action' | 'channel' | 'text' | 'outcome'> & Partial<ContactAttempt>,
    options: { markPaid?: boolean } = {},
  ) {
    const attempt: ContactAttempt = {
      id: deps.newId(),
      orderKey: order.key,
      buyerKey: buyerKey(order.platform, order.buyer.nick),
      platform: order.platform,
      direction: 'outbound',
      at: deps.now(),
      ...fields,
    };
    // Once team sync has been on, every attempt names the agent who logged it.
    const agent = await currentAgent();
    if (agent) attempt.agent = agent;
    // The attempt, the order's and buyer's counts, its follow-up and "paid": one transaction, whole or nothing.
    const stored = await commitContactAction(db, { kind: 'log', attempt, markPaid: options.markPaid }, attempt.at);
    deps.changed();
    return stored ?? attempt;
  }

  const context: HandlerContext = { deps, requireOrder, logAttempt, tabContext };
  const platforms = platformArea(context);

  const data = dataHandlers(context);
  const handlers: { [K in BackgroundRequestType]: Handler<K> } = {
    ...workspaceHandlers(context),
    ...milestoneHandlers(context),
    ...data,

    async 'data/erase'(request, sender) {
      // Everything: team sync and its local copy first (the server keeps its data), the stores,
      // the health list held in memory (else the next read writes it back) and the notifications on screen.
      await eraseTeamCopy();
      const result = await data['data/erase'](request, sender);
      platforms.forget();
      await deps.clearNotifications?.().catch(() => undefined);
      return result;
    },
    ...platforms.handlers,
    ...recipeHandlers(context),
    ...teamHandlers(context),

    async 'script/load'({ script }, sender) {
      // Into the sender's own frame of a seller page, never another frame or tab; one of the scripts named in SCRIPTS.
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sender.url || !isSellerUrl(sender.url) || !deps.loadScript) return { ok: false };
      return { ok: await deps.loadScript(tabId, sender.frameId ?? 0, SCRIPTS[script]) };
    },

    async 'page/read'({ read: raw }, sender) {
      // A read names the platform of the page that sent it, never another's (nor 'manual').
      if (!readMatchesSender(raw, sender)) return { written: 0, gone: 0 };
      const orders: ObservedOrder[] = [];
      let unreadable = raw.unreadable;
      for (const candidate of raw.orders) {
        const parsed = ObservedOrderSchema.safeParse(candidate);
        // Another platform's order from this content script is not a row we trust either.
        if (parsed.success && parsed.data.platform === raw.platform) orders.push(parsed.data);
        else unreadable++;
      }
      const read: PageRead = { ...raw, orders, unreadable };
      const result = await applyPageRead(await deps.db(), read, deps.now());
      await platforms.onPageRead(read, sender);
      if (result.written > 0) deps.changed();
      return { written: result.written, gone: result.gone.length };
    },

    async 'orders/list'({ tabId, ...query }) {
      // Ranked by value and urgency with the cadence verdict; the open chat's buyer and this tab's orders first.
      const options = { onStatsRebuilt: () => deps.changed() };
      const w = deps.dbName
        ? await queueWindowOpening(deps.db(), deps.dbName, deps.now(), tabContext(tabId), query, options)
        : await queueWindow(await deps.db(), deps.now(), tabContext(tabId), query, options);
      return { orders: w.rows, offset: w.offset, total: w.total, all: w.all, facets: w.facets, tab: w.tab };
    },

    async 'order/detail'({ orderKey: key, ...choices }) {
      const db = await deps.db();
      const order = await requireOrder(db, key);
      const bKey = buyerKey(order.platform, order.buyer.nick);
      const [stored, attempts, buyerAttempts, settings] = await Promise.all([
        getBuyer(db, bKey),
        listAttempts(db, key),
        listBuyerAttempts(db, bKey),
        readCadenceSettings(db),
      ]);
      const now = deps.now();
      // A buyer nothing is kept about yet has no record: the profile shows what their order says, and saving a
      // note or a rule makes the record (updateBuyer).
      const buyer = stored ?? newBuyerOf(order, now);
      const extras = await suggestionExtras(db, order, buyer.paidOrderKeys.length > 0 ? 'returning' : 'new', now);
      const { suggestions, missing } = suggestionSetFor(order, buyer, attempts.length, choices, now, extras);
      const lastAttemptAt = attempts[0]?.at;
      const verdict = evaluateCadence({ order, buyer, attempts: attempts.length, lastAttemptAt }, settings, now);
      return { order, buyer, attempts, suggestions, missing, profile: summariseBuyer(buyer, buyerAttempts), verdict };
    },

    async 'suggestion/insert'({ tabId, orderKey: key, templateId, text }) {
      // Check first: text in the composer with no log behind it would be a silent gap.
      const db = await deps.db();
      const order = await requireOrder(db, key);
      const result = await deps.askTab(tabId, 'composer/insert', { text });
      if (!result?.inserted) return { inserted: false, method: result?.method ?? 'no-content-script' };
      const attempt = await logAttempt(db, order, { action: 'inserted', channel: 'chat', templateId, text, outcome: 'pending' });
      return { inserted: true, method: result.method, attemptId: attempt.id };
    },

    async 'suggestion/copied'({ orderKey: key, templateId, text }) {
      const db = await deps.db();
      const attempt = await logAttempt(db, await requireOrder(db, key), { action: 'copied', channel: 'chat', templateId, text, outcome: 'pending' });
      return { attemptId: attempt.id };
    },

    async 'attempt/manual'({ orderKey: key, channel, outcome, note, direction, templateId, text, promisedAt }) {
      const db = await deps.db();
      const attempt = await logAttempt(
        db,
        await requireOrder(db, key),
        {
          action: 'manual',
          channel,
          text: text ?? '',
          outcome,
          note,
          ...(direction ? { direction } : {}),
          ...(templateId ? { templateId } : {}),
          ...(outcome === 'promised' && promisedAt !== undefined ? { promisedAt } : {}),
        },
        // The person knows before the page does: stop suggesting this order.
        { markPaid: outcome === 'paid' },
      );
      return { attemptId: attempt.id };
    },

    async 'attempt/outcome'(update) {
      const db = await deps.db();
      // The outcome, "paid" and the follow-up it implies: one transaction.
      const attempt = await commitContactAction(db, { kind: 'outcome', update }, deps.now());
      if (!attempt) throw new UserError('attempt-gone', { attemptId: update.id });
      deps.changed();
      return { attempt };
    },

    async 'summary/get'() {
      // The popup's count and totals: the queue's rows, from its cache.
      return queueSummary(await deps.db(), deps.now());
    },
  };

  /**
   * Entry point for runtime messages. Returns undefined (no reply) for
   * anything not ours: unknown senders, unknown types, invalid payloads, or
   * a content script asking for what only extension pages may.
   */
  function handle(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined {
    const kind = senderKind(sender, deps);
    if (!kind) return undefined;
    const message = parseMessage(schemas, raw);
    if (!message || BackgroundRequests[message.type].from !== kind) return undefined;
    markOnce(`in:${message.type}`);
    const handler = handlers[message.type] as (req: unknown, sender: SenderInfo) => Promise<unknown>;
    return handler(message.payload, sender).then(
      (data): Reply<unknown> => (markOnce(`out:${message.type}`), { ok: true, data }),
      (error: unknown): Reply<unknown> => {
        const reply = replyErrorFor(error);
        // A content script's page read that was not saved must not count as delivered: it resends
        // when sendMessage rejects (lib/content/run.ts), so it gets a rejection, not a reply.
        if (kind === 'content') throw new Error(reply.code === 'internal' ? String(reply.params?.detail) : reply.code);
        return { ok: false, error: reply };
      },
    );
  }

  return { handle, handlers };
}

