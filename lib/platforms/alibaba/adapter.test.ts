// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { alibabaAdapter, readStages } from './adapter';
import { selectors } from './selectors';
import type { ObservedOrder, PageRead } from '../../orders/model';
import { runs, limit } from '../../../test/support/fuzz';
import { breathe } from '../../../test/support/dom';

// 2026-11-23 12:00:00 in Beijing, 04:00:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const LIST_URL = 'https://biz.alibaba.com/ta/order/list.htm?tab=unpay';
const MESSENGER_URL = 'https://message.alibaba.com/message/messenger.htm';
const MARIA = `María <b>O'Brien</b> & "Co" مرحبا`;

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/alibaba', file), 'utf8');
const UNPAID_HTML = renderFixture(raw('order-list-unpaid-en.html'), NOW);
const ALL_HTML = renderFixture(raw('order-list-all-zh.html'), NOW);
const BROKEN_HTML = renderFixture(raw('order-list-broken.html'), NOW);
const MESSENGER_HTML = raw('messenger-static.html');

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string, url = LIST_URL): PageRead {
  const read = alibabaAdapter.readOrders(parse(html), url, NOW);
  expect(read).not.toBeNull();
  return read!;
}

const byId = (read: PageRead): Record<string, ObservedOrder> => Object.fromEntries(read.orders.map((o) => [o.orderId, o]));

function editBlock(html: string, orderId: string, edit: (block: Element) => void): string {
  const doc = parse(html);
  const block = doc.querySelector(`[data-fixture-order="${orderId}"]`);
  if (!block) throw new Error(`fixture has no order ${orderId}`);
  edit(block);
  return doc.documentElement.outerHTML;
}

describe('alibabaAdapter.readOrders: the English "Awaiting payment" tab', () => {
  const read = readPage(UNPAID_HTML);
  const orders = byId(read);

  it('reads every order with its exact 18-digit id, in page order', () => {
    expect(read.orders.map((o) => o.orderId)).toEqual(['235876451002019725', '235876451002019811', '235876451002020004']);
    expect(read).toMatchObject({ platform: 'alibaba', unreadable: 0, unpaidOnly: true, complete: true, noRowsFound: false, selectorsVersion: 'alibaba-2026-11-23' });
    expect(read.listKey).toBe('biz.alibaba.com/ta/order/list.htm#tab=Awaiting payment&page=1');
  });

  it('reads a Trade Assurance order exactly, its stages kept in the status text', () => {
    expect(orders['235876451002019725']).toEqual({
      platform: 'alibaba',
      orderId: '235876451002019725',
      buyer: { nick: 'John Smith', displayName: 'Acme Trading LLC' },
      items: [
        { title: 'Custom 925 Sterling Silver Pendant, Logo Engraved', qty: 200, unitPrice: { minor: 2000, currency: 'USD' } },
        { title: 'Rope Chain 45cm, Gold Plated', qty: 500, unitPrice: { minor: 200, currency: 'USD' } },
      ],
      amount: { minor: 500000, currency: 'USD' },
      // 5 hours before 12:00 Beijing time.
      createdAt: NOW - 5 * HOUR,
      autoCloseAt: undefined,
      status: 'unpaid',
      statusText: 'Awaiting payment | initial US$1,500.00 / balance US$3,500.00',
      chatUrl: 'https://message.alibaba.com/message/messenger.htm?activeAccountId=acme_john&activeAccountIdEncrypt=8sKd2',
    });
    // Cards without a contact link give no chat link rather than a guess.
    expect(orders['235876451002020004']!.chatUrl).toBeUndefined();
  });

  it('keeps a hostile buyer name as literal text, its right-to-left override dropped, and reads "US$1,200"', () => {
    const led = orders['235876451002019811']!;
    expect(led.buyer).toEqual({ nick: MARIA, displayName: 'Łódź Import Sp. z o.o.' });
    expect(led.items[0]!.title).toBe('LED Panel Light 600x600 40W 🌟 <script>alert(1)</script>');
    expect(led.amount).toEqual({ minor: 120000, currency: 'USD' });
  });

  it('turns the shown auto-cancel countdown into a deadline', () => {
    expect(orders['235876451002019811']!.autoCloseAt).toBe(NOW + 47.5 * HOUR);
    expect(orders['235876451002019811']!.autoCloseEstimated).toBeUndefined();
  });

  it('reads a euro total with European separators', () => {
    expect(orders['235876451002020004']!.amount).toEqual({ minor: 1250000, currency: 'EUR' });
    expect(orders['235876451002020004']!.items[0]!.unitPrice).toEqual({ minor: 25000, currency: 'EUR' });
  });
});

