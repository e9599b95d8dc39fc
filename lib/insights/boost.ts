import { t } from '../i18n';
import type { RecoveryStats } from './stats';

// The suggestion engine's learning signal: templates that got this shop's
// similar orders paid rank higher. "Similar" is the customer type (new or
// returning buyer); with few tries for that type we fall back to all buyers.
//
// The score is the smoothed success rate (Beta(1,1) prior, i.e. Laplace)
// measured against the shop's overall rate, plus an exploration bonus that
// shrinks with the number of tries (UCB-style), so a new template is tried
// before the proven ones crowd it out.

export type Customer = 'new' | 'returning';

export interface Boost {
  /** Learned and exploration together; roughly -2..+3 (the engine's round match is worth 20). */
  score: number;
  /** The learned part alone: the smoothed success rate against the shop's overall rate. */
  exploit: number;
  /** Why, for the person: "paid 8 of 19 times for returning buyers" or "new: being tried". */
  reason: string;
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

/** Below this many tries a template gets the exploration bonus. */
export const EXPLORE_TRIES = 5;
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
    const who = useSpecific && customer ? t(customer === 'returning' ? 'opt.boost.forReturning' : 'opt.boost.forNew') : t('opt.boost.forAll');
    const reason = tries === 0 ? t('opt.boost.untried') : tries < EXPLORE_TRIES ? t('opt.boost.trying', { paid, tries }) : t('opt.boost.paid', { paid, tries, who });
    return { score, exploit, reason, tries, paid, scope: useSpecific && customer ? customer : 'all' };
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
