// @vitest-environment happy-dom
// A page we cannot read must never change what we stored. Every adapter's
// unpaid list is read good, then broken (its markup moved), then partly read
// (an order number on the page that no row gave), then good again, through
// the same path a content script takes (readPage) into the store.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { limit, runs } from '../../test/support/fuzz';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../test/support/fixtures.mjs';
import { FIXTURE_NOW as NOW } from '../../test/support/adapter-tests';
import type { Db } from './db';
import { freshDb } from '@/test/support/db';
import { applyPageRead, listOpenOrders } from './orders';
import { buyerKey, type PageRead } from '../orders/model';
import { readPage } from '../platforms/read';
import { statusFromWords } from '../platforms/page-words';
import type { PlatformAdapter } from '../platforms/types';
import { taobaoAdapter } from '../platforms/taobao/adapter';
import { pddAdapter } from '../platforms/pdd/adapter';
import { aliexpressAdapter } from '../platforms/aliexpress/adapter';
import { tiktokAdapter } from '../platforms/tiktok/adapter';
import { alibabaAdapter } from '../platforms/alibaba/adapter';
import { shopeeAdapter } from '../platforms/shopee/adapter';

const fixture = (file: string) => renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures', file), 'utf8'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The same page after a redeploy that renamed every class and id and dropped the test ids: text and structure unchanged. */
function renamedMarkup(html: string): string {
  let n = 0;
  const tokens = new Map<string, string>();
  const token = (name: string) => tokens.get(name) ?? (tokens.set(name, `z${(n++).toString(36)}q`), tokens.get(name)!);
  return html
    .replace(/\sdata-testid="[^"]*"/g, '')
    .replace(/\s(class|id)="([^"]*)"/g, (_m, attr: string, value: string) => ` ${attr}="${value.split(/\s+/).filter(Boolean).map(token).join(' ')}"`);
}

interface Case {
  name: string;
  adapter: PlatformAdapter;
  url: string;
  good: string;
  /** The platform's own "redesigned" fixture, else the good page with every class and id renamed. */
  broken: string;
}

const CASES: Case[] = [
  { name: 'Taobao trade platform', adapter: taobaoAdapter, url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay', good: 'taobao/trade-platform-unpaid.html', broken: 'taobao/trade-platform-broken.html' },
  { name: 'Taobao sold items', adapter: taobaoAdapter, url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay', good: 'taobao/sold-items-unpaid.html', broken: '' },
  { name: 'Pinduoduo', adapter: pddAdapter, url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1', good: 'pdd/orders-unpaid.html', broken: 'pdd/orders-broken.html' },
  { name: 'AliExpress', adapter: aliexpressAdapter, url: 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS', good: 'aliexpress/order-list-zh.html', broken: '' },
  { name: 'TikTok Shop', adapter: tiktokAdapter, url: 'https://seller-br.tiktok.com/order?tab=unpaid', good: 'tiktok/order-list-br.html', broken: '' },
  { name: 'Alibaba.com', adapter: alibabaAdapter, url: 'https://biz.alibaba.com/ta/order/list.htm?tab=unpay', good: 'alibaba/order-list-unpaid-en.html', broken: 'alibaba/order-list-broken.html' },
  { name: 'Shopee', adapter: shopeeAdapter, url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid', good: 'shopee/order-vn-unpaid.html', broken: 'shopee/order-vn-broken.html' },
];

/** The element that holds order `id` and no other order of `ids`: its block, whatever the markup. */
function blockOf(doc: Document, id: string, ids: readonly string[]): Element {
  let el: Element | null = null;
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.includes(id)) {
      el = node.parentElement;
      break;
    }
  }
  if (!el) throw new Error(`order ${id} not on the page`);
  const others = ids.filter((other) => other !== id);
  while (el.parentElement && el.parentElement !== doc.body && !others.some((other) => el!.parentElement!.textContent!.includes(other))) el = el.parentElement;
  return el;
}

let db: Db;
beforeEach(async () => {
  db = await freshDb('gbg');
});
afterEach(() => db.close());

/** The selected tab's count one fewer ("待支付 3" → "待支付 2"), as the page draws it once an order left the tab. */
function countOneFewer(doc: Document): void {
  const tab = doc.querySelector('[role="tab"][aria-selected="true"]');
  if (!tab) return;
  const walker = doc.createTreeWalker(tab, 4);
  let last: Text | null = null;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (/\d/.test(t.nodeValue ?? '')) last = t as Text;
  if (last) last.nodeValue = (last.nodeValue ?? '').replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) - 1));
}

