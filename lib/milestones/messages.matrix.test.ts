import { describe, expect, it } from 'vitest';
import { formatAmount, MESSAGE_LOCALE } from '../compose/locale';
import { simplifiedIn } from '../../test/support/opencc';
import { DAY_MS } from '../orders/time';
import { recordPayment } from './machine';
import { MESSAGE_KINDS, milestoneMessage, type MessageKind } from './messages';
import { BANK_CHARGES, MESSAGE_LANGS, STAGE_KINDS, type BankCharges, type MessageLang, type MilestonePlan, type StageDraft } from './model';
import { newPlan } from './plan';

// Every staged-payment letter rendered over 6 languages × every stage kind ×
// every message kind × 6 currencies × OUR/SHA × with and without a PI number
// × Trade Assurance or bank transfer, checked for what a business buyer
// would notice: leftovers, doubled currencies, empty sentences, money in
// the wrong locale, a notice missing the total, share, stage n/N, due day
// with its zone or the payment reference, and each language's own grammar.

const NOW = Date.UTC(2026, 10, 23, 4); // 2026-11-23 12:00 in China
const CURRENCIES = ['CNY', 'USD', 'BRL', 'RUB', 'MXN', 'EUR'] as const;
const TOTAL = 1_234_567_00;
const ORDER_ID = 'JW-2026-118';
const PI = 'PI-2026-0457';
const BANK = { beneficiary: 'Shenzhen Jewel Co., Ltd.', bank: 'Bank of China Shenzhen Branch', account: '7441 0000 1234 5678', swift: 'BKCHCNBJ45A', intermediary: 'JPMorgan Chase NY' };
// One stage of each kind: 10 + 15 + 20 + 25 + 20 % and the rest.
const SHARES = [1000, 1500, 2000, 2500, 2000];

function plan(currency: string, charges: BankCharges, pi: boolean, method: 'platform' | 'bank_transfer'): MilestonePlan {
  let n = 0;
  const drafts: StageDraft[] = STAGE_KINDS.map((kind, i) => ({
    kind,
    share: i < SHARES.length ? { kind: 'percent', bp: SHARES[i]! } : { kind: 'rest' },
    trigger: i === 0 ? { kind: 'on_confirmation' } : i === 1 ? { kind: 'design_approved' } : { kind: 'before_shipment' },
    dueAt: NOW + (i + 3) * DAY_MS,
    method,
  }));
  const p = newPlan({ orderKey: `alibaba:${ORDER_ID}`, total: { minor: TOTAL, currency }, presetId: method === 'platform' ? 'trade_assurance' : 'custom', lang: 'en', drafts, now: NOW, newId: () => `s${++n}` });
  let withPayments: MilestonePlan = { ...p, bank: BANK, bankCharges: charges, ...(pi ? { piNumber: PI } : {}) };
  // Every stage has a payment so the receipt and thank-you have something to say.
  withPayments.stages.forEach((s, i) => {
    withPayments = recordPayment(withPayments, s.id, { amountMinor: i === 2 ? Math.floor(s.amountMinor / 2) : s.amountMinor, paidAt: NOW, reference: i === 4 ? "" : `FT26112${i}` }, NOW, `p${i}`);
  });
  return withPayments;
}

