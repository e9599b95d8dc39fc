// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { taobaoAdapter } from './adapter';
import { tradePlatformSelectors } from './selectors';
import type { ObservedOrder, PageRead } from '../../orders/model';
import { runs, limit } from '../../../test/support/fuzz';
import { breathe } from '../../../test/support/dom';

// The new Qianniu web trade platform, read through the same taobao adapter as the old list.
// 2026-11-23 12:00:00 in Beijing, 04:00:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const MYSELLER = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
const QN = 'https://qn.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay';
const HOSTILE = `tb_<svg onload=alert(1)>"&'买家`;

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/taobao', file), 'utf8');
const UNPAID_HTML = renderFixture(raw('trade-platform-unpaid.html'), NOW);
const ALL_HTML = renderFixture(raw('trade-platform-all.html'), NOW);
const BROKEN_HTML = renderFixture(raw('trade-platform-broken.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string, url = MYSELLER): PageRead {
  const read = taobaoAdapter.readOrders(parse(html), url, NOW);
  expect(read).not.toBeNull();
  return read!;
}
const byId = (read: PageRead): Record<string, ObservedOrder> => Object.fromEntries(read.orders.map((o) => [o.orderId, o]));

describe('taobao trade platform: the 待付款 tab', () => {
  const read = readPage(UNPAID_HTML);
  const orders = byId(read);

  it('reads every order with its exact 19-digit id', () => {
    expect(read.orders.map((o) => o.orderId)).toEqual(['3912830471625580441', '3912830471625580552', '3912830471625580663']);
    expect(read).toMatchObject({ platform: 'taobao', unpaidOnly: true, complete: true, unreadable: 0, noRowsFound: false, selectorsVersion: 'taobao-2026-11-23' });
    expect(read.listKey).toBe('myseller.taobao.com/home.htm/trade-platform/tp/sold#tab=待付款&page=1');
  });

  it('reads one order exactly, the hostile nick as literal text', () => {
    expect(orders['3912830471625580441']).toEqual({
      platform: 'taobao',
      orderId: '3912830471625580441',
      buyer: { nick: HOSTILE },
      items: [{ title: '夏季冰丝阔腿裤 女 高腰垂感', sku: '颜色分类：黑色；尺码：L', qty: 2, unitPrice: { minor: 5900, currency: 'CNY' } }],
      amount: { minor: 12800, currency: 'CNY' },
      shippingFee: { minor: 1000, currency: 'CNY' },
      createdAt: NOW - 2 * HOUR,
      autoCloseAt: NOW + 70 * HOUR,
      autoCloseEstimated: true,
      status: 'unpaid',
      statusText: '等待买家付款',
      chatUrl: `https://amos.alicdn.com/getcid.aw?v=3&site=cntaobao&uid=${HOSTILE}`,
    });
  });

  it('reads every item of a multi-item order and its full-width-yen total', () => {
    const desk = orders['3912830471625580552']!;
    expect(desk.items).toEqual([
      { title: '实木儿童书桌 可升降', sku: '颜色分类：原木色', qty: 1, unitPrice: { minor: 89900, currency: 'CNY' } },
      { title: '配套护眼台灯', sku: undefined, qty: 1, unitPrice: { minor: 19950, currency: 'CNY' } },
      { title: '桌面收纳架 三层', sku: '规格：大号', qty: 2, unitPrice: { minor: 10400, currency: 'CNY' } },
    ]);
    expect(desk.amount).toEqual({ minor: 130650, currency: 'CNY' });
  });

  it('takes the shown countdown over the 72-hour estimate', () => {
    const desk = orders['3912830471625580552']!;
    expect(desk.autoCloseAt).toBe(NOW + 29 * HOUR + 59 * 60_000 + 10_000);
    expect(desk.autoCloseEstimated).toBeUndefined();
  });

  it('reads the same page on qn.taobao.com under its own listKey', () => {
    const qn = readPage(UNPAID_HTML, QN);
    expect(qn.orders).toEqual(read.orders);
    expect(qn.listKey).toBe('qn.taobao.com/home.htm/trade-platform/tp/sold#tab=待付款&page=1');
  });
});

describe('taobao trade platform: the 全部 tab', () => {
  const read = readPage(ALL_HTML);

  it('reads paid, shipped, closed and unpaid orders for what they are', () => {
    expect(Object.fromEntries(read.orders.map((o) => [o.orderId, o.status]))).toEqual({
      '3912830471625580441': 'unpaid',
      '3912830471625580774': 'paid', // 买家已付款
      '3912830471625580552': 'unpaid',
      '3912830471625580996': 'closed', // 交易关闭
      '3912830471625580885': 'paid', // 卖家已发货
      '3912830471625580663': 'unpaid',
      '3912830471625581007': 'paid', // 交易成功
    });
    expect(read.unpaidOnly).toBe(false);
    expect(read.unreadable).toBe(0);
    // Paid orders get no auto-close estimate.
    expect(byId(read)['3912830471625580774']!.autoCloseAt).toBeUndefined();
    expect(byId(read)['3912830471625580885']!.items).toEqual([{ title: '陶瓷马克杯 带盖', sku: undefined, qty: 3, unitPrice: { minor: 2300, currency: 'CNY' } }]);
  });

  it('reads the same orders when the columns are shuffled (header and cells together)', () => {
    const doc = parse(ALL_HTML);
    // Move 买家 (index 3) before 宝贝 in the header and in every first item row.
    for (const row of doc.querySelectorAll('.next-table-header tr, tr.next-table-row')) {
      const cells = row.children;
      if (cells.length === 6) row.prepend(cells[3]!, cells[5]!);
    }
    expect(doc.querySelector('.next-table-header th')!.textContent).toBe('买家');
    expect(taobaoAdapter.readOrders(doc, MYSELLER, NOW)!.orders).toEqual(read.orders);
  });
});

describe('taobao trade platform: a buyer cell the selectors miss', () => {
  it("reads the nick through the cell's wrappers, and takes no status from a nick that names one", () => {
    const read = readPage(ALL_HTML);
    const doc = parse(ALL_HTML.replace(/buyer-cell--nick--7Vm3q/g, 'b-x').replace(/>老王</, '>已付款的猫<'));
    // A redeploy wraps the buyer cell's lines once more, and the header is gone (no column says which cell is which).
    for (const cell of doc.querySelectorAll('.b-x')) {
      const lines = cell.parentElement!;
      const box = doc.createElement('div');
      box.append(...lines.childNodes);
      lines.append(box);
    }
    for (const th of doc.querySelectorAll('.next-table-header th')) th.remove();
    const again = taobaoAdapter.readOrders(doc, MYSELLER, NOW)!;
    expect(again.orders.map((o) => [o.orderId, o.buyer.nick, o.status])).toEqual(read.orders.map((o) => [o.orderId, o.buyer.nick === '老王' ? '已付款的猫' : o.buyer.nick, o.status]));
  });
});

describe('taobao trade platform: damage', () => {
  it('says "no rows found" when the order tables were renamed', () => {
    expect(readPage(BROKEN_HTML)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: true, unpaidOnly: true });
  });

  it('reads an emptied 待付款 tab that says 暂无 as a healthy empty list', () => {
    const doc = parse(UNPAID_HTML);
    doc.querySelector('[class*="sold-list--body"]')!.replaceChildren(Object.assign(doc.createElement('div'), { textContent: '暂无数据' }));
    expect(taobaoAdapter.readOrders(doc, MYSELLER, NOW)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: false });
  });

  it('counts an order whose amount cell is gone as unreadable, never taking a unit price', () => {
    const doc = parse(UNPAID_HTML);
    doc.querySelector('[data-fixture-order="3912830471625580663"] [class*="amount-cell"]')!.closest('td')!.remove();
    doc.querySelector('.next-table-header th:last-child')!.remove();
    const read = taobaoAdapter.readOrders(doc, MYSELLER, NOW)!;
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).toEqual(['3912830471625580441', '3912830471625580552']);
  });

  it('never stores a dollar amount as a Taobao total (found by the mutation property)', () => {
    const doc = parse(ALL_HTML);
    doc.querySelector('[data-fixture-order="3912830471625580996"] [class*="amount-cell"]')!.closest('td')!.textContent = '&Ib$5H5$(';
    const read = taobaoAdapter.readOrders(doc, MYSELLER, NOW)!;
    expect(read.orders.map((o) => o.orderId)).not.toContain('3912830471625580996');
    expect(read.unreadable).toBe(1);
  });

  it('returns null on a workbench page that is not the sold list (nothing rendered yet)', () => {
    const doc = parse('<html><body><div id="qn-trade-root"><div class="loading">加载中</div></div></body></html>');
    expect(taobaoAdapter.readOrders(doc, MYSELLER, NOW)).toBeNull();
  });

  it('never throws on mutated blocks and never invents a currency', async () => {
    const count = parse(ALL_HTML).querySelectorAll('[data-fixture-order] *').length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(count - 1), fc.constantFrom('remove', 'junk', 'move')), { maxLength: 15 }), fc.string(), async (edits, junk) => {
        await breathe();
        const doc = parse(ALL_HTML);
        for (const [index, kind] of edits) {
          const nodes = doc.querySelectorAll('[data-fixture-order] *');
          const node = nodes[index % Math.max(1, nodes.length)];
          if (!node) continue;
          if (kind === 'remove') node.remove();
          else if (kind === 'junk') node.textContent = junk;
          else node.parentElement?.prepend(node);
        }
        const read = taobaoAdapter.readOrders(doc, MYSELLER, NOW);
        expect(read).not.toBeNull();
        expect(read!.orders.length + read!.unreadable).toBeLessThanOrEqual(7);
        for (const o of read!.orders) expect(o.amount.currency).toBe('CNY');
      }),
      { numRuns: runs(40) },
    );
  }, limit(30_000));
});

describe('taobao trade platform selectors', () => {
  it('every list matches something in the fixtures', () => {
    const pages = [UNPAID_HTML, ALL_HTML].map(parse);
    // A two-page list exercises the pagination selectors.
    const paged = parse(ALL_HTML.replace('</button></div></div>', '</button><button class="next-btn next-pagination-item">2</button></div><button class="next-btn next-pagination-item next-next">下一页</button></div>'));
    expect(taobaoAdapter.readOrders(paged, MYSELLER, NOW)!.complete).toBe(false);
    for (const [name, list] of Object.entries(tradePlatformSelectors)) {
      expect([...pages, paged].some((doc) => list.some((s) => doc.querySelector(s))), name).toBe(true);
    }
  });
});
