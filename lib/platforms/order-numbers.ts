import type { Platform } from '../orders/model';
import { abutsInline, continuesWord, drawnUnseen, endsInDigit, INLINE_PARTS, isDigit, nextInlineText, previousInlineText } from './page-text';
import { HAS_NUMBER_MARK, NUMBER_MARKS } from './types';
import { fullName } from './page-words';

/**
 * Order numbers in each platform's public format (PLATFORMS.md, "What
 * survives a redesign"), as whole tokens of page text. Shorter digit runs on
 * the same pages (item ids, seller ids, phone numbers) are left out by length,
 * and digits cut short by an ellipsis ("3912830471625580…") are no number.
 */
/**
 * What may not follow an order number: an ellipsis, the sign that digits were
 * cut ("3912830471625580…", "391283..."). Every reader's number pattern ends
 * with it, so a number cut short is never taken for a whole one.
 */
export const NOT_CUT = String.raw`(?!\s?[…⋯])(?!\s?\.\.)`;
/** `re` that stops short of a cut number (see NOT_CUT). */
export const uncut = (re: RegExp): RegExp => new RegExp(re.source + NOT_CUT, re.flags);

export const ORDER_NUMBER: Readonly<Record<Exclude<Platform, 'manual'>, RegExp>> = {
  taobao: uncut(/(?<![\dA-Za-z])\d{18,19}(?![\dA-Za-z])/g),
  pdd: uncut(/(?<![\dA-Za-z-])\d{6}-\d{15}(?![\dA-Za-z])/g),
  aliexpress: uncut(/(?<![\dA-Za-z])\d{16}(?![\dA-Za-z])/g),
  tiktok: uncut(/(?<![\dA-Za-z])\d{18,19}(?![\dA-Za-z])/g),
  alibaba: uncut(/(?<![\dA-Za-z])\d{16,18}(?![\dA-Za-z])/g),
  shopee: uncut(/(?<![\dA-Za-z])\d{6}(?=[A-Z0-9]{0,7}[A-Z])[A-Z0-9]{8}(?![\dA-Za-z])/g),
};

const WHOLE = Object.fromEntries(Object.entries(ORDER_NUMBER).map(([platform, re]) => [platform, new RegExp(`^(?:${re.source})$`)])) as Readonly<Record<Exclude<Platform, 'manual'>, RegExp>>;

/**
 * Whether `id` is a whole order number in `platform`'s format. The adapters
 * take an order's number from after its label ("订单号：…") or from a cell:
 * a number cut short for a narrow column ("391283…0441", its digits before
 * the cut the same for every order) is none, so the order is unreadable
 * instead of stored under a number that is not its own.
 */
export function isOrderNumber(platform: Exclude<Platform, 'manual'>, id: string | undefined): id is string {
  return id !== undefined && WHOLE[platform].test(id);
}

/**
 * A number in the order format that its label names as something else: a
 * sub-order, package, parcel, tracking, refund, payment or transaction
 * number, or another order it refers to ("子订单号：3912…", "Package ID:",
 * "Mã vận đơn", "Código de rastreio"). Such a number is not this block's
 * order: taken for one, it splits the order's block in two (each half then
 * unreadable) or makes an order that does not exist.
 * A label is the thing's word with an id word or a colon: "Awaiting payment"
 * before a bare number is a status, not a label.
 */
