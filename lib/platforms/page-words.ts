// Words seller back-offices print, in the languages they come in: status
// words, column headers and empty-list messages. Pages change their markup
// every few weeks; these words survive the redesigns.
// No zod here: content-script bundles stay small; the background validates.
import type { OrderStatus } from '../orders/model';
import { foldSpaces, textOf } from './types';

/**
 * Status words as seller back-offices print them, by what they mean for
 * collecting money. Checked in order: "closed" and "paid" phrases that
 * contain an unpaid-looking word ("取消待付款") come before "unpaid".
 */
export const STATUS_WORDS: ReadonlyArray<readonly [RegExp, OrderStatus]> = [
  // Not where the words say what will happen ("will be closed automatically", "заказ будет закрыт", "será cancelado").
  [/(?<!(?:will|would|to|may|might|can|be|será|serão|sera|akan|segera|будет|будут)\s+(?:be\s+|automatically\s+)?)(?:交易关闭(?!前|之前)|已关闭|已取消|交易取消|订单关闭(?!前|之前)|\bcancel(?:l)?ed\b|\bclosed\b|cancelado|cancelada|đã hủy|отмен[её]н|закрыт|cerrad[oa]|dibatalkan(?!\s+(?:(?:secara\s+)?otomatis\s*)?(?:dalam|dlm|jika|bila|apabila|kalau|pada|sebelum|\d))|\bbatal\b(?!\s+(?:(?:secara\s+)?otomatis\s*)?(?:dalam|dlm|jika|bila|apabila|kalau|pada|sebelum|\d))|ยกเลิกแล้ว|ถูกยกเลิก|ยกเลิก(?=\s|$)|ยกเลิกโดย|不成立|交易關閉(?!前|之前)|訂單關閉(?!前|之前)|已關閉|キャンセル済み?|キャンセルされました|取り消し済み|\bstorniert\b|ملغي|ملغى|تم الإلغاء|مغلق|تم الإغلاق|anulowan[eao]|zamknięte|[iİ]ptal edildi|ödeme süresi doldu|\babgebrochen\b|\bannulée?(?![a-z])|^\s*fermée?(?![a-z])|\bannullato\b|주문\s*취소|취소됨|취소\s*완료|자동\s*취소(?!\s*(?:까지|예정)))/i, 'closed'],
  [
    // Before "paid": a paid word negated, pending or partial is money still to collect ("Não pago", "Pago
    // pendiente", "Not yet paid", "Buyer hasn't paid", "Partially paid", "Chưa thanh toán").
    /等待买家付款|待付款|في انتظار الدفع|بانتظار الدفع|في انتظار السداد|بانتظار السداد|لم يتم الدفع|غير مدفوع|oczekuje na (?:płatność|zapłatę)|nieopłacon[ea]|ödeme bekleniyor|ödenmedi|awaiting (?:t\/t |wire |bank )?(?:transfer |payment )?confirmation|funds not received|not received yet|balance (?:payment )?(?:due|outstanding|pending)|余款待付|尾款待付|支付中|付款中|付款确认中|支付确认中|(?:bukti\s+(?:transfer|pembayaran)|pembayaran)\s+sedang\s+diverifikasi|menunggu\s+verifikasi\s+pembayaran|待商家确认价格|待卖家确认价格|payment processing|payment (?:is )?(?:being )?processed|payment pending verification|awaiting (?:payment )?(?:verification|confirmation)|waiting for (?:the )?supplier to confirm|pending price change|pembayaran sedang (?:disahkan|diproses|diverifikasi)|支付失败|付款失败|支付失敗|付款失敗|payment failed|payment unsuccessful|pembayaran gagal|thanh toán (?:thất bại|không thành công)|pagamento (?:falhou|recusado)|pago (?:fallido|rechazado)|결제\s*대기|미결제|입금\s*대기|待支付|未支付|买家未付款|未付款|未付|待买家付款|等待付款|待付尾款|待付预付款|待付首款|等待买家付(?:尾款|定金|余款)|等待買家付(?:尾款|定金|餘款)|待付定金|定金未付|部分付款|部分支付|awaiting (?:the )?(?:buyer(?:['’]s)? )?payment|awaiting (?:initial|balance|full|remaining) payment|pending payment|waiting for (?:the )?(?:buyer(?:['’]s)? )?payment|waiting for (?:the )?buyer to pay|payment (?:pending|due|required|not received)|unpaid|not (?:yet )?(?:been )?paid|n['’]t (?:yet )?(?:been )?paid|(?:partially|partly) paid|aguardando pagamento|pagamento pendente|n[ãa]o (?:(?:for|seja|estiver)\s+)?pag[oa]|^a pagar(?![a-zà-ÿ_])|pendiente de pago|pago pendiente|esperando (?:el )?pago|no pagad[oa]|sin pagar|por pagar|chờ thanh toán|chưa thanh toán|ожидает оплаты|не оплачен|belum (?:di)?bayar|menunggu pembayaran|ที่ต้องชำระ|ยังไม่(?:ได้)?ชำระ|รอ(?:การ)?ชำระ|尚未付款|等待買家付款|待買家付款|支払い待ち|お支払い待ち|入金待ち|未払い|未入金|zahlung ausstehend|ausstehende zahlung|warten auf (?:die )?zahlung|nicht bezahlt|unbezahlt|en attente de paiement|paiement en attente|non payée?|in attesa di pagamento|pagamento in sospeso|non pagato/i,
    'unpaid',
  ],
  [
    /(?<!(?:moves?|changes?|goes|switch(?:es)?|turns?|becomes?)\s+(?:to|into)?\s*["“'「]?|(?:进入|变为|变成|转为|進入|變為)\s*["“「]?)(?:买家已付款|等待卖家发货|等待您发货|等待买家(?:确认)?收货|결제\s*완료|발송\s*대기|배송\s*준비\s*중|배송\s*중|배송\s*완료|구매\s*확정|售后中|退款中|refund(?:ing|\s+(?:in\s+progress|requested|pending|under\s+review))|reembolso\s+(?:en\s+curso|en\s+proceso|solicitado|em\s+andamento)|remboursement\s+en\s+cours|rückerstattung\s+läuft|đang\s+hoàn\s+tiền|返金処理中|환불\s*진행\s*중|возврат\s+(?:в\s+процессе|оформляется)|(?:partially|partly) refunded|售後中|卖家已发货|已付款|已支付|待发货|已发货|部分发货|待收货|已收货|交易成功|交易完成|已完成|已签收|待评价|待成团|\bpaid\b|payment (?:has been |was )?received|تم الدفع|مدفوع|تم الشحن|قيد الشحن|(?:في انتظار|بانتظار) الشحن|تم التوصيل|مكتمل|opłacone|wysłane|dostarczone|zakończone|do wysyłki|ödendi|kargoya verildi|kargoda|gönderilmeyi bekliyor|gönderildi|teslim edildi|tamamlandı|risk control review|风控审核|風控審核|in production|awaiting shipment|en attente d['’]exp[ée]dition|awaiting collection|awaiting pickup|awaiting delivery|ready to ship|to ship|to be shipped|shipped|in transit|delivered|completed|\bfinished\b|(?<![a-zà-ÿ_])(?:pago|pagad[oa])(?![a-zà-ÿ_])|pendiente de env[ií]o|esperando (?:el )?env[ií]o|finalizad[oa]|aguardando envio|a enviar|enviado|entregue|(?<!n[ãa]o\s)concluído|por enviar|completad[oa]|entregad[oa]|en\s*tránsito|đã thanh toán|chờ lấy hàng|chờ giao hàng|chờ vận chuyển|đang vận chuyển|đã vận chuyển|đang giao|đã giao|(?:đã )?hoàn thành|оплачен|отправлен|доставлен|ожидает отправки|заверш[её]н|получен покупателем|sudah dibayar|perlu dikirim|sedang dikemas|dikirim|selesai|untuk dihantar|sedang dihantar|dihantar|telah dibayar|pesanan diterima|ชำระ(?:เงิน)?แล้ว|ที่ต้องจัดส่ง|กำลังจัดส่ง|จัดส่งแล้ว|สำเร็จ|買家已付款|待出貨|已出貨|運送中|已送達|支払い済み|支払済み|入金済み|発送待ち|発送済み|配送中|配達済み|配達完了|配送完了|発送完了|受取済み|取引完了|\bbezahlt\b|versandbereit|versendet|versandt\b|verschickt|unterwegs|zugestellt|abgeschlossen|\bpayée?(?![a-z])|expédiée?|livrée?|terminée?|\bpagato\b|spedito|consegnato|completato)/i,
    'paid',
  ],
];

/**
 * The status `text`'s words name. Money still to collect outweighs money paid wherever each is named ("定金 已付款 …
 * 待支付尾款" is unpaid). Closed and open words, the first named: a status cell leads with the order's status and
 * what follows explains it ("Awaiting payment … Closed orders cannot be reopened" is unpaid; "已取消 (超时未支付)"
 * is closed).
 */
export function statusFromWords(text: string): OrderStatus {
  return statusAt(statusPlaces(text));
}

/**
 * `status` as `platform` means it: on AliExpress an order in "Payment processing" that the page says the buyer paid
 * is held for AliExpress's check of the payment (its risk control, up to a day), never to be reminded; elsewhere (a
 * wire transfer on its way to Alibaba.com, a bank payment Taobao is confirming, a boleto issued) the money has not
 * arrived.
 */
export function statusOn(platform: string, status: OrderStatus, text: string | (() => string)): OrderStatus {
  if (platform !== 'aliexpress' || status !== 'unpaid') return status;
  const words = typeof text === 'string' ? text : text();
  // The same words stand for a boleto issued and not yet paid ("Payment processing · Boleto due … order closes in
  // 2d 11h"): only the page saying the buyer has paid makes it the check of a payment made.
  return ALIEXPRESS_PAYMENT_CHECK.test(words) && BUYER_HAS_PAID.test(words) ? 'paid' : status;
}
const BUYER_HAS_PAID = /(?:buyer|customer|comprador|cliente|acheteur|käufer|покупатель)\s+(?:has|ha|já|a)\s+(?:already\s+)?(?:paid|pagado|pagou|payé|bezahlt)|买家已(?:付款|支付)|покупатель\s+оплатил/i;
const ALIEXPRESS_PAYMENT_CHECK = /payment\s+(?:is\s+)?(?:being\s+)?(?:processing|processed|verified|verification)|支付处理中|付款处理中|支付确认中|pago\s+en\s+(?:proceso|verificación)|pagamento\s+em\s+(?:processamento|análise|verificação)|paiement\s+en\s+cours\s+de\s+(?:traitement|vérification)|zahlung\s+wird\s+(?:bearbeitet|geprüft)|결제\s*처리\s*중|обработка\s+платежа|platež\s+обрабатывается/i;

/** The status `text` names when it names exactly one ("Aguardando pagamento · 3 pedidos"); else 'unknown' (a tab strip's "待付款 已发货 已关闭"). */
export function soleStatus(text: string): OrderStatus {
  const found = STATUS_WORDS.map(([pattern, status]) => {
    const m = pattern.exec(text);
    return m ? { status, start: m.index, end: m.index + m[0].length } : null;
  }).filter((f) => f !== null);
  // A word inside another's ("pago" in "Não pago", "付款" in "待付款") is that word's.
  const named = found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start));
  return named.length === 1 ? named[0]!.status : 'unknown';
}

/** Where in `text` the closed, unpaid and paid words first appear (-1: nowhere). */
function statusPlaces(text: string): [number, number, number] {
  return STATUS_WORDS.map(([pattern]) => pattern.exec(text)?.index ?? -1) as [number, number, number];
}

/**
 * The status a block's `text` names, where a tag among its short `texts` ("Cerrado") decides between the statuses
 * its words name in different places (a buyer's "ya está pagado", a line's "disputa cerrada"); see statusOfTag.
 * `nick`, the buyer's name, is no tag. The texts are asked for only when the block names more than one status.
 */
export function statusWithTags(text: string, texts: () => ReadonlyArray<{ text: string }>, nick: string): OrderStatus {
  // What was paid so far, labelled before its amount ("Valor pago: R$ 0,00", "Amount paid: $0.00"), says nothing of
  // the order's status: an unpaid order with a deposit list shows one.
  let at = statusPlaces(text);
  // Asked again without them only where a paid word shows at all.
  if (at[2] >= 0 && /[:：]/.test(text)) at = statusPlaces(text.replace(PAID_SO_FAR, ' '));
  if (at.filter((i) => i >= 0).length < 2) return statusAt(at);
  let tagged: OrderStatus | undefined;
  for (const { text: t } of texts()) {
    if (t.length > 30 || t === nick) continue;
    const status = statusOfTag(t);
    if (status === 'unknown') continue;
    // Two tags naming different statuses ("定金 已付款", "尾款 待支付") decide nothing.
    if (tagged && tagged !== status) return statusAt(at);
    tagged = status;
  }
  return tagged ?? statusAt(at);
}

const PAID_SO_FAR = /(?:amount\s*paid|paid\s*(?:amount|so\s*far)|valor\s*pago|j[áa]\s*pago|(?:monto|importe)\s*pagado|(?<![\p{L}])(?:paid|pago|pagado)|đã\s*thanh\s*toán|已付(?:款|金额)?|已支付(?:金额)?|оплачено|sudah\s*dibayar|ชำระแล้ว)\s*[:：]\s*[-−–]?\s*[^\d\s]{0,4}\s?\d[\d.,]*/giu;

/** The status from where the closed, unpaid and paid words first appear (see statusPlaces). */
function statusAt([closed, unpaid, paid]: readonly [number, number, number]): OrderStatus {
  const open = unpaid >= 0 ? unpaid : paid;
  if (closed >= 0 && (open < 0 || closed <= open)) return 'closed';
  return unpaid >= 0 ? 'unpaid' : paid >= 0 ? 'paid' : 'unknown';
}

/**
 * The status a short text names when it says little else ("Cerrado", "Esperando pago", "订单已取消"): a card's
 * status tag, not a sentence that mentions a status ("reembolso parcial (disputa cerrada)", "Cancel if unpaid by
 * Monday"). 'unknown' for anything else.
 */
export function statusOfTag(text: string): OrderStatus {
  // A label ("Amount paid:", "已付：") or a line with a number in it ("Paid Nov 21") is no tag.
  if (text.length > 30 || /[:：\d]/.test(text)) return 'unknown';
  const status = statusFromWords(text);
  if (status === 'unknown') return status;
  let rest = text;
  for (const [pattern] of STATUS_WORDS) rest = rest.replace(pattern, '');
  return rest.replace(/[\s\d\p{P}\p{S}]+/gu, '').length <= 6 ? status : 'unknown';
}

/**
 * Badges back-offices print beside a buyer's name: new or returning buyer,
 * member, follower, VIP level ("新客", "88VIP", "New customer", "Khách
 * mới"). A text that is wholly one of them is no part of the name: read with
 * the name, "晴天小猪新客" would be a buyer never seen before, and a
 * badge taken for the name would make one buyer of every "VIP".
 */
const BUYER_TAG =
  /^[\s[(（【]*(?:(?:买家|買家)?(?:已)?(?:开启了?|開啟了?)?匿名(?:购买|購買|购物)|本单买家|本單買家|下单人|下單人|送礼人(?:[（(]下单[）)])?|送禮人(?:[（(]下單[）)])?|团长|團長|新客|新客户|新买家|新顾客|首单|首购|首購|首次(?:购买|購買|下单|下單)|老客|老客户|老买家|老買家|老顾客|回头客|(?:复购|回购|複購|回購)(?:买家|買家|客户|客戶)?|会员|店铺会员|粉丝|铁粉|店铺粉丝|(?:88)?vip\s?\d{0,2}|v\d{1,2}|lv\.?\s?\d{1,2}|new(?:\s*(?:buyer|customer))?|first[-\s]*(?:time\s*)?(?:buyer|order)|returning(?:\s*(?:buyer|customer))?|repeat(?:\s*(?:buyer|customer))?|loyal\s*customer|verified(?:\s*buyer)?|follower|member|preferred(?:\s*buyer)?|top\s*buyer|novo\s*cliente|cliente\s*novo|novo\s*comprador|comprador\s*(?:novo|recorrente|frequente|fiel)|(?:compra\s*no\s*)?atacado|atacadista|wholesale(?:\s*buyer)?|mayorista|批发(?:买家|客户)?|批發(?:買家|客戶)?|khách\s*sỉ|grosir|cliente\s*nuevo|nuevo\s*cliente|comprador\s*(?:nuevo|recurrente|frecuente)|nuevo\s*comprador|cliente\s*(?:recorrente|frecuente|fiel)|seguidor(?:a)?|membro|miembro|khách\s*(?:hàng\s*)?(?:mới|quen|thân\s*thiết)|người\s*theo\s*dõi|thành\s*viên|pelanggan\s*baru|pembeli\s*baru|pelanggan\s*setia|pengikut|ลูกค้าใหม่|ลูกค้าประจำ|ผู้ซื้อ(?:ใหม่|ประจำ)|ผู้ติดตาม|新買家|新顧客|老顧客|回頭客|會員|粉絲|новый(?:\s*покупатель)?|постоянный\s*покупатель|(?:shopee|tiktok|lazada|aliexpress|tmall|taobao)\s*(?:vip|plus|premium|member|prime)|新規(?:購入者|顧客)?|リピーター|常連|신규(?:\s*구매자)?|재구매(?:\s*고객)?|단골|stammkund(?:e|in)|neukund(?:e|in)|nouveau\s*client|client\s*fidèle)[\s\])）】]*$/iu;

/** A quantity on its own ("x2", "×3", "* 1"): a goods line's, never a buyer's name. */
export const LONE_QUANTITY = /^[x×*]\s*\d{1,6}$/i;

/** Whether `text` is wholly a badge printed beside a buyer's name (see BUYER_TAG). */
export function isBuyerTag(text: string): boolean {
  return text.length <= 30 && BUYER_TAG.test(text);
}

// Words that are only ever a badge, never a name (see nickOf).
const ONLY_A_BADGE = /^\s*(?:88VIP|VIP|新客|老客|回头客|新客户|老客户|new\s*buyer|repeat\s*buyer)\s*$/i;

/**
 * A buyer's name as `el` shows it: its text without the badges printed
 * inside it beside the name (each a text of its own). An element whose only
 * text is such a word keeps it: that is the name.
 */
export function nickOf(el: Node | null | undefined): string {
  if (!el) return '';
  // Most names are one text: nothing to leave out.
  if (el.nodeType !== 1 || (el as Element).childElementCount === 0) return named(el.nodeType === 1 ? fullName(textOf(el), el as Element) : textOf(el));
  let kept = '';
  let dropped = false;
  // The first text, when every text is such a word: a name that reads as one ("VIP88") comes before its badge ("老客"),
  // and after one that is only ever a badge ("88VIP", "新客").
  let first = '';
  // Else the first text at all (a name that is only such a word, "VIP").
  let any = '';
  const walker = (el.ownerDocument ?? document).createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const value = t.nodeValue as string;
    if (!any && value.trim()) any = value;
    if (!first && value.trim() && !ONLY_A_BADGE.test(value)) first = value;
    // A badge, or the buyer's label before the name in a text of its own ("买家" | "tb_lulu_93").
    if (isBuyerTag(value) || LABEL_ONLY.test(value.trim())) dropped = true;
    else kept += value;
  }
  const nick = dropped ? foldSpaces(kept).trim() : '';
  const shown = nick || (dropped ? foldSpaces(first || any).trim() : textOf(el));
  return named(fullName(shown, el as Element));
}

