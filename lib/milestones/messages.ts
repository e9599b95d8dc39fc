import { formatAmount, formatLongDate, MESSAGE_LOCALE } from '../compose/locale';
import { lintStagedPayment, type LintIssue } from '../compose/model';
import { formatMoney } from '../orders/money';
import type { Platform } from '../orders/model';
import { CHINA_OFFSET_MINUTES, DAY_MS } from '../orders/time';
import { bankChargesOf, paidMinor, type Bank, type BankCharges, type MessageLang, type MilestonePlan, type Stage, type StageKind, type Trigger } from './model';

// Our own letters for each step of a staged payment, in the buyer's language,
// written the way an account manager of that market writes to a business
// customer: 贵司 / 貴公司, «Уважаемые коллеги» with a capital Вы, Prezados …
// Atenciosamente, Estimados … ustedes. Each notice names the order total, the
// stage (n of N, share, amount), the due day with its zone, what to quote as
// the payment reference and who pays the bank charges. A stage paid through
// the platform (Alibaba.com Trade Assurance) is asked for on the order page,
// with no bank details. Money and dates are written in the message language's
// locale. Every value comes from the plan; nothing is left as a placeholder.

export const MESSAGE_KINDS = ['notice', 'receipt', 'thanks', 'late_check', 'late_extend', 'late_split', 'account_change'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageInput {
  plan: MilestonePlan;
  stageId: string;
  buyer: string;
  orderId: string;
  now: number;
  lang?: MessageLang;
  /** The order's marketplace: decides Trade Assurance wording and what the text may carry. */
  platform?: Platform;
  /** late_extend: the new due date; late_split: the first part's due date. */
  dueAt?: number;
  /** late_split: the second part's due date. */
  secondDueAt?: number;
}

export interface MilestoneMessage {
  templateId: string;
  lang: MessageLang;
  text: string;
  /**
   * What the text carries that the order's marketplace may punish (bank
   * details, links, outside contacts): the panel shows it and does not let
   * the text go out until the person says so.
   */
  warnings: LintIssue[];
}

/** "2026-11-26" on the seller's (China) calendar, for the seller's own screens. */
export function formatDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** A stage's name in the forms a sentence needs: Russian declines it, Portuguese and Spanish agree with its gender. */
export interface StageWords {
  nom: string;
  acc: string;
  gen: string;
  g: 'm' | 'f';
}

const same = (nom: string, g: 'm' | 'f' = 'm'): StageWords => ({ nom, acc: nom, gen: nom, g });

interface Vars {
  buyer: string;
  order: string;
  pi?: string;
  stage: StageWords;
  n: number;
  of: number;
  /** The stage's share of the order total ("30%", "30 %"). */
  pct: string;
  /** The stage's amount. */
  amount: string;
  total: string;
  /** Notice: part of the stage already paid, and what is still open. */
  paid?: string;
  open: string;
  due?: string;
  /** The first stage asked for when the order is confirmed, with no progress note: the notice thanks for the confirmation. */
  confirmed: boolean;
  achieved: string;
  /** How to pay, as whole lines. */
  pay: string;
  /** Ask for the PI and order numbers as the payment reference (not on a platform or a payment link). */
  quote: boolean;
  /** Bank transfer: who pays the charges. */
  charges?: BankCharges;
  fx?: string;
  paidAt?: string;
  ref?: string;
  /** Receipt: the money confirmed is only part of the stage. */
  partial: boolean;
  received: string;
  remaining?: string;
  first: string;
  second: string;
  due2?: string;
  effective: string;
}

interface Lang {
  kind: Record<StageKind, StageWords>;
  /** A stage the seller named: the name in quotes after a noun that carries the grammar. */
  named(name: string): StageWords;
  trigger(t: Trigger): string;
  part(n: number): string;
  bank: Record<keyof Bank, string>;
  /** Between a label and its value: full width in Chinese. */
  colon: string;
  bankHead: string;
  bankLater: string;
  paypal(account: string | undefined): string;
  link: string;
  lc: string;
  fx: string;
  /** Alibaba.com Trade Assurance: pay on the order page, nothing else. */
  tradeAssurance: string;
  platform: string;
  notice(v: Vars): string;
  receipt(v: Vars): string;
  thanks(v: Vars): string;
  late_check(v: Vars): string;
  late_extend(v: Vars): string;
  late_split(v: Vars): string;
  account_change(v: Vars): string;
}

/** Lines of a letter; a missing part leaves no empty line. */
function letter(greeting: string, body: readonly (string | false | undefined)[], closing: string): string {
  return `${greeting}\n\n${body.filter((l): l is string => typeof l === 'string' && l.trim() !== '').join('\n')}\n\n${closing}`;
}

// Portuguese and Spanish articles agree with the stage's gender.
const pt_o = (w: StageWords) => (w.g === 'f' ? 'a' : 'o');
const pt_do = (w: StageWords) => (w.g === 'f' ? 'da' : 'do');
const pt_ao = (w: StageWords) => (w.g === 'f' ? 'à' : 'ao');
const es_el = (w: StageWords) => (w.g === 'f' ? 'la' : 'el');
const es_del = (w: StageWords) => (w.g === 'f' ? 'de la' : 'del');

const zhCN: Lang = {
  kind: { deposit: same('定金'), progress: same('进度款'), balance: same('尾款'), prepayment: same('预付款'), initial: same('首付款'), custom: same('分期款') },
  named: (name) => same(`“${name}”款项`),
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
  colon: '：',
  bankHead: '收款账户信息：',
  bankLater: '付款方式：银行电汇，收款账户以我方形式发票（PI）所列为准。',
  paypal: (a) => (a ? `付款方式：PayPal，收款账户 ${a}。` : '付款方式：PayPal，收款账户以我方形式发票（PI）所列为准。'),
  link: '付款链接：',
  lc: '付款方式：按约定开立信用证（L/C）。',
  fx: '汇率说明：',
  tradeAssurance: '请在阿里巴巴国际站的订单页面通过信用保障（Trade Assurance）付款，款项将继续受该订单的交易保障。',
  platform: '请在平台的订单页面付款。',
  notice: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [
        `您好！${v.confirmed ? `感谢贵司确认订单 ${v.order}${v.pi ? `（PI号：${v.pi}）` : ''}。` : `贵司订单 ${v.order}${v.pi ? `（PI号：${v.pi}）` : ' '}已完成“${v.achieved}”节点。`}根据双方约定的付款条款，现请贵司支付第${v.n}期（共${v.of}期）${v.stage.nom} ${v.amount}，占订单总额 ${v.total} 的 ${v.pct}。${v.due ? `请于${v.due}（北京时间）前完成付款。` : '请贵司尽早安排付款。'}`,
        v.paid && `本期已收 ${v.paid}，本次应付余额为 ${v.open}。`,
        v.pay,
        v.quote && `汇款时请在附言中注明${v.pi ? ` PI号 ${v.pi} 及` : ''}订单号 ${v.order}，以便我方核对入账。`,
        v.charges === 'OUR' && '银行费用：OUR，汇款产生的全部费用（含中转行费用）由汇款方承担，以确保我方足额收款。',
        v.charges === 'SHA' && '银行费用：SHA，双方各自承担本方银行的费用。',
        v.fx,
        '付款安排后烦请告知，谢谢！',
      ],
      '顺颂商祺',
    ),
  receipt: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [
        `您好！贵司于${v.paidAt}支付的 ${v.amount} 已到账${v.ref ? `（银行流水号：${v.ref}）` : ''}，为订单 ${v.order}${v.pi ? `（PI号：${v.pi}）` : ' '}第${v.n}期（共${v.of}期）${v.stage.nom}${v.partial ? '的部分款项' : ''}，谨此确认，并致谢意。`,
        v.remaining ? `截至目前，该订单已收 ${v.received}（订单总额 ${v.total}），尚余 ${v.remaining} 待付。` : `至此，该订单总额 ${v.total} 已全部结清。`,
      ],
      '顺颂商祺',
    ),
  thanks: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [
        `您好！随着最后一笔款项到账，订单 ${v.order}${v.pi ? `（PI号：${v.pi}）` : ' '}总额 ${v.total} 已全部结清。衷心感谢贵司的信任，以及合作过程中的顺畅配合！`,
        '如方便，烦请就本次合作提出宝贵意见，以便我们在下一单中为贵司做得更好。',
      ],
      '顺颂商祺',
    ),
  late_check: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [
        `您好！订单 ${v.order}${v.pi ? `（PI号：${v.pi}）` : ' '}第${v.n}期（共${v.of}期）${v.stage.nom} ${v.amount} ${v.due ? `的约定付款日为${v.due}（北京时间）` : '已到约定付款时间'}，目前我方尚未查到到账。`,
        '如贵司已安排付款，烦请提供付款凭证（如电汇水单），以便我们核查；如因内部审批、转账额度等原因有所延迟，也请告知，我们愿与贵司商量合适的安排。',
      ],
      '顺颂商祺',
    ),
  late_extend: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [`您好！感谢贵司说明情况。订单 ${v.order} 第${v.n}期${v.stage.nom} ${v.amount} 的付款期限可延至${v.due}（北京时间），不收取任何滞纳金或利息。如无异议，请回复确认。`],
      '顺颂商祺',
    ),
  late_split: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [
        `您好！为便于贵司安排资金，订单 ${v.order} 第${v.n}期${v.stage.nom}尚未支付的 ${v.open} 可分两次支付：${v.due}前支付 ${v.first}，${v.due2}前支付 ${v.second}（均为北京时间），不收取滞纳金或利息。如无异议，请回复确认。`,
      ],
      '顺颂商祺',
    ),
  account_change: (v) =>
    letter(
      `尊敬的${v.buyer}：`,
      [
        `您好！特此提前通知：自${v.effective}起，我司收款账户将变更。订单 ${v.order} 尚未支付的款项，请汇入以下新账户：`,
        v.pay,
        '付款前如收到与上述信息不符的账户资料，请务必先通过电话或视频与我们核实。谢谢！',
      ],
      '顺颂商祺',
    ),
};

