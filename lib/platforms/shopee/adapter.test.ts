// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { parseMoney } from '../../orders/money';
import type { ObservedOrder, PageRead } from '../../orders/model';
import { openPayNudgeDb } from '../../store/db';
import { applyPageRead, listOpenOrders } from '../../store/orders';
import { regionMoney, shopeeAdapter } from './adapter';
import { describeGridMutations } from '../../../test/support/adapter-tests';

// 2026-11-23 04:00:00 UTC: 11:00 in Ho Chi Minh City, 12:00 in Kuala Lumpur.
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const VN_URL = 'https://banhang.shopee.vn/portal/sale/order?type=unpaid';
const MY_URL = 'https://seller.shopee.com.my/portal/sale/order?type=all';
const BR_URL = 'https://seller.shopee.com.br/portal/sale/order?type=unpaid';

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/shopee', file), 'utf8');
const VN_HTML = renderFixture(raw('order-vn-unpaid.html'), NOW);
const MY_HTML = renderFixture(raw('order-my-all.html'), NOW);
const BROKEN_HTML = renderFixture(raw('order-vn-broken.html'), NOW);
const BR_HTML = renderFixture(raw('order-br-unpaid.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string, url: string): PageRead {
  const read = shopeeAdapter.readOrders(parse(html), url, NOW);
  expect(read).not.toBeNull();
  return read!;
}
const byId = (read: PageRead): Record<string, ObservedOrder> => Object.fromEntries(read.orders.map((o) => [o.orderId, o]));

const TRUE_AMOUNTS: Record<string, { minor: number; currency: string }> = {
  '261123K7XJ3M2P': { minor: 250000, currency: 'VND' },
  '261123AB12CD34': { minor: 1590000, currency: 'VND' },
  '261122Q9W8E7R6': { minor: 459000, currency: 'VND' },
  '261123MY5T8K2A': { minor: 4500, currency: 'MYR' },
  '261123ZX9C8V7B': { minor: 2970, currency: 'MYR' },
  '261122QW3E4R5T': { minor: 5990, currency: 'MYR' },
  '261123LK8J7H6G': { minor: 120450, currency: 'MYR' },
  '261123BR7K2M9Q': { minor: 5990, currency: 'BRL' },
  '261123BR4X8N2W': { minor: 123450, currency: 'BRL' },
  '261122BR9P3L5T': { minor: 8900, currency: 'BRL' },
};

describe('fixture rendering (sanity)', () => {
  it('writes times as the region wall time, day first', () => {
    expect(VN_HTML).toContain('Thời gian đặt hàng: 23/11/2026 06:00');
    expect(MY_HTML).toContain('Order time: 23/11/2026 09:00');
  });
});

describe('shopeeAdapter.readOrders: Vietnam, Vietnamese UI, unpaid tab', () => {
  const read = readPage(VN_HTML, VN_URL);
  const orders = byId(read);

  it('reads every order with its SN, in page order', () => {
    expect(read.orders.map((o) => o.orderId)).toEqual(['261123K7XJ3M2P', '261123AB12CD34', '261122Q9W8E7R6']);
    expect(read).toMatchObject({ platform: 'shopee', unreadable: 0, unpaidOnly: true, complete: true, noRowsFound: false, selectorsVersion: 'shopee-2026-11-23' });
    expect(read.listKey).toBe('banhang.shopee.vn/portal/sale/order#tab=Chờ thanh toán&page=1');
  });

  it('reads a multi-item order exactly, with a hostile nick as text and the shown deadline', () => {
    expect(orders['261123K7XJ3M2P']).toEqual({
      platform: 'shopee',
      orderId: '261123K7XJ3M2P',
      buyer: { nick: '<img src=x onerror=alert(1)>' },
      items: [
        { title: 'Áo khoác gió nam nữ chống nước', sku: 'Đen, L', qty: 1 },
        { title: 'Mũ lưỡi trai thêu chữ', sku: 'Trắng', qty: 2 },
      ],
      amount: { minor: 250000, currency: 'VND' },
      createdAt: NOW - 5 * HOUR,
      // "Thanh toán trước 24/11/2026 06:00" in Vietnam (UTC+7).
      autoCloseAt: NOW + 19 * HOUR,
      status: 'unpaid',
      statusText: 'Chờ thanh toán Thanh toán trước 24/11/2026 06:00',
    });
  });

  it('reads đồng amounts with dot grouping, a Vietnamese countdown, and estimates without either', () => {
    expect(orders['261123AB12CD34']).toMatchObject({ amount: { minor: 1590000, currency: 'VND' }, buyer: { nick: 'ngoc_anh 💖' }, autoCloseAt: NOW + 1.5 * HOUR });
    expect(orders['261123AB12CD34']!.autoCloseEstimated).toBeUndefined();
    expect(orders['261122Q9W8E7R6']).toMatchObject({ amount: { minor: 459000, currency: 'VND' }, createdAt: NOW - 20 * HOUR, autoCloseAt: NOW + 4 * HOUR, autoCloseEstimated: true });
  });

  it('believes the visible tab over ?type=, and ignores the tab count in the listing key', () => {
    expect(readPage(MY_HTML, 'https://seller.shopee.com.my/portal/sale/order?type=unpaid').unpaidOnly).toBe(false);
    const fewer = VN_HTML.replace('Chờ thanh toán (3)', 'Chờ thanh toán (2)');
    expect(fewer).not.toBe(VN_HTML);
    expect(readPage(fewer, VN_URL).listKey).toBe(read.listKey);
  });

  it('is idempotent', () => {
    const doc = parse(VN_HTML);
    expect(shopeeAdapter.readOrders(doc, VN_URL, NOW)).toEqual(shopeeAdapter.readOrders(doc, VN_URL, NOW));
  });
});

describe('shopeeAdapter.readOrders: Malaysia, English UI, all orders', () => {
  const read = readPage(MY_HTML, MY_URL);
  const orders = byId(read);

  it('reads unpaid, paid and cancelled orders for what they are', () => {
    expect(read.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['261123MY5T8K2A', 'unpaid'],
      ['261123ZX9C8V7B', 'paid'], // To Ship
      ['261122QW3E4R5T', 'closed'], // Cancelled (by system: unpaid)
      ['261123LK8J7H6G', 'unpaid'],
    ]);
    expect(read.unpaidOnly).toBe(false);
    for (const o of read.orders) expect(o.amount).toEqual(TRUE_AMOUNTS[o.orderId]);
  });

  it('reads ringgit totals, Kuala Lumpur times and three goods lines', () => {
    expect(orders['261123MY5T8K2A']).toMatchObject({ buyer: { nick: 'aisyah_shop 🌙' }, createdAt: NOW - 3 * HOUR, autoCloseAt: NOW + 21 * HOUR });
    expect(orders['261123LK8J7H6G']).toMatchObject({
      amount: { minor: 120450, currency: 'MYR' },
      items: [
        { title: 'Kopi Cold Brew 1L', sku: 'Original', qty: 1 },
        { title: 'Kopi Cold Brew 1L', sku: 'Hazelnut', qty: 1 },
        { title: 'Glass Bottle 500ml', qty: 2 },
      ],
      createdAt: NOW - HOUR,
      autoCloseAt: NOW + 23 * HOUR,
      autoCloseEstimated: true,
    });
    expect(orders['261123ZX9C8V7B']!.autoCloseAt).toBeUndefined();
  });
});

