// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { columnsByHeader, fullName, isBuyerTag, nickOf, saysEmpty, soleStatus, statusFromWords, statusOn, statusWithTags, withoutConversions, withoutPartAmounts } from './page-words';

// What each status text means for collecting money, as a seller reads it. A paid word that is negated, pending or
// partial is money still to collect: reading it as paid would drop the order from the queue and credit its buyer.
const MEANING: ReadonlyArray<readonly [string, 'unpaid' | 'paid' | 'closed' | 'unknown']> = [
  // Negated, pending or partial payment, in every back-office language.
  ['Não pago', 'unpaid'],
  ['Nao pago', 'unpaid'],
  ['Pagamento pendente', 'unpaid'],
  ['Aguardando pagamento', 'unpaid'],
  ['Pago pendiente', 'unpaid'],
  ['Pendiente de pago', 'unpaid'],
  ['No pagado', 'unpaid'],
  ['Sin pagar', 'unpaid'],
  ['Not yet paid', 'unpaid'],
  ['Not paid', 'unpaid'],
  ['Buyer has not paid', 'unpaid'],
  ["Buyer hasn't paid", 'unpaid'],
  ['Buyer hasn’t paid yet', 'unpaid'],
  ['Partially paid', 'unpaid'],
  ['Awaiting buyer payment', 'unpaid'],
  ["Awaiting buyer's payment", 'unpaid'],
  ['Awaiting payment', 'unpaid'],
  ['Waiting for the buyer to pay', 'unpaid'],
  ['Payment pending', 'unpaid'],
  ['Unpaid', 'unpaid'],
  ['Awaiting balance payment', 'unpaid'],
  ['Chờ thanh toán', 'unpaid'],
  ['Chưa thanh toán', 'unpaid'],
  ['Ожидает оплаты', 'unpaid'],
  ['Не оплачен', 'unpaid'],
  ['等待买家付款', 'unpaid'],
  ['买家未付款', 'unpaid'],
  ['部分付款', 'unpaid'],
  // Shopee Indonesia, Thailand and Taiwan; an unpaid order's auto-cancel line is no cancellation.
  ['Belum Bayar', 'unpaid'],
  ['Belum Bayar Dibatalkan otomatis dalam 1 jam 30 menit', 'unpaid'],
  ['Menunggu Pembayaran', 'unpaid'],
  // Orders between two states (pages written blind): a payment in progress, unconfirmed or failed, a balance still
  // due, a price the seller must confirm are money still to collect; a paid word the order will only move to is none.
  ['支付中', 'unpaid'],
  ['付款确认中', 'unpaid'],
  ['Payment processing', 'unpaid'],
  ['支付失败 失败原因：银行卡单日限额不足 买家可在订单关闭前重新支付', 'unpaid'],
  ['Payment failed', 'unpaid'],
  ['待商家确认价格 确认价格后买家方可支付', 'unpaid'],
  ['Awaiting T/T confirmation The order moves to "Awaiting shipment" when the funds arrive. Funds not received yet', 'unpaid'],
  ['Initial payment received, balance due', 'unpaid'],
  ['Risk control review', 'paid'],
  // Arabic, Polish and Turkish back-offices (pages written blind).
  ['في انتظار الدفع', 'unpaid'],
  ['غير مدفوع', 'unpaid'],
  ['تم الشحن', 'paid'],
  ['ملغي', 'closed'],
  ['Oczekuje na płatność', 'unpaid'],
  ['Wysłane', 'paid'],
  ['Anulowane', 'closed'],
  ['Ödeme bekleniyor', 'unpaid'],
  // A Turkish seller centre's (batch 42): the dotted capital İ, which no case-insensitive search folds to "i".
  ['İptal edildi', 'closed'],
  ['Ödeme süresi doldu, sipariş iptal edildi', 'closed'],
  ['Gönderilmeyi bekliyor', 'paid'],
  ['Kargoda', 'paid'],
  // A payment "not completed" is no completed order (a TikTok Shop kanban's cancelled card, batch 48).
  ['Motivo: pagamento não concluído', 'unknown'],
  ['Concluído', 'paid'],
  // Alibaba.com's staged orders (batch 44): the whole amount still to pay.
  ['Awaiting full payment Payment due in 2 days 5 hours', 'unpaid'],
  // Shopee Indonesia (batch 45): a cancellation to come is none, and a transfer's proof under review is no payment.
  ['Segera dibatalkan', 'unknown'],
  ['Belum Bayar Segera dibatalkan Sisa waktu 00:04:12', 'unpaid'],
  // Batch 52: cancelled "in 23 hours" is a cancellation to come; cancelled automatically, for want of payment, is done.
  ['Otomatis dibatalkan dalam 23 jam', 'unknown'],
  ['Dibatalkan otomatis jika belum dibayar', 'unpaid'],
  ['Dibatalkan otomatis: belum dibayar', 'closed'],
  ['Pesanan dibatalkan otomatis', 'closed'],
  ['Bukti transfer sedang diverifikasi Shopee Hitung mundur dijeda sampai verifikasi selesai (maks. 2×24 jam)', 'unpaid'],
  ['ยังไม่ชำระ', 'unpaid'],
  ['ที่ต้องชำระ', 'unpaid'],
  ['ยังไม่ชำระ ยกเลิกอัตโนมัติใน 1 ชั่วโมง 30 นาที', 'unpaid'],
  ['尚未付款', 'unpaid'],
  ['尚未付款 1小時30分鐘後自動取消', 'unpaid'],
  ['等待買家付款', 'unpaid'],
  // TikTok Shop Japan, Germany, France, Italy; "…後に自動キャンセル" and "Automatische Stornierung in …" are an unpaid order's deadline.
  ['支払い待ち', 'unpaid'],
  ['支払い待ち 19時間59分後に自動キャンセル', 'unpaid'],
  ['未払い', 'unpaid'],
  ['Zahlung ausstehend', 'unpaid'],
  ['Zahlung ausstehend Automatische Stornierung in 19 Std. 59 Min.', 'unpaid'],
  ['Nicht bezahlt', 'unpaid'],
  ['En attente de paiement', 'unpaid'],
  ['Non payé', 'unpaid'],
  ['In attesa di pagamento', 'unpaid'],
  ['Non pagato', 'unpaid'],
  ['待付尾款', 'unpaid'],
  // Paid, in the words the back-offices use after payment.
  ['Paid', 'paid'],
  ['Pago', 'paid'],
  ['Pagado', 'paid'],
  ['Đã thanh toán', 'paid'],
  ['Awaiting shipment', 'paid'],
  ['Awaiting collection', 'paid'],
  ['Awaiting delivery', 'paid'],
  ['Ready to ship', 'paid'],
  ['Aguardando envio', 'paid'],
  ['A enviar', 'paid'],
  ['Por enviar', 'paid'],
  ['Completed', 'paid'],
  ['交易成功', 'paid'],
  ['交易完成', 'paid'],
  ['待评价', 'paid'],
  ['待成团', 'paid'],
  ['部分发货', 'paid'],
  ['Оплачен', 'paid'],
  ['Perlu Dikirim', 'paid'],
  ['Sudah Dibayar', 'paid'],
  ['Selesai', 'paid'],
  ['ที่ต้องจัดส่ง', 'paid'],
  ['ชำระเงินแล้ว', 'paid'],
  ['待出貨', 'paid'],
  ['運送中', 'paid'],
  ['買家已付款', 'paid'],
  ['発送待ち', 'paid'],
  ['支払い済み', 'paid'],
  ['Bezahlt', 'paid'],
  ['Versandbereit', 'paid'],
  ['Versandt', 'paid'],
  ['Finished', 'paid'],
  ['Payé', 'paid'],
  ['Expédiée', 'paid'],
  ['Pagato', 'paid'],
  ['Spedito', 'paid'],
  // Closed, even when the words around hold an unpaid or paid one.
  ['Cancelled', 'closed'],
  ['已取消（未付款）', 'closed'],
  ['Canceled - not paid', 'closed'],
  ['Cancelado', 'closed'],
  ['Dibatalkan', 'closed'],
  ['Pesanan Dibatalkan', 'closed'],
  ['ยกเลิกแล้ว', 'closed'],
  ['不成立', 'closed'],
  ['訂單已關閉', 'closed'],
  ['キャンセル済み', 'closed'],
  ['Storniert', 'closed'],
  ['Annulée', 'closed'],
  ['Annullato', 'closed'],
  // French AliExpress (written blind): the closed order's reason mentions payment; an unpaid one's note says when it
  // will close.
  ['Fermée Motif : paiement non reçu dans le délai', 'closed'],
  ["En attente de paiement Fermeture automatique dans 2 j Pourquoi ? La commande sera fermée à l'échéance.", 'unpaid'],
  ["En attente d'expédition", 'paid'],
  // What will happen is no status (a tooltip's "заказ будет закрыт автоматически" beside "Ожидает оплаты").
  ['Ожидает оплаты Закроется через 04:17:09 Если покупатель не оплатит заказ, заказ будет закрыт автоматически', 'unpaid'],
  ['Awaiting payment. The order will be closed automatically if the buyer does not pay.', 'unpaid'],
  ['Aguardando pagamento, será cancelado em 2 dias', 'unpaid'],
  ['Order to be cancelled', 'unknown'],
  // Korean AliExpress, Spanish Shopee, Pinduoduo's after-sales (written blind).
  ['결제 대기 자동 취소까지 2일 23:01:47', 'unpaid'],
  ['발송 대기 결제 완료 2026.12.04 21:43', 'paid'],
  ['주문 취소 결제 기한 만료로 자동 취소', 'closed'],
  ['Completado Entregado el 05/12/2026', 'paid'],
  ['售后中 仅退款 ¥59.90 · 待商家处理', 'paid'],
  // The status a cell leads with; money still to collect outweighs money paid wherever each is named.
  ['Awaiting payment Closes in 19h 12m ? This order will be closed automatically. Closed orders cannot be reopened.', 'unpaid'],
  ['已取消（超时未支付）', 'closed'],
  ['定金 (30%) 已付款 尾款 (70%) 待支付 等待买家付款', 'unpaid'],
  ['Completed · Closed orders cannot be reopened', 'paid'],
  // Nothing a seller would act on.
  ['', 'unknown'],
  ['Processing', 'unknown'],
  // Batch 7 of the pages written blind: Spanish and Vietnamese waiting-to-ship words, a full and a partial refund, a
  // Thai status cell that leads with "ยกเลิก", and a name that merely contains a paid word.
  ['Pendiente de envío', 'paid'],
  ['Finalizado', 'paid'],
  ['Chờ vận chuyển', 'paid'],
  ['Partially refunded', 'paid'],
  ['ยกเลิก ยกเลิกโดยผู้ซื้อ: ต้องการเปลี่ยนที่อยู่จัดส่ง', 'closed'],
  ['ยกเลิกอัตโนมัติหากไม่ชำระเงินภายในเวลา', 'unknown'],
  ['Pagado_Ya', 'unknown'],
  ['PagoRapido_22', 'unknown'],
  // Batch 31 (Shopee Brazil): the unpaid tab's own word leading a status, and a condition on payment that names no
  // payment made; "a pagar" inside a label ("Total a pagar") is no status.
  ['A pagar Cancelamento automático se não for pago até 09/12/2026 23:59', 'unpaid'],
  ['A pagar Aguardando pagamento via Pix · expira em 00:27:14', 'unpaid'],
  ['Valor a pagar', 'unknown'],
  ['Cancelado Não pago: cancelado automaticamente pelo sistema', 'closed'],
  ['Enviado Envie até 08/12/2026 23:59', 'paid'],
];