// A name cut short where it shows ("Alejandro Domínguez Sa…", "Francisco Javier M..."): what it starts with.
const CUT_SHORT = /^(\S.*?)\s*(?:…|\.{3})$/u;
// Where a page keeps the whole of a text it cuts short: a title, an accessible name, a tooltip's attribute.
const WHOLE_ATTRIBUTES = ['title', 'aria-label', 'data-title', 'data-tooltip', 'data-original-title', 'data-tip', 'data-content', 'data-clipboard-text', 'data-copy'];
const WITH_WHOLE = WHOLE_ATTRIBUTES.map((a) => `[${a}]`).join(',');

/**
 * A name the page cuts short with an ellipsis, whole: from a title or tooltip attribute of `around` (the name's
 * element: itself, the two elements around it, the elements inside it; an order's block: the elements inside it), or
 * the text of a tooltip kept in the block, that starts with what shows and goes on. `shown` itself otherwise.
 */
export function fullName(shown: string, around: Element | readonly Element[]): string {
  // Asked of every name read: most end in no ellipsis, which a look at the last character tells.
  const last = shown.charCodeAt(shown.length - 1);
  if (last !== 0x2026 && last !== 46) return shown;
  const cut = CUT_SHORT.exec(shown);
  if (!cut) return shown;
  // Compared without accents: a cut may fall on a letter's accent ("Sa…" for "Sánchez").
  const bare = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
  const start = bare(cut[1]!);
  const whole = (text: string | null | undefined) => {
    const value = foldSpaces(text ?? '').trim();
    return value.length > cut[1]!.length && value.length <= 80 && bare(value).startsWith(start) && !CUT_SHORT.test(value) ? value : undefined;
  };
  const roots = Array.isArray(around) ? (around as readonly Element[]) : [around as Element, (around as Element).parentElement, (around as Element).parentElement?.parentElement];
  for (const root of roots) {
    if (!root) continue;
    for (const el of [root, ...root.querySelectorAll(WITH_WHOLE)]) {
      for (const name of WHOLE_ATTRIBUTES) {
        const found = whole(el.getAttribute(name));
        if (found) return found;
      }
    }
  }
  // A tooltip's text kept in the block (shown on hover): at least a few characters must match.
  if (start.length < 4 || !Array.isArray(around)) return shown;
  for (const root of around as readonly Element[]) {
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const found = whole(t.nodeValue);
      if (found) return found;
    }
  }
  return shown;
}

