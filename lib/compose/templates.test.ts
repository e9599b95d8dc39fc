import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  REASONS,
  ROUNDS,
  STYLES,
  TemplateSchema,
  VARIABLES,
  lintTemplate,
  parseTemplate,
  variablesIn,
  type Language,
  type Reason,
  type Template,
} from './model';
import { BUILTIN_TEMPLATES } from './templates';
import { fill } from './variables';

const chat = BUILTIN_TEMPLATES.filter((t) => t.channels.includes('chat'));
const of = (language: Language) => BUILTIN_TEMPLATES.filter((t) => t.language === language);

// Every variable filled with a plausible value in the template's language.
function fullVars(language: Language): Record<string, string> {
  const zh = language.startsWith('zh');
  return {
    buyer: zh ? '王女士' : 'Maria',
    item: zh ? '纯棉儿童睡衣套装' : 'Cotton pyjama set',
    sku: zh ? '蓝色 110cm' : 'Blue, 110 cm',
    amount: '¥99.00',
    currency: 'CNY',
    orderId: '2471093385512748201',
    orderLink: 'https://trade.taobao.com/trade/detail/2471093385512748201',
    deadline: zh ? '11月25日 14:00' : 'Nov 25, 14:00 (UTC+8)',
    timeLeft: zh ? '5小时30分' : '5 hours and 30 minutes',
    shop: zh ? '小熊童装' : 'Little Bear Kids',
    coupon: 'SAVE5',
    gift: zh ? '小袜子一双' : 'a pair of socks',
    seller: zh ? '客服小林' : 'Lin',
  };
}

