// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import type { PageRead } from '../../orders/model';
import { readIsWhole, readPage } from '../read';
import type { PlatformAdapter } from '../types';
import { pddAdapter } from '../pdd/adapter';
import { shopeeAdapter } from '../shopee/adapter';
import { taobaoAdapter } from '../taobao/adapter';
import { alibabaAdapter } from '../alibaba/adapter';
import { readByStructure } from './reader';
import { withNotes } from '../block-notes';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const PDD_UNPAID = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1';
const SHOPEE_UNPAID = 'https://banhang.shopee.vn/portal/sale/order?type=unpaid';
const fixture = (path: string) => renderFixture(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures', path), 'utf8'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** An adapter whose selectors no longer match anything: it sees no order list. */
const blind = (adapter: PlatformAdapter): PlatformAdapter => ({ ...adapter, readOrders: () => null });
const ALIBABA_URL = 'https://biz.alibaba.com/ta/list.htm';
/** A div grid without a table row: a header, then each order's number above its row of cells. */
const ALIBABA_LIST = `<div><span>Product</span><span>Buyer</span><span>Amount</span><span>Status</span></div><div>
  <div class="o"><div>Order No. 235876451002019725</div><div class="row"><div>Silver Pendant</div><div>John Smith</div><div>US $5,000.00</div><div>Awaiting payment</div></div></div>
  <div class="o"><div>Order No. 235876451002019811</div><div class="row"><div>LED Panel</div><div>María</div><div>US $1,200.00</div><div>Awaiting payment</div></div></div>
</div>`;

describe('readByStructure', () => {
  it("reads deadlines on the clock a note names in Portuguese ('Horário de Brasília (GMT-3)'), not China's", () => {
    const order = (id: string) => `<div class="o"><div>ID do pedido: ${id}</div><div>Comprador: João Pedro Lima</div><div>Total do pedido: R$ 1.249,00</div><div>Aguardando pagamento</div><div>Pagar até 06/12/2026 21:40</div></div>`;
    const page = (note: string) => `<html lang="pt-BR"><body><div><span>${note}</span></div><div>${order('8201698832104457')}${order('8201698832104458')}</div></body></html>`;
    const closes = (html: string) => readByStructure(parse(html), 'aliexpress', 'https://csp.aliexpress.com/m_apps/order-manage/orderList', NOW)!.orders.map((o) => o.autoCloseAt);
    const brasilia = Date.UTC(2026, 11, 7, 0, 40);
    expect(closes(page('Horário de Brasília (GMT-3)'))).toEqual([brasilia, brasilia]);
    // Without the note: the seller centre's home clock, China's.
    expect(closes(page('Lembrar pagamento'))).toEqual([Date.UTC(2026, 11, 6, 13, 40), Date.UTC(2026, 11, 6, 13, 40)]);
  });

  it('reads a date alone under a deadline header, on the clock a Thai note names, with a Buddhist year of two digits (a page written blind)', () => {
    const row = (id: string, deadline: string) =>
      `<tr><td>รหัสคำสั่งซื้อ: ${id}</td><td>nong_fah.99</td><td>เคสโทรศัพท์</td><td>฿459.00</td><td>รอการชำระเงิน</td><td>${deadline}</td></tr>`;
    const page = (note: string) =>
      `<html lang="th"><body><div><span>${note}</span></div><table><thead><tr><th>คำสั่งซื้อ</th><th>ผู้ซื้อ</th><th>สินค้า</th><th>ยอดรวมคำสั่งซื้อ</th><th>สถานะ</th><th>ชำระเงินภายใน</th></tr></thead><tbody>${row('576612093847562418', 'อา. 6 ธ.ค. 69 · 23:47 น.')}${row('576612093847563390', 'ยกเลิกอัตโนมัติใน 22:14:07')}</tbody></table></body></html>`;
    const closes = (html: string) => readByStructure(parse(html), 'tiktok', 'https://seller.tiktokglobalshop.com/order?tab=unpaid', NOW)!.orders.map((o) => o.autoCloseAt);
    const countdown = NOW + (22 * 3600 + 14 * 60 + 7) * 1000;
    expect(closes(page('เวลาทั้งหมดแสดงตามเวลาประเทศไทย (GMT+7)'))).toEqual([Date.UTC(2026, 11, 6, 16, 47), countdown]);
    // Without the note: the home clock of a global TikTok Shop page, China's.
    expect(closes(page('คำสั่งซื้อ 7 รายการ'))).toEqual([Date.UTC(2026, 11, 6, 15, 47), countdown]);
  });

  it('reads an Alibaba.com list on the clock its note names, with Japanese era years (a page written blind)', () => {
    const order = (id: string) =>
      `<div class="o"><div>注文番号 ${id}</div><div><span>バイヤー</span> <span>Michael Turner</span></div><div>美濃和紙 ランプシェード</div><div>注文金額 US$ 2,150.00</div><div>支払い待ち</div><div>支払期限 令和8年12月7日(月) 午後0:30</div></div>`;
    const page = (note: string) => `<html lang="ja"><body><div><span>${note}</span></div><div>${order('29183746507778888')}${order('29183746507778889')}</div></body></html>`;
    const closes = (html: string) => readByStructure(parse(html), 'alibaba', ALIBABA_URL, NOW)!.orders.map((o) => o.autoCloseAt);
    const tokyo = Date.UTC(2026, 11, 7, 3, 30);
    expect(closes(page('表示時刻はすべて日本時間 (GMT+9) です'))).toEqual([tokyo, tokyo]);
    expect(closes(page('注文一覧'))).toEqual([tokyo + 3600_000, tokyo + 3600_000]);
  });

  it("reads the buyer a block names, not a receiver's column, and leaves the order unread where that name cannot be read (a page written blind)", () => {
    const row = (id: string, head: string, receiver: string) =>
      `<tbody><tr><td colspan="4">订单号：${id} ${head}</td></tr><tr><td>纯银吊坠</td><td>${receiver}</td><td>US $5,000.00</td><td>等待买家付款</td></tr></tbody>`;
    const page = (buyer: string) =>
      `<table><thead><tr><th>商品</th><th>收货人</th><th>订单金额</th><th>订单状态</th></tr></thead>${row('235876451002019725', `<span>买家：</span><span>${buyer}</span>`, '刘**')}${row('235876451002019811', '', '王小明')}</table>`;
    const nicks = (html: string) => Object.fromEntries(readByStructure(parse(html), 'alibaba', ALIBABA_URL, NOW)!.orders.map((o) => [o.orderId, o.buyer.nick]));
    // The second order names no buyer: its receiver's column stands in, as before.
    expect(nicks(page('阿珍的厨房'))).toEqual({ '235876451002019725': '阿珍的厨房', '235876451002019811': '王小明' });
    expect(nicks(page('６６６'))).toEqual({ '235876451002019811': '王小明' });
  });

  it('takes the status a group of orders names at its head for orders that name none, and none from a head naming two (a page written blind)', () => {
    const order = (id: string, buyer: string, total: string) => `<div class="o"><div>Order No. ${id}</div><div>Buyer: ${buyer}</div><div>Order total: ${total}</div></div>`;
    const page = (first: string, second: string) => `<div><section><h3>${first}</h3>${order('235876451002019725', 'John Smith', 'US $5,000.00')}${order('235876451002019811', 'María', 'US $1,200.00')}</section>
      <section><h3>${second}</h3>${order('235876451002019902', 'Lan', 'US $80.00')}</section></div>`;
    const statuses = (html: string) => readByStructure(parse(html), 'alibaba', ALIBABA_URL, NOW)!.orders.map((o) => o.status);
    expect(statuses(page('Awaiting payment · 2 orders', 'Completed · 1 order'))).toEqual(['unpaid', 'unpaid', 'paid']);
    // A head naming two statuses says nothing of which its orders are in.
    expect(statuses(page('Awaiting payment · Completed', 'Completed · 1 order'))).toEqual(['unknown', 'unknown', 'paid']);
    // A board: each column's header above the box of its cards (two blind pages, batch 37).
    const board = `<div><section><header><span>Não pago</span><span>2</span></header><div>${order('235876451002019725', 'John Smith', 'US $5,000.00')}${order('235876451002019811', 'María', 'US $1,200.00')}</div></section>
      <section><header><span>Concluído</span></header><div>${order('235876451002019902', 'Lan', 'US $80.00')}</div><footer>Ver mais</footer></section></div>`;
    expect(statuses(board)).toEqual(['unpaid', 'unpaid', 'paid']);
  });

  it('never reads an order from the row after its own: one row per order, the next one\'s number missing (a page written blind)', () => {
    const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const page = (third: string) => `<table><thead><tr><th>Order</th><th>Product</th><th>Order amount</th><th>Buyer</th><th>Status</th></tr></thead><tbody>
      ${row('Order No. 274519038801265533', 'LED Panel Light 600x600mm × 500', 'US$ 10,500.00', 'Rafael Quintero', 'Awaiting payment')}
      ${row('Order No. 274391005872254390', 'IP65 LED Flood Light 100W × 150', 'EUR 1,850.00', 'Jean-Marc Lefèvre', 'Closed')}
      ${row(third, 'LED Panel Light samples × 2', 'US$ 198.50', 'Rafael Quintero', 'Completed')}</tbody></table>`;
    const whole = readByStructure(parse(page('Order No. 274418722609158201')), 'alibaba', ALIBABA_URL, NOW)!;
    expect(whole.orders.map((o) => [o.orderId, o.amount.minor, o.buyer.nick, o.status])).toEqual([
      ['274519038801265533', 1050000, 'Rafael Quintero', 'unpaid'],
      ['274391005872254390', 185000, 'Jean-Marc Lefèvre', 'closed'],
      ['274418722609158201', 19850, 'Rafael Quintero', 'paid'],
    ]);
    // The third row's number gone: the second order is unread, not read as the third row's paid US$ 198.50.
    const short = readByStructure(parse(page('')), 'alibaba', ALIBABA_URL, NOW)!;
    expect(short.orders.map((o) => [o.orderId, o.amount.minor, o.status])).toEqual([['274519038801265533', 1050000, 'unpaid']]);
    expect(short.unreadable).toBe(1);
  });

  it('joins a row drawn in parts, tied only by its row index (ag-grid’s pinned columns), and never another grid’s row', () => {
    const row = (i: number, cells: string) => `<div role="row" row-index="${i}" class="ag-row">${cells}</div>`;
    const cells = (...texts: string[]) => texts.map((t) => `<div role="gridcell" class="ag-cell">${t}</div>`).join('');
    const page = `<div role="grid">
      <div class="ag-header"><div class="ag-pinned-left-header"><div role="row">${cells('订单编号')}</div></div>
        <div class="ag-header-viewport"><div role="row">${cells('商品信息', '实付金额', '买家', '订单状态')}</div></div></div>
      <div class="ag-body">
        <div class="ag-pinned-left-cols-container">${row(11, cells('订单编号：261206-118830472951006'))}${row(10, cells('订单编号：261206-027563318840952'))}</div>
        <div class="ag-center-cols-container">${row(10, cells('原木抽纸 3层120抽 ×2', '¥64.00', 'sunny.day_', '待支付 剩余 12:03:11'))}${row(11, cells('云南小粒咖啡豆 500g ×1', '¥59.90', 'momo酱🍑', '待支付 剩余 20:41:05'))}</div>
      </div></div>`;
    const read = readByStructure(parse(page), 'pdd', PDD_UNPAID, NOW)!;
    expect(read.unreadable).toBe(0);
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor, o.status])).toEqual([
      ['261206-118830472951006', 'momo酱🍑', 5990, 'unpaid'],
      ['261206-027563318840952', 'sunny.day_', 6400, 'unpaid'],
    ]);
    // The same index on a row of a table inside another order's row is no part of this order's row: unread, not
    // read with that row's amount and name.
    const inner = row(11, cells('赠品 湿巾 ×1', '¥1.00', 'gift_box', '待支付'));
    const nested = page.replace(/<div class="ag-center-cols-container">.*<\/div><\/div>\n/, `<div class="ag-center-cols-container">${row(10, cells('原木抽纸 3层120抽 ×2', '¥64.00', 'sunny.day_', '待支付 剩余 12:03:11') + inner)}</div>\n`);
    expect(nested).toContain('gift_box');
    const unread = readByStructure(parse(nested), 'pdd', PDD_UNPAID, NOW)!;
    expect(unread.orders.map((o) => o.orderId)).not.toContain('261206-118830472951006');
    expect(unread.unreadable).toBeGreaterThanOrEqual(1);
  });

  it('reads a card list by its numbers, header words and labels, and says so', () => {
    const read = readByStructure(parse(fixture('pdd/orders-unpaid.html')), 'pdd', PDD_UNPAID, NOW)!;
    expect(read).toMatchObject({ readPath: 'structure', unreadable: 0, noRowsFound: false, unpaidOnly: true, complete: false });
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor, o.status])).toEqual([
      ['261123-384685998833090', '拼<img src=x onerror=alert(1)>客', 13100, 'unpaid'],
      ['261123-220011334455667', '阿强', 7970, 'unpaid'],
      ['261123-667788990011223', 'Lucy 🌸 露西', 6480, 'unpaid'],
    ]);
    expect(read.orders[0]!.items.map((i) => [i.title, i.qty])).toEqual([
      ['加厚珊瑚绒睡衣套装 女冬季 可外穿', 2],
      ['珊瑚绒加厚袜子 中筒', 1],
    ]);
    // The countdown the card shows, not an estimate.
    expect(read.orders[0]).toMatchObject({ createdAt: NOW - 5 * 3_600_000, autoCloseAt: NOW + 19 * 3_600_000 });
    expect(read.orders[0]!.autoCloseEstimated).toBeUndefined();
  });

  it('takes the list facts from the adapter read when there is one', () => {
    const base: PageRead = { platform: 'pdd', url: PDD_UNPAID, listKey: 'the-adapters-key', unpaidOnly: true, complete: true, orders: [], unreadable: 3, selectorsVersion: 'pdd-x' };
    const read = readByStructure(parse(fixture('pdd/orders-unpaid.html')), 'pdd', PDD_UNPAID, NOW, base)!;
    expect(read).toMatchObject({ listKey: 'the-adapters-key', unpaidOnly: true, complete: true, selectorsVersion: 'pdd-x', readPath: 'structure' });
  });

  it('finds the buyer beside the chat button when no column or label names it (Shopee card head)', () => {
    const read = readByStructure(parse(fixture('shopee/order-vn-unpaid.html')), 'shopee', SHOPEE_UNPAID, NOW)!;
    expect(read.orders.map((o) => [o.buyer.nick, `${o.amount.minor} ${o.amount.currency}`])).toEqual([
      ['<img src=x onerror=alert(1)>', '250000 VND'],
      ['ngoc_anh 💖', '1590000 VND'],
      ['minh.tran88', '459000 VND'],
    ]);
  });

  it('reads bare amounts under a total column whose header names the currency, and no count or bare number elsewhere', () => {
    const list = (amountHeader: string, first: string, second: string) =>
      parse(ALIBABA_LIST.replace('<span>Amount</span>', `<span>${amountHeader}</span>`).replace('US $5,000.00', first).replace('US $1,200.00', second));
    const read = (doc: Document) => readByStructure(doc, 'alibaba', ALIBABA_URL, NOW)!;
    // The header's unit: the bare amounts are dollars, a payment method after one is no part of it.
    expect(read(list('Amount (USD)', '5,000.00', '1,200.00 T/T')).orders.map((o) => [o.amount.minor, o.amount.currency])).toEqual([[500000, 'USD'], [120000, 'USD']]);
    expect(read(list('Amount（€）', '5.000,00', '1.200,00')).orders.map((o) => [o.amount.minor, o.amount.currency])).toEqual([[500000, 'EUR'], [120000, 'EUR']]);
    // A count or a whole number under it is no amount; a second number after one makes it no sole amount.
    const counted = read(list('Amount (USD)', '2 items', '1,200.00 of 3,000.00'));
    expect(counted.orders).toEqual([]);
    expect(counted.unreadable).toBe(2);
    // Without a unit in the header a bare amount is no money at all (the page's currency is not known).
    expect(read(list('Amount', '5,000.00', '1,200.00')).orders).toEqual([]);
  });

  it('counts no goods line for a deduction whose minus sign is drawn apart from its amount ("Voucher toko" "-" "Rp" "4.500")', () => {
    const card = (id: string, nick: string, voucher: string) => `<section>
      <div><div><span></span><div>Panci Set Granit 24cm<div>Varian: Hitam</div></div><div>Rp150.000<span>x1</span></div></div></div>
      <aside><div><span>ID Pesanan</span><span>${id}</span></div><div><span>Pembeli</span><span>${nick} · <a href="/chat/inbox/current?order_id=${id}">Chat</a></span></div>
      <div><span>Status</span><span>Belum dibayar</span></div>
      <div><span>Subtotal produk</span><span>Rp150.000</span></div><div><span>Voucher toko</span><span>${voucher}</span></div>
      <div><span>Total pembayaran</span><span>Rp145.500</span></div></aside></section>`;
    const read = readByStructure(
      parse(`<body>${card('581204492276610483', 'Mamah Dede', '-<span>Rp</span><span>4.500</span>')}${card('581204492276610484', 'rina_hijab', '<span>-</span><span>Rp4.500</span>')}${card('581204492276610485', 'budi', '-Rp4.500')}</body>`),
      'tiktok',
      'https://seller-id.tokopedia.com/order?tab=unpaid',
      NOW,
    )!;
    expect(read.orders.map((o) => [o.buyer.nick, o.amount.minor, o.items.map((i) => i.title)])).toEqual([
      ['Mamah Dede', 145500, ['Panci Set Granit 24cm']],
      ['rina_hijab', 145500, ['Panci Set Granit 24cm']],
      ['budi', 145500, ['Panci Set Granit 24cm']],
    ]);
  });

  it('counts no goods line for the total shown with its payment method after it ("฿181.50" "พร้อมเพย์ (PromptPay)")', () => {
    const card = (id: string, nick: string) => `<section><div><div><span>${nick}</span><button>แชท</button></div><div><span>หมายเลขคำสั่งซื้อ</span> <span>${id}</span></div></div>
      <div><div><span></span><div>ครีมกันแดด SPF50+ 30ml</div><div>฿169.00</div><div>x1</div></div></div>
      <div><div>฿181.50</div><div>พร้อมเพย์ (PromptPay)</div></div><div>ยังไม่ชำระ</div>
      <div><span>ที่ต้องชำระ</span><span>฿181.50</span></div></section>`;
    const read = readByStructure(parse(`<body>${card('2612058F2ZC7WM', 'มะลิ ใจดี')}${card('2612057YH3MCVR', 'tonkla.p')}</body>`), 'shopee', 'https://seller.shopee.co.th/portal/sale/order?type=unpaid', NOW)!;
    expect(read.orders.map((o) => [o.buyer.nick, o.amount.minor, o.items.map((i) => i.title)])).toEqual([
      ['มะลิ ใจดี', 18150, ['ครีมกันแดด SPF50+ 30ml']],
      ['tonkla.p', 18150, ['ครีมกันแดด SPF50+ 30ml']],
    ]);
  });

  it('takes no button\'s label, country or deduction for the buyer (pages written blind)', () => {
    const url = 'https://biz.alibaba.com/ta/list.htm';
    // "Contact buyer" among the order's buttons, the name only in a block of its own: no name before the control.
    const card = (id: string) => `<article><div><span>Awaiting payment</span><span>Created Dec 05, 2026 16:02</span></div>
      <div><div><div>Mr. Daniel Okafor</div><div>Okafor &amp; Sons Ltd</div></div><div><span>Order total</span><span>USD 3,200.00</span></div></div>
      <div><button type="button">Remind to pay</button><button type="button">Modify price</button><button type="button">Contact buyer</button>
      <a href="https://biz.alibaba.com/ta/detail.htm?orderId=${id}">View order #${id}</a></div></article>`;
    const buttons = readByStructure(parse(`<body>${card('271804519203846122')}${card('271816640372205918')}</body>`), 'alibaba', url, NOW)!;
    expect(buttons.orders.map((o) => o.buyer.nick)).toEqual([]);
    expect(buttons.unreadable).toBe(2);
    // Name, company, a flag and the country, then the chat link: the name.
    const zh = (id: string, name: string, country: string) => `<div><div>订单号：${id}</div><div><div>${name}</div><div>Distribuidora Andina S.A.C.</div>
      <div><span>🇵🇪</span> ${country}</div><a href="https://message.alibaba.com/message/messenger.htm">联系买家</a></div>
      <div>订单总额：US$ 12,450.00</div><div>待买家付款</div></div>`;
    const named = readByStructure(parse(`<body>${zh('285617340920026519', 'Carlos Méndez Ruiz', '秘鲁')}${zh('27904553188260519', 'Олег Смирнов', '俄罗斯')}</body>`), 'alibaba', url, NOW)!;
    expect(named.orders.map((o) => o.buyer.nick)).toEqual(['Carlos Méndez Ruiz', 'Олег Смирнов']);
  });

  it('finds the buyer in a chat button\'s own words and before an honorific (pages written blind)', () => {
    const ph = (id: string, nick: string) => `<section><div>Order ID ${id}</div><div><div>Stainless Tumbler 20oz</div><div>₱450.00</div><div>x1</div></div>
      <div><span>Order Total</span><span>₱500.00</span></div><div>Unpaid</div><button type="button">Chat with ${nick}</button></section>`;
    const shopee = readByStructure(parse(`<body>${ph('261206Q3ZA8HUW', 'bb.jhen_')}${ph('261206B7KQ2M4X', 'juan.dc')}</body>`), 'shopee', 'https://seller.shopee.ph/portal/sale/order?type=unpaid', NOW)!;
    expect(shopee.orders.map((o) => o.buyer.nick)).toEqual(['bb.jhen_', 'juan.dc']);
    const jp = (id: string, nick: string) => `<section><div>注文ID ${id}</div><div><span aria-hidden="true">さ</span><span>${nick}</span><span> 様</span><span>新規</span></div>
      <div><div>ルームソックス 冬 厚手</div><div>¥1,280</div><div>x1</div></div><div><span>お支払い合計</span><span>1,830円</span></div><div>支払い待ち</div></section>`;
    const tiktok = readByStructure(parse(`<body>${jp('577893104265518203', 'さくら🌸')}${jp('578047720913365508', 'ちぃ.mama🍼')}</body>`), 'tiktok', 'https://seller-jp.tiktok.com/order?tab=unpaid', NOW)!;
    expect(tiktok.orders.map((o) => [o.buyer.nick, o.amount.minor, o.amount.currency])).toEqual([
      ['さくら🌸', 1830, 'JPY'],
      ['ちぃ.mama🍼', 1830, 'JPY'],
    ]);
  });

  it('reads the status after its label before any word elsewhere, and no stats line, flag-led country or order tag as the buyer (pages written blind)', () => {
    const tb = (id: string, nick: string) => `<li><div><span>订单号</span><span>${id}</span><span>买家：</span><span>${nick}</span><span>手机订单</span></div>
      <div><div>手工冷制皂 100g</div><div>¥38.00</div><div>×1</div></div>
      <dl><dt>应付金额</dt><dd>¥48.00</dd><dt>订单状态</dt><dd>等待买家付款 剩余 2天21时</dd></dl>
      <div>卖家备注：交易关闭后不要补单；买家说我已经付款了</div></li>`;
    const taobao = readByStructure(parse(`<body><ul>${tb('3986951172740566218', '交易成功2019')}${tb('3981774620358801129', 'tb_5883')}</ul></body>`), 'taobao', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay', NOW)!;
    expect(taobao.orders.map((o) => [o.buyer.nick, o.status, o.amount.minor])).toEqual([
      ['交易成功2019', 'unpaid', 4800],
      ['tb_5883', 'unpaid', 4800],
    ]);
    const ab = (id: string, name: string) => `<div><div>Order No. ${id}</div><div><div><a href="#">${name}</a></div><span>Verified buyer</span><div>Gulf Star Trading Group</div>
      <div>🇦🇪 United Arab Emirates</div><div>3 orders with you</div><a href="https://message.alibaba.com/message/messenger.htm">Contact buyer</a></div>
      <div>Order amount: US$ 23,000.00</div><div>Awaiting payment</div></div>`;
    const alibaba = readByStructure(parse(`<body>${ab('27914402366150882', 'Ahmed Al-Mansoori')}${ab('27914470015523906', 'Carlos Mendoza')}</body>`), 'alibaba', 'https://biz.alibaba.com/ta/list.htm', NOW)!;
    expect(alibaba.orders.map((o) => o.buyer.nick)).toEqual(['Ahmed Al-Mansoori', 'Carlos Mendoza']);
  });

  it('refuses every order when a header lost a column, instead of reading a unit price as the total', () => {
    const doc = parse(fixture('pdd/orders-all.html'));
    // The 单价 header cell goes: every cell after it now sits under the wrong header.
    doc.querySelector('thead th:nth-child(2)')!.remove();
    const read = readByStructure(doc, 'pdd', PDD_UNPAID, NOW)!;
    expect(read.orders).toEqual([]);
    expect(read.unreadable).toBe(5);
  });

  it('refuses an order whose product cell shows no words (the cells moved), and reads one whose product cell shows words but no title', () => {
    const list = ALIBABA_LIST.replace('<div>Silver Pendant</div>', '<div><span>5.00</span> <i>2</i></div>').replace('<div>LED Panel</div>', '<div><b>Size:</b><script>var t = "x";</script></div>');
    const read = readByStructure(parse(`<body>${list}</body>`), 'alibaba', ALIBABA_URL, NOW)!;
    // The first order's product column holds numbers only: its row no longer lines up with the header.
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor, o.items])).toEqual([['235876451002019811', 'María', 120000, []]]);
  });

  it('reads created times on the clock a time-zone note names, wherever the note sits on the page (TikTok Shop)', () => {
    const order = (id: string, nick: string) =>
      `<div class="o"><div>Order ID ${id} Created 11/20/2026 2:03 PM</div><div class="row"><div>Tumbler 40oz</div><div>${nick}</div><div>$25.00</div><div>Awaiting payment</div></div></div>`;
    const list = `<div><span>Product</span><span>Buyer</span><span>Amount</span><span>Status</span></div><div>${order('576123456789012345', 'kim')}${order('576123456789012399', 'lee')}</div>`;
    const url = 'https://seller-us.tiktok.com/order?tab=unpaid';
    const createdAt = (html: string) => readByStructure(parse(`<body>${html}</body>`), 'tiktok', url, NOW)!.orders.map((o) => o.createdAt);
    const wall = Date.UTC(2026, 10, 20, 14, 3);
    // The note after the last order: the walk that finds the numbers still shows it every text.
    expect(createdAt(`${list}<footer><p>Time zone: UTC+07:00</p></footer>`)).toEqual([wall - 7 * 3_600_000, wall - 7 * 3_600_000]);
    // A note that names no clock is passed over for the next one.
    expect(createdAt(`<p>Time zone settings</p>${list}<p>Time zone: GMT+8</p>`)).toEqual([wall - 8 * 3_600_000, wall - 8 * 3_600_000]);
    // No note: the region's zone (Los Angeles, PST in November).
    expect(createdAt(list)).toEqual([wall + 8 * 3_600_000, wall + 8 * 3_600_000]);
  });

  it('names the list by its selected tab, even when something else selected comes first on the page', () => {
    const page = (tab: string) =>
      parse(`<body><div role="option" aria-selected="true">English</div><div role="tablist"><div role="tab" aria-selected="false">All orders</div>${tab}</div>${ALIBABA_LIST}</body>`);
    const unpaid = readByStructure(page('<div role="tab" aria-selected="true">Awaiting payment (2)</div>'), 'alibaba', ALIBABA_URL, NOW)!;
    expect(unpaid).toMatchObject({ unpaidOnly: true, listKey: expect.stringContaining('#tab=Awaiting payment&') });
    expect(unpaid.orders).toHaveLength(2);
    // No tab selected: whatever is selected names the list, and it is no unpaid tab.
    const none = readByStructure(page(''), 'alibaba', ALIBABA_URL, NOW)!;
    expect(none).toMatchObject({ unpaidOnly: false, listKey: expect.stringContaining('#tab=English&') });
  });

  it('finds a header that is a row by its role, not a div, on a page without table rows', () => {
    const list = ALIBABA_LIST.replace(
      '<div><span>Product</span><span>Buyer</span><span>Amount</span><span>Status</span></div>',
      '<ul role="row"><li>Product</li><li>Buyer</li><li>Amount</li><li>Status</li></ul>',
    );
    expect(list).not.toBe(ALIBABA_LIST);
    const read = readByStructure(parse(`<body>${list}</body>`), 'alibaba', ALIBABA_URL, NOW)!;
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor, o.status])).toEqual([
      ['235876451002019725', 'John Smith', 500000, 'unpaid'],
      ['235876451002019811', 'María', 120000, 'unpaid'],
    ]);
  });

  it('rereads one order of a div grid from its block as it is now: table rows that came into it count', () => {
    const doc = parse(`<body><div role="tablist"><div role="tab" aria-selected="true">Awaiting payment</div></div>${ALIBABA_LIST}</body>`);
    const { result, notes } = withNotes(() => readByStructure(doc, 'alibaba', ALIBABA_URL, NOW));
    expect(result!.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor])).toEqual([
      ['235876451002019725', 'John Smith', 500000],
      ['235876451002019811', 'María', 120000],
    ]);
    // The second order's cells become a table row whose last cell spans two columns: which total
    // is whose can no longer be told by position, so a fresh read refuses it.
    doc.querySelectorAll('.row')[1]!.outerHTML =
      '<table><tbody><tr><td>LED Panel</td><td>María</td><td>US $1,200.00</td><td colspan="2">Awaiting payment</td></tr></tbody></table>';
    const fresh = readByStructure(doc, 'alibaba', ALIBABA_URL, NOW)!;
    expect(fresh).toMatchObject({ unreadable: 1 });
    expect(fresh.orders.map((o) => o.orderId)).toEqual(['235876451002019725']);
    expect(notes[1]!.reread(NOW)).toBeUndefined();
    expect(notes[0]!.reread(NOW)).toEqual(result!.orders[0]);
  });

  it('reads a card\'s status from its tag, not from a buyer named "Pagado_Ya" or a refund line\'s "disputa cerrada" (batch 7)', () => {
    const url = 'https://gsp.aliexpress.com/m_apps/order-manage/list?lang=es';
    const card = (id: string, nick: string, line: string, tag: string) => `<article><header><span>Nº de pedido</span><span>${id}</span>
      <span>Comprador</span><a href="#">${nick}</a><span>España</span><a href="#">Contactar</a></header>
      <div><ul><li><div>Mochila antirrobo para portátil</div><div><span>23,90 €</span><span> × 1</span></div></li></ul>
      <div><div>Importe del pedido</div><div>23,90 €</div><dl><div><dt>Productos</dt><dd>23,90 €</dd></div><div><dt>Envío</dt><dd>Gratis</dd></div></dl>${line}</div>
      <div><span>${tag}</span><div><button type="button">Ver motivo</button></div></div></div></article>`;
    const read = readByStructure(
      parse(`<body>${card('8201884412097768', 'Pagado_Ya', '<div>Reembolsado 23,90 € · 03/12/2026</div>', 'Cerrado')}
        ${card('8201893307715562', 'Ana_Belén', '<div>Posventa: reembolso parcial de 5,00 € (disputa cerrada)</div>', 'Finalizado')}
        ${card('3057650019837714', 'Lucía Martín', '', 'Pendiente de envío')}${card('3057670034418802', 'Mª José Ruiz', '', 'Esperando pago')}</body>`),
      'aliexpress',
      url,
      NOW,
    )!;
    expect(read.orders.map((o) => [o.buyer.nick, o.status, o.amount.minor, o.amount.currency, o.items.length])).toEqual([
      ['Pagado_Ya', 'closed', 2390, 'EUR', 1],
      ['Ana_Belén', 'paid', 2390, 'EUR', 1],
      ['Lucía Martín', 'paid', 2390, 'EUR', 1],
      ['Mª José Ruiz', 'unpaid', 2390, 'EUR', 1],
    ]);
  });

  it('takes no avatar\'s initial nor a buyer id for the buyer, and the contact person under a company (batch 7)', () => {
    const tt = (id: string, nick: string) => `<div><div><span>Order ID:</span><a href="#">${id}</a><span><span>${nick[0]}</span><span>${nick}</span><a title="Contact buyer">Chat</a></span></div>
      <div><div><div>Heated Throw Blanket 50"x60"</div><div>$37.99</div><div>x1</div></div><div><span>Total</span><span>$37.99</span></div><div>Unpaid</div></div></div>`;
    const tiktok = readByStructure(parse(`<body>${tt('577206299015583406', "Big Rick's Garage")}${tt('577205218870043311', 'brenda_sue1962')}</body>`), 'tiktok', 'https://seller-us.tiktok.com/order?tab=unpaid', NOW)!;
    expect(tiktok.orders.map((o) => o.buyer.nick)).toEqual(["Big Rick's Garage", 'brenda_sue1962']);
    const th = (id: string, nick: string) => `<section><header><a href="#">${nick}</a> <span>ID ผู้ซื้อ 1029384756</span><button type="button">แชท</button>
      <span>หมายเลขคำสั่งซื้อ ${id}</span></header><div><div>หมอนยางพาราแท้ ฿450.00 x2</div><div>ยอดคำสั่งซื้อ ฿1,052.50</div><div>ที่ต้องชำระ</div></div></section>`;
    const shopee = readByStructure(parse(`<body>${th('261206S1GY4ZPC', 'Kanokwan Srisuk')}${th('261206K2WD7HNR', 'praew_nong99')}</body>`), 'shopee', 'https://seller.shopee.co.th/portal/sale/order', NOW)!;
    expect(shopee.orders.map((o) => o.buyer.nick)).toEqual(['Kanokwan Srisuk', 'praew_nong99']);
    const ab = (id: string, company: string, person: string) => `<section><div>Order No. ${id} <span>Waiting for buyer payment</span></div><div>
      <div><div>Electric kettle 1.7L</div><div>€14.20</div><div>× 120</div></div>
      <div><div>Buyer</div><div>${company}</div><div>🇩🇪 Germany</div><div><span>Contact person:</span> <b>${person}</b></div><a href="https://message.alibaba.com/message/messenger.htm">Chat now</a></div>
      <div><div>Order total</div><div>€1,704.00</div></div></div></section>`;
    const alibaba = readByStructure(parse(`<body>${ab('238801945217630094', 'Müller Hausgeräte GmbH', 'Jonas Müller')}${ab('201176654093382217', 'Watanabe Shoji K.K.', '渡辺 健二')}</body>`), 'alibaba', ALIBABA_URL, NOW)!;
    expect(alibaba.orders.map((o) => o.buyer.nick)).toEqual(['Jonas Müller', '渡辺 健二']);
  });

  it('reads no order from a number a toast or notification mentions, nor from a replacement order\'s number (batch 7)', () => {
    const card = (id: string, extra = '') => `<section><div>Order No. <span>${id}</span></div><div><div>Canvas tote bag</div><div>US $1.35</div><div>× 1,000</div></div>
      <div><span>Buyer:</span> <span>Ana Costa</span></div><div><span>Order amount</span><span>US $1,350.00</span></div><div>Payment received</div>${extra}</section>`;
    const read = readByStructure(
      parse(`<body><ul><li>Refund approved — US $120.00 refunded to the buyer on order 216604478893105527.</li><li>Order 190087462253318870 closed automatically: payment period expired.</li></ul>
        ${card('238801945217630094')}${card('216604478893105527', '<div>Replacement order: 187733029164450812</div>')}${card('260019833475218846')}</body>`),
      'alibaba',
      ALIBABA_URL,
      NOW,
    )!;
    expect(read.orders.map((o) => o.orderId)).toEqual(['238801945217630094', '216604478893105527', '260019833475218846']);
    expect(read.unreadable).toBe(0);
  });

  it('reads a total shown again in another currency, under a header cell over two columns, and no buyer\'s message row as goods (batch 7)', () => {
    const order = (id: string, main: string, conv: string) => `<tbody><tr><td><input type="checkbox"></td><td colspan="8">Order ID: ${id} · Order time: Dec 06, 2026 10:02:17</td></tr>
      <tr><td></td><td colspan="2">USB C Hub 7 in 1</td><td><span>${main}</span> <span>${conv}</span></td><td>× 1</td>
      <td><div>${main}</div><div>${conv}</div></td><td><a href="#">minjun_kim</a></td><td>Awaiting payment</td><td><button type="button">Remind to pay</button></td></tr>
      <tr><td></td><td colspan="8">Buyer message: "can you send with extra keycap puller?"</td></tr></tbody>`;
    const html = `<body><table><thead><tr><th></th><th colspan="2">Product</th><th>Unit price</th><th>Qty</th><th>Order total</th><th>Buyer</th><th>Status</th><th>Actions</th></tr></thead>
      ${order('8198530916274481', 'US $24.25', '≈ €22.39')}${order('3041885722096643', '€21,60', '(US $23.40)')}</table></body>`;
    const read = readByStructure(parse(html), 'aliexpress', 'https://gsp.aliexpress.com/m_apps/order-manage/list', NOW)!;
    expect(read.orders.map((o) => [o.amount.minor, o.amount.currency, o.items.length])).toEqual([
      [2425, 'USD', 1],
      [2160, 'EUR', 1],
    ]);
  });

  it('lines up cards under a header strip whose first cell is the "select all" checkbox (batch 7)', () => {
    const card = (id: string, nick: string, total: string) => `<section><header><input type="checkbox"><a href="#">${nick}</a><button type="button">แชท</button>
      <span>หมายเลขคำสั่งซื้อ ${id}</span></header><div><div><div>เสื้อยืดโอเวอร์ไซส์</div><div>฿199.00</div><div>x2</div></div>
      <div><div>${total}</div><div>ค่าจัดส่ง ฿38.00</div></div><div><div>ที่ต้องชำระ</div></div><div>SPX Express</div><div><a href="#">ดูรายละเอียด</a></div></div></section>`;
    const html = `<body><div><span><input type="checkbox"></span><span>สินค้า</span><span>ยอดคำสั่งซื้อ</span><span>สถานะ</span><span>ช่องทางการจัดส่ง</span><span>ดำเนินการ</span></div>
      ${card('261206K2WD7HNR', 'praew_nong99', '฿436.00')}${card('261206L7PB3QZE', 'somchai.k', '฿790.00')}</body>`;
    const read = readByStructure(parse(html), 'shopee', 'https://seller.shopee.co.th/portal/sale/order', NOW)!;
    expect(read.orders.map((o) => [o.buyer.nick, o.amount.minor, o.status])).toEqual([
      ['praew_nong99', 43600, 'unpaid'],
      ['somchai.k', 79000, 'unpaid'],
    ]);
  });

  it('reads a page in the middle of the seller\'s work: no purchase count as the buyer, an icon between a label and its total, a memo row before the goods (batch 8)', () => {
    const card = (id: string, nick: string, count: string) => `<div><div><span>订单编号 <b>${id}</b></span><span>待支付</span></div>
      <div><div><div>正宗柳州螺蛳粉 300g</div><div>￥32.90</div><div>x2</div></div>
      <div><div>${nick}</div><div>${count}</div><div><a href="https://mms.pinduoduo.com/chat-merchant/index.html#/">联系买家</a></div></div>
      <div><span>应付金额 </span><i>ⓘ</i><div>￥58.80</div><div>运费 ￥0.00 · 店铺券 -￥5.00</div></div></div></div>`;
    const pdd = readByStructure(parse(`<body>${card('261205-718830466295102', '深夜食堂·老王', '首次购买')}${card('261206-387720015946631', 'Rain.林', '本店第 3 次购买')}</body>`), 'pdd', PDD_UNPAID, NOW)!;
    expect(pdd.orders.map((o) => [o.buyer.nick, o.amount.minor])).toEqual([
      ['深夜食堂·老王', 5880],
      ['Rain.林', 5880],
    ]);
    const order = (id: string, memo: string) => `<tbody><tr><td colspan="5">订单号：<b>${id}</b> 创建时间：2026-12-04 08:14:27</td></tr>
      <tr><td colspan="5">${memo}</td></tr>
      <tr><td>304不锈钢保温杯 500ml</td><td>¥69.00</td><td>2</td><td><a href="#">星河滚烫_</a> <a href="#">和我联系</a></td><td>¥175.00 (含运费：¥8.00) 满减：-¥10.00</td></tr></tbody>`;
    const taobao = readByStructure(
      parse(`<body><table><thead><tr><th>宝贝</th><th>单价</th><th>数量</th><th>买家</th><th>实收款</th></tr></thead>
        ${order('4103662958174402917', '卖家备注：12/05 10:12 已旺旺催付一次，买家未回复')}${order('3987216540039127458', '<textarea>改价原因</textarea>')}</table></body>`),
      'taobao',
      'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&tabCode=waitBuyerPay',
      NOW,
    )!;
    expect(taobao.orders.map((o) => [o.orderId, o.amount.minor, o.items.length])).toEqual([
      ['4103662958174402917', 17500, 1],
      ['3987216540039127458', 17500, 1],
    ]);
  });

  it('takes no flag after "Buyer:" nor a badge with a purchase count for the buyer (batch 9)', () => {
    const ab = (id: string, flag: string, name: string) => `<section><div>Order No. ${id}</div><div><span>Buyer:</span> <span title="country">${flag}</span> <a href="#">${name}</a><span>Repeat buyer</span></div>
      <div><div>Stainless Tumbler</div><div>USD 12.00</div><div>× 100</div></div><div><span>Order total</span><span>USD 1,200.00</span></div><div>Awaiting payment</div></section>`;
    const alibaba = readByStructure(parse(`<body>${ab('180245713098264517', '🇺🇸', "Michael O'Brien")}${ab('2791036548120379', '🇩🇪', 'Jürgen Weiß')}</body>`), 'alibaba', ALIBABA_URL, NOW)!;
    expect(alibaba.orders.map((o) => o.buyer.nick)).toEqual(["Michael O'Brien", 'Jürgen Weiß']);
    const tb = (id: string, nick: string) => `<li><div>訂單號 ${id}</div><div><span>${nick}</span><span>回頭客 · 第3單</span><a href="#">聯絡買家</a></div>
      <div><div>維他命C 1000mg 60粒</div><div>¥120.00</div><div>x1</div></div><div><span>實付款</span><span>¥120.00</span></div><div>等待買家付款</div></li>`;
    const taobao = readByStructure(parse(`<body><ul>${tb('3893805516623470915', 'Kelvin_Chan')}${tb('3893805516623470922', 'may.w')}</ul></body>`), 'taobao', 'https://trade.tmall.com/x', NOW)!;
    expect(taobao.orders.map((o) => o.buyer.nick)).toEqual(['Kelvin_Chan', 'may.w']);
  });

  it('finds the buyer beside a chat icon titled in Vietnamese, and takes no "Xem chi tiết" before a contact button for one (batch 9)', () => {
    const vn = (id: string, nick: string) => `<tbody><tr><td colspan="5"><span>Mã đơn hàng: <a href="#">${id}</a></span>
      <span><span>${nick}</span><button class="icon-btn" title="Trò chuyện với người mua"><svg></svg></button></span></td></tr>
      <tr><td>Tai nghe Bluetooth TWS</td><td>1.249.000 ₫</td><td>Chờ thanh toán</td><td>J&T</td>
      <td><a href="#">Xem chi tiết</a><button type="button">Liên hệ người mua</button></td></tr></tbody>`;
    const html = `<body><table><thead><tr><th>Sản phẩm</th><th>Tổng thanh toán</th><th>Trạng thái</th><th>Vận chuyển</th><th>Thao tác</th></tr></thead>
      ${vn('578293118840215637', 'minh.anh_2k3')}${vn('578292877301946205', 'Trần Văn Bảo 🐯')}</table></body>`;
    const read = readByStructure(parse(html), 'tiktok', 'https://seller-vn.tiktok.com/order?tab=unpaid', NOW)!;
    expect(read.orders.map((o) => [o.buyer.nick, o.amount.minor, o.amount.currency])).toEqual([
      ['minh.anh_2k3', 1249000, 'VND'],
      ['Trần Văn Bảo 🐯', 1249000, 'VND'],
    ]);
  });

  it('is null on a page without an order number, and on the manual platform', () => {
    expect(readByStructure(parse('<body><p>待付款 ¥12.00</p></body>'), 'pdd', PDD_UNPAID, NOW)).toBeNull();
    expect(readByStructure(parse(fixture('pdd/orders-unpaid.html')), 'manual', PDD_UNPAID, NOW)).toBeNull();
  });
});

