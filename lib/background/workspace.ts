import { composeSuggestions, type MissingVariable, type SuggestContext, type Suggestion } from '../compose/engine';
import { COMPOSE_CHANNELS, LANGUAGES, ORDER_FACTS, REASONS, STYLES, type Language, type Template } from '../compose/model';
import { normalizeLanguage } from '../compose/language';
import { EXPLORE_TRIES } from '../insights/boost';
import { suggestionExtras } from './data';
import type { SuggestionChoices, WorkspaceResponses } from '../messaging/workspace';
import { buyerKey, type Buyer, type ContactAttempt, type Order, type Outcome } from '../orders/model';
import { followUpForOutcome } from '../reminders/followups';
import { CADENCE_KEY, readCadence, type CadenceSettings } from '../reminders/settings';
import { isValidTimeZone } from '../reminders/tz';
import {
  ordersWithFollowUps,
  recordAttempt,
  recordAttemptIn,
  setFollowUp,
  setFollowUpIn,
  setSelectHint,
  takeSelectHint,
  updateBuyer,
} from '../store/buyers';
import { CONTACT_STORES, type ContactTx, type Db } from '../store/db';
import { getBuyer, markPaidByPersonIn } from '../store/orders';
import { changeAttemptIn, listAttempts, setAttemptOutcomeIn, type OutcomeUpdate } from '../store/attempts';
import type { AreaHandlers, HandlerContext } from './handler';
import { UserError } from '../messaging/errors';

const SELECTED_KEY = 'ws.selected';

export async function readCadenceSettings(db: Db): Promise<CadenceSettings> {
  return readCadence((await db.get('settings', CADENCE_KEY))?.value);
}

// The queue (ranking, cache, paging) lives in ./queue.ts.
export { actionableCount, buildQueue, invalidateQueues, queueWindow } from './queue';

const pick = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * Suggestions for an order with the person's choices. Language: the one they
 * picked, else the buyer's (profile), else the one set for the platform in
 * the settings, else the engine's guess from the order.
 */
export function suggestionsFor(
  order: Order,
  buyer: Buyer | undefined,
  attempts: number,
  choices: SuggestionChoices,
  now: number,
  // From lib/background/data.ts suggestionExtras: the person's library, learned boost, shop variables,
  // the platform's message language and what was learned per template.
  extras?: {
    templates?: readonly Template[];
    ctx?: Partial<SuggestContext>;
    platformLanguage?: Language | undefined;
    learning?: (templateId: string) => { paid: number; tries: number; scope: 'new' | 'returning' | 'all' };
  },
): Suggestion[] {
  return suggestionSetFor(order, buyer, attempts, choices, now, extras).suggestions;
}

/**
 * The same, with what the person could fill in to unlock more: the askable
 * variables missing for this round (item, coupon, gift, shop name, signature,
 * shop facts), each with the templates it would unlock.
 */
export function suggestionSetFor(
  order: Order,
  buyer: Buyer | undefined,
  attempts: number,
  choices: SuggestionChoices,
  now: number,
  extras?: Parameters<typeof suggestionsFor>[5],
): { suggestions: Suggestion[]; missing: MissingVariable[] } {
  const language = pick(LANGUAGES, choices.language) ?? normalizeLanguage(buyer?.language) ?? extras?.platformLanguage;
  const ctx: SuggestContext = {
    now,
    attempts,
    customer: (buyer?.paidOrderKeys.length ?? 0) > 0 ? 'returning' : 'new',
    reason: pick(REASONS, choices.reason),
    style: pick(STYLES, choices.style),
    channel: pick(COMPOSE_CHANNELS, choices.channel),
    language,
    buyer: { language: buyer?.language },
    ...(buyer?.timeZone && isValidTimeZone(buyer.timeZone) ? { buyerZone: { timeZone: buyer.timeZone } } : {}),
    // Typed in place for this order: wins over the settings.
    vars: { ...extras?.ctx?.vars, ...choices.vars },
    facts: (choices.facts ?? []).flatMap((f) => pick(ORDER_FACTS, f) ?? []),
  };
  const set = composeSuggestions(order, { ...extras?.ctx, ...ctx }, extras?.templates);
  const missing = set.missing.filter((m) => m.askable);
  const learning = extras?.learning;
  if (!learning) return { suggestions: set.suggestions, missing };
  // What was learned, for the panel: on a 'learned' pick, or once a template has had enough tries to say something.
  const suggestions = set.suggestions.map((s) => {
    const note = learning(s.templateId);
    return note.tries > 0 && (s.why === 'learned' || note.tries >= EXPLORE_TRIES) ? { ...s, learning: note } : s;
  });
  return { suggestions, missing };
}

/**
 * After an attempt's outcome is set: schedule the follow-up it implies
 * (promised → check at the promised time, says paid → check after the
 * delay), or clear a pending one. Mirrors the time on the attempt.
 * Runs inside the transaction of the action that set the outcome.
 */
export async function applyOutcomeIn(tx: ContactTx, attempt: ContactAttempt, outcome: Outcome, now: number, promisedAt?: number): Promise<void> {
  const settings = readCadence((await tx.objectStore('settings').get(CADENCE_KEY))?.value);
  const next = followUpForOutcome(outcome, { now, attemptId: attempt.id, promisedAt, settings });
  const orders = tx.objectStore('orders');
  const order = await orders.get(attempt.orderKey);
  if (next === undefined) {
    // A new reminder logged on the order answers a due check.
    if (order?.followUp && order.followUp.at <= now && order.followUp.attemptId !== attempt.id && attempt.at >= order.followUp.at) {
      await setFollowUpIn(orders, attempt.orderKey, null);
    }
    return;
  }
  // Only the attempt that scheduled a follow-up may clear it by changing its outcome.
  if (next === null && order?.followUp && order.followUp.attemptId !== attempt.id && outcome !== 'paid') return;
  await setFollowUpIn(orders, attempt.orderKey, next);
  await changeAttemptIn(tx.objectStore('attempts'), attempt.orderKey, attempt.id, (stored) => {
    const updated: ContactAttempt = { ...stored };
    if (next) updated.followUpAt = next.at;
    else delete updated.followUpAt;
    return updated;
  });
}

