// Labels and words seller back-offices print beside an order's fields, in
// their languages (PLATFORMS.md, "What survives a redesign"). These change far
// more slowly than classes, ids and layout, so the structural reader reads by
// them. Seen: 2026-11.

import { AGO_SHAPE, DATE_SHAPE } from '../../orders/time';

/** A total's label, then its amount ("实付款: ¥128.00", "Order total US $23.50", "Tổng tiền 584.901₫"). */
export const TOTAL_LABEL =
  /(?:(?:إجمالي|الإجمالي)(?!\s*الفرعي)|إجمالي الطلب|مبلغ الطلب|do zapłaty|(?<!sub-?\s?)jumlah(?!\s*(?:produk|barang|item|harga|kuantiti))|kwota zamówienia|razem|sipariş tutarı|toplam|实收款|实付款|实付金额|实收金额|订单金额|订单总额|订单总价|訂單總價|应付金额|应付总额|(?<!本期|当期|本次|本阶段|首期|每期)应付(?![款时期])|实付(?![款时期])|合计|总计|order\s*total|order\s*amount|grand\s*total|total\s*do\s*pedido|valor\s*total|tổng\s*tiền(?!\s*hàng)|tổng\s*thanh\s*toán|tổng\s*đơn\s*hàng|итого|сумма\s*заказа|оплачено(?!\s*[:：])|ยอด(?:คำสั่งซื้อ|รวม|ชำระ(?:ทั้งหมด)?)|(?:ยอด)?ที่ต้องชำระ|訂單金額|訂單總額|實付金額|實收金額|應付金額|實付款|實收款|(?<!本期|當期|本次|本階段|首期|每期)應付(?![款時期])|實付(?![款時期])|總計|合計|注文金額|gesamtbetrag|gesamtsumme|bestellwert|importe\s*(?:total(?:\s*del\s*pedido)?|del\s*pedido)|monto\s*(?:total|del\s*pedido)|valor\s*do\s*pedido|(?:총\s*)?결제\s*금액|montant\s*total|total\s*de\s*la\s*commande|importo\s*totale|totale\s*ordine|(?<!sub-?|items?\s|products?\s|goods\s|merchandise\s)\btotal\b(?!\s*(?:(?:dos|de|del|des)\s+(?:produtos|productos|itens|artículos|articles|produits)|(?:harga\s*)?produk|barang|items?\b|products?\b|goods\b|merchandise\b)))\s*(?:\([^)]{0,8}\))?\s*[:：]?/i;

/**
 * What comes after the total in a total cell and is not the total: shipping
 * included, the payment stages of a Trade Assurance order (and what is due in the current one, "本期应付"), the unit
 * price.
 */
