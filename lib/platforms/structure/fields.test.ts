// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMoneyAll } from '../../orders/money';
import { spacedText } from '../page-text';
import { runs } from '../../../test/support/fuzz';
import { goodsLines, itemsIn, nickAfterAvatar, nickAfterInitial, nickBeforeChat, nickBeforeMark, notANick, nickByLabel, nickInCell, nickInLine, shortTexts, textNodes, titleOf, totalByLabel, totalIn } from './fields';
import { soleMoney } from '../money';
import { BUYER_LABEL, CHAT_HREF, CHAT_LABEL, CHAT_WORDS } from './words';
import { HEADER_WORDS, isBuyerTag, nickOf } from '../page-words';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** What the structural reader searched before: every text of the block listed, the short ones joined. */
const listed = (scope: Element[], max: number) =>
  scope
    .flatMap((s) => textNodes(s))
    .filter((t) => t.text.length <= max)
    .map((t) => t.text)
    .join(' ');

describe('totalIn', () => {
  const money = (t: string) => soleMoney(t);
  it('reads the total before payment stages named an advance and a balance (a page written blind, batch 42)', () => {
    expect(totalIn('US $12,480.00 ≈ ٤٦٬٨٠٠٫٠٠ ر.س Advance payment (30%): US $3,744.00 Balance payment (70%): US $8,736.00', money)).toEqual({ minor: 1248000, currency: 'USD' });
  });
  it('reads the amount a total cell starts with', () => {
    expect(totalIn('584.901₫', money)).toEqual({ minor: 584901, currency: 'VND' });
    expect(totalIn('Total: US $47.97', money)).toEqual({ minor: 4797, currency: 'USD' });
    expect(totalIn('R$ 59,90 (frete grátis)', money)).toEqual({ minor: 5990, currency: 'BRL' });
  });
  it('reads the total beside its parts and payment stages in Spanish, Vietnamese and Thai (pages written blind)', () => {
    const cell =
      'Importe total del pedido: US$ 12,450.00 Productos: US$ 12,060.00 Envío: US$ 390.00 Pago inicial (30 %): US$ 3,735.00 — pendiente Saldo: US$ 8,715.00 antes del envío';
    expect(totalIn(cell, money)).toEqual({ minor: 1245000, currency: 'USD' });
    expect(totalIn('162.000₫ Tổng tiền hàng 147.000 đ Phí vận chuyển 15.000 đ Giảm giá của người bán 0₫', money)).toEqual({ minor: 162000, currency: 'VND' });
    expect(totalIn('ยอดรวมสินค้า ฿1,300.00 ค่าจัดส่ง ฿0.00 ที่ต้องชำระ ฿1,250.00', money)).toEqual({ minor: 125000, currency: 'THB' });
    // The tax it includes, and a breakdown after it whose labels hold amounts of their own.
    expect(totalIn('£38.49 incl. VAT £6.42 Price details Subtotal £39.00 Postage £3.49 Spend £25, save £5 −£5.00', money)).toEqual({ minor: 3849, currency: 'GBP' });
    expect(totalIn('US $33.00 상품 합계 US $29.97 배송비 US $5.03 가격 조정 -US $2.00', money)).toEqual({ minor: 3300, currency: 'USD' });
    // A caption under the amount it names: the amount before it, not the saving inside it.
    expect(totalIn('Rp228.000 Total pesanan (termasuk ongkir Rp12.000, hemat Rp27.000) Transfer Bank', money)).toEqual({ minor: 228000, currency: 'IDR' });
    expect(totalIn('Total pesanan: Rp228.000', money)).toEqual({ minor: 228000, currency: 'IDR' });
  });
  it('reads a total in the buyer\'s currency beside its settlement and the rate it was made at (pages written blind)', () => {
    expect(totalIn('₩52,800 Products ₩48,800 Shipping ₩4,000 Est. settlement ≈ US $37.85 1 USD = 1,395.00 KRW', money)).toEqual({ minor: 52800, currency: 'KRW' });
    expect(totalIn('$ 612.40 MXN Products $ 579.40 Shipping $ 33.00 Est. settlement ≈ US $35.60 1 USD = 17.2000 MXN', money)).toEqual({ minor: 61240, currency: 'MXN' });
    expect(totalIn('R$ 118,90 1 US$ ≈ R$ 5,12', money)).toEqual({ minor: 11890, currency: 'BRL' });
    // A note in brackets after a part of the total is the part's: "free shipping over $499" is no second amount.
    expect(totalIn('NT$630 信用卡 商品小計 NT$649 運費 NT$0（滿 NT$499 免運） 蝦幣折抵 −NT$19', money)).toEqual({ minor: 63000, currency: 'TWD' });
  });
  it('reads the whole total of a staged order, never what is due in the current stage (pages written blind)', () => {
    // "本期应付" is the instalment due now: 应付 after 本期 is no total's label.
    expect(totalIn('US$3,120.00 含运费 US$420.00 本期应付 US$936.00', money)).toEqual({ minor: 312000, currency: 'USD' });
    expect(totalIn('US$3,120.00 Amount due now US$936.00', money)).toEqual({ minor: 312000, currency: 'USD' });
    expect(totalIn('应付 ¥58.80', money)).toEqual({ minor: 5880, currency: 'CNY' });
    // A breakdown whose label carries a note in brackets, in Swiss thousands: parts, not a second total.
    expect(totalIn("CHF 18'960.00 Warenwert CHF 18'960.00 Versand (kostenlos) CHF 0.00", money)).toEqual({ minor: 1896000, currency: 'CHF' });
  });
  it('refuses an amount with a bare number before it: a number drawn in parts the reader could not put together', () => {
    // "584.90" and "1₫" in two elements show 584.901₫; the one marked amount alone would be ₫1.
    expect(totalIn('584.90 1₫', money)).toBeNull();
    expect(totalIn('US $47 97', money)).toBeNull();
    // A count of the goods under the total is no part of its number.
    expect(totalIn('₱668.00 1 item', money)).toEqual({ minor: 66800, currency: 'PHP' });
    expect(totalIn('¥58.80 共 2 件', money)).toEqual({ minor: 5880, currency: 'CNY' });
  });
});

