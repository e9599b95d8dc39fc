// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { parseMoney } from '../../orders/money';
import type { ObservedOrder, PageRead } from '../../orders/model';
import { openPayNudgeDb } from '../../store/db';
import { applyPageRead, listOpenOrders } from '../../store/orders';
import { gridCells } from '../grid';
import { pddAdapter } from './adapter';
import { readPage as readWhole } from '../read';
import { describeGridMutations } from '../../../test/support/adapter-tests';

// 2026-11-23 12:00:00 in Beijing, 04:00:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const ALL_URL = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0';
const UNPAID_URL = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1';
const HOSTILE = '拼<img src=x onerror=alert(1)>客';

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/pdd', file), 'utf8');
const ALL_HTML = renderFixture(raw('orders-all.html'), NOW);
const UNPAID_HTML = renderFixture(raw('orders-unpaid.html'), NOW);
const BROKEN_HTML = renderFixture(raw('orders-broken.html'), NOW);
const PAGED_HTML = renderFixture(raw('orders-paged.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string, url: string): PageRead {
  const read = pddAdapter.readOrders(parse(html), url, NOW);
  expect(read).not.toBeNull();
  return read!;
}
const byId = (read: PageRead): Record<string, ObservedOrder> => Object.fromEntries(read.orders.map((o) => [o.orderId, o]));
const cny = (minor: number) => ({ minor, currency: 'CNY' });

/** The true totals of every order in the fixtures, as the seller sees them. */
const TRUE_AMOUNTS: Record<string, number> = {
  '261123-384685998833090': 13100,
  '261123-102938475610293': 3990,
  '261122-556677889900112': 129900,
  '261123-220011334455667': 7970,
  '261121-998877665544332': 8800,
  '261123-667788990011223': 6480,
};

describe('pddAdapter.readOrders: all orders (table layout)', () => {
  const read = readPage(ALL_HTML, ALL_URL);
  const orders = byId(read);

  it('finds every order by its number, in page order, with its status', () => {
    expect(read.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['261123-384685998833090', 'unpaid'],
      ['261123-102938475610293', 'paid'], // 待发货
      ['261122-556677889900112', 'closed'], // 已取消 (the sub-line says 未支付: closed wins)
      ['261123-220011334455667', 'unpaid'],
      ['261121-998877665544332', 'paid'], // 已签收
    ]);
    expect(read).toMatchObject({ platform: 'pdd', url: ALL_URL, unreadable: 0, unpaidOnly: false, complete: true, noRowsFound: false, selectorsVersion: 'pdd-2026-11-23' });
  });

  it('reads a multi-item order exactly: buyer as literal text, items, total, times, chat link', () => {
    expect(orders['261123-384685998833090']).toEqual({
      platform: 'pdd',
      orderId: '261123-384685998833090',
      buyer: { nick: HOSTILE },
      items: [
        { title: '加厚珊瑚绒睡衣套装 女冬季 可外穿', sku: '粉色；XL', qty: 2, unitPrice: cny(6300) },
        { title: '珊瑚绒加厚袜子 中筒', sku: '均码', qty: 1, unitPrice: cny(500) },
      ],
      amount: cny(13100),
      createdAt: NOW - 5 * HOUR,
      // No countdown on this row: the usual 24 hours, marked as an estimate.
      autoCloseAt: NOW + 19 * HOUR,
      autoCloseEstimated: true,
      status: 'unpaid',
      statusText: '待支付',
      chatUrl: 'https://mms.pinduoduo.com/chat-merchant/index.html#/?orderSn=261123-384685998833090',
    });
  });

  it('takes the shown countdown over the estimate, and the discounted total over price × qty', () => {
    const tissues = orders['261123-220011334455667']!;
    expect(tissues.amount).toEqual(cny(7970));
    expect(tissues.items).toEqual([{ title: '原木抽纸 整箱 24包', sku: '3层120抽', qty: 3, unitPrice: cny(2990) }]);
    expect(tissues.autoCloseAt).toBe(NOW + 18.5 * HOUR);
    expect(tissues.autoCloseEstimated).toBeUndefined();
    expect(tissues.createdAt).toBe(NOW - 5.5 * HOUR);
  });

  it('reads every total in minor units and gives paid orders no payment deadline', () => {
    for (const o of read.orders) expect(o.amount).toEqual(cny(TRUE_AMOUNTS[o.orderId]!));
    expect(orders['261123-102938475610293']!.buyer.nick).toBe('果果妈妈🍊');
    expect(orders['261123-102938475610293']!.autoCloseAt).toBeUndefined();
    expect(orders['261122-556677889900112']!.chatUrl).toBeUndefined();
    expect(orders['261121-998877665544332']!.createdAt).toBe(NOW - 48 * HOUR);
  });

  it('does not let a 10k-character buyer note become an item or leak into fields', () => {
    expect(ALL_HTML.length).toBeGreaterThan(10_000);
    const pajamas = orders['261123-384685998833090']!;
    expect(pajamas.items).toHaveLength(2);
    expect(JSON.stringify(pajamas).length).toBeLessThan(1000);
  });
});