async function store(adapter: PlatformAdapter, doc: Document, url: string, at: number): Promise<PageRead | null> {
  const read = readPage(doc, adapter, url, at);
  if (read) await applyPageRead(db, read, at);
  return read;
}

const openIds = async () => (await listOpenOrders(db)).map((o) => o.orderId).sort();
const creditedBuyers = async () => (await db.getAll('buyers')).filter((b) => b.paidOrderKeys.length > 0).map((b) => b.key);

describe.each(CASES)('$name: good → broken → partial → good', ({ adapter, url, good, broken }) => {
  const goodHtml = fixture(good);
  const brokenHtml = broken ? fixture(broken) : renamedMarkup(goodHtml);

  it('keeps every unpaid order unpaid and credits no buyer until a whole read lacks one', async () => {
    const first = await store(adapter, parse(goodHtml), url, NOW);
    expect(first?.unpaidOnly).toBe(true);
    expect(first?.complete).toBe(true);
    const unpaid = first!.orders.filter((o) => o.status === 'unpaid').map((o) => o.orderId).sort();
    expect(unpaid.length).toBeGreaterThan(1);
    expect(await openIds()).toEqual(unpaid);

    // Broken: whatever it reads, nothing stored leaves the unpaid state.
    await store(adapter, parse(brokenHtml), url, NOW + 60_000);
    expect(await openIds()).toEqual(expect.arrayContaining(unpaid));
    expect(await creditedBuyers()).toEqual([]);

    // Partial: one order's block is gone from the rows, but the page still shows its number.
    const partial = parse(goodHtml);
    const [missing] = unpaid;
    const block = blockOf(partial, missing!, unpaid);
    block.remove();
    const note = partial.createElement('p');
    note.textContent = `${missing}`;
    partial.body.append(note);
    const partialRead = await store(adapter, partial, url, NOW + 120_000);
    expect(partialRead?.idsMissed).toBe(1);
    expect(await openIds()).toEqual(unpaid);
    expect(await creditedBuyers()).toEqual([]);

    // Good again: all there, still unpaid.
    await store(adapter, parse(goodHtml), url, NOW + 180_000);
    expect(await openIds()).toEqual(unpaid);

    // A whole read without the order (block and number gone, the tab counting one fewer): it left the unpaid list, but
    // its buyer paid nothing we saw.
    const without = parse(goodHtml);
    blockOf(without, missing!, unpaid).remove();
    countOneFewer(without);
    const gone = readPage(without, adapter, url, NOW + 240_000)!;
    expect(gone.idsMissed).toBe(0);
    const result = await applyPageRead(db, gone, NOW + 240_000);
    expect(result.gone).toHaveLength(1);
    expect(await openIds()).toEqual(unpaid.filter((id) => id !== missing));
    expect(await creditedBuyers()).toEqual([]);

    // It comes back unpaid (pushed back onto the list): it was never paid.
    await store(adapter, parse(goodHtml), url, NOW + 300_000);
    expect(await openIds()).toEqual(unpaid);
    const back = first!.orders.find((o) => o.orderId === missing)!;
    const buyer = await db.get('buyers', buyerKey(back.platform, back.buyer.nick));
    expect(buyer?.paidOrderKeys ?? []).toEqual([]);
  });
});

// The status drawn as an icon with its word only in a tooltip: the orders read, but with no status word. What was
// stored stands: an unpaid order must not leave the queue because the page changed how it shows the status.
function statusAsIcons(html: string): Document {
  const doc = parse(html);
  const walker = doc.createTreeWalker(doc.body, 4);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const t of texts) {
    const value = (t.nodeValue ?? '').trim();
    if (!value || value.length > 30 || /\d/.test(value) || statusFromWords(value) === 'unknown') continue;
    const icon = doc.createElement('i');
    icon.setAttribute('title', value);
    t.replaceWith(icon);
  }
  return doc;
}