describe('shortTexts', () => {
  it('joins the page texts of a block with nested elements, leaving out scripts, styles, form fields and long notes', () => {
    const doc = parse(`<body><div id="o">
      <div>Order No. <b>2358  764510</b><i>02019725</i></div>
      <script>var total = "US $9.00";</script><style>.x{}</style>
      <select><option>Awaiting shipment</option></select><textarea>draft</textarea>
      <p>Created:
         2026-11-20 14:03</p><p>${'long note '.repeat(30)}</p>
      <div><span>Awaiting payment</span><span>Auto-cancels in 47h 30m</span></div>
    </div></body>`);
    const block = [doc.getElementById('o')!];
    const text = shortTexts(block, 200);
    expect(text).toBe('Order No. 2358 764510 02019725 Created: 2026-11-20 14:03 Awaiting payment Auto-cancels in 47h 30m');
    expect(text).toBe(listed(block, 200));
  });

  it('gives what the listed texts give over several rows, a text past 1000 characters cut before it is measured', () => {
    const doc = parse(`<body><table><tbody>
      <tr id="a"><td>订单号 261123-384685998833090</td><td>${'好'.repeat(1500)}</td></tr>
      <tr id="b"><td>实收款 <span>¥131.00</span></td><td>待支付</td></tr>
    </tbody></table></body>`);
    const rows = [doc.getElementById('a')!, doc.getElementById('b')!];
    for (const max of [200, 1000, 2000]) expect(shortTexts(rows, max)).toBe(listed(rows, max));
    expect(shortTexts(rows, 2000)).toContain('好'.repeat(1000));
    expect(shortTexts(rows, 2000)).not.toContain('好'.repeat(1001));
  });

  it('keeps a number drawn in parts whole, in the listed texts and in the joined text alike', () => {
    const doc = parse(`<body><div id="o">
      <div>Total: <span>US $</span><span>47</span><span>.97</span></div>
      <div><span>₫1.590</span><span>.000</span> · <b>R$ 59</b><b>,90</b></div>
      <div>Qty <span>2</span><span>3</span> at <span>14</span><span>:03</span></div>
      <div><b>$12</b><sup>50</sup> <b>R$ 1.234</b><sup>50</sup></div>
    </div></body>`);
    const block = [doc.getElementById('o')!];
    expect(textNodes(block[0]!).map((t) => t.text)).toEqual(['Total:', 'US $', '47.97', '₫1.590.000', '·', 'R$ 59,90', 'Qty', '2', '3', 'at', '14:03', '$12.50', 'R$ 1.234,50']);
    // Two numbers side by side stay two ("2" "3" is no 23: cells of a table row touch too).
    expect(shortTexts(block, 200)).toBe('Total: US $ 47.97 ₫1.590.000 · R$ 59,90 Qty 2 3 at 14:03 $12.50 R$ 1.234,50');
    expect(shortTexts(block, 200)).toBe(listed(block, 200));
  });

  it('leaves out text whose own element is struck through, in the listed texts and the joined text alike', () => {
    const doc = parse(`<body><div id="o"><div>Total: <del>US $99.00</del> <s><span>US $</span><b>88.00</b></s> US $47.97</div></div></body>`);
    const block = [doc.getElementById('o')!];
    // Deeper struck text is listed (one query per text would cost every block): the total's label skips it.
    expect(textNodes(block[0]!).map((t) => t.text)).toEqual(['Total:', 'US $', '88.00', 'US $47.97']);
    expect(shortTexts(block, 200)).toBe('Total: US $ 88.00 US $47.97');
    expect(shortTexts(block, 200)).toBe(listed(block, 200));
    expect(totalByLabel(textNodes(block[0]!), (t) => soleMoney(t))).toEqual({ minor: 4797, currency: 'USD' });
    expect(spacedText(block[0]!)).toBe('Total: US $47.97');
  });

  it('is empty for a block without page text', () => {
    const doc = parse('<body><div id="o"> <script>1</script> <img alt="x"> </div></body>');
    expect(shortTexts([doc.getElementById('o')!], 200)).toBe('');
  });
});

