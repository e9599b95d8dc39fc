// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture, zonedWallTime } from '../../../test/support/fixtures.mjs';
import { describeTableMutations } from '../../../test/support/adapter-tests';
import { tiktokAdapter } from './adapter';
import { regionKey } from './selectors';
import { parseMoney } from '../../orders/money';
import { parseZonedWallTime, zoneOffsetMinutes } from '../../orders/time';
import { soleMoney } from '../money';
import { countdownIn, statedUtcOffset } from '../times';
import type { ObservedOrder, PageRead } from '../../orders/model';

// 2026-11-23 04:00:00 UTC: 20:00 on the 22nd in Los Angeles (PST), 01:00 in São Paulo, 11:00 in Hanoi.
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const US_URL = 'https://seller-us.tiktok.com/order?tab=all';
const BR_URL = 'https://seller-br.tiktok.com/order?tab=unpaid';
const VN_URL = 'https://seller-vn.tiktok.com/order?tab=all';

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/tiktok', file), 'utf8');
const US_HTML = renderFixture(raw('order-list-us.html'), NOW);
const BR_HTML = renderFixture(raw('order-list-br.html'), NOW);
const VN_HTML = renderFixture(raw('order-list-vn.html'), NOW);
const BROKEN_HTML = renderFixture(raw('order-list-broken.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string | Document, url: string): PageRead {
  const read = tiktokAdapter.readOrders(typeof html === 'string' ? parse(html) : html, url, NOW);
  expect(read).not.toBeNull();
  return read!;
}
const byId = (read: PageRead): Record<string, ObservedOrder> => Object.fromEntries(read.orders.map((o) => [o.orderId, o]));

describe('fixture time tokens and the formats the adapter relies on', () => {
  it('writes US, Brazilian and Vietnamese wall times relative to now', () => {
    expect(renderFixture('{{us:-3h}}', NOW)).toBe('11/22/2026 5:00 PM');
    expect(renderFixture('{{tz:America/Sao_Paulo:dmy24:-90m}}', NOW)).toBe('22/11/2026 23:30');
    expect(renderFixture('{{tz:Asia/Ho_Chi_Minh:dmy24:+0m}}', NOW)).toBe('23/11/2026 11:00');
    expect(renderFixture('{{cn:-5h}}', NOW)).toBe('2026-11-23 07:00:00');
    expect(zonedWallTime(Date.UTC(2026, 6, 1, 12), 'America/Los_Angeles', 'ymd24')).toBe('2026-07-01 05:00:00');
  });

  it('reads zoned wall times with summer time', () => {
    expect(parseZonedWallTime('11/22/2026 5:00 PM', 'America/Los_Angeles', 'mdy')).toBe(NOW - 3 * HOUR);
    // July: Pacific daylight time, UTC-7.
    expect(parseZonedWallTime('07/01/2026 5:00 AM', 'America/Los_Angeles', 'mdy')).toBe(Date.UTC(2026, 6, 1, 12));
    expect(parseZonedWallTime('20/11/2026 14:03', 'America/Sao_Paulo', 'dmy')).toBe(Date.UTC(2026, 10, 20, 17, 3));
    expect(zoneOffsetMinutes('Asia/Ho_Chi_Minh', NOW)).toBe(420);
    expect(zoneOffsetMinutes('Not/AZone', NOW)).toBeNull();
    expect(statedUtcOffset('Time zone: (GMT-07:00)')).toBe(-420);
    expect(statedUtcOffset('UTC+8')).toBe(480);
    expect(statedUtcOffset('no zone here')).toBeUndefined();
  });

  it('reads the money formats of these pages and refuses a cell with two sums', () => {
    expect(parseMoney('584.901₫')).toEqual({ minor: 584901, currency: 'VND' });
    expect(parseMoney('R$ 1.249,00')).toEqual({ minor: 124900, currency: 'BRL' });
    expect(parseMoney('$47.97')).toEqual({ minor: 4797, currency: 'USD' });
    expect(soleMoney('US $23.50 Shipping: US $3.50')).toBeNull();
    expect(soleMoney('Total $10.00 ($10.00)')).toEqual({ minor: 1000, currency: 'USD' });
    expect(soleMoney('Credit card')).toBeNull();
  });

  it('reads countdowns in English, Portuguese, Vietnamese and Chinese', () => {
    expect(countdownIn('Auto-cancels in 20h 59m', NOW)).toBe(NOW + 20 * HOUR + 59 * MIN);
    expect(countdownIn('Cancelamento automático em 22h 30min', NOW)).toBe(NOW + 22.5 * HOUR);
    expect(countdownIn('Tự động hủy sau 19 giờ 59 phút', NOW)).toBe(NOW + 19 * HOUR + 59 * MIN);
    expect(countdownIn('剩余付款时间：2天3小时', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('剩余 23:59:10', NOW)).toBe(NOW + 23 * HOUR + 59 * MIN + 10_000);
    expect(countdownIn('Ship within 24h', NOW)).toBeUndefined();
  });
});

describe('tiktokAdapter: US seller centre, all orders', () => {
  const read = readPage(US_HTML, US_URL);
  const orders = byId(read);

  it('reads every card with 18- and 19-digit ids kept as strings', () => {
    expect(read.orders.map((o) => [o.orderId, o.status, o.statusText])).toEqual([
      ['576880912345678901', 'unpaid', 'Awaiting payment'],
      ['5768801277340025519', 'unpaid', 'Unpaid'],
      ['576880655100213377', 'paid', 'Awaiting shipment'],
      ['576880410093388120', 'closed', 'Canceled'],
    ]);
    expect(read).toMatchObject({ platform: 'tiktok', unpaidOnly: false, complete: true, unreadable: 0, noRowsFound: false, selectorsVersion: 'tiktok-2026-11-24' });
    expect(read.listKey).toBe('seller-us.tiktok.com/order#tab=All&page=1');
  });

  it('reads a multi-item order exactly, with the countdown the page shows', () => {
    expect(orders['576880912345678901']).toEqual({
      platform: 'tiktok',
      orderId: '576880912345678901',
      buyer: { nick: '<img src=x onerror=alert(1)>' },
      items: [
        { title: 'Stanley-style Tumbler 40oz with Handle and Straw', sku: 'Rose Quartz, 40oz', qty: 2, unitPrice: { minor: 1999, currency: 'USD' } },
        { title: 'Silicone Straw Covers (6 pcs)', sku: 'Mixed colors', qty: 1, unitPrice: { minor: 799, currency: 'USD' } },
      ],
      amount: { minor: 4797, currency: 'USD' },
      createdAt: NOW - 3 * HOUR,
      autoCloseAt: NOW + 20 * HOUR + 59 * MIN,
      autoCloseEstimated: undefined,
      status: 'unpaid',
      statusText: 'Awaiting payment',
      chatUrl: 'https://seller-us.tiktok.com/chat/inbox/current?oec_seller_id=7495012283746&buyer_id=7312009',
    });
  });

  it('estimates 24 hours after creation when no deadline is shown, and keeps RTL text', () => {
    const pins = orders['5768801277340025519']!;
    expect(pins.buyer.nick).toBe('جميلة 🌙');
    expect(pins.createdAt).toBe(NOW - 10 * HOUR);
    expect(pins.autoCloseAt).toBe(NOW + 14 * HOUR);
    expect(pins.autoCloseEstimated).toBe(true);
    expect(orders['576880655100213377']!.autoCloseAt).toBeUndefined();
  });

  it('believes the visible tab over the URL, and the URL when no tab is shown', () => {
    expect(readPage(US_HTML, 'https://seller-us.tiktok.com/order?tab=unpaid').unpaidOnly).toBe(false);
    const doc = parse(US_HTML);
    for (const tab of doc.querySelectorAll('[role="tab"]')) tab.remove();
    expect(readPage(doc, 'https://seller-us.tiktok.com/order?tab=unpaid').unpaidOnly).toBe(true);
  });

  it('is idempotent', () => {
    const doc = parse(US_HTML);
    expect(readPage(doc, US_URL)).toEqual(readPage(doc, US_URL));
  });
});

describe('tiktokAdapter: Brazil (Portuguese) and Vietnam (Vietnamese)', () => {
  it('reads the Brazilian unpaid tab with columns in another order', () => {
    const read = readPage(BR_HTML, BR_URL);
    expect(read.unpaidOnly).toBe(true);
    expect(read.listKey).toBe('seller-br.tiktok.com/order#tab=Aguardando pagamento&page=1');
    const orders = byId(read);
    expect(orders['581120938475610223']).toMatchObject({
      buyer: { nick: 'Beatriz Souza ✨' },
      amount: { minor: 5990, currency: 'BRL' },
      createdAt: NOW - 90 * MIN,
      autoCloseAt: NOW + 22 * HOUR + 30 * MIN,
      status: 'unpaid',
    });
    expect(orders['5811209011223344556']).toMatchObject({ buyer: { nick: 'joão_pedro' }, amount: { minor: 124900, currency: 'BRL' }, createdAt: NOW - 5 * HOUR, autoCloseAt: NOW + 19 * HOUR, autoCloseEstimated: true });
    expect(orders['5811209011223344556']!.items.map((i) => [i.qty, i.unitPrice?.minor])).toEqual([[1, 114900], [2, 5000]]);
  });

  it('reads dong without decimals and a Vietnamese countdown', () => {
    const orders = byId(readPage(VN_HTML, VN_URL));
    expect(orders['578002214455667788']).toMatchObject({ buyer: { nick: 'Trần Minh Anh' }, amount: { minor: 584901, currency: 'VND' }, createdAt: NOW - 4 * HOUR, autoCloseAt: NOW + 19 * HOUR + 59 * MIN, status: 'unpaid', statusText: 'Chờ thanh toán' });
    expect(orders['578002210011223344']).toMatchObject({ status: 'closed', amount: { minor: 129000, currency: 'VND' } });
  });
});

describe('tiktokAdapter: damage and health', () => {
  it('flags a redesigned list with headers but no readable cards', () => {
    expect(readPage(BROKEN_HTML, 'https://seller-uk.tiktok.com/order?tab=all')).toMatchObject({ orders: [], noRowsFound: true, selectorsVersion: 'tiktok-2026-11-24' });
  });

  it('finds cards by their "Order ID" text when every card class is renamed', () => {
    const renamed = US_HTML.replaceAll('OrderCard_container__x8F2a', 'OrderItemV2_box__0aaaa');
    expect(readPage(renamed, US_URL).orders.map((o) => [o.orderId, o.amount.minor])).toEqual(readPage(US_HTML, US_URL).orders.map((o) => [o.orderId, o.amount.minor]));
  });

  it('reads an empty list with its empty-state text as empty, not broken', () => {
    const doc = parse(BR_HTML);
    doc.getElementById('orders')!.replaceChildren(doc.createTextNode('Nenhum pedido encontrado'));
    expect(readPage(doc, BR_URL)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: false });
  });

  it('never takes a unit price for the total', () => {
    const doc = parse(US_HTML);
    // The total's element loses its class and the card loses its total cell: the product cell with unit prices must not stand in.
    const total = doc.querySelector('[data-fixture-order="5768801277340025519"] [class*="OrderCard_total__"]')!;
    total.closest('[role="cell"]')!.remove();
    const read = readPage(doc, US_URL);
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).not.toContain('5768801277340025519');
  });

  it('reads the total column by header when the total class is gone', () => {
    const doc = parse(BR_HTML);
    doc.querySelector('[data-fixture-order="581120938475610223"] [class*="OrderCard_total__"]')!.className = 'x';
    expect(byId(readPage(doc, BR_URL))['581120938475610223']!.amount).toEqual({ minor: 5990, currency: 'BRL' });
  });

  it('returns null on the chat inbox and on pages without an order list', () => {
    expect(tiktokAdapter.readOrders(parse('<div>Home</div>'), 'https://seller-us.tiktok.com/homepage', NOW)).toBeNull();
    expect(tiktokAdapter.readOrders(parse(US_HTML), 'https://seller-us.tiktok.com/chat/inbox/current', NOW)).toBeNull();
  });
});

