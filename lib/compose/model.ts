// The template model: what a reminder template is, the lists the pickers
// offer, and the schema that custom and imported templates must pass. Pure.
import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
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
  // Shop facts (settings, per marketplace): a template may state them only through these.
  'cutoff',
  'returns',
] as const;
export type Variable = (typeof VARIABLES)[number];

/** Variables the person can supply in the panel or settings; the others come from the order. */
export const ASKABLE_VARIABLES: readonly Variable[] = ['shop', 'seller', 'coupon', 'gift', 'orderLink', 'cutoff', 'returns', 'item'];

/** Facts about one order that the person confirms (a flag, not a text): a template that states one needs it set. */
export const ORDER_FACTS = ['low_stock'] as const;
export type OrderFact = (typeof ORDER_FACTS)[number];

const PLACEHOLDER_RE = /\{\{(\w+)\}\}/g;
/**
 * An optional part, written [[ … ]]: kept when every variable inside it has a
 * value, dropped whole otherwise ("Thanks for your order[[ of {{item}}]]!").
 */
export const OPTIONAL_SEGMENT_RE = /\[\[([^[\]]*)\]\]/g;
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

export const TemplateSchema = lazySchema(() => z
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
    /** Order facts the text states; offered only when the person has confirmed them. */
    requires: unique(z.enum(ORDER_FACTS)).min(1).optional(),
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
      for (const message of optionalPartIssues(text)) ctx.addIssue({ code: 'custom', path: [field], message });
    }
    if (t.channels.includes('email') && t.subject === undefined) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'An e-mail template needs a subject' });
    }
  }));

/** What is wrong with the [[ … ]] optional parts of a text (unbalanced, nested, or with no variable to depend on). */
export function optionalPartIssues(text: string): string[] {
  const issues: string[] = [];
  let depth = 0;
  for (const m of text.matchAll(/\[\[|\]\]/g)) {
    depth += m[0] === '[[' ? 1 : -1;
    if (depth > 1) {
      issues.push('Optional parts [[ … ]] cannot be nested');
      break;
    }
    if (depth < 0) {
      issues.push('"]]" closes no optional part');
      break;
    }
  }
  if (depth > 0 && issues.length === 0) issues.push('"[[" opens an optional part that is never closed with "]]"');
  for (const m of text.matchAll(OPTIONAL_SEGMENT_RE)) {
    if (variablesIn(m[1]!).length === 0) issues.push(`The optional part "[[${m[1]}]]" has no {{variable}}, so it would always show`);
  }
  return issues;
}

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

export type LintIssue =
  | 'outside_link'
  | 'phone_number'
  | 'messenger'
  | 'pressure'
  | 'claim_stock'
  | 'claim_ships_today'
  | 'claim_price'
  | 'claim_returns'
  | 'claim_gift'
  | 'bank_details'
  | 'b2b_on_marketplace'
  | 'email_address'
  | 'off_platform_payment';

// Marketplaces penalise steering buyers off the platform and pressure; these
// catch the common cases so the editor can warn before a template is saved.
const LINK_RE = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|cn|net|org|io|me|ru|br|ly)\b/i;
const PHONE_RE = /(?<!\d)(?:\+?\d[\d\s-]{8,}\d)(?!\d)/;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const MESSENGER_RE = /微信|weixin|wechat|\bwx\b|whats\s?app|telegram|телеграм|ватсап|вотсап|\bt\.me\/|viber|вайбер|skype|\bQQ\b|line\s?id|vk\.com|paypal\.me|支付宝转账|私下转账|银行卡号/i;
const PRESSURE_RE =
  /最后通牒|后果自负|否则|必须(?:马上|立即|立刻)|再不付|投诉你|差评|起诉|ultimatum|or else|legal action|you must pay|последнее предупреждение|иначе|ou então|última advertencia|de lo contrario/i;