const zhTW: Lang = {
  kind: { deposit: same('訂金'), progress: same('進度款'), balance: same('尾款'), prepayment: same('預付款'), initial: same('首期款'), custom: same('分期款') },
  named: (name) => same(`「${name}」款項`),
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
      custom: t.text ?? '約定階段',
    })[t.kind],
  part: (n) => `（第${n}部分）`,
  bank: { beneficiary: '受款人', bank: '受款銀行', account: '帳號', swift: 'SWIFT', intermediary: '中間銀行', paypal: 'PayPal' },
  colon: '：',
  bankHead: '匯款資訊：',
  bankLater: '付款方式：銀行電匯，受款帳戶以我方預估發票（PI）所列為準。',
  paypal: (a) => (a ? `付款方式：PayPal，收款帳戶 ${a}。` : '付款方式：PayPal，收款帳戶以我方預估發票（PI）所列為準。'),
  link: '付款連結：',
  lc: '付款方式：依約定開立信用狀（L/C）。',
  fx: '匯率說明：',
  tradeAssurance: '請在阿里巴巴國際站的訂單頁面透過信用保障（Trade Assurance）付款，款項將持續受該訂單的交易保障。',
  platform: '請在平台的訂單頁面付款。',
  notice: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [
        `${v.confirmed ? `感謝貴公司確認訂單 ${v.order}${v.pi ? `（PI 號碼：${v.pi}）` : ''}。` : `貴公司訂單 ${v.order}${v.pi ? `（PI 號碼：${v.pi}）` : ' '}已完成「${v.achieved}」階段。`}依雙方約定的付款條件，敬請支付第${v.n}期（共${v.of}期）${v.stage.nom} ${v.amount}，佔訂單總額 ${v.total} 的 ${v.pct}。${v.due ? `付款期限為${v.due}（臺北時間，UTC+8）。` : '敬請儘早安排付款。'}`,
        v.paid && `本期已收 ${v.paid}，尚待支付 ${v.open}。`,
        v.pay,
        v.quote && `匯款時請於附言註明${v.pi ? ` PI 號碼 ${v.pi} 及` : ''}訂單編號 ${v.order}，以利我方對帳。`,
        v.charges === 'OUR' && '銀行手續費：OUR，匯款產生的所有費用（含中間銀行費用）均由匯款方負擔，以確保我方足額收款。',
        v.charges === 'SHA' && '銀行手續費：SHA，雙方各自負擔己方銀行的費用。',
        v.fx,
        '安排付款後，煩請告知，謝謝。',
      ],
      '敬祝 商祺',
    ),
  receipt: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [
        `貴公司於${v.paidAt}支付的 ${v.amount} 已入帳${v.ref ? `（匯款參考號碼：${v.ref}）` : ''}，為訂單 ${v.order}${v.pi ? `（PI 號碼：${v.pi}）` : ' '}第${v.n}期（共${v.of}期）${v.stage.nom}${v.partial ? '的部分款項' : ''}，特此確認，並致謝忱。`,
        v.remaining ? `截至目前，該訂單已收 ${v.received}（訂單總額 ${v.total}），尚餘 ${v.remaining} 待付。` : `至此，該訂單總額 ${v.total} 已全數付清。`,
      ],
      '敬祝 商祺',
    ),
  thanks: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [
        `最後一筆款項已入帳，訂單 ${v.order}${v.pi ? `（PI 號碼：${v.pi}）` : ' '}總額 ${v.total} 已全數付清。誠摯感謝貴公司的信任，以及合作期間的順暢配合！`,
        '方便的話，懇請就這次合作提供寶貴意見，讓我們下一張訂單能為貴公司做得更好。',
      ],
      '敬祝 商祺',
    ),
  late_check: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [
        `訂單 ${v.order}${v.pi ? `（PI 號碼：${v.pi}）` : ' '}第${v.n}期（共${v.of}期）${v.stage.nom} ${v.amount} ${v.due ? `的約定付款日為${v.due}（臺北時間）` : '已屆約定付款時間'}，目前我方尚未查到入帳。`,
        '若貴公司已安排付款，煩請提供匯款證明，以便我們查詢；若因內部審核、轉帳額度等原因而延遲，也請告知，我們樂意與貴公司商量合適的安排。',
      ],
      '敬祝 商祺',
    ),
  late_extend: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [`感謝貴公司說明狀況。訂單 ${v.order} 第${v.n}期${v.stage.nom} ${v.amount} 的付款期限可延至${v.due}（臺北時間），不收取任何違約金或利息。如無異議，請回覆確認。`],
      '敬祝 商祺',
    ),
  late_split: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [
        `為便於貴公司調度資金，訂單 ${v.order} 第${v.n}期${v.stage.nom}尚未支付的 ${v.open} 可分兩次支付：${v.due}前支付 ${v.first}，${v.due2}前支付 ${v.second}（皆為臺北時間），不收取違約金或利息。如無異議，請回覆確認。`,
      ],
      '敬祝 商祺',
    ),
  account_change: (v) =>
    letter(
      `${v.buyer} 您好：`,
      [
        `特此提前通知：自${v.effective}起，本公司收款帳戶將變更。訂單 ${v.order} 尚未支付的款項，請匯入以下新帳戶：`,
        v.pay,
        '付款前若收到與上述資訊不符的帳戶資料，請務必先以電話或視訊與我們確認。謝謝！',
      ],
      '敬祝 商祺',
    ),
};