describe('readPage with the structural reader', () => {
  it('reads by structure when the adapter sees no list, naming the path and the selectors that missed', () => {
    const read = readPage(parse(fixture('pdd/orders-unpaid.html')), blind(pddAdapter), PDD_UNPAID, NOW)!;
    expect(read).toMatchObject({ readPath: 'structure', selectorsVersion: pddAdapter.selectorsVersion, idsMissed: 0, unreadable: 0 });
    expect(read.orders).toHaveLength(3);
  });

  it('never stays silent on a page that looks like an order list: an empty read flagged noRowsFound', () => {
    // Order numbers and status words, but no total anywhere: nothing can be read with confidence.
    const html = '<body><div>订单号：261123-384685998833090 待支付</div><div>订单号：261123-220011334455667 待支付</div></body>';
    const read = readPage(parse(html), blind(pddAdapter), PDD_UNPAID, NOW)!;
    expect(read).toMatchObject({ orders: [], noRowsFound: true, complete: false, readPath: 'structure', idsMissed: 2 });
  });

  it('stays null on pages that are no order list (a chat page, a page without order numbers)', () => {
    expect(readPage(parse(fixture('pdd/chat.html')), pddAdapter, 'https://mms.pinduoduo.com/chat-merchant/index.html', NOW)).toBeNull();
    expect(readPage(parse('<body><p>待支付 ¥12.00</p></body>'), blind(pddAdapter), PDD_UNPAID, NOW)).toBeNull();
  });

  it('does not mix readers that disagree on a total: the adapter read stands, its missed orders flagged', () => {
    const wrong: PlatformAdapter = {
      ...pddAdapter,
      readOrders(doc, url, now) {
        const read = pddAdapter.readOrders(doc, url, now)!;
        // The adapter read two of three orders, one of them with another total than the page shows.
        const [first, second] = read.orders;
        return { ...read, orders: [{ ...first!, amount: { minor: 1, currency: 'CNY' } }, second!] };
      },
    };
    const read = readPage(parse(fixture('pdd/orders-unpaid.html')), wrong, PDD_UNPAID, NOW)!;
    expect(read.readPath).toBe('selectors');
    expect(read.orders).toHaveLength(2);
    expect(read.idsMissed).toBe(1);
  });

  it('takes the structural read when the adapter read fewer orders, the same totals on those it read', () => {
    const short: PlatformAdapter = {
      ...taobaoAdapter,
      readOrders(doc, url, now) {
        const read = taobaoAdapter.readOrders(doc, url, now)!;
        return { ...read, orders: read.orders.slice(1) };
      },
    };
    const url = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';
    const whole = taobaoAdapter.readOrders(parse(fixture('taobao/sold-items-unpaid.html')), url, NOW)!;
    const read = readPage(parse(fixture('taobao/sold-items-unpaid.html')), short, url, NOW)!;
    expect(read).toMatchObject({ readPath: 'structure', idsMissed: 0, listKey: whole.listKey, unpaidOnly: true, complete: true });
    expect(read.orders.map((o) => [o.orderId, o.amount])).toEqual(whole.orders.map((o) => [o.orderId, o.amount]));
  });

  it('keeps a healthy adapter read as it is (the structural reader does not run)', () => {
    const read = readPage(parse(fixture('shopee/order-vn-unpaid.html')), shopeeAdapter, SHOPEE_UNPAID, NOW)!;
    expect(read).toMatchObject({ readPath: 'selectors', idsMissed: 0 });
  });
});