describe('statusFromWords', () => {
  it.each(MEANING)('%j is %s', (text, status) => {
    expect(statusFromWords(text)).toBe(status);
  });
});

describe('isBuyerTag', () => {
  it.each(['新客', '老客', '88VIP', 'VIP3', '【会员】', '(粉丝)', 'New buyer', 'new customer', 'Returning', 'Follower', 'Novo cliente', 'Cliente nuevo', 'Khách mới', 'Khách quen', 'Pelanggan baru', 'Новый покупатель', '回購買家', '回购', 'ผู้ซื้อใหม่', 'Comprador recurrente', '买家开启了匿名购买', '匿名购买', '本单买家', '下单人', '送礼人（下单）', '团长'])('%j is a badge', (text) => {
    expect(isBuyerTag(text)).toBe(true);
  });
  it.each(['小美', 'VIP小美', '新客户服务中心的小王', 'Newton', 'Ana Paula', 'new buyer from Lisbon', 'Khách', '', '匿名买家'])('%j is not', (text) => {
    expect(isBuyerTag(text)).toBe(false);
  });
});

describe('nickOf', () => {
  const el = (html: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    return div;
  };
  it('is no name where the buyer\'s label alone is text (the name in a read-only field): the label stays out of a name after it', () => {
    expect(nickOf(el('<label><span>买家</span><input readonly value="tb_lulu_93"></label>'))).toBe('');
    expect(nickOf(el('<label>Buyer: <input readonly value="Derek Nguyen"></label>'))).toBe('');
    // The same with the field drawn as text (see composedView's fields): the name alone.
    expect(nickOf(el('<label><span>买家</span><span>tb_lulu_93</span></label>'))).toBe('tb_lulu_93');
    expect(nickOf(el('<span>Comprador</span> <b>Ana Clara</b>'))).toBe('Ana Clara');
  });

  it('leaves out the badges printed beside the name, before or after it', () => {
    expect(nickOf(el('晴天小猪<span class="tag">新客</span>'))).toBe('晴天小猪');
    // A name that reads as a badge comes before the badge beside it.
    expect(nickOf(el('<span>VIP88</span><span class="tag">老客</span>'))).toBe('VIP88');
    expect(nickOf(el('<i>88VIP</i> <b>Lily🌷</b>'))).toBe('Lily🌷');
    expect(nickOf(el('<span>ana.beatriz_</span><span> Novo cliente </span><span>Seguidor</span>'))).toBe('ana.beatriz_');
  });
  it('keeps a name that is all one text, a badge word inside it, and a name that is only such a word', () => {
    expect(nickOf(el('VIP小美'))).toBe('VIP小美');
    expect(nickOf(el('<span>Ana</span> <span>Paula</span>'))).toBe('Ana Paula');
    expect(nickOf(el('<span>VIP</span>'))).toBe('VIP');
    expect(nickOf(null)).toBe('');
  });
  it('reads a name that is a badge\'s word after a badge, and a name shown only in its chat control (pages written blind)', () => {
    expect(nickOf(el('<span>88VIP</span>VIP88<span class="tag">老客</span>'))).toBe('VIP88');
    expect(nickOf(el('<a><svg></svg>联系 t**8</a>'))).toBe('t**8');
    expect(nickOf(el('Chat with j***n'))).toBe('j***n');
    // The control's own words alone name no one.
    expect(nickOf(el('<a><svg></svg>联系买家</a>'))).toBe('联系买家');
  });
});

