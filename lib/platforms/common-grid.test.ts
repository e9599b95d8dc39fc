// @vitest-environment happy-dom
// The grid-list helpers of common.ts (order number + header text), used by the PDD and Shopee adapters.
import { describe, expect, it } from 'vitest';
import { findHeaderRow, findOrderAnchors, gridCells, orderGrid, orderScopes, spacedText } from './common';
import { textOf } from './types';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const SN = /(?<![\d-])(\d{6}-\d{12,18})(?!\d)/;

describe('gridCells', () => {
  it('places the cells of a row under the columns a rowspan above leaves free', () => {
    const doc = parse('<table><tr><td>A</td><td rowspan="2">B</td><td>C</td><td rowspan="2">D</td></tr><tr><td>a</td><td>c</td></tr></table>');
    const [first, second] = gridCells([...doc.querySelectorAll('tr')]);
    expect([...first!].map(([i, c]) => [i, textOf(c)])).toEqual([[0, 'A'], [1, 'B'], [2, 'C'], [3, 'D']]);
    expect([...second!].map(([i, c]) => [i, textOf(c)])).toEqual([[0, 'a'], [2, 'c']]);
  });

  it('counts colspan and maps div rows by child order', () => {
    const doc = parse('<table><tr><td colspan="2">AB</td><td>C</td></tr></table><div id="r"><span>x</span><span>y</span></div>');
    expect([...gridCells([doc.querySelector('tr')!])[0]!.keys()]).toEqual([0, 2]);
    expect([...gridCells([doc.getElementById('r')!])[0]!.keys()]).toEqual([0, 1]);
  });
});

describe('findHeaderRow', () => {
  it('finds the header by its words, whatever the markup, and maps columns by text', () => {
    const doc = parse('<div class="x"><span>操作</span><span>实付金额</span><span>买家</span><span>商品信息</span><span>订单状态</span></div>');
    const header = findHeaderRow(doc.body, ['thead tr', 'div'], 3)!;
    expect(header.columns).toMatchObject({ amount: 1, buyer: 2, item: 3, status: 4 });
  });

  it('ignores rows of data and rows naming too few columns', () => {
    const doc = parse('<div><span>买家 张三 留言很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长</span><span>金额</span><span>状态</span></div><div><span>买家</span><span>其他</span><span>更多</span></div>');
    expect(findHeaderRow(doc.body, ['div'], 3)).toBeNull();
  });
});

describe('findOrderAnchors and orderScopes', () => {
  const html = `<div id="list">
    <div class="card"><p>订单号：201120-384685998833090</p><p>¥1.00</p></div>
    <div class="card"><p>订单号：201120-111122223333444 复制 201120-111122223333444</p><p>¥2.00</p></div>
  </div><script>var x = "201120-999999999999999";</script>`;

  it('finds each distinct order number once, in page order, never in scripts', () => {
    const doc = parse(html);
    expect(findOrderAnchors(doc.body, SN).map((a) => a.id)).toEqual(['201120-384685998833090', '201120-111122223333444']);
  });

  it('gives each order the largest part of the page holding only its own number', () => {
    const doc = parse(html);
    const scopes = orderScopes(findOrderAnchors(doc.body, SN), []);
    expect(scopes.map((s) => s.map((el) => el.className))).toEqual([['card'], ['card']]);
  });

  it('groups the rows after a lone order row in a flat table, and stops at fences', () => {
    const doc = parse(`<table><thead><tr id="h"><th>商品</th><th>金额</th><th>状态</th></tr></thead><tbody>
      <tr><td colspan="3">201120-384685998833090</td></tr><tr><td>a</td><td>¥1</td><td>待支付</td></tr>
      <tr><td colspan="3">201120-111122223333444</td></tr><tr><td>b</td><td>¥2</td><td>待支付</td></tr></tbody></table>`);
    const anchors = findOrderAnchors(doc.body, SN);
    const scopes = orderScopes(anchors, [doc.getElementById('h')]);
    expect(scopes.map((s) => s.length)).toEqual([2, 2]);
    const header = findHeaderRow(doc.body, ['thead tr'], 3)!;
    const grid = orderGrid(scopes[1]!, header, anchors[1]!.el)!;
    expect(textOf(grid.main.get(header.columns.amount!))).toBe('¥2');
  });
});

describe('orderGrid', () => {
  it('refuses an order whose rows no longer have a cell under every header', () => {
    const doc = parse(`<table><thead><tr id="h"><th>商品</th><th>金额</th><th>状态</th></tr></thead>
      <tbody><tr><td colspan="3">201120-384685998833090</td></tr><tr><td>¥1</td><td>待支付</td></tr></tbody></table>`);
    const anchors = findOrderAnchors(doc.body, SN);
    const header = findHeaderRow(doc.body, ['thead tr'], 3)!;
    expect(orderGrid(orderScopes(anchors, [header.row])[0]!, header, anchors[0]!.el)).toBeNull();
  });
});

describe('spacedText', () => {
  it('keeps adjacent blocks apart where textContent runs them together', () => {
    const doc = parse('<div id="s"><div>Cancelled</div><div>by system</div><div>500ml</div><div>x2</div><script>no</script></div>');
    expect(doc.getElementById('s')!.textContent).toContain('Cancelledby system');
    expect(spacedText(doc.getElementById('s'))).toBe('Cancelled by system 500ml x2');
    expect(spacedText(null)).toBe('');
  });
});
