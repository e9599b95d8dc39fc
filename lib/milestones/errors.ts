import { t, type MessageKey } from '../i18n';

/**
 * A refusal the seller should read (invalid transition, over-payment, shares
 * that don't add up). The background turns it into a UserError so the panel
 * shows the message as it is.
 */
export class MilestoneError extends Error {
  constructor(
    readonly code: MilestoneErrorCode,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(t(`ms.err.${code}` as MessageKey, vars));
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
