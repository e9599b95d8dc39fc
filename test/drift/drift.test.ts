// @vitest-environment happy-dom
// The drift corpus: every order-list fixture of every platform, redeployed
// seven ways (see variants.ts), must read exactly right through readPage with
// no teaching. What "right" is comes from the fixture, not from the reader's
// output on the variant: the order numbers are the fixture's own marks
// (data-fixture-order), and each order's fields are those the adapter reads
// from the unchanged fixture, which lib/platforms/*/adapter.test.ts pins
// field by field.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../support/fixtures.mjs';
import { FIXTURE_NOW } from '../support/adapter-tests';
import type { ObservedOrder, PageRead } from '../../lib/orders/model';
import { readPage } from '../../lib/platforms/read';
import type { PlatformAdapter } from '../../lib/platforms/types';
import { taobaoAdapter } from '../../lib/platforms/taobao/adapter';
import { pddAdapter } from '../../lib/platforms/pdd/adapter';
import { aliexpressAdapter } from '../../lib/platforms/aliexpress/adapter';
import { tiktokAdapter } from '../../lib/platforms/tiktok/adapter';
import { alibabaAdapter } from '../../lib/platforms/alibaba/adapter';
import { shopeeAdapter } from '../../lib/platforms/shopee/adapter';
import { variantsOf, VARIANTS } from './variants';
import { DRIFT_CASES } from './cases';

const NOW = FIXTURE_NOW;
const ADAPTERS: Record<string, PlatformAdapter> = {
  taobao: taobaoAdapter,
  pdd: pddAdapter,
  aliexpress: aliexpressAdapter,
  tiktok: tiktokAdapter,
  alibaba: alibabaAdapter,
  shopee: shopeeAdapter,
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (platform: string, file: string) => renderFixture(readFileSync(resolve(import.meta.dirname, '../fixtures', platform, file), 'utf8'), NOW);

/** What a seller relies on from an order, as the drift test compares it. */
function essentials(o: ObservedOrder) {
  return {
    orderId: o.orderId,
    buyer: o.buyer.nick,
    amount: `${o.amount.minor} ${o.amount.currency}`,
    status: o.status,
    items: o.items.map((i) => i.title),
    createdAt: o.createdAt,
    // Only a deadline the page shows; an estimate is the reader's own rule.
    shownDeadline: o.autoCloseEstimated ? undefined : o.autoCloseAt,
  };
}

/** The orders a fixture shows: its own marks for which, the adapter's pinned read of the unchanged page for what. */
function expectedOf(platform: string, file: string, url: string) {
  const html = fixture(platform, file);
  const doc = parse(html);
  const marked = [...new Set([...doc.querySelectorAll('[data-fixture-order]')].map((el) => el.getAttribute('data-fixture-order')!))];
  const read = ADAPTERS[platform]!.readOrders(doc, url, NOW);
  if (!read) throw new Error(`${platform}/${file}: the adapter reads nothing from the unchanged fixture`);
  expect(read.unreadable).toBe(0);
  expect(read.orders.map((o) => o.orderId).sort()).toEqual([...marked].sort());
  return { html, orders: read.orders.map(essentials) };
}

describe.each(DRIFT_CASES)('drift corpus: $platform $file', ({ platform, file, url }) => {
  const { html, orders } = expectedOf(platform, file, url);
  const variants = variantsOf(html, parse);

  it('has every variant', () => {
    expect(variants.map((v) => v.name)).toEqual([...VARIANTS]);
    // Each variant really changed the markup.
    for (const v of variants) expect(v.html).not.toBe(html);
  });

  it.each(variants.map((v) => [v.name, v] as const))('%s: reads every order exactly right', (_name, variant) => {
    const read: PageRead | null = readPage(parse(variant.html), ADAPTERS[platform]!, url, NOW);
    expect(read, 'the page is an order list: it must not read as none').not.toBeNull();
    // Never a wrong total: every order read is exactly as the fixture shows it.
    const want = new Map(orders.map((o) => [o.orderId, o]));
    for (const got of read!.orders.map(essentials)) expect(got).toEqual(want.get(got.orderId));
    expect(read!.orders.map((o) => o.orderId).sort()).toEqual(orders.map((o) => o.orderId).sort());
    expect(read!.unreadable).toBe(0);
    expect(read!.idsMissed ?? 0).toBe(0);
  });
});