/** A chat control that is the only place the name shows ("联系 t**8", "Chat with j***n"): the name in its words. */
const named = (text: string) => (LABEL_ONLY.test(text) ? '' : CHAT_NAMING.exec(text)?.[1] ?? text);
const CHAT_NAMING = /^(?:联系(?:买家)?\s*[:：]\s*|联系\s+|(?:chat|message)\s+with\s+)(\S.{0,60})$/i;

/** A buyer's label alone ("买家", "Buyer:"), where the name itself is not text (a read-only field's value): no name. */
const LABEL_ONLY = /^(?:买家|買家|buyer|comprador|người\s*mua|pembeli|покупатель|ผู้ซื้อ|구매자|購入者|käufer|acheteur|acquirente|al[ıi]c[ıi]|المشتري)\s*(?:昵称|暱稱|name|nick)?\s*[:：]?$/i;

/** Header-text patterns for the columns order lists have, Chinese and English UIs alike. */
export const HEADER_WORDS = {
  // A column of the orders themselves, headed by the word alone ("Order", "订单信息"): anchored, so a total's header ("订单金额") is none.
  order: /رقم الطلب|numer zamówienia|s[iİ]par[iİ]ş (?:no|numaras[ıi])|^\s*(?:orders?(?:\s*(?:info(?:rmation)?|details))?|订单(?:信息|详情)?|訂單(?:資訊|資料|信息)?|pedidos?|đơn hàng|pesanan|заказ|คำสั่งซื้อ|注文)\s*$|订单号|订单编号|order\s*(id|no|number|#)|mã đơn|número do pedido|(?:id|número|n[º°])\s*(?:do|del|de)\s*pedido|номер заказа|no\.?\s*pesanan|nomor pesanan|id pesanan|หมายเลขคำสั่งซื้อ|訂單編號|訂單號碼|注文(?:id|番号)|bestell-?(?:id|nummer|nr)|주문\s*번호|(?:n°|numéro|id)\s*de\s*commande|(?:id|numero)\s*(?:dell['’]\s*)?ordine/i,
  buyer: /المشتري|kupujący|al[ıi]c[ıi]|买家|收货人|采购商|採購商|采购方|purchaser|buyer|구매자|customer|người mua|comprador|покупатель|pembeli|ผู้ซื้อ|買家|收件人|購入者|バイヤー|お客様|käufer|kunde|acheteur|client|acquirente/i,
  item: /المنتجات|المنتج|produkty|produkt|ürün|宝贝|寶貝|商品|产品|product|상품|item|sản phẩm|produto|producto|товар|produk|สินค้า|產品|artikel|produit|prodotto|article/i,
  qty: /الكمية|ilość|miktar|adet|数量|采购量|採購量|qty|qté|qtd|수량|quantity|số lượng|quantidade|cantidad|кол|jumlah(?!\s*(?:pembayaran|tagihan|harga|bayar|total|pesanan))|จำนวน|數量|menge|anzahl|quantité|quantità/i,
  price: /السعر|cena|fiyat|单价|批发价|批發價|采购价|unit price|단가|price|harga|ราคา|單價|単価|価格|stückpreis|preis|prix unitaire|prix|prezzo/i,
  amount: /الإجمالي|المبلغ|kwota|wartość|razem|toplam|tutar|实收款|实收|实付|jumlah\s*(?:pembayaran|tagihan|bayar|pesanan)|total\s*pembayaran|결제\s*금액|주문\s*금액|订单金额|金额|总价|总额|總額|总计|合计|total|amount|tổng|valor|importe|сумма|ยอด(?:คำสั่งซื้อ|รวม|ชำระ)|รวม|實收|實付|訂單金額|金額|總計|合計|注文金額|gesamt|betrag|summe|bestellwert|montant|importo/i,
  status: /الحالة|durum|状态|交易状态|订单状态|status|상태|trạng thái|estado|статус|สถานะ|狀態|ステータス|状態|状況|statut|stato/i,
  created: /تاريخ الطلب|data zamówienia|s[iİ]par[iİ]ş tar[iİ]h[iİ]|下单时间|创建时间|成交时间|created|주문\s*일시|order time|order date|ngày đặt|data do pedido|fecha|дата|waktu pesanan|tanggal pesanan|เวลาสั่งซื้อ|วันที่สั่งซื้อ|成立時間|下單時間|建立時間|สร้างเมื่อ|dibuat pada|作成日時|注文日時?|erstellt|bestelldatum|bestellzeit|créée? le|date de (?:la )?commande|creato il|data (?:dell['’])?ordine/i,
  deadline: /剩余|ชำระ(?:เงิน)?ภายใน|自动关闭|auto[- ]?cancel|time left|pay by|payment due|hitung mundur|batas (?:waktu )?pembayaran|นับถอยหลัง|倒數|剩餘|自動取消|支払期限|zahlungsfrist|date limite de paiement|scadenza (?:del )?pagamento/i,
} as const;
export type ColumnName = keyof typeof HEADER_WORDS;

// A goods line's own status ("子订单状态 / 售后"): not the order's.
const LINE_STATUS_HEADER = /子订单|子單|子訂單|商品状态|sub-?orders?|items?\s*status|line\s*status|售后|售後|after-?sales?/i;
const ORDER_AND_GOODS = /^\s*(?:orders?|订单|訂單|pedidos?|commandes?|đơn\s*hàng|pesanan|заказы?)\s*[/／|·、&]/i;
// Also labels in brackets after a name, with a sign between them ("Produkte (Stückpreis × Menge)"), and two names with
// a times sign between them ("Unit price × Qty").
const HEADER_SEPARATOR = /\S\s*[/／|·、]\s*\S|\S\s+[×x*]\s+\S|\S\s*[×＊]\s*\S|\S\s*[(（][^)）]*\S\s*[×x*]\s*\S[^)）]*[)）]/;

/** Whether a header cell names several things: written apart ("单价/数量") or each in an element of its own (Product, Price, Qty). */
function severalLabels(cell: Element, text: string): boolean {
  if (HEADER_SEPARATOR.test(text)) return true;
  // Through wrappers around them all.
  let box = cell;
  while (box.childElementCount === 1) box = box.firstElementChild!;
  let labelled = 0;
  for (let child = box.firstElementChild; child; child = child.nextElementSibling) if (textOf(child) && ++labelled >= 2) return true;
  return false;
}

// What a header cell holds besides its name: a tooltip explaining the column, an icon.
const NOT_HEADER_TEXT = '[role="tooltip"], [aria-hidden="true"], [hidden], svg';
// A tooltip or hint by what its class says ("tip_body_3Xx8", "hint", "ant-popover"); not the box around a tooltip and
// what it explains ("tip-wrap", "tooltip-trigger").
const TIP_CLASS = /(?:^|[\s_-])(?:q?tip|tooltip|popover|pop(?:up)?|qmark|hint)(?![_-](?:wrap|wrapper|container|trigger|target|anchor|host|ref)(?:$|[\s_-]))(?:$|[\s_-])/i;
const MAY_BE_ASIDE = `${NOT_HEADER_TEXT}, [class*="tip"], [class*="hint"], [class*="pop"], [class*="qmark"]`;

/**
 * Whether `el` is a tooltip or hint by its class; not when it holds one (`span.tooltip` around the name, its icon and
 * its `span.tip`: the trigger, whose words are the name).
 */
function tipBox(el: Element): boolean {
  if (!TIP_CLASS.test(el.getAttribute('class') ?? '')) return false;
  for (const inner of el.querySelectorAll('[role="tooltip"], [class]')) if (inner.getAttribute('role') === 'tooltip' || TIP_CLASS.test(inner.getAttribute('class') ?? '')) return false;
  return true;
}

/** Whether `el` is an icon (its text an "i" or "?" drawn in an svg) or a tooltip, by its role or its class (see tipBox). */
export function tipOrIcon(el: Element): boolean {
  return el.localName === 'svg' || el.getAttribute('role') === 'tooltip' || tipBox(el);
}
const NOT_SHOWN = '[aria-hidden="true"], [hidden]';

/**
 * A header cell's name: its text without the tooltip or icon beside it ("订单金额 ? 买家应付总额，已含运费"); a cell
 * drawn as an icon alone is named by its label or title (`<th title="买家"><svg …></th>`).
 */
export function headerText(cell: Element): string {
  return shownHeaderText(cell) || iconName(cell);
}

function iconName(cell: Element): string {
  const named = cell.hasAttribute('aria-label') || cell.hasAttribute('title') ? cell : cell.querySelector('[aria-label], [title]');
  return foldSpaces(named?.getAttribute('aria-label') || named?.getAttribute('title') || '').trim();
}

function shownHeaderText(cell: Element): string {
  if (!cell.querySelector(MAY_BE_ASIDE)) return textOf(cell);
  let text = '';
  const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    let aside = false;
    for (let up = t.parentElement; up && up !== cell && !aside; up = up.parentElement) aside = up.matches(NOT_SHOWN) || tipOrIcon(up);
    if (!aside) text += t.nodeValue;
  }
  return foldSpaces(text).trim();
}