// The readers as they were before the walks by hand: a query for the controls,
// the texts of a goods line listed, textContent for "shows any text".
const ORDER_WORD = String.raw`(?:(?:order|订单|訂單|交易|pedido|commande|pesanan|đơn\s*hàng|заказа?)\s*)`;
const OF_ORDER = String.raw`(?:\s*(?:(?:do|del|de\s*la|de)\s*(?:pedido|commande)|(?:của\s*)?đơn\s*hàng|pesanan|заказа))`;
const HEADER_TEXT = new RegExp(`^${ORDER_WORD}?(?:${Object.values(HEADER_WORDS).map((re) => re.source).join('|')})${OF_ORDER}?\\s*[:：]?$`, 'i');
const NOT_A_NICK = (text: string) =>
  CHAT_WORDS.test(text) || STATS.test(text) || (text.length <= 24 && /^(?:(?:qty|qtd|quantity|quantidade|cantidad|số lượng|sl|jumlah|จำนวน|数量|數量|個数|menge|anzahl|quantité|quantità)\s*[:：.]?\s*[x×]?|[x×*])\s*(\d{1,6})$/iu.test(text)) || /^(?:手机订单|手機訂單|电脑订单|PC订单|预售|預售|拍下减库存|付款减库存|包邮|包郵|极速退款|运费险|[7七]天无理由(?:退货)?|mobile\s*order|pre-?order|free\s*shipping)$/iu.test(text) || /^[\p{L}\s]{1,20}[:：]$/u.test(text) || /^[\d\s:/.\-–—−_·…*|年月日]+$/.test(text) || (/\d/.test(text) && parseMoneyAll(text.replace(/^[-−–+]\s*/, '')).length > 0) || isBuyerTag(text) || (text.length <= 24 && HEADER_TEXT.test(text)) || /\d{1,2}:\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}/.test(text);
function listedChatControl(el: Element): boolean {
  const tag = el.tagName;
  if (tag !== 'A' && tag !== 'BUTTON' && el.getAttribute('role') !== 'button') return false;
  const text = spacedText(el);
  if (text && CHAT_WORDS.test(text)) return true;
  const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
  if (!text && /chat|message|联系|旺旺|contact/i.test(label)) return true;
  return tag === 'A' && CHAT_HREF.test(el.getAttribute('href') ?? '') && (!text || CHAT_WORDS.test(text));
}
const FLAG = /^[\p{Regional_Indicator}\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u;
const BUTTONS = 'button, [role="button"]';
const STATS = /\b\d+\s+(?:paid\s+|previous\s+)?orders?\b|\bjoined\s+\d{4}|(?:下单|回购|购买|復購)\s*\d+\s*次|\d+\s*(?:笔|筆)订单|\d+\s*(?:đơn|pedidos?|pesanan)\s/iu;
function queriedNickBeforeChat(scope: Element[]): string {
  const texts = scope.flatMap((s) => textNodes(s));
  for (const s of scope) {
    for (const control of s.querySelectorAll('a, button, [role="button"]')) {
      // A link to the chat showing a name: the name.
      const shown = spacedText(control);
      if (control.tagName === 'A' && shown && shown.length <= 60 && CHAT_HREF.test(control.getAttribute('href') ?? '') && !/[:：]/.test(shown) && !CHAT_LABEL.test(shown) && nickOf(control) && !notANick(nickOf(control))) return nickOf(control);
      if (!listedChatControl(control)) continue;
      // Among two other controls that are no chat control: the order's actions, no name before it.
      const box0 = control.parentElement;
      if (box0) {
        const around = box0.childElementCount > 1 || !box0.parentElement ? box0 : box0.parentElement;
        const others = [...around.children]
          .map((c) => (c.matches('a, button, [role="button"]') ? c : c.childElementCount === 1 && c.firstElementChild!.matches('a, button, [role="button"]') ? c.firstElementChild! : null))
          .filter((o) => o && o !== control && !o.contains(control) && !listedChatControl(o));
        if (others.length >= 2) continue;
      }
      // The first of the few lines that end in the control, in its own box; else the text right before it.
      const box = control.parentElement;
      let first: string | undefined;
      if (box && box !== s && s.contains(box)) {
        const all = textNodes(box).filter((t) => !control.contains(t.node));
        // A flag, another button's label: no line of the buyer's.
        const lines = all.filter((t) => !FLAG.test(t.text) && !isBuyerTag(t.text) && !STATS.test(t.text) && !t.node.parentElement?.closest(BUTTONS));
        if (!all.some((t) => control.compareDocumentPosition(t.node) & 4) && lines.length >= 2 && lines.length <= 3) first = lines.map((t) => t.text).find((t) => !NOT_A_NICK(t) && !BUYER_LABEL.test(t));
      }
      const last = texts.filter((t) => !(control.compareDocumentPosition(t.node) & 4) && !FLAG.test(t.text) && !STATS.test(t.text)).at(-1);
      // Another button's label right before the control: no name.
      const before = first ?? (last?.node.parentElement?.closest(BUTTONS) ? undefined : last?.text);
      if (before && !NOT_A_NICK(before) && !BUYER_LABEL.test(before)) return before;
    }
  }
  return '';
}
function listedNickByLabel(scope: Element[]): string {
  const texts = scope.flatMap((s) => textNodes(s));
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!.text;
    const m = BUYER_LABEL.exec(text);
    if (!m || m[0].length === 0) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest && !/[:：]\s*$/.test(m[0])) continue;
    if (rest) return NOT_A_NICK(rest) ? '' : rest;
    // A bare label right before a form field (no <label> element in these blocks): the name is the field's, no text.
    const after = texts[i]!.node.parentElement?.nextElementSibling;
    if (after && ['select', 'textarea', 'input'].includes(after.localName)) return '';
    const next = texts[i + 1]?.text;
    if (next && !NOT_A_NICK(next)) return next;
  }
  return '';
}
function listedGoodsLines(cell: Element): Element[] {
  const skipped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION', 'DEL', 'S', 'STRIKE']);
  const alike = (a: Element, b: Element): boolean => {
    if (a.tagName !== b.tagName) return false;
    if (a.className || b.className) return a.className === b.className;
    return [...a.children].map((c) => c.tagName).join() === [...b.children].map((c) => c.tagName).join();
  };
  let el = cell;
  for (let depth = 0; depth < 12; depth++) {
    const kids = [...el.children].filter((k) => !skipped.has(k.tagName) && /\S/.test(k.textContent ?? ''));
    // Text of the element's own before its children (a title, its spec lines below): the element is the line.
    const first = [...el.childNodes].find((n) => (n.nodeType === 3 ? /\S/.test(n.nodeValue ?? '') : n.nodeType === 1 && !skipped.has((n as Element).tagName) && /\S/.test(n.textContent ?? '')));
    if (first?.nodeType === 3) break;
    if (kids.length === 1) {
      el = kids[0]!;
      continue;
    }
    if (kids.length >= 2 && kids.every((k) => alike(k, kids[0]!))) return kids;
    // Alike lines, each with a number, and lines of other kinds after them.
    const run = kids.findIndex((k) => !alike(k, kids[0]!) || !/\d/.test(k.textContent ?? ''));
    if (run >= 2 && !kids.slice(run).some((k) => alike(k, kids[0]!))) return kids.slice(0, run);
    break;
  }
  return [el];
}
function listedItems(cell: Element) {
  return listedGoodsLines(cell).flatMap((line) => {
    const texts = textNodes(line).map((t) => t.text);
    const title = texts.find((t) => /\p{L}{2}/u.test(t) && !/[:：]\s*$/.test(t) && parseMoneyAll(t).length === 0);
    let qty = 1;
    for (const t of texts) {
      const m = t.length <= 12 ? /^[x×*]\s*(\d{1,6})$/i.exec(t) : null;
      if (m) qty = Number(m[1]) || 1;
    }
    return title ? [{ title: title.slice(0, 1000), qty }] : [];
  });
}

