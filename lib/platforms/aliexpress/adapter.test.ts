// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { describeTableMutations } from '../../../test/support/adapter-tests';
import { aliexpressAdapter } from './adapter';
import type { ObservedOrder, PageRead } from '../../orders/model';

// 2026-11-23 04:00:00 UTC: 12:00 in Beijing, 20:00 the day before in Los Angeles (PST, UTC-8).
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EN_URL = 'https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299';
const ZH_URL = 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS';

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/aliexpress', file), 'utf8');
const EN_HTML = renderFixture(raw('order-list-en.html'), NOW);
const ZH_HTML = renderFixture(raw('order-list-zh.html'), NOW);
const BROKEN_HTML = renderFixture(raw('order-list-broken.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string | Document, url: string): PageRead {
  const read = aliexpressAdapter.readOrders(typeof html === 'string' ? parse(html) : html, url, NOW);
  expect(read).not.toBeNull();
  return read!;
}
const byId = (read: PageRead): Record<string, ObservedOrder> => Object.fromEntries(read.orders.map((o) => [o.orderId, o]));

describe('aliexpressAdapter: English back-office, all orders, Pacific time', () => {
  const read = readPage(EN_HTML, EN_URL);
  const orders = byId(read);

  it('reads every order with its status, in page order', () => {
    expect(read.orders.map((o) => [o.orderId, o.status, o.statusText])).toEqual([
      ['8193047726510234', 'unpaid', 'Awaiting payment'],
      ['8192877410056612', 'paid', 'Awaiting shipment'],
      ['8193051190023377', 'unpaid', 'Awaiting payment'],
      ['8192650031187745', 'closed', 'Order closed'],
      ['8193060072219981', 'unpaid', 'Awaiting payment'],
    ]);
    expect(read).toMatchObject({ platform: 'aliexpress', url: EN_URL, unpaidOnly: false, complete: true, unreadable: 0, noRowsFound: false, selectorsVersion: 'aliexpress-2026-11-24' });
    expect(read.listKey).toBe('csp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299#tab=All orders&page=1');
  });

  it('reads a multi-item order exactly: buyer as literal text, items, total (not a unit price), chat link', () => {
    expect(orders['8193047726510234']).toEqual({
      platform: 'aliexpress',
      orderId: '8193047726510234',
      buyer: { nick: '<img src=x onerror=alert(1)>' },
      items: [
        { title: 'Wireless Earbuds Bluetooth 5.3 TWS Headphones with Charging Case', sku: 'Color: Black; Ships From: China', qty: 2, unitPrice: { minor: 875, currency: 'USD' } },
        { title: 'Silicone Protective Case for Earbuds', sku: 'Color: Pink', qty: 1, unitPrice: { minor: 250, currency: 'USD' } },
      ],
      amount: { minor: 2350, currency: 'USD' },
      // Ordered 5 hours ago, shown as Los Angeles wall time.
      createdAt: NOW - 5 * HOUR,
      // "Payment time left: 19d 19h 0m" shown by the page.
      autoCloseAt: NOW + 19 * DAY + 19 * HOUR,
      autoCloseEstimated: undefined,
      status: 'unpaid',
      statusText: 'Awaiting payment',
      chatUrl: 'https://gsp.aliexpress.com/m_apps/im-chat/im#/window?buyerLoginId=us1048829931&orderId=8193047726510234',
    });
  });

  it('reads money in every local format into minor units', () => {
    expect(orders['8192877410056612']!.amount).toEqual({ minor: 5990, currency: 'BRL' }); // R$ 59,90
    expect(orders['8193051190023377']!.amount).toEqual({ minor: 1250, currency: 'EUR' }); // €12,50
    expect(orders['8193060072219981']!.amount).toEqual({ minor: 246912, currency: 'RUB' }); // 2 469,12 руб.
    expect(orders['8192650031187745']!.amount).toEqual({ minor: 120000, currency: 'USD' }); // US $1,200.00
  });

  it('keeps RTL and emoji nicks and a long note intact', () => {
    expect(orders['8193051190023377']!.buyer.nick).toBe('محمد العتيبي');
    expect(orders['8192877410056612']!.buyer.nick).toBe('Ana Paula 🌸');
    expect(orders['8193060072219981']!.items).toEqual([{ title: 'Thermal Winter Gloves Touchscreen Men Women', sku: 'Size: XL; Color: Grey', qty: 2, unitPrice: { minor: 123456, currency: 'RUB' } }]);
  });

  it('reads the countdown in the status cell below the status badge, not only inside the badge (a page written blind)', () => {
    const doc = parse(EN_HTML);
    const desc = doc.querySelector('[data-fixture-order="8193047726510234"] .chc-state-label__desc')!;
    desc.textContent = 'Closes in 22h 47m';
    // The badge holds the status alone; the countdown is a line of its own under it in the same cell.
    desc.closest('td')!.querySelector('.next-table-cell-wrapper')!.append(desc);
    const order = byId(readPage(doc, EN_URL))['8193047726510234']!;
    expect(order).toMatchObject({ status: 'unpaid', autoCloseAt: NOW + 22 * HOUR + 47 * 60_000, autoCloseEstimated: undefined });
  });

  it('reads a countdown in a cell of its own, beside the status, whose words run into the next line (a page written blind)', () => {
    const doc = parse(EN_HTML);
    const desc = doc.querySelector('[data-fixture-order="8193047726510234"] .chc-state-label__desc')!;
    // A column of its own after the status's ("Prazo de pagamento"), the countdown's last unit right before a link's
    // words in the page's text.
    const row = desc.closest('tr')!;
    desc.remove();
    row.insertAdjacentHTML('beforeend', '<td><div>Fecha em 23 h 12 min</div><a href="#">Ver detalhes</a></td>');
    expect(row.textContent).toContain('minVer');
    const order = byId(readPage(doc, EN_URL))['8193047726510234']!;
    expect(order).toMatchObject({ status: 'unpaid', autoCloseAt: NOW + 23 * HOUR + 12 * 60_000, autoCloseEstimated: undefined });
  });

  it('reads a date in that cell only on a clock the page names: by a note of any class, found by its words (a page written blind)', () => {
    const doc = parse(EN_HTML);
    const desc = doc.querySelector('[data-fixture-order="8193047726510234"] .chc-state-label__desc')!;
    const row = desc.closest('tr')!;
    desc.remove();
    row.insertAdjacentHTML('beforeend', '<td><div class="dl-abs"><span>Pagar até</span> seg., 7 de dez. de 2026, 00:05</div></td>');
    const note = doc.querySelector('[class*="timezone"]')!;
    const closes = () => byId(readPage(doc, EN_URL))['8193047726510234']!;
    // The note under a class no selector knows: its words name Brasília's clock, three hours behind UTC.
    note.className = 'tz';
    note.textContent = 'Horário de Brasília (GMT-3)';
    expect(closes()).toMatchObject({ status: 'unpaid', autoCloseAt: Date.UTC(2026, 11, 7, 3, 5), autoCloseEstimated: undefined });
    // No note: China's clock would put the deadline 11 hours early, so the date is left (an estimate stands in).
    note.remove();
    expect(closes()).toMatchObject({ status: 'unpaid', autoCloseEstimated: true });
  });

  it('reads a created date day first where the page is in a language that writes it so', () => {
    const doc = parse(EN_HTML);
    const time = doc.querySelector('[data-fixture-order="8193051190023377"] [class*="header--value--"]')!;
    time.textContent = '04/11/2026 22:15';
    const created = (lang: string) => {
      doc.documentElement.lang = lang;
      return byId(readPage(doc, EN_URL))['8193051190023377']!.createdAt;
    };
    // Month first in English (US Pacific time, as this page states); day first in Portuguese: 4 November.
    expect(created('en')).toBe(Date.UTC(2026, 3, 12, 5, 15));
    expect(created('pt-BR')).toBe(Date.UTC(2026, 10, 5, 6, 15));
  });

  it('estimates the deadline 20 days after creation when no countdown is shown, only for unpaid orders', () => {
    const abaya = orders['8193051190023377']!;
    expect(abaya.createdAt).toBe(NOW - 30 * HOUR);
    expect(abaya.autoCloseAt).toBe(abaya.createdAt! + 20 * DAY);
    expect(abaya.autoCloseEstimated).toBe(true);
    expect(orders['8192877410056612']!.autoCloseAt).toBeUndefined();
    expect(orders['8192650031187745']!.autoCloseAt).toBeUndefined();
  });

  it('reads times as China time when the page names no zone', () => {
    const doc = parse(EN_HTML);
    doc.querySelector('[class*="timezone"]')!.textContent = '';
    // Same wall time, read 16 hours earlier (UTC+8 instead of UTC-8).
    expect(byId(readPage(doc, EN_URL))['8193051190023377']!.createdAt).toBe(NOW - 30 * HOUR - 16 * HOUR);
    doc.querySelector('[class*="timezone"]')!.textContent = 'Time zone: GMT+3';
    expect(byId(readPage(doc, EN_URL))['8193051190023377']!.createdAt).toBe(NOW - 30 * HOUR - 11 * HOUR);
  });

  it('is idempotent: reading the same page twice gives the same read', () => {
    const doc = parse(EN_HTML);
    expect(readPage(doc, EN_URL)).toEqual(readPage(doc, EN_URL));
  });
});

describe('aliexpressAdapter: Chinese back-office, 等待买家付款 tab', () => {
  const read = readPage(ZH_HTML, ZH_URL);
  const orders = byId(read);

  it('reads the unpaid tab with columns in another order, China time and a 剩余 countdown', () => {
    expect(read.unpaidOnly).toBe(true);
    expect(read.listKey).toBe('gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299#tab=等待买家付款&page=1');
    expect(read.orders.map((o) => o.orderId)).toEqual(['8193102283340016', '8193110056671208']);
    expect(orders['8193102283340016']).toMatchObject({
      buyer: { nick: 'Lucas Silva' },
      amount: { minor: 4500, currency: 'USD' },
      createdAt: NOW - 2 * HOUR,
      autoCloseAt: NOW + 2 * DAY + 3 * HOUR,
      status: 'unpaid',
      statusText: '等待买家付款',
    });
    expect(orders['8193102283340016']!.items.map((i) => [i.title, i.sku, i.qty, i.unitPrice?.minor])).toEqual([
      ['男士户外冲锋衣 防水防风 三合一', '颜色: 军绿; 尺码: XL', 1, 4000],
      ['Waterproof Hiking Socks 3 Pairs', 'Size: 42-44', 1, 500],
    ]);
    expect(orders['8193110056671208']).toMatchObject({ buyer: { nick: 'Nguyễn Thị Hoa' }, amount: { minor: 999, currency: 'USD' }, createdAt: NOW - 26 * HOUR, autoCloseEstimated: true });
  });

  it('believes the visible tab over the URL', () => {
    expect(readPage(EN_HTML, `${EN_URL}&orderStatus=PLACE_ORDER_SUCCESS`).unpaidOnly).toBe(false);
    const doc = parse(ZH_HTML);
    for (const tab of doc.querySelectorAll('[role="tab"]')) tab.remove();
    expect(readPage(doc, ZH_URL).unpaidOnly).toBe(true);
    expect(readPage(doc, 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299').unpaidOnly).toBe(false);
  });

  it('gives page 2 a different listKey and calls a list with a live next button incomplete', () => {
    const page2 = ZH_HTML.replace('<button class="next-btn next-pagination-item next-current">1</button>', '<button class="next-btn next-pagination-item">1</button><button class="next-btn next-pagination-item next-current">2</button>');
    const read2 = readPage(page2, ZH_URL);
    expect(read2.listKey).toContain('page=2');
    expect(read2.complete).toBe(false);
    expect(readPage(ZH_HTML.replace('next-pagination-item next-next" disabled', 'next-pagination-item next-next"'), ZH_URL).complete).toBe(false);
  });
});

describe('aliexpressAdapter: damage and health', () => {
  it('flags a redesigned list with headers but no readable rows', () => {
    const read = readPage(BROKEN_HTML, 'https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=510077');
    expect(read).toMatchObject({ orders: [], noRowsFound: true, selectorsVersion: 'aliexpress-2026-11-24' });
  });

  it('reads an empty list with its empty-state text as empty, not broken', () => {
    const doc = parse(ZH_HTML);
    doc.getElementById('orders')!.replaceChildren(doc.createTextNode('暂无数据'));
    expect(readPage(doc, ZH_URL)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: false });
  });

  it('never takes a unit price or a shipping fee for the total', () => {
    const doc = parse(EN_HTML);
    // The amount element loses its class: the cell still shows the total and the shipping line, labelled
    // ("Shipping: US $3.50"), so the total is the other amount.
    doc.querySelector('[data-fixture-order="8193047726510234"] [class*="amount--amount--"]')!.className = 'x';
    // The other one's amount cell disappears altogether: the unit price left in the row must not stand in.
    doc.querySelector('[data-fixture-order="8193051190023377"] [class*="amount--amount--"]')!.closest('td')!.remove();
    const read = readPage(doc, EN_URL);
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).toEqual(['8193047726510234', '8192877410056612', '8192650031187745', '8193060072219981']);
    expect(byId(read)['8193047726510234']!.amount).toEqual({ minor: 2350, currency: 'USD' });
    // The same cell with the shipping amount unlabelled: which is the total is a guess, so the order is refused.
    const unlabelled = parse(EN_HTML);
    const amount = unlabelled.querySelector('[data-fixture-order="8193047726510234"] [class*="amount--amount--"]')!;
    amount.className = 'x';
    amount.nextElementSibling!.textContent = 'US $3.50';
    expect(readPage(unlabelled, EN_URL).orders.map((o) => o.orderId)).not.toContain('8193047726510234');
  });

  it('reads the total from the amount column when the class is gone and the cell shows one sum', () => {
    const doc = parse(EN_HTML);
    const amount = doc.querySelector('[data-fixture-order="8193051190023377"] [class*="amount--amount--"]')!;
    amount.className = 'renamed';
    expect(byId(readPage(doc, EN_URL))['8193051190023377']!.amount).toEqual({ minor: 1250, currency: 'EUR' });
  });

  it('reads the same after every hashed class suffix changes', () => {
    const drifted = EN_HTML.replace(/(--[A-Za-z]+--)([A-Za-z0-9]{5})(?![A-Za-z0-9])/g, (_m, prefix: string) => `${prefix}Zz9Q1`);
    expect(drifted).not.toContain('amount--amount--2Zx9p');
    expect(readPage(drifted, EN_URL)).toEqual(readPage(EN_HTML, EN_URL));
  });

  it('returns null for a page with no order list', () => {
    expect(aliexpressAdapter.readOrders(parse('<html><body><div class="home">Seller Center home</div></body></html>'), 'https://csp.aliexpress.com/m_apps/home', NOW)).toBeNull();
  });
});

describeTableMutations({
  label: 'aliexpressAdapter',
  adapter: aliexpressAdapter,
  html: EN_HTML,
  url: EN_URL,
  now: NOW,
  columns: 6,
  cell: 'td',
  rows: 'thead tr, tr.next-table-row-item',
  total: '[class*="amount--amount--"]',
  named: '[class*="--"]',
  maxOrders: 5,
});

describe('aliexpressAdapter: im-chat', () => {
  const CHAT = `<div class="im-layout--wrap--2Kd8s"><ul class="im-session--list--3Bn1w"><li class="im-session--item--1Hs7d im-session--active--0Pa3q"><div class="im-session--name--2Tg5h">محمد العتيبي</div></li></ul>
    <div class="im-window--main--2Yt6c"><div class="im-chat-header--bar--1Lq8w"><span class="im-chat-header--name--3Pz1x">محمد العتيبي</span></div>
    <div class="im-input--box--3Rf7t"><textarea class="im-input--textarea--1Jk8u"></textarea><button id="send">Send</button></div></div></div>`;

  it('reads the buyer of the open conversation and finds the textarea composer', () => {
    const doc = parse(CHAT);
    expect(aliexpressAdapter.chatBuyer(doc)).toEqual({ nick: 'محمد العتيبي' });
    expect(aliexpressAdapter.findComposer(doc)?.className).toBe('im-input--textarea--1Jk8u');
    expect(aliexpressAdapter.readOrders(doc, 'https://gsp.aliexpress.com/m_apps/im-chat/im#/window', NOW)).toBeNull();
  });

  it('finds no buyer and no composer on the order list', () => {
    const doc = parse(ZH_HTML);
    expect(aliexpressAdapter.chatBuyer(doc)).toBeUndefined();
    // The search box of the list is an input, not a chat composer.
    expect(aliexpressAdapter.findComposer(doc)).toBeNull();
  });
});

describe('aliexpressAdapter: a sub-order number beside the order number', () => {
  it('stores each order under its own number, not the sub-order number written after it, whatever the label\'s language', () => {
    const doc = parse(EN_HTML);
    const ids = readPage(doc, EN_URL).orders.map((o) => o.orderId);
    expect(ids.length).toBeGreaterThan(1);
    // A French label, which the adapter does not know, with the sub-order number inside the number's own element.
    for (const label of doc.querySelectorAll('[class*="header--label--"]')) if (/Order ID/.test(label.textContent ?? '')) label.textContent = 'N° de commande :';
    for (const value of doc.querySelectorAll('[class*="header--valueHighLight--"]')) {
      const id = value.textContent!.trim();
      value.append(` Sub-order ID: ${id.slice(0, -1)}${(Number(id.slice(-1)) + 1) % 10}`);
    }
    expect(readPage(doc, EN_URL).orders.map((o) => o.orderId)).toEqual(ids);
  });
});