describe('shopeeAdapter.readOrders: Brazil (Portuguese UI, page 1 of 3)', () => {
  const read = readPage(BR_HTML, BR_URL);
  const orders = byId(read);

  it('reads every order exactly: reais with comma decimals, São Paulo times, the shown deadline, the chat link', () => {
    // NOW is 01:00 in São Paulo (UTC-3): the deadline NOW + 21 h prints as 23/11/2026 22:00.
    expect(read.orders).toEqual([
      {
        platform: 'shopee',
        orderId: '261123BR7K2M9Q',
        buyer: { nick: 'ana.beatriz_' },
        items: [{ title: 'Camiseta Básica Algodão Unissex', sku: 'Azul, G', qty: 2 }],
        amount: { minor: 5990, currency: 'BRL' },
        createdAt: NOW - 3 * HOUR,
        autoCloseAt: NOW + 21 * HOUR,
        autoCloseEstimated: undefined,
        status: 'unpaid',
        statusText: 'Aguardando pagamento Pagar até 23/11/2026 22:00',
        chatUrl: 'https://seller.shopee.com.br/webchat/conversations?uid=88123001',
      },
      {
        platform: 'shopee',
        orderId: '261123BR4X8N2W',
        buyer: { nick: 'lojadoze' },
        items: [
          { title: 'Fone de Ouvido Bluetooth 5.3', sku: 'Preto', qty: 1 },
          { title: 'Capa de Silicone para Fone', sku: 'Transparente', qty: 1 },
        ],
        amount: { minor: 123450, currency: 'BRL' },
        createdAt: NOW - 6 * HOUR,
        // Boleto, no deadline shown: 24 h from the order, marked as a guess.
        autoCloseAt: NOW + 18 * HOUR,
        autoCloseEstimated: true,
        status: 'unpaid',
        statusText: 'Aguardando pagamento',
        chatUrl: 'https://seller.shopee.com.br/webchat/conversations?uid=88123002',
      },
      {
        platform: 'shopee',
        orderId: '261122BR9P3L5T',
        buyer: { nick: 'marcos.v' },
        items: [{ title: 'Garrafa Térmica Inox 1L', sku: 'Verde', qty: 1 }],
        amount: { minor: 8900, currency: 'BRL' },
        createdAt: NOW - 30 * HOUR,
        autoCloseAt: undefined,
        autoCloseEstimated: undefined,
        status: 'closed',
        statusText: 'Cancelado Cancelado pelo sistema: não pago',
        chatUrl: 'https://seller.shopee.com.br/webchat/conversations?uid=88123003',
      },
    ]);
  });

  it('knows the "A pagar" tab lists only unpaid orders, and that page 1 of 3 is not the whole list', () => {
    expect(read).toMatchObject({
      platform: 'shopee',
      listKey: 'seller.shopee.com.br/portal/sale/order#tab=A pagar&page=1',
      unpaidOnly: true,
      complete: false,
      unreadable: 0,
      noRowsFound: false,
    });
    // Only the live "next" button: the page list shows one page (SPA pagers often do) and it is still incomplete.
    const onlyNext = BR_HTML.replace(/<li class="shopee-pager__page">\d<\/li>/g, '');
    expect(onlyNext).not.toBe(BR_HTML);
    expect(readPage(onlyNext, BR_URL).complete).toBe(false);
    // The last page: next disabled, a single page: complete.
    const single = onlyNext.replace('<button class="shopee-pager__button-next">', '<button class="shopee-pager__button-next" disabled>');
    expect(readPage(single, BR_URL).complete).toBe(true);
  });

  it('does not mark an order paid because it is missing from one page of several', async () => {
    const db = await openPayNudgeDb(`shopee-br-${crypto.randomUUID()}`);
    try {
      await applyPageRead(db, read, NOW);
      // The seller comes back to page 1 an hour later; 261123BR4X8N2W has moved to page 2.
      const doc = parse(BR_HTML);
      doc.querySelector('[data-fixture-order="261123BR4X8N2W"]')!.remove();
      const later = shopeeAdapter.readOrders(doc, BR_URL, NOW + HOUR)!;
      expect(later.complete).toBe(false);
      expect((await applyPageRead(db, later, NOW + HOUR)).gone).toEqual([]);
      expect((await listOpenOrders(db)).map((o) => o.orderId).sort()).toEqual(['261123BR4X8N2W', '261123BR7K2M9Q']);
      // Had the list been whole (no next page), its absence would have meant paid: the guard is the pager.
      const whole = parse(BR_HTML.replace('<button class="shopee-pager__button-next">', '<button class="shopee-pager__button-next" disabled>').replace(/<li class="shopee-pager__page">\d<\/li>/g, ''));
      whole.querySelector('[data-fixture-order="261123BR4X8N2W"]')!.remove();
      const wholeRead = shopeeAdapter.readOrders(whole, BR_URL, NOW + 2 * HOUR)!;
      expect(wholeRead).toMatchObject({ complete: true, listKey: later.listKey });
      expect((await applyPageRead(db, wholeRead, NOW + 2 * HOUR)).gone).toEqual(['shopee:261123BR4X8N2W']);
    } finally {
      db.close();
    }
  });
});

