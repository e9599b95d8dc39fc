// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findOrderAnchors, leadingDigits, readRows } from './order-blocks';
import { ORDER_NUMBER } from './order-numbers';
import { orderNumbersShown } from './read';
import { ORDER_SN as PDD_SN } from './pdd/selectors';
import { ORDER_SN as SHOPEE_SN } from './shopee/selectors';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('order numbers on a page', () => {
  it('skips texts without the run of digits every number starts with, only for patterns whose shape says so', () => {
    expect(leadingDigits(new RegExp(`(${ORDER_NUMBER.taobao.source})`))).toBe(18);
    expect(leadingDigits(PDD_SN)).toBe(6);
    expect(leadingDigits(SHOPEE_SN)).toBe(6);
    // An alternative or an optional group may match without digits: no shortcut.
    expect(leadingDigits(/(\d{6}|[A-Z]{8})/)).toBe(0);
    expect(leadingDigits(/(\d{6})?[A-Z]{4}/)).toBe(0);
    expect(leadingDigits(/([A-Z]{2}\d{10})/)).toBe(0);
  });

  it('finds every number whatever the texts around it', () => {
    const list = parse('<p>  </p><p>订单号：261123-384685998833090</p><p>¥131.00 x2</p><p>2611-23 384685 261124-000000000000001</p>').body;
    expect(findOrderAnchors(list, PDD_SN).map((a) => a.id)).toEqual(['261123-384685998833090', '261124-000000000000001']);
    expect(findOrderAnchors(list, /([A-Z]{2}\d{4})/).map((a) => a.id)).toEqual([]);
    // A pattern the shortcut does not trust is searched in every text.
    expect(findOrderAnchors(parse('<p>AB1234</p>').body, /([A-Z]{2}\d{4})/).map((a) => a.id)).toEqual(['AB1234']);
  });

  it('reads a number through a decoy digit hidden inside it, and a number drawn a group of digits an element (blind batch 31)', () => {
    const taobao = new RegExp(`(${ORDER_NUMBER.taobao.source})`);
    const doc = parse(`<style>.x9{display:none}</style>
      <p>订单号：<span>4012<span style="display:none">8</span>887311902256731</span></p>
      <p>订单号：<span>39951<b class="x9">57</b>87720634018826</span></p>
      <p>订单号：<span><span>4012</span>\u200b<span>7755</span>\u200b<span>0893</span>\u200b<span>4417</span>\u200b<span>266</span></span></p>
      <p>订单号：<span>3398752046<wbr>183927614</span></p>`);
    const ids = ['4012887311902256731', '3995187720634018826', '4012775508934417266', '3398752046183927614'];
    expect(findOrderAnchors(doc.body, taobao).map((a) => a.id)).toEqual(ids);
    expect([...orderNumbersShown(doc, 'taobao')].sort()).toEqual([...ids].sort());
    // A digit shown inside a number is part of it: no order number of this format then.
    expect(findOrderAnchors(parse('<p>订单号：<span>4012<span>8</span>887311902256731</span></p>').body, taobao)).toEqual([]);
  });
});

