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
    cutoff: '16:00',
    returns: zh ? '7天无理由退货' : '30-day returns',
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

  it('says an order closes "soon" only where the time left is known', () => {
    // A last call may be sent with no close time read from the page (and days to go):
    // "will close soon" would then be a claim nobody checked. Wording of
    // closeness may only sit in an optional part that needs {{timeLeft}} or
    // {{deadline}}, or in a template that cannot render without one.
    const closeness = [
      /\b(close|closes|closing|cancel\w*)\b[^.!?]{0,30}\bsoon\b|\babout to\b/i,
      /cancel\w*[^.!?]{0,40}\b(pronto|en breve)\b|\ben poco tiempo\b/i,
      /cancelad\w*[^.!?]{0,40}\b(em breve|logo mais)\b|\bdaqui a pouco\b/i,
      /скоро[^.!?]{0,30}(закро|отмен)|(закро|отмен)\w*[^.!?]{0,30}скоро|ещё немного/i,
      /(即将|即將|快要|快被|马上就要|馬上就要|就快)[^。！!]{0,10}(关闭|關閉|取消|送回)/,
    ];
    const needsTime = (text: string) => /\{\{(timeLeft|deadline)\}\}/.test(text.replace(/\[\[[^\]]*\]\]/g, ''));
    for (const t of BUILTIN_TEMPLATES) {
      for (const text of [t.subject ?? '', t.body]) {
        if (needsTime(text)) continue;
        const certain = text.replace(/\[\[[^\]]*\]\]/g, '');
        for (const pattern of closeness) expect(certain, `${t.id}: ${certain}`).not.toMatch(pattern);
      }
    }
  });

  it('keeps returning-buyer wording out of templates a new buyer can get', () => {
    const warm =
      /又见面|一直以来|又見面|好久不見|一直以來|great to see you again|coming back|shopping with us again|снова видеть|снова с нами|снова заказываете|ver você por aqui de novo|comprar de novo|ter você de volta|tenerte de vuelta|volver a comprarnos|comprarnos otra vez|que vuelvas/i;
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

  it.each(LANGUAGES)('%s answers every reason in chat, in the first and second round', (language) => {
    for (const reason of REASONS) {
      for (const round of ['first', 'second'] as const) {
        const specific = chat.filter((t) => t.language === language && t.reasons.includes(reason) && t.rounds.includes(round));
        expect(specific.length, `${language} ${reason} ${round}`).toBeGreaterThanOrEqual(1);
      }
    }
    expect(reasonsIn(language).size).toBe(REASONS.length);
  });

  it.each(LANGUAGES)('%s answers company transfer and disputes in every round', (language) => {
    for (const reason of ['company_transfer', 'dispute'] as const) {
      for (const round of ROUNDS) {
        const specific = chat.filter((t) => t.language === language && t.reasons.includes(reason) && t.rounds.includes(round));
        expect(specific.length, `${language} ${reason} ${round}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it.each(LANGUAGES)('%s writes to returning buyers in every round and every channel', (language) => {
    for (const channel of ['chat', 'sms', 'email', 'phone'] as const) {
      for (const round of ROUNDS) {
        const fit = of(language).filter((t) => t.customer === 'returning' && t.channels.includes(channel) && t.rounds.includes(round));
        expect(fit.length, `${language} ${channel} ${round}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it.each(LANGUAGES)('%s has a formal e-mail notice that any marketplace may use', (language) => {
    const notices = of(language).filter((t) => t.style === 'notice' && t.channels.includes('email') && t.platforms === undefined && t.rounds.length === 3);
    expect(notices.length).toBeGreaterThanOrEqual(1);
  });

  it.each(LANGUAGES)('%s has playful texts beyond the first round', (language) => {
    expect(of(language).some((t) => t.style === 'playful' && t.rounds.some((r) => r !== 'first'))).toBe(true);
  });

  it.each(LANGUAGES)('%s offers the playful, incentive, doubt-resolving and notice styles', (language) => {
    const styles = new Set(of(language).map((t) => t.style));
    for (const style of ['playful', 'incentive', 'doubt', 'notice'] as const) expect(styles, `${language} ${style}`).toContain(style);
    expect(STYLES).toEqual(expect.arrayContaining([...styles]));
  });

  it.each(LANGUAGES)('%s has SMS, e-mail and call scripts for every round', (language) => {
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

  it.each([
    ['an unclosed optional part', 'Hi {{buyer}}[[, your {{item}}'],
    ['a stray closing bracket', 'Hi {{buyer}}]]'],
    ['nested optional parts', 'Hi [[{{buyer}} [[{{item}}]]]]'],
    ['an optional part with no variable', 'Hi {{buyer}}[[, thanks]]'],
  ])('rejects %s', (_name, body) => {
    const result = parseTemplate({ id: 'my-1', language: 'en', style: 'friendly', label: 'Mine', body });
    expect(result.ok).toBe(false);
    expect((result as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('body');
  });

  it('accepts optional parts around variables, and an order fact a template needs', () => {
    const result = parseTemplate({
      id: 'my-1',
      language: 'en',
      style: 'incentive',
      label: 'Mine',
      body: 'Hi {{buyer}}, your order[[ for {{item}}]] is almost sold out[[ and closes in {{timeLeft}}]].',
      requires: ['low_stock'],
    });
    expect(result.ok).toBe(true);
    expect(parseTemplate({ id: 'x', language: 'en', style: 'notice', label: 'x', body: 'Hi', requires: ['sunny'] }).ok).toBe(false);
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
    ['Send the receipt to sales@jewel-co.cn', 'email_address'],
    ['Пишите в Телеграм: @jewelco', 'messenger'],
    ['Ping me on t.me/jewelco', 'messenger'],
  ])('warns about "%s"', (body, issue) => {
    expect(lintTemplate({ body })).toContain(issue);
  });

  it.each([
    ['亲，「{{item}}」最近库存比较紧', 'claim_stock'],
    ['数量有限送完为止～', 'claim_stock'],
    ['Only 3 left, while stocks last!', 'claim_stock'],
    ['Осталось 2 шт.', 'claim_stock'],
    ['Últimas unidades!', 'claim_stock'],
    ['今天付款当天就能打包发出', 'claim_ships_today'],
    ['當天出貨', 'claim_ships_today'],
    ['Pay now and it ships the same day', 'claim_ships_today'],
    ['Оплатите, и отправим сегодня', 'claim_ships_today'],
    ['Pagando agora, sai hoje', 'claim_ships_today'],
    ['近期没有再降价的安排', 'claim_price'],
    ["We don't have a lower price planned, it won't get any cheaper", 'claim_price'],
    ['Дешевле не будет', 'claim_price'],
    ['收到不满意支持7天无理由退货', 'claim_returns'],
    ['7天鑑賞期', 'claim_returns'],
    ['Free returns within 30 days: 30-day returns', 'claim_returns'],
    ['Devolução grátis', 'claim_returns'],
    ['付款送小礼物', 'claim_gift'],
    ['A free gift with every order', 'claim_gift'],
    ['Te damos un regalo', 'claim_gift'],
  ] as const)('warns that "%s" states an unconfirmed fact', (body, issue) => {
    expect(lintTemplate({ body })).toContain(issue);
  });

  it('lets a template state a shop fact through its variable or the order flag', () => {
    expect(lintTemplate({ body: '{{cutoff}}前付款当天发货' })).toEqual([]);
    expect(lintTemplate({ body: 'Orders paid before {{cutoff}} ship the same day.' })).toEqual([]);
    expect(lintTemplate({ body: '收到不满意支持{{returns}}' })).toEqual([]);
    expect(lintTemplate({ body: 'Orders paid today get a free gift: {{gift}}' })).toEqual([]);
    expect(lintTemplate({ body: '「{{item}}」库存不多了', requires: ['low_stock'] })).toEqual([]);
    // A price promise has no fact behind it.
    expect(lintTemplate({ body: '{{cutoff}} 不会再降价了', requires: ['low_stock'] })).toEqual(['claim_price']);
  });

  it('keeps bank details and B2B scripts to Alibaba.com and off-platform orders', () => {
    const bank = 'Please transfer to our bank account, SWIFT ABCDCNSH, quoting {{orderId}}';
    expect(lintTemplate({ body: bank })).toContain('bank_details');
    expect(lintTemplate({ body: bank, platforms: ['alibaba', 'aliexpress'] })).toContain('bank_details');
    expect(lintTemplate({ body: bank, platforms: ['alibaba', 'manual'] })).toEqual([]);
    expect(lintTemplate({ body: '请汇款到以下银行账号' })).toContain('bank_details');
    expect(lintTemplate({ body: '• Offer: a split into stages', tags: ['b2b'] })).toContain('b2b_on_marketplace');
    expect(lintTemplate({ body: '• Offer: a split into stages', tags: ['b2b'], platforms: ['alibaba'] })).toEqual([]);
    // A staged-payment script is business-only even when nobody tagged it.
    for (const body of ['• Offer: a split into stages if that helps', '可以分阶段付款', 'Возможна поэтапная оплата', 'Podemos fazer o pagamento em etapas', 'Podemos hacer pagos por hito']) {
      expect(lintTemplate({ body }), body).toContain('b2b_on_marketplace');
      expect(lintTemplate({ body, platforms: ['manual'] }), body).toEqual([]);
    }
  });

  it('allows the order link placeholder', () => {
    expect(lintTemplate({ body: 'Pay here: {{orderLink}}', subject: 'Order {{orderId}}' })).toEqual([]);
  });
});