/**
 * Maps column names to cell indexes from a header row's cells, by text. A
 * header matching several names is taken by the first name that wants it,
 * so "商品单价" goes to price only when item already has a column.
 */
export function columnsByHeader(headerCells: readonly Element[], wanted: readonly ColumnName[] = Object.keys(HEADER_WORDS) as ColumnName[]): Partial<Record<ColumnName, number>> {
  const columns: Partial<Record<ColumnName, number>> = {};
  const texts = headerCells.map(headerText);
  const taken = new Set<number>();
  // Most specific first: price before item ("商品单价"), amount before price ("订单金额").
  const order: ColumnName[] = ['order', 'created', 'deadline', 'status', 'qty', 'amount', 'price', 'buyer', 'item'];
  // One header over goods, their price and quantity ("宝贝 / 单价 / 数量", "Product / Price / Qty"): the goods lines
  // carry all three, so it is the goods column alone.
  if (wanted.includes('item')) {
    const index = headerCells.findIndex((cell, i) => {
      const text = texts[i]!;
      return severalLabels(cell, text) && HEADER_WORDS.item.test(text) && (HEADER_WORDS.qty.test(text) || HEADER_WORDS.price.test(text));
    });
    if (index >= 0) {
      columns.item = index;
      taken.add(index);
    }
  }
  // One header over a goods line's price and quantity ("单价/数量", "Price / Qty"): its cells hold both ("￥399.00 x1"),
  // so neither column's check fits them; the goods lines are read from the goods column.
  headerCells.forEach((cell, i) => {
    const text = texts[i]!;
    if (!taken.has(i) && severalLabels(cell, text) && HEADER_WORDS.price.test(text) && HEADER_WORDS.qty.test(text) && !HEADER_WORDS.amount.test(text)) taken.add(i);
  });
  for (const name of order) {
    if (columns[name] !== undefined) continue;
    if (!wanted.includes(name)) continue;
    const other = NOT_THE_COLUMN[name];
    const fits = (text: string, i: number) => !taken.has(i) && HEADER_WORDS[name].test(text) && !other?.test(text);
    // The buyer's column before the receiver's ("收货人" beside "买家"), wherever the seller moved them.
    const preferred = name === 'buyer' ? texts.findIndex((text, i) => fits(text, i) && !RECEIVER_HEADER.test(text)) : -1;
    const index = preferred >= 0 ? preferred : texts.findIndex(fits);
    if (index >= 0) {
      columns[name] = index;
      taken.add(index);
    }
  }
  // One header over the order and its goods ("Order / Products", "订单 / 商品"): the number sits in that column too.
  if (columns.order === undefined && columns.item !== undefined && ORDER_AND_GOODS.test(texts[columns.item]!)) columns.order = columns.item;
  return columns;
}