describe('alibabaAdapter.readOrders: the Chinese "全部订单" tab', () => {
  const read = readPage(ALL_HTML);
  const orders = byId(read);

  it('reads unpaid, balance-due, paid and cancelled orders for what they are', () => {
    expect(Object.fromEntries(read.orders.map((o) => [o.orderId, o.status]))).toEqual({
      '235876451002019725': 'unpaid', // 待付款
      '235876451001887340': 'unpaid', // 待付尾款: the balance is still due
      '235876451001500218': 'paid', // 待发货
      '235876451001433001': 'closed', // 已取消
    });
    expect(read.unpaidOnly).toBe(false);
    expect(read.unreadable).toBe(0);
  });

  it('reads Chinese labels, "1,000 件" quantities and the deposit already paid', () => {
    expect(orders['235876451001500218']!.items).toEqual([{ title: 'Cotton T-Shirt Blank 180gsm', qty: 1000, unitPrice: { minor: 180, currency: 'USD' } }]);
    expect(orders['235876451001887340']!.statusText).toBe('待付尾款 | initial US$3,000.00 paid / balance US$7,000.00');
    expect(orders['235876451002019725']!.createdAt).toBe(NOW - 5 * HOUR);
    expect(orders['235876451001887340']!.chatUrl).toBe('https://onetalk.alibaba.com/message/weblitePWA.htm#/?activeAccountId=gulf_aisha');
  });

  it('exposes the stages for a milestone plan', () => {
    const doc = parse(ALL_HTML);
    expect(readStages(doc.querySelector('[data-fixture-order="235876451001887340"]')!, 'USD')).toEqual([
      { kind: 'initial', amount: { minor: 300000, currency: 'USD' }, paid: true },
      { kind: 'balance', amount: { minor: 700000, currency: 'USD' }, paid: false },
    ]);
  });

  it('knows page 1 of 2 is not the whole list', () => {
    expect(read.complete).toBe(false);
    expect(readPage(UNPAID_HTML).complete).toBe(true);
  });

  it('gives the two tabs different listKeys', () => {
    expect(read.listKey).not.toBe(readPage(UNPAID_HTML).listKey);
  });
});