describe('pddAdapter.readOrders: the unpaid tab (div grid layout)', () => {
  const read = readPage(UNPAID_HTML, UNPAID_URL);
  const orders = byId(read);

  it('reads the same orders the same way in the other layout', () => {
    expect(read.orders.map((o) => o.orderId)).toEqual(['261123-384685998833090', '261123-220011334455667', '261123-667788990011223']);
    expect(read.unreadable).toBe(0);
    expect(read.unpaidOnly).toBe(true);
    const table = byId(readPage(ALL_HTML, ALL_URL));
    for (const id of ['261123-384685998833090', '261123-220011334455667']) {
      const { autoCloseEstimated: _a, statusText: _s, ...grid } = orders[id]!;
      const { autoCloseEstimated: _b, statusText: _t, ...tab } = table[id]!;
      expect(grid).toEqual(tab);
    }
  });

  it('reads goods lines with "¥price ×qty", emoji and a relative chat link', () => {
    expect(orders['261123-667788990011223']).toMatchObject({
      buyer: { nick: 'Lucy 🌸 露西' },
      items: [
        { title: '儿童保暖手套 加绒 🧤', sku: '红色；3-6岁', qty: 2, unitPrice: cny(1990) },
        { title: '儿童毛线帽 护耳', sku: '红色', qty: 1, unitPrice: cny(2500) },
      ],
      amount: cny(6480),
      createdAt: NOW - 20 * 60_000,
      autoCloseAt: NOW + 23 * HOUR + 40 * 60_000,
      status: 'unpaid',
      chatUrl: 'https://mms.pinduoduo.com/chat-merchant/index.html#/?orderSn=261123-667788990011223',
    });
    expect(orders['261123-384685998833090']!.autoCloseEstimated).toBeUndefined();
  });

  it('believes the visible tab over the URL, and ignores the count badge in the listing key', () => {
    expect(readPage(ALL_HTML, UNPAID_URL).unpaidOnly).toBe(false);
    const fewer = UNPAID_HTML.replace('待支付<em>3</em>', '待支付<em>2</em>');
    expect(fewer).not.toBe(UNPAID_HTML);
    expect(readPage(fewer, UNPAID_URL).listKey).toBe(read.listKey);
    expect(read.listKey).toBe('mms.pinduoduo.com/orders/list#tab=待支付&page=1');
    expect(readPage(ALL_HTML, ALL_URL).listKey).not.toBe(read.listKey);
  });

  it('knows a paginated list is incomplete', () => {
    const html = UNPAID_HTML.replace('<li class="pagination-item pagination-item-active">1</li>', '<li class="pagination-item pagination-item-active">1</li><li class="pagination-item">2</li>');
    expect(html).not.toBe(UNPAID_HTML);
    expect(read.complete).toBe(true);
    expect(readPage(html, UNPAID_URL).complete).toBe(false);
  });

  it('is idempotent: reading twice gives the same result', () => {
    const doc = parse(UNPAID_HTML);
    expect(pddAdapter.readOrders(doc, UNPAID_URL, NOW)).toEqual(pddAdapter.readOrders(doc, UNPAID_URL, NOW));
  });
});