describeTableMutations({
  label: 'tiktokAdapter',
  adapter: tiktokAdapter,
  html: US_HTML,
  url: US_URL,
  now: NOW,
  columns: 5,
  cell: '[role="cell"]',
  rows: '[role="row"]',
  total: '[class*="OrderCard_total__"]',
  named: '[class*="_"]',
});

describe('tiktokAdapter: chat inbox', () => {
  const CHAT = `<div class="ConversationList_list__1Qw2e">
      <div data-testid="chat.chatroom.conversation_card" class="ConversationCard_card__4Rt6y" aria-selected="false"><div class="ConversationCard_name__8Hj1k">mike_outdoors</div></div>
      <div data-testid="chat.chatroom.conversation_card" class="ConversationCard_card__4Rt6y ConversationCard_active__0Lk2m" aria-selected="true"><div class="ConversationCard_name__8Hj1k">جميلة 🌙</div><div class="ConversationCard_preview__2Df4g">Do the pins come in silver?</div></div>
    </div>
    <div class="ChatRoom_room__2Zx7c"><textarea class="search" placeholder="Search"></textarea>
      <div class="ChatInput_wrap__9Op4a"><div class="ChatInput_inner__1Cv5b"><div class="ChatInput_editor__6As2d" contenteditable="true" role="textbox"></div></div><button id="chat-input-send-button">Send</button></div>
    </div>`;

  it('reads the buyer of the selected conversation card', () => {
    expect(tiktokAdapter.chatBuyer(parse(CHAT))).toEqual({ nick: 'جميلة 🌙' });
  });

  it('finds the contenteditable next to the send button, not another textarea on the page', () => {
    expect(tiktokAdapter.findComposer(parse(CHAT))?.className).toBe('ChatInput_editor__6As2d');
  });

  it('finds a textarea composer beside the send button too', () => {
    const doc = parse('<div><div><textarea class="composer"></textarea></div><button id="chat-input-send-button">Send</button></div>');
    expect(tiktokAdapter.findComposer(doc)?.className).toBe('composer');
  });

  it('finds nothing on the order list', () => {
    const doc = parse(US_HTML);
    expect(tiktokAdapter.chatBuyer(doc)).toBeUndefined();
    expect(tiktokAdapter.findComposer(doc)).toBeNull();
  });
});