describe('order numbers a search highlights or icons split (blind batch 32)', () => {
  it('reads a number whose digits a highlight wraps, in its middle, at its start or end, or after its dash', () => {
    const doc = parse(`<p>订单编号：<span>261205-14012<mark>7755</mark>091235</span></p>
      <p>订单编号：<span>261206-<mark>7755</mark>12309846172</span></p>
      <p>订单编号：<span><mark>2612</mark>05-093377557781204</span></p>
      <p>订单编号：<span>261205-3775502188945<mark>61</mark></span></p>`);
    const ids = ['261205-140127755091235', '261206-775512309846172', '261205-093377557781204', '261205-377550218894561'];
    expect(findOrderAnchors(doc.body, PDD_SN).map((a) => a.id)).toEqual(ids);
    expect([...orderNumbersShown(doc, 'pdd')].sort()).toEqual([...ids].sort());
    // Digits in an element of their own beside a number's are another text: no number of this format.
    expect(findOrderAnchors(parse('<p><span>261205-14012</span><span>7755091235</span></p>').body, PDD_SN)).toEqual([]);
    // A number cut short where it shows, whole in its title or its copy button's text; without either, none.
    const cut = parse(`<p>订单编号：<span title="261205-401277550912877">261205-4012<mark>7755</mark>0912…</span></p>
      <p>订单编号：<span>261205-37755021889…</span><span role="button" data-clipboard-text="261205-377550218894561"></span></p>
      <p>订单编号：<span>261205-59812034775…</span></p>`);
    expect(findOrderAnchors(cut.body, PDD_SN).map((a) => a.id)).toEqual(['261205-401277550912877', '261205-377550218894561']);
    expect([...orderNumbersShown(cut, 'pdd')].sort()).toEqual(['261205-377550218894561', '261205-401277550912877']);
  });

  it('reads a number drawn a group of digits an element with icons among the groups (a shield, a copy button)', () => {
    const alibaba = new RegExp(`(${ORDER_NUMBER.alibaba.source})`);
    const doc = parse(`<p><span class="no"><svg><path d="M0 0"/></svg><span>2849</span><span>1023</span><span role="button" aria-label="Copy"><svg><path d="M1 1"/></svg></span><span>7765</span><span>0012</span><span>48</span></span></p>`);
    expect(findOrderAnchors(doc.body, alibaba).map((a) => a.id)).toEqual(['284910237765001248']);
  });
});