describe('shopeeAdapter.readOrders: health and damage', () => {
  it('flags an order list whose order SNs can no longer be found', () => {
    expect(readPage(BROKEN_HTML, VN_URL)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: true, selectorsVersion: 'shopee-2026-11-23' });
  });

  it('reads an empty tab that says so as empty, not broken', () => {
    const doc = parse(VN_HTML);
    doc.querySelector('.order-list_cards__1Pp0q')!.replaceChildren(Object.assign(doc.createElement('p'), { textContent: 'Không có đơn hàng nào' }));
    expect(shopeeAdapter.readOrders(doc, VN_URL, NOW)).toMatchObject({ orders: [], noRowsFound: false });
  });

  it('counts an order whose total is gone as unreadable', () => {
    const doc = parse(MY_HTML);
    doc.querySelector('[data-fixture-order="261123LK8J7H6G"] .order-card_amount__1Cc2v')!.remove();
    const read = shopeeAdapter.readOrders(doc, MY_URL, NOW)!;
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).not.toContain('261123LK8J7H6G');
  });

  it("never takes another card's total when the other cards lost their SNs and this card's row no longer lines up", () => {
    // Found by the mutation property (seed 1641326645): the list header lost its
    // countdown column, the first card lost its SN and its actions cell, the
    // second its head. The last card's SN is then the only one on the page, and
    // the only row as wide as the header is the first card's.
    const doc = parse(VN_HTML);
    doc.querySelector('.order-list-header_row__1Ww3e > div:nth-child(4)')!.remove();
    const first = doc.querySelector('[data-fixture-order="261123K7XJ3M2P"]')!;
    first.querySelector('.order-card_meta__2Rr4t')!.remove();
    first.querySelector('.order-card_actions__1Oo3b')!.remove();
    doc.querySelector('[data-fixture-order="261123AB12CD34"] .order-card_head__1Mm2x')!.remove();
    const read = shopeeAdapter.readOrders(doc, VN_URL, NOW)!;
    expect(read.orders).toEqual([]);
    expect(read.unreadable).toBe(1);
  });

  it('refuses a total in another currency than the shop region rather than mislabel it', () => {
    const html = MY_HTML.replace('RM1,204.50', '₫1.204.500');
    expect(readPage(html, MY_URL).orders.map((o) => o.orderId)).not.toContain('261123LK8J7H6G');
  });

  it('returns null on the chat page and on portal pages without an order list', () => {
    expect(shopeeAdapter.readOrders(parse(VN_HTML), 'https://banhang.shopee.vn/webchat/conversations', NOW)).toBeNull();
    expect(shopeeAdapter.readOrders(parse('<p>Tổng quan</p>'), 'https://banhang.shopee.vn/portal/sale/order', NOW)).toBeNull();
  });

  it('reads the same after hashed module classes change', () => {
    const drifted = VN_HTML.replace(/__[A-Za-z0-9]{5}\b/g, '__Qq0w9');
    expect(readPage(drifted, VN_URL)).toEqual(readPage(VN_HTML, VN_URL));
  });
});