const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** How the locale writes the currency ("R$", "₽", "US$", "EUR"). */
function symbolOf(lang: MessageLang, currency: string): string {
  return spaced(formatAmount({ minor: 100, currency }, lang)!).replace(/[\d.,\s-]/g, '');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const STAGE_OF: Record<MessageLang, (n: number, of: number) => string> = {
  'zh-CN': (n, of) => `第${n}期（共${of}期）`,
  'zh-TW': (n, of) => `第${n}期（共${of}期）`,
  en: (n, of) => `stage ${n} of ${of}`,
  ru: (n, of) => `этап ${n} из ${of}`,
  pt: (n, of) => `etapa ${n} de ${of}`,
  es: (n, of) => `etapa ${n} de ${of}`,
};
const ZONE: Record<MessageLang, string> = { 'zh-CN': '北京时间', 'zh-TW': '臺北時間', en: 'China time, UTC+8', ru: 'по пекинскому времени', pt: 'horário de Pequim', es: 'hora de China' };
const DUE_DAY: Record<MessageLang, string> = {
  'zh-CN': '2026年11月26日',
  'zh-TW': '2026年11月26日',
  en: '26 November 2026',
  ru: '26 ноября 2026 г.',
  pt: '26 de novembro de 2026',
  es: '26 de noviembre de 2026',
};
const CHARGES: Record<MessageLang, string> = { 'zh-CN': '银行费用：', 'zh-TW': '銀行手續費：', en: 'Bank charges: ', ru: 'Банковские комиссии: ', pt: 'Tarifas bancárias: ', es: 'Comisiones bancarias: ' };
const FORMAL: Record<MessageLang, { opens: RegExp; closes: string; never: RegExp }> = {
  'zh-CN': { opens: /^尊敬的/, closes: '顺颂商祺', never: /亲|亲爱的|哦～|~/ },
  'zh-TW': { opens: / 您好：/, closes: '敬祝 商祺', never: /親|哦～|~/ },
  en: { opens: /^Dear /, closes: 'Kind regards', never: /\bHi\b|\bHey\b|!{2}|\bASAP\b/ },
  // The formal Вы is capitalised in a letter; lowercase вы/вас/ваш is the chat register.
  ru: { opens: /^Уважаемые коллеги!/, closes: 'С уважением', never: /Здравствуйте|депозит|(?<![\p{L}])(?:вы|вас|вам|вами|ваш\p{L}*)(?![\p{L}])/u },
  pt: { opens: /^Prezados,/, closes: 'Atenciosamente', never: /(?<![\p{L}])(?:Olá|fale conosco|você|o parcela|do parcela|ao parcela|o entrada|do entrada|a sinal|da sinal|à sinal|a saldo|da saldo|depósito)(?![\p{L}])/iu },
  es: { opens: /^Estimados:/, closes: 'Atentamente', never: /dep[oó]sito|(?<![\p{L}])(?:vosotros|os|vuestr\p{L}*|el cuota|del cuota|la anticipo|de la anticipo|la saldo|tú|te)(?![\p{L}])/iu },
};

// An empty bracket, a space before punctuation, a stop after a comma, two stops, an empty line inside the body.
const EMPTY_SENTENCE = /\(\s*\)|（\s*）|«\s*»|"\s*"|「\s*」|“\s*”|[^\S\n][,.;:!?](?!\d)|[,，]\s*[.。!！?？]|[.。!！?？]\s*[，.。]|(?<! г)[.!?]\s*,|\n[^\S\n]*[,.;:]|  |\n\n\n|^\s|\s$/;

interface Case {
  lang: MessageLang;
  currency: string;
  charges: BankCharges;
  pi: boolean;
  method: 'platform' | 'bank_transfer';
  stage: number;
  kind: MessageKind;
}

function* cases(): Generator<Case> {
  for (const lang of MESSAGE_LANGS)
    for (const currency of CURRENCIES)
      for (const charges of BANK_CHARGES)
        for (const pi of [true, false])
          for (const method of ['platform', 'bank_transfer'] as const)
            for (let stage = 0; stage < STAGE_KINDS.length; stage++) for (const kind of MESSAGE_KINDS) yield { lang, currency, charges, pi, method, stage, kind };
}

const plans = new Map<string, MilestonePlan>();
function render(c: Case): string {
  const key = `${c.currency}|${c.charges}|${c.pi}|${c.method}`;
  let p = plans.get(key);
  if (!p) plans.set(key, (p = plan(c.currency, c.charges, c.pi, c.method)));
  const extra = c.kind === 'late_extend' || c.kind === 'late_split' ? { dueAt: NOW + 10 * DAY_MS, secondDueAt: NOW + 40 * DAY_MS } : {};
  return milestoneMessage(c.kind, { plan: p, stageId: p.stages[c.stage]!.id, buyer: 'Anna Petrova', orderId: ORDER_ID, now: NOW, lang: c.lang, platform: 'alibaba', ...extra }).text;
}

function problems(c: Case, text: string): string[] {
  const out: string[] = [];
  const bad = (why: string) => out.push(why);
  if (/undefined|NaN|\{\{|\}\}|\$\{|\[object/.test(text)) bad('leftover placeholder');
  // The seller's own values ("Co., Ltd.") are theirs to punctuate.
  const ours = Object.values(BANK).reduce((t, v) => t.split(v).join('X'), text);
  const empty = EMPTY_SENTENCE.exec(ours);
  if (empty) bad(`empty sentence or stray space near "${ours.slice(Math.max(0, empty.index - 15), empty.index + 15)}"`);
  // Doubled currency: every symbol or code stands right next to a number.
  const symbol = symbolOf(c.lang, c.currency);
  const flat = spaced(text);
  for (const mark of new Set([symbol, c.currency])) {
    for (const m of flat.matchAll(new RegExp(escape(mark), 'g'))) {
      const before = flat.slice(0, m.index).trimEnd();
      const after = flat.slice(m.index + mark.length).trimStart();
      if (!/\d$/.test(before) && !/^\d/.test(after)) bad(`currency "${mark}" not next to an amount`);
    }
  }
  const total = formatAmount({ minor: TOTAL, currency: c.currency }, c.lang)!;
  const formal = FORMAL[c.lang];
  if (!formal.opens.test(text)) bad('does not open formally');
  if (!text.endsWith(formal.closes)) bad('does not close formally');
  if (formal.never.test(text)) bad(`informal or wrong word: ${formal.never.exec(text)![0]}`);
  if (c.lang === 'zh-TW') for (const ch of simplifiedIn(text)) bad(`Simplified in zh-TW: ${ch}`);
  const ta = c.method === 'platform';
  if (c.kind === 'notice') {
    if (!text.includes(total)) bad(`no order total ${total}`);
    const bp = SHARES[c.stage] ?? 10_000 - SHARES.reduce((a, b) => a + b, 0);
    const pct = new Intl.NumberFormat(MESSAGE_LOCALE[c.lang], { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
    if (!text.includes(pct)) bad(`no share ${pct}`);
    if (!text.includes(STAGE_OF[c.lang](c.stage + 1, STAGE_KINDS.length))) bad('no stage n of N');
    if (!text.includes(ORDER_ID)) bad('no order number');
    if (c.pi !== text.includes(PI)) bad(c.pi ? 'no PI number' : 'a PI number from nowhere');
    if (c.stage === 0 && !(text.includes(DUE_DAY[c.lang]) && text.includes(ZONE[c.lang]))) bad('no due day with its zone');
    if (ta) {
      if (!text.includes('Trade Assurance')) bad('no Trade Assurance');
      if (text.includes(BANK.account) || text.includes(BANK.swift) || text.includes(CHARGES[c.lang])) bad('bank details in a Trade Assurance notice');
    } else {
      if (!text.includes(BANK.account) || !text.includes(BANK.swift)) bad('no bank details');
      if (!text.includes(`${CHARGES[c.lang]}${c.charges}`)) bad(`no bank-charges clause ${c.charges}`);
      if (text.includes(`${CHARGES[c.lang]}${c.charges === 'OUR' ? 'SHA' : 'OUR'}`)) bad('the other bank-charges clause');
      // The reference sentence names the PI (when there is one) and the order number together.
      const line = text.split('\n').find((l) => l.includes(ORDER_ID) && (!c.pi || l.includes(PI)) && !l.startsWith(FORMAL[c.lang].closes) && l !== text.split('\n')[2]);
      if (!line) bad('no payment reference line');
    }
  }
  if (c.kind === 'account_change' && !text.includes(BANK.account)) bad('account notice without the account');
  if (c.kind !== 'account_change' && !text.includes(ORDER_ID)) bad('no order number');
  return out;
}

describe('staged-payment letters: the render matrix', () => {
  it('every language × stage kind × message kind × currency × OUR/SHA × PI × Trade Assurance/bank reads right', () => {
    const failures: string[] = [];
    let count = 0;
    for (const c of cases()) {
      const text = render(c);
      count++;
      for (const p of problems(c, text)) {
        if (failures.length < 40) failures.push(`${c.lang} ${c.kind} stage ${c.stage + 1} ${c.currency} ${c.charges} pi=${c.pi} ${c.method}: ${p}${process.env.SHOW_TEXT ? `\n${text}` : ''}`);
      }
    }
    expect(count).toBe(6 * 6 * 2 * 2 * 2 * 6 * 7);
    expect(failures).toEqual([]);
  }, 120_000);

  it('money is written the way each market writes it', () => {
    const p = plan('BRL', 'SHA', true, 'bank_transfer');
    const notice = (lang: MessageLang, currency: string) => {
      const q = currency === 'BRL' ? p : plan(currency, 'SHA', true, 'bank_transfer');
      return spaced(milestoneMessage('notice', { plan: q, stageId: q.stages[0]!.id, buyer: 'Anna', orderId: ORDER_ID, now: NOW, lang, platform: 'manual' }).text);
    };
    expect(notice('pt', 'BRL')).toContain('R$ 1.234.567,00');
    expect(notice('pt', 'BRL')).toContain('R$ 123.456,70');
    expect(notice('ru', 'RUB')).toContain('1 234 567,00 ₽');
    expect(notice('ru', 'RUB')).toContain('10 %');
    expect(notice('en', 'USD')).toContain('US$1,234,567.00');
    expect(notice('es', 'MXN')).toContain('$1,234,567.00');
    expect(notice('es', 'MXN')).not.toContain('MXN');
    expect(notice('zh-CN', 'CNY')).toContain('¥1,234,567.00');
    expect(notice('zh-CN', 'CNY')).not.toContain('CNY');
  });
});

describe('staged-payment letters: each language on its own terms', () => {
  const p = plan('USD', 'SHA', true, 'bank_transfer');
  const byKind = (kind: (typeof STAGE_KINDS)[number]) => p.stages[STAGE_KINDS.indexOf(kind)]!.id;
  const msg = (kind: MessageKind, lang: MessageLang, stageId: string) => milestoneMessage(kind, { plan: p, stageId, buyer: 'Anna', orderId: ORDER_ID, now: NOW, lang, platform: 'manual' }).text;

  it('ru: the received advance and prepayment stand in the accusative, a part payment goes "в счёт" the genitive', () => {
    expect(msg('receipt', 'ru', byKind('deposit'))).toContain('Мы получили аванс в размере');
    expect(msg('receipt', 'ru', byKind('prepayment'))).toContain('Мы получили предоплату в размере');
    // Stage 3 (balance) was half paid: its receipt is a payment towards it.
    expect(msg('receipt', 'ru', byKind('balance'))).toContain('Мы получили оплату в размере');
    expect(msg('receipt', 'ru', byKind('balance'))).toContain('в счёт окончательного платежа');
    expect(msg('notice', 'ru', byKind('prepayment'))).toContain('просим Вас внести предоплату (этап');
    expect(msg('late_check', 'ru', byKind('prepayment'))).toContain('срок оплаты предоплаты в размере');
    for (const kind of MESSAGE_KINDS) for (const s of p.stages) expect(msg(kind, 'ru', s.id)).not.toMatch(/получили предоплата|депозит|оплаченный/);
  });

  it('pt: sinal and saldo take o/do, entrada and parcela take a/da', () => {
    expect(msg('notice', 'pt', byKind('deposit'))).toContain('o pagamento do sinal');
    expect(msg('notice', 'pt', byKind('initial'))).toContain('o pagamento da entrada');
    expect(msg('notice', 'pt', byKind('custom'))).toContain('o pagamento da parcela');
    expect(msg('late_check', 'pt', byKind('progress'))).toMatch(/registros, a parcela intermediária/);
    expect(msg('receipt', 'pt', byKind('balance'))).toContain('referente ao saldo final');
  });

  it('es: anticipo and pago por hito, never depósito; la cuota', () => {
    expect(msg('notice', 'es', byKind('deposit'))).toContain('cubrir el anticipo');
    expect(msg('notice', 'es', byKind('progress'))).toContain('cubrir el pago por hito');
    expect(msg('late_check', 'es', byKind('custom'))).toContain('registros, la cuota');
  });

  it('zh: 贵司 in Simplified, 貴公司 in Traditional, and the zh-TW letters hold no Simplified-only character', () => {
    for (const kind of MESSAGE_KINDS) {
      const cn = msg(kind, 'zh-CN', byKind('progress'));
      const tw = msg(kind, 'zh-TW', byKind('progress'));
      if (kind !== 'account_change') expect(cn).toMatch(/贵司/);
      expect(cn).not.toMatch(/亲|您的订单/);
      if (kind !== 'account_change') expect(tw).toMatch(/貴公司/);
      expect(simplifiedIn(tw), tw).toEqual([]);
    }
  });

  it('a seller-named stage keeps the grammar: the name sits in quotes after a noun that carries it', () => {
    const named: MilestonePlan = { ...p, stages: p.stages.map((s, i) => (i === 1 ? { ...s, name: 'Sample fee' } : s)) };
    const m = (lang: MessageLang, kind: MessageKind) => milestoneMessage(kind, { plan: named, stageId: named.stages[1]!.id, buyer: 'Anna', orderId: ORDER_ID, now: NOW, lang, platform: 'manual' }).text;
    expect(m('ru', 'notice')).toContain('внести платёж «Sample fee»');
    expect(m('ru', 'late_check')).toContain('оплаты платежа «Sample fee»');
    expect(m('pt', 'notice')).toContain('da parcela "Sample fee"');
    expect(m('es', 'notice')).toContain('cubrir la cuota "Sample fee"');
  });
});
