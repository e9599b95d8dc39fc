import { t } from '../i18n';
import { MIN_USES, type RecoveryStats } from './stats';
import { wilson } from './wilson';

// The suggestion engine's learning signal: templates that got this shop's
// similar orders paid rank higher. "Similar" is the customer type (new or
// returning buyer); with few tries for that type we fall back to all buyers.
//
// The score is the smoothed success rate (Beta(1,1) prior, i.e. Laplace)
// measured against the shop's overall rate, plus an exploration bonus that
// shrinks with the number of tries (UCB-style), so a new template is tried
// before the proven ones crowd it out.
//
// It explains itself in the person's terms: how many of the orders it was
// used for were recovered, the rate with its 95 % Wilson interval, and
// whether that moved it up or down ("too few uses to judge" while it is
// still being tried).

export type Customer = 'new' | 'returning';
export type Verdict = 'up' | 'down' | 'level' | 'few';

export interface Boost {
  /** Learned and exploration together; roughly -2..+3 (the engine's round match is worth 20). */
  score: number;
  /** The learned part alone: the smoothed success rate against the shop's overall rate. */
  exploit: number;
  /** Why, for the person: "recovered 34 of 80 (43%, 95% CI 32–54%) — ranked up", or "… too few uses to judge". */
  reason: string;
  /** 95 % Wilson interval of paid / tries. */
  low: number;
  high: number;
  /** What the learning did with it: too few tries to judge, or ranked up, down or as before. */
  verdict: Verdict;
  tries: number;
  paid: number;
  /** Whose tries these are: this customer type's when it has enough, else all buyers'. */
  scope: Customer | 'all';
}

/**
 * `boost(id, customer)` is the score with exploration; `boost.explain(id,
 * customer)` says why. For the engine, which explores by itself from
 * ctx.uses and labels a suggestion "learned" when its boost is high:
 * `boost.for(customer)` (ctx.boost) is the learned part only, zero until a
 * template has EXPLORE_TRIES tries, and `boost.uses` (ctx.uses) the tries.
 */
export type TemplateBoost = ((templateId: string, customer?: Customer) => number) & {
  detail(templateId: string, customer?: Customer): Boost;
  explain(templateId: string, customer?: Customer): string;
  for(customer: Customer): (templateId: string) => number;
  uses(templateId: string): number;
};

/** Below this many tries a template gets the exploration bonus (and is not judged on the insights page either). */
export const EXPLORE_TRIES = MIN_USES;
const WEIGHT = 6;

export function templateBoost(stats: RecoveryStats): TemplateBoost {
  const prior = (stats.paidAfterReminder + 1) / (stats.reminded + 2);
  const total = (id: string) => {
    let reminded = 0;
    let paid = 0;
    for (const [key, v] of Object.entries(stats.templateByCustomer)) {
      if (key.slice(0, key.lastIndexOf('|')) === id) {
        reminded += v.reminded;
        paid += v.paid;
      }
    }
    return { reminded, paid };
  };
  const detail = (templateId: string, customer?: Customer): Boost => {
    const specific = customer ? stats.templateByCustomer[`${templateId}|${customer}`] : undefined;
    const useSpecific = specific !== undefined && specific.reminded >= EXPLORE_TRIES;
    const { reminded: tries, paid } = useSpecific ? specific : total(templateId);
    const rate = (paid + 1) / (tries + 2);
    const exploit = (rate - prior) * WEIGHT;
    const explore = tries < EXPLORE_TRIES ? (EXPLORE_TRIES - tries) / EXPLORE_TRIES : 0;
    const score = Math.max(-2, Math.min(3, exploit + explore));
    const scope = useSpecific && customer ? customer : 'all';
    const { low, high } = wilson(paid, tries);
    const verdict: Verdict = tries < EXPLORE_TRIES ? 'few' : exploit > 0 ? 'up' : exploit < 0 ? 'down' : 'level';
    return { score, exploit, reason: explanation(paid, tries, low, high, verdict, scope), tries, paid, scope, low, high, verdict };
  };
  const boost = ((templateId: string, customer?: Customer) => detail(templateId, customer).score) as TemplateBoost;
  boost.detail = detail;
  boost.explain = (templateId, customer) => detail(templateId, customer).reason;
  boost.for = (customer) => (templateId) => {
    const d = detail(templateId, customer);
    return d.tries < EXPLORE_TRIES ? 0 : Math.max(-2, Math.min(3, d.exploit));
  };
  boost.uses = (templateId) => total(templateId).reminded;
  return boost;
}

/** Whole percent; the interval is widened to whole percents, never narrowed. */
function explanation(paid: number, tries: number, low: number, high: number, verdict: Verdict, scope: Customer | 'all'): string {
  if (tries === 0) return t('ins.explain.untried');
  const who = t(`ins.who.${scope}`);
  if (verdict === 'few') return t('ins.explain.few', { paid, tries, who });
  return t('ins.explain', {
    paid,
    tries,
    who,
    rate: `${Math.round((100 * paid) / tries)}%`,
    low: Math.floor(100 * low + 1e-9),
    high: Math.ceil(100 * high - 1e-9),
    verdict: t(`ins.verdict.${verdict}`),
  });
}