describeGridMutations({
  label: 'shopeeAdapter',
  adapter: shopeeAdapter,
  now: NOW,
  // Junk without digits: a number in junk text cannot be told from a price by anyone.
  junkChars: 'abcXYZ đơn hàng Chờ Unpaid Cancelled 🎁<>&"\'\u202e\u00a0₫RM',
  columns: 6,
  cells: '.order-card_body__3Tt1s > div, .order-list-header_row__1Ww3e > div',
  permute(doc, perm) {
    for (const row of doc.querySelectorAll('.order-list-header_row__1Ww3e, .order-card_body__3Tt1s')) {
      const cells = [...row.children];
      for (const i of perm) if (cells[i]) row.appendChild(cells[i]);
    }
  },
  pages: [
    ['Vietnam', VN_HTML, VN_URL],
    ['Malaysia', MY_HTML, MY_URL],
  ],
  mutationRuns: 100,
  amountOf: (orderId) => TRUE_AMOUNTS[orderId],
  permutationPages: [[MY_HTML, MY_URL]],
  permutationRuns: 15,
});

describe('shopeeAdapter: chat page', () => {
  const CHAT = `<div class="conversation-cell_item__3Qq5v"><div class="conversation-cell_username__2Tt0c">minh.tran88</div></div>
    <div class="conversation-cell_item__3Qq5v active"><div class="conversation-cell_username__2Tt0c">ngoc_anh 💖</div></div>
    <div class="chat-window_pane__2Ee7u"><textarea class="chat-input_textarea__2Gg1k"></textarea><button class="chat-input_send__1Hh6b">Gửi</button></div>`;

  it('reads the buyer of the open conversation and finds the chat textarea', () => {
    const doc = parse(CHAT);
    expect(shopeeAdapter.chatBuyer(doc)).toEqual({ nick: 'ngoc_anh 💖' });
    expect(shopeeAdapter.findComposer(doc)?.className).toContain('chat-input');
  });

  it('finds no buyer and no composer on the order list', () => {
    const doc = parse(VN_HTML);
    expect(shopeeAdapter.chatBuyer(doc)).toBeUndefined();
    expect(shopeeAdapter.findComposer(doc)).toBeNull();
  });
});

