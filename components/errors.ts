import { currentLocale, t, type MessageKey } from '@/lib/i18n';
import { ERROR_MESSAGES, ReplyErrorSchema, UserError, type ReplyError } from '@/lib/messaging/errors';
import { stageName } from '@/lib/milestones/messages';
import { MESSAGE_LANGS, type MessageLang, type StageKind, type StageStatus } from '@/lib/milestones/model';

// The pages' half of coded errors: the background replies `{ code, params }`
// and the page that shows it says it in the language the person picked.

function milestoneLang(): MessageLang {
  const ui = currentLocale();
  return (MESSAGE_LANGS as readonly string[]).includes(ui) ? (ui as MessageLang) : 'en';
}

/** The person's words for a coded error, in the current UI language. */
export function errorText(error: ReplyError): string {
  const params: Record<string, string | number> = { ...error.params };
  if (error.code === 'milestone-transition') {
    // Sent raw (the stage's kind and name, status codes): named here in the person's language.
    const part = Number(params.part) || undefined;
    params.stage = stageName({ kind: params.kind as StageKind, name: String(params.name ?? '') || undefined, part } as Parameters<typeof stageName>[0], milestoneLang());
    params.from = t(`ms.status.${params.from as StageStatus}` as MessageKey);
    params.to = t(`ms.status.${params.to as StageStatus}` as MessageKey);
  }
  return t(ERROR_MESSAGES[error.code], params);
}

/** An error from the background, already in the person's words; `code` says which. */
export class ShownError extends Error {
  constructor(readonly reply: ReplyError) {
    super(errorText(reply));
    this.name = 'ShownError';
  }

  get code() {
    return this.reply.code;
  }
}

/**
 * A reply's error as received, checked like any message: a code we do not
 * know (or a malformed one) becomes the one generic message, and what came
 * goes to the console for whoever debugs it.
 */
export function replyError(raw: unknown): ReplyError {
  const parsed = ReplyErrorSchema.safeParse(raw);
  if (parsed.success && parsed.data.code !== 'internal') return parsed.data;
  console.error('PayNudge: background error', parsed.success ? parsed.data.params?.detail : raw);
  return { code: 'internal' };
}

/** What to show for an error caught on a page: coded ones in words, anything else as the generic message (detail to the console). */
export function errorMessage(error: unknown): string {
  if (error instanceof ShownError) return error.message;
  if (error instanceof UserError) return errorText(error.toReply());
  console.error('PayNudge:', error);
  return t('err.internal');
}
