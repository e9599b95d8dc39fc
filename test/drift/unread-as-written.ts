/**
 * Pages written blind that the readers do not read right as written, kept for what they must never do: read an order
 * wrong. The twenty-seventh batch places a row's cells, a label and its value, or a card's head and body in another
 * order on screen than in the markup (CSS grid areas and `order`, `row-reverse`, a total pinned with `position:
 * absolute`, a `<dd>` before its `<dt>`); read in the markup's order, as written, 0 of 6 read right, and two read
 * wrong buyers ("Trade Assurance" after a "Buyer" label the grid draws beside the name before it; an order's actions
 * under "Buyer" on TikTok Shop, its cells placed by the grid) until those were refused. Reading them needs the page's
 * layout, which the structural reader does not use. Checked in unseen-suite.ts (as written and after every redeploy)
 * and in real Chromium (test/e2e/unseen.spec.ts).
 *
 * Batches 29 and 31 (2026-12-07) added eleven more. Four of the twenty-ninth's pages were machine-translated whole
 * (Chrome's and Edge's page translation, a translation stopped halfway down): their headers, status words and even
 * buyers' names are translated, so they read as a list that reads short, never wrong. Its first run read a Shopee total
 * "R$ 45, 90", which a translator spaced, as R$ 45; such an amount is now none. Batch 30's Alibaba.com page drops goods
 * lines under an extension's tags. All six of the thirty-first's pages carry characters nobody sees. Its first run
 * read six wrong buyers (direction controls and joiners in names), two wrong totals from a copy guard's hidden
 * decoy digits ("¥1<i>7</i>89.00" read as ¥1.00), one from a digit the style sheet draws ("¥4.00" for ¥49.00),
 * and two unpaid Shopee orders as paid ("se não for pago até"). Each is mended, and its Taobao page reads right
 * (order numbers with decoy digits or drawn a group of digits an element); what stays unread is a currency sign
 * drawn by the style sheet, a digit drawn by it where the DOM computes no generated content, and deadlines in Pix
 * and boleto words.
 *
 * Batches 32–34 (2026-12-07) added five more, none read wrong. Goods folded behind "+2 productos más" and not in the
 * page are not counted (two pages); an order number masked ("261206••••••WD", the whole number hidden beside it) is
 * no number the page shows; a list whose seller hid the buyer column names no buyer, so its orders are counted
 * unreadable; a freight top-up's only line ("Shipping cost difference …") reads as a summary's.
 *
 * Batches 35–37 (2026-12-07, the same afternoon) were taken in as they read, without fixes: 2 of 18 read right and 14
 * read short and never wrong. A narrow window's cards whose labels the style sheet draws (`td::before{content:
 * attr(data-label)}`) and whose buyer shows only in an avatar's title; old back-offices' nested layout tables with
 * spacer cells (`<td width=1>`) that put the cells out of line with the header, and lines split by `<br>` in one cell;
 * kanban boards and dashboards whose cards name no status (their column or widget does). Two more pages were left out
 * of the corpus because they read wrong (see the stop's note): a deadline read from a countdown to the minute 7 s
 * before the detail pane's exact one, and, after every class is renamed, a visually hidden "Order status" label taken
 * for a buyer. Both read right or short since: the header words are refused as a buyer, and the second stays out.
 *
 * Batches 38 and 39 (2026-12-07, evening): lists built of web components (labels in shadow roots, the data slotted
 * in, stale children no slot draws), read as drawn since (shadow.ts, composedView), three of them short: a header
 * in one component and the rows in another, cells the header does not line up with, stages shown beside the total;
 * and orders that belong together (sub-orders, payments made together, split parcels, replacements), four short: a
 * quantity cell holding a sub-order's amount, goods lines that no cell of their own holds. Their first runs read two
 * totals wrong (a payment made together taken for one order's) and one from a stale total no slot draws.
 */
