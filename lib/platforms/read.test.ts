// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../test/support/fixtures.mjs';
import { isOtherPage, missedIds, orderNumbersShown, readIsWhole, readPage } from './read';
import { narrowed } from './filters';
import { shownFields } from './shadow';
import { pddAdapter } from './pdd/adapter';
import { shopeeAdapter } from './shopee/adapter';
import { taobaoAdapter } from './taobao/adapter';
import { STRUCTURE_GLOBAL, structureWanted, type StructureHost } from './structure/reader-host';
import type { PlatformAdapter } from './types';
import type { PageRead } from '../orders/model';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('orderNumbersShown', () => {
  it('counts the order numbers the page shows as text, in each platform format', () => {
    const doc = parse(`<main>
      <p>订单号: 3912830471625580441</p><p>订单号：3912830471625580552 商品ID 701234567890</p>
      <p>261123-384685998833090</p><p>261122Q9W8E7R6 and 26112212345678</p>
    </main>`);
    expect([...orderNumbersShown(doc, 'taobao')].sort()).toEqual(['3912830471625580441', '3912830471625580552']);
    expect([...orderNumbersShown(doc, 'pdd')]).toEqual(['261123-384685998833090']);
    // A Shopee number has a letter in its last eight characters; fourteen digits are something else.
    expect([...orderNumbersShown(doc, 'shopee')]).toEqual(['261122Q9W8E7R6']);
  });

  it('ignores numbers in scripts, attributes, links and form fields: a page\'s state lists orders it does not show', () => {
    const doc = parse(`<main>
      <script>window.__state = {"orders":["3912830471625580441"]}</script>
      <a href="/detail?orderId=3912830471625580552" data-id="3912830471625580663">详情</a>
      <textarea>3912830471625580774</textarea>
      <span>3912830471625580885</span>
    </main>`);
    expect([...orderNumbersShown(doc, 'taobao')]).toEqual(['3912830471625580885']);
  });

  it('reads same-origin frames too', () => {
    const doc = parse('<main><iframe></iframe></main>');
    const frame = doc.querySelector('iframe')!;
    Object.defineProperty(frame, 'contentDocument', { value: parse('<p>订单号 3912830471625580441</p>') });
    expect(orderNumbersShown(doc, 'taobao').size).toBe(1);
  });
});

describe('readIsWhole', () => {
  const order = (orderId: string) => ({ platform: 'taobao' as const, orderId, buyer: { nick: 'a' }, items: [], amount: { minor: 1, currency: 'CNY' }, status: 'unpaid' as const });
  const read = (o: Partial<PageRead>): PageRead => ({ platform: 'taobao', url: '', listKey: '', unpaidOnly: true, complete: true, orders: [order('1')], unreadable: 0, noRowsFound: false, ...o });

  it('takes a read whose every row was read, or a list that says it is empty', () => {
    expect(readIsWhole(read({}))).toBe(true);
    expect(readIsWhole(read({ orders: [], noRowsFound: false }))).toBe(true);
  });

  it('refuses no rows found, unreadable rows, missed order numbers, and an empty read that did not say so', () => {
    expect(readIsWhole(read({ orders: [], noRowsFound: true }))).toBe(false);
    expect(readIsWhole(read({ unreadable: 1 }))).toBe(false);
    expect(readIsWhole(read({ idsMissed: 2 }))).toBe(false);
    expect(readIsWhole(read({ orders: [], noRowsFound: undefined }))).toBe(false);
  });

  it('counts the shown numbers no read order carries', () => {
    expect(missedIds({ orders: [order('1'), order('2')] }, new Set(['1', '2', '3']))).toBe(1);
    expect(missedIds({ orders: [order('1')] }, new Set())).toBe(0);
  });
});