// TikTok Shop's seller centres in Thailand, Indonesia (on Tokopedia's host), Japan and Germany, each in its own
// language. Before, the Japanese and German pages' statuses were unknown, the Japanese totals were read as yuan
// ("¥5,849" stored as CN¥5,849.00, a hundred times the yen), and the structural reader read none of their orders.
describe.each([
  { region: 'Thailand, Thai UI', file: 'order-list-th.html', url: 'https://seller-th.tiktok.com/order?tab=all', currency: 'THB', ids: ['579113325566778899', '579113321122334455'], buyers: ['ณัฐวุฒิ ใจดี', 'pimchanok.s'], totals: [58490, 12900], statusTexts: ['รอชำระเงิน', 'ยกเลิกแล้ว'] },
  { region: 'Indonesia, Bahasa Indonesia UI', file: 'order-list-id.html', url: 'https://seller-id.tokopedia.com/order?tab=all', currency: 'IDR', ids: ['580224436677889900', '580224432233445566'], buyers: ['Siti Rahmawati', 'andi.pratama'], totals: [584901, 129000], statusTexts: ['Menunggu Pembayaran', 'Dibatalkan'] },
  { region: 'Japan, Japanese UI', file: 'order-list-jp.html', url: 'https://seller-jp.tiktok.com/order?tab=all', currency: 'JPY', ids: ['581335547788990011', '581335543344556677'], buyers: ['佐藤 花子', 'tanaka_k'], totals: [5849, 1290], statusTexts: ['支払い待ち', 'キャンセル済み'] },
  { region: 'Germany, German UI', file: 'order-list-de.html', url: 'https://seller-de.tiktok.com/order?tab=all', currency: 'EUR', ids: ['582446658899001122', '582446654455667788'], buyers: ['Lena Schneider', 'max.mueller'], totals: [5849, 1290], statusTexts: ['Zahlung ausstehend', 'Storniert'] },
  { region: 'France, French UI', file: 'order-list-fr.html', url: 'https://seller-fr.tiktok.com/order?tab=all', currency: 'EUR', ids: ['583557769900112233', '583557765566778899'], buyers: ['Camille Dubois', 'lucas.martin'], totals: [5849, 1290], statusTexts: ['En attente de paiement', 'Annulée'] },
  { region: 'Spain, Spanish UI', file: 'order-list-es.html', url: 'https://seller-es.tiktok.com/order?tab=all', currency: 'EUR', ids: ['584668870011223344', '584668876677889900'], buyers: ['Lucía García', 'pablo.ruiz'], totals: [5849, 1290], statusTexts: ['Pendiente de pago', 'Cancelado'] },
  { region: 'Italy, Italian UI', file: 'order-list-it.html', url: 'https://seller-it.tiktok.com/order?tab=all', currency: 'EUR', ids: ['585779981122334455', '585779987788990011'], buyers: ['Giulia Rossi', 'marco.bianchi'], totals: [5849, 1290], statusTexts: ['In attesa di pagamento', 'Annullato'] },
] as const)('tiktokAdapter.readOrders: $region, all tab', ({ file, url, currency, ids, buyers, totals, statusTexts }) => {
  const read = readPage(renderFixture(raw(file), NOW), url);

  it('reads each order whole, its total in the region currency, the unpaid one unpaid and the cancelled one closed', () => {
    expect(read).toMatchObject({ platform: 'tiktok', unreadable: 0, complete: true, noRowsFound: false, unpaidOnly: false });
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount, o.status, o.statusText])).toEqual([
      [ids[0], buyers[0], { minor: totals[0], currency }, 'unpaid', statusTexts[0]],
      [ids[1], buyers[1], { minor: totals[1], currency }, 'closed', statusTexts[1]],
    ]);
    expect(read.orders[0]!.items.map((i) => i.qty)).toEqual([2]);
  });

  it('reads created times on the region clock and the countdown in the page language’s units', () => {
    expect(read.orders.map((o) => [o.createdAt, o.autoCloseAt])).toEqual([
      [NOW - 4 * HOUR, NOW + 19 * HOUR + 59 * MIN],
      [NOW - 24 * HOUR, undefined],
    ]);
  });
});