const en: Lang = {
  kind: {
    deposit: same('deposit'),
    progress: same('progress payment'),
    balance: same('balance payment'),
    prepayment: same('prepayment'),
    initial: same('initial payment'),
    custom: same('instalment'),
  },
  named: (name) => same(`"${name}" payment`),
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
  colon: ': ',
  bankHead: 'Bank details:',
  bankLater: 'Payment by bank transfer to the account stated on our proforma invoice.',
  paypal: (a) => (a ? `Payment by PayPal to ${a}.` : 'Payment by PayPal to the account stated on our proforma invoice.'),
  link: 'Payment link: ',
  lc: 'Payment by letter of credit (L/C), as agreed.',
  fx: 'Exchange rate: ',
  tradeAssurance: 'Please make this payment on the Alibaba.com order page through Trade Assurance, so that it stays covered by the order protection.',
  platform: 'Please make this payment on the order page on the platform.',
  notice: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `${v.confirmed ? `Thank you for confirming order ${v.order}${v.pi ? ` (PI No. ${v.pi})` : ''}.` : `We are pleased to let you know that order ${v.order}${v.pi ? ` (PI No. ${v.pi})` : ''} has reached the agreed milestone: ${v.achieved}.`} In line with the agreed payment terms, we kindly ask you to arrange the ${v.stage.nom} (stage ${v.n} of ${v.of}) of ${v.amount}, which is ${v.pct} of the order total of ${v.total}. ${v.due ? `The payment is due by ${v.due} (China time, UTC+8).` : 'We would be grateful if you could arrange it at your earliest convenience.'}`,
        v.paid && `${v.paid} of this stage has already been received, so the amount now due is ${v.open}.`,
        v.pay,
        v.quote && `Please quote ${v.pi ? `PI No. ${v.pi} and ` : ''}order No. ${v.order} as the payment reference.`,
        v.charges === 'OUR' && 'Bank charges: OUR. All charges, including those of intermediary banks, are for the remitter, so that the full amount reaches our account.',
        v.charges === 'SHA' && 'Bank charges: SHA. Each party bears the charges of its own bank.',
        v.fx,
        'We would appreciate a short confirmation once the payment has been arranged.',
      ],
      'Kind regards',
    ),
  receipt: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `We confirm with thanks the receipt of ${v.amount}${v.partial ? ' towards' : ', being'} the ${v.stage.nom} (stage ${v.n} of ${v.of}) for order ${v.order}${v.pi ? ` (PI No. ${v.pi})` : ''}, paid on ${v.paidAt}${v.ref ? ` under bank reference ${v.ref}` : ''}.`,
        v.remaining ? `Received to date: ${v.received} of the order total of ${v.total}; still outstanding: ${v.remaining}.` : `With this payment, the order total of ${v.total} is settled in full.`,
      ],
      'Kind regards',
    ),
  thanks: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `With the final payment received, order ${v.order}${v.pi ? ` (PI No. ${v.pi})` : ''}, totalling ${v.total}, is now settled in full. Thank you for your trust and for the smooth cooperation throughout.`,
        'We would value your feedback: is there anything we could do better on your next order?',
      ],
      'Kind regards',
    ),
  late_check: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `According to our records, the ${v.stage.nom} of ${v.amount} for order ${v.order}${v.pi ? ` (PI No. ${v.pi})` : ''}, stage ${v.n} of ${v.of}, ${v.due ? `fell due on ${v.due} (China time, UTC+8)` : 'is now due'}, and we have not yet received it.`,
        'If the payment has already been made, please send us the payment confirmation so that we can trace it. If something is holding it up, such as an internal approval or a transfer limit, please let us know and we will gladly work out a solution with you.',
      ],
      'Kind regards',
    ),
  late_extend: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `Thank you for explaining the situation. We are glad to extend the due date for the ${v.stage.nom} of ${v.amount} for order ${v.order} to ${v.due} (China time, UTC+8), with no late fee or interest. Please confirm by return message.`,
      ],
      'Kind regards',
    ),
  late_split: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `To make planning easier on your side, we propose to settle the open ${v.open} of the ${v.stage.nom} for order ${v.order} in two parts: ${v.first} by ${v.due} and ${v.second} by ${v.due2} (China time, UTC+8), with no late fee or interest. Please confirm by return message.`,
      ],
      'Kind regards',
    ),
  account_change: (v) =>
    letter(
      `Dear ${v.buyer},`,
      [
        `Please note that our receiving bank account changes with effect from ${v.effective}. For the outstanding payments on order ${v.order}, kindly use the new details below.`,
        v.pay,
        'Should you receive any other account details, please verify them with us by phone or video call before making a payment.',
      ],
      'Kind regards',
    ),
};

