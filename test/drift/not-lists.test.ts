// @vitest-environment happy-dom
// Pages of the back-office that are not the order list, written blind (batch 11: a refund list, disputes, parcels,
// settlements, payouts, reviews, payments received, a chat, an order's detail page), each with its writer's answers
// beside it: the orders whose own payment state and total the page states (most list none). Their rows show order
// numbers, amounts and status words about something else: a refund's "退款关闭", a payout's "Released", a settlement's
// amount. Whatever PayNudge reads there must be one of those orders, read as the page states it; any other order read
// would write a refund's amount as a total or a parcel's status as an order's.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPage } from '../../lib/platforms/read';
import { ADAPTERS } from '../support/adapters';

interface NotAList {
  url: string;
  platform: string;
  kind: string;
  orders: Array<{ orderId: string; currency: string; minor: number; buyer: string; status: 'unpaid' | 'paid' | 'closed' }>;
}

const DIR = resolve(import.meta.dirname, '../fixtures/not-lists');
const PAGES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), page: JSON.parse(readFileSync(resolve(DIR, f), 'utf8')) as NotAList, html: readFileSync(resolve(DIR, f.replace(/\.json$/, '.html')), 'utf8') }));
const NOW = Date.UTC(2026, 11, 6, 4, 0, 0);

describe('pages that are not the order list', () => {
  it('has a page of each platform', () => {
    for (const p of Object.keys(ADAPTERS)) expect(PAGES.some(({ page }) => page.platform === p), p).toBe(true);
  });

  it.each(PAGES)('$name: reads no order the page does not state, and each it reads as stated', ({ page, html }) => {
    const read = readPage(new DOMParser().parseFromString(html, 'text/html'), ADAPTERS[page.platform]!, page.url, NOW);
    for (const o of read?.orders ?? []) {
      const stated = page.orders.find((w) => w.orderId === o.orderId);
      expect(stated, `${o.orderId} read from a ${page.kind}`).toBeDefined();
      expect({ orderId: o.orderId, currency: o.amount.currency, minor: o.amount.minor, buyer: o.buyer.nick, status: o.status }).toEqual(stated);
    }
  });
});
