// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockParts, compileSelector, matchesCompiled } from './block-parts';
import { queryAllFirst, queryFirst } from './types';
import { selectors as alibaba } from './alibaba/selectors';
import { selectors as pdd } from './pdd/selectors';
import { selectors as shopee } from './shopee/selectors';

const parse = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
const fixture = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(import.meta.dirname, '../../test/fixtures', file), 'utf8'), 'text/html');

// Every list the adapters look for inside a block, and edge cases of the string tests.
const LISTS: ReadonlyArray<readonly string[]> = [
  ...Object.values(alibaba),
  ...Object.values(pdd),
  ...Object.values(shopee),
  // (An empty value after *= matches nothing in browsers; happy-dom differs, so it is left out here.)
  ['[class^="goods"]', '[class$="_x"]', '[class="b"]', '[class]', 'a', 'li:not([class*="prev"]):not([class*="next"])'],
  ['[class*="tabs"] [class*="active"]', 'div [class*="card"] span[class*="nick"]', '.card', '#x', '[CLASS*="Price"]', '[type="TEXT"]'],
  // One tag, tests on different attributes in turn (each element's attribute is read once per name in a row).
  ['a[data-k*="v"]', 'a[href*="chat"]', 'a[data-k="v1"]', 'a[href^="https://"]', 'a[data-k]', 'a[href*="orderId"]'],
];

describe('one walk of a block', () => {
  it('compiles attribute selectors and leaves the rest to the browser', () => {
    expect(compileSelector('[class*="price"]')).toEqual([{ tag: undefined, attrs: [{ name: 'class', op: '*=', value: 'price', negated: false }] }]);
    expect(compileSelector('li:not([class*="prev"])')).toEqual([{ tag: 'li', attrs: [{ name: 'class', op: '*=', value: 'prev', negated: true }] }]);
    expect(compileSelector('[class*="tabs"] [class*="active"]')).toHaveLength(2);
    // Class and id selectors (quirks mode folds their case), other combinators, pseudo-classes, attributes whose values the browser folds.
    for (const s of ['.card', '#x', 'a > b', 'a:hover', '[type="text"]', '[class*=price]', '[class~="a"]']) expect(compileSelector(s)).toBeNull();
  });

  it('finds what queryFirst and queryAllFirst find, in and below the block', () => {
    const doc = parse(`
      <div class="card" id="b">
        <div class="tabs"><span class="x active">t</span></div>
        <ul><li class="page prev">p</li><li class="page">1</li><li>2</li><li class="next">n</li></ul>
        <div class="goods-item_x"><span class="goods-name_a">n1</span><span class="goods-price_x">¥1</span><span class="spec">s</span></div>
        <div class="goods-item_x"><span class="title">n2</span><span class="unit-price">¥2</span></div>
        <i class="nickname-a">n1</i><b class="buyer-name">n2</b><span class="">empty</span>
        <svg class="countdown-icon"><a href="chat-merchant/x"><text class="remain">1</text></a></svg>
        <a href="https://mms.pinduoduo.com/chat-merchant/1">c</a><a href="/x?orderId=2">e</a>
        <a data-k="v1" href="https://x.test/chat">k</a><a data-k="w">k2</a><a href="https://x.test/?orderId=3" data-k="">k3</a>
        <div class="buyer-info"><span class="username">u</span></div>
        <div class="card"><span class="nick">inner</span></div>
      </div>`);
    const card = doc.getElementById('b')!;
    const parts = new BlockParts(card, LISTS);
    for (const list of LISTS) {
      expect(parts.first(list)).toBe(queryFirst(card, list));
      expect(parts.all(list)).toEqual(queryAllFirst(card, list));
      // happy-dom scopes a combinator's ancestors to the queried element (browsers do not): those lists are compared on the whole block only.
      const scoped = list.some((s) => s.includes(' ')) ? [] : card.querySelectorAll('.goods-item_x, ul, svg, .card');
      for (const within of scoped) {
        expect(parts.first(list, within)).toBe(queryFirst(within, list));
        expect(parts.all(list, within)).toEqual(queryAllFirst(within, list));
      }
      for (const el of card.querySelectorAll('*')) {
        for (const s of list) {
          const c = compileSelector(s);
          if (c) expect(matchesCompiled(el, c), `${s} on ${el.outerHTML.slice(0, 40)}`).toBe(el.matches(s));
        }
      }
    }
  });

  it('reads the fixtures blocks as the queries do', () => {
    for (const [file, block] of [
      ['alibaba/order-list-unpaid-en.html', '[class*="order-item--wrapper--"]'],
      ['pdd/orders-all.html', 'tbody'],
      ['shopee/order-vn-unpaid.html', '[data-fixture-order]'],
      ['alibaba/order-list-all-zh.html', '[data-fixture-order]'],
      ['shopee/order-br-unpaid.html', '[data-fixture-order]'],
    ] as const) {
      const doc = fixture(file);
      const blocks = [...doc.querySelectorAll(block)];
      expect(blocks.length, file).toBeGreaterThan(0);
      for (const b of blocks) {
        const parts = new BlockParts(b, LISTS);
        for (const list of LISTS) expect(parts.all(list), `${file} ${list.join(',')}`).toEqual(queryAllFirst(b, list));
      }
    }
  });
});