const OTHER_NUMBER_LABEL =
  /(?<pre>(?:^|[^\p{L}])(?:mã|código|id|número|nº|n°|номер|№)\s+(?:(?:de|do|da|dos)\s+)?)?(?:子订单|子单|包裹|运单|物流单?|快递单?|退款单?|退货单?|售后单?|支付单|支付流水|交易流水|支付宝交易|流水|关联订单|关联主订单|主订单|关联單號|关联单号|原订单|合并订单|sub-?orders?|packages?|parcels?|tracking|shipments?|waybill|refunds?|returns?|payments?|transactions?|invoices?|related orders?|original orders?|linked orders?|main orders?|(?:from\s+)?(?:sample|bulk|supplementary)\s+orders?|样品订单|样单|大货订单|(?:new|replacement|previous|parent|re-?)\s?orders?|pedido\s+(?:original|de\s+reposición|nuevo|anterior)|encomenda\s+original|คำสั่งซื้อ(?:ใหม่|เดิม)|新订单|新訂單|原单|补发单|换货单|补差价?订单|đơn\s+(?:hàng\s+)?(?:gốc|mới|thay\s+thế)|sku|商品|货品|货号|条码|products?|produits?|produtos?|productos?|prodotti|prodotto|artikel|artículos?|ürün|produk|items?|listings?|barcode|ean|upc|gtin|pacote|rastreio|rastreamento|reembolso|devolução|pagamento|transação|subpedido|vận đơn|kiện hàng|gói hàng|hoàn tiền|trả hàng|giao dịch|thanh toán|посылк\p{L}*|трек\p{L}*|возврат\p{L}*|плат[её]ж\p{L}*|транзакци\p{L}*|подзаказ\p{L}*|артикул\p{L}*|상품|송장|운송장|패키지|환불|반품|결제|거래|商品|SKU)(?<post>\s*(?:id|no\.?|number|nº|n°|code|编号|单号|号码|号|单|#))?\s*(?<colon>[:：#])?\s*$/iu;
const LABEL_CHARS = 40;

/**
 * A note's label: what the buyer wrote with the order, the seller's remark, a message. A number written in a note
 * ("买家留言：上次订单3912…少发了", "Buyer note: order 5768… never came") is something the person wrote, not where
 * the page shows this block's order: taken for one, it splits the block in two (each half then unreadable).
 */
const NOTE_LABEL =
  /(?:^|[^\p{L}])(?:买家留言|买家备注|卖家备注|订单备注|留言|备注|(?:buyer'?s?\s+|seller'?s?\s+|order\s+)?(?:notes?|remarks?|messages?|comments?)|ghi chú|lời nhắn|observaç(?:ão|ões)|comentários?|mensagem|recado|комментари\p{L}*|примечани\p{L}*|сообщени\p{L}*)\s*[:：]/iu;
const NOTE_LABEL_END = new RegExp(`${NOTE_LABEL.source}\\s*$`, NOTE_LABEL.flags);

/** Whether the number at `index` of `node`'s text has a label that names it as something else (OTHER_NUMBER_LABEL), or is written in a note (NOTE_LABEL). */
export function labelledOther(node: Node, index: number, text = node.nodeValue ?? ''): boolean {
  const own = text.slice(0, index);
  if (NOTE_LABEL.test(own)) return true;
  let before = own.slice(-LABEL_CHARS);
  // The label in an element of its own just before the number's ("<span>子订单号：</span><span>3912…</span>",
  // "<b>买家留言：</b><span>3912…</span>"): the nearest text before it, up to three levels up.
  if (!before.trim()) {
    before = labelBefore(node);
    if (NOTE_LABEL_END.test(before)) return true;
  }
  return namesOther(before);
}

/** Whether the number at `index` of `text` (one element's whole text) has a label that names it as something else, or is written in a note. */
export function labelledOtherIn(text: string, index: number): boolean {
  if (index <= 0) return false;
  const own = text.slice(0, index);
  return NOTE_LABEL.test(own) || namesOther(own.slice(-LABEL_CHARS));
}

/**
 * Another order paid or shipped together with this one, named in its block ("Thanh toán cùng đơn 261206P4M2A9CK",
 * "Paid together with order 3051…", "与订单 3912… 合并付款"): the other order's number, which has a block of its own.
 */
const TOGETHER_WITH =
  /(?:(?:together|combined|merged|bundled|payment|paid|checkout)\s+with|cùng(?:\s+với)?|junto\s+(?:com|con)|bersama(?:\s+dengan)?|พร้อมกับ)\s*(?:(?:the|o|el)\s+)?(?:orders?|đơn(?:\s+hàng)?|pedidos?|pesanan|คำสั่งซื้อ)?\s*(?:no\.?|#|id|number|số)?\s*[:：#]?\s*$|(?:与|和|同|跟)(?:订单|訂單)\s*(?:号|號|编号|編號)?\s*[:：#]?\s*$/iu;

/** Whether `before`, the text right before a number, ends in a label naming something else (OTHER_NUMBER_LABEL, TOGETHER_WITH). */
function namesOther(before: string): boolean {
  if (!before) return false;
  const m = OTHER_NUMBER_LABEL.exec(before);
  return (!!m && !!(m.groups?.pre || m.groups?.post || m.groups?.colon)) || TOGETHER_WITH.test(before);
}

/** The nearest text before `node` (a label of its own), when it is short enough to be one. */
function labelBefore(node: Node): string {
  let at: Node | null = node;
  for (let level = 0; at && level < 3; level++, at = at.parentNode) {
    for (let sib = at.previousSibling; sib; sib = sib.previousSibling) {
      const t = (sib.textContent ?? '').trim();
      if (t) return t.length <= LABEL_CHARS ? t : '';
    }
  }
  return '';
}

/**
 * What a break inside a number adds to it, or null when `el`, between two texts, is no such break: a <wbr> (a break
 * some pages put inside long numbers, "3912830471<wbr>625580441") adds nothing; a short inline part holding digits
 * only ("4012<span>8</span>887…") adds them, or nothing when the page draws it for no one to see (a copy guard's
 * decoy digit). The part's style is looked up only once the texts around it carry a number through it.
 */
function breakDigits(el: Node | null, before: string, after: Node | null): string | null {
  if (!el || el.nodeType !== 1 || after?.nodeType !== 3) return null;
  if (el.nodeName === 'WBR') return '';
  if (!INLINE_PARTS.has((el as Element).localName) || !endsInDigit(before) || !isDigit((after.nodeValue ?? '').charCodeAt(0))) return null;
  const digits = el.textContent ?? '';
  if (digits.length > 3 || !/^\d+$/.test(digits)) return null;
  return drawnUnseen(el as Element) ? '' : digits;
}

/**
 * The text numbers are read from at a text node: its own with invisible marks taken out, carried on across breaks
 * inside a number (see breakDigits). Null for a text that carries on the one before a break: it was read with that
 * one.
 */
export function numberText(node: Node, own = node.nodeValue ?? ''): string | null {
  const grouped = groupedNumber(node, own);
  if (grouped !== undefined) return grouped;
  const prev = node.previousSibling;
  if (prev && prev.previousSibling?.nodeType === 3 && breakDigits(prev, prev.previousSibling.nodeValue ?? '', node) !== null) return null;
  // Digits a search's highlight splits off ("261205-14012<mark>7755</mark>091235"): read with the digits before them.
  if (isDigit(own.charCodeAt(0)) && highlightSplit(previousInlineText(node), node)) return null;
  let text = own;
  let last: Node = node;
  for (let next = node.nextSibling; next; next = next.nextSibling?.nextSibling ?? null) {
    const digits = breakDigits(next, text, next.nextSibling);
    if (digits === null) break;
    text += digits + (next.nextSibling!.nodeValue ?? '');
    last = next.nextSibling!;
  }
  for (let next = nextInlineText(last); highlightSplit(last, next); next = nextInlineText(last)) {
    text += next!.nodeValue ?? '';
    last = next!;
  }
  // A number cut short where it shows ("261205-4012775509…"), whole in its element's title or a copy button's text.
  if (cutShort(text) && last.parentElement) text = fullName(text.trimEnd(), last.parentElement);
  return HAS_NUMBER_MARK.test(text) ? text.replace(NUMBER_MARKS, '') : text;
}

/** Whether `text` ends in an ellipsis ("…" or "..."), white space after it aside: asked of every number's text, so by its codes. */
function cutShort(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && text.charCodeAt(i) <= 32) i--;
  const c = text.charCodeAt(i);
  return c === 0x2026 || (c === 46 && text.charCodeAt(i - 1) === 46 && text.charCodeAt(i - 2) === 46);
}

/** Whether `text` ends in the dash after a number's first part ("261206-"). */
function dashAfterDigits(text: string): boolean {
  return text.endsWith('-') && isDigit(text.charCodeAt(text.length - 2));
}

/** Whether text node `next` carries on the digits text node `prev` ends, a search's highlight splitting them (see continuesWord). */
function highlightSplit(prev: Node | null, next: Node | null): boolean {
  if (!prev || !next || !isDigit((next.nodeValue ?? '').charCodeAt(0))) return false;
  const before = prev.nodeValue ?? '';
  // Or after the dash of a number in two parts ("261206-<mark>7755</mark>12309846172").
  if (dashAfterDigits(before)) return abutsInline(prev, next);
  return endsInDigit(before) && continuesWord(prev, next);
}

/**
 * A number drawn a group of digits an inline element ("<span>4012</span>&#8203;<span>7755</span>…", each group styled
 * apart, invisible marks between them): its digits, at the text of its first group; null at the text of another
 * group (read with the first); undefined for a text that is no such group.
 */
function groupedNumber(node: Node, own: string): string | null | undefined {
  // A group is a few digits: most texts holding a number are longer.
  if (own.length > 6 || !endsInDigit(own)) return undefined;
  const part = node.parentElement;
  if (!part || node.nextSibling || node.previousSibling || !INLINE_PARTS.has(part.localName)) return undefined;
  const holder = part.parentElement;
  if (!holder || holder.childElementCount < 2) return undefined;
  let digits = '';
  let firstPart: Element | null = null;
  for (let c = holder.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if ((c.nodeValue ?? '').replace(NUMBER_MARKS, '').trim()) return undefined;
      continue;
    }
    const text = c.textContent ?? '';
    // An icon among the groups (a shield before them, a copy button between two) shows no text: passed over.
    if (c.nodeType === 1 && !text.trim()) continue;
    if (c.nodeType !== 1 || (c as Element).childElementCount > 0 || !INLINE_PARTS.has((c as Element).localName) || !/^\d{1,6}$/.test(text)) return undefined;
    firstPart ??= c as Element;
    digits += text;
  }
  return firstPart === part ? digits : null;
}

/**
 * Whether `text` (a text node's) may go on in the next text: it ends in a digit that a break right after it may carry
 * on (see breakDigits), or it is a group of digits alone in an inline element (see groupedNumber).
 */
export function beforeWbr(node: Node, text: string): boolean {
  // Both end in a digit (or in the dash after a number's first part, "261206-" before a highlight): most texts do not.
  if (!endsInDigit(text) && !dashAfterDigits(text)) return false;
  const next = node.nextSibling;
  if (next) return next.nodeType === 1 && (next.nodeName === 'WBR' || INLINE_PARTS.has((next as Element).localName)) && next.nextSibling?.nodeType === 3;
  const part = node.parentElement;
  return text.length <= 6 && !node.previousSibling && !!part?.nextSibling && /^\d+$/.test(text) && INLINE_PARTS.has(part.localName);
}

/** An order number's own label right before it ("订单号：", "Order ID:", "Mã đơn hàng", "ID do pedido", "Номер заказа"). */
const ORDER_LABEL =
  /(?:订单号|订单编号|订单号码|order\s*(?:id|no\.?|number|sn|#)|mã\s*đơn(?:\s*hàng)?|(?:id|número|nº|n°)\s*(?:do|de)\s*pedido|pedido\s*(?:nº|n°|#)?|номер\s*заказа|заказ\s*№?)\s*[:：#]?\s*$/iu;

/** Whether the order number `id`, shown in `el`'s own text, has an order number's label right before it. */
export function labelledOrder(el: Element, id: string): boolean {
  const text = (el.textContent ?? '').replace(NUMBER_MARKS, '');
  const at = text.indexOf(id);
  let before = at > 0 ? text.slice(Math.max(0, at - LABEL_CHARS), at) : '';
  if (!before.trim()) before = labelBefore(el);
  return ORDER_LABEL.test(before);
}

/**
 * The anchors to read orders from: on a page that labels its order numbers
 * ("订单号：…", "Order ID: …"), a number in the same format without that label
 * is no order's (a package or sub-order number printed bare in the order's
 * block); read as one, it made an order that does not exist out of another
 * order's buyer and total. A page that labels none (a column under an "Order
 * ID" header) keeps them all. What is left out here still counts among the
 * numbers the page shows (orderNumbersShown), so such a read is never taken
 * for the whole list.
 */
export function preferLabelled<A extends { id: string; el: Element }>(anchors: readonly A[]): readonly A[] {
  if (anchors.length < 2) return anchors;
  const labelled = anchors.filter((a) => labelledOrder(a.el, a.id));
  return labelled.length >= 2 && labelled.length < anchors.length ? labelled : anchors;
}