describe('nickBeforeChat: a link to the chat that shows a name', () => {
  it('reads the name the chat link shows as the buyer, never its words or a translation of them (blind batches 29, 30)', () => {
    const doc = parse(`<div id="a"><span>Order ID:</span> <span>8204512239871043</span> <i title="RU"></i><a href="https://gsp.aliexpress.com/m_apps/im-chat/im#/window">Ольга К.</a> <svg></svg></div>
      <div id="b"><span>Order No.: 275839911231028812</span><a href="https://message.alibaba.com/message/messenger.htm">Contact buyer<font class="notranslate">联系买家</font></a></div>`);
    expect(nickBeforeChat([doc.getElementById('a')!])).toBe('Ольга К.');
    expect(nickBeforeChat([doc.getElementById('b')!])).toBe('');
    // A badge drawn in the link beside the name is no part of it.
    const badged = parse('<div id="c"><span>8204512239871043</span><a href="https://gsp.aliexpress.com/m_apps/im-chat/im#/window">Ольга К. <span class="tag">New buyer</span></a></div>');
    expect(nickBeforeChat([badged.getElementById('c')!])).toBe('Ольга К.');
  });
});

describe('nickByLabel', () => {
  it('reads no name after the label of a form field: the next text is another field\'s (a page written blind read "Subtotal")', () => {
    const card = (attrs: string) =>
      parse(`<body><div id="o"><div><label ${attrs}>Buyer</label><textarea id="b-1" readonly rows="2">Jasmine Carter\n@jazzy.carter</textarea></div>` +
        '<div><span>Subtotal</span><span>$25.98</span><span>Total</span><span>$32.11</span></div></div></body>');
    expect(nickByLabel([card('for="b-1"').getElementById('o')!])).toBe('');
    // A redeploy renamed the ids: the `for` names none, the field is still the one right after the label.
    expect(nickByLabel([card('for="x9"').getElementById('o')!])).toBe('');
    expect(nickByLabel([card('').getElementById('o')!])).toBe('');
    // A checkbox before a label's words is no field of a name.
    const ticked = parse('<body><div id="o"><label><input type="checkbox"> <span>Buyer</span></label> <a href="#">Nadia_88</a></div></body>');
    expect(nickByLabel([ticked.getElementById('o')!])).toBe('Nadia_88');
  });

  it('reads the name after a buyer label in Thai, Indonesian, Traditional Chinese, Korean and Japanese, without a separator after it', () => {
    for (const [label, nick] of [['ผู้ซื้อ:', 'ploy.ploy_'], ['Pembeli', 'rina_hijab ·'], ['買家：', '阿 蓁 ✿'], ['구매자', '윤서준'], ['バイヤー', 'Michael Turner']] as const) {
      const doc = parse(`<body><div id="o"><span>${label}</span> <a href="#">${nick}</a> <button>Chat</button></div></body>`);
      expect(nickByLabel([doc.getElementById('o')!])).toBe(nick.replace(/ ·$/, ''));
    }
  });
  it('reads the name after every buyer label the words know, each written as a page would, in either case', () => {
    // Every alternative of BUYER_LABEL, written out: optional parts dropped, the first of a choice taken, a space for
    // a run of spaces, the first letter of a class. A label whose first letter the fast path in nickByLabel does not
    // know is never read ("المشتري" was not); a Turkish label in capitals ("ALICI") is one the dotless ı does not fold to.
    const source = BUYER_LABEL.source;
    const inner = source.slice(source.indexOf('(?:') + 3, source.lastIndexOf(')\\s*[:：]'));
    const alternatives: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < inner.length; i += 1) {
      if (inner[i] === '(') depth += 1;
      else if (inner[i] === ')') depth -= 1;
      else if (inner[i] === '|' && depth === 0) {
        alternatives.push(inner.slice(start, i));
        start = i + 1;
      }
    }
    alternatives.push(inner.slice(start));
    const written = alternatives.map((a) =>
      a
        .replace(/\(\?:[^()]*\)\?/g, '')
        .replace(/\(\?:([^|()]*)(?:\|[^()]*)?\)/g, '$1')
        .replace(/\[(.)[^\]]*\]/gu, '$1')
        .replace(/\\s[*+]/g, ' ')
        .trim(),
    );
    expect(written).toContain('المشتري');
    expect(written).toContain('contact person');
    for (const label of written) {
      expect(label, label).not.toMatch(/[\\()[\]|?*+]/);
      for (const form of [label, label.toLocaleUpperCase('en'), label.charAt(0).toUpperCase() + label.slice(1)]) {
        const doc = parse(`<body><div id="o"><span>${form}:</span> <span>Nadia_88</span></div></body>`);
        expect(nickByLabel([doc.getElementById('o')!]), form).toBe('Nadia_88');
      }
    }
  });
  it('passes over a label kept for screen readers only, whose name may be stale (a page written blind)', () => {
    const doc = parse(`<body><div id="o"><span class="sr-only">Buyer: Mohammed Al-Farsi</span><span>Buyer</span> <span aria-hidden="true">Mohd. Alfarsi</span></div></body>`);
    expect(nickByLabel([doc.getElementById('o')!])).toBe('Mohd. Alfarsi');
  });
  it('takes no header after "Buyer" in a hidden header row for the name, with an order word before or after it (a page written blind, redeployed)', () => {
    for (const next of ['Order status', 'Status do pedido', '交易状态', 'Order time', 'Trạng thái đơn hàng', 'Status pesanan', 'Статус заказа']) {
      const doc = parse(`<body><table id="o"><thead><tr><th>Product</th><th>Buyer</th><th>${next}</th></tr></thead><tbody><tr><td>Mug</td><td><span>Jean-Pierre Moreau</span></td><td>Awaiting payment</td></tr></tbody></table></body>`);
      expect(nickByLabel([doc.getElementById('o')!])).toBe('');
      expect(notANick(next)).toBe(true);
    }
    // Nor a labelled amount under a total (a page written blind, batch 46).
    for (const part of ['含运费:6.00', '运费：¥10.00', 'Frete: R$ 5,00', 'Shipping: US $4.50']) expect(notANick(part), part).toBe(true);
    // A name holding such a word is still a name.
    for (const nick of ['Order Lover 88', 'Pedido Rápido Ltda', 'status_quo_shop']) expect(notANick(nick)).toBe(false);
  });
});

