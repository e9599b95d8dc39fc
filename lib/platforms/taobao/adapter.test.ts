// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { taobaoAdapter } from './adapter';
import type { ObservedOrder, PageRead } from '../../orders/model';

// 2026-11-23 12:00:00 in Beijing, 04:00:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const UNPAID_URL =
  'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';
const ALL_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const XIAOMEI = 'tb_<img src=x onerror=alert(1)>&"小美\'';

// Not new URL(..., import.meta.url): under happy-dom the global URL is not Node's.
const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/taobao', file), 'utf8');
const UNPAID_HTML = renderFixture(raw('sold-items-unpaid.html'), NOW);
const ALL_HTML = renderFixture(raw('sold-items-all.html'), NOW);

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function readPage(html: string, url: string): PageRead {
  const read = taobaoAdapter.readOrders(parse(html), url, NOW);
  expect(read).not.toBeNull();
  return read!;
}

function byId(read: PageRead): Record<string, ObservedOrder> {
  return Object.fromEntries(read.orders.map((o) => [o.orderId, o]));
}

/** Edits one order block of a fixture through the DOM, then serialises the page again. */
function editBlock(html: string, orderId: string, edit: (block: Element) => void): string {
  const doc = parse(html);
  const block = doc.querySelector(`[data-fixture-order="${orderId}"]`);
  if (!block) throw new Error(`fixture has no order ${orderId}`);
  edit(block);
  return doc.documentElement.outerHTML;
}

describe('fixture rendering (sanity)', () => {
  it('writes order times as China wall time relative to now', () => {
    expect(UNPAID_HTML).not.toContain('{{cn:');
    // The coat was ordered 5 hours before 12:00 Beijing time.
    expect(UNPAID_HTML).toContain('2026-11-23 07:00:00');
  });
});