export const UNREAD_AS_WRITTEN: readonly string[] = [
  'alibaba-revcards-unpaid',
  'aliexpress-pinnedtotal-unpaid',
  'pdd-gridcards-all',
  'shopee-pinnedtotal-unpaid',
  'taobao-qngrid-all',
  'tiktok-gridrows-all',
  // Batch 29: translated pages.
  'aliexpress-edge-unpaid',
  'shopee-numfmt-all',
  'taobao-gtrans-all',
  'tiktok-lazy-all',
  // Batch 30: goods lines under an extension's tags.
  'alibaba-fxcrm-unpaid',
  // Batch 31: characters nobody sees.
  'alibaba-isolate-unpaid',
  'aliexpress-bidi-all',
  'pdd-hidden-unpaid',
  'shopee-nbsp-all',
  'tiktok-emoji-unpaid',
  // Batch 32: goods folded behind "+2 more" and not in the page, order numbers masked.
  'aliexpress-clipped-all',
  'shopee-masked-unpaid',
  'tiktok-nicksearch-all',
  // Batch 33: the buyer's column hidden by the seller.
  'aliexpress-bystore-unpaid',
  // Batch 34: a freight top-up's line read as a summary's.
  'alibaba-mixed-unpaid',
  // Batch 35: a narrow window's layout (labels drawn by the style sheet, the buyer only in an avatar's title).
  'alibaba-amountfield-all',
  'alibaba-datalabel-unpaid',
  'pdd-stickysheet-unpaid',
  'shopee-wbrcard-unpaid',
  'tiktok-avatarsheet-all',
  // Batch 36: old back-office markup (nested layout tables, spacer cells, lines split by <br>).
  'alibaba-oldta-all',
  'aliexpress-oldseller-all',
  'pdd-oldtable-unpaid',
  'shopee-legacyth-unpaid',
  'taobao-legacytable-all',
  // Batch 37: boards and split views (a status given by the column a card sits in).
  'alibaba-recent-unpaid',
  'aliexpress-dashboard-unpaid',
  'shopee-kanban-all',
  'taobao-kanban-all',
  'tiktok-compare-all',
  // Batch 38: lists built of web components.
  'alibaba-milestone-unpaid',
  'aliexpress-splitgrid-all',
  'shopee-slotted-all',
  // Batch 39: orders that belong together.
  'alibaba-milestones-unpaid',
  'aliexpress-suborders-all',
  'pdd-mergepay-unpaid',
  'tiktok-packages-all',
  // Batch 40: a cross-border list of several markets (a bare "$" whose market the page names only by a badge).
  'shopee-cnsc-all',
  // Batch 41: calendars and clocks (Buddhist and ROC years, Japanese eras, 凌晨/中午/晚上 and 上午/下午 clocks, relative days).
  // Batch 42: other scripts and writing directions (Turkish, Arabic-Indic digits, bidi isolates, names in other scripts).
  'pdd-fullwidth-unpaid',
  'taobao-minzu-all',
  // Batch 43: goods and names that look like order data (barcodes and SKU ids of an order number's form, prices in titles).
  'alibaba-paidsample-all',
  'pdd-modelno-unpaid',
  'tiktok-sticker-all',
  // Batch 44: extreme values and counts (totals of ¥0.00 to seven digits, folded goods lists, masked and one-letter buyers).
  'alibaba-sevendigit-unpaid',
  'aliexpress-lotsizes-all',
  'shopee-centavos-all',
  'taobao-extremes-all',
  'tiktok-jumbo-all',
  // Batch 45: payment deadlines in unusual states (overdue, extended, paused, presale windows, dates without a time).
  'alibaba-paywindow-all',
  'aliexpress-pacific-unpaid',
  'pdd-overtime-all',
  'shopee-soonest-unpaid',
  'taobao-balancedue-unpaid',
  'tiktok-boleto-all',
  // Batch 46: terse and semantic headers (icons named only in a title, abbreviations, `headers` and aria-labelledby).
  'alibaba-rmbcol-unpaid',
  'aliexpress-rowheads-all',
  'pdd-stickyhead-unpaid',
  'shopee-inlinelabel-all',
  'taobao-abbrhead-all',
  'tiktok-iconcols-all',
  // Batch 47: values held in form controls (editable prices, a status drop-down per row, names in read-only inputs).
  'alibaba-ttmark-all',
  'pdd-selectcol-all',
  // Batch 48: several orders side by side (card grids, two orders a table row, a strip of urgent orders, a kanban).
  'aliexpress-urgentstrip-all',
  'pdd-pairrows-all',
  'shopee-twoup-unpaid',
  'tiktok-statusboard-all',
  // Batch 49: many names, one buyer (gift recipients, group leaders, resellers' customers, sales reps, former nicks).
  'alibaba-salesrep-all',
  'aliexpress-dropship-unpaid',
  'pdd-tuanzhang-all',
  'shopee-oldnick-unpaid',
  'taobao-giftnote-all',
  // Batches 51 (how much of the tab a page shows) and 52 (values written short or as symbols), as they read.
  'alibaba-buyerchip-unpaid',
  'shopee-midpage-all',
  'tiktok-exhausted-unpaid',
  'alibaba-kilo-all',
  'pdd-dots-all',
  'shopee-juta-all',
  'taobao-wanyuan-all',
  'tiktok-trieu-all',
];
