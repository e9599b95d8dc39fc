// @vitest-environment happy-dom
// Teaching every platform's own order-list fixtures: the person points at the
// first unpaid order's number, total and buyer (found here from what the
// built-in reader read), and the recipe must read the same orders, with the
// same buyers and totals, as the adapter does — on the page as it is and after
// every class and id on it was renamed.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { DRIFT_CASES } from '../../../test/drift/cases';
import { attachDeclarativeShadows, variantsOf } from '../../../test/drift/variants';
import type { ObservedOrder } from '../../orders/model';
import { parseMoney, parseMoneyAll } from '../../orders/money';
import { platformOfUrl } from '../hosts';
import { readPage } from '../read';
import { textOf, type PlatformAdapter } from '../types';
import { buildRecipe, checkPick } from './build';
import { amountText, spacedText } from '../page-text';
import { nickOf } from '../page-words';
import { idPattern, idTexts, inRegion, readByRecipe } from './apply';
import { documentOf, shadowViews } from '../shadow';
import { ADAPTERS } from '../../../test/support/adapters';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
// As a browser parses a page: declarative shadow roots attached (the shadowRoot variant).
const parse = (html: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadows(doc);
  return doc;
};

/**
 * The deepest element under `root` satisfying `test` (the one a click on that
 * text lands on); the last one when several do: the order total sits after
 * the goods lines whose price can equal it.
 */
function deepest(root: Element, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  for (const el of Array.from(root.querySelectorAll('*'))) if (test(el) && !Array.from(el.children).some((c) => test(c))) found = el;
  return found;
}

/** The smallest ancestor of the order number's element holding the total and the buyer too. */
function clicksFor(doc: Document, order: ObservedOrder) {
  const pattern = idPattern({ platform: order.platform as never });
  const idEl = idTexts(doc, pattern).find((t) => t.id === order.orderId)?.el;
  if (!idEl) return undefined;
  // What the person sees there: struck-through prices are not the total they click.
  const isTotal = (el: Element) => {
    // The same sum in another currency, roughly, beside it ("(≈ R$ 120,00)") is part of what they click.
    // What the person sees: a price struck through by a style sheet is none (amountText).
    const text = amountText(el).replace(/[(（]\s*(?:≈|约)[^)）]*[)）]/g, '');
    const read = parseMoney(text);
    // A Japanese page's "¥" is the yen its adapter reads, a Mexican page's "$" the peso.
    const m = read && inRegion(text, read, order.amount.currency);
    return !!m && m.minor === order.amount.minor && m.currency === order.amount.currency && parseMoneyAll(text).length === 1;
  };
  // The person clicks the name; a badge beside it ("新客") may sit in the same element.
  const isBuyer = (el: Element) => nickOf(el) === order.buyer.nick;
  // The person clicks the order's total, not a goods line's price that happens to equal it.
  const title = order.items[0]?.title;
  const inGoodsLine = (el: Element) => {
    const cell = el.closest('td,[role="cell"],[role="gridcell"]');
    return !!title && !!cell && textOf(cell).includes(title);
  };
  const isOrderTotal = (el: Element) => isTotal(el) && !inGoodsLine(el);
  for (let scope: Element | null = idEl; scope; scope = scope.parentElement) {
    const total = deepest(scope, isOrderTotal) ?? deepest(scope, isTotal);
    const buyer = deepest(scope, isBuyer);
    if (total && buyer) return { orderId: idEl, total, buyer };
  }
  return undefined;
}

function renameEverything(doc: Document): Document {
  let n = 0;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    if (el.hasAttribute('class')) el.setAttribute('class', `x${(n++).toString(36)}q`);
    if (el.hasAttribute('id')) el.setAttribute('id', `i${(n++).toString(36)}`);
    el.removeAttribute('data-testid');
  }
  return doc;
}

const summary = (orders: readonly ObservedOrder[]) => orders.map((o) => `${o.orderId} ${o.buyer.nick} ${o.amount.minor} ${o.amount.currency}`).sort();

/** Teaches `doc` from its first unpaid order the way a person would and reads it with the recipe. */
function teachAndRead(html: string, platform: ReturnType<typeof platformOfUrl> & string, url: string, expected: readonly ObservedOrder[]) {
  const page = parse(html);
  const first = expected.find((o) => o.status === 'unpaid') ?? expected[0];
  expect(first, 'the adapter reads an order').toBeDefined();
  // What the person sees may be drawn inside a shadow root: the picker's click lands there all the same.
  const clicks = [page, ...shadowViews(page)].map((d) => clicksFor(d, first!)).find(Boolean);
  expect(clicks, 'the first order’s number, total and buyer are on the page').toBeDefined();
  const picks = Object.fromEntries(
    Object.entries(clicks!).map(([field, el]) => {
      const checked = checkPick(field as never, el, platform, NOW);
      if (!checked.ok) throw new Error(`${field}: ${checked.error} (${textOf(el)})`);
      return [field, checked.pick];
    }),
  );
  // As the content script does (lib/content/teach.ts): taught and read in the document the clicks landed in.
  const doc = documentOf(clicks!.orderId);
  const built = buildRecipe(doc, picks, { platform, href: url, now: NOW, id: 't' });
  if (!built.ok) throw new Error(built.error);
  return { recipe: built.recipe, read: readByRecipe(doc, built.recipe, url, NOW) };
}

describe('teaching the platforms’ own order lists', () => {
  // Seven drift variants parsed and taught per fixture: more than the default 5 s on a busy machine.
  vi.setConfig({ testTimeout: 60_000 });
  for (const c of DRIFT_CASES) {
    const html = renderFixture(readFileSync(resolve(import.meta.dirname, '../../../test/fixtures', c.platform, c.file), 'utf8'), NOW);
    const expected = () => readPage(parse(html), ADAPTERS[c.platform]!, c.url, NOW)!.orders;

    it(`${c.platform}/${c.file}: a recipe from one order reads what the adapter reads, also after every class and id is renamed`, () => {
      const { recipe, read } = teachAndRead(html, c.platform, c.url, expected());
      expect(summary(read?.orders ?? [])).toEqual(summary(expected()));
      expect(read?.unreadable).toBe(0);
      const renamed = readByRecipe(renameEverything(parse(html)), recipe, c.url, NOW);
      expect(summary(renamed?.orders ?? [])).toEqual(summary(expected()));
    });

    it(`${c.platform}/${c.file}: taught on each drift variant, reads the fixture's orders`, () => {
      const want = summary(expected());
      for (const variant of variantsOf(html, parse, { nicks: expected().map((o) => o.buyer.nick) })) {
        const { read } = teachAndRead(variant.html, c.platform, c.url, expected());
        expect(summary(read?.orders ?? []), variant.name).toEqual(want);
      }
      // Seven pages taught and read: seconds on a busy machine.
    }, 60_000);
  }
});
