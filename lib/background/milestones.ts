import type { MilestoneResponses } from '../messaging/milestones';
import type { AreaHandlers, HandlerContext } from './handler';
import type { Db } from '../store/db';
import { listAttempts } from '../store/attempts';
import { deletePlan, dueMilestoneFollowUps, getPlan, outstandingByCurrency, putPlan } from '../store/milestones';
import { MilestoneError } from '../milestones/errors';
import { confirmReceipt, markLateCheck, markNotice, markThanked, recordPayment, renegotiate, waiveStage } from '../milestones/machine';
import { isOpen, type MessageLang, type MilestonePlan } from '../milestones/model';
import { buildStages, changedBankFields, newPlan, presetDrafts } from '../milestones/plan';
import { milestonePrompts } from '../milestones/prompts';
import type { Platform } from '../orders/model';

/** Chinese marketplaces talk Chinese; cross-border ones and manual (often B2B) orders start in English. */
function defaultLang(platform: Platform): MessageLang {
  return platform === 'taobao' || platform === 'pdd' ? 'zh-CN' : 'en';
}

/** Handlers of the requests in lib/messaging/milestones.ts. */
export function milestoneHandlers(ctx: HandlerContext): AreaHandlers<MilestoneResponses> {
  const { deps } = ctx;

  /** Runs a plan change; a refusal of the plan rules (a MilestoneError, itself a UserError) reaches the panel as its code. */
  async function change(orderKey: string, apply: (plan: MilestonePlan, db: Db) => MilestonePlan | Promise<MilestonePlan>): Promise<{ plan: MilestonePlan }> {
    const db = await deps.db();
    const plan = await getPlan(db, orderKey);
    if (!plan) throw new MilestoneError('noPlan');
    const next = await apply(plan, db);
    await putPlan(db, next);
    deps.changed();
    return { plan: next };
  }

  return {
    async 'milestones/get'({ orderKey }) {
      const db = await deps.db();
      const now = deps.now();
      const [plan, attempts] = await Promise.all([getPlan(db, orderKey), listAttempts(db, orderKey)]);
      return { plan, prompts: plan ? milestonePrompts(plan, now) : [], attempts, now };
    },

    async 'milestones/create'({ orderKey, presetId, lang, stages, bank, bankCharges, piNumber }) {
      const db = await deps.db();
      const order = await ctx.requireOrder(db, orderKey);
      if (await getPlan(db, orderKey)) throw new MilestoneError('planExists');
      const now = deps.now();
      const plan = newPlan({
        orderKey,
        total: order.amount,
        presetId,
        lang: lang ?? defaultLang(order.platform),
        bank,
        drafts: stages ?? presetDrafts(presetId, now),
        now,
        newId: deps.newId,
      });
      if (bankCharges) plan.bankCharges = bankCharges;
      if (piNumber) plan.piNumber = piNumber;
      await putPlan(db, plan);
      deps.changed();
      return { plan };
    },

    async 'milestones/update'({ orderKey, stages, bank, lang, bankCharges, piNumber }) {
      let accountChanged = false;
      const result = await change(orderKey, (plan) => {
        const now = deps.now();
        const next: MilestonePlan = {
          ...plan,
          lang: lang ?? plan.lang,
          bank: bank ?? plan.bank,
          bankCharges: bankCharges ?? plan.bankCharges,
          piNumber: piNumber === undefined ? plan.piNumber : piNumber || undefined,
          stages: stages ? buildStages(plan.total, stages, deps.newId, plan.stages) : plan.stages,
          updatedAt: now,
        };
        const changedFields = bank ? changedBankFields(plan.bank, bank) : [];
        accountChanged = changedFields.length > 0 && next.stages.some(isOpen);
        const events = [...plan.events, { at: now, kind: 'edited' as const }];
        if (changedFields.length) events.push({ at: now, kind: 'account_changed', note: changedFields.join(', ') });
        return { ...next, events };
      });
      return { ...result, accountChanged };
    },

    async 'milestones/delete'({ orderKey }) {
      const db = await deps.db();
      const existed = (await getPlan(db, orderKey)) !== undefined;
      await deletePlan(db, orderKey);
      if (existed) deps.changed();
      return { deleted: existed };
    },

    async 'milestones/step'({ orderKey, stageId, step, attemptId }) {
      return change(orderKey, (plan) => {
        const now = deps.now();
        if (step === 'notice') return markNotice(plan, stageId, now, attemptId);
        if (step === 'receipt') return confirmReceipt(plan, stageId, now, attemptId);
        if (step === 'thanks') return markThanked(plan, stageId, now, attemptId);
        return markLateCheck(plan, stageId, now, attemptId);
      });
    },

    async 'milestones/pay'({ orderKey, stageId, amountMinor, paidAt, reference }) {
      return change(orderKey, (plan) => recordPayment(plan, stageId, { amountMinor, paidAt, reference }, deps.now(), deps.newId()));
    },

    async 'milestones/waive'({ orderKey, stageId, reason }) {
      return change(orderKey, (plan) => waiveStage(plan, stageId, reason, deps.now()));
    },

    async 'milestones/renegotiate'({ orderKey, stageId, reason, mode, dueAt, secondDueAt, attemptId }) {
      return change(orderKey, (plan) => {
        const terms =
          mode === 'split'
            ? { mode, reason, dueAt, secondDueAt: secondDueAt ?? dueAt }
            : { mode, reason, dueAt };
        return renegotiate(plan, stageId, terms, deps.now(), deps.newId, attemptId);
      });
    },

    async 'milestones/summary'() {
      const db = await deps.db();
      const [outstanding, followUps] = await Promise.all([outstandingByCurrency(db), dueMilestoneFollowUps(db, deps.now())]);
      return { outstanding, followUps };
    },
  };
}