describe('saysEmpty', () => {
  const page = (html: string) => new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, 'text/html');
  it.each([
    '<div class="list"><p>暂无数据</p></div>',
    '<table><tbody><tr><td>没有找到相关订单</td></tr></tbody></table>',
    '<section><p>There are no unpaid orders yet</p></section>',
    '<div>Nenhum pedido encontrado</div>',
    '<div>Không tìm thấy đơn hàng</div>',
    '<div>No data</div>',
  ])('%j: the list says it is empty', (html) => {
    expect(saysEmpty(page(html))).toBe(true);
  });
  it.each([
    // Nothing is said about the list: no messages, no notices.
    '<div>暂无消息</div>',
    '<div>暂无公告</div>',
    '<div>No messages</div>',
    // The shell's own empty states: header, menus, drop-downs, hidden parts.
    '<header>No data</header>',
    '<nav><span>暂无数据</span></nav>',
    '<div role="menu">暂无数据</div>',
    '<div class="bell-dropdown__panel"><p>暂无数据</p></div>',
    '<div hidden>No orders found</div>',
    '<script>var t = "暂无数据";</script>',
  ])('%j: says nothing of the list', (html) => {
    expect(saysEmpty(page(html))).toBe(false);
  });
});

describe('columnsByHeader', () => {
  const cells = (...texts: string[]) =>
    texts.map((t) => {
      const th = document.createElement('th');
      th.textContent = t;
      return th;
    });

  it('names the columns of a Japanese list (a page written blind, batch 41)', () => {
    expect(columnsByHeader(cells('商品', 'バイヤー', '注文金額', '注文状況', '期限'))).toMatchObject({ item: 0, buyer: 1, amount: 2, status: 3 });
  });

  it('names a column whose header is an icon by its label or title (a page written blind, batch 46)', () => {
    const row = cells('订单号', '宝贝', '实付');
    const icon = document.createElement('th');
    icon.setAttribute('title', '买家');
    icon.innerHTML = '<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="5" r="3"></circle></svg>';
    const labelled = document.createElement('th');
    labelled.innerHTML = '<span aria-label="Status"><svg viewBox="0 0 16 16"></svg></span>';
    expect(columnsByHeader([...row, icon, labelled])).toMatchObject({ order: 0, item: 1, amount: 2, buyer: 3, status: 4 });
  });

  it('names the columns of a Turkish list in capitals, whose dotted İ and dotless I no case-insensitive search folds', () => {
    for (const upper of [false, true]) {
      const words = ['Sipariş No', 'Alıcı', 'Ürün', 'Toplam', 'Durum', 'Sipariş Tarihi'].map((w) => (upper ? w.toLocaleUpperCase('tr') : w));
      expect(columnsByHeader(cells(...words)), words.join(' ')).toMatchObject({ order: 0, buyer: 1, item: 2, amount: 3, status: 4, created: 5 });
    }
  });

  it('takes no column of the buyer’s message for the buyer’s, before the buyer’s column or after it', () => {
    expect(columnsByHeader(cells('Actions', 'Buyer message / Memo', 'Status', 'Order amount', 'Buyer', 'Order No.')).buyer).toBe(4);
    expect(columnsByHeader(cells('订单号', '买家留言', '买家', '实付金额')).buyer).toBe(2);
    expect(columnsByHeader(cells('Order No.', 'Buyer', 'Buyer message')).buyer).toBe(1);
  });

  it('takes what the buyer pays for the total, not what the seller receives beside it, in either order (a page written blind, redeployed)', () => {
    expect(columnsByHeader(cells('订单号', '商家实收(元)', '用户实付(元)', '买家')).amount).toBe(2);
    expect(columnsByHeader(cells('订单号', '用户实付(元)', '商家实收(元)', '买家')).amount).toBe(1);
    expect(columnsByHeader(cells('Order', 'Seller receives', 'Order total', 'Buyer')).amount).toBe(2);
    // Taobao's own total is "实收款": still the total.
    expect(columnsByHeader(cells('宝贝', '买家', '交易状态', '实收款')).amount).toBe(3);
  });

  it('takes the buyer\'s column before the receiver\'s, whichever the seller put first, and the receiver\'s when it is the only one', () => {
    expect(columnsByHeader(cells('订单号', '收货人', '买家', '实收款')).buyer).toBe(2);
    expect(columnsByHeader(cells('Order ID', 'Recipient', 'Buyer', 'Total')).buyer).toBe(2);
    expect(columnsByHeader(cells('订单号', '收货人', '实收款')).buyer).toBe(1);
    // "ID do pedido" heads the order numbers' column (a page written blind, batch 33).
    expect(columnsByHeader(cells('Total do pedido', 'ID do pedido / Criado em', 'Comprador')).order).toBe(1);
  });

  it('takes the total column beside columns of its parts, and none when every money column is a part', () => {
    expect(columnsByHeader(cells('订单编号', '商品信息', '商品总价', '优惠', '运费', '应付金额')).amount).toBe(5);
    expect(columnsByHeader(cells('Product', 'Subtotal', 'Shipping', 'Order total')).amount).toBe(3);
    expect(columnsByHeader(cells('商品', '单价', '数量', '商品总价')).amount).toBeUndefined();
  });

  it('keeps a total whose header notes what it includes ("实收款(含运费)", "Order total (incl. shipping)")', () => {
    expect(columnsByHeader(cells('宝贝', '单价', '数量', '实收款(含运费)')).amount).toBe(3);
    expect(columnsByHeader(cells('Product', 'Price', 'Qty', 'Order total (incl. shipping)')).amount).toBe(3);
    expect(columnsByHeader(cells('商品', '单价', '含税金额')).amount).toBe(2);
    // What the buyer paid heads the total's own column: no part of it.
    expect(columnsByHeader(cells('商品信息', '买家', '订单状态', '实付金额', '操作')).amount).toBe(3);
    expect(columnsByHeader(cells('Product', 'Buyer', 'Status', 'Amount paid', 'Actions')).amount).toBe(3);
  });

  it('takes a header over a goods line\'s price and quantity for no column: its cells show both ("￥399.00 x1")', () => {
    expect(columnsByHeader(cells('状态', '商品', '单价/数量', '买家', '实收金额', '操作'))).toEqual({ status: 0, item: 1, buyer: 3, amount: 4 });
    expect(columnsByHeader(cells('Product', 'Price / Qty', 'Buyer', 'Order total'))).toEqual({ item: 0, buyer: 2, amount: 3 });
    // Apart, each is its own column.
    expect(columnsByHeader(cells('商品', '单价', '数量', '实收款'))).toEqual({ item: 0, price: 1, qty: 2, amount: 3 });
  });

  it('takes "Jumlah pembayaran" for the total\'s column and "Jumlah" alone for the quantity\'s', () => {
    expect(columnsByHeader(cells('Produk', 'Jumlah pembayaran', 'Status', 'Jasa kirim', 'Tindakan'))).toEqual({ item: 0, amount: 1, status: 2 });
    expect(columnsByHeader(cells('Produk', 'Harga', 'Jumlah', 'Total pembayaran'))).toEqual({ item: 0, price: 1, qty: 2, amount: 3 });
  });

  it('takes the order\'s status column, not a goods line\'s ("子订单状态 / 售后" before "订单状态")', () => {
    expect(columnsByHeader(cells('宝贝', '单价', '数量', '子订单状态 / 售后', '实收款', '订单状态', '操作'))).toMatchObject({ status: 5, amount: 4 });
    expect(columnsByHeader(cells('Product', 'Item status', 'Order total', 'Status')).status).toBe(3);
    // Only a goods line's: no status column.
    expect(columnsByHeader(cells('Product', 'Item status', 'Order total')).status).toBeUndefined();
  });

  it('finds the order number under one header over the order and its goods ("Order / Products")', () => {
    expect(columnsByHeader(cells('', 'Order / Products', 'Buyer', 'Order amount', 'Status', 'Actions'))).toEqual({ order: 1, item: 1, buyer: 2, amount: 3, status: 4 });
    expect(columnsByHeader(cells('订单 / 商品', '买家', '实收款')).order).toBe(0);
    // Goods alone: no order column.
    expect(columnsByHeader(cells('Products', 'Buyer', 'Order amount')).order).toBeUndefined();
  });

  it('takes a header cell naming goods, price and quantity each in an element of its own for the goods column', () => {
    const grouped = document.createElement('div');
    for (const t of ['Product', 'Price', 'Qty']) grouped.appendChild(document.createElement('span')).textContent = t;
    const vn = document.createElement('div');
    for (const t of ['Sản phẩm', 'Đơn giá', 'SL']) vn.appendChild(document.createElement('span')).textContent = t;
    expect(columnsByHeader([grouped, ...cells('Order total', 'Buyer', 'Status', 'Action')])).toEqual({ item: 0, amount: 1, buyer: 2, status: 3 });
    expect(columnsByHeader([vn, ...cells('Tổng thanh toán', 'Trạng thái', 'Thao tác')])).toEqual({ item: 0, amount: 1, status: 2 });
    // Inside a wrapper around them all.
    const wrapped = document.createElement('div');
    wrapped.appendChild(document.createElement('div')).append(...grouped.childNodes);
    expect(columnsByHeader([wrapped, ...cells('Order total', 'Buyer', 'Status', 'Action')])).toEqual({ item: 0, amount: 1, buyer: 2, status: 3 });
  });
});

