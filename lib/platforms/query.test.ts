// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { allIn, firstIn, goodsLineMatches, joinedOf, matchEach, outermost, uncovered } from './query';
import { selectors as alibaba } from './alibaba/selectors';
import { selectors as pdd } from './pdd/selectors';
import { selectors as shopee } from './shopee/selectors';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('fallback lists in one query', () => {
  it('leaves out of the joined query only selectors another one covers', () => {
    expect(uncovered(['[class*="goods-price"]', '[class*="price"]'])).toEqual(['[class*="price"]']);
    expect(uncovered(['[class*="product-name"]', '[class*="item-name"]', '[class*="name"]'])).toEqual(['[class*="name"]']);
    // A tag narrows: the bare selector covers the tagged one, never the other way round.
    expect(uncovered(['a[href*="orderId="]', '[href*="orderId"]'])).toEqual(['[href*="orderId"]']);
    expect(uncovered(['[href*="orderId="]', 'a[href*="orderId"]'])).toEqual(['[href*="orderId="]', 'a[href*="orderId"]']);
    // Another attribute, a combinator, an empty value (matches nothing) or a longer text covers nothing.
    expect(uncovered(['[class*="price"]', '[data-x*="price"]', '[class*="tabs"] [class*="price"]', '[class*=""]', '[class*="price-total"]'])).toEqual([
      '[class*="price"]',
      '[data-x*="price"]',
      '[class*="tabs"] [class*="price"]',
      '[class*=""]',
    ]);
    // Of two equal selectors one stays.
    expect(uncovered(['[class*="nick"]', '[class*="nick"]'])).toEqual(['[class*="nick"]']);
  });

  it('finds what each selector of the list would, in order of preference', () => {
    const doc = parse(`
      <div class="card">
        <span class="goods-price_x">¥1</span><span class="unit-price">¥2</span><span class="priceTag">¥3</span>
        <i class="nickname-a">n1</i><b class="buyer-name">n2</b>
        <a href="detail.htm?orderId=1">d</a><a href="/x?orderId=2">e</a>
      </div>`);
    const card = doc.querySelector('.card')!;
    const whole = (list: readonly string[]) => [...card.querySelectorAll(list.join(','))];
    for (const list of [pdd.goodsPrice, pdd.buyerNick, shopee.productName, alibaba.productRow, alibaba.detailLink, alibaba.stage]) {
      expect([...card.querySelectorAll(joinedOf(list))]).toEqual(whole(list));
    }
    expect(firstIn(card, pdd.goodsPrice)?.className).toBe('goods-price_x');
    expect(allIn(card, pdd.buyerNick).map((el) => el.className)).toEqual(['buyer-name']);
    expect(allIn(card, alibaba.detailLink).map((el) => el.getAttribute('href'))).toEqual(['detail.htm?orderId=1']);
  });

  it('finds the outermost matches in page order, never one inside another', () => {
    const doc = parse(`
      <div class="card a"><div class="card nested"></div><span><i class="card nested2"></i></span></div>
      <section><div class="card b"></div></section>
      <div class="list"><p class="card c"><b class="card nested3"></b></p><p class="other"><b class="card d"></b></p></div>`);
    const outer = outermost(doc, '[class*="card"]');
    expect(outer.map((el) => el.className)).toEqual(['card a', 'card b', 'card c', 'card d']);
    // What a query for all matches gives with each match inside an earlier one left out.
    const all = [...doc.querySelectorAll('[class*="card"]')].filter((el, _i, list) => !list.some((o) => o !== el && o.contains(el)));
    expect(outer).toEqual(all);
    expect(outermost(doc, '[class*="nothing"]')).toEqual([]);
    // The page itself can be the match.
    expect(outermost(doc, 'html')).toEqual([doc.documentElement]);
  });

  it('finds page furniture outside the order blocks in page order, the blocks left unsearched', () => {
    const doc = parse(`
      <div class="tabs"><span class="tab active">All</span></div>
      <div class="list">
        <div class="order" id="o1"><span class="tab active">inside</span><div><i class="page">in</i></div></div>
        <div class="order" id="o2"><span class="page">inside</span></div>
        <p><b class="page">1</b></p>
      </div>
      <ul class="pager"><li class="page">2</li><li class="page"><span class="page">3</span></li></ul>`);
    const blocks = [doc.getElementById('o1')!, doc.getElementById('o2')!];
    const found = matchEach(doc, [['[class*="tab"][class*="active"]'], ['[class*="page"]', '.pager li']], blocks);
    const text = (s: string) => found.get(s)!.map((el) => el.textContent);
    expect(text('[class*="tab"][class*="active"]')).toEqual(['All']);
    expect(text('[class*="page"]')).toEqual(['1', '23', '2', '3', '3']);
    expect(text('.pager li')).toEqual(['2', '3']);
    // Without blocks to skip, the whole page.
    expect(matchEach(doc, [['[class*="page"]']]).get('[class*="page"]')).toEqual([...doc.querySelectorAll('[class*="page"]')]);
  });
});

describe('goodsLineMatches', () => {
  const lines = (html: string) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const found = [...doc.querySelectorAll('[class*="order-item"]')];
    return goodsLineMatches(found, (el) => el.querySelector('[class*="name"]') !== null).map((el) => el.className);
  };
  it('takes a list that a goods-line selector matches as its lines, one line or several (pages written blind)', () => {
    // "order-items" holds "order-item": one line, not two (the list holding one line reads as that line).
    expect(lines('<div class="order-items"><div class="order-item"><p class="name">Tee</p> x1</div></div>')).toEqual(['order-items']);
    expect(lines('<div class="order-items"><div class="order-item a"><p class="name">Tee</p></div><div class="order-item b"><p class="name">Bag</p></div></div>')).toEqual(['order-item a', 'order-item b']);
  });
  it('keeps a line whose parts the selector matches too (BEM "order-item__info")', () => {
    expect(lines('<div class="order-item"><i class="order-item__thumb"></i><div class="order-item__info"><p class="order-item__name">Rice 5kg</p></div><div class="order-item__price">¥49.90 ×2</div></div>')).toEqual(['order-item']);
    expect(lines('<div class="order-item"><p class="name">Tee</p></div><div class="order-item"><p class="name">Bag</p></div>')).toEqual(['order-item', 'order-item']);
  });
});