describe('the built-in library', () => {
  it('has at least 60 templates with unique ids', () => {
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('%s validates against the schema unchanged', (_id, t) => {
    const parsed = TemplateSchema.safeParse(t);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual(t);
    expect(t.builtIn).toBe(true);
  });

  it('uses only known variables and renders with no braces left once filled', () => {
    for (const t of BUILTIN_TEMPLATES) {
      for (const name of variablesIn(`${t.subject ?? ''}${t.body}`)) expect(VARIABLES, t.id).toContain(name);
      const vars = fullVars(t.language);
      const text = fill(t.body, vars);
      expect(text, t.id).toBeDefined();
      expect(text, t.id).not.toMatch(/[{}]/);
      if (t.subject !== undefined) expect(fill(t.subject, vars), t.id).not.toMatch(/[{}]/);
    }
  });

  it('carries no outside links, contact details or pressure wording', () => {
    for (const t of BUILTIN_TEMPLATES) expect(lintTemplate(t), t.id).toEqual([]);
  });

  it('writes the familiar 亲 only in Simplified Chinese, and never in a B2B e-mail', () => {
    for (const t of BUILTIN_TEMPLATES) {
      if (t.language !== 'zh-CN' || t.channels.includes('email')) expect(t.body, t.id).not.toContain('亲');
    }
    expect(of('zh-CN').filter((t) => t.body.includes('亲')).length).toBeGreaterThanOrEqual(10);
  });

  it('keeps returning-buyer wording out of templates a new buyer can get', () => {
    const warm = /又见面|一直以来|又見面|great to see you again|coming back|Рады видеть вас снова|ver você de novo|verte de nuevo/i;
    for (const t of BUILTIN_TEMPLATES) if (t.customer !== 'returning') expect(t.body, t.id).not.toMatch(warm);
  });
});

describe('coverage of the grid', () => {
  it.each(LANGUAGES.flatMap((l) => ROUNDS.map((r) => [l, r] as const)))(
    '%s has generic chat templates for the %s round, for new and returning buyers',
    (language, round) => {
      for (const customer of ['new', 'returning'] as const) {
        const fit = chat.filter(
          (t) => t.language === language && t.rounds.includes(round) && t.reasons.includes('unknown') && (t.customer ?? customer) === customer,
        );
        expect(fit.length, `${language} ${round} ${customer}`).toBeGreaterThanOrEqual(2);
      }
    },
  );

  const reasonsIn = (language: Language): Set<Reason> =>
    new Set(chat.filter((t) => t.language === language).flatMap((t) => t.reasons));

  it.each(['zh-CN', 'en'] as const)('%s answers every reason in chat, in the first and second round', (language) => {
    for (const reason of REASONS) {
      for (const round of ['first', 'second'] as const) {
        const specific = chat.filter((t) => t.language === language && t.reasons.includes(reason) && t.rounds.includes(round));
        expect(specific.length, `${language} ${reason} ${round}`).toBeGreaterThanOrEqual(1);
      }
    }
    expect(reasonsIn(language).size).toBe(REASONS.length);
  });

  it.each(['zh-TW', 'ru', 'pt', 'es'] as const)('%s answers the common reasons', (language) => {
    const common: Reason[] = ['forgot', 'balance_short', 'wrong_payment_method', 'quality_doubt', 'shipping_cost', 'waiting_discount', 'comparing_prices'];
    for (const reason of common) expect(reasonsIn(language), `${language} ${reason}`).toContain(reason);
  });

  it.each(LANGUAGES)('%s offers the playful, incentive, doubt-resolving and notice styles', (language) => {
    const styles = new Set(of(language).map((t) => t.style));
    for (const style of ['playful', 'incentive', 'doubt', 'notice'] as const) expect(styles, `${language} ${style}`).toContain(style);
    expect(STYLES).toEqual(expect.arrayContaining([...styles]));
  });

  it.each(['zh-CN', 'en'] as const)('%s has SMS, e-mail and call scripts for every round', (language) => {
    for (const channel of ['sms', 'email', 'phone'] as const) {
      for (const round of ROUNDS) {
        const fit = of(language).filter((t) => t.channels.includes(channel) && t.rounds.includes(round) && t.customer === undefined);
        expect(fit.length, `${language} ${channel} ${round}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('writes call scripts as short bullet lines an agent can glance at', () => {
    const scripts = BUILTIN_TEMPLATES.filter((t) => t.channels.includes('phone'));
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const t of scripts) {
      const lines = t.body.split('\n');
      expect(lines.length, t.id).toBeGreaterThanOrEqual(4);
      for (const line of lines) {
        expect(line, t.id).toMatch(/^• /);
        expect([...line].length, `${t.id}: ${line}`).toBeLessThanOrEqual(t.language.startsWith('zh') ? 50 : 110);
      }
    }
  });

  it('keeps Chinese SMS within one 70-character message for a typical order', () => {
    const sms = BUILTIN_TEMPLATES.filter((t) => t.channels.includes('sms'));
    const zh = sms.filter((t) => t.language.startsWith('zh'));
    expect(zh.length).toBeGreaterThanOrEqual(4);
    const vars = { ...fullVars('zh-CN'), buyer: '王女士', item: '纯棉儿童睡衣套装春秋款', amount: '¥199.00', timeLeft: '5小时30分', shop: '小熊童装' };
    for (const t of zh) expect([...fill(t.body, vars)!].length, t.id).toBeLessThanOrEqual(70);
    for (const t of sms.filter((x) => !x.language.startsWith('zh'))) {
      expect(fill(t.body, fullVars(t.language))!.length, t.id).toBeLessThanOrEqual(160);
    }
  });

  it('gives every e-mail template a subject', () => {
    const emails = BUILTIN_TEMPLATES.filter((t) => t.channels.includes('email'));
    expect(emails.length).toBeGreaterThanOrEqual(4);
    for (const t of emails) expect(t.subject, t.id).toBeTruthy();
  });
});

describe('custom templates', () => {
  it('fills the defaults of a minimal template and never marks it built-in', () => {
    const result = parseTemplate({ id: 'my-1', language: 'en', style: 'friendly', label: 'Mine', body: 'Hi {{buyer}}', builtIn: true });
    expect(result.ok).toBe(true);
    const t = (result as { template: Template }).template;
    expect(t.channels).toEqual(['chat']);
    expect(t.rounds).toEqual(['first', 'second', 'last']);
    expect(t.reasons).toEqual(['unknown']);
    expect(t.priority).toBe(0);
    expect(t.builtIn).toBe(false);
  });

  it.each([
    ['an unknown variable', { body: 'Hi {{buyr}}' }, 'body', 'Unknown variable {{buyr}}'],
    ['a single-brace variable', { body: 'Hi {buyer}' }, 'body', 'Write {{buyer}} with double braces'],
    ['an e-mail without a subject', { channels: ['email'] }, 'subject', 'An e-mail template needs a subject'],
    ['an id with spaces', { id: 'my template' }, 'id', undefined],
    ['an unknown reason', { reasons: ['bored'] }, 'reasons.0', undefined],
    ['duplicate channels', { channels: ['chat', 'chat'] }, 'channels', 'Duplicate entries'],
    ['an empty body', { body: '   ' }, 'body', undefined],
  ])('rejects %s', (_name, change, path, message) => {
    const result = parseTemplate({ id: 'my-1', language: 'en', style: 'friendly', label: 'Mine', body: 'Hi {{buyer}}', ...change });
    expect(result.ok).toBe(false);
    const issues = (result as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toContain(path);
    if (message) expect(issues.map((i) => i.message)).toContain(message);
  });

  it('lets literal braces that are not variables through', () => {
    expect(parseTemplate({ id: 'x', language: 'en', style: 'notice', label: 'x', body: 'Size {S} or {M}? {{buyer}}' }).ok).toBe(true);
  });

  it.each([
    ['加我微信 abc123 聊', 'messenger'],
    ['Pay via www.example.com/pay', 'outside_link'],
    ['Call me on +1 415 555 0134', 'phone_number'],
    ['今天不付款否则取消', 'pressure'],
    ['This is your ultimatum', 'pressure'],
  ])('warns about "%s"', (body, issue) => {
    expect(lintTemplate({ body })).toContain(issue);
  });

  it('allows the order link placeholder', () => {
    expect(lintTemplate({ body: 'Pay here: {{orderLink}}', subject: 'Order {{orderId}}' })).toEqual([]);
  });
});
