// The suggestion engine: picks the templates that fit this order now (round,
// buyer, suspected reason, style, channel, language), fills them from the
// order and ranks them. Pure and deterministic: same input, same list.
//
// Ranking, highest first. The points are spaced so a lower rule never
// outweighs a higher one:
//   round this template is written for ............ 20 (+2 if it is its main round)
//   fits the suspected reason (not just generic) ... 8
//   written for this customer type ................. 3
//   editorial priority within its cell ............. 0..3
//   learned boost (ctx.boost, clamped) ............. -5..+5
//   exploration ..................................... 0..0.95
// Exploration breaks near-ties so that the same two or three templates do not
// win forever: a value seeded from the order key and template id (stable for
// one order, different across orders) plus, when ctx.uses is given, a bonus
// for templates that have rarely been used. It never exceeds one point, so it
// only reorders templates whose other scores are equal.
import type { Order } from '../orders/model';
import { HOUR_MS } from '../orders/time';
import { guessLanguage, languageFallbacks, type BuyerLanguageHint, type LanguageSource } from './language';
import {
  ASKABLE_VARIABLES,
  isB2bPlatform,
  isB2bScript,
  type ComposeChannel,
  type CustomerType,
  type OrderFact,
  type Language,
  type Reason,
  type Round,
  type Style,
  type Template,
  type Variable,
} from './model';
import { BUILTIN_TEMPLATES } from './templates';

const b2bScripts = new WeakMap<Template, boolean>();
function b2bScript(t: Template): boolean {
  let known = b2bScripts.get(t);
  if (known === undefined) {
    known = isB2bScript(t);
    b2bScripts.set(t, known);
  }
  return known;
}
import { fill, missingIn, variablesFor, type ExtraVars } from './variables';

export { fill, variablesFor } from './variables';

export interface SuggestContext {
  now: number;
  /** Contact attempts already logged for this order. */
  attempts: number;
  customer: CustomerType;
  /** Suspected reason the buyer has not paid; default unknown (generic templates). */
  reason?: Reason | undefined;
  /** Only this style (falls back to all styles when none of it fits, see `styleFallback`). */
  style?: Style | undefined;
  /** Default chat. */
  channel?: ComposeChannel | undefined;
  /** The person's choice; otherwise guessed from the buyer and the order (see language.ts). */
  language?: Language | undefined;
  /** What we know of the buyer's language or country. */
  buyer?: BuyerLanguageHint | undefined;
  vars?: ExtraVars | undefined;
  /** Custom templates, merged with the built-ins; a custom one with a built-in's id replaces it. */
  library?: readonly Template[] | undefined;
  /** Learned from outcomes: added to the score, clamped to ±5. */
  boost?: ((templateId: string) => number) | undefined;
  /** How often a template has been used; rarely used ones get a small exploration bonus. */
  uses?: ((templateId: string) => number) | undefined;
  /** Default 4. */
  limit?: number | undefined;
  /** Seller's IANA zone for {{deadline}}; default Asia/Shanghai for Chinese, else utcOffsetMinutes, else UTC. */
  timeZone?: string | undefined;
  utcOffsetMinutes?: number | undefined;
  /** The buyer's zone when known; a deadline in it is written without a zone label. */
  buyerZone?: { timeZone?: string | undefined; utcOffsetMinutes?: number | undefined } | undefined;
  /** Facts about this order the person has confirmed (e.g. low stock); templates stating one need it. */
  facts?: readonly OrderFact[] | undefined;
}

/** Why a suggestion is in the list (an i18n key suffix for the panel). */
export type SuggestionWhy =
  | 'closing_soon'
  | 'reason'
  | 'returning'
  | 'learned'
  | 'round'
  | 'filler'
  | 'language_fallback'
  | 'style_fallback';

export interface Suggestion {
  templateId: string;
  label: string;
  /** Exactly the text to insert or copy. For phone, the call script. */
  text: string;
  /** Filled e-mail subject. */
  subject?: string;
  language: Language;
  channel: ComposeChannel;
  style: Style;
  /** The suspected reason this template answers ('unknown' for a generic one). */
  reason: Reason;
  /** The round this template is written for (the current one unless it is a filler). */
  round: Round;
  why: SuggestionWhy;
  score: number;
  /**
   * What was learned about this template from this shop's outcomes, as numbers
   * for the panel to word (ws.learning.*): added by the background
   * (lib/background/workspace.ts suggestionsFor), never by the engine.
   */
  learning?: { paid: number; tries: number; scope: CustomerType | 'all' };
}

export interface MissingVariable {
  name: Variable;
  /** The person can supply it (coupon, gift, shop, seller, order link); others are facts the order lacks. */
  askable: boolean;
  /** Templates for this round that it would unlock, best first. */
  templateIds: string[];
}