// Facts a seller must have confirmed before a message states them: low stock,
// same-day shipping, no coming price drop, a return period, a gift. Each is
// allowed when the template states it through the fact itself ({{cutoff}},
// {{returns}}, {{gift}}, which are only filled from the settings) or, for
// stock, when the template requires the per-order low-stock flag. Prices are
// never promised: no flag can vouch for the future.
const CLAIMS: ReadonlyArray<{ issue: LintIssue; re: RegExp; allowedBy?: Variable | OrderFact }> = [
  {
    issue: 'claim_stock',
    allowedBy: 'low_stock',
    re: /库存(?:比较|有点|很)?紧|库存不多|库存有限|数量有限|送完为止|卖完为止|仅剩|最后\s*\d+\s*件|快(?:要)?(?:卖|售)完|庫存(?:比較|有點|很)?緊|庫存不多|庫存有限|數量有限|送完為止|賣完為止|僅剩|快(?:要)?(?:賣|售)完|low (?:on )?stock|limited stock|only \d+ left|while (?:stocks?|supplies) last|selling (?:out )?fast|almost sold out|мало осталось|осталось (?:всего )?\d+ шт|заканчива(?:ется|ются)|ограничен[а-яё]* (?:количеств|запас)|pouco estoque|poucas unidades|últimas unidades|enquanto durar|estoque limitado|poco stock|pocas unidades|últimas (?:piezas|unidades)|hasta agotar|stock limitado|quedan pocos/i,
  },
  {
    issue: 'claim_ships_today',
    allowedBy: 'cutoff',
    re: /当天(?:就能|就|即可)?(?:发货|发出|打包)|今天(?:就|内)?(?:能|会|可以)?(?:打包)?发(?:货|出)|当日发|當天(?:就能|就|即可)?(?:出貨|寄出|發貨)|今天(?:就)?(?:能|會|可以)?(?:出貨|寄出)|當日出貨|ships? (?:the )?same day|same[- ]day (?:shipping|dispatch)|ship(?:s|ped)? (?:out )?today|goes out today|dispatch(?:ed)? today|отправ[а-яё]* (?:в тот же день|сегодня)|в день оплаты|envi\w* (?:no mesmo dia|hoje)|sai hoje|postad\w* hoje|(?:el )?mismo día|envi\w* hoy|sale hoy|despach\w* hoy/i,
  },
  {
    issue: 'claim_price',
    re: /不会再降|没有(?:再)?降价|不會再降|沒有(?:再)?降價|最低价|最低價|no lower price|won'?t (?:go|get) (?:any )?(?:lower|cheaper)|price (?:won'?t|will not) drop|lowest price|дешевле не будет|цена не (?:снизится|упадёт|упадет)|não vai baixar|preço (?:não vai|não deve) (?:cair|baixar)|menor preço|no (?:va a )?bajar(?:á)?|precio más bajo/i,
  },
  {
    issue: 'claim_returns',
    allowedBy: 'returns',
    re: /\d+\s*天无理由|[七十]天无理由|无理由退(?:换|货)|\d+\s*天鑑賞期|[七十]天鑑賞期|無理由退(?:換|貨)|\d+[- ]day (?:free )?returns?|free returns|return (?:it )?within \d+ days|возврат (?:в течение|за) \d+|\d+ дн[а-яё]* на возврат|бесплатн[а-яё]* возврат|devolução (?:grátis|gratuita|em \d+)|\d+ dias para (?:devolver|devolução)|devolución (?:gratis|gratuita|en \d+)|\d+ días para devol/i,
  },
  {
    issue: 'claim_gift',
    allowedBy: 'gift',
    re: /送(?:您)?(?:一份)?(?:小)?(?:礼物|礼品)|赠品|贈品|送(?:您)?(?:一份)?(?:小)?禮物|free gift|bonus gift|a (?:little|small) gift|подар(?:ок|ком|им)|brinde|mimo de presente|regalo|obsequio/i,
  },
];

// Bank details belong in an off-platform B2B notice; on a marketplace order
// they steer the buyer to pay outside the platform.
const BANK_RE = /\bIBAN\b|\bSWIFT\b|\bBIC\b|account (?:no|number)|bank account|beneficiary|银行账号|银行帐号|开户行|收款账户|銀行帳號|匯款帳號|расч[её]тн\w* сч[её]т|реквизиты банка|conta bancária|dados bancários|cuenta bancaria|CLABE/i;
const B2B_PLATFORMS: readonly string[] = ['alibaba', 'manual'];
// Scripts that only make sense between businesses: paying an order in
// contract stages (deposit, progress, balance), whatever their tags say. A
// proforma invoice for a company transfer is not one: retail buyers ask too.
const B2B_SCRIPT_RE =
  /split (?:it |the (?:order|payment) )?into stages|staged payments?|payment (?:in|by) stages|分阶段(?:付款|支付)|按阶段付款|分階段(?:付款|支付)|поэтапн[а-яё]* оплат|оплат[а-яё]* по этапам|pagamento em etapas|pagamentos por etapa|pago (?:en|por) etapas|pagos? por hito/i;
