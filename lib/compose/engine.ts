import type { Order } from '../orders/model';
import { formatMoney } from '../orders/money';
import { HOUR_MS, formatDurationZh } from '../orders/time';
import { BUILTIN_TEMPLATES, type CustomerType, type Round, type Template } from './templates';

export interface SuggestContext {
  now: number;
  /** Contact attempts already logged for this order. */
  attempts: number;
  customer: CustomerType;
}

export interface Suggestion {
  templateId: string;
  label: string;
  style: string;
  text: string;
}

/** Within this much of auto-close, the honest last reminder comes first. */
const LAST_CALL_MS = 6 * HOUR_MS;
const ITEM_TITLE_MAX = 24;

export function roundFor(order: Order, ctx: SuggestContext): Round {
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - ctx.now;
  if (left !== undefined && left <= LAST_CALL_MS) return 'last';
  if (ctx.attempts >= 2) return 'last';
  return ctx.attempts === 0 ? 'first' : 'second';
}

function itemPhrase(order: Order): string | undefined {
  const first = order.items[0]?.title.trim();
  if (!first) return undefined;
  const title = [...first].length > ITEM_TITLE_MAX ? `${[...first].slice(0, ITEM_TITLE_MAX).join('')}…` : first;
  return order.items.length > 1 ? `${title}等${order.items.length}件宝贝` : title;
}

/** The values a template may use; a missing one means "cannot fill". */
export function variablesFor(order: Order, now: number): Record<string, string | undefined> {
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - now;
  return {
    buyer: (order.buyer.displayName ?? order.buyer.nick).trim() || undefined,
    item: itemPhrase(order),
    amount: formatMoney(order.amount),
    timeLeft: left !== undefined && left > 0 ? formatDurationZh(left) : undefined,
    orderId: order.orderId,
  };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Fills a template, or returns undefined when any placeholder has no value. */
export function fill(body: string, vars: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const text = body.replace(PLACEHOLDER, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

// Templates for this round come first; others only fill up the list (when a
// round's templates cannot be filled, e.g. no deadline is known).
function score(t: Template, round: Round, customer: CustomerType): number {
  let s = t.rounds.includes(round) ? 10 : 0;
  if (t.rounds[0] === round) s += 1;
  if (t.customer === customer) s += 2;
  return s;
}

/** Picks and fills the templates that fit this order now, best first. */
export function suggest(
  order: Order,
  ctx: SuggestContext,
  templates: readonly Template[] = BUILTIN_TEMPLATES,
  limit = 4,
): Suggestion[] {
  const round = roundFor(order, ctx);
  const vars = variablesFor(order, ctx.now);
  return templates
    .filter((t) => t.customer === undefined || t.customer === ctx.customer)
    .map((t) => ({ t, s: score(t, round, ctx.customer), text: fill(t.body, vars) }))
    .filter((c): c is { t: Template; s: number; text: string } => c.text !== undefined)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map(({ t, text }) => ({ templateId: t.id, label: t.label, style: t.style, text }));
}