export interface SuggestionSet {
  suggestions: Suggestion[];
  round: Round;
  channel: ComposeChannel;
  reason: Reason;
  /** The language written in (after any fallback). */
  language: Language;
  /** The language wanted and where that choice came from. */
  wanted: { language: Language; source: LanguageSource };
  /** Nothing fitted in the wanted language, so another one was used. */
  languageFallback: boolean;
  /** Nothing of ctx.style fitted, so other styles are shown. */
  styleFallback: boolean;
  /** Variables that would unlock more templates for this round. */
  missing: MissingVariable[];
}

/** Within this much of auto-close, the honest last reminder comes first. */
export const LAST_CALL_MS = 6 * HOUR_MS;
const DEFAULT_LIMIT = 4;
const BOOST_LIMIT = 5;

export function roundFor(order: Pick<Order, 'autoCloseAt'>, ctx: Pick<SuggestContext, 'now' | 'attempts'>): Round {
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - ctx.now;
  if (left !== undefined && left <= LAST_CALL_MS) return 'last';
  if (ctx.attempts >= 2) return 'last';
  return ctx.attempts === 0 ? 'first' : 'second';
}

/** Built-ins plus custom templates; a custom template with a built-in's id replaces it in place. */
export function mergeLibrary(builtIns: readonly Template[], custom: readonly Template[] = []): Template[] {
  const byId = new Map(builtIns.map((t) => [t.id, t] as const));
  for (const t of custom) byId.set(t.id, t);
  return [...byId.values()];
}

// FNV-1a: a tiny stable hash, so exploration is the same for one order on every render.
function seeded(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x1_0000_0000;
}

const ROUND_ORDER: Readonly<Record<Round, number>> = { first: 0, second: 1, last: 2 };

// A template written for an earlier round may fill up a later round's list
// (when, say, no deadline is known for the last-round ones); one written only
// for a later round never shows early: "再来问一声" or "closing soon" would be
// wrong on a first contact.
function fitsRound(t: Template, round: Round): boolean {
  return t.rounds.some((r) => ROUND_ORDER[r] <= ROUND_ORDER[round]);
}

// After a dispute, a joke or a sales push reads as not listening: only calm
// generic templates may stand in for the dispute-specific ones.
function fitsReason(t: Template, reason: Reason): boolean {
  if (t.reasons.includes(reason)) return true;
  if (!t.reasons.includes('unknown')) return false;
  return reason !== 'dispute' || (t.style !== 'playful' && t.style !== 'incentive');
}

interface Scored {
  t: Template;
  score: number;
  boost: number;
}

function scoreOf(t: Template, order: Order, ctx: SuggestContext, round: Round, reason: Reason): Scored {
  let score = 0;
  if (t.rounds.includes(round)) score += 20;
  if (t.rounds[0] === round) score += 2;
  if (reason !== 'unknown' && t.reasons.includes(reason)) score += 8;
  if (t.customer !== undefined && t.customer === ctx.customer) score += 3;
  score += t.priority;
  const raw = ctx.boost?.(t.id) ?? 0;
  const boost = Number.isFinite(raw) ? Math.max(-BOOST_LIMIT, Math.min(BOOST_LIMIT, raw)) : 0;
  score += boost;
  let explore = 0.5 * seeded(`${order.key}\u0000${t.id}`);
  if (ctx.uses) {
    const used = ctx.uses(t.id);
    explore += 0.45 / (1 + (Number.isFinite(used) && used > 0 ? used : 0));
  }
  return { t, score: score + explore, boost };
}

interface Pass {
  language: Language;
  ranked: { s: Scored; text: string; subject?: string }[];
  unfilled: { s: Scored; missing: string[] }[];
  styleFallback: boolean;
}

function pass(order: Order, ctx: SuggestContext, library: readonly Template[], language: Language, round: Round, reason: Reason, channel: ComposeChannel): Pass {
  const vars = variablesFor(order, ctx.now, {
    language,
    channel,
    timeZone: ctx.timeZone,
    utcOffsetMinutes: ctx.utcOffsetMinutes,
    buyerZone: ctx.buyerZone,
    vars: ctx.vars,
  });
  const facts = new Set(ctx.facts ?? []);
  // A business-only script (staged payments, proforma) is never offered on a retail marketplace, whatever its platforms list says.
  const b2bOrder = isB2bPlatform(order.platform);
  const eligible = library.filter(
    (t) =>
      t.language === language &&
      t.channels.includes(channel) &&
      (t.customer === undefined || t.customer === ctx.customer) &&
      fitsReason(t, reason) &&
      fitsRound(t, round) &&
      (t.platforms === undefined || t.platforms.includes(order.platform)) &&
      (b2bOrder || !b2bScript(t)) &&
      (t.requires === undefined || t.requires.every((f) => facts.has(f))),
  );
  const evaluate = (list: readonly Template[]) => {
    const ranked: Pass['ranked'] = [];
    const unfilled: Pass['unfilled'] = [];
    for (const t of list) {
      const s = scoreOf(t, order, ctx, round, reason);
      const text = fill(t.body, vars);
      const subject = t.subject === undefined ? undefined : fill(t.subject, vars);
      if (text === undefined || (t.subject !== undefined && subject === undefined)) {
        unfilled.push({ s, missing: missingIn(`${t.subject ?? ''}${t.body}`, vars) });
      } else {
        ranked.push(subject === undefined ? { s, text } : { s, text, subject });
      }
    }
    const order_ = (a: { s: Scored }, b: { s: Scored }) => b.s.score - a.s.score || (a.s.t.id < b.s.t.id ? -1 : a.s.t.id > b.s.t.id ? 1 : 0);
    ranked.sort(order_);
    unfilled.sort(order_);
    return { ranked, unfilled };
  };
  if (ctx.style !== undefined) {
    const styled = evaluate(eligible.filter((t) => t.style === ctx.style));
    if (styled.ranked.length > 0) return { language, ...styled, styleFallback: false };
    const all = evaluate(eligible);
    // Still tell the person what would unlock their chosen style.
    return { language, ranked: all.ranked, unfilled: styled.unfilled, styleFallback: all.ranked.length > 0 };
  }
  return { language, ...evaluate(eligible), styleFallback: false };
}