describe('money formats the Shopee pages use', () => {
  it('reads each region in its own currency', () => {
    expect(parseMoney('₫250.000')).toEqual({ minor: 250000, currency: 'VND' });
    expect(parseMoney('250.000 ₫')).toEqual({ minor: 250000, currency: 'VND' });
    expect(parseMoney('RM 45.00')).toEqual({ minor: 4500, currency: 'MYR' });
    expect(parseMoney('RM1,204.50')).toEqual({ minor: 120450, currency: 'MYR' });
    expect(parseMoney('R$ 59,90')).toEqual({ minor: 5990, currency: 'BRL' });
    expect(parseMoney('R$ 1.259,90')).toEqual({ minor: 125990, currency: 'BRL' });
  });

  it('takes a bare "$" as the region dollar and refuses a foreign marker', () => {
    expect(regionMoney('$12.90', 'SGD')).toEqual({ minor: 1290, currency: 'SGD' });
    expect(regionMoney('$1.299', 'CLP')).toEqual({ minor: 1299, currency: 'CLP' });
    expect(regionMoney('R$ 59,90', 'BRL')).toEqual({ minor: 5990, currency: 'BRL' });
    expect(regionMoney('US$12.90', 'SGD')).toBeNull();
    expect(regionMoney('₫250.000', 'MYR')).toBeNull();
    expect(regionMoney('Ship within 2 days', 'MYR')).toBeNull();
    // The cross-border seller centre names no market: a bare "$" may be Singapore's, Mexico's or Colombia's, and no
    // market pays in US dollars (a page written blind). A dollar marked as one is read.
    expect(regionMoney('$33.89', undefined)).toBeNull();
    expect(regionMoney('US$33.89', undefined)).toEqual({ minor: 3389, currency: 'USD' });
    expect(regionMoney('S$33.89', undefined)).toEqual({ minor: 3389, currency: 'SGD' });
    expect(regionMoney('250.000', 'VND')).toBeNull();
    // Cross-border host: the marker decides.
    expect(regionMoney('RM45.00', undefined)).toEqual({ minor: 4500, currency: 'MYR' });
  });
});

