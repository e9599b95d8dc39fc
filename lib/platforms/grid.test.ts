// @vitest-environment happy-dom
// The grid-list helpers of grid.ts (order number + header text), used by the PDD and Shopee adapters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellAt, findHeaderRow, gridCells, orderGrid, readGridList } from './grid';
import { findOrderAnchors, orderScopes, readRows } from './order-blocks';
import { spacedText } from './page-text';
import { allIn, firstIn } from './query';
import { closeTimes } from './times';
import { queryAllFirst, queryFirst } from './types';
import { textOf } from './types';
import { runs } from '../../test/support/fuzz';
import { breathe } from '../../test/support/dom';

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
  it("takes no site menu for the header, though its words name columns ('Orders', 'Customers', 'Products'; a page written blind, batch 49)", () => {
    for (const menu of ['<div class="ma-menu">', '<div role="menubar">', '<nav><div>']) {
      const close = menu.startsWith('<nav') ? '</div></nav>' : '</div>';
      const doc = new DOMParser().parseFromString(`<body>${menu}<div>Home</div><div>Products</div><div>Orders</div><div>Messages</div><div>Customers</div>${close}<div class="o">Order No. 200184736251904417</div></body>`, 'text/html');
      expect(findHeaderRow(doc.body, ['div'], 3), menu).toBeNull();
    }
    // Nor with its classes renamed: it leads with the way home.
    const renamed = new DOMParser().parseFromString('<body><div class="x9f"><div>Home</div><div>Products</div><div>Orders</div><div>Customers</div></div></body>', 'text/html');
    expect(findHeaderRow(renamed.body, ['div'], 3)).toBeNull();
    // The same words in a row of the list's own are its header.
    const list = new DOMParser().parseFromString('<body><div class="head"><div>Products</div><div>Orders</div><div>Customers</div></div></body>', 'text/html');
    expect(findHeaderRow(list.body, ['div'], 3)?.columns).toMatchObject({ item: 0, order: 1, buyer: 2 });
  });
  it('names the columns under a grouped header one by one: the total is "实付", not the first column under "金额(元)" (a page written blind, batch 46)', () => {
    const doc = new DOMParser().parseFromString(
      `<table><thead><tr><th rowspan="2"></th><th rowspan="2">订单号</th><th rowspan="2">宝贝</th><th colspan="3">金额(元)</th><th rowspan="2">状态</th></tr>
      <tr><th>单价</th><th>小计</th><th>实付</th></tr></thead><tbody><tr><td></td><td>4028817763350195528</td><td>四件套</td><td>259.00</td><td>259.00</td><td>239.00</td><td>等待买家付款</td></tr></tbody></table>`,
      'text/html',
    );
    const header = findHeaderRow(doc.body, ['thead tr', 'tr'], 3)!;
    expect(header.columns).toMatchObject({ order: 1, item: 2, price: 3, amount: 5, status: 6 });
    expect(header.cells).toHaveLength(7);
  });
  it('finds the header by its words, whatever the markup, and maps columns by text', () => {
    const doc = parse('<div class="x"><span>操作</span><span>实付金额</span><span>买家</span><span>商品信息</span><span>订单状态</span></div>');
    const header = findHeaderRow(doc.body, ['thead tr', 'div'], 3)!;
    expect(header.columns).toMatchObject({ amount: 1, buyer: 2, item: 3, status: 4 });
  });

  it('passes over a search form drawn with boxes of its own, by their class or its search button (blind batch 30)', () => {
    const list = '<div class="lh"><div>Product</div><div>Unit price</div><div>Qty</div><div>Order amount</div><div>Status</div><div>Actions</div></div>';
    const boxes = parse(`<div class="f"><span class="next-input">Order ID</span><span class="next-input">Product name / ID</span><span class="next-input">Buyer name</span><span class="next-input">Order time: Last 30 days</span></div>${list}`);
    expect(findHeaderRow(boxes.body, ['div'], 3)!.columns).toEqual({ item: 0, price: 1, qty: 2, amount: 3, status: 4 });
    // Classes renamed: the form's buttons tell it.
    const renamed = parse(`<div class="a1"><span class="b2">Order ID</span><span class="b2">Product name</span><span class="b2">Buyer name</span><button>Search</button><button>Reset</button></div>${list}`);
    expect(findHeaderRow(renamed.body, ['div'], 3)!.columns).toEqual({ item: 0, price: 1, qty: 2, amount: 3, status: 4 });
  });

  it('names a column by its header without the tooltip explaining it', () => {
    const tip = (name: string, text: string) => `<span>${name} <span class="hint"><svg aria-hidden="true"><text>?</text></svg><span role="tooltip">${text}</span></span></span>`;
    const doc = parse(
      `<div class="lh"><span>สินค้า</span>${tip('ยอดคำสั่งซื้อทั้งหมด', 'รวมค่าจัดส่งและหักส่วนลดจากร้านค้าแล้ว')}<span>สถานะ</span><span>การดำเนินการ</span></div>` +
        `<div role="row"><span></span><span>商品</span><span>數量</span>${tip('訂單金額', '買家應付總額，已含運費並扣除賣家折扣券')}<span>狀態</span></div>`,
    );
    expect(findHeaderRow(doc.body, ['div'], 3)!.columns).toEqual({ item: 0, amount: 1, status: 2 });
    // Its words name no other column: 買家 in the tooltip is no buyer's column, 運費 no part's.
    expect(findHeaderRow(doc.body, ['[role="row"]'], 3)!.columns).toEqual({ item: 1, qty: 2, amount: 3, status: 4 });
  });

  it('reads a grouped header by the columns of its second row, the cells spanning both rows in theirs', () => {
    const doc = parse(`<table><thead>
      <tr><th rowspan="2"></th><th colspan="3">商品信息</th><th colspan="3">订单信息</th><th rowspan="2">操作</th></tr>
      <tr><th></th><th>单价</th><th>数量</th><th>实收</th><th>买家</th><th>状态</th></tr>
    </thead></table>`);
    const header = findHeaderRow(doc.body, ['thead tr', 'tr'], 3)!;
    expect(header.cells.map((c) => c.textContent)).toEqual(['', '商品信息', '单价', '数量', '实收', '买家', '状态', '操作']);
    expect(header.columns).toEqual({ item: 1, price: 2, qty: 3, amount: 4, buyer: 5, status: 6 });
  });

  it('takes a search form\'s fields for no header, though their labels name the columns', () => {
    const doc = parse(`<div class="f"><label>Номер заказа <input></label><label>Название товара <input></label><label>Покупатель <input></label><label>Дата заказа <input value="01.12.2026 — 06.12.2026"></label></div>
      <div class="h"><span><input type="checkbox"></span><span>Номер заказа</span><span>Товар</span><span>Покупатель</span><span>Сумма</span><span>Статус</span></div>`);
    expect(findHeaderRow(doc.body, ['div'], 3)!.row.className).toBe('h');
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
  // A card under a header row whose goods cell spans the goods columns (each goods line a row of its own cells), after
  // a blank cell under the checkbox's column; a tooltip's list of as many children as the header is no row.
  const cards = `<div id="h"><div></div><div>Produk</div><div>Harga satuan</div><div>Jumlah</div><div>Total pesanan</div><div>Status</div><div>Pengiriman</div><div>Tindakan</div></div>
    <article><div>ID Pesanan: 578040662194538810</div><div class="body"><span></span>
      <div class="items"><div class="item"><div>Wajan Teflon 24cm</div><div>Rp89.000</div><div>x1</div></div><div class="item"><div>Spatula Silikon</div><div>Rp18.500</div><div>x2</div></div></div>
      <div class="total"><strong>Rp154.200</strong><span role="tooltip"><dl><dt>Subtotal produk</dt><dd>Rp148.000</dd><dt>Ongkos kirim</dt><dd>Rp21.000</dd><dt>Diskon penjual (10%)</dt><dd>-Rp14.800</dd><dt>Total pesanan</dt><dd>Rp154.200</dd></dl></span></div>
      <div>Belum dibayar</div><div>Reguler</div><div><button>Hubungi pembeli</button></div></div></article>`;
  it('lines up a card whose goods lines fill the goods columns after a blank first cell, past a tooltip list as wide as the header', () => {
    const doc = parse(cards);
    const anchors = findOrderAnchors(doc.body, /(\d{18})/);
    const header = findHeaderRow(doc.body, ['div'], 3)!;
    const grid = orderGrid(orderScopes(anchors, [header.row])[0]!, header, anchors[0]!.el)!;
    expect(textOf(grid.main.get(header.columns.amount!)!)).toMatch(/^Rp154\.200/);
    expect(grid.rows.map((row) => textOf(row.get(header.columns.qty!)!))).toEqual(['x1', 'x2']);
    expect(textOf(grid.main.get(header.columns.status!)!)).toBe('Belum dibayar');
  });

  it('lines up a card whose row starts with a checkbox under no header cell, its goods folded behind a toggle', () => {
    const doc = parse(`<div id="h"><span>Product(s)</span><span>Order Total</span><span>Status</span><span>Shipping Channel</span><span>Actions</span></div>
      <div class="card"><div class="top">Order ID <b>261206A4FZ8L0E</b></div><div class="ob"><input type="checkbox">
        <div class="items"><div class="item"><div>TWS earbuds</div><div>฿690</div></div><div class="item" style="display:none"><div>Case</div><div>฿79</div></div><a href="#">View all (2) products</a></div>
        <div><div>฿892</div></div><div><div>Unpaid</div></div><div>Kerry Express</div><div><a href="#">Cancel Order</a></div></div></div>`);
    const anchors = findOrderAnchors(doc.body, /(\d{6}[A-Z0-9]{8})/);
    const header = findHeaderRow(doc.body, ['div'], 3)!;
    const grid = orderGrid(orderScopes(anchors, [header.row])[0]!, header, anchors[0]!.el)!;
    expect(textOf(grid.main.get(header.columns.amount!)!)).toBe('฿892');
    expect(textOf(grid.main.get(header.columns.status!)!)).toBe('Unpaid');
  });

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

describe('spacedText edge cases', () => {
  it('reads a lone text node like textOf, and nothing inside script, style or template', () => {
    const doc = parse('<p id="a">  ¥63.00\n </p><p id="b">¥<!---->63.00</p><script id="c">x</script><template id="t"></template>');
    expect(spacedText(doc.getElementById('a'))).toBe('¥63.00');
    expect(spacedText(doc.getElementById('b'))).toBe('¥ 63.00');
    expect(spacedText(doc.getElementById('c'))).toBe('');
    const t = doc.getElementById('t')!;
    t.appendChild(doc.createElement('div')).textContent = 'hidden';
    const wrap = doc.createElement('div');
    wrap.append('shown ', t);
    expect(spacedText(wrap)).toBe('shown');
  });
});

describe('spacedText against its definition', () => {
  /** The definition: every text node outside script/style/template, joined by a space, white space folded. */
  const reference = (node: Node): string => {
    const walker = node.ownerDocument!.createTreeWalker(node, 4);
    const parts: string[] = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t.parentElement?.closest('script,style,template')) continue;
      if (t.nodeValue) parts.push(t.nodeValue);
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  };
  const text = fc.string({ unit: fc.constantFrom('a', 'é', '待', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '¥', '1'), maxLength: 12 });
  const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map((t) => t.replace(/[<&]/g, '')),
      fc.tuple(fc.constantFrom('div', 'span', 'p', 'b', 'script', 'style'), fc.array(tie('node'), { maxLength: 4 })).map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
    ),
  })).node;

  it('folds white space exactly as joining every text node and folding the whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 5 }), async (kids) => {
        await breathe();
        const doc = parse(`<div id="x">${kids.join('')}</div>`);
        const root = doc.getElementById('x')!;
        expect(spacedText(root)).toBe(reference(root));
        for (const el of root.querySelectorAll('*')) expect(spacedText(el)).toBe(reference(el));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('firstIn and allIn', () => {
  const doc = parse(`<div id="r"><span class="nick-x">late nick</span><b class="buyer-name">marked</b><i class="nick-y">second</i></div>`);
  const root = doc.getElementById('r')!;
  const lists = [['[class*="buyer-name"]', '[class*="nick"]'], ['[class*="nick"]', '[class*="buyer-name"]'], ['.none', '[class*="nick"]'], ['.none'], []];

  it('answer exactly what queryFirst and queryAllFirst answer: list order first, then page order', () => {
    for (const list of lists) {
      expect(firstIn(root, list)).toBe(queryFirst(root, list));
      expect(allIn(root, list)).toEqual(queryAllFirst(root, list));
    }
    expect(textOf(firstIn(root, lists[0]!))).toBe('marked');
    expect(allIn(root, lists[2]!).map((e) => textOf(e))).toEqual(['late nick', 'second']);
  });
});

describe('cellAt and closeTimes', () => {
  it('gives the cell under a known column only', () => {
    const row = new Map([[0, parse('<p>x</p>').body.firstElementChild!]]);
    expect(cellAt(row, 0)).toBe(row.get(0));
    expect(cellAt(row, 1)).toBeUndefined();
    expect(cellAt(row, undefined)).toBeUndefined();
  });

  it('closes only unpaid orders: the shown deadline first, else an estimate marked as one', () => {
    const H = 3_600_000;
    expect(closeTimes('unpaid', 5 * H, 1 * H, 24)).toEqual({ autoCloseAt: 5 * H, autoCloseEstimated: undefined });
    expect(closeTimes('unpaid', undefined, 1 * H, 24)).toEqual({ autoCloseAt: 25 * H, autoCloseEstimated: true });
    expect(closeTimes('unpaid', undefined, undefined, 24)).toEqual({ autoCloseAt: undefined, autoCloseEstimated: undefined });
    expect(closeTimes('paid', 5 * H, 1 * H, 24)).toEqual({ autoCloseAt: undefined, autoCloseEstimated: undefined });
    expect(closeTimes('closed', undefined, 1 * H, 24)).toEqual({ autoCloseAt: undefined, autoCloseEstimated: undefined });
  });
});

describe('readGridList', () => {
  const spec = {
    headerRow: ['thead tr'],
    orderNumber: SN,
    selectedTab: ['.tab.on'],
    activePage: ['.pager .on'],
    pageItems: ['.pager li'],
    nextPage: ['.pager .next:not(.off)'],
  };
  const page = (pager: string) =>
    parse(`<div class="tab on">待支付</div><table><thead><tr><th>商品</th><th>金额</th><th>状态</th></tr></thead>
      <tbody><tr><td colspan="3">201120-384685998833090</td></tr><tr><td>a</td><td>¥1</td><td>待支付</td></tr></tbody>
      <tbody><tr><td colspan="3">201120-111122223333444</td></tr><tr><td>b</td><td>gone</td></tr></tbody></table>
      <ul class="pager">${pager}</ul>`);
  const readAmount = (_a: unknown, scope: Element[], header: NonNullable<ReturnType<typeof findHeaderRow>>) => {
    const cells = scope.flatMap((s) => [...s.querySelectorAll('tr')]).find((tr) => tr.children.length === header.cells.length);
    return cells ? textOf(cells.children[header.columns.amount!]) : undefined;
  };

  it('reads each order in its own part of the page, counts the unreadable, finds tabs and pager', () => {
    const list = readGridList(page('<li class="on">1</li>'), spec, readAmount)!;
    expect(list).toMatchObject({ orders: ['¥1'], unreadable: 1, anchors: 2, complete: true });
    expect(textOf(list.found.get('.tab.on')![0])).toBe('待支付');
  });

  it('calls a list with more pages or a live next button incomplete', () => {
    expect(readGridList(page('<li class="on">1</li><li>2</li>'), spec, readAmount)!.complete).toBe(false);
    expect(readGridList(page('<li class="on">1</li><li class="next">›</li>'), spec, readAmount)!.complete).toBe(false);
    expect(readGridList(page('<li class="on">1</li>'), { ...spec, pageItems: ['.pager li:not(.next)'] }, readAmount)!.complete).toBe(true);
  });

  it('is null without a header row', () => {
    expect(readGridList(parse('<p>201120-384685998833090</p>'), spec, readAmount)).toBeNull();
  });
});

describe('readRows', () => {
  const read = (row: string) => (row.startsWith('x') ? undefined : { orderId: row });
  it('keeps what reads, counts what does not, and keeps a repeated row once only when asked', () => {
    expect(readRows(['1', 'x', '2', '1'], read)).toEqual({ orders: [{ orderId: '1' }, { orderId: '2' }, { orderId: '1' }], unreadable: 1 });
    expect(readRows(['1', 'x', '2', '1'], read, (o) => o.orderId)).toEqual({ orders: [{ orderId: '1' }, { orderId: '2' }], unreadable: 1 });
  });
});