function whyOf(s: Scored, round: Round, reason: Reason, order: Order, ctx: SuggestContext, p: Pass, languageFallback: boolean): SuggestionWhy {
  if (languageFallback) return 'language_fallback';
  if (p.styleFallback) return 'style_fallback';
  if (!s.t.rounds.includes(round)) return 'filler';
  const left = order.autoCloseAt === undefined ? undefined : order.autoCloseAt - ctx.now;
  if (round === 'last' && left !== undefined && left <= LAST_CALL_MS) return 'closing_soon';
  if (reason !== 'unknown' && s.t.reasons.includes(reason)) return 'reason';
  if (s.boost > 0.5) return 'learned';
  if (ctx.customer === 'returning' && s.t.customer === 'returning') return 'returning';
  return 'round';
}

function missingOf(p: Pass, round: Round): MissingVariable[] {
  const byName = new Map<string, string[]>();
  for (const { s, missing } of p.unfilled) {
    if (!s.t.rounds.includes(round)) continue;
    for (const name of missing) byName.set(name, [...(byName.get(name) ?? []), s.t.id]);
  }
  return [...byName.entries()].map(([name, templateIds]) => ({
    name: name as Variable,
    askable: (ASKABLE_VARIABLES as readonly string[]).includes(name),
    templateIds,
  }));
}

/**
 * The full answer: ranked suggestions plus what was decided on the way
 * (round, language and any fallback) and which missing variables would
 * unlock more templates. `templates` replaces the library entirely (tests);
 * otherwise ctx.library is merged with the built-ins.
 */
export function composeSuggestions(
  order: Order,
  ctx: SuggestContext,
  templates?: readonly Template[],
  limit?: number,
): SuggestionSet {
  const library = templates ?? mergeLibrary(BUILTIN_TEMPLATES, ctx.library);
  const round = roundFor(order, ctx);
  const channel = ctx.channel ?? 'chat';
  const reason = ctx.reason ?? 'unknown';
  const wanted = ctx.language !== undefined ? { language: ctx.language, source: 'explicit' as const } : guessLanguage(order, ctx.buyer);
  const max = Math.max(0, Math.floor(limit ?? ctx.limit ?? DEFAULT_LIMIT));

  let chosen: Pass | undefined;
  let first: Pass | undefined;
  for (const language of languageFallbacks(wanted.language)) {
    const p = pass(order, ctx, library, language, round, reason, channel);
    first ??= p;
    if (p.ranked.length > 0) {
      chosen = p;
      break;
    }
  }
  const used = chosen ?? first!;
  const languageFallback = used.language !== wanted.language;

  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const { s, text, subject } of used.ranked) {
    if (suggestions.length >= max) break;
    if (seen.has(text)) continue;
    seen.add(text);
    suggestions.push({
      templateId: s.t.id,
      label: s.t.label,
      text,
      ...(subject === undefined ? {} : { subject }),
      language: used.language,
      channel,
      style: s.t.style,
      reason: s.t.reasons.includes(reason) ? reason : 'unknown',
      round: s.t.rounds.includes(round) ? round : s.t.rounds[0]!,
      why: whyOf(s, round, reason, order, ctx, used, languageFallback),
      score: Math.round(s.score * 100) / 100,
    });
  }
  return {
    suggestions,
    round,
    channel,
    reason,
    language: used.language,
    wanted,
    languageFallback,
    styleFallback: used.styleFallback,
    // Missing variables are reported for the wanted language: that is what the person will fix.
    missing: missingOf(first!, round),
  };
}

/** Picks and fills the templates that fit this order now, best first. */
export function suggest(order: Order, ctx: SuggestContext, templates?: readonly Template[], limit?: number): Suggestion[] {
  return composeSuggestions(order, ctx, templates, limit).suggestions;
}