// Shopee's biggest markets print their seller centres in Bahasa Indonesia, Thai and Traditional Chinese. Before, every
// order of these pages was unreadable: no reader knew their status words ("Belum Bayar", "ยังไม่ชำระ", "尚未付款"), column
// headers, time labels or countdown units.
describe.each([
  {
    region: 'Indonesia, Bahasa Indonesia UI',
    file: 'order-id-unpaid.html',
    url: 'https://seller.shopee.co.id/portal/sale/order?type=unpaid',
    tab: 'seller.shopee.co.id/portal/sale/order#tab=Belum Bayar&page=1',
    // Rupiah are written without sen: Rp250.000 is 250,000 rupiah (lib/orders/money.ts).
    currency: 'IDR',
    orders: [
      ['2611234V8KQ1ZT', '<img src=x onerror=alert(1)>', 250000, [['Jaket Parasut Pria Wanita Anti Air', 'Hitam, L', 1], ['Topi Baseball Bordir', 'Putih', 2]], 'Belum Bayar Bayar sebelum 24/11/2026 06:00'],
      ['261123HD7Q2M5N', 'dewi.sartika 🌸', 1590000, [['Air Fryer 6L Low Watt', 'Abu-abu', 1]], 'Belum Bayar Dibatalkan otomatis dalam 1 jam 30 menit'],
      ['261122W3RT8Y6U', 'budi_santoso88', 459000, [['Power Bank 20000mAh Fast Charging', 'Biru', 1]], 'Belum Bayar'],
    ],
  },
  {
    region: 'Thailand, Thai UI',
    file: 'order-th-unpaid.html',
    url: 'https://seller.shopee.co.th/portal/sale/order?type=unpaid',
    tab: 'seller.shopee.co.th/portal/sale/order#tab=ที่ต้องชำระ&page=1',
    currency: 'THB',
    orders: [
      ['2611236P3LM8QD', '<img src=x onerror=alert(1)>', 129000, [['เสื้อแจ็คเก็ตกันลมกันน้ำ ชาย หญิง', 'ดำ, L', 1], ['หมวกแก๊ปปักตัวอักษร', 'ขาว', 2]], 'ยังไม่ชำระ ชำระเงินภายใน 24/11/2026 06:00'],
      ['261123T5NB9VWX', 'somchai.k 🐘', 259000, [['หม้อทอดไร้น้ำมัน 6 ลิตร', 'เทา', 1]], 'ยังไม่ชำระ ยกเลิกอัตโนมัติใน 1 ชั่วโมง 30 นาที'],
      ['261122E4GH7JKR', 'nattaya_shop', 45900, [['พาวเวอร์แบงค์ 20000mAh ชาร์จเร็ว', 'น้ำเงิน', 1]], 'ยังไม่ชำระ'],
    ],
  },
  {
    region: 'Taiwan, Traditional Chinese UI',
    file: 'order-tw-unpaid.html',
    url: 'https://seller.shopee.tw/portal/sale/order?type=unpaid',
    tab: 'seller.shopee.tw/portal/sale/order#tab=尚未付款&page=1',
    currency: 'TWD',
    orders: [
      ['261123J2NW5XCB', '<img src=x onerror=alert(1)>', 129000, [['防潑水連帽風衣外套 男女款', '黑色, L', 1], ['刺繡棒球帽', '白色', 2]], '尚未付款 請於 2026-11-24 07:00:00 前付款'],
      ['261123M8PQ4RST', '小綠綠 🍵', 259000, [['無油氣炸鍋 6L', '灰色', 1]], '尚未付款 1小時30分鐘後自動取消'],
      ['261122Z6YX3WVU', 'chen_meiling', 45900, [['快充行動電源 20000mAh', '藍色', 1]], '尚未付款'],
    ],
  },
  {
    region: 'Mexico, Spanish UI',
    file: 'order-mx-unpaid.html',
    url: 'https://seller.shopee.com.mx/portal/sale/order?type=unpaid',
    tab: 'seller.shopee.com.mx/portal/sale/order#tab=Por pagar&page=1',
    // A bare "$" is the Mexican peso there.
    currency: 'MXN',
    orders: [
      ['261123X5MX2P9Q', '<img src=x onerror=alert(1)>', 129000, [['Chamarra rompevientos impermeable unisex', 'Negro, L', 1], ['Gorra bordada', 'Blanco', 2]], 'Por pagar Pagar antes del 23/11/2026 17:00'],
      ['261123R8TY4UIO', 'mariana.lopez 🌵', 259000, [['Freidora de aire 6 L', 'Gris', 1]], 'Por pagar Cancelación automática en 1 hora 30 minutos'],
      ['261122LK3MX7NB', 'jorge_hdz', 45900, [['Batería portátil 20000 mAh carga rápida', 'Azul', 1]], 'Por pagar'],
    ],
  },
] as const)('shopeeAdapter.readOrders: $region, unpaid tab', ({ file, url, tab, currency, orders }) => {
  const read = readPage(renderFixture(raw(file), NOW), url);

  it('reads every order whole: its SN, buyer, items, total in the region currency, and the listing', () => {
    expect(read).toMatchObject({ platform: 'shopee', unreadable: 0, unpaidOnly: true, complete: true, noRowsFound: false });
    expect(read.listKey).toBe(tab);
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor, o.items.map((i) => [i.title, i.sku, i.qty]), o.statusText])).toEqual(orders);
    for (const o of read.orders) expect(o).toMatchObject({ status: 'unpaid', amount: { currency } });
  });

  it('reads the created times on the region clock, the shown deadline, the countdown in its own units, and estimates the rest', () => {
    expect(read.orders.map((o) => [o.createdAt, o.autoCloseAt, o.autoCloseEstimated])).toEqual([
      [NOW - 5 * HOUR, NOW + 19 * HOUR, undefined],
      [NOW - 2 * HOUR, NOW + 1.5 * HOUR, undefined],
      [NOW - 20 * HOUR, NOW + 4 * HOUR, true],
    ]);
  });
});