describe('a list drawn in two halves lined up by position (a page written blind)', () => {
  const page = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/unseen/taobao-twohalves-all.json'), 'utf8')) as {
    url: string;
    orders: Array<{ orderId: string; minor: number; buyer: string; status: string }>;
  };
  const html = readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/unseen/taobao-twohalves-all.html'), 'utf8');
  const read = (doc: Document) => readByStructure(doc, 'taobao', page.url, NOW)!;
  // The scrolling half's blocks: the ones lined up with the pinned half's (a border on the left dropped).
  const rightBlocks = (doc: Document) => [...doc.querySelectorAll('div.border-l-0.rounded-r')].filter((el) => el.getAttribute('style')?.includes('height'));
  const asRead = (r: PageRead) => r.orders.map((o) => ({ orderId: o.orderId, minor: o.amount.minor, buyer: o.buyer.nick, status: o.status }));
  const answers = page.orders.map(({ orderId, minor, buyer, status }) => ({ orderId, minor, buyer, status }));

  it('joins each order\'s halves at the same place, a state class on one block ("opacity-70") changing nothing', () => {
    const doc = parse(html);
    expect(rightBlocks(doc)).toHaveLength(page.orders.length);
    expect(asRead(read(doc)).sort((a, b) => a.orderId.localeCompare(b.orderId))).toEqual(answers.sort((a, b) => a.orderId.localeCompare(b.orderId)));
  });

  it('joins nothing when the halves hold different numbers of blocks, or two blocks at one place differ in height', () => {
    const fewer = parse(html);
    rightBlocks(fewer)[2]!.remove();
    const short = read(fewer);
    expect(short.orders).toEqual([]);
    expect(short.unreadable).toBe(page.orders.length);
    const taller = parse(html);
    const block = rightBlocks(taller)[1]!;
    block.setAttribute('style', block.getAttribute('style')!.replace(/height:\s*\d+px/, 'height:999px'));
    const mismatched = read(taller);
    // Only the block whose heights disagree is refused; every order read is read right.
    expect(mismatched.unreadable).toBe(1);
    for (const order of asRead(mismatched)) expect(answers).toContainEqual(order);
  });
});