const ru: Lang = {
  // Never «депозит»: a Russian contract says аванс or предоплата.
  kind: {
    deposit: { nom: 'аванс', acc: 'аванс', gen: 'аванса', g: 'm' },
    progress: { nom: 'промежуточный платёж', acc: 'промежуточный платёж', gen: 'промежуточного платежа', g: 'm' },
    balance: { nom: 'окончательный платёж', acc: 'окончательный платёж', gen: 'окончательного платежа', g: 'm' },
    prepayment: { nom: 'предоплата', acc: 'предоплату', gen: 'предоплаты', g: 'f' },
    initial: { nom: 'первый платёж', acc: 'первый платёж', gen: 'первого платежа', g: 'm' },
    custom: { nom: 'очередной платёж', acc: 'очередной платёж', gen: 'очередного платежа', g: 'm' },
  },
  named: (name) => ({ nom: `платёж «${name}»`, acc: `платёж «${name}»`, gen: `платежа «${name}»`, g: 'm' }),
  trigger: (t) =>
    ({
      on_confirmation: 'подтверждение заказа',
      design_approved: 'согласование дизайна',
      sample_done: 'изготовление образца',
      production_half: 'выполнение половины производства',
      before_shipment: 'готовность товара к отгрузке',
      after_acceptance: 'приёмка',
      after_bl: `выпуск коносамента (оплата в течение ${t.days ?? 0} дн. после выпуска)`,
      bl_copy: 'отправка копии коносамента',
      custom: t.text ?? 'согласованный этап',
    })[t.kind],
  part: (n) => ` (часть ${n})`,
  bank: { beneficiary: 'Получатель', bank: 'Банк получателя', account: 'Счёт', swift: 'SWIFT', intermediary: 'Банк-посредник', paypal: 'PayPal' },
  colon: ': ',
  bankHead: 'Банковские реквизиты:',
  bankLater: 'Оплата банковским переводом на счёт, указанный в нашем проформа-инвойсе.',
  paypal: (a) => (a ? `Оплата через PayPal на счёт ${a}.` : 'Оплата через PayPal на счёт, указанный в нашем проформа-инвойсе.'),
  link: 'Ссылка для оплаты: ',
  lc: 'Оплата аккредитивом (L/C) в соответствии с договорённостью.',
  fx: 'Курс пересчёта: ',
  tradeAssurance: 'Оплату, пожалуйста, произведите на странице заказа на Alibaba.com через Trade Assurance — так платёж остаётся под защитой заказа.',
  platform: 'Оплату, пожалуйста, произведите на странице заказа на платформе.',
  notice: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `${v.confirmed ? `Благодарим Вас за подтверждение заказа № ${v.order}${v.pi ? ` (проформа-инвойс № ${v.pi})` : ''}.` : `Сообщаем, что по заказу № ${v.order}${v.pi ? ` (проформа-инвойс № ${v.pi})` : ''} завершён этап «${v.achieved}».`} В соответствии с согласованными условиями оплаты просим Вас внести ${v.stage.acc} (этап ${v.n} из ${v.of}) в размере ${v.amount} — ${v.pct} от общей суммы заказа ${v.total}. ${v.due ? `Срок оплаты — до ${v.due} (по пекинскому времени, UTC+8).` : 'Срок оплаты — в ближайшее удобное для Вас время.'}`,
        v.paid && `Часть этой суммы (${v.paid}) уже получена, к оплате остаётся ${v.open}.`,
        v.pay,
        v.quote && `В назначении платежа, пожалуйста, укажите ${v.pi ? `номер проформа-инвойса ${v.pi} и ` : ''}номер заказа ${v.order}.`,
        v.charges === 'OUR' && 'Банковские комиссии: OUR — все комиссии, включая комиссии банков-посредников, оплачивает отправитель, чтобы на наш счёт поступила полная сумма.',
        v.charges === 'SHA' && 'Банковские комиссии: SHA — каждая сторона оплачивает комиссию своего банка.',
        v.fx,
        'Будем признательны, если Вы сообщите нам, когда платёж будет отправлен.',
      ],
      'С уважением',
    ),
  receipt: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `Благодарим Вас за оплату. ${v.partial ? `Мы получили оплату в размере ${v.amount} в счёт ${v.stage.gen}` : `Мы получили ${v.stage.acc} в размере ${v.amount}`} (этап ${v.n} из ${v.of}) по заказу № ${v.order}${v.pi ? ` (проформа-инвойс № ${v.pi})` : ''}. ${v.ref ? `Дата платежа — ${v.paidAt}, номер платёжного документа — ${v.ref}.` : `Дата платежа: ${v.paidAt}`}`,
        v.remaining ? `Всего по заказу получено ${v.received} из ${v.total}, к оплате остаётся ${v.remaining}.` : `Таким образом, заказ на сумму ${v.total} оплачен полностью.`,
      ],
      'С уважением',
    ),
  thanks: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `С поступлением последнего платежа заказ № ${v.order}${v.pi ? ` (проформа-инвойс № ${v.pi})` : ''} на сумму ${v.total} оплачен полностью. Благодарим Вас за доверие и слаженную совместную работу.`,
        'Будем признательны, если Вы поделитесь впечатлениями о сотрудничестве: что нам стоит улучшить к следующему заказу?',
      ],
      'С уважением',
    ),
  late_check: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `По нашим данным, срок оплаты ${v.stage.gen} в размере ${v.amount} (этап ${v.n} из ${v.of}) по заказу № ${v.order}${v.pi ? ` (проформа-инвойс № ${v.pi})` : ''} ${v.due ? `наступил ${v.due} (по пекинскому времени)` : 'уже наступил'}, однако средства на наш счёт пока не поступили.`,
        'Если оплата уже произведена, пришлите, пожалуйста, подтверждение платежа — мы его отследим. Если возникла задержка, например из-за внутреннего согласования или лимита на перевод, сообщите нам, пожалуйста: мы охотно найдём вместе с Вами удобное решение.',
      ],
      'С уважением',
    ),
  late_extend: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `Благодарим Вас за разъяснение. Мы готовы перенести срок оплаты ${v.stage.gen} в размере ${v.amount} по заказу № ${v.order} на ${v.due} (по пекинскому времени, UTC+8) без штрафов и пеней. Пожалуйста, подтвердите согласие ответным сообщением.`,
      ],
      'С уважением',
    ),
  late_split: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `Чтобы Вам было удобнее спланировать платежи, предлагаем разделить неоплаченную часть ${v.stage.gen} по заказу № ${v.order} (${v.open}) на два платежа: ${v.first} — до ${v.due} и ${v.second} — до ${v.due2} (по пекинскому времени, UTC+8), без штрафов и пеней. Пожалуйста, подтвердите согласие ответным сообщением.`,
      ],
      'С уважением',
    ),
  account_change: (v) =>
    letter(
      'Уважаемые коллеги!',
      [
        `Заблаговременно уведомляем Вас, что с ${v.effective} меняются наши банковские реквизиты. Оставшиеся платежи по заказу № ${v.order} просим направлять по новым реквизитам.`,
        v.pay,
        'Если Вы получите реквизиты, отличающиеся от указанных, пожалуйста, перед оплатой сверьте их с нами по телефону или видеосвязи.',
      ],
      'С уважением',
    ),
};