describe('taobaoAdapter.readOrders: the unpaid tab', () => {
  const read = readPage(UNPAID_HTML, UNPAID_URL);
  const orders = byId(read);

  it('reads every order, with its exact id, in page order', () => {
    expect(read.orders.map((o) => o.orderId)).toEqual([
      '3398752046183927614',
      '2471093385512748201',
      '2470011239875561022',
      '2472205561098834410',
    ]);
    expect(read.unreadable).toBe(0);
    expect(read.platform).toBe('taobao');
    expect(read.url).toBe(UNPAID_URL);
    expect(read.orders.every((o) => o.platform === 'taobao' && o.status === 'unpaid')).toBe(true);
  });

  it('knows it is an unpaid-only listing and which page it is', () => {
    expect(read.unpaidOnly).toBe(true);
    expect(read.listKey).toBe('trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=waitBuyerPay&page=1');
  });

  it('reads a buyer nick with HTML specials as literal text', () => {
    expect(orders['3398752046183927614']!.buyer).toEqual({ nick: XIAOMEI });
    expect(orders['2471093385512748201']!.buyer).toEqual({ nick: '快乐的小熊' });
  });

  it('reads every item of a multi-item order with its sku, quantity and unit price', () => {
    expect(orders['3398752046183927614']!.items).toEqual([
      {
        title: '秋冬加厚羊毛混纺大衣 女中长款 双面呢',
        sku: '颜色分类：驼色；尺码：M',
        qty: 2,
        unitPrice: { minor: 63000, currency: 'CNY' },
      },
      { title: '同款羊绒围巾 礼盒装', sku: '颜色分类：燕麦色', qty: 1, unitPrice: { minor: 1000, currency: 'CNY' } },
    ]);
    expect(orders['2470011239875561022']!.items.map((i) => [i.title, i.sku, i.qty])).toEqual([
      ['手工编织草帽 度假风', '颜色分类：米白', 2],
      ['草帽防风绳', undefined, 1],
      ['帽子收纳盒', '规格：大号', 1],
    ]);
  });

  it('reads amounts in minor units, with the shipping fee apart', () => {
    expect(orders['3398752046183927614']!.amount).toEqual({ minor: 128000, currency: 'CNY' });
    expect(orders['3398752046183927614']!.shippingFee).toEqual({ minor: 1000, currency: 'CNY' });
    expect(orders['2472205561098834410']!.amount).toEqual({ minor: 219900, currency: 'CNY' });
    expect(orders['2470011239875561022']!.amount).toEqual({ minor: 9100, currency: 'CNY' });
    expect(orders['2471093385512748201']!.shippingFee).toEqual({ minor: 0, currency: 'CNY' });
  });

  it('reads the creation time as the UTC instant of the Beijing wall time', () => {
    // 2026-11-23 07:00:00 in Beijing.
    expect(orders['3398752046183927614']!.createdAt).toBe(Date.UTC(2026, 10, 22, 23, 0, 0));
    expect(orders['2471093385512748201']!.createdAt).toBe(NOW - HOUR);
    expect(orders['2472205561098834410']!.createdAt).toBe(NOW - 20 * 60_000);
  });

  it('estimates the auto-close deadline 72 hours after creation when the page shows none', () => {
    const coat = orders['3398752046183927614']!;
    expect(coat.autoCloseAt).toBe(coat.createdAt! + 72 * HOUR);
    expect(coat.autoCloseEstimated).toBe(true);
    // Ordered 70 hours ago: two hours left.
    expect(orders['2470011239875561022']!.autoCloseAt).toBe(NOW + 2 * HOUR);
  });

  it('links to the buyer chat', () => {
    expect(orders['2471093385512748201']!.chatUrl).toMatch(/^https:\/\/amos\.alicdn\.com\/getcid\.aw\?/);
    expect(orders['2471093385512748201']!.chatUrl).toContain('uid=快乐的小熊');
  });

  it('takes a countdown the page shows over the estimate', () => {
    const html = editBlock(UNPAID_HTML, '2471093385512748201', (block) => {
      const status = block.querySelector('a[class*="text-mod__link"]')!.closest('div')!;
      status.insertAdjacentHTML('beforeend', '<p class="countdown">剩余1天2小时3分</p>');
    });
    const pajamas = byId(readPage(html, UNPAID_URL))['2471093385512748201']!;
    expect(pajamas.autoCloseAt).toBe(NOW + 26 * HOUR + 3 * 60_000);
    expect(pajamas.autoCloseEstimated).not.toBe(true);
  });

  it('believes the visible tab over a stale URL', () => {
    expect(readPage(ALL_HTML, UNPAID_URL).unpaidOnly).toBe(false);
  });

  it('knows the unpaid tab by its selected tab when the URL does not say', () => {
    const bare = readPage(UNPAID_HTML, ALL_URL);
    expect(bare.unpaidOnly).toBe(true);
    expect(bare.listKey).not.toBe(readPage(ALL_HTML, ALL_URL).listKey);
  });
});

describe('taobaoAdapter.readOrders: the all-orders tab', () => {
  const read = readPage(ALL_HTML, ALL_URL);
  const orders = byId(read);

  it('reads paid, closed and unpaid orders for what they are', () => {
    expect(Object.fromEntries(read.orders.map((o) => [o.orderId, o.status]))).toEqual({
      '3398752046183927614': 'unpaid',
      '2471093385512748201': 'unpaid',
      '2469981120044301175': 'paid', // 买家已付款
      '2470011239875561022': 'unpaid',
      '2455512000398877610': 'closed', // 交易关闭
      '2466009872231109938': 'paid', // 交易成功
      '2472205561098834410': 'unpaid',
    });
    expect(read.unreadable).toBe(0);
    expect(orders['2466009872231109938']!.buyer.nick).toBe('Mia🌸');
    expect(orders['2455512000398877610']!.amount).toEqual({ minor: 39900, currency: 'CNY' });
  });

  it('is not an unpaid-only listing, so missing orders mean nothing', () => {
    expect(read.unpaidOnly).toBe(false);
    expect(read.listKey).not.toBe(readPage(UNPAID_HTML, UNPAID_URL).listKey);
  });

  it('reads a closed-style block as closed even if its status text is unclear', () => {
    const html = editBlock(ALL_HTML, '2455512000398877610', (block) => {
      block.querySelector('a[class*="text-mod__link"]')!.textContent = '详情';
    });
    expect(byId(readPage(html, ALL_URL))['2455512000398877610']!.status).toBe('closed');
  });
});

