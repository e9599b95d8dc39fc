import { formatMoney } from '../orders/money';
import { CHINA_OFFSET_MINUTES, DAY_MS } from '../orders/time';
import { paidMinor, type Bank, type MessageLang, type MilestonePlan, type Stage, type StageKind, type Trigger } from './model';

// Our own message templates for each step of a staged payment, in the
// buyer's language. Formal in tone (no "亲"): these go to B2B and large-order
// buyers. Every value comes from the plan; nothing is left as a placeholder.

export const MESSAGE_KINDS = ['notice', 'receipt', 'thanks', 'late_check', 'late_extend', 'late_split', 'account_change'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageInput {
  plan: MilestonePlan;
  stageId: string;
  buyer: string;
  orderId: string;
  now: number;
  lang?: MessageLang;
  /** late_extend: the new due date; late_split: the first part's due date. */
  dueAt?: number;
  /** late_split: the second part's due date. */
  secondDueAt?: number;
}

export interface MilestoneMessage {
  templateId: string;
  lang: MessageLang;
  text: string;
}

/** "2026-11-26" on the seller's (China) calendar. */
export function formatDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

interface Vars {
  buyer: string;
  order: string;
  stage: string;
  n: number;
  amount: string;
  due?: string;
  achieved: string;
  pay: string;
  fx?: string;
  paidAt?: string;
  ref?: string;
  received?: string;
  remaining?: string;
  open?: string;
  first?: string;
  second?: string;
  due2?: string;
  effective?: string;
}

interface Lang {
  kind: Record<StageKind, string>;
  trigger(t: Trigger): string;
  part(n: number): string;
  bank: Record<keyof Bank, string>;
  sep: string;
  platform: string;
  bankLater: string;
  link: string;
  lc: string;
  fx: string;
  notice(v: Vars): string;
  receipt(v: Vars): string;
  thanks(v: Vars): string;
  late_check(v: Vars): string;
  late_extend(v: Vars): string;
  late_split(v: Vars): string;
  account_change(v: Vars): string;
}

const zhCN: Lang = {
  kind: { deposit: '定金', progress: '进度款', balance: '尾款', prepayment: '预付款', initial: '首付款', custom: '分期款' },
  trigger: (t) =>
    ({
      on_confirmation: '订单确认',
      design_approved: '设计方案确认',
      sample_done: '样品完成',
      production_half: '生产过半',
      before_shipment: '货物备妥待发',
      after_acceptance: '验收完成',
      after_bl: `提单签发（提单后${t.days ?? 0}天内付款）`,
      bl_copy: '提单副本已发出',
      custom: t.text ?? '约定节点',
    })[t.kind],
  part: (n) => `（第${n}部分）`,
  bank: { beneficiary: '收款人', bank: '开户行', account: '账号', swift: 'SWIFT', intermediary: '中转行', paypal: 'PayPal' },
  sep: '；',
  platform: '请通过平台订单页面付款',
  bankLater: '银行转账，账户信息以我方发票为准',
  link: '付款链接',
  lc: '信用证（L/C）',
  fx: '汇率说明',
  notice: (v) =>
    `${v.buyer}您好：订单 ${v.order} 已完成“${v.achieved}”，按合同约定现申请第${v.n}期${v.stage} ${v.amount}，请${v.due ? `于 ${v.due} 前` : '尽快'}安排付款。\n付款方式：${v.pay}${v.fx ? `\n${v.fx}` : ''}\n如有任何问题，欢迎随时联系我们。`,
  receipt: (v) =>
    `${v.buyer}您好：已收到您于 ${v.paidAt} 支付的${v.stage} ${v.amount}${v.ref ? `（参考号 ${v.ref}）` : ''}，非常感谢！订单 ${v.order} 目前累计已收 ${v.received}，${v.remaining ? `尚余 ${v.remaining}。` : '款项已全部结清。'}`,
  thanks: (v) =>
    `${v.buyer}您好：订单 ${v.order} 的款项已全部收到，感谢您一路以来的信任与配合！如果方便，请告诉我们这次合作中哪些地方可以做得更好，您的意见对我们很重要。`,
  late_check: (v) =>
    `${v.buyer}您好：订单 ${v.order} 的${v.stage} ${v.amount} 原定 ${v.due} 到期，目前我们还没有查到到账。想了解一下是否遇到了什么情况，比如付款审批或转账额度？如有需要我们配合的地方，请告诉我们。`,
  late_extend: (v) =>
    `${v.buyer}您好：理解您这边的安排。订单 ${v.order} 的${v.stage} ${v.amount} 可以延期至 ${v.due} 支付，不收取任何滞纳金。如同意，请回复确认即可。`,
  late_split: (v) =>
    `${v.buyer}您好：为方便您安排资金，订单 ${v.order} 的${v.stage}未付部分 ${v.open} 可以分两次支付：${v.due} 前付 ${v.first}，${v.due2} 前付 ${v.second}，不收取滞纳金。如同意，请回复确认即可。`,
  account_change: (v) =>
    `${v.buyer}您好：提前通知您，我司收款账户将于 ${v.effective} 起变更。订单 ${v.order} 尚未支付的款项请使用以下新账户：${v.pay}。付款前如收到与此不符的账户信息，请先通过电话或视频与我们核实。谢谢！`,
};

const zhTW: Lang = {
  kind: { deposit: '訂金', progress: '進度款', balance: '尾款', prepayment: '預付款', initial: '首付款', custom: '分期款' },
  trigger: (t) =>
    ({
      on_confirmation: '訂單確認',
      design_approved: '設計方案確認',
      sample_done: '樣品完成',
      production_half: '生產過半',
      before_shipment: '貨物備妥待出貨',
      after_acceptance: '驗收完成',
      after_bl: `提單簽發（提單後${t.days ?? 0}天內付款）`,
      bl_copy: '提單副本已寄出',
      custom: t.text ?? '約定節點',
    })[t.kind],
  part: (n) => `（第${n}部分）`,
  bank: { beneficiary: '收款人', bank: '開戶銀行', account: '帳號', swift: 'SWIFT', intermediary: '中轉行', paypal: 'PayPal' },
  sep: '；',
  platform: '請透過平台訂單頁面付款',
  bankLater: '銀行轉帳，帳戶資訊以我方發票為準',
  link: '付款連結',
  lc: '信用狀（L/C）',
  fx: '匯率說明',
  notice: (v) =>
    `${v.buyer}您好：訂單 ${v.order} 已完成「${v.achieved}」，依合約約定現請款第${v.n}期${v.stage} ${v.amount}，請${v.due ? `於 ${v.due} 前` : '儘快'}安排付款。\n付款方式：${v.pay}${v.fx ? `\n${v.fx}` : ''}\n如有任何問題，歡迎隨時與我們聯繫。`,
  receipt: (v) =>
    `${v.buyer}您好：已收到您於 ${v.paidAt} 支付的${v.stage} ${v.amount}${v.ref ? `（參考號 ${v.ref}）` : ''}，非常感謝！訂單 ${v.order} 目前累計已收 ${v.received}，${v.remaining ? `尚餘 ${v.remaining}。` : '款項已全部結清。'}`,
  thanks: (v) =>
    `${v.buyer}您好：訂單 ${v.order} 的款項已全部收到，感謝您一路以來的信任與配合！方便的話，請告訴我們這次合作有哪些地方可以做得更好，您的意見對我們非常重要。`,
  late_check: (v) =>
    `${v.buyer}您好：訂單 ${v.order} 的${v.stage} ${v.amount} 原定 ${v.due} 到期，目前我們尚未查到入帳。想了解是否遇到了什麼狀況，例如付款審核或轉帳額度？若有需要我們協助之處，請告訴我們。`,
  late_extend: (v) =>
    `${v.buyer}您好：理解您的安排。訂單 ${v.order} 的${v.stage} ${v.amount} 可以延至 ${v.due} 支付，不收取任何滯納金。如同意，請回覆確認即可。`,
  late_split: (v) =>
    `${v.buyer}您好：為方便您調度資金，訂單 ${v.order} 的${v.stage}未付部分 ${v.open} 可分兩次支付：${v.due} 前付 ${v.first}，${v.due2} 前付 ${v.second}，不收取滯納金。如同意，請回覆確認即可。`,
  account_change: (v) =>
    `${v.buyer}您好：提前通知您，本公司收款帳戶將於 ${v.effective} 起變更。訂單 ${v.order} 尚未支付的款項請使用以下新帳戶：${v.pay}。付款前若收到與此不符的帳戶資訊，請先以電話或視訊與我們確認。謝謝！`,
};

const en: Lang = {
  kind: { deposit: 'deposit', progress: 'progress payment', balance: 'balance', prepayment: 'prepayment', initial: 'initial payment', custom: 'instalment' },
  trigger: (t) =>
    ({
      on_confirmation: 'order confirmed',
      design_approved: 'design approved',
      sample_done: 'sample finished',
      production_half: 'production half done',
      before_shipment: 'goods ready for shipment',
      after_acceptance: 'acceptance completed',
      after_bl: `bill of lading issued (payment within ${t.days ?? 0} days)`,
      bl_copy: 'copy of the bill of lading sent',
      custom: t.text ?? 'agreed milestone',
    })[t.kind],
  part: (n) => ` (part ${n})`,
  bank: { beneficiary: 'Beneficiary', bank: 'Bank', account: 'Account', swift: 'SWIFT', intermediary: 'Intermediary bank', paypal: 'PayPal' },
  sep: '; ',
  platform: 'please pay through the order page on the platform',
  bankLater: 'bank transfer to the account on our invoice',
  link: 'Payment link',
  lc: 'letter of credit (L/C)',
  fx: 'Exchange rate',
  notice: (v) =>
    `Dear ${v.buyer}, order ${v.order} has reached "${v.achieved}". As agreed, we now request payment ${v.n}, the ${v.stage} of ${v.amount}${v.due ? `, due by ${v.due}` : ', at your earliest convenience'}.\nPayment: ${v.pay}${v.fx ? `\n${v.fx}` : ''}\nPlease let us know if you have any questions.`,
  receipt: (v) =>
    `Dear ${v.buyer}, we have received your ${v.stage} of ${v.amount} paid on ${v.paidAt}${v.ref ? ` (reference ${v.ref})` : ''}. Thank you! Received so far on order ${v.order}: ${v.received}; ${v.remaining ? `still open: ${v.remaining}.` : 'the order is now paid in full.'}`,
  thanks: (v) =>
    `Dear ${v.buyer}, payment for order ${v.order} is now complete. Thank you for your trust and cooperation! If you have a moment, we would value your feedback on what we could do better next time.`,
  late_check: (v) =>
    `Dear ${v.buyer}, the ${v.stage} of ${v.amount} for order ${v.order} was due on ${v.due}, and we have not seen it arrive yet. Is anything holding it up, such as an approval or a transfer limit? Tell us if we can help.`,
  late_extend: (v) =>
    `Dear ${v.buyer}, we understand. For order ${v.order}, the ${v.stage} of ${v.amount} can be paid by ${v.due}, with no late fee. Please reply to confirm.`,
  late_split: (v) =>
    `Dear ${v.buyer}, to make it easier for you, the open ${v.open} of the ${v.stage} for order ${v.order} can be paid in two parts: ${v.first} by ${v.due} and ${v.second} by ${v.due2}, with no late fee. Please reply to confirm.`,
  account_change: (v) =>
    `Dear ${v.buyer}, please note in advance that our receiving account changes from ${v.effective}. For the open payments of order ${v.order}, please use the new account: ${v.pay}. If you receive different account details, please verify them with us by phone or video call before paying. Thank you.`,
};

const ru: Lang = {
  kind: { deposit: 'депозит', progress: 'промежуточный платёж', balance: 'остаток', prepayment: 'предоплата', initial: 'первый платёж', custom: 'платёж' },
  trigger: (t) =>
    ({
      on_confirmation: 'заказ подтверждён',
      design_approved: 'дизайн согласован',
      sample_done: 'образец готов',
      production_half: 'половина производства выполнена',
      before_shipment: 'товар готов к отгрузке',
      after_acceptance: 'приёмка завершена',
      after_bl: `коносамент выпущен (оплата в течение ${t.days ?? 0} дн.)`,
      bl_copy: 'копия коносамента отправлена',
      custom: t.text ?? 'согласованный этап',
    })[t.kind],
  part: (n) => ` (часть ${n})`,
  bank: { beneficiary: 'Получатель', bank: 'Банк', account: 'Счёт', swift: 'SWIFT', intermediary: 'Банк-посредник', paypal: 'PayPal' },
  sep: '; ',
  platform: 'пожалуйста, оплатите через страницу заказа на платформе',
  bankLater: 'банковский перевод на счёт из нашего инвойса',
  link: 'Ссылка на оплату',
  lc: 'аккредитив (L/C)',
  fx: 'Курс',
  notice: (v) =>
    `Здравствуйте, ${v.buyer}! По заказу ${v.order} выполнен этап «${v.achieved}». Согласно договору просим оплатить платёж ${v.n} (${v.stage}) на сумму ${v.amount}${v.due ? ` до ${v.due}` : ' в ближайшее удобное время'}.\nОплата: ${v.pay}${v.fx ? `\n${v.fx}` : ''}\nЕсли есть вопросы, напишите нам.`,
  receipt: (v) =>
    `Здравствуйте, ${v.buyer}! Мы получили ${v.stage} ${v.amount}, оплаченный ${v.paidAt}${v.ref ? ` (номер ${v.ref})` : ''}. Спасибо! Всего получено по заказу ${v.order}: ${v.received}; ${v.remaining ? `осталось: ${v.remaining}.` : 'заказ оплачен полностью.'}`,
  thanks: (v) =>
    `Здравствуйте, ${v.buyer}! Оплата заказа ${v.order} полностью получена. Спасибо за доверие и сотрудничество! Будем благодарны за отзыв: что нам стоит улучшить?`,
  late_check: (v) =>
    `Здравствуйте, ${v.buyer}! ${v.stage} ${v.amount} по заказу ${v.order} ожидался ${v.due}, но мы его пока не получили. Возможно, что-то мешает — согласование или лимит перевода? Скажите, если мы можем помочь.`,
  late_extend: (v) =>
    `Здравствуйте, ${v.buyer}! Мы понимаем ситуацию. ${v.stage} ${v.amount} по заказу ${v.order} можно оплатить до ${v.due} без штрафа за просрочку. Пожалуйста, подтвердите ответом.`,
  late_split: (v) =>
    `Здравствуйте, ${v.buyer}! Для удобства неоплаченную часть (${v.open}) по заказу ${v.order} можно внести двумя платежами: ${v.first} до ${v.due} и ${v.second} до ${v.due2}, без штрафа. Пожалуйста, подтвердите ответом.`,
  account_change: (v) =>
    `Здравствуйте, ${v.buyer}! Заранее сообщаем: с ${v.effective} меняются наши реквизиты для оплаты. Для оставшихся платежей по заказу ${v.order} используйте новые реквизиты: ${v.pay}. Если получите другие реквизиты, сначала проверьте их у нас по телефону или видеосвязи. Спасибо!`,
};

const pt: Lang = {
  kind: { deposit: 'sinal', progress: 'pagamento intermediário', balance: 'saldo', prepayment: 'pré-pagamento', initial: 'pagamento inicial', custom: 'parcela' },
  trigger: (t) =>
    ({
      on_confirmation: 'pedido confirmado',
      design_approved: 'design aprovado',
      sample_done: 'amostra pronta',
      production_half: 'metade da produção concluída',
      before_shipment: 'mercadoria pronta para embarque',
      after_acceptance: 'aceitação concluída',
      after_bl: `conhecimento de embarque emitido (pagamento em ${t.days ?? 0} dias)`,
      bl_copy: 'cópia do conhecimento de embarque enviada',
      custom: t.text ?? 'etapa combinada',
    })[t.kind],
  part: (n) => ` (parte ${n})`,
  bank: { beneficiary: 'Beneficiário', bank: 'Banco', account: 'Conta', swift: 'SWIFT', intermediary: 'Banco intermediário', paypal: 'PayPal' },
  sep: '; ',
  platform: 'pague pela página do pedido na plataforma',
  bankLater: 'transferência bancária para a conta da nossa fatura',
  link: 'Link de pagamento',
  lc: 'carta de crédito (L/C)',
  fx: 'Câmbio',
  notice: (v) =>
    `Olá, ${v.buyer}! O pedido ${v.order} chegou à etapa "${v.achieved}". Conforme combinado, solicitamos o pagamento ${v.n}, ${v.stage} de ${v.amount}${v.due ? `, até ${v.due}` : ', o quanto antes'}.\nPagamento: ${v.pay}${v.fx ? `\n${v.fx}` : ''}\nQualquer dúvida, fale conosco.`,
  receipt: (v) =>
    `Olá, ${v.buyer}! Recebemos o ${v.stage} de ${v.amount} pago em ${v.paidAt}${v.ref ? ` (referência ${v.ref})` : ''}. Obrigado! Recebido até agora no pedido ${v.order}: ${v.received}; ${v.remaining ? `em aberto: ${v.remaining}.` : 'o pedido está totalmente pago.'}`,
  thanks: (v) =>
    `Olá, ${v.buyer}! O pagamento do pedido ${v.order} foi concluído. Obrigado pela confiança! Se puder, conte-nos o que podemos melhorar na próxima vez.`,
  late_check: (v) =>
    `Olá, ${v.buyer}! O ${v.stage} de ${v.amount} do pedido ${v.order} venceu em ${v.due} e ainda não o recebemos. Aconteceu algo, como uma aprovação pendente ou limite de transferência? Diga se podemos ajudar.`,
  late_extend: (v) =>
    `Olá, ${v.buyer}! Entendemos. O ${v.stage} de ${v.amount} do pedido ${v.order} pode ser pago até ${v.due}, sem multa por atraso. Por favor, responda para confirmar.`,
  late_split: (v) =>
    `Olá, ${v.buyer}! Para facilitar, o valor em aberto de ${v.open} do pedido ${v.order} pode ser pago em duas partes: ${v.first} até ${v.due} e ${v.second} até ${v.due2}, sem multa. Por favor, responda para confirmar.`,
  account_change: (v) =>
    `Olá, ${v.buyer}! Avisamos com antecedência que a nossa conta de recebimento muda a partir de ${v.effective}. Para os pagamentos em aberto do pedido ${v.order}, use a nova conta: ${v.pay}. Se receber outros dados bancários, confirme conosco por telefone ou vídeo antes de pagar. Obrigado!`,
};

const es: Lang = {
  kind: { deposit: 'depósito', progress: 'pago de avance', balance: 'saldo', prepayment: 'prepago', initial: 'pago inicial', custom: 'plazo' },
  trigger: (t) =>
    ({
      on_confirmation: 'pedido confirmado',
      design_approved: 'diseño aprobado',
      sample_done: 'muestra terminada',
      production_half: 'mitad de la producción terminada',
      before_shipment: 'mercancía lista para el envío',
      after_acceptance: 'aceptación completada',
      after_bl: `conocimiento de embarque emitido (pago en ${t.days ?? 0} días)`,
      bl_copy: 'copia del conocimiento de embarque enviada',
      custom: t.text ?? 'hito acordado',
    })[t.kind],
  part: (n) => ` (parte ${n})`,
  bank: { beneficiary: 'Beneficiario', bank: 'Banco', account: 'Cuenta', swift: 'SWIFT', intermediary: 'Banco intermediario', paypal: 'PayPal' },
  sep: '; ',
  platform: 'pague desde la página del pedido en la plataforma',
  bankLater: 'transferencia bancaria a la cuenta de nuestra factura',
  link: 'Enlace de pago',
  lc: 'carta de crédito (L/C)',
  fx: 'Tipo de cambio',
  notice: (v) =>
    `Estimado/a ${v.buyer}: el pedido ${v.order} ha llegado a la etapa "${v.achieved}". Según lo acordado, solicitamos el pago ${v.n}, ${v.stage} de ${v.amount}${v.due ? `, antes del ${v.due}` : ', lo antes posible'}.\nPago: ${v.pay}${v.fx ? `\n${v.fx}` : ''}\nQuedamos a su disposición para cualquier duda.`,
  receipt: (v) =>
    `Estimado/a ${v.buyer}: hemos recibido su ${v.stage} de ${v.amount} pagado el ${v.paidAt}${v.ref ? ` (referencia ${v.ref})` : ''}. ¡Gracias! Recibido hasta ahora del pedido ${v.order}: ${v.received}; ${v.remaining ? `pendiente: ${v.remaining}.` : 'el pedido está pagado por completo.'}`,
  thanks: (v) =>
    `Estimado/a ${v.buyer}: el pago del pedido ${v.order} está completo. ¡Gracias por su confianza! Si tiene un momento, nos gustaría saber qué podemos mejorar.`,
  late_check: (v) =>
    `Estimado/a ${v.buyer}: el ${v.stage} de ${v.amount} del pedido ${v.order} vencía el ${v.due} y aún no lo hemos recibido. ¿Hay algo que lo retrase, como una aprobación o un límite de transferencia? Díganos si podemos ayudar.`,
  late_extend: (v) =>
    `Estimado/a ${v.buyer}: lo entendemos. El ${v.stage} de ${v.amount} del pedido ${v.order} puede pagarse hasta el ${v.due}, sin recargo por retraso. Por favor, responda para confirmar.`,
  late_split: (v) =>
    `Estimado/a ${v.buyer}: para facilitarle el pago, el importe pendiente de ${v.open} del pedido ${v.order} puede pagarse en dos partes: ${v.first} antes del ${v.due} y ${v.second} antes del ${v.due2}, sin recargo. Por favor, responda para confirmar.`,
  account_change: (v) =>
    `Estimado/a ${v.buyer}: le avisamos con antelación de que nuestra cuenta de cobro cambia a partir del ${v.effective}. Para los pagos pendientes del pedido ${v.order}, utilice la nueva cuenta: ${v.pay}. Si recibe otros datos bancarios, verifíquelos con nosotros por teléfono o videollamada antes de pagar. Gracias.`,
};

export const LANGS: Readonly<Record<MessageLang, Lang>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en, ru, pt, es };