const pt: Lang = {
  // Brazilian contracts: sinal, entrada, adiantamento, parcela (feminine: a parcela).
  kind: {
    deposit: same('sinal'),
    progress: same('parcela intermediária', 'f'),
    balance: same('saldo final'),
    prepayment: same('adiantamento'),
    initial: same('entrada', 'f'),
    custom: same('parcela', 'f'),
  },
  named: (name) => same(`parcela "${name}"`, 'f'),
  trigger: (t) =>
    ({
      on_confirmation: 'confirmação do pedido',
      design_approved: 'aprovação do design',
      sample_done: 'amostra pronta',
      production_half: 'metade da produção concluída',
      before_shipment: 'mercadoria pronta para embarque',
      after_acceptance: 'aceite concluído',
      after_bl: `emissão do conhecimento de embarque (pagamento em até ${t.days ?? 0} dias)`,
      bl_copy: 'envio da cópia do conhecimento de embarque',
      custom: t.text ?? 'etapa combinada',
    })[t.kind],
  part: (n) => ` (parte ${n})`,
  bank: { beneficiary: 'Beneficiário', bank: 'Banco', account: 'Conta', swift: 'SWIFT', intermediary: 'Banco intermediário', paypal: 'PayPal' },
  colon: ': ',
  bankHead: 'Dados bancários:',
  bankLater: 'Pagamento por transferência bancária para a conta indicada na nossa fatura proforma.',
  paypal: (a) => (a ? `Pagamento via PayPal para ${a}.` : 'Pagamento via PayPal para a conta indicada na nossa fatura proforma.'),
  link: 'Link de pagamento: ',
  lc: 'Pagamento por carta de crédito (L/C), conforme acordado.',
  fx: 'Câmbio: ',
  tradeAssurance: 'O pagamento deve ser feito na página do pedido no Alibaba.com, pelo Trade Assurance, para que continue coberto pela proteção do pedido.',
  platform: 'O pagamento deve ser feito na página do pedido na plataforma.',
  notice: (v) =>
    letter(
      'Prezados,',
      [
        `${v.confirmed ? `Agradecemos a confirmação do pedido nº ${v.order}${v.pi ? ` (fatura proforma nº ${v.pi})` : ''}.` : `Informamos que o pedido nº ${v.order}${v.pi ? ` (fatura proforma nº ${v.pi})` : ''} concluiu a etapa "${v.achieved}".`} Conforme as condições de pagamento acordadas, solicitamos o pagamento ${pt_do(v.stage)} ${v.stage.nom} (etapa ${v.n} de ${v.of}), no valor de ${v.amount}, correspondente a ${v.pct} do valor total do pedido, de ${v.total}. ${v.due ? `O vencimento é em ${v.due} (horário de Pequim, UTC+8).` : 'Pedimos a gentileza de efetuá-lo com a maior brevidade possível.'}`,
        v.paid && `Desse valor, já recebemos ${v.paid}; o valor em aberto é de ${v.open}.`,
        v.pay,
        v.quote && `Pedimos a gentileza de informar ${v.pi ? `a fatura proforma nº ${v.pi} e ` : ''}o pedido nº ${v.order} como referência do pagamento.`,
        v.charges === 'OUR' && 'Tarifas bancárias: OUR. Todas as tarifas, inclusive as de bancos intermediários, ficam a cargo do remetente, para que o valor integral chegue à nossa conta.',
        v.charges === 'SHA' && 'Tarifas bancárias: SHA. Cada parte arca com as tarifas do próprio banco.',
        v.fx,
        'Agradecemos desde já se puderem nos avisar assim que o pagamento for efetuado.',
      ],
      'Atenciosamente',
    ),
  receipt: (v) =>
    letter(
      'Prezados,',
      [
        `${v.partial ? `Confirmamos o recebimento de ${v.amount} referente ${pt_ao(v.stage)} ${v.stage.nom}` : `Confirmamos o recebimento ${pt_do(v.stage)} ${v.stage.nom}, no valor de ${v.amount}`} (etapa ${v.n} de ${v.of} do pedido nº ${v.order}${v.pi ? `, fatura proforma nº ${v.pi}` : ''}). Data do pagamento: ${v.paidAt}${v.ref ? `; referência bancária: ${v.ref}` : ''}. Agradecemos o pagamento.`,
        v.remaining ? `Até o momento, recebemos ${v.received} do total de ${v.total}; o valor em aberto é de ${v.remaining}.` : `Com isso, o pedido, no valor total de ${v.total}, está integralmente quitado.`,
      ],
      'Atenciosamente',
    ),
  thanks: (v) =>
    letter(
      'Prezados,',
      [
        `Com o recebimento do último pagamento, o pedido nº ${v.order}${v.pi ? ` (fatura proforma nº ${v.pi})` : ''}, no valor total de ${v.total}, está integralmente quitado. Agradecemos a confiança e a ótima parceria ao longo de todo o processo.`,
        'Se possível, gostaríamos de receber a avaliação de vocês: há algo que possamos melhorar no próximo pedido?',
      ],
      'Atenciosamente',
    ),
  late_check: (v) =>
    letter(
      'Prezados,',
      [
        `Segundo nossos registros, ${pt_o(v.stage)} ${v.stage.nom} no valor de ${v.amount} (etapa ${v.n} de ${v.of} do pedido nº ${v.order}${v.pi ? `, fatura proforma nº ${v.pi}` : ''}) ${v.due ? `venceu em ${v.due} (horário de Pequim)` : 'já está vencid' + (v.stage.g === 'f' ? 'a' : 'o')}, e até o momento não identificamos o crédito.`,
        'Caso o pagamento já tenha sido efetuado, pedimos a gentileza de nos enviar o comprovante para que possamos localizá-lo. Se houver algum impedimento, como uma aprovação interna ou um limite de transferência, por favor nos avisem: teremos prazer em encontrar uma solução junto com vocês.',
      ],
      'Atenciosamente',
    ),
  late_extend: (v) =>
    letter(
      'Prezados,',
      [
        `Agradecemos o retorno. Podemos prorrogar o vencimento ${pt_do(v.stage)} ${v.stage.nom} no valor de ${v.amount}, do pedido nº ${v.order}, para ${v.due} (horário de Pequim, UTC+8), sem multa nem juros. Por gentileza, confirmem o de acordo respondendo a esta mensagem.`,
      ],
      'Atenciosamente',
    ),
  late_split: (v) =>
    letter(
      'Prezados,',
      [
        `Para facilitar o planejamento de vocês, propomos dividir o valor em aberto ${pt_do(v.stage)} ${v.stage.nom} do pedido nº ${v.order} (${v.open}) em dois pagamentos: ${v.first} até ${v.due} e ${v.second} até ${v.due2} (horário de Pequim, UTC+8), sem multa nem juros. Por gentileza, confirmem o de acordo respondendo a esta mensagem.`,
      ],
      'Atenciosamente',
    ),
  account_change: (v) =>
    letter(
      'Prezados,',
      [
        `Informamos com antecedência que, a partir de ${v.effective}, nossa conta de recebimento será alterada. Para os pagamentos em aberto do pedido nº ${v.order}, pedimos que utilizem os novos dados abaixo.`,
        v.pay,
        'Caso recebam dados bancários diferentes destes, confirmem conosco por telefone ou videochamada antes de efetuar qualquer pagamento.',
      ],
      'Atenciosamente',
    ),
};

