/**
 * Pages written blind that the readers do not read right as written, kept for what they must never do: read an order
 * wrong. The twenty-seventh batch places a row's cells, a label and its value, or a card's head and body in another
 * order on screen than in the markup (CSS grid areas and `order`, `row-reverse`, a total pinned with `position:
 * absolute`, a `<dd>` before its `<dt>`); read in the markup's order, as written, 0 of 6 read right, and two read
 * wrong buyers ("Trade Assurance" after a "Buyer" label the grid draws beside the name before it; an order's actions
 * under "Buyer" on TikTok Shop, its cells placed by the grid) until those were refused. Reading them needs the page's
 * layout, which the structural reader does not use. Checked in unseen-suite.ts (as written and after every redeploy)
 * and in real Chromium (test/e2e/unseen.spec.ts).
 */
export const UNREAD_AS_WRITTEN: readonly string[] = ['alibaba-revcards-unpaid', 'aliexpress-pinnedtotal-unpaid', 'pdd-gridcards-all', 'shopee-pinnedtotal-unpaid', 'taobao-qngrid-all', 'tiktok-gridrows-all'];