describe('alibabaAdapter.readOrders: damage and drift', () => {
  it('says "no rows found" when the list frame is there but the cards were renamed', () => {
    const read = readPage(BROKEN_HTML);
    expect(read).toMatchObject({ orders: [], unreadable: 0, noRowsFound: true, unpaidOnly: true, selectorsVersion: 'alibaba-2026-11-23' });
  });

  it('does not cry wolf over an empty list', () => {
    const doc = parse(UNPAID_HTML);
    doc.querySelector('[class*="order-list--body--"]')!.replaceChildren(Object.assign(doc.createElement('p'), { textContent: 'No orders found' }));
    expect(alibabaAdapter.readOrders(doc, LIST_URL, NOW)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: false });
  });

  it('counts a card without a total as unreadable and never guesses the currency', () => {
    const html = editBlock(UNPAID_HTML, '235876451002019811', (b) => (b.querySelector('[class*="order-amount--total"]')!.textContent = '1,200'));
    const read = readPage(html);
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).toEqual(['235876451002019725', '235876451002020004']);
  });

  it('reads the id from the "Order No." text when the detail link is gone', () => {
    const html = editBlock(UNPAID_HTML, '235876451002020004', (b) => {
      for (const a of b.querySelectorAll('a[href*="orderId="]')) a.removeAttribute('href');
    });
    expect(byId(readPage(html))['235876451002020004']!.buyer.nick).toBe('Hans Müller');
  });

  it('finds the cards from their detail links when the card class is gone', () => {
    const stripped = UNPAID_HTML.replace(/order-item--wrapper--2Kx9f/g, 'card-x');
    expect(stripped).not.toContain('order-item--wrapper');
    expect(readPage(stripped).orders).toEqual(readPage(UNPAID_HTML).orders);
  });

  it('reads the same after every hashed class suffix changes', () => {
    let n = 0;
    const drifted = UNPAID_HTML.replace(/--([A-Za-z0-9]{5})(?=["\s])/g, () => `--Zq${(n++).toString(36).padStart(3, '0')}`);
    expect(n).toBeGreaterThan(30);
    expect(readPage(drifted)).toEqual(readPage(UNPAID_HTML));
  });

  it('never throws on mutated cards (removed, shuffled, junk text)', async () => {
    const template = parse(ALL_HTML);
    const count = template.querySelectorAll('[class*="order-item--wrapper"] *').length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(count - 1), fc.constantFrom('remove', 'junk', 'move')), { maxLength: 12 }), fc.string(), async (edits, junk) => {
        await breathe();
        const doc = parse(ALL_HTML);
        for (const [index, kind] of edits) {
          const nodes = doc.querySelectorAll('[class*="order-item--wrapper"] *');
          const node = nodes[index % Math.max(1, nodes.length)];
          if (!node) continue;
          if (kind === 'remove') node.remove();
          else if (kind === 'junk') node.textContent = junk;
          else node.parentElement?.prepend(node);
        }
        const read = alibabaAdapter.readOrders(doc, LIST_URL, NOW);
        expect(read).not.toBeNull();
        expect(read!.orders.length + read!.unreadable).toBeLessThanOrEqual(4);
        for (const o of read!.orders) expect(o.amount.currency).toBe('USD');
      }),
      { numRuns: runs(40) },
    );
  }, limit(30_000));

  it('returns null on the messenger and on a seller page without an order list', () => {
    expect(alibabaAdapter.readOrders(parse(MESSENGER_HTML), MESSENGER_URL, NOW)).toBeNull();
    const home = parse('<html><body><div class="ui-header">My Alibaba</div><p>Welcome back</p></body></html>');
    expect(alibabaAdapter.readOrders(home, 'https://biz.alibaba.com/ta/home.htm', NOW)).toBeNull();
    const notice = parse('<html><body><div class="notice"><p>New order from John</p><a href="https://biz.alibaba.com/ta/detail.htm?orderId=235876451002019725">View</a></div></body></html>');
    expect(alibabaAdapter.readOrders(notice, 'https://biz.alibaba.com/ta/home.htm', NOW)).toBeNull();
  });
});

describe('alibabaAdapter on the messenger', () => {
  it('finds the .send-textarea composer and the buyer of the active conversation', () => {
    const doc = parse(MESSENGER_HTML);
    expect(alibabaAdapter.findComposer(doc)?.className).toBe('send-textarea');
    expect(alibabaAdapter.chatBuyer(doc)).toEqual({ nick: 'Hans Müller' });
  });

  it('prefers the open chat header over the session list', () => {
    const doc = parse(MESSENGER_HTML.replace('<div class="chat-pane--wrap--7Gh8i">', '<div class="chat-pane--wrap--7Gh8i"><div class="chat-header--bar--9Ij0k"><span class="chat-header--name--1St2u">John Smith</span></div>'));
    expect(alibabaAdapter.chatBuyer(doc)).toEqual({ nick: 'John Smith' });
  });

  it('finds no composer and no buyer on the order list', () => {
    const doc = parse(UNPAID_HTML);
    expect(alibabaAdapter.findComposer(doc)).toBeNull();
    expect(alibabaAdapter.chatBuyer(doc)).toBeUndefined();
  });
});

describe('alibaba selectors', () => {
  it('every selector list matches something in at least one fixture page', () => {
    const pages = [UNPAID_HTML, ALL_HTML, MESSENGER_HTML, raw('messenger.html')].map(parse);
    // The React messenger renders at runtime; its send button is in the static snapshot.
    for (const [name, list] of Object.entries(selectors)) {
      expect(pages.some((doc) => list.some((s) => doc.querySelector(s))), name).toBe(true);
    }
  });
});