describe('an unpaid order that reads as nothing due', () => {
  const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
  const URL_ = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1';
  const page = () => parse(renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/pdd/orders-unpaid.html'), 'utf8'), NOW));
  const FIRST = '261123-384685998833090';

  it('is never read as a total of nothing: another reader reads it, or it is counted unreadable and the read is not whole', () => {
    // An adapter that misreads the first order's total as ¥0.00 (what was paid of it so far): the structural reader reads it.
    const misreading: PlatformAdapter = {
      ...pddAdapter,
      readOrders: (doc, href, now) => {
        const read = pddAdapter.readOrders(doc, href, now)!;
        return { ...read, orders: read.orders.map((o) => (o.orderId === FIRST ? { ...o, amount: { ...o.amount, minor: 0 } } : o)) };
      },
    };
    const read = readPage(page(), misreading, URL_, NOW)!;
    expect(read.orders.find((o) => o.orderId === FIRST)?.amount.minor).toBe(13100);
    expect(read.orders.every((o) => o.amount.minor > 0)).toBe(true);
    // A page that itself shows ¥0.00 where the total is: no reader can tell what is due.
    const doc = page();
    const block = [...doc.querySelectorAll(`[data-fixture-order="${FIRST}"]`)];
    for (const el of block) {
      const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.includes('131.00')) node.nodeValue = node.nodeValue.replace('131.00', '0.00');
    }
    const zero = readPage(doc, pddAdapter, URL_, NOW)!;
    expect(zero.orders.map((o) => o.orderId)).not.toContain(FIRST);
    expect(zero.unreadable).toBeGreaterThan(0);
    expect(readIsWhole(zero)).toBe(false);
  });
});