/**
 * Empty-state messages: an order list saying it has nothing is not a broken
 * page. Each names what is missing (orders, data, records, results): "暂无消息"
 * (no messages) in the header's bell says nothing about the list.
 */
export const EMPTY_LIST_WORDS =
  /暂无(?:相关|符合条件的?|匹配的?)?(?:订单|数据|记录|结果|交易)|没有(?:相关|符合条件的?|找到|查询到){0,2}的?(?:订单|数据|记录|交易)|无订单|查询结果为空|\bno (?:[a-z]+ ){0,2}(?:orders|data|results|records)\b|nothing (?:here|found)|không (?:có|tìm thấy) (?:đơn|dữ liệu|kết quả)|chưa có đơn|nenhum (?:pedido|resultado|registro)|sem pedidos|sin (?:pedidos|resultados)|no hay pedidos|нет (?:заказов|данных)|(?:tidak|belum) ada pesanan|pesanan tidak ditemukan|ไม่(?:มี|พบ)คำสั่งซื้อ|暫無(?:相關|符合條件的?)?(?:訂單|資料|紀錄|記錄)|(?:該当する)?注文はありません|keine bestellungen|aucune commande|nessun ordine|沒有(?:相關|符合條件的?|找到)?的?(?:訂單|資料|紀錄)|查無(?:訂單|資料)/i;