describe('pddAdapter.readOrders: the unpaid tab, page 1 of 3', () => {
  const read = readPage(PAGED_HTML, UNPAID_URL);

  it('reads both orders on the page exactly', () => {
    const chat = (sn: string) => `https://mms.pinduoduo.com/chat-merchant/index.html#/?orderSn=${sn}`;
    expect(read.orders).toEqual([
      {
        platform: 'pdd',
        orderId: '261123-731946205518834',
        buyer: { nick: '晴天小猪' },
        items: [{ title: '冬季加绒打底裤 女 高腰', sku: '黑色；M', qty: 2, unitPrice: cny(3590) }],
        amount: cny(7180),
        createdAt: NOW - 40 * 60_000,
        autoCloseAt: NOW + 23 * HOUR + 20 * 60_000,
        autoCloseEstimated: undefined,
        status: 'unpaid',
        statusText: '待支付 剩余支付时间：23:20:00',
        chatUrl: chat('261123-731946205518834'),
      },
      {
        platform: 'pdd',
        orderId: '261123-220011334455667',
        buyer: { nick: '阿强' },
        items: [{ title: '原木抽纸 整箱 24包', sku: '3层120抽', qty: 3, unitPrice: cny(2990) }],
        amount: cny(7970),
        createdAt: NOW - 330 * 60_000,
        autoCloseAt: NOW + 18 * HOUR + 30 * 60_000,
        autoCloseEstimated: undefined,
        status: 'unpaid',
        statusText: '待支付 剩余支付时间：18:30:00',
        chatUrl: chat('261123-220011334455667'),
      },
    ]);
  });

  it('calls a list with a live 下一页 incomplete, even when the pager lists one page', () => {
    expect(read).toMatchObject({ unpaidOnly: true, complete: false, unreadable: 0, noRowsFound: false, listKey: 'mms.pinduoduo.com/orders/list#tab=待支付&page=1' });
    const onlyNext = PAGED_HTML.replace(/<li class="TB_pagination-item_5-112-0">\d<\/li>/g, '');
    expect(onlyNext).not.toBe(PAGED_HTML);
    expect(readPage(onlyNext, UNPAID_URL).complete).toBe(false);
    // The last page: 下一页 disabled and one page: whole.
    const last = onlyNext.replace('<li class="TB_pagination-next_5-112-0">', '<li class="TB_pagination-next_5-112-0 TB_pagination-disabled_5-112-0">');
    expect(readPage(last, UNPAID_URL).complete).toBe(true);
  });

  it('does not mark an order paid because it is missing from one page of several', async () => {
    const db = await openPayNudgeDb(`pdd-paged-${crypto.randomUUID()}`);
    try {
      await applyPageRead(db, read, NOW);
      const doc = parse(PAGED_HTML);
      doc.querySelector('[data-fixture-order="261123-220011334455667"]')!.remove();
      const later = pddAdapter.readOrders(doc, UNPAID_URL, NOW + HOUR)!;
      expect(later).toMatchObject({ complete: false, listKey: read.listKey });
      expect((await applyPageRead(db, later, NOW + HOUR)).gone).toEqual([]);
      expect((await listOpenOrders(db)).map((o) => o.orderId).sort()).toEqual(['261123-220011334455667', '261123-731946205518834']);
      // The same list read whole (no next page): now its absence means it left the unpaid state.
      const whole = parse(PAGED_HTML.replace(/<li class="TB_pagination-item_5-112-0">\d<\/li>/g, '').replace('<li class="TB_pagination-next_5-112-0">', '<li class="TB_pagination-next_5-112-0 TB_pagination-disabled_5-112-0">'));
      whole.querySelector('[data-fixture-order="261123-220011334455667"]')!.remove();
      const wholeRead = pddAdapter.readOrders(whole, UNPAID_URL, NOW + 2 * HOUR)!;
      expect(wholeRead).toMatchObject({ complete: true, listKey: read.listKey });
      expect((await applyPageRead(db, wholeRead, NOW + 2 * HOUR)).gone).toEqual(['pdd:261123-220011334455667']);
    } finally {
      db.close();
    }
  });
});