describe('a sign several currencies share, on the global TikTok Shop host (pages written blind)', () => {
  const page = (name: string) => ({
    html: readFileSync(resolve(import.meta.dirname, `../../../test/fixtures/unseen/${name}.html`), 'utf8'),
    answers: JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../test/fixtures/unseen/${name}.json`), 'utf8')) as { url: string; orders: Array<{ orderId: string; currency: string; minor: number }> },
  });
  const totals = (read: PageRead | null) => read!.orders.map((o) => `${o.orderId} ${o.amount.minor} ${o.amount.currency}`).sort();

  it('is the market the URL names (shop_region), else the one the total column\'s header names, never US dollars or yuan by default', () => {
    for (const name of ['tiktok-sggrid-all', 'tiktok-jptable-unpaid']) {
      const { html, answers } = page(name);
      const want = answers.orders.map((o) => `${o.orderId} ${o.minor} ${o.currency}`).sort();
      expect(new Set(answers.orders.map((o) => o.currency)).size).toBe(1);
      expect(answers.url).toContain('shop_region=');
      expect(totals(readByStructure(parse(html), 'tiktok', answers.url, NOW))).toEqual(want);
      // The same page with no shop_region: "Order amount (SGD)", "単価（円）" say it.
      expect(totals(readByStructure(parse(html), 'tiktok', answers.url.replace(/shop_region=[A-Z]{2}&?/, ''), NOW))).toEqual(want);
    }
  });
});

describe('a tab panel the page keeps in the DOM but does not show (a page written blind)', () => {
  // The list shows order …725 paid; a hidden, out-of-date panel still has it unpaid, and holds …999 found nowhere else.
  const list = (hiddenAs: string) => `<style>.off { display: none }</style>
    <div ${hiddenAs}><div><span>Product</span><span>Buyer</span><span>Amount</span><span>Status</span></div>
      <div class="o"><div>Order No. 235876451002019725</div><div class="row"><div>Silver Pendant</div><div>John Smith</div><div>US $5,000.00</div><div>Awaiting payment</div></div></div>
      <div class="o"><div>Order No. 235876451002019999</div><div class="row"><div>Brass Lamp</div><div>Ana</div><div>US $80.00</div><div>Awaiting payment</div></div></div>
    </div>
    ${ALIBABA_LIST.replace('Awaiting payment</div></div></div>\n  <div class="o">', 'Paid</div></div></div>\n  <div class="o">')}`;

  it('is not read: no order takes its stale state, none found only there is read, and the read is never whole', () => {
    for (const hiddenAs of ['hidden', 'class="off"']) {
      // The hidden panel first in the page, as a tab panel before the selected one may be.
      const doc = parse(list(hiddenAs));
      const read = readPage(doc, blind(alibabaAdapter), ALIBABA_URL, NOW)!;
      const byId = Object.fromEntries(read.orders.map((o) => [o.orderId, o.status]));
      expect(byId).toEqual({ '235876451002019725': 'paid', '235876451002019811': 'unpaid' });
      expect(readIsWhole(read)).toBe(false);
    }
  });
});
