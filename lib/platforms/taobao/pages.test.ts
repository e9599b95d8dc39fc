// @vitest-environment happy-dom
// Page 1 of a paginated list: the read says it is not the whole list, and an
// order missing from it is not taken as paid (only a complete, fully read
// unpaid list lets absence mean "left the unpaid state"; see applyPageRead).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { openPayNudgeDb, type Db } from '../../store/db';
import { applyPageRead, getOrder } from '../../store/orders';
import { orderKey, type PageRead } from '../../orders/model';
import { taobaoAdapter } from './adapter';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/taobao', file), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(renderFixture(html, NOW), 'text/html');

function without(doc: Document, orderId: string): Document {
  const block = doc.querySelector(`[data-fixture-order="${orderId}"]`);
  if (!block) throw new Error(`fixture has no order ${orderId}`);
  block.remove();
  return doc;
}

const CASES: Array<{ name: string; whole: string; page1: string; wholeUrl: string; page1Url: string }> = [
  {
    'name': 'old sold-items list',
    'whole': 'sold-items-unpaid.html',
    'page1': 'sold-items-unpaid-page1.html',
    'wholeUrl': 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay',
    'page1Url': 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay&pageNum=1'
  },
  {
    'name': 'Qianniu trade platform',
    'whole': 'trade-platform-unpaid.html',
    'page1': 'trade-platform-unpaid-page1.html',
    'wholeUrl': 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay',
    'page1Url': 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&pageNo=1'
  }
];

let db: Db;
beforeEach(async () => {
  db = await openPayNudgeDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.close());

describe.each(CASES)('taobaoAdapter: $name', ({ whole, page1, wholeUrl, page1Url }) => {
  const read = (doc: Document, url: string): PageRead => {
    const r = taobaoAdapter.readOrders(doc, url, NOW);
    expect(r).not.toBeNull();
    return r!;
  };

  it('reads page 1 of 3 with a live "next" button as an incomplete unpaid list, orders as on the whole list', () => {
    const first = read(parse(raw(page1)), page1Url);
    const all = read(parse(raw(whole)), wholeUrl);
    expect(all.complete).toBe(true);
    expect(first).toMatchObject({ complete: false, unpaidOnly: true, unreadable: 0, listKey: all.listKey });
    expect(first.orders).toEqual(all.orders);
  });

  it('does not mark an order paid because page 1 of 3 no longer shows it', async () => {
    const all = read(parse(raw(whole)), wholeUrl);
    const gone = all.orders.find((o) => o.status === 'unpaid')!;
    const key = orderKey(gone.platform, gone.orderId);
    await applyPageRead(db, all, NOW);
    expect((await getOrder(db, key))?.status).toBe('unpaid');

    const first = read(without(parse(raw(page1)), gone.orderId), page1Url);
    expect(first.orders.map((o) => o.orderId)).not.toContain(gone.orderId);
    const result = await applyPageRead(db, first, NOW + 60_000);
    expect(result.gone).toEqual([]);
    expect((await getOrder(db, key))?.status).toBe('unpaid');

    // The same absence on the whole (one-page) list does mean it left the unpaid state.
    const whole1 = read(without(parse(raw(whole)), gone.orderId), wholeUrl);
    expect((await applyPageRead(db, whole1, NOW + 120_000)).gone).toEqual([key]);
    expect((await getOrder(db, key))?.status).toBe('paid');
  });
});
