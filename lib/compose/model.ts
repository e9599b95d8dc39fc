// The template model: what a reminder template is, the lists the pickers
// offer, and the schema that custom and imported templates must pass. Pure.
import { z } from 'zod';
import { PLATFORMS } from '../orders/model';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en', 'ru', 'pt', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** phone = a call script of short bullet lines for the agent, not text to send. */
export const COMPOSE_CHANNELS = ['chat', 'sms', 'email', 'phone'] as const;
export type ComposeChannel = (typeof COMPOSE_CHANNELS)[number];

export const ROUNDS = ['first', 'second', 'last'] as const;
export type Round = (typeof ROUNDS)[number];

export const CUSTOMER_TYPES = ['new', 'returning'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/**
 * Why a buyer has not paid (a guess the person can change). `unknown` on a
 * template means "generic": it fits whatever the reason is.
 */
export const REASONS = [
  'forgot',
  'balance_short',
  'wrong_payment_method',
  'comparing_prices',
  'shipping_cost',
  'waiting_discount',
  'quality_doubt',
  'company_transfer',
  'dispute',
  'unknown',
] as const;
export type Reason = (typeof REASONS)[number];

export const STYLES = ['friendly', 'playful', 'incentive', 'doubt', 'notice'] as const;
export type Style = (typeof STYLES)[number];

/** Everything a body or subject may contain, written {{name}}. */
export const VARIABLES = [
  'buyer',
  'item',
  'sku',
  'amount',
  'currency',
  'orderId',
  'orderLink',
  'deadline',
  'timeLeft',
  'shop',
  'coupon',
  'gift',
  'seller',
] as const;
export type Variable = (typeof VARIABLES)[number];

/** Variables the person can supply in the panel or settings; the others come from the order. */
export const ASKABLE_VARIABLES: readonly Variable[] = ['shop', 'seller', 'coupon', 'gift', 'orderLink'];

const PLACEHOLDER_RE = /\{\{(\w+)\}\}/g;
// "{buyer}" is a common slip for "{{buyer}}"; it would go out as literal text.
const SINGLE_BRACE_RE = /(?<!\{)\{(\w+)\}(?!\})/g;

/** The variable names a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

const isVariable = (name: string): name is Variable => (VARIABLES as readonly string[]).includes(name);

const unique = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, 'Duplicate entries');

export const TemplateSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'Letters, digits, dot, dash, underscore (max 80)'),
    language: z.enum(LANGUAGES),
    channels: unique(z.enum(COMPOSE_CHANNELS)).min(1).default(['chat']),
    rounds: unique(z.enum(ROUNDS)).min(1).default(['first', 'second', 'last']),
    /** Absent: fits any buyer. */
    customer: z.enum(CUSTOMER_TYPES).optional(),
    reasons: unique(z.enum(REASONS)).min(1).default(['unknown']),
    style: z.enum(STYLES),
    /** Short label shown above the text in the panel. */
    label: z.string().trim().min(1).max(60),
    /** E-mail subject; required when the template is for e-mail. */
    subject: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(2000),
    tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
    /** Only offered for orders on these marketplaces (absent: all). */
    platforms: unique(z.enum(PLATFORMS)).min(1).optional(),
    /** Editorial pick within its cell of the grid: 0 (default) to 3. */
    priority: z.number().int().min(0).max(3).default(0),
    builtIn: z.boolean().default(false),
  })
  .superRefine((t, ctx) => {
    for (const [field, text] of [['body', t.body], ['subject', t.subject ?? '']] as const) {
      for (const name of variablesIn(text)) {
        if (!isVariable(name)) ctx.addIssue({ code: 'custom', path: [field], message: `Unknown variable {{${name}}}` });
      }
      for (const m of text.matchAll(SINGLE_BRACE_RE)) {
        if (isVariable(m[1]!)) ctx.addIssue({ code: 'custom', path: [field], message: `Write {{${m[1]}}} with double braces` });
      }
    }
    if (t.channels.includes('email') && t.subject === undefined) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'An e-mail template needs a subject' });
    }
  });

export type Template = z.output<typeof TemplateSchema>;
/** What a person or an import file may write: defaults fill the rest. */
export type TemplateInput = z.input<typeof TemplateSchema>;

export type TemplateParse = { ok: true; template: Template } | { ok: false; issues: { path: string; message: string }[] };

/** Validates a custom or imported template. Custom templates are never built-in. */
export function parseTemplate(input: unknown): TemplateParse {
  const result = TemplateSchema.safeParse(input);
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  return { ok: true, template: { ...result.data, builtIn: false } };
}

export type LintIssue = 'outside_link' | 'phone_number' | 'messenger' | 'pressure';

// Marketplaces penalise steering buyers off the platform and pressure; these
// catch the common cases so the editor can warn before a template is saved.
const LINK_RE = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|cn|net|org|io|me|ru|br|ly)\b/i;
const PHONE_RE = /(?<!\d)(?:\+?\d[\d\s-]{8,}\d)(?!\d)/;
const MESSENGER_RE = /微信|weixin|wechat|\bwx\b|whats\s?app|telegram|\bQQ\b|line\s?id|vk\.com|paypal\.me|支付宝转账|私下转账|银行卡号/i;
const PRESSURE_RE =
  /最后通牒|后果自负|否则|必须(?:马上|立即|立刻)|再不付|投诉你|差评|起诉|ultimatum|or else|legal action|you must pay|последнее предупреждение|иначе|ou então|última advertencia|de lo contrario/i;

/**
 * Wording a marketplace may flag. `{{orderLink}}` is the only link a template
 * may carry; off-platform B2B templates may legitimately break these rules,
 * so the editor warns rather than refuses.
 */
export function lintTemplate(t: Pick<Template, 'body'> & { subject?: string | undefined }): LintIssue[] {
  const text = `${t.subject ?? ''}\n${t.body}`.replace(PLACEHOLDER_RE, ' ');
  const issues: LintIssue[] = [];
  if (LINK_RE.test(text)) issues.push('outside_link');
  if (PHONE_RE.test(text)) issues.push('phone_number');
  if (MESSENGER_RE.test(text)) issues.push('messenger');
  if (PRESSURE_RE.test(text)) issues.push('pressure');
  return issues;
}