describe('statusWithTags', () => {
  const texts = (...t: string[]) => () => t.map((text) => ({ text }));
  it('lets a card\'s status tag decide between statuses its words name in different places', () => {
    expect(statusWithTags('Posventa: reembolso parcial (disputa cerrada) Finalizado', texts('Posventa: reembolso parcial (disputa cerrada)', 'Finalizado'), 'ana')).toBe('paid');
    expect(statusWithTags('Comprador Pagado Cerrado', texts('Comprador', 'Pagado', 'Cerrado'), 'Pagado')).toBe('closed');
    // A label ("Amount paid:") and a line with a number are no tags.
    expect(statusWithTags('Amount paid: 0,00 € Cerrado', texts('Amount paid:', '0,00 €', 'Cerrado'), 'x')).toBe('closed');
  });
  it('decides nothing from two tags that disagree, and asks for no texts when the words name one status', () => {
    expect(statusWithTags('定金 已付款 尾款 待支付', texts('定金', '已付款', '尾款', '待支付'), 'x')).toBe('unpaid');
    expect(statusWithTags('等待买家付款 剩余 1天', () => {
      throw new Error('texts asked for');
    }, 'x')).toBe('unpaid');
  });
});

describe('statuses of unusual orders (blind batches 32-34)', () => {
  it('reads a refund in progress and an order waiting to ship as paid', () => {
    expect(statusFromWords('Refund in progress')).toBe('paid');
    expect(statusFromWords('Reembolso en curso')).toBe('paid');
    expect(statusFromWords('Esperando envío')).toBe('paid');
  });

  it('takes what was paid so far, labelled before its amount, for no status of the order', () => {
    const texts = (...t: string[]) => () => t.map((text) => ({ text }));
    expect(statusWithTags('R$ 89,90 Valor pago: R$ 0,00 Cancela em 0 h 47 min', texts('R$ 89,90', 'Valor pago: R$ 0,00'), 'ana')).toBe('unknown');
    expect(statusWithTags('Amount paid: $0.00 Awaiting payment', texts('Amount paid: $0.00', 'Awaiting payment'), 'ana')).toBe('unpaid');
    expect(statusWithTags('Paid', texts('Paid'), 'ana')).toBe('paid');
  });

  it('reads AliExpress\'s "Payment processing" (its check of a payment made) as paid, and the same words elsewhere as unpaid', () => {
    const text = 'Payment processing The buyer has paid. AliExpress is verifying the payment (up to 24 hours).';
    expect(statusOn('aliexpress', statusFromWords(text), text)).toBe('paid');
    expect(statusOn('alibaba', statusFromWords('Payment processing'), 'Payment processing')).toBe('unpaid');
    const boleto = 'Payment processing Boleto due 2026-12-08 · order closes in 2d 11h 12m if not confirmed';
    expect(statusOn('aliexpress', statusFromWords(boleto), boleto)).toBe('unpaid');
    expect(statusOn('aliexpress', statusFromWords('Awaiting payment'), () => 'Awaiting payment')).toBe('unpaid');
  });

  it('soleStatus: the status a heading names when it names one, a word inside another\'s being that one\'s, else none', () => {
    expect(soleStatus('Não pago 9')).toBe('unpaid');
    expect(soleStatus('待付款 12 本列合计 ¥3,412.40')).toBe('unpaid');
    expect(soleStatus('Completed · 1 order')).toBe('paid');
    expect(soleStatus('已关闭')).toBe('closed');
    // A tab strip, a filter's words, a heading naming two: none.
    expect(soleStatus('待付款 已发货 已关闭')).toBe('unknown');
    expect(soleStatus('Awaiting payment · Completed')).toBe('unknown');
    expect(soleStatus('本月订单 32')).toBe('unknown');
  });

  it('takes a Turkish goods amount and a store coupon beside the total for parts of it (a page written blind)', () => {
    expect(withoutPartAmounts('567,90 TL Ürün tutarı: 528,00 TL Kargo: 39,90 TL')).toBe('567,90 TL');
    expect(withoutPartAmounts('₺1.027,80 Ürün tutarı: ₺1.127,80 Mağaza kuponu: -₺100,00')).toBe('₺1.027,80');
  });

  it('takes a combo\'s saving ("giảm ₫60.000") for a part of the total, and leaves "Giảm giá" as it was (a page written blind)', () => {
    expect(withoutPartAmounts('₫389.000 Chuyển khoản ngân hàng Combo: Mua 3 sản phẩm giảm ₫60.000')).not.toContain('60.000');
    expect(withoutPartAmounts('₫389.000 Giảm 60.000đ')).not.toContain('60.000');
    expect(withoutPartAmounts('₫389.000 Giảm giá của Shop -₫20.000')).not.toContain('20.000');
    // A word that only starts the same is no saving.
    expect(withoutPartAmounts('₫389.000 Giảm cân 3 tuần')).toContain('389.000');
  });

  it('takes an instalment for a part of the total, not the total', () => {
    expect(withoutPartAmounts('Rp1.251.000 Termasuk ongkir Rp15.000 SPayLater · Cicilan 6x Rp208.500')).not.toContain('208.500');
    expect(withoutPartAmounts('¥2,087.00 每期 ¥173.92')).toBe('¥2,087.00');
  });
});

