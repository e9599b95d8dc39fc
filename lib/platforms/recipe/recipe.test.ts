// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { buildRecipe, checkPick, shapeOf, type Pick } from './build';
import { readByRecipe } from './apply';
import { parseRecipe } from './check';
import { recipesFor, urlPatternOf, type Recipe, type RecipeField } from './types';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const URL_ = 'https://qn.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay';
const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/taobao', file), 'utf8');
const UNKNOWN = renderFixture(raw('trade-platform-unknown.html'), NOW);
const UNKNOWN2 = renderFixture(raw('trade-platform-unknown2.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const XSS_NICK = 'tb_<svg onload=alert(1)>"&\'买家';

const EXPECTED = [
  { orderId: '3912830471625580441', nick: XSS_NICK, minor: 12800 },
  { orderId: '3912830471625580552', nick: '阳光小铺的老客', minor: 130650 },
  { orderId: '3912830471625580663', nick: 'Lily🌷', minor: 3990 },
];

function pick(doc: Document, field: RecipeField, el: Element | null): Pick {
  expect(el, `an element for ${field}`).not.toBeNull();
  const checked = checkPick(field, el!, 'taobao', NOW);
  if (!checked.ok) throw new Error(`${field}: ${checked.error}`);
  return checked.pick;
}

/** The person's clicks on the second order of the card fixture: its number, total and buyer (and optionally more). */
function teachCards(doc: Document, extra: Partial<Record<RecipeField, string>> = {}): Recipe {
  const card = doc.querySelector('[data-fixture-order="3912830471625580552"]')!;
  const picks: Partial<Record<RecipeField, Pick>> = {
    orderId: pick(doc, 'orderId', card.querySelector('.ord-k3--no--3Bb4c')),
    total: pick(doc, 'total', card.querySelector('b')),
    buyer: pick(doc, 'buyer', card.querySelector('.ord-k3--nick--0Ii1j')),
  };
  for (const [field, selector] of Object.entries(extra)) picks[field as RecipeField] = pick(doc, field as RecipeField, card.querySelector(selector));
  const built = buildRecipe(doc, picks, { platform: 'taobao', href: URL_, now: NOW, id: 'r1' });
  if (!built.ok) throw new Error(built.error);
  return built.recipe;
}

/** Every class and id on the page renamed to meaningless tokens (a redeploy), the test hooks dropped. */
function renameEverything(html: string): string {
  const doc = parse(html);
  let n = 0;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    if (el.hasAttribute('class')) el.setAttribute('class', `x${(n++).toString(36)}q`);
    if (el.hasAttribute('id') && el.id !== 'fixture-clicks') el.setAttribute('id', `i${(n++).toString(36)}`);
    el.removeAttribute('data-fixture-order');
  }
  return doc.documentElement.outerHTML;
}

const summary = (recipe: Recipe, html: string) =>
  readByRecipe(parse(html), recipe, URL_, NOW)?.orders.map((o) => ({ orderId: o.orderId, nick: o.buyer.nick, minor: o.amount.minor }));

describe('recipes', () => {
  it('learns a card page from one order and reads every order on it', () => {
    const doc = parse(UNKNOWN);
    const recipe = teachCards(doc);
    expect(recipe).toMatchObject({ platform: 'taobao', urlPattern: 'qn.taobao.com/home.htm/trade-platform/tp/sold', currency: 'CNY', block: { tag: 'div', spansSiblings: false } });
    // Structure only: no class names, no ids, no absolute path from <body>.
    expect(JSON.stringify(recipe)).not.toMatch(/ord-k3|class|fixture/);
    const read = readByRecipe(doc, recipe, URL_, NOW)!;
    expect(read).toMatchObject({ readPath: 'recipe', unreadable: 0, platform: 'taobao' });
    expect(read.orders.map((o) => ({ orderId: o.orderId, nick: o.buyer.nick, minor: o.amount.minor }))).toEqual(EXPECTED);
    expect(read.orders.every((o) => o.status === 'unpaid' && o.amount.currency === 'CNY')).toBe(true);
    expect(parseRecipe(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe);
  });

  it('reads the optional item, status and countdown when taught', () => {
    const doc = parse(UNKNOWN);
    const recipe = teachCards(doc, { item: '.ord-k3--goods--6Ee7f a', status: '.ord-k3--state--1Jj2k span', deadline: '.ord-k3--state--1Jj2k i' });
    const first = readByRecipe(doc, recipe, URL_, NOW)!.orders[0]!;
    expect(first.items).toEqual([{ title: '夏季冰丝阔腿裤 女 高腰垂感', qty: 1 }]);
    expect(first).toMatchObject({ status: 'unpaid', statusText: '等待买家付款' });
    expect(first.autoCloseAt).toBe(NOW + ((24 + 21) * 60 + 59) * 60_000 + 10_000);
  });

  it('still reads after every class and id was renamed', () => {
    const recipe = teachCards(parse(UNKNOWN));
    expect(summary(recipe, renameEverything(UNKNOWN))).toEqual(EXPECTED);
  });

  it('reports no match after a redesign that moves everything, and can be taught again there', () => {
    const recipe = teachCards(parse(UNKNOWN));
    expect(readByRecipe(parse(UNKNOWN2), recipe, URL_, NOW)).toBeNull();
    const doc = parse(UNKNOWN2);
    const row = doc.querySelector('[data-fixture-order="3912830471625580441"]')!;
    const built = buildRecipe(
      doc,
      { orderId: pick(doc, 'orderId', row.querySelector('.grid-q7--id--3Er4t')), total: pick(doc, 'total', row.querySelector('strong')), buyer: pick(doc, 'buyer', row.querySelector('.grid-q7--who--1Qw2e')) },
      { platform: 'taobao', href: URL_, now: NOW, id: 'r2' },
    );
    expect(built.ok).toBe(true);
    if (built.ok) {
      expect(built.recipe.block.tag).toBe('tr');
      expect(summary(built.recipe, UNKNOWN2)).toEqual(EXPECTED);
      expect(summary(built.recipe, renameEverything(UNKNOWN2))).toEqual(EXPECTED);
    }
  });

  it('counts a block it finds but cannot read as unreadable, never guessing', () => {
    const recipe = teachCards(parse(UNKNOWN));
    const doc = parse(UNKNOWN);
    // One order's total now shows two amounts: which one is the total is not ours to guess.
    doc.querySelector('[data-fixture-order="3912830471625580663"] b')!.textContent = '¥39.90 ¥35.00';
    const read = readByRecipe(doc, recipe, URL_, NOW)!;
    expect(read.orders.map((o) => o.orderId)).toEqual(['3912830471625580441', '3912830471625580552']);
    expect(read.unreadable).toBe(1);
  });

  it('refuses clicks that do not hold the value asked for', () => {
    const doc = parse(UNKNOWN);
    const card = doc.querySelector('[data-fixture-order="3912830471625580441"]')!;
    expect(checkPick('orderId', card.querySelector('.ord-k3--nick--0Ii1j')!, 'taobao', NOW)).toEqual({ ok: false, error: 'no-id' });
    expect(checkPick('total', card.querySelector('.ord-k3--nums--7Ff8g')!, 'taobao', NOW)).toEqual({ ok: false, error: 'several-totals' });
    expect(checkPick('total', card.querySelector('.ord-k3--nick--0Ii1j')!, 'taobao', NOW)).toEqual({ ok: false, error: 'no-total' });
    expect(checkPick('buyer', card.querySelector('.ord-k3--sum--8Gg9h')!, 'taobao', NOW)).toEqual({ ok: false, error: 'no-buyer' });
    // Optional fields are kept where the person points, even when their text is not understood yet.
    expect(checkPick('deadline', card.querySelector('.ord-k3--nick--0Ii1j')!, 'taobao', NOW)).toMatchObject({ ok: true });
    // A total from another order is not part of this one.
    const other = doc.querySelector('[data-fixture-order="3912830471625580552"]')!;
    const built = buildRecipe(
      doc,
      { orderId: pick(doc, 'orderId', card.querySelector('.ord-k3--no--3Bb4c')), total: pick(doc, 'total', other.querySelector('b')), buyer: pick(doc, 'buyer', card.querySelector('.ord-k3--nick--0Ii1j')) },
      { platform: 'taobao', href: URL_, now: NOW, id: 'r3' },
    );
    expect(built).toEqual({ ok: false, error: 'outside-order' });
  });

  it('learns a shared table where goods rows follow the number row, with the total under its column header', () => {
    const html = `<table><thead><tr><th>宝贝</th><th>买家</th><th>实收款</th></tr></thead><tbody>
      ${['3912830471625580441', '3912830471625580552'].map((id, i) => `<tr><td colspan="3"><span>订单号:</span> <span>${id}</span></td></tr>
        <tr><td>商品 ${i}</td><td><a>buyer${i}</a></td><td><div>¥${i + 1}0.00</div><div>含运费: ¥1.00</div></td></tr>`).join('')}
      </tbody></table>`;
    const doc = parse(`<body>${html}</body>`);
    const spans = doc.querySelectorAll('tbody span');
    const built = buildRecipe(
      doc,
      { orderId: pick(doc, 'orderId', spans[1]!), total: pick(doc, 'total', doc.querySelectorAll('tbody td div')[0]!), buyer: pick(doc, 'buyer', doc.querySelector('tbody a')) },
      { platform: 'taobao', href: URL_, now: NOW, id: 'r4' },
    );
    if (!built.ok) throw new Error(built.error);
    expect(built.recipe.block).toMatchObject({ tag: 'tr', spansSiblings: true });
    expect(built.recipe.fields.total.label).toBe('实收款');
    const read = readByRecipe(doc, built.recipe, URL_, NOW)!;
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount.minor])).toEqual([
      ['3912830471625580441', 'buyer0', 1000],
      ['3912830471625580552', 'buyer1', 2000],
    ]);
    // Columns reordered: the total is found again under its header.
    const moved = parse(`<body>${html.replace('<th>买家</th><th>实收款</th>', '<th>实收款</th><th>买家</th>').replace(/<td><a>(buyer\d)<\/a><\/td><td>(<div>[^<]*<\/div><div>[^<]*<\/div>)<\/td>/g, '<td>$2</td><td><a>$1</a></td>')}</body>`);
    expect(moved.querySelector('tbody tr:nth-child(2) td:nth-child(2) div')?.textContent).toBe('¥10.00');
    const movedRead = readByRecipe(moved, built.recipe, URL_, NOW);
    expect(movedRead?.orders.map((o) => [o.buyer.nick, o.amount.minor])).toEqual([['buyer0', 1000], ['buyer1', 2000]]);
  });

  it('learns a flat grid whose row starts before the number, and a total split into symbol and digits', () => {
    const rows = [
      ['Ana', '5801234567890123456', '23', '50'],
      ['Bob', '5801234567890123457', '1,200', '00'],
    ];
    const header = '<div role="columnheader">Buyer</div><div role="columnheader">Order ID</div><div role="columnheader">Order total</div>';
    const cells = rows.map(([buyer, id, whole, cents]) => `<div><a>${buyer}</a></div><div>${id}</div><div><span>US$</span><span>${whole}.${cents}</span></div>`).join('');
    const doc = parse(`<body><div class="grid">${header}${cells}</div></body>`);
    const opts = { platform: 'tiktok' as const, href: 'https://seller-us.tiktok.com/order?tab=unpaid', now: NOW, id: 'g1' };
    const pickT = (field: RecipeField, el: Element) => {
      const r = checkPick(field, el, 'tiktok', NOW);
      if (!r.ok) throw new Error(`${field}: ${r.error}`);
      return r.pick;
    };
    const grid = doc.querySelector('.grid')!.children;
    const built = buildRecipe(doc, { orderId: pickT('orderId', grid[4]!), total: pickT('total', grid[5]!.querySelector('span:last-child')!), buyer: pickT('buyer', grid[3]!.querySelector('a')!) }, opts);
    if (!built.ok) throw new Error(built.error);
    expect(built.recipe.block.spansSiblings).toBe(true);
    expect(built.recipe.fields.buyer.sibling).toBe(-1);
    const read = readByRecipe(doc, built.recipe, opts.href, NOW)!;
    expect(read.orders.map((o) => [o.orderId, o.buyer.nick, o.amount])).toEqual([
      ['5801234567890123456', 'Ana', { minor: 2350, currency: 'USD' }],
      ['5801234567890123457', 'Bob', { minor: 120000, currency: 'USD' }],
    ]);
  });

  it('takes the name after a buyer label clicked with it', () => {
    const html = ['3912830471625580441', '3912830471625580552'].map((id, i) => `<section><p>订单号 ${id}</p><p>买家：小美${i}</p><p>¥${i + 1}.00</p></section>`).join('');
    const doc = parse(`<body>${html}</body>`);
    const ps = doc.querySelectorAll('section:first-child p');
    const built = buildRecipe(doc, { orderId: pick(doc, 'orderId', ps[0]!), buyer: pick(doc, 'buyer', ps[1]!), total: pick(doc, 'total', ps[2]!) }, { platform: 'taobao', href: URL_, now: NOW, id: 'b1' });
    if (!built.ok) throw new Error(built.error);
    expect(readByRecipe(doc, built.recipe, URL_, NOW)!.orders.map((o) => [o.buyer.nick, o.amount.minor])).toEqual([['小美0', 100], ['小美1', 200]]);
  });

  it('a total taught on a goods line of a one-line order is refused, not guessed, on an order with two lines', () => {
    const html = renderFixture(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/tiktok/order-list-br.html'), 'utf8'), NOW);
    const doc = parse(html);
    const card = doc.querySelector('[data-fixture-order="581120938475610223"]')!;
    const pickT = (field: RecipeField, el: Element) => {
      const r = checkPick(field, el, 'tiktok', NOW);
      if (!r.ok) throw new Error(`${field}: ${r.error}`);
      return r.pick;
    };
    // R$ 59,90 is both the one goods line's price and the total: the person clicked the line's.
    const href = 'https://seller-br.tiktok.com/order?tab=unpaid';
    const built = buildRecipe(
      doc,
      { orderId: pickT('orderId', card.querySelector('[class*="orderId__"]')!), total: pickT('total', card.querySelector('[class*="unitPrice"]')!), buyer: pickT('buyer', card.querySelector('[class*="buyerName"]')!) },
      { platform: 'tiktok', href, now: NOW, id: 'u1' },
    );
    if (!built.ok) throw new Error(built.error);
    const read = readByRecipe(doc, built.recipe, href, NOW)!;
    // The two-line order's first line price (R$ 1.149,00) is not taken for its total (R$ 1.249,00).
    expect(read.orders.find((o) => o.orderId === '5811209011223344556')).toBeUndefined();
    expect(read.unreadable).toBeGreaterThan(0);
  });

  it('keeps a number outside the platform format by its shape', () => {
    expect(shapeOf('201120-384685998833090')).toBe('d6-d15');
    expect(shapeOf('SO2026AB')).toBe('A2d4A2');
  });

  it('files recipes under host and path, with an SPA hash route', () => {
    expect(urlPatternOf('https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0')).toBe('mms.pinduoduo.com/orders/list');
    expect(urlPatternOf('https://onetalk.alibaba.com/message/weblitePWA.htm#/orders?x=1')).toBe('onetalk.alibaba.com/message/weblitePWA.htm#/orders');
    const recipe = teachCards(parse(UNKNOWN));
    expect(recipesFor([recipe], 'taobao', `${URL_}&pageNo=2`)).toEqual([recipe]);
    expect(recipesFor([recipe], 'taobao', 'https://qn.taobao.com/home.htm/other')).toEqual([]);
    expect(recipesFor([recipe], 'pdd', URL_)).toEqual([]);
  });

  it('checks recipes by hand: extra keys, bad tags and hostile values are refused', () => {
    const recipe = teachCards(parse(UNKNOWN));
    const copy = () => JSON.parse(JSON.stringify(recipe)) as Record<string, any>;
    expect(parseRecipe(copy())).toBeDefined();
    const bad: Array<(r: Record<string, any>) => void> = [
      (r) => (r.extra = 1),
      (r) => (r.platform = 'manual'),
      (r) => (r.block.tag = 'div onclick'),
      (r) => (r.fields.total.path[0].tag = '<img>'),
      (r) => (r.fields.total.path[0].attrs = { onclick: 'x' }),
      (r) => delete r.fields.buyer,
      (r) => (r.fields.total.label = 'x'.repeat(41)),
      (r) => (r.idShape = '.*'),
      (r) => (r.currency = 'cny'),
      (r) => (r.block.up = -1),
    ];
    for (const spoil of bad) {
      const r = copy();
      spoil(r);
      expect(parseRecipe(r)).toBeUndefined();
    }
  });
});