describe('pddAdapter.readOrders: health and damage', () => {
  it('flags an order list whose order numbers can no longer be found', () => {
    const read = readPage(BROKEN_HTML, UNPAID_URL);
    expect(read).toMatchObject({ orders: [], unreadable: 0, noRowsFound: true, unpaidOnly: true, selectorsVersion: 'pdd-2026-11-23' });
  });

  it('reads an empty unpaid tab that says so as empty, not broken', () => {
    const doc = parse(UNPAID_HTML);
    doc.querySelector('.order-list_cards__1Yq2c')!.replaceChildren(Object.assign(doc.createElement('p'), { textContent: '暂无数据' }));
    expect(pddAdapter.readOrders(doc, UNPAID_URL, NOW)).toMatchObject({ orders: [], unreadable: 0, noRowsFound: false });
  });

  it('counts an order whose total cell is gone as unreadable, never using the unit price', () => {
    const doc = parse(ALL_HTML);
    const body = doc.querySelector('[data-fixture-order="261123-220011334455667"]')!;
    body.querySelector('.order-amount_total__3Kk1a')!.remove();
    body.querySelector('.order-amount_fee__1Pp3z')!.remove();
    const read = pddAdapter.readOrders(doc, ALL_URL, NOW)!;
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).not.toContain('261123-220011334455667');
    expect(read.orders).toHaveLength(4);
  });

  it('counts an order unreadable whose buyer cell shows a lone quantity ("x2": a goods cell slid under the header)', () => {
    const doc = parse(ALL_HTML);
    const body = doc.querySelector('[data-fixture-order="261123-220011334455667"]')!;
    body.querySelector('[class^="buyer-name_text"]')!.parentElement!.textContent = 'x2';
    const read = pddAdapter.readOrders(doc, ALL_URL, NOW)!;
    expect(read.orders.map((o) => o.buyer.nick)).not.toContain('x2');
    expect(read.orders.map((o) => o.orderId)).not.toContain('261123-220011334455667');
    expect(read.unreadable).toBe(1);
  });

  it('counts a row with a missing cell as unreadable instead of reading shifted columns', () => {
    const doc = parse(ALL_HTML);
    // Without the goods cell, the total column would land on the status text and the status on the buyer.
    doc.querySelector('[data-fixture-order="261121-998877665544332"] tr:nth-child(2) td')!.remove();
    const read = pddAdapter.readOrders(doc, ALL_URL, NOW)!;
    expect(read.unreadable).toBe(1);
    expect(read.orders.find((o) => o.orderId === '261121-998877665544332')).toBeUndefined();
  });

  it('never takes a goods line for the order row when the header lost columns (card layout)', () => {
    // Found by the mutation property: status and 操作 gone from the header (3 columns left), the
    // card body keeps 5 cells, and a goods line (name, spec, "¥63.00 ×2") has exactly 3 children.
    const doc = parse(UNPAID_HTML);
    const header = doc.querySelector('.order-grid_header__1Qm3v')!;
    [...header.children].filter((c) => /订单状态|操作/.test(c.textContent ?? '')).forEach((c) => c.remove());
    expect(header.children.length).toBe(3);
    const read = pddAdapter.readOrders(doc, UNPAID_URL, NOW)!;
    expect(read.orders).toEqual([]);
    expect(read.unreadable).toBe(3);
  });

  it("never gives an order the total of a neighbour whose number is gone (card layout)", () => {
    // Found by the mutation property: with the first card gone, the next lost its head (and its number), so the last
    // order's part of the page grows over that card's body too. Two bodies: neither total is trusted.
    const doc = parse(UNPAID_HTML);
    doc.querySelector('[data-fixture-order="261123-220011334455667"] .order-card_head__1Zz7r')!.remove();
    doc.querySelector('[data-fixture-order="261123-384685998833090"]')!.remove();
    const read = pddAdapter.readOrders(doc, UNPAID_URL, NOW)!;
    expect(read.orders).toEqual([]);
    expect(read.unreadable).toBe(1);
  });

  it('reads the same after the hashed class names and component versions change', () => {
    const drifted = ALL_HTML.replace(/__[A-Za-z0-9]{5}\b/g, '__Zz9Q1').replace(/_5-112-0/g, '_6-3-1');
    expect(drifted).not.toContain('_5-112-0');
    expect(readPage(drifted, ALL_URL).orders).toEqual(readPage(ALL_HTML, ALL_URL).orders);
  });

  it('takes no buyer note into the nick: what follows the chat link in the buyer cell is the buyer\'s, not their name', () => {
    // Written blind (test/fixtures/unseen/pdd-cardlist-unpaid.html), its classes renamed: the note read as part of the nick.
    const html = (note: string) =>
      ALL_HTML.replace(/<span class="buyer-name_text__\w+">阿强<\/span><br>(<a [^>]*>联系买家<\/a>)/, `<div class="q1"><span class="q2">小***子</span><span class="q3">新客</span></div>$1${note}`).replace(
        /buyer-name_text__/g,
        'q0__',
      );
    for (const note of ['<div class="q5"><span class="q6">买家留言：</span>麻烦发顺丰，急用</div>', '<div class="q5">买家留言：麻烦发顺丰，急用</div>']) {
      expect(html(note)).toContain(note);
      const read = readPage(html(note), ALL_URL);
      expect(read.orders.find((o) => o.orderId === '261123-220011334455667')?.buyer.nick).toBe('小***子');
    }
  });

  it("never takes a unit price for the total when a goods cell slides under the unit-price header", () => {
    // Found by the mutation property (npm run fuzz, seed -471031298): columns
    // shuffled twice, then the header lost 订单状态 and one order lost its amount
    // cell. Its goods cell ("原木抽纸 整箱 24包", a bare 24) then sat under 单价(元)
    // and its ¥29.90 unit price under 实收金额(元).
    const doc = parse(ALL_HTML);
    permute(doc, [0, 4, 3, 1, 2, 6, 5]);
    permute(doc, [4, 1, 2, 0, 3, 6, 5]);
    [...doc.querySelectorAll('thead th')].find((th) => th.textContent === '订单状态')!.remove();
    doc.querySelector('[data-fixture-order="261123-220011334455667"] .order-amount_total__3Kk1a')!.closest('td')!.remove();
    const read = pddAdapter.readOrders(doc, ALL_URL, NOW)!;
    for (const o of read.orders) expect(o.amount, o.orderId).toEqual(cny(TRUE_AMOUNTS[o.orderId]!));
    expect(read.orders.map((o) => o.orderId)).not.toContain('261123-220011334455667');
  });

  it("reads the buyer its head names, not the receiver's column, where the list has no buyer's column", () => {
    // A list with a receiver's column ("收货人", names masked) and the buyer named in each order's head ("买家：…").
    const html = (buyer: string) =>
      ALL_HTML.replace('<th>买家</th>', '<th>收货人</th>')
        .replace(`>${HOSTILE.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>`, '>刘**</span>')
        .replace(/(order-head_time__\w+">[^<]*<\/span>)/, `$1 <span>买家：</span><span>${buyer}</span>`);
    expect(html('阿珍的厨房')).toContain('>刘**</span>');
    // The adapter leaves that order unread (never the receiver's name); the structural reader reads the labelled name.
    const bySelectors = readPage(html('阿珍的厨房'), ALL_URL);
    expect(bySelectors.orders.map((o) => o.orderId)).not.toContain('261123-384685998833090');
    expect(bySelectors.unreadable).toBe(1);
    const named = byId(readWhole(parse(html('阿珍的厨房')), pddAdapter, ALL_URL, NOW)!);
    expect(named['261123-384685998833090']?.buyer.nick).toBe('阿珍的厨房');
    // An order whose head names no buyer still reads the receiver's column, as before.
    expect(named['261123-102938475610293']?.buyer.nick).toBeTruthy();
    // A buyer named in a form no reader takes for a name ("６６６"): the order is unread, never the receiver's.
    const unread = readWhole(parse(html('６６６')), pddAdapter, ALL_URL, NOW)!;
    expect(unread.orders.map((o) => o.orderId)).not.toContain('261123-384685998833090');
    expect(unread.unreadable).toBe(1);
  });

  it('returns null where there is no order list: home page and the chat app', () => {
    const home = parse('<!DOCTYPE html><html><body><div>拼多多 商家后台 首页</div><p>今日成交 12 笔</p></body></html>');
    expect(pddAdapter.readOrders(home, 'https://mms.pinduoduo.com/home/', NOW)).toBeNull();
    expect(pddAdapter.readOrders(parse(ALL_HTML), 'https://mms.pinduoduo.com/chat-merchant/index.html#/', NOW)).toBeNull();
  });
});

/** Moves whole columns, header and cells together, honouring rowspans. */
function permute(doc: Document, perm: number[]) {
  const header = doc.querySelector('thead tr, .order-grid_header__1Qm3v');
  if (!header) return;
  const width = header.children.length;
  const p = perm.filter((i) => i < width);
  const reorder = (row: Element, cells: Map<number, Element>) => {
    const placed = [...cells.entries()].sort((a, b) => p.indexOf(a[0]) - p.indexOf(b[0]));
    for (const [, cell] of placed) row.appendChild(cell);
  };
  reorder(header, new Map([...header.children].map((c, i) => [i, c])));
  for (const body of doc.querySelectorAll('tbody')) {
    const rows = [...body.querySelectorAll('tr')];
    gridCells(rows).forEach((cells, r) => {
      if (rows[r]!.children.length > 1) reorder(rows[r]!, cells);
    });
  }
  for (const row of doc.querySelectorAll('.order-card_body__2Tt6x')) reorder(row, new Map([...row.children].map((c, i) => [i, c])));
}

describeGridMutations({
  label: 'pddAdapter',
  adapter: pddAdapter,
  now: NOW,
  // Junk without digits: a number in junk text is indistinguishable from a price and no reader can know better.
  junkChars: 'abcXYZ 待支付已取消买家商品🎁<>&"\'\u202e\u00a0',
  columns: 7,
  cells: 'td, th, .order-card_body__2Tt6x > div, .order-grid_header__1Qm3v > span',
  permute,
  pages: [
    ['all orders', ALL_HTML, ALL_URL],
    ['unpaid tab', UNPAID_HTML, UNPAID_URL],
  ],
  mutationRuns: 150,
  amountOf: (orderId) => cny(TRUE_AMOUNTS[orderId]!),
  permutationPages: [[ALL_HTML, ALL_URL], [UNPAID_HTML, UNPAID_URL]],
  permutationRuns: 10,
});

describe('pddAdapter: chat page', () => {
  const CHAT = `<ul><li class="chat-item"><span class="nickname-span">果果妈妈🍊</span></li><li class="chat-item active"><span class="nickname-span">阿强</span></li></ul>
    <ul id="msgListContainer"><li class="onemsg">纸巾能便宜点吗</li></ul><textarea id="replyTextarea"></textarea><div class="send-btn">发送</div>`;

  it('reads the buyer of the active conversation and finds textarea#replyTextarea', () => {
    const doc = parse(CHAT);
    expect(pddAdapter.chatBuyer(doc)).toEqual({ nick: '阿强' });
    expect(pddAdapter.findComposer(doc)?.id).toBe('replyTextarea');
  });

  it('finds no buyer and no composer on an order list', () => {
    const doc = parse(UNPAID_HTML);
    expect(pddAdapter.chatBuyer(doc)).toBeUndefined();
    expect(pddAdapter.findComposer(doc)).toBeNull();
  });
});

describe('money formats the PDD pages use', () => {
  it('reads ¥ amounts with grouping, and takes the first amount of a total cell', () => {
    expect(parseMoney('¥1,299.00')).toEqual(cny(129900));
    expect(parseMoney('¥79.70 (含运费：¥0.00，店铺券 -¥10.00)')).toEqual(cny(7970));
    expect(parseMoney('￥63')).toEqual(cny(6300));
    // A bare number only counts where the header says 元.
    expect(parseMoney('131.00')).toBeNull();
    expect(parseMoney('131.00', 'CNY')).toEqual(cny(13100));
  });
});