const es: Lang = {
  // Neutral Latin-American terms: anticipo and pago por hito, never «depósito»; la cuota.
  kind: {
    deposit: same('anticipo'),
    progress: same('pago por hito'),
    balance: same('saldo final'),
    prepayment: same('pago anticipado'),
    initial: same('pago inicial'),
    custom: same('cuota', 'f'),
  },
  named: (name) => same(`cuota "${name}"`, 'f'),
  trigger: (t) =>
    ({
      on_confirmation: 'confirmación del pedido',
      design_approved: 'aprobación del diseño',
      sample_done: 'muestra terminada',
      production_half: 'mitad de la producción terminada',
      before_shipment: 'mercancía lista para embarque',
      after_acceptance: 'aceptación completada',
      after_bl: `emisión del conocimiento de embarque (pago dentro de ${t.days ?? 0} días)`,
      bl_copy: 'envío de la copia del conocimiento de embarque',
      custom: t.text ?? 'hito acordado',
    })[t.kind],
  part: (n) => ` (parte ${n})`,
  bank: { beneficiary: 'Beneficiario', bank: 'Banco', account: 'Cuenta', swift: 'SWIFT', intermediary: 'Banco intermediario', paypal: 'PayPal' },
  colon: ': ',
  bankHead: 'Datos bancarios:',
  bankLater: 'Pago por transferencia bancaria a la cuenta indicada en nuestra factura proforma.',
  paypal: (a) => (a ? `Pago por PayPal a ${a}.` : 'Pago por PayPal a la cuenta indicada en nuestra factura proforma.'),
  link: 'Enlace de pago: ',
  lc: 'Pago mediante carta de crédito (L/C), según lo acordado.',
  fx: 'Tipo de cambio: ',
  tradeAssurance: 'El pago debe realizarse en la página del pedido en Alibaba.com, a través de Trade Assurance, para que siga cubierto por la protección del pedido.',
  platform: 'El pago debe realizarse en la página del pedido en la plataforma.',
  notice: (v) =>
    letter(
      'Estimados:',
      [
        `${v.confirmed ? `Les agradecemos la confirmación del pedido n.º ${v.order}${v.pi ? ` (factura proforma n.º ${v.pi})` : ''}.` : `Les informamos que el pedido n.º ${v.order}${v.pi ? ` (factura proforma n.º ${v.pi})` : ''} completó la etapa "${v.achieved}".`} Conforme a las condiciones de pago acordadas, les solicitamos cubrir ${es_el(v.stage)} ${v.stage.nom} (etapa ${v.n} de ${v.of}) por ${v.amount}, equivalente al ${v.pct} del total del pedido, de ${v.total}. ${v.due ? `La fecha de vencimiento es el ${v.due} (hora de China, UTC+8).` : 'Les pedimos realizarlo a la brevedad posible.'}`,
        v.paid && `De este monto ya recibimos ${v.paid}; el saldo pendiente es de ${v.open}.`,
        v.pay,
        v.quote && `Les pedimos indicar ${v.pi ? `la factura proforma n.º ${v.pi} y ` : ''}el pedido n.º ${v.order} como referencia del pago.`,
        v.charges === 'OUR' && 'Comisiones bancarias: OUR. Todas las comisiones, incluidas las de bancos intermediarios, corren por cuenta del ordenante, para que recibamos el monto íntegro.',
        v.charges === 'SHA' && 'Comisiones bancarias: SHA. Cada parte cubre las comisiones de su propio banco.',
        v.fx,
        'Les agradeceremos confirmarnos cuando el pago haya sido realizado.',
      ],
      'Atentamente',
    ),
  receipt: (v) =>
    letter(
      'Estimados:',
      [
        `${v.partial ? `Confirmamos la recepción de ${v.amount} a cuenta ${es_del(v.stage)} ${v.stage.nom}` : `Confirmamos la recepción ${es_del(v.stage)} ${v.stage.nom} de ${v.amount}`} (etapa ${v.n} de ${v.of} del pedido n.º ${v.order}${v.pi ? `, factura proforma n.º ${v.pi}` : ''}). Fecha de pago: ${v.paidAt}${v.ref ? `; referencia bancaria: ${v.ref}` : ''}. Les agradecemos su pago.`,
        v.remaining ? `A la fecha hemos recibido ${v.received} de un total de ${v.total}; queda un saldo pendiente de ${v.remaining}.` : `Con este pago, el pedido, por un total de ${v.total}, queda liquidado en su totalidad.`,
      ],
      'Atentamente',
    ),
  thanks: (v) =>
    letter(
      'Estimados:',
      [
        `Con la recepción del último pago, el pedido n.º ${v.order}${v.pi ? ` (factura proforma n.º ${v.pi})` : ''}, por un total de ${v.total}, queda liquidado en su totalidad. Les agradecemos su confianza y la excelente colaboración durante todo el proceso.`,
        'Si les es posible, nos gustaría conocer su opinión: ¿hay algo que podamos mejorar para su próximo pedido?',
      ],
      'Atentamente',
    ),
  late_check: (v) =>
    letter(
      'Estimados:',
      [
        `Según nuestros registros, ${es_el(v.stage)} ${v.stage.nom} de ${v.amount} (etapa ${v.n} de ${v.of} del pedido n.º ${v.order}${v.pi ? `, factura proforma n.º ${v.pi}` : ''}) ${v.due ? `venció el ${v.due} (hora de China)` : 'ya está vencid' + (v.stage.g === 'f' ? 'a' : 'o')} y aún no vemos el monto reflejado en nuestra cuenta.`,
        'Si el pago ya fue realizado, les pedimos enviarnos el comprobante para poder rastrearlo. Si hay algún inconveniente, como una aprobación interna o un límite de transferencia, por favor avísennos y con gusto buscaremos una solución junto con ustedes.',
      ],
      'Atentamente',
    ),
  late_extend: (v) =>
    letter(
      'Estimados:',
      [
        `Gracias por informarnos. Podemos extender el vencimiento ${es_del(v.stage)} ${v.stage.nom} de ${v.amount}, del pedido n.º ${v.order}, hasta el ${v.due} (hora de China, UTC+8), sin recargos ni intereses. Les pedimos confirmar su conformidad respondiendo a este mensaje.`,
      ],
      'Atentamente',
    ),
  late_split: (v) =>
    letter(
      'Estimados:',
      [
        `Para facilitarles la organización de sus pagos, proponemos dividir el saldo pendiente ${es_del(v.stage)} ${v.stage.nom} del pedido n.º ${v.order} (${v.open}) en dos pagos: ${v.first} a más tardar el ${v.due} y ${v.second} a más tardar el ${v.due2} (hora de China, UTC+8), sin recargos ni intereses. Les pedimos confirmar su conformidad respondiendo a este mensaje.`,
      ],
      'Atentamente',
    ),
  account_change: (v) =>
    letter(
      'Estimados:',
      [
        `Les informamos con anticipación que, a partir del ${v.effective}, cambiará nuestra cuenta de cobro. Para los pagos pendientes del pedido n.º ${v.order}, les pedimos utilizar los nuevos datos que indicamos a continuación.`,
        v.pay,
        'Si llegaran a recibir datos bancarios distintos, confírmenlos con nosotros por teléfono o videollamada antes de realizar cualquier pago.',
      ],
      'Atentamente',
    ),
};

