import { UserError } from '../messaging/errors';

/**
 * A refusal the seller should read (invalid transition, over-payment, shares
 * that don't add up). It is a UserError: the background replies with its code
 * and the page translates it, so no text is built here. Parameters are raw
 * values (status codes, the stage's kind and name) the page puts into words.
 */
export class MilestoneError extends UserError {
  constructor(
    readonly milestoneCode: MilestoneErrorCode,
    vars: Record<string, string | number> = {},
  ) {
    super(`milestone-${milestoneCode}`, vars);
    this.name = 'MilestoneError';
  }
}

export type MilestoneErrorCode =
  | 'transition'
  | 'sharesSum'
  | 'overTotal'
  | 'overpay'
  | 'noStage'
  | 'noPlan'
  | 'planExists'
  | 'nothingToConfirm'
  | 'notLate'
  | 'zeroPayment'
  | 'noStages'
  | 'currency'
  | 'splitTooSmall'
  | 'reasonRequired'
  | 'restNotLast';