describe('taobaoAdapter.readOrders: listing identity and damage', () => {
  it('gives page 2 of the same tab a different listKey', () => {
    const page1 = readPage(UNPAID_HTML, UNPAID_URL);
    const page2Html = UNPAID_HTML.replace('<span class="pagination-item-active">1</span>', '<span>1</span><span class="pagination-item-active">2</span>');
    expect(page2Html).not.toBe(UNPAID_HTML);
    const page2 = readPage(page2Html, UNPAID_URL);
    expect(page2.listKey).not.toBe(page1.listKey);
    expect(page2.listKey).toContain('page=2');
    expect(page2.unpaidOnly).toBe(true);
    // More than one page: an order missing here may just be on another page.
    expect(page1.complete).toBe(true);
    expect(page2.complete).toBe(false);
  });

  it('calls a first page with a live "next" button incomplete', () => {
    const html = UNPAID_HTML.replace('<span class="pagination-item-active">1</span>', '<span class="pagination-item-active">1</span><a class="pagination-next" href="#">下一页</a>');
    expect(html).not.toBe(UNPAID_HTML);
    expect(readPage(html, UNPAID_URL).complete).toBe(false);
    const lastPage = html.replace('class="pagination-next"', 'class="pagination-next pagination-disabled"');
    expect(readPage(lastPage, UNPAID_URL).complete).toBe(true);
  });

  it('never takes a unit price for the order total', () => {
    const html = editBlock(UNPAID_HTML, '2471093385512748201', (block) => {
      for (const price of block.querySelectorAll('strong')) price.remove();
      for (const cell of block.querySelectorAll('td')) if (/含快递/.test(cell.textContent ?? '')) cell.lastElementChild?.remove();
    });
    expect(html).not.toContain('￥99.00</span></strong>');
    const read = readPage(html, UNPAID_URL);
    expect(read.unreadable).toBe(1);
    expect(read.orders.find((o) => o.orderId === '2471093385512748201')).toBeUndefined();
  });

  it('gives the same listing on Tmall a different listKey', () => {
    const tmall = readPage(UNPAID_HTML, UNPAID_URL.replace('trade.taobao.com', 'trade.tmall.com'));
    expect(tmall.listKey).not.toBe(readPage(UNPAID_HTML, UNPAID_URL).listKey);
  });

  it('counts a block whose amount is gone as unreadable and still reads the rest', () => {
    const html = editBlock(UNPAID_HTML, '2471093385512748201', (block) => {
      for (const price of block.querySelectorAll('strong')) price.remove();
    });
    const read = readPage(html, UNPAID_URL);
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).toEqual(['3398752046183927614', '2470011239875561022', '2472205561098834410']);
  });

  it('never stores a dollar amount as a Taobao total: the block is unreadable', () => {
    const html = editBlock(UNPAID_HTML, '2471093385512748201', (block) => {
      for (const price of block.querySelectorAll('strong')) price.textContent = '$5';
    });
    const read = readPage(html, UNPAID_URL);
    expect(read.unreadable).toBe(1);
    expect(read.orders.every((o) => o.amount.currency === 'CNY')).toBe(true);
  });

  it('counts a block without a buyer nick as unreadable', () => {
    const html = editBlock(UNPAID_HTML, '2472205561098834410', (block) => {
      block.querySelector('a[class*="buyer-mod__name"]')!.textContent = '   ';
    });
    const read = readPage(html, UNPAID_URL);
    expect(read.unreadable).toBe(1);
    expect(read.orders.map((o) => o.orderId)).not.toContain('2472205561098834410');
  });

  it('reads an order id from the head text when the checkbox is missing', () => {
    const html = editBlock(UNPAID_HTML, '2471093385512748201', (block) => block.querySelector('input[name="orderid"]')!.remove());
    expect(byId(readPage(html, UNPAID_URL))['2471093385512748201']?.buyer.nick).toBe('快乐的小熊');
  });

  it('reads an empty unpaid tab as an empty list, not as "no list"', () => {
    const doc = parse(UNPAID_HTML);
    doc.getElementById('orders')!.replaceChildren();
    const read = taobaoAdapter.readOrders(doc, UNPAID_URL, NOW);
    expect(read).toMatchObject({ orders: [], unreadable: 0, unpaidOnly: true });
  });

  it('returns null for a page without any order list', () => {
    const doc = parse('<!DOCTYPE html><html><head><title>卖家中心</title></head><body><div class="top">卖家中心 · 首页</div><p>欢迎回来</p></body></html>');
    expect(taobaoAdapter.readOrders(doc, 'https://myseller.taobao.com/home.htm', NOW)).toBeNull();
  });
});