describe('numbers in the order format that are not an order’s', () => {
  const TB = new RegExp(`(${ORDER_NUMBER.taobao.source})`);
  const ids = (html: string, pattern = TB) => findOrderAnchors(parse(html).body, pattern).map((a) => a.id);
  const A = '3912830471625580441';
  const B = '3912830471625580442';

  it('leaves out a number its label names as a sub-order, package, tracking, refund or payment number', () => {
    for (const label of ['子订单号：', '包裹号:', '运单号 ', '退款编号：', 'Sub-order ID: ', 'Package ID:', 'Tracking number ', 'Refund #', 'Payment ID ', 'Mã vận đơn: ', 'Mã kiện hàng ', 'Código de rastreio: ', 'ID do pacote:', 'Номер посылки: ', '关联主订单：', 'Main order: ', 'ID produit : ', 'ID do produto: ', 'Product ID: ']) {
      // The label in the number's own text, and in an element of its own just before it.
      expect(ids(`<p>订单号：${A} <span>${label}${B}</span></p>`), label).toEqual([A]);
      expect(ids(`<div><p>订单号：${A}</p><div><span>${label}</span><span>${B}</span></div></div>`), label).toEqual([A]);
    }
  });

  it('leaves out another order named as paid or shipped together with this one, so each keeps its own block (a page written blind)', () => {
    for (const label of ['Thanh toán cùng đơn ', 'Combined payment with order ', 'Paid together with order ', 'Pago junto com o pedido ', 'Dibayar bersama pesanan ', '与订单', '和订单号：']) {
      // Each card names the other before its own number: the named one is not where that order is shown.
      const page = `<div><p><span>${label}${B}</span> 订单号：${A}</p><p>¥10.00</p></div><div><p><span>${label}${A}</span> 订单号：${B}</p><p>¥20.00</p></div>`;
      expect(ids(page), label).toEqual([A, B]);
      expect(ids(`<div><p>订单号：${A}</p><p><span>${label}</span><span>${B}</span></p></div>`), label).toEqual([A]);
    }
  });

  it('keeps an order number whatever its label, and a bare number after a status', () => {
    for (const before of ['订单号：', '订单编号:', 'Order ID: ', 'Order No.', 'Mã đơn hàng: ', 'ID do pedido: ', 'Número do pedido ', 'Номер заказа: ', '']) {
      expect(ids(`<p>${before}${A}</p>`), before).toEqual([A]);
    }
    // A status, an amount or a payment method printed right before the number is no label for it.
    for (const cell of ['Awaiting payment', 'Aguardando pagamento', 'Chờ thanh toán', '待付款', 'Refunded', 'Payment', '¥128.00']) {
      expect(ids(`<table><tr><td>${cell}</td><td>${A}</td></tr></table>`), cell).toEqual([A]);
      expect(ids(`<p>${cell} ${A}</p>`), cell).toEqual([A]);
    }
    // A long text before the number is another field, not its label.
    expect(ids(`<div><p>Tracking numbers are shown once the order is paid and shipped:</p><p>${A}</p></div>`)).toEqual([A]);
  });

  it('leaves out a number written in a note: the buyer’s message, the seller’s remark', () => {
    const notes = ['买家留言：上次订单', '买家留言：亲，', '卖家备注：补发 ', '备注:', 'Buyer note: last order ', "Buyer's message: please merge with ", 'Remarks: ', 'Order notes: see ', 'Ghi chú: đơn trước ', 'Observação: pedido anterior ', 'Комментарий: прошлый заказ '];
    for (const note of notes) {
      expect(ids(`<p>订单号：${A}</p><p>${note}${B}少发了</p>`), note).toEqual([A]);
      expect(ids(`<div><p>订单号：${A}</p><div><b>${note.replace(/[^:：]*$/, '')}</b><span>${B}</span></div></div>`), note).toEqual([A]);
    }
    // A word that is no note's label, or a note label further up the page than the number's own label, leaves it be.
    for (const text of [`Messages (2) · 订单号：${A}`, `Notes ${A}`, `备注 ${A}`]) expect(ids(`<p>${text}</p>`), text).toEqual([A]);
    expect(ids(`<div><b>备注：</b><span>无</span></div><div><span>订单号：</span><span>${A}</span></div>`)).toEqual([A]);
    const doc = parse(`<div>订单号：${A}</div><div>买家留言：上次订单${B}少发了</div>`);
    expect([...orderNumbersShown(doc, 'taobao')]).toEqual([A]);
  });

  it('leaves out a number parked far off screen: a virtual list’s recycled view, text for screen readers only', () => {
    expect(ids(`<div style="transform: translateY(120px)"><p>订单号：${A}</p></div><div style="transform: translateY(-9999px);"><div><p>订单号：${B}</p></div></div>`)).toEqual([A]);
    expect(ids(`<p>订单号：${A}</p><span style="position:absolute;left:-9999px">订单号：${B}</span>`)).toEqual([A]);
  });

  it('reads no row a virtual list parked invisible with stale content, and still reads a row whose number cell alone is hidden', () => {
    // The recycled row: hidden from sight and from screen readers. The frozen column: Ant Design 3 hides the body's copy
    // of the number's cell and draws it in an overlay; the row is shown.
    const doc = parse(`<style>.frozen{visibility:hidden}</style>
      <div class="row"><p>订单号：${A}</p></div>
      <div class="row" aria-hidden="true" style="transform: translateY(-10000px); visibility: hidden"><p>订单号：${B}</p></div>
      <table><tr><td class="frozen">3912830471625580443</td><td>¥5.00</td></tr></table>`);
    const anchors = findOrderAnchors(doc.body, TB);
    const read = readRows(anchors, (a) => a.id);
    expect(read.orders).toEqual([A, '3912830471625580443']);
    expect(read.unreadable).toBe(0);
  });

  it('counts only the orders’ own numbers as the numbers the page shows', () => {
    const doc = parse(`<div>订单号：${A} <span>子订单号：${B}</span></div><div><span>Package ID:</span> <span>3912830471625580443</span></div>`);
    expect([...orderNumbersShown(doc, 'taobao')]).toEqual([A]);
  });
});