/**
 * Wording a marketplace may flag. `{{orderLink}}` is the only link a template
 * may carry; off-platform B2B templates may legitimately break these rules,
 * so the editor warns rather than refuses.
 */
export function lintTemplate(
  t: Pick<Template, 'body'> & {
    subject?: string | undefined;
    requires?: readonly OrderFact[] | undefined;
    platforms?: readonly string[] | undefined;
    tags?: readonly string[] | undefined;
  },
): LintIssue[] {
  const raw = `${t.subject ?? ''}\n${t.body}`;
  const text = raw.replace(PLACEHOLDER_RE, ' ');
  const issues: LintIssue[] = [];
  if (LINK_RE.test(text)) issues.push('outside_link');
  if (PHONE_RE.test(text)) issues.push('phone_number');
  if (MESSENGER_RE.test(text)) issues.push('messenger');
  if (EMAIL_RE.test(text)) issues.push('email_address');
  if (PRESSURE_RE.test(text)) issues.push('pressure');
  const used = new Set<string>([...variablesIn(raw), ...(t.requires ?? [])]);
  for (const claim of CLAIMS) {
    if (claim.allowedBy !== undefined && used.has(claim.allowedBy)) continue;
    if (claim.re.test(text)) issues.push(claim.issue);
  }
  // Absent platforms means every marketplace too.
  const onMarketplace = t.platforms === undefined || t.platforms.some((p) => !B2B_PLATFORMS.includes(p));
  if (onMarketplace && BANK_RE.test(text)) issues.push('bank_details');
  if (onMarketplace && (t.tags?.includes('b2b') || B2B_SCRIPT_RE.test(text))) issues.push('b2b_on_marketplace');
  return issues;
}

/** A B2B-only script (tagged b2b, or offering a staged payment): never offered on a retail marketplace's order. */
export function isB2bScript(t: Pick<Template, 'body'> & { tags?: readonly string[] | undefined }): boolean {
  return (t.tags?.includes('b2b') ?? false) || B2B_SCRIPT_RE.test(t.body.replace(PLACEHOLDER_RE, ' '));
}

/** Alibaba.com and off-platform orders are business deals; the other marketplaces are retail. */
export function isB2bPlatform(platform: string): boolean {
  return B2B_PLATFORMS.includes(platform);
}

/**
 * What a staged-payment message carries that a marketplace order must not:
 * bank details or another way to pay outside the platform, links, phone
 * numbers, messenger IDs and e-mail addresses. An off-platform order (manual)
 * and an Alibaba.com deal paid by bank are business between two companies,
 * where payment instructions are the point; a stage paid through the platform
 * (Trade Assurance) is a marketplace payment wherever the order sits.
 */
export function lintStagedPayment(input: {
  platform: string;
  /** The stage is paid on the platform's order page. */
  throughPlatform: boolean;
  /** How the text asks to be paid, when it asks: by bank, or by another outside channel (PayPal, L/C, a link). */
  payment?: 'bank' | 'outside' | undefined;
  /** Receiving-account fields the text gives. */
  bank?: readonly string[] | undefined;
  /** The seller's own words in the text (instructions, notes, links, names). */
  text: readonly string[];
}): LintIssue[] {
  const marketplace = input.throughPlatform || !B2B_PLATFORMS.includes(input.platform);
  if (!marketplace) return [];
  const issues = new Set<LintIssue>();
  if (input.payment === 'bank' || (input.bank ?? []).some((f) => f.trim() !== '')) issues.add('bank_details');
  if (input.payment === 'outside') issues.add('off_platform_payment');
  const text = input.text.join('\n');
  if (BANK_RE.test(text) || /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}\b/.test(text)) issues.add('bank_details');
  if (LINK_RE.test(text)) issues.add('outside_link');
  if (PHONE_RE.test(text)) issues.add('phone_number');
  if (MESSENGER_RE.test(text)) issues.add('messenger');
  if (EMAIL_RE.test(text)) issues.add('email_address');
  return [...issues];
}