describe('fullName: a name cut short where it shows', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  it('reads the whole name from a title or a tooltip that starts as the name shows, accents aside', () => {
    const doc = parse(`<div id="o"><a id="n" title="Alejandro Domínguez Sánchez">Alejandro Domínguez Sa…</a><span role="tooltip" hidden>Francisco Javier Martín-Serrano</span><span>Francisco Javier M…</span></div>`);
    expect(nickOf(doc.getElementById('n'))).toBe('Alejandro Domínguez Sánchez');
    expect(fullName('Francisco Javier M…', [doc.getElementById('o')!])).toBe('Francisco Javier Martín-Serrano');
    // Nothing that goes on as the name starts: the name as shown.
    expect(fullName('Zoe K...', [doc.getElementById('o')!])).toBe('Zoe K...');
    expect(fullName('Lucía P.', [doc.getElementById('o')!])).toBe('Lucía P.');
  });
});

describe('withoutConversions', () => {
  it('drops an amount shown again in another currency, keeping the first', () => {
    expect(withoutConversions('US $24.25 ≈ €22.39').trim()).toBe('US $24.25');
    expect(withoutConversions('€21,60 (US $23.40)').trim()).toBe('€21,60');
    expect(withoutConversions('£836.40 (≈ US $1,062.23)').trim()).toBe('£836.40');
    expect(withoutConversions('Cotton tote (2 pcs) US $5.00')).toBe('Cotton tote (2 pcs) US $5.00');
    // Written out, without a sign or a bracket: "aprox." (Spanish, Portuguese) as well as "approx.".
    expect(withoutConversions('MX$1,234.00 aprox. US$ 61.70').trim()).toBe('MX$1,234.00');
    expect(withoutConversions('MX$1,234.00 approx. US$ 61.70').trim()).toBe('MX$1,234.00');
    // In ten thousands ("约 123.46万元", a page written blind): the magnitude goes with it.
    expect(withoutConversions('¥1,234,567.00 约 123.46万元').trim()).toBe('¥1,234,567.00');
  });
});