describe.each(CASES)('$name: good → status shown as icons → good', ({ adapter, url, good }) => {
  it('keeps every unpaid order unpaid', async () => {
    const goodHtml = fixture(good);
    const first = await store(adapter, parse(goodHtml), url, NOW);
    const unpaid = first!.orders.filter((o) => o.status === 'unpaid').map((o) => o.orderId).sort();
    expect(unpaid.length).toBeGreaterThan(1);
    await store(adapter, statusAsIcons(goodHtml), url, NOW + 60_000);
    expect(await openIds()).toEqual(unpaid);
    expect(await creditedBuyers()).toEqual([]);
    await store(adapter, parse(goodHtml), url, NOW + 120_000);
    expect(await openIds()).toEqual(unpaid);
  });
});

describe('any sequence of reads', () => {
  type Kind = 'healthy' | 'broken' | 'partial' | 'unreadable' | 'empty' | 'paged' | 'other-list' | 'statusless';
  const IDS = ['1001', '1002', '1003', '1004'];
  const LIST = 'trade.taobao.com/list#tab=waitBuyerPay&page=1';
  const step = fc.record({
    kind: fc.constantFrom<Kind>('healthy', 'broken', 'partial', 'unreadable', 'empty', 'paged', 'other-list', 'statusless'),
    shown: fc.subarray(IDS),
  });

  it('marks an order paid only when a whole read of its list lacked it, and credits no buyer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const local = await freshDb('seq');
        // Per order: true once a whole read lacked it, false again when a read showed it unpaid.
        const mayBeGone = new Map<string, boolean>();
        // The listing each order was last seen in: only a whole read of that listing speaks for it.
        const listOf = new Map<string, string>();
        // Orders only ever read without a status word.
        const unknownOnly = new Set<string>();
        try {
          for (const [i, { kind, shown }] of steps.entries()) {
            const at = NOW + i * 60_000;
            const orders = (kind === 'broken' || kind === 'empty' ? [] : kind === 'partial' ? shown.slice(1) : shown).map((id) => ({
              platform: 'taobao' as const,
              orderId: id,
              buyer: { nick: `buyer-${id}` },
              items: [],
              amount: { minor: 100, currency: 'CNY' },
              // A statusless read found the rows but no status word in them.
              status: kind === 'statusless' ? ('unknown' as const) : ('unpaid' as const),
            }));
            const read: PageRead = {
              platform: 'taobao',
              url: 'https://trade.taobao.com/list',
              listKey: kind === 'other-list' ? `${LIST}2` : LIST,
              unpaidOnly: true,
              complete: kind !== 'paged',
              orders,
              unreadable: kind === 'unreadable' ? 1 : 0,
              noRowsFound: kind === 'broken' ? true : kind === 'empty' ? false : orders.length === 0 ? undefined : false,
              idsMissed: kind === 'partial' && shown.length > 0 ? 1 : 0,
            };
            await applyPageRead(local, read, at);
            for (const o of orders) {
              // A row read without its status leaves what was known: gone stays gone, unpaid stays unpaid; an order
              // never seen with a status has none.
              if (kind === 'statusless') {
                // Seen on this list all the same: a whole read of it that lacks the order later speaks for it.
                if (!mayBeGone.has(o.orderId)) unknownOnly.add(o.orderId);
                else listOf.set(o.orderId, read.listKey);
                continue;
              }
              unknownOnly.delete(o.orderId);
              mayBeGone.set(o.orderId, false);
              listOf.set(o.orderId, read.listKey);
            }
            // Whole: every row read (with or without its status), or the page's own "no orders" message.
            const whole = ((kind === 'healthy' || kind === 'other-list' || kind === 'statusless') && shown.length > 0) || kind === 'empty';
            if (whole) for (const id of IDS) if (listOf.get(id) === read.listKey && !orders.some((o) => o.orderId === id)) mayBeGone.set(id, true);
            for (const order of await local.getAll('orders')) {
              if (unknownOnly.has(order.orderId)) expect(order.status, `${order.orderId} after ${kind} #${i}`).toBe('unknown');
              else expect(order.status !== 'unpaid', `${order.orderId} after ${kind} #${i}`).toBe(mayBeGone.get(order.orderId) === true);
            }
            expect((await local.getAll('buyers')).flatMap((b) => b.paidOrderKeys)).toEqual([]);
          }
        } finally {
          local.close();
        }
      }),
      { numRuns: runs(150), interruptAfterTimeLimit: limit(20_000) },
    );
    // Each run opens its own database: on a busy machine 150 runs take longer than a unit test's default 5 s.
  }, limit(60_000));
});
