// @vitest-environment happy-dom
// Property: a drifted page that then loses elements, header cells or class
// names, or gains junk text and wrappers, never reads a wrong total through
// readPage, whichever reader (selectors or structure) ends up reading it. An
// order may go unread; an order read has the total its page shows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../support/fixtures.mjs';
import { FIXTURE_NOW } from '../support/adapter-tests';
import { breathe } from '../support/dom';
import { limit, runs } from '../support/fuzz';
import { findHeaderRow } from '../../lib/platforms/common';
import { readPage } from '../../lib/platforms/read';
import type { PlatformAdapter } from '../../lib/platforms/types';
import { taobaoAdapter } from '../../lib/platforms/taobao/adapter';
import { pddAdapter } from '../../lib/platforms/pdd/adapter';
import { aliexpressAdapter } from '../../lib/platforms/aliexpress/adapter';
import { tiktokAdapter } from '../../lib/platforms/tiktok/adapter';
import { alibabaAdapter } from '../../lib/platforms/alibaba/adapter';
import { shopeeAdapter } from '../../lib/platforms/shopee/adapter';
import { variantsOf } from './variants';
import { DRIFT_CASES } from './cases';

const NOW = FIXTURE_NOW;
const ADAPTERS: Record<string, PlatformAdapter> = { taobao: taobaoAdapter, pdd: pddAdapter, aliexpress: aliexpressAdapter, tiktok: tiktokAdapter, alibaba: alibabaAdapter, shopee: shopeeAdapter };
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

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
  const truth = new Map(adapter.readOrders(parse(html), url, NOW)!.orders.map((o) => [o.orderId, `${o.amount.minor} ${o.amount.currency}`]));
  return variantsOf(html, parse).map((v) => ({ name: `${platform}/${file}/${v.name}`, html: v.html, url, adapter, truth }));
});

// Junk is letters and punctuation: a number in junk text cannot be told from a price by anyone.
const junkText = fc.string({ unit: fc.constantFrom(...'abc xyz 待付款 Total 买家: ()-—'.split('')), maxLength: 24 });
type Step = { kind: 'removeEl' | 'junk' | 'wrap' | 'rename' | 'removeHeaderCell'; pick: number; text: string };
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('removeEl' as const, 'junk' as const, 'wrap' as const, 'rename' as const, 'removeHeaderCell' as const),
  pick: fc.nat(),
  text: junkText,
});

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
    if (s.kind === 'removeEl') el.remove();
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
