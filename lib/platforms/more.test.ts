// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { moreToCome } from './more';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('a list that shows more of it is still to come', () => {
  it('is told by a "load more" control in the back-offices\' languages, not by a fold of one order\'s goods', () => {
    for (const control of ['<button>加载更多</button>', '<a href="#">Load more</a>', '<div role="button">Carregar mais</div>', '<button>Muat lebih banyak</button>', '<button>さらに表示</button>', '<button>더 보기</button>', '<button>Показать ещё</button>']) {
      expect(moreToCome(parse(control), 5), control).toBe(true);
    }
    for (const control of ['<a href="#">+2 more items ▾</a>', '<button>还有 2 件商品</button>', '<a>View all (3) products</a>', '<button disabled>加载更多</button>', '<button>Chat</button>']) {
      expect(moreToCome(parse(control), 5), control).toBe(false);
    }
  });

  it('is told by a spinner\'s words that more orders are on their way, a control or not (a board written blind, batch 37)', () => {
    for (const html of ['<div><span class="spin"></span> Carregando mais pedidos…</div>', '<p>Loading more orders...</p>', '<div>正在加载更多订单</div>', '<div>Đang tải thêm đơn hàng</div>']) {
      expect(moreToCome(parse(html), 7), html).toBe(true);
    }
    // A goods line or a note that mentions loading is no list still loading.
    expect(moreToCome(parse('<div>Loading dock mat, 2 m</div><div>Giao hàng sau 2 ngày</div>'), 7)).toBe(false);
  });

  it('is told by a count of the orders shown below the list\'s own, or a count above the orders read', () => {
    expect(moreToCome(parse('<span>已显示 7 / 14 条</span>'), 7)).toBe(true);
    expect(moreToCome(parse('<span>Showing 6 of 23</span>'), 6)).toBe(true);
    expect(moreToCome(parse('<span>显示第 1-20 条，共 120 条</span>'), 20)).toBe(true);
    expect(moreToCome(parse('<span>Mostrando 1-6 de 6</span>'), 6)).toBe(false);
    expect(moreToCome(parse('<span>共 23 条</span>'), 20)).toBe(true);
    expect(moreToCome(parse('<span>Total 9 orders</span>'), 9)).toBe(false);
    // A count of goods is no count of orders.
    expect(moreToCome(parse('<span>共 2 种宝贝，3 件</span>'), 1)).toBe(false);
    // Drawn across elements, its words short or long.
    expect(moreToCome(parse('<div><span>已显示 <b>7</b> / 14</span></div>'), 7)).toBe(true);
    expect(moreToCome(parse('<div><span>Đang hiển thị <b>6</b> / 23</span></div>'), 6)).toBe(true);
  });

  it('is told by the selected tab counting more orders than were read', () => {
    const tabs = (n: number) => `<div role="tablist"><a role="tab" aria-selected="false">全部 (120)</a><a role="tab" aria-selected="true">待付款 (${n})</a></div>`;
    expect(moreToCome(parse(tabs(23)), 20)).toBe(true);
    expect(moreToCome(parse(tabs(20)), 20)).toBe(false);
  });

  it('is told by a pager showing pages besides the current one, whatever its markup', () => {
    // Shopee's eds pager of spans, Arco's, antd's list with aria-current (blind batch 30: read complete on page 1 of 25).
    expect(moreToCome(parse('<div class="eds-pagination"><span class="eds-pager__page">‹</span><span class="eds-pager__page active">1</span><span class="eds-pager__page">2</span><span>…</span><span class="eds-pager__page">25</span></div>'), 10)).toBe(true);
    expect(moreToCome(parse('<ul class="x1"><li class="x2"><a aria-current="page">3</a></li><li class="x2"><a>1</a></li></ul>'), 10)).toBe(true);
    // The only page, and numbers that are no pager's (a step's, a quantity's).
    expect(moreToCome(parse('<div class="p"><span>‹</span><span class="is-current">1</span><span>›</span></div>'), 10)).toBe(false);
    expect(moreToCome(parse('<div><span class="selected">x2</span><span>3</span></div>'), 10)).toBe(false);
    // Its classes renamed, no page marked: the numbers tell it.
    expect(moreToCome(parse('<div class="q1"><span class="q2">‹</span><span class="q2">1</span><span class="q2">2</span><span class="q2">3</span><span>…</span><span class="q2">25</span></div>'), 10)).toBe(true);
    expect(moreToCome(parse('<ul><li><a>1</a></li><li><a>2</a></li><li><a>›</a></li></ul>'), 10)).toBe(true);
    // A row's cells that happen to read 1 and 2 are no pager.
    expect(moreToCome(parse('<table><tr><td>1</td><td>2</td><td>¥9.90</td></tr></table>'), 10)).toBe(false);
    // A pager's count of the whole list standing alone.
    expect(moreToCome(parse('<div class="arco-pagination"><span>Total 1,284</span></div>'), 10)).toBe(true);
    expect(moreToCome(parse('<div class="arco-pagination"><span>Total 10</span></div>'), 10)).toBe(false);
  });
});