/** One person's contact-log action: a new attempt, or a new outcome for a logged one. */
export type ContactAction =
  | { kind: 'log'; attempt: ContactAttempt; markPaid?: boolean }
  | { kind: 'outcome'; update: OutcomeUpdate };

/**
 * Writes one contact-log action in one readwrite transaction over every store
 * it touches: the attempt, the order's and buyer's counts, the follow-up it
 * schedules or clears, and "paid" when the person says so. A worker stopped
 * half-way leaves none of it. Returns the stored attempt (undefined: no such
 * attempt to update).
 */
export async function commitContactAction(db: Db, action: ContactAction, now: number): Promise<ContactAttempt | undefined> {
  const tx = db.transaction([...CONTACT_STORES], 'readwrite');
  try {
    let attempt: ContactAttempt | undefined;
    let outcome: Outcome;
    let promisedAt: number | undefined;
    let paid: boolean;
    let at: number;
    if (action.kind === 'log') {
      attempt = action.attempt;
      await recordAttemptIn(tx, attempt);
      ({ outcome, promisedAt, at } = attempt);
      paid = action.markPaid === true;
    } else {
      attempt = await setAttemptOutcomeIn(tx, action.update);
      if (!attempt) {
        await tx.done;
        return undefined;
      }
      ({ outcome, promisedAt } = action.update);
      at = now;
      // The person knows before the page does: stop suggesting this order.
      paid = outcome === 'paid';
    }
    if (paid) await markPaidByPersonIn(tx, attempt.orderKey, now);
    await applyOutcomeIn(tx, attempt, outcome, at, promisedAt);
    await tx.done;
    return (await listAttempts(db, attempt.orderKey)).find((a) => a.id === attempt.id) ?? attempt;
  } catch (error) {
    // Whatever failed, nothing of the action stays (abort throws when the transaction already ended).
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Unpaid orders with an unannounced follow-up, soonest first: what the alarms carry. */
export async function pendingFollowUps(db: Db): Promise<Order[]> {
  const all = await ordersWithFollowUps(db);
  return all.filter((o) => o.status === 'unpaid' && o.followUp && o.followUp.notifiedAt === undefined).sort((a, b) => a.followUp!.at - b.followUp!.at);
}

export async function readSelected(db: Db): Promise<string | undefined> {
  const value = (await db.get('settings', SELECTED_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Handlers of the requests in lib/messaging/workspace.ts. */
export function workspaceHandlers(ctx: HandlerContext): AreaHandlers<WorkspaceResponses> {
  const { deps, requireOrder, logAttempt } = ctx;
  return {
    async 'suggestions/get'({ orderKey, ...choices }) {
      const db = await deps.db();
      const order = await requireOrder(db, orderKey);
      const buyer = await getBuyer(db, buyerKey(order.platform, order.buyer.nick));
      const attempts = order.attemptCount ?? (await listAttempts(db, orderKey)).length;
      const extras = await suggestionExtras(db, order, (buyer?.paidOrderKeys.length ?? 0) > 0 ? 'returning' : 'new', deps.now());
      return { suggestions: suggestionsFor(order, buyer, attempts, choices, deps.now(), extras) };
    },

    async 'buyer/update'({ buyerKey: key, patch }) {
      if (patch.timeZone && !isValidTimeZone(patch.timeZone)) throw new UserError('time-zone', { zone: patch.timeZone });
      const buyer = await updateBuyer(await deps.db(), key, patch, deps.now());
      if (!buyer) throw new UserError('buyer-gone', { buyerKey: key });
      deps.changed();
      return { buyer };
    },

    async 'settings/cadence-get'() {
      return { settings: await readCadenceSettings(await deps.db()) };
    },

    async 'settings/cadence-set'({ settings }) {
      if (settings.sellerTimeZone && !isValidTimeZone(settings.sellerTimeZone)) throw new UserError('time-zone', { zone: settings.sellerTimeZone });
      await (await deps.db()).put('settings', { key: CADENCE_KEY, value: settings });
      deps.changed();
      return { settings };
    },

    async 'followup/set'({ orderKey, at, note }) {
      const db = await deps.db();
      await requireOrder(db, orderKey);
      const order = await setFollowUp(db, orderKey, at === null ? null : { kind: 'check', at, ...(note ? { note } : {}) });
      deps.changed();
      return { order: order! };
    },

    async 'order/says-paid'({ orderKey, note }) {
      const db = await deps.db();
      const order = await requireOrder(db, orderKey);
      const attempt = await logAttempt(db, order, { action: 'manual', channel: 'chat', direction: 'inbound', text: '', outcome: 'says_paid', ...(note ? { note } : {}) });
      return { attemptId: attempt.id, order: await requireOrder(db, orderKey) };
    },

    async 'workspace/select'({ orderKey }) {
      await setSelectHint(await deps.db(), orderKey, deps.now());
      return { ok: true };
    },

    async 'workspace/select-take'() {
      return { orderKey: await takeSelectHint(await deps.db(), deps.now()) };
    },

    async 'workspace/selected'({ orderKey }) {
      const db = await deps.db();
      if (orderKey) await db.put('settings', { key: SELECTED_KEY, value: orderKey });
      else await db.delete('settings', SELECTED_KEY);
      return { ok: true };
    },
  };
}

export { recordAttempt };
