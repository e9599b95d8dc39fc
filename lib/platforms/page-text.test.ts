// @vitest-environment happy-dom
// headMatch: a label-and-value match read from the start of an order's text
// must be exactly what searching the whole text gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountText, carriesNumber, continuesWord, headMatch, longestLabel, nextInlineText, previousInlineText, spacedText, twoNumbers } from './page-text';
import { parseMoneyAll } from '../orders/money';
import { runs } from '../../test/support/fuzz';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const PDD_LABEL = /(?:下单时间|成交时间|创建时间)/;
const PDD = new RegExp(PDD_LABEL.source + String.raw`\s*[:：]?\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)`);
const SHOPEE_LABEL = /(?:thời gian đặt hàng|ngày đặt hàng|order time|order created|data do pedido|pedido feito em)\s*[:：]?\s*/i;
const SHOPEE = new RegExp(
  SHOPEE_LABEL.source + String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)`,
  'i',
);
const VALUE = /[\s:：\d\-/.]/;

const whole = (scope: Element[], re: RegExp) => re.exec(scope.map((s) => spacedText(s)).join(' '));
const sig = (m: RegExpExecArray | null) => (m === null ? null : [m.index, ...m]);

describe('longestLabel', () => {
  it('measures the alternatives of a plain label and refuses anything else', () => {
    expect(longestLabel(PDD_LABEL)).toBe(4);
    expect(longestLabel(SHOPEE_LABEL)).toBe(18);
    expect(longestLabel(/(?:a.c|d)/)).toBe(Infinity);
    expect(longestLabel(/x(?:ab)/)).toBe(Infinity);
  });
});

describe('headMatch', () => {
  it('answers from the head when a non-date character follows the match', () => {
    const doc = parse('<div id="c"><div><span>订单号：261123-384685998833090</span> <span>下单时间：2026-11-23 10:15:22</span></div><div><p>加厚珊瑚绒睡衣</p><p>¥63.00 ×2</p></div></div>');
    const scope = [doc.getElementById('c')!];
    const m = headMatch(scope, PDD, 4, VALUE, 4);
    expect(m?.[1]).toBe('2026-11-23 10:15:22');
    expect(sig(m!)).toEqual(sig(whole(scope, PDD)));
  });

  it('leaves it to the whole text when the head ends inside a possible match', () => {
    const doc = parse('<div id="c"><span>下单时间：2026-11-23</span><span>10:15</span><span>x</span><span>y</span></div>');
    const scope = [doc.getElementById('c')!];
    expect(headMatch(scope, PDD, 4, VALUE, 1)).toBeUndefined();
    expect(whole(scope, PDD)?.[1]).toBe('2026-11-23 10:15');
  });

  it('skips script and style text as spacedText does', () => {
    const doc = parse('<div id="c"><script>下单时间：2020-01-01</script><span>下单时间：2026-11-23</span> <b>加</b></div>');
    const scope = [doc.getElementById('c')!];
    const m = headMatch(scope, PDD, 4, VALUE);
    expect(m === undefined || m?.[1] === '2026-11-23').toBe(true);
    expect(whole(scope, PDD)?.[1]).toBe('2026-11-23');
  });

  it('joins a number drawn in parts and raised cents as spacedText does', () => {
    const doc = parse(`<div id="c"><span>合计：</span><span>¥</span>47<sup>97</sup><span>.</span> 已付 <i>下单时间：2026-11-2</i><i>3</i></div>`);
    const scope = [doc.getElementById('c')!];
    const TOTAL = /(?:合计)[:：]\s*¥?\s*(\d+(?:\.\d{2})?)/;
    const m = headMatch(scope, TOTAL, 2, /[\s:：\d.¥]/);
    expect(m?.[1]).toBe('47.97');
    expect(whole(scope, TOTAL)?.[1]).toBe('47.97');
  });

  it('is exactly the whole text’s first match whenever it answers (random scopes)', () => {
    const piece = fc.constantFrom(
      '下单时间', '成交时间', '创建时间', '时间', '下单', '：', ':', ' ', '  ', '\n ', '\u00a0', '2026-11-23', '2026', '-', '/', '.', '11', '3', '10:15', ':22',
      '加厚', '·', 'x', 'Order time', 'ORDER TIME', 'order created', 'thời gian đặt hàng', 'ngày đặt hàng', 'data do pedido', ' feito em', 'pedido feito em',
      '23/11/2026', '1/2/2026', '', '.5', ',0', '9.',
      '下单时间：2026-11-23 10:15', '成交时间: 2026/1/2', '创建时间 2026.11.23 9:05:01', 'Order time: 23/11/2026 10:15', 'data do pedido 1/2/2026', 'pedido feito em 2026-11-23',
    );
    const text = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(''));
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    type Tree = { tag: string; kids: Array<Tree | string> };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.record({
        tag: fc.constantFrom('div', 'span', 'p', 'b', 'div', 'span', 'script', 'style', 'template', 'del', 'strike', 'sup'),
        kids: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')), { maxLength: 4 }),
      }),
    })).node;
    const html = (t: Tree | string): string => (typeof t === 'string' ? escape(t) : `<${t.tag}>${t.kids.map(html).join('')}</${t.tag}>`);
    const scopeArb = fc.array(fc.record({ tag: fc.constantFrom('div', 'section'), kids: fc.array(fc.oneof(text, tree), { maxLength: 4 }) }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(scopeArb, fc.integer({ min: 1, max: 20 }), (scopeTrees, maxNodes) => {
        const doc = parse(`<main>${scopeTrees.map(html).join('')}</main>`);
        const scope = [...doc.querySelector('main')!.children];
        for (const [re, label] of [[PDD, longestLabel(PDD_LABEL)], [SHOPEE, longestLabel(SHOPEE_LABEL)]] as const) {
          const m = headMatch(scope, re, label, VALUE, maxNodes);
          if (m === undefined) continue;
          expect(sig(m)).toEqual(sig(whole(scope, re)));
        }
      }),
      { numRuns: runs(400) },
    );
  });
});

/** spacedText as plainly as it can be said: every text node not under a script, style or template, trimmed, folded, joined with spaces. */
function plainSpaced(node: Element, clean: Element | null): string {
  const hidden = (el: Element | null): boolean => {
    for (let at = el; at; at = at.parentElement) {
      if (at === clean) return false;
      if (['script', 'style', 'template', 'del', 's', 'strike'].includes(at.localName)) return true;
    }
    return false;
  };
  const out: Array<{ value: string; sup: boolean; drawn?: true }> = [];
  const walker = node.ownerDocument.createTreeWalker(node, 5 /* NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t.nodeType === 1) {
      // An empty inline part right inside a number: what the style sheet draws there is unknown here (no generated
      // content in this DOM), U+FFFD.
      const el = t as Element;
      const inside = /\d$/.test(el.previousSibling?.textContent ?? '') && /^[.,]?\d/.test(el.nextSibling?.textContent ?? '');
      if (!el.firstChild && ['span', 'b'].includes(el.localName) && inside && !hidden(el)) out.push({ value: '\ufffd', sup: false, drawn: true });
      continue;
    }
    const value = (t.nodeValue ?? '').trim().replace(/\s+/g, ' ');
    if (value && !hidden(t.parentElement)) out.push({ value, sup: t.parentElement?.localName === 'sup' });
  }
  if (hidden(node)) return '';
  // One space between texts, none inside a number drawn in parts ("79" ".70", "79." "70", "14" ":03", "47" "." "60"), and raised
  // cents after a number joined by the decimal mark its whole units do not use ("1.234" ⁵⁰ → "1.234,50").
  return out.reduce((joined, { value: next, sup, drawn }) => {
    if (drawn) return /\d$/.test(joined) ? joined + next : joined;
    if (!joined) return next;
    if (sup && /^\d\d$/.test(next) && /\d$/.test(joined)) {
      const units = /[\d.,]*$/.exec(joined)![0];
      const lastMark = units.replace(/\d/g, '').slice(-1);
      return joined + (lastMark === '.' ? ',' : '.') + next;
    }
    return (/\d$/.test(joined) && /^(?:[.,:]\d|[.,]$)/.test(next)) || (/\d[.,]$/.test(joined) && /^\d/.test(next)) ? joined + next : `${joined} ${next}`;
  }, '');
}

describe('amountText', () => {
  it('reads a cell showing two amounts again without the one kept for screen readers (a stale label), by class or by style sheet', () => {
    const doc = parse(`<style>.x9q{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style>
      <div id="a"><span class="sr-only">Montant total : 29,90 $US</span><span aria-hidden="true">27,75 $US</span></div>
      <div id="b"><span class="x9q">Order total: $29.90</span><span>$27.75</span></div>`);
    for (const id of ['a', 'b']) expect(parseMoneyAll(amountText(doc.getElementById(id)!)).map((m) => m.minor), id).toEqual([2775]);
  });
});

describe('continuesWord: a word a search highlight splits', () => {
  it('joins texts drawn as one word across inline elements inside a mixed element, never two elements of their own', () => {
    const doc = parse(`<div>
      <span id="a">爱<em class="hl-kw">羊绒</em>的阿柒</span>
      <span id="b"><span class="keyword">bia</span>ncamoraes</span>
      <span id="c"><span>Ana</span><span>VIP</span></span>
      <div id="d"><div>Ana</div>ncamoraes</div>
      <span id="e">to<b>bia</b> s.ferreira</span>
      <span id="f">14012<!----><mark>7755</mark>091235</span>
    </div>`);
    const texts = (id: string) => {
      const out: Node[] = [];
      const walker = doc.createTreeWalker(doc.getElementById(id)!, 4);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.nodeValue!.trim()) out.push(t);
      return out;
    };
    const [a1, a2, a3] = texts('a');
    expect(continuesWord(a1!, a2!) && continuesWord(a2!, a3!)).toBe(true);
    expect(nextInlineText(a1!)).toBe(a2);
    expect(previousInlineText(a3!)).toBe(a2);
    const [b1, b2] = texts('b');
    expect(continuesWord(b1!, b2!)).toBe(true);
    const [c1, c2] = texts('c');
    expect(continuesWord(c1!, c2!)).toBe(false);
    const [d1, d2] = texts('d');
    expect(continuesWord(d1!, d2!)).toBe(false);
    // White space between: two words.
    const [e1, e2, e3] = texts('e');
    expect(continuesWord(e1!, e2!)).toBe(true);
    expect(continuesWord(e2!, e3!)).toBe(false);
    // A framework's comment between is no break.
    const [f1, f2] = texts('f');
    expect(continuesWord(f1!, f2!)).toBe(true);
  });
});

describe('spacedText', () => {
  it("reads a drop-down as it shows: its chosen option alone, never the others listing every status (a page written blind, batch 47)", () => {
    const doc = new DOMParser().parseFromString(
      '<body><div id="a">状态 <select disabled><option>待支付</option><option selected>待发货</option><option>已关闭</option></select></div><div id="b"><select><option>待支付</option><option>已关闭</option></select></div></body>',
      'text/html',
    );
    // happy-dom may choose another option than the one marked (see the blind pages' parse): as a browser does.
    for (const select of doc.querySelectorAll('select')) select.selectedIndex = Math.max([...select.options].findIndex((o) => o.hasAttribute('selected')), 0);
    expect(spacedText(doc.getElementById('a'))).toBe('状态 待发货');
    // With none marked, the first shows.
    expect(spacedText(doc.getElementById('b'))).toBe('待支付');
  });
  it('spaces the texts of nested elements and of elements holding one text, skipping scripts, styles and templates', () => {
    const doc = parse(`<div id="c">
      <div>John  Smith</div><div>Acme<b>Trading</b> LLC</div>
      <script>var x = "US $9.00";</script><style>.a{}</style><span><script>1</script></span>
      <p><span>Awaiting\u00a0payment</span></p><i></i><em> </em>
      <div><span>500ml</span><span>x2</span></div>
    </div>`);
    const cell = doc.getElementById('c')!;
    expect(spacedText(cell)).toBe('John Smith Acme Trading LLC Awaiting payment 500ml x2');
    expect(spacedText(cell, cell)).toBe(plainSpaced(cell, cell));
    expect(spacedText(cell.querySelector('script'), cell)).toBe('');
  });

  it('reads raised cents as the cents of the number before them, with the decimal mark its units do not use', () => {
    const doc = parse(`<div id="c"><span>$</span>47<sup>97</sup> <b>R$ 1.234</b><sup>50</sup> <i>1,234</i><sup>50</sup> m<sup>2</sup> 10<sup>3</sup> x<sup>12</sup></div>`);
    expect(spacedText(doc.getElementById('c'))).toBe('$ 47.97 R$ 1.234,50 1,234.50 m 2 10 3 x 12');
  });

  it('keeps a number drawn in parts whole: decimals, thousands and a clock in elements of their own', () => {
    const doc = parse(`<div id="c"><span>¥</span><span>79</span><span>.70</span> <em>₫250</em><em>.000</em> <i>59,</i><i>90</i> <b>18</b><b>:30:00</b></div>
      <table><tr id="r"><td>¥63.00</td><td>2</td><td>.5 kg</td></tr></table>`);
    expect(spacedText(doc.getElementById('c'))).toBe('¥ 79.70 ₫250.000 59,90 18:30:00');
    // Cells side by side: a number then a number is two numbers; a unit that starts ".5" carries on a number, which no
    // real cell holds, and is joined like the rest.
    expect(spacedText(doc.getElementById('r'))).toBe('¥63.00 2.5 kg');
    expect(carriesNumber('79', '.70')).toBe(true);
    expect(carriesNumber('79.', '70')).toBe(true);
    expect(carriesNumber('79', '70')).toBe(false);
    expect(carriesNumber('US $', '47')).toBe(false);
    expect(carriesNumber('Total', '.5')).toBe(false);
    expect(carriesNumber('79', '.x')).toBe(false);
    // Every part of a price in an element of its own: sign, whole units, the point and the cents (pages written blind:
    // "R$ 1.858,90" read as R$ 1, "RM1,173.75" as RM 1, "RM47.60" as RM 47).
    const parts = parse('<dd id="p"><span>R$</span><span>1</span><span>.</span><span>858</span><span>,90</span></dd><dd id="q"><span>RM</span><span>1</span><span>,</span><span>173</span><span>.</span><sup>75</sup></dd><dd id="t"><span>RM</span><span>47</span><span>.</span><span>60</span></dd>');
    expect(spacedText(parts.getElementById('p'))).toBe('R$ 1.858,90');
    expect(spacedText(parts.getElementById('q'))).toBe('RM 1,173.75');
    expect(spacedText(parts.getElementById('t'))).toBe('RM 47.60');
    // A colon alone is a label's, not a clock's ("Total" ":" "12" is no number).
    expect(carriesNumber('14', ':')).toBe(false);
  });

  it('writes full-width digits as plain ones, with the point or comma inside their number: every reader expects one', () => {
    const doc = parse(`<div id="a">￥１３０<small>.００</small></div><div id="b">￥２７４．<small>００</small></div><div id="c">剩余 <i>２天２０小时０５分</i>，共１，０４８件</div><div id="d">Ｔｏｔａｌ：ｘ２</div>`);
    expect(spacedText(doc.getElementById('a'))).toBe('￥130.00');
    expect(spacedText(doc.getElementById('b'))).toBe('￥274.00');
    expect(spacedText(doc.getElementById('c'))).toBe('剩余 2天20小时05分 ，共1,048件');
    // Letters and other full-width signs stay as the page wrote them.
    expect(spacedText(doc.getElementById('d'))).toBe('Ｔｏｔａｌ：ｘ2');
    // Arabic-Indic digits with the Arabic decimal and thousands marks, a right-to-left mark before them.
    const arabic = parse('<div id="e">\u200f١٬٤٣٩٫٠٠\u00a0ر.س</div>');
    expect(spacedText(arabic.getElementById('e'))).toBe('1,439.00 ر.س');
  });

  it('leaves out struck-through text, however deep it sits: the price before a discount is no price', () => {
    const doc = parse(`<div id="c"><del>¥99.00</del> ¥79.70 <s><span>US $</span><b>12.00</b></s><span>待付款</span></div><del id="d"><b>¥5.00</b></del>`);
    expect(spacedText(doc.getElementById('c'))).toBe('¥79.70 待付款');
    expect(spacedText(doc.getElementById('c'), doc.getElementById('c'))).toBe('¥79.70 待付款');
    expect(spacedText(doc.querySelector('#d b'))).toBe('');
  });

  it('leaves out a digit hidden inside a number, and never reads a number whose digits the style sheet draws', () => {
    const doc = parse(`<style>.fz0{font-size:0}.gone{display:none}.d::before{content:attr(data-c)}</style>
      <div id="a"><span>¥1<i class="fz0">7</i>89.00</span></div>
      <div id="b"><span>¥1,0<span style="color:transparent;font-size:0">3</span>24.50</span></div>
      <div id="c"><span>¥3<b class="gone">8</b>9.90</span></div>
      <div id="d"><span>¥4<span class="d" data-c="9"></span>.00</span></div>
      <div id="e"><span>x2</span> <span>3</span></div>`);
    expect(spacedText(doc.getElementById('a'))).toBe('¥189.00');
    expect(spacedText(doc.getElementById('b'))).toBe('¥1,024.50');
    expect(spacedText(doc.getElementById('c'))).toBe('¥39.90');
    // This DOM computes no generated content: the digit drawn there is unknown, and no amount is read.
    expect(spacedText(doc.getElementById('d'))).toBe('¥4\ufffd .00');
    expect(parseMoneyAll(spacedText(doc.getElementById('d')))).toEqual([]);
    // Digits shown side by side stay as they are.
    expect(spacedText(doc.getElementById('e'))).toBe('x2 3');
  });

  it('leaves out a translation an extension wrote beside the page\'s words (Immersive Translate, blind batch 29)', () => {
    const mark = 'data-immersive-translate-translation-element-mark="1"';
    const doc = parse(`<div id="a"><span>Awaiting payment<font class="notranslate immersive-translate-target-wrapper" ${mark}><font class="notranslate" ${mark}>&nbsp;</font><font class="notranslate immersive-translate-target-inner" ${mark}>等待付款</font></font></span> <b>US $38.60</b></div>`);
    expect(spacedText(doc.getElementById('a'))).toBe('Awaiting payment US $38.60');
  });

  it('gives the plain walk’s text for any cell (random trees)', () => {
    const text = fc.constantFrom('', ' ', '  \n ', 'Total', ' US $5,000.00 ', 'x2', '待付款', '\u00a0', 'a  b', '¥', '79', '.70', ' ,50', '79.', '.', '14', ':03', ':', '2', '97', '1.234', '1,234');
    type Tree = { tag: string; kids: Array<Tree | string> };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.record({
        tag: fc.constantFrom('div', 'span', 'b', 'div', 'span', 'script', 'style', 'template', 'del', 's', 'sup'),
        kids: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')), { maxLength: 4 }),
      }),
    })).node;
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = (t: Tree | string): string => (typeof t === 'string' ? escape(t) : `<${t.tag}>${t.kids.map(html).join('')}</${t.tag}>`);
    fc.assert(
      fc.property(fc.array(fc.oneof(text, tree), { maxLength: 5 }), (kids) => {
        const doc = parse(`<main>${kids.map(html).join('')}</main>`);
        const main = doc.querySelector('main')!;
        // Scripts' contents are raw text when parsed: elements put inside them by the DOM too.
        const script = doc.createElement('script');
        script.append(doc.createElement('b'));
        script.firstChild!.appendChild(doc.createTextNode('hidden'));
        main.append(script);
        for (const cell of [main, ...main.querySelectorAll('*')]) expect(spacedText(cell, main)).toBe(plainSpaced(cell, main));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('amounts struck through by a style sheet', () => {
  it('twoNumbers never says one where parseMoneyAll finds two amounts (it only spares the parse)', () => {
    const piece = fc.constantFrom('1', '23', '999', '000', '.', ',', ' ', '\u00a0', "'", '’', '¥', 'US $', 'R$ ', '€', '₫', 'x', '含运费', '(', ')', '-', '5 000', '12.50', '1,234.56');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (parseMoneyAll(text, 'CNY').length > 1) expect(twoNumbers(text), text).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('a price struck by a class before the total is left out; a cell with one amount is read as it is', () => {
    const doc = parse('<html><head><style>.was { text-decoration: line-through }</style></head><body><div id="a"><span class="was">¥999.00</span> <span>¥79.70</span></div><div id="b"><span class="was"><i>¥999.00</i></span><b>¥79.70</b></div><div id="c">¥79.70</div><div id="d"><span>¥999.00</span> <span>¥79.70</span></div></body></html>');
    const text = (id: string) => amountText(doc.getElementById(id));
    expect(text('a')).toBe('¥79.70');
    expect(text('b')).toBe('¥79.70');
    expect(text('c')).toBe('¥79.70');
    // Nothing struck: both stay, and the reader refuses the cell as before.
    expect(text('d')).toBe('¥999.00 ¥79.70');
  });
});