export const NOT_TOTAL =
  /[(（]?\s*(?:含\s*(?:运费|快递|運費)|运费|邮费|運費|郵費|shipping|frete|envío|phí\s*vận\s*chuyển|доставка|initial\s*payment|advance\s*payment|balance\s*payment|deposit|pago\s*inicial|anticipo|saldo|pagamento\s*inicial|acompte|solde|anzahlung|restzahlung|首付款|预付款|尾款|定金|(?:本期|当期|當期|本次|本阶段|本階段)应?應?付|(?:amount\s*)?due\s*now|current\s*instal?lment|unit\s*price|单价|(?:price|payment)\s*details|价格明细|價格明細|detalhes\s*do\s*(?:preço|pagamento)|detalles\s*del\s*(?:precio|pago)|chi\s*tiết\s*(?:giá|thanh\s*toán))/i;

/** A buyer label on its own or before the nick ("买家：", "Buyer:", "Người mua"). Not "Buyer note:". */
export const BUYER_LABEL = /^(?:买家(?:昵称)?|المشتري|kupujący|al[ıi]c[ıi]|구매자|買家(?:暱稱)?|buyer(?:\s*name)?|customer|comprador|người\s*mua|покупатель|pembeli|ผู้ซื้อ|購入者|バイヤー|käufer|acheteur|acquirente|contact\s*(?:person|name)|persona\s*de\s*contacto|pessoa\s*de\s*contato|người\s*liên\s*hệ|контактное\s*лицо)\s*[:：]?\s*/i;

/** Text of a control that opens the chat with the buyer (it sits right after the nick). */
export const CHAT_WORDS = /^(?:联系买家|联系他|联系|和我联系|旺旺在线|旺旺离线|旺旺|chat(?:\s*now)?|chat\s*with\s*buyer|contact(?:\s*buyer)?|message|send\s*message|nhắn\s*tin|chat\s*ngay|trò\s*chuyện(?:\s*với\s*người\s*mua)?|conversar|enviar\s*mensagem|chatear|написать|kirim\s*pesan|مراسلة(?:\s*المشتري)?|دردشة|تواصل\s*مع\s*المشتري|napisz(?:\s*do\s*kupującego)?|czat|wiadomość|mesaj\s*gönder|sohbet|sembang(?:\s*sekarang)?|hubungi\s*pembeli|แชท(?:เลย)?|聊聊|聯絡買家|チャット|メッセージ|nachricht(?:\s*senden)?|envoyer\s*un\s*message|invia\s*messaggio|채팅|구매자\s*채팅|메시지\s*보내기)$/i;
/** Words of a chat control's tooltip or accessible name when it shows only an icon ("Trò chuyện với người mua"). */
export const CHAT_LABEL = /chat|message|sembang|مراسلة|دردشة|czat|wiadomo|mesaj|联系|聯絡|旺旺|contact|trò\s*chuyện|nhắn\s*tin|แชท|conversar|chatear|채팅|チャット|聊聊|написать|pesan|hubungi|liên\s*hệ|contactar|contatar|kontakt|連絡|연락/i;

/** Links that open a chat with the buyer, by where they go. */
export const CHAT_HREF = /amos\.alicdn|aliim:|chat-merchant|im-chat|\/chat\/|webchat|messenger/i;

/** The created time after its label ("创建时间: 2026-11-20 14:03:11", "Created 11/20/2026 2:03 PM", "创建时间：3小时前"). */
export const CREATED = new RegExp(
  String.raw`(?:创建时间|成交时间|下单时间|订单时间|创建于|created(?:\s*(?:at|on|time))?|order\s*(?:time|date|created)|placed\s*on|criado\s*em|data\s*do\s*pedido|pedido\s*feito\s*em|fecha\s*del\s*pedido|creado\s*el|fecha\s*de\s*creación|ngày\s*đặt(?:\s*hàng)?|thời\s*gian\s*(?:đặt\s*hàng|tạo)|tạo\s*lúc|дата\s*заказа|время\s*заказа|waktu\s*pesanan(?:\s*dibuat)?|tanggal\s*pesanan|dibuat\s*pada|เวลาสั่งซื้อ|วันที่สั่งซื้อ|สร้างเมื่อ|(?:訂單)?成立時間|下單時間|建立時間|作成日時|注文日時?|erstellt\s*am|bestelldatum|bestellzeit|créée?\s*le|date\s*de\s*(?:la\s*)?commande|creato\s*il|data\s*(?:dell['’]\s*)?ordine)\s*[:：]?\s*` + `(${DATE_SHAPE}|${AGO_SHAPE})`,
  'iu',
);


/**
 * A list tab (or URL parameter) that holds only unpaid orders, in every language the regional back-offices come in:
 * the structural reader's, and TikTok Shop's and Shopee's adapters' (their regions speak the same languages).
 */
export const UNPAID_TAB =
  /في انتظار الدفع|بانتظار الدفع|غير مدفوع|oczekuje\s*na\s*płatność|nieopłacone|ödeme\s*bekleniyor|等待买家付款|待付款|待支付|未支付|未付款|awaiting\s*payment|pending\s*payment|unpaid|to\s*pay|não\s*pago|aguardando\s*pagamento|a\s*pagar|por\s*pagar|pendiente\s*de\s*pago|chờ\s*thanh\s*toán|chưa\s*thanh\s*toán|belum\s*(?:di)?bayar|menunggu\s*pembayaran|ที่ต้องชำระ|ยังไม่ชำระ|รอชำระเงิน|尚未付款|等待買家付款|支払い待ち|未払い|zahlung\s*ausstehend|en\s*attente\s*de\s*paiement|in\s*attesa\s*di\s*pagamento|ожидает\s*оплаты/i;

/** URL parameter values of an unpaid tab (?tabCode=waitBuyerPay, ?type=unpaid, ?tab=unpay …). */
export const UNPAID_PARAM = /^(?:waitBuyerPay|NOT_PAID|WAIT_BUYER_PAY|unpaid|unpay|to_pay|PLACE_ORDER_SUCCESS)$/i;