describe('withoutPartAmounts: deductions and instalments whatever their words', () => {
  it('leaves the total alone beside a bracketed or labelled negative amount, and beside an instalment', () => {
    expect(withoutPartAmounts('41.30 店铺券 (¥5.00)')).toBe('41.30 店铺券');
    expect(withoutPartAmounts('$867.40 MXN Promoción 10% (2 o más) ($87.60)')).toBe('$867.40 MXN Promoción 10% (2 o más)');
    expect(withoutPartAmounts('462.000₫ Voucher của Người bán: -20.000₫ Giảm giá từ TikTok Shop: -15.000₫')).toBe('462.000₫ Voucher của Người bán: Giảm giá từ TikTok Shop:');
    expect(withoutPartAmounts('R$ 1.299,90 Cartão de crédito · 10x de R$ 129,99 sem juros')).toBe('R$ 1.299,90 Cartão de crédito · sem juros');
    // Not a deduction: what is included in the total, and a total with its conversion after it.
    expect(withoutPartAmounts('¥175.00 (含运费：¥8.00)')).toBe('¥175.00 (含运费：¥8.00)');
  });
  it('takes no product id for a products subtotal: "Product ID 1005…" on a goods line is no part of the total', () => {
    const line = 'Product ID 1005006690214473 Color: Midnight Blue US$3.85 × 2 US$7.70';
    expect(withoutPartAmounts(line, true)).toBe(line);
    expect(withoutPartAmounts('US $2,800.00 Products US $2,650.00')).toBe('US $2,800.00');
  });
  it('takes a part\'s currency written after its amount with it, and French "Livraison" as shipping', () => {
    expect(withoutPartAmounts('Total 29,45 € Sous-total 27,35 € Livraison 2,10 €')).toBe('Total 29,45 €');
    expect(withoutPartAmounts('Total 27,75 $US Sous-total 24,60 $US Livraison 3,15 $US')).toBe('Total 27,75 $US');
    expect(withoutPartAmounts('Итого 3 128,00 руб. Доставка 150,00 руб.')).toBe('Итого 3 128,00 руб.');
    // A sign a number follows is that number's ("€ 29,45").
    expect(withoutPartAmounts('Subtotal 27,35 € 29,45')).toBe('€ 29,45');
  });
  it('reads a label with a note in brackets, and Swiss thousands, as a part', () => {
    expect(withoutPartAmounts("CHF 18'960.00 Warenwert CHF 18'960.00 Versand (kostenlos) CHF 0.00")).toBe("CHF 18'960.00");
  });
});
