import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import type { MessageKey } from '../i18n';

// Errors a person may read travel as a code with parameters, never as text:
// the background has no idea which language the person picked (that choice
// lives in the extension pages' localStorage), so each page translates the
// code itself (components/errors.ts).

/** Every error code a reply may carry, and the UI message that explains it. */
export const ERROR_MESSAGES = {
  'order-gone': 'err.orderGone',
  'attempt-gone': 'err.attemptGone',
  'buyer-gone': 'err.buyerGone',
  'time-zone': 'err.timeZone',
  'storage-full': 'ws.error.storageFull',
  'storage-unavailable': 'ws.error.storageUnavailable',
  /** Anything we did not expect: one generic sentence; the detail goes to the console. */
  internal: 'err.internal',
  /** The background did not answer at all (set by the page, never sent). */
  'no-reply': 'err.noReply',
  /** Copying failed in the page itself. */
  clipboard: 'err.clipboard',

  'backup-not-json': 'opt.import.notJson',
  'backup-not-backup': 'opt.import.notBackup',
  'backup-newer-version': 'opt.import.newerVersion',
  'backup-invalid': 'opt.import.invalid',
  'backup-duplicate': 'opt.import.duplicate',
  'backup-too-big': 'opt.import.tooBig',
  'import-failed': 'opt.import.failed',

  'template-invalid': 'opt.tpl.invalid',
  'template-unknown-vars': 'opt.tpl.unknownVars',
  'template-single-brace': 'opt.tpl.singleBrace',
  'template-need-subject': 'opt.tpl.needSubject',
  'template-invalid-field': 'opt.tpl.invalidField',

  'manual-buyer': 'pf.err.buyer',
  'manual-items': 'pf.err.items',
  'manual-qty': 'pf.err.qty',
  'manual-total': 'pf.err.total',
  'manual-total-zero': 'pf.err.totalZero',
  'manual-currency': 'pf.err.currency',
  'manual-date': 'pf.err.date',
  'manual-deadline': 'pf.err.deadline',
  'manual-too-long': 'pf.err.tooLong',

  'team-url': 'team.result.url',
  'team-url-insecure': 'team.result.urlInsecure',
  'team-db': 'team.result.db',
  'team-agent': 'team.result.agent',
  'team-unavailable': 'team.result.unavailable',

  'milestone-transition': 'ms.err.transition',
  'milestone-sharesSum': 'ms.err.sharesSum',
  'milestone-overTotal': 'ms.err.overTotal',
  'milestone-overpay': 'ms.err.overpay',
  'milestone-noStage': 'ms.err.noStage',
  'milestone-noPlan': 'ms.err.noPlan',
  'milestone-planExists': 'ms.err.planExists',
  'milestone-nothingToConfirm': 'ms.err.nothingToConfirm',
  'milestone-notLate': 'ms.err.notLate',
  'milestone-zeroPayment': 'ms.err.zeroPayment',
  'milestone-noStages': 'ms.err.noStages',
  'milestone-currency': 'ms.err.currency',
  'milestone-splitTooSmall': 'ms.err.splitTooSmall',
  'milestone-reasonRequired': 'ms.err.reasonRequired',
  'milestone-restNotLast': 'ms.err.restNotLast',
} as const satisfies Record<string, MessageKey>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

/** Values filled into the message: ids, amounts already formatted as money, status codes the page translates. */
export type ErrorParams = Record<string, string | number>;

export const ReplyErrorSchema = lazySchema(() => z.object({
  code: z.enum(ERROR_CODES),
  params: z.record(z.string().max(40), z.union([z.string().max(2000), z.number()])).optional(),
}));
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

/**
 * A refusal the person should read. Thrown anywhere below the background's
 * handlers; the reply carries `{ code, params }` and the page says it in the
 * person's language. The message is for logs only.
 */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(Object.keys(params).length ? `${code} ${JSON.stringify(params)}` : code);
    this.name = 'UserError';
  }

  toReply(): ReplyError {
    return Object.keys(this.params).length ? { code: this.code, params: this.params } : { code: this.code };
  }
}
