// One entry point for reading a seller page, whatever reader does the work:
// the adapter's dated selectors first (fast, exact where they still fit),
// then what the page's content says about how many orders it shows, so a
// reader that missed rows is caught rather than trusted.
import type { Platform, PageRead } from '../orders/model';
import { documentsOf } from './common';
import type { PlatformAdapter } from './types';

/**
 * Order numbers in each platform's public format (PLATFORMS.md, "What
 * survives a redesign"), as whole tokens of page text. Shorter digit runs on
 * the same pages (item ids, seller ids, phone numbers) are left out by length.
 */
export const ORDER_NUMBER: Readonly<Record<Exclude<Platform, 'manual'>, RegExp>> = {
  taobao: /(?<![\dA-Za-z])\d{18,19}(?![\dA-Za-z])/g,
  pdd: /(?<![\dA-Za-z-])\d{6}-\d{15}(?![\dA-Za-z])/g,
  aliexpress: /(?<![\dA-Za-z])\d{16}(?![\dA-Za-z])/g,
  tiktok: /(?<![\dA-Za-z])\d{18,19}(?![\dA-Za-z])/g,
  alibaba: /(?<![\dA-Za-z])\d{16,18}(?![\dA-Za-z])/g,
  shopee: /(?<![\dA-Za-z])\d{6}(?=[A-Z0-9]{0,7}[A-Z])[A-Z0-9]{8}(?![\dA-Za-z])/g,
};

/** Elements whose text the person never sees as page content (a page's JSON state lists orders it does not show). */
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT']);

/**
 * The order numbers the page shows as text, in this document and its
 * same-origin frames. Only text nodes count: attributes, links and inline
 * scripts carry ids of orders that are not on screen.
 */
export function orderNumbersShown(doc: Document, platform: Platform): Set<string> {
  const found = new Set<string>();
  if (platform === 'manual') return found;
  const pattern = ORDER_NUMBER[platform];
  for (const d of documentsOf(doc)) {
    if (!d.body) continue;
    const walker = d.createTreeWalker(d.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue;
      // Four digits at least in a row before any regex runs: most text nodes have none.
      if (!text || text.length < 14 || !/\d{4}/.test(text)) continue;
      if (UNSHOWN.has(node.parentElement?.tagName ?? '')) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.add(m[0]);
    }
  }
  return found;
}

/** Order numbers shown on the page that `read` has no order for. */
export function missedIds(read: Pick<PageRead, 'orders'>, shown: ReadonlySet<string>): number {
  if (shown.size === 0) return 0;
  const readIds = new Set(read.orders.map((o) => o.orderId));
  let missed = 0;
  for (const id of shown) if (!readIds.has(id)) missed++;
  return missed;
}

/**
 * Whether a read may stand for the whole list: it found the list and read
 * every row on it, or the page says the list is empty. Only such a read may
 * let an order's absence mean it left the unpaid state.
 */
export function readIsWhole(read: PageRead): boolean {
  if (read.noRowsFound || read.unreadable > 0 || (read.idsMissed ?? 0) > 0) return false;
  // No order and no explicit "the page says it is empty" from the adapter: nothing is proven.
  if (read.orders.length === 0 && read.noRowsFound !== false) return false;
  return true;
}

/**
 * Reads a page with the adapter, then checks the read against the order
 * numbers the page shows. Returns null when the page holds no order list.
 */
export function readPage(doc: Document, adapter: PlatformAdapter, url: string, now: number): PageRead | null {
  const read = adapter.readOrders(doc, url, now);
  if (!read) return null;
  const shown = orderNumbersShown(doc, adapter.platform);
  return { ...read, idsMissed: missedIds(read, shown), readPath: read.readPath ?? 'selectors' };
}
