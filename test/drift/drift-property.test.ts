// @vitest-environment happy-dom
// Property: a drifted page that then loses elements, header cells or class
// names, or gains junk text and wrappers, never reads a wrong total through
// readPage, whichever reader (selectors or structure) ends up reading it. An
// order may go unread; an order read has the total its page shows. The plain
// tests below keep the counterexamples the property found.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../support/fixtures.mjs';
import { FIXTURE_NOW } from '../support/adapter-tests';
import { breathe } from '../support/dom';
import { limit, runs } from '../support/fuzz';
import { findHeaderRow } from '../../lib/platforms/grid';
import { ORDER_NUMBER, readPage } from '../../lib/platforms/read';
import type { PlatformAdapter } from '../../lib/platforms/types';
import { attachDeclarativeShadows, variantsOf } from './variants';
import { DRIFT_CASES } from './cases';
import { ADAPTERS } from '../support/adapters';

const NOW = FIXTURE_NOW;
// As a browser parses a page: declarative shadow roots attached (the shadowRoot variant).
const parse = (html: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadows(doc);
  return doc;
};

interface Page {
  name: string;
  html: string;
  url: string;
  adapter: PlatformAdapter;
  /** Each order's total as the unchanged fixture shows it. */
  truth: Map<string, string>;
}

const PAGES: Page[] = DRIFT_CASES.flatMap(({ platform, file, url }) => {
  const html = renderFixture(readFileSync(resolve(import.meta.dirname, '../fixtures', platform, file), 'utf8'), NOW);
  const adapter = ADAPTERS[platform]!;
  const read = adapter.readOrders(parse(html), url, NOW)!;
  const truth = new Map(read.orders.map((o) => [o.orderId, `${o.amount.minor} ${o.amount.currency}`]));
  return variantsOf(html, parse, { nicks: read.orders.map((o) => o.buyer.nick) }).map((v) => ({ name: `${platform}/${file}/${v.name}`, html: v.html, url, adapter, truth }));
});

// Junk is letters and punctuation: a number in junk text cannot be told from a price by anyone.
const junkText = fc.string({ unit: fc.constantFrom(...'abc xyz 待付款 Total 买家: ()-—'.split('')), maxLength: 24 });
type Step = { kind: 'removeEl' | 'junk' | 'wrap' | 'rename' | 'removeHeaderCell'; pick: number; text: string };
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('removeEl' as const, 'junk' as const, 'wrap' as const, 'rename' as const, 'removeHeaderCell' as const),
  pick: fc.nat(),
  text: junkText,
});

const ANY_NUMBER = new RegExp(Object.values(ORDER_NUMBER).map((re) => re.source).join('|'));

function mutate(doc: Document, steps: readonly Step[]): void {
  for (const s of steps) {
    if (s.kind === 'removeHeaderCell') {
      const header = findHeaderRow(doc.body, ['thead tr', 'tr', '[role="row"]', 'div'], 3);
      header?.cells[s.pick % header.cells.length]?.remove();
      continue;
    }
    const pool = [...doc.body.querySelectorAll('*')].filter((el) => el.tagName !== 'SCRIPT');
    const el = pool[s.pick % Math.max(1, pool.length)];
    if (!el) continue;
    // An element showing an order number stays: with a number gone and its
    // rows left behind, the page itself says those rows are the order above's.
    if (s.kind === 'removeEl') {
      if (!ANY_NUMBER.test(el.textContent ?? '')) el.remove();
    }
    else if (s.kind === 'junk') el.append(s.text);
    else if (s.kind === 'rename') el.className = `k${s.pick % 97}`;
    else if (!/^(TR|TD|TH|TBODY|THEAD|TABLE)$/.test(el.tagName)) {
      const wrapper = doc.createElement('div');
      el.replaceWith(wrapper);
      wrapper.append(el);
    }
  }
}

describe('drift corpus (property): mutated variants never read a wrong total', () => {
  it('holds for any variant of any fixture after removed elements and header cells, junk text, wrappers and renamed classes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: PAGES.length - 1 }), fc.array(step, { minLength: 1, maxLength: 5 }), async (index, steps) => {
        await breathe();
        const page = PAGES[index]!;
        const doc = parse(page.html);
        mutate(doc, steps);
        const read = readPage(doc, page.adapter, page.url, NOW);
        for (const order of read?.orders ?? []) {
          expect(`${order.amount.minor} ${order.amount.currency}`, `${page.name} ${order.orderId} after ${JSON.stringify(steps)}`).toBe(page.truth.get(order.orderId));
        }
      }),
      { numRuns: runs(200) },
    );
  }, limit(120_000));
});

describe('drift corpus: damage the property found', () => {
  const pageNamed = (name: string) => {
    const page = PAGES.find((p) => p.name === name)!;
    return { page, doc: parse(page.html) };
  };
  /** The innermost element of `tag` whose text holds `text`. */
  const holding = (doc: Document, tag: string, text: string) => [...doc.querySelectorAll(tag)].reverse().find((el) => el.textContent?.includes(text))!;
  const expectTrue = (page: Page, doc: Document) => {
    const read = readPage(doc, page.adapter, page.url, NOW);
    for (const order of read?.orders ?? []) expect(`${order.amount.minor} ${order.amount.currency}`, order.orderId).toBe(page.truth.get(order.orderId));
    return read;
  };

  it('a header that lost its first cells never puts a count or a status under 实收款 (Taobao trade platform)', () => {
    for (const lost of [1, 2, 3]) {
      const { page, doc } = pageNamed('taobao/trade-platform-unpaid.html/relabelled');
      for (let i = 0; i < lost; i++) findHeaderRow(doc.body, ['thead tr', 'tr', '[role="row"]', 'div'], 3)?.cells[0]?.remove();
      expectTrue(page, doc);
    }
  });

  it("an order whose row is gone never takes the next order's row when that order's number went too (Alibaba, cards as tables)", () => {
    const { page, doc } = pageNamed('alibaba/order-list-unpaid-en.html/reshaped');
    holding(doc, 'a', '235876451002019811').remove();
    holding(doc, 'tr', 'Custom 925 Sterling Silver Pendant').remove();
    expectTrue(page, doc);
  });

  it("an order whose row lost a cell never takes the next order's row (Shopee, one shared table)", () => {
    const { page, doc } = pageNamed('shopee/order-vn-unpaid.html/numberRowFirst');
    holding(doc, 'tr', 'Nồi chiên không dầu 6L').querySelector('td:nth-child(4)')!.remove();
    holding(doc, 'tr', '261122Q9W8E7R6').remove();
    expectTrue(page, doc);
  });

  it('a goods line with as many children as a header that lost cells is never the order row (PDD, classes renamed)', () => {
    const { page, doc } = pageNamed('pdd/orders-unpaid.html/renamed');
    const header = () => findHeaderRow(doc.body, ['thead tr', 'tr', '[role="row"]', 'div'], 3)!;
    header().cells[1]!.remove();
    header().cells[1]!.remove();
    expectTrue(page, doc);
  });

  it("a card that holds two orders' totals is read as neither (TikTok, one shared table, a number row gone)", () => {
    const { page, doc } = pageNamed('tiktok/order-list-br.html/numberRowFirst');
    holding(doc, 'tr', '581120938475610223').remove();
    expectTrue(page, doc);
  });
});