// Where a page's text is not its list's: its header, menus, dialogs, tooltips and hidden parts (by tag and ARIA role,
// which redesigns keep), and the notification bells and drop-downs of its shell (by what their class names say).
const NOT_THE_LIST =
  'header, nav, aside, footer, dialog, script, style, template, [hidden], [aria-hidden="true"], [role="banner"], [role="navigation"], [role="menu"], [role="dialog"], [role="tooltip"], [role="alert"]';
const SHELL_CLASS = /notice|notif|bell|dropdown|popover|tooltip|toast|inbox|announce/i;

/** Whether the page's list says it is empty: an empty-state message in the list's part of the page (see NOT_THE_LIST). */
export function saysEmpty(doc: Document): boolean {
  const body = doc.body;
  // Most pages with no rows say nothing of the kind: one test of the whole text first.
  if (!body || !EMPTY_LIST_WORDS.test(textOf(body))) return false;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const at = t.parentElement;
    if (!at || !EMPTY_LIST_WORDS.test(t.nodeValue as string) || at.closest(NOT_THE_LIST)) continue;
    let shell = false;
    for (let up: Element | null = at; up && up !== body && !shell; up = up.parentElement) shell = SHELL_CLASS.test(up.getAttribute('class') ?? '');
    if (!shell) return true;
  }
  return false;
}

/**
 * PageRead.noRowsFound: an order page where `rows` order rows were found is
 * broken (its markup moved, or its list has not arrived yet) when that is none
 * and the list does not say it is empty ("暂无订单").
 */
export function noRowsFound(doc: Document, rows: number): boolean {
  return rows === 0 && !saysEmpty(doc);
}