describe('the created-time label', () => {
  it('is one flat list of words, so the card head is searched only as far as the longest (a nested group made every read search the whole card: 25 % slower)', async () => {
    const { longestLabel } = await import('../page-text');
    const { CREATED_LABEL } = await import('./selectors');
    expect(longestLabel(CREATED_LABEL)).toBe('waktu pesanan dibuat'.length);
  });
});

describe('a Thai page formatted in the Thai locale', () => {
  it('prints the Buddhist era (2569 for 2026), and every created time and deadline is read as on the Gregorian page', () => {
    const url = 'https://seller.shopee.co.th/portal/sale/order?type=unpaid';
    const gregorian = renderFixture(raw('order-th-unpaid.html'), NOW);
    const buddhist = gregorian.replaceAll('/2026 ', '/2569 ');
    expect(buddhist).toContain('เวลาสั่งซื้อ: 23/11/2569');
    const times = (html: string) => readPage(html, url).orders.map((o) => [o.orderId, o.createdAt, o.autoCloseAt]);
    expect(times(buddhist)).toEqual(times(gregorian));
  });
});

describe('created times written as the time since', () => {
  it('reads "3 giờ trước", "há 2 horas" and "刚刚" after the label as their earliest instant; the dated ones as before', () => {
    const before = byId(readPage(VN_HTML, VN_URL));
    const html = VN_HTML.replace(/(Thời gian đặt hàng: )\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(?::\d{2})?/, '$13 giờ trước');
    expect(html).not.toBe(VN_HTML);
    const after = byId(readPage(html, VN_URL));
    const changed = Object.keys(after).filter((id) => after[id]!.createdAt !== before[id]!.createdAt);
    expect(changed).toHaveLength(1);
    expect(after[changed[0]!]!.createdAt).toBe(NOW - 4 * HOUR + 1000);
    const br = BR_HTML.replace(/(Data do pedido: )\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(?::\d{2})?/, '$1há 2 horas');
    if (br !== BR_HTML) expect(Object.values(byId(readPage(br, BR_URL))).some((o) => o.createdAt === NOW - 3 * HOUR + 1000)).toBe(true);
  });
});