describe('an order listed without a status word', () => {
  const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
  const page = () => parse(renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/pdd/orders-unpaid.html'), 'utf8'), NOW));
  // The adapter's read of the unpaid tab with every status word gone (a list that shows a countdown, or an icon).
  const wordless = (unpaidOnly: boolean): PlatformAdapter => ({
    ...pddAdapter,
    readOrders: (doc, href, now) => {
      const read = pddAdapter.readOrders(doc, href, now)!;
      return { ...read, unpaidOnly, orders: read.orders.map((o) => ({ ...o, status: 'unknown' as const })) };
    },
  });
  const URL_ = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1';

  it('is unpaid on the unpaid tab, and stays unknown on any other list', () => {
    const onTab = readPage(page(), wordless(true), URL_, NOW)!;
    expect(onTab.orders.length).toBeGreaterThan(0);
    expect(onTab.orders.every((o) => o.status === 'unpaid')).toBe(true);
    const elsewhere = readPage(page(), wordless(false), URL_, NOW)!;
    expect(elsewhere.orders.every((o) => o.status === 'unknown')).toBe(true);
  });
});

describe("another page of the back-office (refunds, disputes, logistics, finance, reviews)", () => {
  const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
  const page = () => parse(renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/pdd/orders-unpaid.html'), 'utf8'), NOW));

  it('is never read as an order list, whatever its rows show (pages written blind)', () => {
    // The same rows served at another page's address: no read, so no order is written and no banner offers teaching.
    for (const url of [
      'https://mms.pinduoduo.com/aftersales/refund/list',
      'https://mms.pinduoduo.com/cashier/finance/settlement-detail?msfrom=mms_sidenav',
      'https://mms.pinduoduo.com/orders/logistics?msfrom=mms_sidenav',
      'https://mms.pinduoduo.com/home/#/evaluation/list',
    ]) {
      expect(isOtherPage(url), url).toBe(true);
      expect(readPage(page(), pddAdapter, url, NOW), url).toBeNull();
    }
    expect(readPage(page(), pddAdapter, 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1', NOW)?.orders.length).toBeGreaterThan(0);
  });

  it('leaves every order list PayNudge knows an order list: each fixture route and each page written blind', async () => {
    const urls: string[] = [];
    for (const p of ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee']) {
      const { routes } = (await import(`../../test/fixtures/${p}/routes.mjs`)) as { routes: Array<{ url: string }> };
      urls.push(...routes.map((r) => r.url));
    }
    const dir = resolve(import.meta.dirname, '../../test/fixtures/unseen');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) urls.push((JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { url: string }).url);
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter(isOtherPage)).toEqual([]);
  });

  it('is told by the path alone: a query that names another page leaves an order list one', () => {
    expect(isOtherPage('https://mms.pinduoduo.com/orders/list?from=refund&returnUrl=/finance')).toBe(false);
    expect(isOtherPage('https://csp.aliexpress.com/m_apps/aftersale/disputeList?channelId=238299')).toBe(true);
    expect(isOtherPage('https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay')).toBe(false);
    expect(isOtherPage('https://trade.taobao.com/trade/itemlist/list_sold_items.htm')).toBe(false);
    expect(isOtherPage('https://biz.alibaba.com/ta/fund/paymentReceived.htm')).toBe(true);
  });
});

describe('a frame without the structural reader yet (it is injected the first time the selectors read short)', () => {
  const NOW = Date.UTC(2026, 11, 6, 4, 0, 0);
  // A page written blind in utility classes: the selectors find no row of it, the structural reader reads every order.
  const unseen = (name: string) => resolve(import.meta.dirname, '../../test/fixtures/unseen', name);
  const answers = JSON.parse(readFileSync(unseen('pdd-tailwind-cards-all.json'), 'utf8')) as { url: string; orders: Array<{ orderId: string }> };
  const page = () => parse(readFileSync(unseen('pdd-tailwind-cards-all.html'), 'utf8'));
  const without = <T>(run: () => T): T => {
    const host = globalThis as StructureHost;
    const reader = host[STRUCTURE_GLOBAL];
    delete host[STRUCTURE_GLOBAL];
    try {
      return run();
    } finally {
      host[STRUCTURE_GLOBAL] = reader;
    }
  };

  it('reads the page short and never whole, and says the reader is wanted; with it, the page reads in full', () => {
    structureWanted();
    const short = without(() => readPage(page(), pddAdapter, answers.url, NOW))!;
    expect(structureWanted()).toBe(true);
    expect(short.orders.length).toBeLessThan(answers.orders.length);
    expect(readIsWhole(short)).toBe(false);
    const full = readPage(page(), pddAdapter, answers.url, NOW)!;
    expect(structureWanted()).toBe(false);
    expect(full.orders.map((o) => o.orderId).sort()).toEqual(answers.orders.map((o) => o.orderId).sort());
    expect(full.readPath).toBe('structure');
    expect(readIsWhole(full)).toBe(true);
  });

  it('is not wanted where the selectors read the page whole', () => {
    const fixture = parse(renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/pdd/orders-unpaid.html'), 'utf8'), NOW));
    structureWanted();
    const read = without(() => readPage(fixture, pddAdapter, 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1', NOW))!;
    expect(read.orders.length).toBeGreaterThan(0);
    expect(readIsWhole(read)).toBe(true);
    expect(structureWanted()).toBe(false);
  });
});

describe('a list narrowed by a search the person typed', () => {
  const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
  const URL_ = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1';
  const page = (search: string) => {
    const doc = parse(renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/pdd/orders-unpaid.html'), 'utf8'), NOW));
    const form = doc.createElement('form');
    form.innerHTML = `<label>订单号 <input type="text" name="sn"></label><label>下单时间 <input type="text" name="range"></label>`;
    doc.body.prepend(form);
    const [sn, range] = [...form.querySelectorAll('input')];
    sn!.value = search;
    range!.value = '2026-11-01 ~ 2026-11-23';
    return doc;
  };

  it('is never complete: an unpaid order it leaves out has not left the tab (a date range\'s default narrows nothing)', () => {
    const plain = readPage(page(''), pddAdapter, URL_, NOW)!;
    expect(plain.complete).toBe(true);
    expect(readIsWhole(plain)).toBe(true);
    for (const search of ['小美', '261123-384685998833090', 'A', '  t**8 ']) {
      const read = readPage(page(search), pddAdapter, URL_, NOW)!;
      expect(read.orders.length).toBe(plain.orders.length);
      expect(read.complete).toBe(false);
    }
    expect(narrowed(page('').body.ownerDocument)).toBe(false);
    // A pager's "go to page" box holds a page number, no search.
    expect(readPage(page('2'), pddAdapter, URL_, NOW)!.complete).toBe(true);
  });
});

describe('order data shown in read-only form fields', () => {
  const NOW = Date.UTC(2026, 11, 6, 4, 0, 0);
  const URL = 'https://seller.shopee.com.my/portal/sale/order?type=unpaid';
  // A "form view": each order's number and buyer show only as the values of read-only inputs the seller can copy.
  const card = (sn: string, buyer: string, total: string, { readonly = 'readonly' } = {}) => `
    <fieldset class="f-order">
      <div class="f-row"><label>Order ID</label><input class="f-in" ${readonly} value="${sn}"><button type="button">Copy</button></div>
      <div class="f-row"><label>Buyer</label><input class="f-in" ${readonly} value="${buyer}"></div>
      <div class="f-row"><span>Unpaid</span></div>
      <div class="f-row"><span class="f-goods">Cotton tote bag x1</span></div>
      <div class="f-row"><label>Order Total</label><span>${total}</span></div>
    </fieldset>`;
  const page = (cards: string, search = '') =>
    parse(`<main><h1>My Orders</h1><div class="f-search"><input placeholder="Search order ID" value="${search}"></div>
      <div class="f-tabs"><span>All</span><span class="on">Unpaid (3)</span></div>${cards}</main>`);
  const three = (opts?: { readonly?: string }) =>
    card('261206RK4M2P9Q', 'aina.rahman', 'RM45.90', opts) + card('261206T8VX0B3C', 'kokwei_88', 'RM128.00', opts) + card('261205HH7DN1QZ', 'siti.nur', 'RM9.50', opts);

  it('is read: the numbers and buyers the fields show, as the person sees them (it was taken for no order list)', () => {
    const read = readPage(page(three()), shopeeAdapter, URL, NOW)!;
    expect(read).not.toBeNull();
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor, o.status])).toEqual([
      ['261206RK4M2P9Q', 'aina.rahman', 4590, 'unpaid'],
      ['261206T8VX0B3C', 'kokwei_88', 12800, 'unpaid'],
      ['261205HH7DN1QZ', 'siti.nur', 950, 'unpaid'],
    ]);
    expect(read.unreadable).toBe(0);
  });

  it('is disabled fields too; an editable field is what someone is typing, never the order\'s data', () => {
    expect(readPage(page(three({ readonly: 'disabled' })), shopeeAdapter, URL, NOW)?.orders).toHaveLength(3);
    // Editable: a search the seller typed holds an order number, the rows' fields are being edited. No order list.
    expect(readPage(page(three({ readonly: '' }), '261206RK4M2P9Q'), shopeeAdapter, URL, NOW)).toBeNull();
  });

  it('are told from a filter\'s read-only boxes (a date picker, a period, "全部"), which hold no order\'s data', () => {
    const doc = parse(`<main><input readonly value="2026-11-29 00:00:00"><input readonly value="2026-11-29 ~ 2026-12-06"><input readonly value="近7天">
      <input readonly value="全部"><input disabled value="All"><input readonly value="tb_lulu_93"><input readonly value="261206RK4M2P9Q"><input readonly value="261206-773412090586134"><input value="typed"></main>`);
    // A Pinduoduo order number is digits and a dash, as a date range's text is: only a date's shape is a filter's.
    expect(shownFields(doc).map((el) => (el as HTMLInputElement).value)).toEqual(['tb_lulu_93', '261206RK4M2P9Q', '261206-773412090586134']);
  });

  it('reads a page whose buyers alone are in such fields, where the read by text alone leaves every order unreadable', () => {
    const answers = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/unseen/taobao-inlineedit-all.json'), 'utf8')) as { url: string; orders: Array<{ orderId: string; buyer: string }> };
    const html = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/unseen/taobao-inlineedit-all.html'), 'utf8');
    const read = readPage(parse(html), taobaoAdapter, answers.url, NOW)!;
    expect(read.unreadable).toBe(0);
    expect(Object.fromEntries(read.orders.map((o) => [o.orderId, o.buyer.nick]))).toEqual(Object.fromEntries(answers.orders.map((o) => [o.orderId, o.buyer])));
    // The fields as they were, no text: the same page with each field's value unset reads its orders unreadable.
    const blank = parse(html);
    for (const el of blank.querySelectorAll('input[readonly]')) (el as HTMLInputElement).value = '';
    expect(readPage(blank, taobaoAdapter, answers.url, NOW)!.orders).toHaveLength(0);
  });
});