/** The stage's name in a message language: the seller's own name, or the kind's. */
export function stageName(stage: Stage, lang: MessageLang): string {
  const L = LANGS[lang];
  return (stage.name ?? L.kind[stage.kind]) + (stage.part ? L.part(stage.part) : '');
}

export function triggerText(trigger: Trigger, lang: MessageLang): string {
  return LANGS[lang].trigger(trigger);
}

/** How to pay this stage, from its method and the plan's receiving account. */
export function paymentInstructions(plan: MilestonePlan, stage: Stage, lang: MessageLang): string {
  const L = LANGS[lang];
  const parts: string[] = [];
  const bankLines = (['beneficiary', 'bank', 'account', 'swift', 'intermediary'] as const)
    .filter((f) => plan.bank[f]?.trim())
    .map((f) => `${L.bank[f]}: ${plan.bank[f]!.trim()}`);
  switch (stage.method) {
    case 'platform':
      parts.push(L.platform);
      break;
    case 'bank_transfer':
      parts.push(bankLines.length ? bankLines.join(L.sep) : L.bankLater);
      break;
    case 'payment_link':
      if (stage.paymentLink) parts.push(`${L.link}: ${stage.paymentLink}`);
      break;
    case 'paypal':
      parts.push(`PayPal: ${plan.bank.paypal?.trim() || ''}`.trim());
      break;
    case 'lc':
      parts.push(L.lc);
      break;
    case 'other':
      break;
  }
  if (stage.method !== 'payment_link' && stage.paymentLink) parts.push(`${L.link}: ${stage.paymentLink}`);
  if (stage.instructions) parts.push(stage.instructions);
  return parts.filter(Boolean).join(L.sep) || L.bankLater;
}