// Not a part where the total's own note names it: "实收款(含运费)", "Order total (incl. shipping)".
const NOT_INCLUDED = String.raw`(?<!(?:含|包含|incl\.?|including|includes|inclui|incluindo|bao\s*gồm)\s*)`;
// The total's components beside it: goods subtotal, shipping, discount, voucher, promotion, tax.
const COMPONENT_WORDS = String.raw`(?:(?:每)?满\d+元?减\d+元?|商品总价|商品总额|商品金额|商品合计|货款|货值|小计|运费|邮费|快递费|店铺优惠|平台优惠|优惠金额|优惠|折扣|红包|税费|百亿补贴|(?:平台|商家|店铺|官方)?补贴|(?:商家|卖家)改价|改价(?:优惠|金额)|立减|(?:跨店)?满减|(?:店铺|平台)券|淘金币|金币抵扣|积分抵扣|运费险|保费|定金膨胀(?:抵扣)?|预计结算|预估收入|tiền\s*hàng|doanh\s*thu(?:\s*ước\s*tính)?|(?<![\p{L}\d])\d{1,2}\s?[x×]\s?de|parcelas?\s*de|cicilan(?:\s*\d{1,2}\s*[x×])?|angsuran|(?<![\p{L}\d])\d{1,2}\s*[x×]\s*(?:cicilan|angsuran)|trả\s*góp|每期|\d{1,2}\s*(?:interest-free\s*)?(?:payments|installments)\s*of|\d{1,2}\s*(?:msi|meses\s*sin\s*intereses)\s*de|部分退款|退款(?:成功|金额)|refund(?:ed)?|reembols(?:o|ado)|estorno|hoàn\s*tiền(?:\s*một\s*phần)?|คืนเงิน(?:บางส่วน)?|pengembalian\s*dana|预计收入|预估到手|estimasi\s*penghasilan|est(?:imated|\.)\s*(?:income|earnings|payout|commission|settlement)|receita\s*estimada|ingresos?\s*estimados?|thu\s*nhập\s*(?:dự\s*kiến|ước\s*tính)|merchandise\s*(?:sub)?total|sub-?total|items?\s*(?:sub)?total|products?\s*(?:sub)?total|goods\s*(?:sub)?total|(?:products?|productos|produtos|produits|prodotti|artículos|goods|items?|merchandise)(?=\s*[:：])|merchandise(?=\s*(?:[A-Z]{0,3}\s?[$€£¥₱฿₫]|RM|Rp)\s?\d)|(?<![\p{L}])(?:products|productos|produtos|produits|prodotti|artículos)(?!\s+(?:id|no|code|sku)(?![\p{L}]))(?=\s+[-−–]?(?:US\s?)?[^\d\s]{0,3}\s?\d)|(?<=^\s*)product(?!\s+(?:id|no|code|sku)(?![\p{L}]))(?=\s+[-−–]?[^\d\s]{0,4}\s?\d)|cupón(?:\s*de\s*la\s*tienda)?|descuento|total\s*(?:dos|de|del|des)\s+(?:produtos|productos|itens|artículos|articles|produits)|shipping(?:\s*fee)?|delivery\s*fee|(?:cargo\s*|shipping\s*)?insurance|保险费?|运费险|seguro|(?:(?:store|shop|seller|platform|aliexpress|shopee|tiktok|lazada)\s+)?(?:discount|voucher|coupon)|tax(?:es)?|(?:incl\.?\s*|including\s*)?VAT|postage|frete|(?:gastos\s*de\s*|costo\s*de\s*)?envío|desconto|cupom|taxa|tổng\s*tiền\s*hàng|phí\s*vận\s*chuyển|phí\s*giao\s*hàng|giảm\s*giá(?:\s+(?:của\s+)?(?:người\s*bán|nhà\s*bán\s*hàng|shop|tiktok(?:\s*shop)?|shopee|sàn))?|giảm(?=\s*[-−–]?\s*(?:₫|đ)?\s*\d)|подытог|скидка|доставка|subtotal\s*produk|total\s*harga\s*produk|ongkos\s*kirim|ongkir|biaya\s*pengiriman|diskon|subjumlah|penghantaran|المجموع\s*الفرعي|الإجمالي\s*الفرعي|رسوم\s*الشحن|الشحن|تعديل\s*السعر(?:\s*من\s*البائع)?|الخصم|خصم|قسيمة|ضريبة|ürün\s*(?:toplamı|tutarı)|ara\s*toplam|kargo(?:\s*ücreti)?|indirim|(?:mağaza\s*|satıcı\s*)?kuponu?|kdv|(?:kur|exchange\s*rate|汇率)(?=\s*[:：])|baucar(?:\s*(?:kedai|shopee))?|diskaun|koin(?:\s*shopee)?|ยอดรวมสินค้า|รวมค่าสินค้า|ค่าจัดส่ง|ค่าส่ง|ส่วนลด|商品小計|商品總價|商品總額|運費|折扣|優惠|小計|送料|割引|クーポン|zwischensumme|warenwert|versand(?:kosten)?(?!\p{L})|rabatt|gutschein|mwst|sous-total|frais\s*de\s*(?:port|livraison)|livraison|lieferung|spedizione|consegna|remise|réduction|subtotale|spese\s*di\s*spedizione|sconto|상품\s*(?:합계|금액)|배송비|할인(?:\s*금액)?|쿠폰|가격\s*조정|小計|送料|割引)`;
// What was paid of the total so far, what is left of it, and the total in another currency, roughly.
const PAID_WORDS = String.raw`(?:待付款金额|待付金额|待支付金额|sudah\s*dibayar(?=\s*[:：])|ชำระแล้ว(?=\s*[:：])|已付款?|已支付|已收款?|已付金额|已收金额|amount\s*paid|paid\s*(?:amount|so\s*far)|balance\s*(?:due|remaining|outstanding)|outstanding(?:\s*balance)?|payment\s*received|deposit\s*paid|paid(?=\s*[:：])|valor\s*pago|já\s*pago|pago(?=\s*[:：])|đã\s*thanh\s*toán(?=\s*[:：])|оплачено(?=\s*[:：])|≈|约|大约|approx\.?|aprox\.?|khoảng|примерно)`;
// What names an amount as a part of the total (see PART_AMOUNT).
const PART_WORDS = String.raw`(?:${COMPONENT_WORDS}|${PAID_WORDS})`;
// A column header naming a component of the total: the goods subtotal, a discount, the shipping fee, a tax. Not one
// naming what was paid: "实付金额" / "Amount paid" heads the total's own column.
// What the seller receives for the order (a subsidy added, fees taken off): a column beside what the buyer pays.
const SELLER_RECEIVES = String.raw`商家实收|卖家实收|商家应收|商家到手|seller\s*(?:receives|proceeds|payout)|you\s*receive|valor\s*a\s*receber|vendedor\s*recebe`;
const PART_HEADER = new RegExp(`${NOT_INCLUDED}(?:${COMPONENT_WORDS}|${SELLER_RECEIVES})`, 'iu');

/**
 * Headers a column's words name that are another column's: beside the goods subtotal, the discount and the shipping
 * fee ("商品总价 | 优惠 | 运费 | 应付金额") the total's column is the one that names no part of it (with only parts, there
 * is none); beside a goods line's status ("子订单状态 / 售后") the order's status column is another; a column of the
 * buyer's message ("Buyer message / Memo") is no buyer's, wherever it stands.
 */
// A column of the buyer's message or the seller's memo ("Buyer message / Memo", "买家留言"): no buyer column.
const NOTE_HEADER = /message|note|memo|remark|comment|留言|备注|備註|ghi\s*chú|tin\s*nhắn|mensagem|mensaje|nota|observa|pesan|catatan|ข้อความ|หมายเหตุ|сообщение|комментарий|メッセージ|備考|메시지|메모|nachricht|notiz|bemerkung/i;
// A column of whom the goods go to: the buyer's only when the list has no buyer's column of its own.
const RECEIVER_HEADER = /收货人|收件人|consignee|recipient|receiver|destinatário|destinatario|người\s*nhận|penerima|ผู้รับ|получатель|受取人|수령인|empfänger|destinataire/i;

/**
 * Whether the column read for the buyer is the receiver's ("收货人", "Recipient"): one the list has for want of a
 * buyer's column. Its name is often masked ("萨**"), and the order may name its buyer elsewhere ("买家：６６６" in its
 * head), who then comes first.
 */
export function receiverColumn(header: { cells: readonly Element[]; columns: { buyer?: number } }): boolean {
  // Asked for every order of a list: worked out once per header row (a read finds its own, so it is never stale).
  let known = RECEIVER_COLUMN.get(header);
  if (known === undefined) {
    const index = header.columns.buyer;
    RECEIVER_COLUMN.set(header, (known = index !== undefined && RECEIVER_HEADER.test(textOf(header.cells[index]))));
  }
  return known;
}
const RECEIVER_COLUMN = new WeakMap<object, boolean>();
const NOT_THE_COLUMN: Partial<Record<ColumnName, RegExp>> = { amount: PART_HEADER, status: LINE_STATUS_HEADER, buyer: NOTE_HEADER };