export const LANGS: Readonly<Record<MessageLang, Lang>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en, ru, pt, es };

function stageWords(stage: Stage, lang: MessageLang): StageWords {
  const L = LANGS[lang];
  const base = stage.name ? L.named(stage.name) : L.kind[stage.kind];
  if (!stage.part) return base;
  const p = L.part(stage.part);
  return { nom: base.nom + p, acc: base.acc + p, gen: base.gen + p, g: base.g };
}

/** The stage's name in a message language: the seller's own name, or the kind's. */
export function stageName(stage: Stage, lang: MessageLang): string {
  const L = LANGS[lang];
  return (stage.name ?? L.kind[stage.kind].nom) + (stage.part ? L.part(stage.part) : '');
}

export function triggerText(trigger: Trigger, lang: MessageLang): string {
  return LANGS[lang].trigger(trigger);
}

/** Paid through Alibaba.com Trade Assurance: the platform method on an Alibaba.com order or a Trade Assurance plan. */
export function isTradeAssurance(plan: MilestonePlan, stage: Stage, platform: Platform | undefined): boolean {
  return stage.method === 'platform' && (platform === 'alibaba' || plan.presetId === 'trade_assurance');
}

/** How to pay this stage, as whole lines, from its method and the plan's receiving account. */
export function paymentInstructions(plan: MilestonePlan, stage: Stage, lang: MessageLang, platform?: Platform): string {
  const L = LANGS[lang];
  const lines: string[] = [];
  const bankLines = (['beneficiary', 'bank', 'account', 'swift', 'intermediary'] as const)
    .filter((f) => plan.bank[f]?.trim())
    .map((f) => `${L.bank[f]}${L.colon}${plan.bank[f]!.trim()}`);
  switch (stage.method) {
    case 'platform':
      lines.push(isTradeAssurance(plan, stage, platform) ? L.tradeAssurance : L.platform);
      break;
    case 'bank_transfer':
      lines.push(...(bankLines.length ? [L.bankHead, ...bankLines] : [L.bankLater]));
      break;
    case 'payment_link':
      if (stage.paymentLink) lines.push(`${L.link}${stage.paymentLink}`);
      break;
    case 'paypal':
      lines.push(L.paypal(plan.bank.paypal?.trim() || undefined));
      break;
    case 'lc':
      lines.push(L.lc);
      break;
    case 'other':
      break;
  }
  if (stage.method !== 'payment_link' && stage.paymentLink) lines.push(`${L.link}${stage.paymentLink}`);
  if (stage.instructions) lines.push(stage.instructions);
  return (lines.length ? lines : [L.bankLater]).join('\n');
}