/** The text of one message for one stage. */
export function milestoneMessage(kind: MessageKind, input: MessageInput): MilestoneMessage {
  const { plan } = input;
  const lang = input.lang ?? plan.lang;
  const L = LANGS[lang];
  const index = plan.stages.findIndex((s) => s.id === input.stageId);
  const stage = plan.stages[Math.max(0, index)]!;
  const money = (minor: number) => formatMoney({ minor, currency: stage.currency });
  const paid = paidMinor(stage);
  const open = stage.amountMinor - paid;
  const receivedAll = plan.stages.reduce((s, st) => s + paidMinor(st), 0);
  const remainingAll = plan.total.minor - receivedAll - plan.stages.filter((s) => s.status === 'waived').reduce((s, st) => s + st.amountMinor - paidMinor(st), 0);
  const pending = stage.payments.filter((p) => p.receiptSentAt === undefined);
  const receiptPayments = pending.length ? pending : stage.payments.slice(-1);
  const receiptMinor = receiptPayments.reduce((s, p) => s + p.amountMinor, 0);
  const last = receiptPayments[receiptPayments.length - 1];
  const second = Math.floor(open / 2);

  const vars: Vars = {
    buyer: input.buyer,
    order: input.orderId,
    stage: stageName(stage, lang),
    n: index + 1,
    amount: money(kind === 'receipt' ? receiptMinor : kind === 'notice' && paid > 0 ? open : stage.amountMinor),
    due: input.dueAt !== undefined ? formatDay(input.dueAt) : stage.dueAt !== undefined ? formatDay(stage.dueAt) : undefined,
    achieved: stage.progressNote ?? L.trigger(stage.trigger),
    // The account notice is about the bank account itself, whatever this stage's usual method.
    pay:
      kind === 'account_change'
        ? paymentInstructions(plan, { ...stage, method: 'bank_transfer', instructions: undefined, paymentLink: undefined }, lang)
        : paymentInstructions(plan, stage, lang),
    fx: stage.fxNote ? `${L.fx}: ${stage.fxNote}` : undefined,
    paidAt: last ? formatDay(last.paidAt) : undefined,
    ref: receiptPayments.map((p) => p.reference).filter(Boolean).join(', ') || undefined,
    received: formatMoney({ minor: receivedAll, currency: plan.total.currency }),
    remaining: remainingAll > 0 ? formatMoney({ minor: remainingAll, currency: plan.total.currency }) : undefined,
    open: money(open),
    first: money(open - second),
    second: money(second),
    due2: input.secondDueAt !== undefined ? formatDay(input.secondDueAt) : undefined,
    effective: formatDay(input.now + 30 * DAY_MS),
  };
  return { templateId: `ms.${kind}.${lang}`, lang, text: L[kind](vars) };
}