describe('nickBeforeChat', () => {
  it('takes no quantity, amount or button label right before the control for the name (pages written blind, redeployed)', () => {
    const doc = parse(`<body><div id="q"><div><div>保温杯</div><div>x2</div></div><div><div><span>VIP88</span><span>老客</span></div></div><a href="https://mms.pinduoduo.com/chat-merchant/index.html#/">联系买家</a></div>
      <div id="m"><div>Скидка продавца:</div><div>-1,50 $</div><a href="#">Написать</a></div>
      <div id="b"><div><div>Mr. Daniel Okafor</div></div><div><button>Modify price</button><button>Contact buyer</button></div></div></body>`);
    for (const id of ['q', 'm', 'b']) expect(nickBeforeChat([doc.getElementById(id)!])).toBe('');
  });

  it('takes no order action before the chat control for the buyer, in the back-offices\' languages (a page written blind, batch 45)', () => {
    for (const action of ['Rincian', 'Rincian Pesanan', 'รายละเอียด', '詳細', '상세 보기', 'Подробнее', 'Detalhes']) {
      const doc = parse(`<body><div id="o"><a href="#">${action}</a><button>Chat</button></div></body>`);
      expect(nickBeforeChat([doc.getElementById('o')!]), action).toBe('');
    }
  });

  it('takes the text right before the first chat control, wherever the control is nested or whatever makes it one', () => {
    const doc = parse(`<body><table><tbody>
      <tr id="a"><td>订单号 3398752046183927614</td><td><span>tb_小美</span></td></tr>
      <tr id="b"><td><div><p><a href="https://amos.alicdn.com/getcid.aw?v=3"><img alt=""></a></p></div><a href="#">详情</a></td></tr>
    </tbody></table>
    <div id="c"><div>Buyer:</div><div><a href="#">Product name</a><span>aisyah_shop</span><div role="button"><i></i>Chat</div><button>Chat</button></div></div>
    <div id="d"><span>Lan</span><script>var a = "<a>";</script><button aria-label="Send message"></button></div>
    </body>`);
    const a = doc.getElementById('a')!;
    const b = doc.getElementById('b')!;
    // The control (an icon link to the chat) sits in the second row, the nick at the end of the first.
    expect(nickBeforeChat([a, b], a.parentElement)).toBe('tb_小美');
    const c = doc.getElementById('c')!;
    expect(nickBeforeChat([c], c)).toBe('aisyah_shop');
    const d = doc.getElementById('d')!;
    expect(nickBeforeChat([d], d)).toBe('Lan');
    for (const scope of [[a, b], [c], [d]]) expect(nickBeforeChat(scope)).toBe(queriedNickBeforeChat(scope));
  });

  it('looks for controls inside the block only: a block part that is itself a chat control is not one of them', () => {
    const doc = parse(`<body><div id="x"><span>Lan</span></div><button id="y" aria-label="chat"></button></body>`);
    const scope = [doc.getElementById('x')!, doc.getElementById('y')!];
    expect(nickBeforeChat(scope, doc.body)).toBe('');
    expect(queriedNickBeforeChat(scope)).toBe('');
  });

  it('gives what the query for controls gave, for any block (random trees)', () => {
    const text = fc.constantFrom('', ' ', 'Lan', '旺旺在线', 'Chat', 'Buyer:', 'x2', '2026-11-20', 'tb_小美', ' Send message ', '买家：', ' buyer  name : ', 'Buyer: Lan', 'Buyer note: hi', 'Покупатель', 'Người mua:', 'Status:', 'Customer');
    type Tree = { tag: string; attrs: string; kids: Array<Tree | string> };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.record({
        tag: fc.constantFrom('div', 'span', 'a', 'button', 'div', 'span', 'script', 'select'),
        attrs: fc.constantFrom('', ' role="button"', ' href="https://amos.alicdn.com/x"', ' aria-label="chat"', ' title="联系"', ' role="Button"'),
        kids: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')), { maxLength: 4 }),
      }),
    })).node;
    const html = (t: Tree | string): string => (typeof t === 'string' ? t : `<${t.tag}${t.attrs}>${t.kids.map(html).join('')}</${t.tag}>`);
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(text, tree), { maxLength: 4 }), { minLength: 1, maxLength: 3 }), (blocks) => {
        const doc = parse(`<body><main>${blocks.map((kids) => `<section>${kids.map(html).join('')}</section>`).join('')}</main></body>`);
        const scope = [...doc.querySelectorAll('section')];
        expect(nickBeforeChat(scope, doc.querySelector('main'))).toBe(queriedNickBeforeChat(scope));
        expect(nickBeforeChat(scope)).toBe(queriedNickBeforeChat(scope));
        expect(nickByLabel(scope)).toBe(listedNickByLabel(scope));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('nickByLabel', () => {
  it('takes the nick after a buyer label, in the text of the label or the next one kept, across the rows of a block', () => {
    const doc = parse(`<body><table><tbody>
      <tr id="a"><td>Order No. 8150000000000001</td><td>Buyer note: call first</td><td><b>Buyer</b><script>var x = "Lan";</script></td></tr>
      <tr id="b"><td><select><option>Mai</option></select></td><td>  Status:  </td><td>Người   mua:</td><td> <span>Trần  Thị Mai</span></td></tr>
      <tr id="c"><td>buyer: 2026-11-20</td><td>Lan</td></tr>
    </tbody></table></body>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => doc.getElementById(id)!);
    // "Buyer" ends row a; "Status:" (a label) follows it; then "Người mua:" and its nick in the next cell.
    expect(nickByLabel([a!, b!])).toBe('Trần Thị Mai');
    expect(nickByLabel([a!, b!])).toBe(listedNickByLabel([a!, b!]));
    // A label whose own value is no nick (a date) ends the search.
    expect(nickByLabel([c!])).toBe('');
    expect(listedNickByLabel([c!])).toBe('');
  });
});

describe('goods lines', () => {
  it('splits a cell into its repeated lines past parts without text, and reads each title and its last lone quantity', () => {
    const doc = parse(`<body><div id="cell">
      <div class="line"><img alt=""> <div><b>  </b><span>Rose <i>Quartz</i> Tumbler</span></div><span>US $20.00</span><span>x2</span><span>× 3</span></div>
      <div class="line"><img alt=""><div><script>var t = "Hidden title";</script><span>Color:</span><span>Silicone Straw Covers</span></div><span>x1</span></div>
      <div class="line"><img alt=""><div><select><option>Pick one</option></select></div></div>
    </div></body>`);
    const cell = doc.getElementById('cell')!;
    expect(goodsLines(cell)).toHaveLength(3);
    expect(itemsIn(cell)).toEqual([
      { title: 'Rose', qty: 3 },
      { title: 'Silicone Straw Covers', qty: 1 },
    ]);
    expect(titleOf(cell.children[1]!)).toBe('Silicone Straw Covers');
    expect(itemsIn(cell)).toEqual(listedItems(cell));
  });

  it('takes the alike lines before one line of another kind after them ("สั่งซื้อเมื่อ … · 3 ชิ้น"), each line showing a number', () => {
    const doc = parse(`<body><div id="cell">
      <div class="g1"><div class="g2"><div>เคส iPhone 15 Pro กันกระแทก</div><div>ตัวเลือกสินค้า: ใส</div></div><div>฿159</div><div>x1</div></div>
      <div class="g1"><div class="g2"><div>ฟิล์มกระจกนิรภัย</div></div><div>฿89</div><div>x2</div></div>
      <div class="gc">สั่งซื้อเมื่อ 6 ธ.ค. 2569 07:48 · 3 ชิ้น</div>
    </div><div id="one"><div class="t">Rose Quartz Tumbler</div><div class="t">Pink, 500 ml</div><div class="p">US $20.00</div></div></body>`);
    expect(itemsIn(doc.getElementById('cell')!).map((i) => [i.title, i.qty])).toEqual([
      ['เคส iPhone 15 Pro กันกระแทก', 1],
      ['ฟิล์มกระจกนิรภัย', 2],
    ]);
    // One line's title and spec over its price: one line, though the two are alike.
    expect(goodsLines(doc.getElementById('one')!)).toHaveLength(1);
  });

  it('finds the one part with text below parts whose only text is white space or inside a script', () => {
    const doc = parse(`<body><div id="cell"><div> <i> </i> </div><div><script>x</script></div><div><p><span>秋冬加厚羊毛混纺大衣</span></p><p>颜色分类：驼色</p></div></div></body>`);
    const cell = doc.getElementById('cell')!;
    // The script's text is text: a part holding only a script is a part with text, as textContent said.
    expect(goodsLines(cell)).toEqual(listedGoodsLines(cell));
    expect(itemsIn(cell)).toEqual(listedItems(cell));
  });

  it('gives what the listed texts gave, for any item cell (random trees)', () => {
    const text = fc.constantFrom('', ' ', '  \n ', 'Rose Quartz', 'x2', '×3', ' US $5.00 ', '¥63.00', 'Color:', '待付款', 'a  b', 'x \n  2', 'X\u00a012', '*  1', 'Size :  ', 'US  $ 5', `${'1'.repeat(999)} ab`, '.5', '97', ',50');
    type Tree = { tag: string; cls: string; kids: Array<Tree | string> };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.record({
        tag: fc.constantFrom('div', 'span', 'p', 'div', 'span', 'script', 'style', 'option', 'del', 's', 'sup'),
        cls: fc.constantFrom('', '', 'line'),
        kids: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')), { maxLength: 4 }),
      }),
    })).node;
    const html = (t: Tree | string): string => (typeof t === 'string' ? t.replace(/&/g, '&amp;').replace(/</g, '&lt;') : `<${t.tag}${t.cls ? ` class="${t.cls}"` : ''}>${t.kids.map(html).join('')}</${t.tag}>`);
    fc.assert(
      fc.property(fc.array(fc.oneof(text, tree), { maxLength: 5 }), (kids) => {
        const doc = parse(`<body><div id="cell">${kids.map(html).join('')}</div></body>`);
        const cell = doc.getElementById('cell')!;
        // Scripts' contents are raw text when parsed: an element the DOM put inside one too.
        const script = doc.createElement('script');
        script.append(doc.createElement('b'));
        script.firstChild!.appendChild(doc.createTextNode('Hidden x9'));
        cell.lastElementChild?.append(script);
        expect(goodsLines(cell)).toEqual(listedGoodsLines(cell));
        expect(itemsIn(cell)).toEqual(listedItems(cell));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('words kept for screen readers', () => {
  it('reads the total shown after a hidden label, not the stale amount the label holds', () => {
    const doc = parse(`<style>.a11y{position:absolute;width:1px;height:1px;overflow:hidden}</style><div id="o">
      <span class="sr-only">Total pesanan: Rp99.500</span><strong aria-hidden="true">Rp94.500</strong></div>
      <div id="p"><span class="a11y">Order total: $29.90</span><b>$27.75</b></div>`);
    for (const [id, minor, currency] of [['o', 94500, 'IDR'], ['p', 2775, 'USD']] as const) {
      expect(totalByLabel(textNodes(doc.getElementById(id)!), (t) => soleMoney(t)), id).toEqual({ minor, currency });
    }
  });

  it('reads a hidden label that holds no amount as a label ("Order total:" before the amount shown)', () => {
    const doc = parse(`<div id="o"><span class="visually-hidden">Total pesanan:</span><strong>Rp154.200</strong></div>`);
    expect(totalByLabel(textNodes(doc.getElementById('o')!), (t) => soleMoney(t))).toEqual({ minor: 154200, currency: 'IDR' });
  });
});

describe('a buyer after its label', () => {
  it('passes over an avatar\'s initial between the label and the name, a kana or a kanji too', () => {
    const doc = parse(`<div id="a"><span>購入者</span> <span class="avatar" aria-hidden="true">も</span><span>もも🍑</span></div>
      <div id="b"><span>購入者</span> <i aria-hidden="true">佐</i><span>佐藤 美咲</span></div>`);
    expect(nickByLabel([doc.getElementById('a')!])).toBe('もも🍑');
    expect(nickByLabel([doc.getElementById('b')!])).toBe('佐藤 美咲');
  });

  it('reads no buyer from a buyer\'s message ("Pesan pembeli: …")', () => {
    const doc = parse(`<div id="a"><div>ID Pesanan: 578038445021987756 Dibuat: 05/12/2026</div><div>Pesan pembeli: desain logo sudah saya kirim via chat ya min</div></div>`);
    expect(nickInLine([doc.getElementById('a')!])).toBe('');
  });
});

describe('a total label whose words go on', () => {
  const money = (t: string) => soleIn(t);
  // parseMoney with a bare number as yuan, as on Taobao and Pinduoduo pages.
  function soleIn(t: string) {
    const all = parseMoneyAll(t, 'CNY');
    return all.length === 1 ? all[0]! : null;
  }
  const texts = (...list: string[]) => list.map((text) => ({ text }));

  it('takes the next text for "Total pembayaran", "Total del pedido:" and "Итого к оплате"', () => {
    for (const label of ['Total pembayaran', 'Total del pedido:', 'Итого к оплате', 'Total to pay:']) {
      expect(totalByLabel(texts('Subtotal produk', '¥120.00', label, '¥125.00'), money), label).toEqual({ minor: 12500, currency: 'CNY' });
    }
  });

  it('takes a pre-sale card\'s order total ("订单总价"), not its deposit or balance (a page written blind)', () => {
    expect(totalByLabel(texts('订单总价：', '¥1,299.00', '（包邮）', '阶段1：定金　待付款', '¥200.00', '阶段2：尾款', '¥1,099.00'), money)).toEqual({ minor: 129900, currency: 'CNY' });
  });

  it('reads no total from another label that starts with the word ("Total weight", "Total items")', () => {
    expect(totalByLabel(texts('Total weight', '2.5'), money)).toBeNull();
    expect(totalByLabel(texts('Total items', '3'), money)).toBeNull();
  });
});

describe('names a search highlight splits, names cut short, names after an initial (blind batches 32, 33)', () => {
  it('reads a nick whose letters a highlight wraps as one nick, and a badge after a nick as no part of it', () => {
    const cell = (html: string) => parse(`<table><tr><td id="c">${html}</td></tr></table>`).getElementById('c')!;
    expect(nickInCell(cell('<span>to<span class="keyword">bia</span>s.ferreira</span><a href="#" aria-label="Conversar"></a>'))).toBe('tobias.ferreira');
    expect(nickInCell(cell('<span><em class="hl-kw">bia</em>ncamoraes</span>'))).toBe('biancamoraes');
    expect(nickInCell(cell('<span>爱<em>羊绒</em>的阿柒</span>'))).toBe('爱羊绒的阿柒');
    expect(nickInCell(cell('<span>Ana<i>VIP</i></span>'))).toBe('Ana');
    const block = parse('<div id="b"><div>买家：</div><div>爱<em>羊绒</em>的阿柒</div><div>¥99.00</div></div>').getElementById('b')!;
    expect(nickByLabel([block])).toBe('爱羊绒的阿柒');
  });

  it('reads the name an avatar\'s initial heads before a company and a country, whatever the classes (a group\'s head)', () => {
    const doc = parse(`<div id="h"><span class="x1">A</span><span class="x2">Aisha Bello</span><span class="x3">Bello Home Essentials</span><span class="x4">Nigeria</span>
      <a class="x5" href="https://message.alibaba.com/message/messenger.htm">Chat now</a><span>1 order · Amount due US$ 2,130.00</span></div>
      <div id="g"><span>Carlos Mendes</span><span>Mendes Importadora Ltda</span><span>Brazil</span><a href="https://message.alibaba.com/message/messenger.htm">Chat now</a></div>`);
    expect(nickBeforeChat([doc.getElementById('h')!])).toBe('Aisha Bello');
    expect(nickAfterInitial([doc.getElementById('h')!])).toBe('Aisha Bello');
    // A Brazilian company's legal form is a company's: the name before it is the buyer's.
    expect(nickBeforeChat([doc.getElementById('g')!])).toBe('Carlos Mendes');
  });
});

describe('nickInCell', () => {
  it('takes no pointer to the buyer named above for a nick: a combined payment\'s orders say "同上" (a page written blind)', () => {
    const cell = (html: string) => parse(`<table><tr><td id="c">${html}</td></tr></table>`).getElementById('c')!;
    expect(nickInCell(cell('<span>同上（合并付款买家）</span>'))).toBe('');
    expect(nickInCell(cell('<span>Same as above</span>'))).toBe('');
    expect(nickInCell(cell('<span>Same buyer as main order</span>'))).toBe('');
    expect(nickInCell(cell('<span>同上海</span><a>旺旺</a>'))).toBe('同上海');
    expect(nickInCell(cell('<span>橘子汽水🍊_07</span><span>老客</span>'))).toBe('橘子汽水🍊_07');
  });
});


describe('the name after an avatar', () => {
  // A card's title bar: the avatar's initial, then the name with a badge before it (a page written blind, batch 42).
  const card = (initial: string, name: string) =>
    parse(`<div class="order"><div class="user-info"><span class="user-avatar">${initial}</span><span class="user-name"><span>New buyer</span>${name}</span><a class="chat-btn" href="#"><svg aria-hidden="true"></svg></a></div><div>RM188.00</div></div>`).querySelector('.order')!;
  it('passes over a badge between the initial and the name', () => {
    expect(nickAfterAvatar([card('க', 'கவிதா ராஜ்')])).toBe('கவிதா ராஜ்');
    expect(nickAfterAvatar([card('m', 'mei.ling')])).toBe('mei.ling');
  });
  it('never takes the initial for the name a badge follows', () => {
    expect(nickBeforeMark([card('க', 'கவிதா ராஜ்')])).not.toBe('க');
    // With no avatar class, a letter before a badge is still the name ("阿" "新客": a one-character name).
    const plain = parse('<div class="order"><div><span>阿</span><span>新客</span></div><div>¥18.00</div></div>').querySelector('.order')!;
    expect(nickBeforeMark([plain])).toBe('阿');
  });
});