function percentOf(stage: Stage, total: number, lang: MessageLang): string {
  const share = stage.share.kind === 'percent' && !stage.part ? stage.share.bp / 10_000 : total > 0 ? stage.amountMinor / total : 0;
  return new Intl.NumberFormat(MESSAGE_LOCALE[lang], { style: 'percent', maximumFractionDigits: 2 }).format(share);
}

/** What of the plan's own words goes into this message, for the marketplace check: free text, and receiving-account fields. */
function sellerWords(kind: MessageKind, plan: MilestonePlan, stage: Stage): { text: string[]; bank: string[] } {
  const given = (list: (string | undefined)[]) => list.filter((w): w is string => typeof w === 'string' && w.trim() !== '');
  const text = [stage.name, stage.trigger.kind === 'custom' ? stage.trigger.text : undefined];
  const bank: (string | undefined)[] = [];
  // The PI number is left out: a long all-digit one would read as a phone number or an IBAN.
  if (kind === 'notice') text.push(stage.progressNote, stage.fxNote, stage.instructions, stage.paymentLink);
  if (kind === 'notice' || kind === 'account_change') {
    if (stage.method === 'bank_transfer') bank.push(plan.bank.beneficiary, plan.bank.bank, plan.bank.account, plan.bank.swift, plan.bank.intermediary);
    if (stage.method === 'paypal') text.push(plan.bank.paypal);
  }
  return { text: given(text), bank: given(bank) };
}

/** The text of one message for one stage. */
export function milestoneMessage(kind: MessageKind, input: MessageInput): MilestoneMessage {
  const { plan } = input;
  const lang = input.lang ?? plan.lang;
  const L = LANGS[lang];
  const index = plan.stages.findIndex((s) => s.id === input.stageId);
  const stage = plan.stages[Math.max(0, index)]!;
  const money = (minor: number, currency = stage.currency) => formatAmount({ minor, currency }, lang) ?? formatMoney({ minor, currency });
  const day = (ms: number) => formatLongDate(ms, lang) ?? formatDay(ms);
  const paid = paidMinor(stage);
  const open = stage.amountMinor - paid;
  const receivedAll = plan.stages.reduce((s, st) => s + paidMinor(st), 0);
  const remainingAll = plan.total.minor - receivedAll - plan.stages.filter((s) => s.status === 'waived').reduce((s, st) => s + st.amountMinor - paidMinor(st), 0);
  const pending = stage.payments.filter((p) => p.receiptSentAt === undefined);
  const receiptPayments = pending.length ? pending : stage.payments.slice(-1);
  const receiptMinor = receiptPayments.reduce((s, p) => s + p.amountMinor, 0);
  const last = receiptPayments[receiptPayments.length - 1];
  const second = Math.floor(open / 2);
  // The account notice is about the bank account itself, whatever this stage's usual method.
  const payStage: Stage = kind === 'account_change' ? { ...stage, method: 'bank_transfer', instructions: undefined, paymentLink: undefined } : stage;
  const onPlatform = payStage.method === 'platform';

  const vars: Vars = {
    buyer: input.buyer,
    order: input.orderId,
    pi: plan.piNumber?.trim() || undefined,
    stage: stageWords(stage, lang),
    n: index + 1,
    of: plan.stages.length,
    pct: percentOf(stage, plan.total.minor, lang),
    amount: money(kind === 'receipt' ? receiptMinor : stage.amountMinor),
    total: money(plan.total.minor, plan.total.currency),
    paid: kind === 'notice' && paid > 0 && open > 0 ? money(paid) : undefined,
    open: money(open),
    due: input.dueAt !== undefined ? day(input.dueAt) : stage.dueAt !== undefined ? day(stage.dueAt) : undefined,
    confirmed: stage.trigger.kind === 'on_confirmation' && !stage.progressNote,
    achieved: stage.progressNote ?? L.trigger(stage.trigger),
    pay: paymentInstructions(plan, payStage, lang, input.platform),
    quote: !onPlatform && payStage.method !== 'payment_link',
    charges: payStage.method === 'bank_transfer' ? bankChargesOf(plan) : undefined,
    fx: stage.fxNote ? `${L.fx}${stage.fxNote}` : undefined,
    paidAt: last ? day(last.paidAt) : undefined,
    ref: receiptPayments.map((p) => p.reference).filter(Boolean).join(', ') || undefined,
    partial: kind === 'receipt' && receiptMinor < stage.amountMinor,
    received: money(receivedAll, plan.total.currency),
    remaining: remainingAll > 0 ? money(remainingAll, plan.total.currency) : undefined,
    first: money(open - second),
    second: money(second),
    due2: input.secondDueAt !== undefined ? day(input.secondDueAt) : undefined,
    effective: day(input.now + 30 * DAY_MS),
  };
  const warnings =
    input.platform === undefined
      ? []
      : lintStagedPayment({
          platform: input.platform,
          throughPlatform: onPlatform,
          payment: kind === 'notice' || kind === 'account_change' ? paymentKind(payStage) : undefined,
          ...sellerWords(kind, plan, payStage),
        });
  return { templateId: `ms.${kind}.${lang}`, lang, text: L[kind](vars), warnings };
}

function paymentKind(stage: Stage): 'bank' | 'outside' | undefined {
  if (stage.method === 'bank_transfer') return 'bank';
  if (stage.method === 'paypal' || stage.method === 'lc' || stage.method === 'payment_link') return 'outside';
  return undefined;
}