describe('taobaoAdapter.readOrders: selector drift', () => {
  it('reads the same after every hashed class suffix changes', () => {
    const suffixes = new Map<string, string>();
    const drifted = UNPAID_HTML.replace(/___([A-Za-z0-9]{5})(?![A-Za-z0-9])/g, (_m, old: string) => {
      if (!suffixes.has(old)) suffixes.set(old, `Zz${suffixes.size.toString(36).padStart(3, '0')}`);
      return `___${suffixes.get(old)}`;
    });
    expect(suffixes.size).toBeGreaterThanOrEqual(10);
    for (const old of suffixes.keys()) expect(drifted).not.toContain(`___${old}`);

    expect(readPage(drifted, UNPAID_URL)).toEqual(readPage(UNPAID_HTML, UNPAID_URL));
  });

  it('reads the same statuses on the all-orders page after the suffixes change', () => {
    let n = 0;
    const drifted = ALL_HTML.replace(/___[A-Za-z0-9]{5}(?![A-Za-z0-9])/g, () => `___Q${(n++ % 7).toString().padStart(4, '9')}`);
    expect(n).toBeGreaterThan(50);
    expect(readPage(drifted, ALL_URL)).toEqual(readPage(ALL_HTML, ALL_URL));
  });

  it('falls back to the open-order class when the block class disappears', () => {
    const stripped = UNPAID_HTML.replace(/class="item-mod__trade-order___[A-Za-z0-9]{5} /g, 'class="');
    expect(parse(stripped).querySelector('[class*="item-mod__trade-order___"]')).toBeNull();
    expect(readPage(stripped, UNPAID_URL).orders.map((o) => o.orderId)).toEqual(
      readPage(UNPAID_HTML, UNPAID_URL).orders.map((o) => o.orderId),
    );
  });
});

describe('taobaoAdapter.chatBuyer', () => {
  it('reads the buyer of the open conversation', () => {
    const doc = parse('<div class="chat-header"><span class="buyer-nick">快乐的小熊</span></div><textarea class="im-editor"></textarea>');
    expect(taobaoAdapter.chatBuyer(doc)).toEqual({ nick: '快乐的小熊' });
    expect(taobaoAdapter.findComposer(doc)?.tagName).toBe('TEXTAREA');
  });

  it('prefers the nick attribute over visible text', () => {
    const doc = parse(`<div data-buyer-nick="${XIAOMEI.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">小美</div>`);
    expect(taobaoAdapter.chatBuyer(doc)).toEqual({ nick: XIAOMEI });
  });

  it('finds no buyer and no composer on the sold-items list', () => {
    const doc = parse(UNPAID_HTML);
    expect(taobaoAdapter.chatBuyer(doc)).toBeUndefined();
    expect(taobaoAdapter.findComposer(doc)).toBeNull();
  });
});