describe('the order number of a card that also prints a sub-order number', () => {
  it('is the number its element starts with, and "Sub-order ID" is no order-id label', () => {
    const html = renderFixture(raw('order-list-th.html'), NOW).replace('>579113325566778899<', '>579113325566778899<span> Sub-order ID: 579113325566778890</span><');
    expect(readPage(html, 'https://seller-th.tiktok.com/order?tab=all').orders.map((o) => o.orderId)).toEqual(['579113325566778899', '579113321122334455']);
  });
});

describe('the shop\'s market', () => {
  it('is the regional host\'s, else the global host\'s shop_region, else none (a bare "$" is then no market\'s own)', () => {
    expect(regionKey(new URL('https://seller-us.tiktok.com/order'))).toBe('us');
    expect(regionKey(new URL('https://seller-id.tokopedia.com/order'))).toBe('id');
    expect(regionKey(new URL('https://seller.tiktokglobalshop.com/order?tab=all&shop_region=SG'))).toBe('sg');
    expect(regionKey(new URL('https://seller.tiktokglobalshop.com/order?shop_region=jp'))).toBe('jp');
    expect(regionKey(new URL('https://seller.tiktokglobalshop.com/order?shop_region=ZZ'))).toBeUndefined();
    expect(regionKey(new URL('https://seller.tiktokglobalshop.com/order?tab=all'))).toBeUndefined();
  });
});