/**
 * An amount after a label that names it as part of the total, not the total:
 * goods subtotal, shipping, discount, voucher, tax ("商品总价：¥999.00",
 * "Subtotal: $999.00", "Frete: R$ 10,00", "Tổng tiền hàng: 999.000₫",
 * "Discount: -US $8.00"), what was paid of it so far ("已付：¥0.00", "Amount paid: RM0.00",
 * "Valor pago: R$ 0,00": an unpaid order's is nothing), or as the total in another currency, roughly
 * ("US $23.50 (≈ R$ 120,00)", "约 ¥168.00"). A note in brackets may come between the label and its amount
 * ("Versand (kostenlos) CHF 0.00", "Shipping (Air freight) AUD 100.00"), with numbers in it only when a sign and the amount
 * follow it ("Seller discount (Buy 2, save $10) −$10.00", never "运费 (¥10.00) 实付 ¥99"); Swiss thousands are apostrophes. Not a label after "含"/"incl." (the total's own note,
 * "实收款(含运费) ¥128.00"), nor one closed by a bracket; a currency sign
 * after the amount is its own only when no number follows it ("₫950.000 ₫250.000"; "Sous-total 27,35 € Livraison 2,10 €"). A note in brackets after it
 * is the part's too ("運費 $0（滿 $499 免運）", "Shipping $0.00 (free over $49)").
 */
const PART_AMOUNT = new RegExp(NOT_INCLUDED + PART_WORDS + String.raw`\s*(?:(?:[(（][^\d()（）]{1,24}[)）]\s*)?[:：]?\s*[-−–]?\s*(?:[^\d\s()（）:：]{1,8}\s?){0,2}|[(（][^()（）]{1,30}[)）]\s*[:：]?\s*[-−–]?\s*(?:[A-Z]{0,3}\s?[^\d\s\p{L}()（）:：]{1,3}\s?)?)\d(?:[\d.,]|['’](?=\d{3})|\s(?=\d{3}(?!\d)))*(?:\s?(?:₫|đ|元|руб\.?|₽|€|£|zł|Kč|₺|₩|원|円|(?:kr|TL|\$\s?US|EUR|USD|GBP|PLN|CHF|SEK|NOK|DKK|CZK|HUF|RON|TRY|BRL|MXN|CAD|AUD|JPY|KRW|RUB)(?![\p{L}]))(?!\s?\d))?(?:\s*[(（][^()（）]{1,30}[)）])?`, 'giu');

/** Whether `text` holds two numbers apart (a total and something else), the only case PART_AMOUNT can change. */
function twoNumbers(text: string): boolean {
  let seen = false;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (gap) return true;
      seen = true;
    } else if (seen && c !== 46 && c !== 44 && c !== 32 && c !== 160) gap = true;
  }
  return false;
}

/**
 * `text` (a total's cell or block) without the amounts labelled as parts of
 * the total: what is left holds the total alone, or no amount (unreadable,
 * never a subtotal or a shipping fee read as the total). `always`: a text
 * with one number too ("Subtotal: $9.50" alone is no total).
 */
const PART_FIRST = new RegExp(String.raw`^\s*` + COMPONENT_WORDS, 'iu');
/** Whether `text` starts with a word naming a part of the total ("运费", "Shipping fee", "Descuento"): a summary line's label. */
export function namesPart(text: string): boolean {
  return PART_FIRST.test(text);
}

export function withoutPartAmounts(text: string, always = false): string {
  if (!always && !twoNumbers(text)) return text;
  PART_AMOUNT.lastIndex = 0;
  // Trimmed: a total cell still starts with its total (the readers check that it does).
  return text.replace(PART_AMOUNT, ' ').replace(DEDUCTION, ' ').replace(/\s{2,}/g, ' ').trim();
}

/**
 * An amount taken off, whatever its label's words: one written in brackets as accountants write a negative ("店铺券
 * (¥5.00)", "Promoción 10% (2 o más) ($87.60)", "Partial refund: (US $5.00)"), or after a label's colon with a
 * minus ("Voucher của Người bán: -20.000₫", "Giảm giá từ TikTok Shop: -15.000₫"). A total is never either.
 */
const DEDUCTION =
  /[(（]\s*[-−–]?\s*(?:[A-Z]{2,3}\s?)?[^\p{L}\d\s()（）]{0,3}\s?\d[\d.,'’\u00A0\u202F]*\s*(?:[A-Z]{3}|元|₫|đ|€)?\s*[)）]|(?<=[\p{L}\p{M}.)）]\s*[:：])\s*[-−–]\s*(?:[A-Z]{2,3}\s?)?[^\p{L}\d\s]{0,3}\s?\d[\d.,'’\u00A0\u202F]*(?:\s?(?:[A-Z]{3}|元|₫|đ|€|₽))?/gu;

/**
 * An amount shown again in another currency, after the amount it converts: "≈ €22.39", "(≈ US $6,615.00)",
 * "(US $23.40)" right after "€21,60". The order's amount is the one before it; the conversion is no second amount.
 * Nor is the rate it was made at ("1 USD = 1,395.00 KRW", "1 US$ ≈ R$ 5,12").
 */
const CONVERSION = /\s*(?<![\d.,])1\s?(?:[A-Z]{3}|US\s?\$|[€£¥$₩])\s?[=≈]\s?(?:[A-Z]{3}\s?|[^\d\s]{1,3}\s?)?\d[\d.,]*(?:\s?(?:[A-Z]{3}|[€£¥$₩₫đ元₽]))?|\s*[(（]?\s*(?:≈|~|approx\.?|aprox\.?|约|約)\s*(?:[^\d\s()（）]{1,4}\s?){0,2}\d[\d.,]*(?:\s\d{3}(?!\d))*(?:\s?(?:万|萬|千|亿|億|[kK](?![\p{L}])))?\s?(?:[A-Z]{3}|€|£|₫|đ|元|₽|US\$|R\$)?\s*[)）]?|(?<=\d\s?(?:[A-Z]{3}|€|£|₫|đ|元|₽)?)\s*[(（]\s*(?:US\s?\$|R\$|[A-Z]{3}\s?|[€£¥$])\s?\d[\d.,]*\s*[)）]/gu;

/** `text` without the conversions of its amounts into another currency (see CONVERSION). */
export function withoutConversions(text: string): string {
  return CONVERSION_HINT.test(text) ? text.replace(CONVERSION, ' ') : text;
}
// What every conversion CONVERSION finds holds: most texts hold none, and skip its replace.
const CONVERSION_HINT = /[≈~(（=]|a(?:p)?prox|约|約/i;
