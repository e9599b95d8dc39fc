// Pages written blind: twelve order lists (two per platform) written from
// PLATFORMS.md and DOMAIN.md by someone who had not read the readers, in
// layouts no fixture had (an ARIA grid with the number in a column of its
// own, a fixed header over a separate body table, a table per order, label
// and value cards, goods in a table of their own, a virtualised list …).
// Each page's answers sit beside it (test/fixtures/unseen/<name>.json), worked
// out from the page by its writer, never from a reader's output. Before the
// fixes this test came with, 2 of the first 12 read right; of a second batch
// of 12 in other languages and shapes, 1; of a third, near-real batch, 10;
// of a fourth, built on quirks real back-offices have (fixed columns drawn
// twice, an el-table, a combined checkout, a virtual list in another order
// than it shows, Portuguese, French, Thai, Traditional Chinese), 2, and 11
// after the fixes that came with it; of a fifth (a list in a shadow root, a
// virtual grid of loose cells, two header rows, Russian, Korean, Japanese,
// Spanish, English B2B cards), 1, and 10 after its fixes. Those fixes began
// with three wrong reads the fifth batch found: a tooltip's "заказ будет
// закрыт" read an unpaid order as closed, a deduction "-1,50 $" and a
// "Modify price" button read as buyers; of a sixth, on words in the wrong
// place (buyer messages, memos, tooltips, nicks like "交易成功2019" or
// "VIP88"), 4 and 6 after its fixes, which began with five wrong buyers (a
// country, "4 orders with you", "手机订单", "VIP88老客") and an unpaid order
// read as closed from its memo's "交易关闭后不要补单"; of a seventh, on numbers and money that are not the order's
// (struck totals after a price change, deposits and balances, refunds, subsidies, coins and taxes, an amount in a
// second currency, toasts and notifications naming other orders, replacement and tracking numbers, masked buyers
// beside an avatar's initial or a buyer id), 4, and 12 after its fixes, which began with wrong buyers on 23 orders
// (an avatar's initial "B" for "Big Rick's Garage", a company for its contact person) and one more that a fix
// exposed ("ID ผู้ซื้อ 1029384756"). Two
// pages the sixth left unread (cards under date headings) read right since, one of them with a closed card whose
// buyer is "Pagado_Ya" that the old words would have read as paid. Of an eighth, the page in the middle of the
// seller's work (a price dialog or a details drawer open over the list, an inline memo editor, a chat window, a
// batch confirmation, skeleton rows, a "load more" button), 3 read right as written and 8 now, after one wrong
// read was fixed: six Pinduoduo buyers read as their purchase count ("首次购买", "本店第 3 次购买"). Of a ninth,
// money, numbers and dates written every way a locale writes them ("1 234,56 €", "CHF 1'234.50", "₹1,23,456.00",
// "$867.40 MXN", "10x de R$ 129,99", "(¥5.00)", full-width digits), 2 read right as written and 6 now; its fixes began
// with five wrong buyers (a flag "🇺🇸" after "Buyer:", "回頭客 · 第3單"), and a redeploy of one of its pages found the
// AliExpress adapter storing orders under their sub-order numbers (a label it did not know, "N° de commande"); four
// more of its pages read right since (full-width digits, a wholesale list, German and Swiss cards), and its fixes found
// a staged order's total read as the stage due now ("本期应付"). Of a tenth, the markup component libraries leave
// (Ant Design, Element UI, Fusion Next, TDesign and Arco tables with fixed columns drawn twice, expanded rows, an
// ag-grid row drawn in two containers, virtual lists), 1 read right as written and all 12 now; it found goods lines
// counted two to five times by the Shopee and Pinduoduo adapters, and on redeploys a buyer-message column taken for
// the buyer's and a receiver's line read into the nick. Of a twelfth (mobile web cards, a workbench widget, a
// batch-remind dialog, dark compact rows), 4 of 6 as written and 5 now (the sixth is on a host PayNudge does not run
// on). Pages that are not the order list (the eleventh batch) have a test of their own, not-lists.test.ts. A
// twenty-first batch, lists under filter forms (`narrowed`: the seller chose a filter, so the read must never be
// complete; `whole`: every order of the tab shows, so it must be), 1 of 6 as written: a Taobao list narrowed by two
// drop-downs and a ticked "仅看有备注" read as complete (every unpaid order it left out would have been taken for
// paid), a whole Pinduoduo tab never complete (its Element UI drop-downs showing "全部" taken for searches), Shopee
// badges read as buyers; 6 now. A twenty-second, times and deadlines (`closesAt`: the deadline the page shows, within
// `closesSlack`), none with every deadline as written: "1d 04:13:22" drawn in parts read as one day, a Spanish
// "07/12/2026" deadline as July; 6 now (two deadlines shown only in hover tooltips are not in the answers). A
// twenty-third, a desk of several shops (shop names, agents and sub-accounts beside the buyer), 3 of 6 as written and 5
// now; a twenty-fourth, words for machines and screen readers (visually hidden labels and sentences, stale ones among
// them, data attributes, state blobs, templates), 1 of 6: a stale hidden "Buyer: Mohammed Al-Farsi" read as the buyer
// shown as "Mohd. Alfarsi", French product ids ("ID produit : 1005…") taken for order numbers; the orders whose hidden
// total disagrees with the shown one stay unread (refused, never guessed), so 1 of 6 still. Three batches of
// 2026-12-07: a twenty-ninth read through translators (Chrome's and Edge's page translation, Immersive Translate's
// bilingual text beside the page's own), 1 of 6 as written and 2 now (the four translated whole are in
// UNREAD_AS_WRITTEN); a thirtieth under other extensions' injections (profit columns, CRM tags in shadow roots,
// floating panels listing other orders), 2 of 6 as written (two lists read complete on page 1 of 25 and of 129, a
// search form taken for the header) and 5 now; a thirty-first of characters nobody sees, 0 of 6 and with eleven wrong
// reads, 1 now and none wrong (see unread-as-written.ts). Three more of 2026-12-07: a thirty-second of lists a search
// highlights or cuts short (<mark> inside order numbers and nicks, names cut with "…" and whole in a title), 1 of 6
// as written with seven wrong buyers ("bia" for "biancamoraes", "Alejandro Domínguez Sa…"), 3 now and none wrong; a
// thirty-third of lists the seller grouped and arranged (by buyer, date, store or status; columns hidden and moved),
// 3 of 6 with three wrong buyers (a company for its contact), 5 now; a thirty-fourth of unusual orders among ordinary
// ones (free samples, COD, instalments, payments being checked), 2 of 6 with one wrong status, 5 now. Of 18 more the
// same afternoon (a narrow window's layouts, old back-office markup, boards and split views), taken in without fixes,
// 2 read right and 14 read short and never wrong (see unread-as-written.ts). Three in the evening: a thirty-eighth of
// lists built of web components (labels in shadow roots, data slotted in, stale children no slot draws), 0 of 6 with
// one wrong total, read as drawn since (shadow.ts, composedView), 2 right and 3 short; a thirty-ninth of orders that
// belong together (sub-orders, payments made together, split parcels), 1 of 6 with two wrong totals (the sum of two
// orders paid together), 2 now and 4 short; a fortieth of cross-border lists of several markets, 3 of 6 with six
// deadlines read on the page's clock instead of the buyer's zone stated beside them, a Singapore total read as US
// dollars and, after redeploys, the seller's 商家实收 taken for the buyer's total; 5 now and none wrong. Three more of
// 2026-12-07's evening: a forty-first of calendars and clocks (Buddhist, ROC and Japanese-era years, 凌晨/中午/晚上
// clocks, "ontem às 21:40"), 1 of 6 as written, with a deadline read on China's clock after a redeploy (the page's
// note named Brasília time); a forty-second of other scripts and writing directions (Turkish, Arabic-Indic digits,
// bidi isolates, names in Tamil, Uyghur, Mongolian or conjoining jamo), 0 of 6, with seven Pinduoduo buyers read from
// the receiver's masked column ("萨**") and, after redeploys, a chat link's "和我联系" inside nicks and a Tamil avatar
// initial for the name, 3 now; a forty-third of goods and names that look like order data (barcodes of an order
// number's form, prices in titles, a buyer "已付款的猫" on an unpaid order), 3 of 6; none wrong now. A name read in
// another Unicode form of the same characters ("６６６" as "666") is counted a miss, not a wrong name (differences).
// Since, batch 41's era, Minguo and two-digit Buddhist years, its "明天 上午9:12" and batch 42's Thai deadlines read
// (five pages more right as written). Three batches of the night of 2026-12-07: a forty-fourth of extreme values and
// counts (totals from ¥0.00 to seven digits, folded goods lists, one-letter, emoji and masked buyers), 1 of 6 as
// written, with a deadline read a day late from the "1D4S" inside a Shopee order number and, after a redeploy, an
// anonymous buyer's tip read into the name; a forty-fifth of deadlines in unusual states (overdue, extended, paused,
// presale windows, dates without a time), 0 of 6, with nine Shopee buyers read as the "Rincian" (details) link, a
// cancellation to come ("Segera dibatalkan") read as closed and a transfer's proof under review as paid; a
// forty-sixth of terse and semantic headers (icons named only in a title, abbreviations, `headers` attributes), 0 of
// 6, with six Taobao totals read, after a redeploy, from the unit price under a grouped header "金额(元)" and a
// "含运费:6.00" read as a buyer. None of the eighteen reads anything wrong now; seventeen read short. Three more the
// same night: a forty-seventh of values held in form controls, 2 of 6 as written, with five paid Pinduoduo orders read
// as unpaid from a status drop-down's unchosen options (a sixth page, whose order numbers show only in read-only
// inputs, was read as no list at all and is not kept); a forty-eighth of several orders side by side, 2 of 6, with a
// kanban's cancelled card read as paid ("pagamento não concluído"); a forty-ninth of many names beside the buyer, 1 of
// 6, with three Alibaba.com buyers read as "Sales rep" (a site menu, "Home | Products | Orders | Customers", taken for
// the header) and seven Pinduoduo nicks read with their role ("小叶子 本单买家", "阿May 送礼人（下单）"). None wrong now.
// Later the same night, a fiftieth of order data in form fields and copy widgets (numbers and nicks only
// in read-only inputs, a buyer in a read-only text area, a locked price field), 3 of 6 as written, with wrong buyers on
// three pages (Taobao's label "买家" before a nick in an input, TikTok's "Subtotal" after a "Buyer" label over a text
// area, an Alibaba.com buyer's country); 5 now and none wrong. Fields are read as drawn since (composedView's
// `fields`, read.ts), which also read batch 47's list of nicks in inputs. A fifty-first of how much of the tab a page
// shows (a "1/3" pager of icon buttons, arrows disabled only by aria-disabled, infinite scroll's spinner, page 2 of 3,
// a buyer chip over a search), 3 of 6 right as written, none wrong and no list read complete that was not; a
// fifty-second of values written short or as symbols ("US$ 12.8k", "¥1.28万", "₫1,2 tr", "Rp1,2jt", cents in `<sup>`,
// statuses as dots and codes with a legend), 1 of 6, with wrong totals on two pages ("US$ 12.8k" as US$ 12.80, "₫385 N"
// as ₫385) and two wrong Indonesian statuses ("dibatalkan dalam 23 jam", to come, as closed; "Dibatalkan otomatis:
// belum dibayar" as unpaid); none wrong now, six short (see unread-as-written.ts).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PageRead } from '../../lib/orders/model';
import { readIsWhole, readPage } from '../../lib/platforms/read';
import { UNREAD_AS_WRITTEN } from './unread-as-written';
import { attachDeclarativeShadows, textFields, variantOf, VARIANTS, type VariantName } from './variants';
import { ADAPTERS } from '../support/adapters';


/** What a page's writer says it shows: each order's number, total, buyer, status and number of goods lines. */
export interface UnseenPage {
  url: string;
  platform: string;
  shape: string;
  orders: Array<{
    orderId: string;
    currency: string;
    minor: number;
    buyer: string;
    status: 'unpaid' | 'paid' | 'closed';
    items: number;
    /** When the page shows the unpaid order's deadline (a countdown or a time): that instant, ISO 8601. */
    closesAt?: string;
    /** How precise the page shows it, in seconds (1 for a countdown to the second, 3600 for "5 hours left"). */
    closesSlack?: number;
  }>;
  /** The list is narrowed by a filter or search the seller chose: orders of the tab that do not match are left out. */
  narrowed?: boolean;
  /** Every order of the tab is on this one page (no other page, nothing left to load, not narrowed). */
  whole?: boolean;
  /** How many orders show their number but not yet all of total, buyer and status (a list caught while it loads). */
  loading?: number;
  /** The page does not show the whole tab's list (orders still to load, failed, or on another page). */
  partial?: boolean;
}

/** An order as a read gives it, in the answers' terms (`closesAt`: the deadline the page showed, not an estimate). */
type GotOrder = Omit<UnseenPage['orders'][number], 'status' | 'closesAt' | 'closesSlack'> & { status: string; closesAt?: number };

export function gotOrders(read: PageRead): GotOrder[] {
  return read.orders.map((o) => ({
    orderId: o.orderId,
    currency: o.amount.currency,
    minor: o.amount.minor,
    buyer: o.buyer.nick,
    status: o.status,
    items: o.items.length,
    closesAt: o.autoCloseEstimated ? undefined : o.autoCloseAt,
  }));
}

const DIR = resolve(import.meta.dirname, '../fixtures/unseen');
export const UNSEEN = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), page: JSON.parse(readFileSync(resolve(DIR, f), 'utf8')) as UnseenPage, html: readFileSync(resolve(DIR, f.replace(/\.json$/, '.html')), 'utf8') }));

// The pages' own dates are early December 2026.
export const NOW = Date.UTC(2026, 11, 6, 4, 0, 0);
// As a browser parses a page: declarative shadow roots attached (the shadowRoot variant).
export const parse = (html: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadows(doc);
  // happy-dom selects an option other than the one marked `selected` (2026-12: the second where the third is marked),
  // in the page and in its shadow roots.
  const roots: Array<Document | ShadowRoot> = [doc, ...[...doc.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
  for (const root of roots) {
    for (const select of root.querySelectorAll('select')) {
      const marked = [...select.options].findLastIndex((o) => o.hasAttribute('selected'));
      select.selectedIndex = Math.max(marked, 0);
    }
  }
  return doc;
};

/**
 * The page with each order's block marked as the fixtures mark theirs (data-fixture-order, which the drift variants
 * reshape): the largest element around the order's number that holds no other order's number.
 */
function marked(html: string, ids: readonly string[]): string {
  const doc = parse(html);
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t as Text);
  // Where the number stands alone, else its first mention: a note in the order before it that names it ("Combined
  // payment with order 3051…") is not where it is shown.
  // A page may show its numbers only as read-only fields' values (a "form view").
  const fields = textFields(doc.body);
  const shows = (el: Element, x: string) => el.textContent!.includes(x) || fields.some((f) => el.contains(f) && f.value.includes(x));
  for (const id of ids) {
    const t = texts.find((x) => x.nodeValue!.trim() === id) ?? texts.find((x) => x.nodeValue!.includes(id)) ?? fields.find((f) => f.value.trim() === id);
    if (!t) continue;
    let block = t.parentElement!;
    while (block.parentElement && block.parentElement !== doc.body && !ids.some((x) => x !== id && shows(block.parentElement!, x))) block = block.parentElement;
    block.setAttribute('data-fixture-order', id);
  }
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}

/**
 * What a read got wrong, in a word per order: "missing" and "items" leave an order unread or its goods miscounted;
 * "WRONG …" is data a seller would act on (a total, buyer or status, or an order the page does not show).
 */
export function differences(got: readonly GotOrder[], page: UnseenPage, minSlack = 0): string {
  const out: string[] = [];
  for (const want of page.orders) {
    const o = got.find((g) => g.orderId === want.orderId);
    if (!o) out.push(`missing ${want.orderId}`);
    else {
      if (o.minor !== want.minor || o.currency !== want.currency) out.push(`WRONG total ${want.orderId}: ${o.minor} ${o.currency}`);
      // The same characters in another Unicode form are the same name: composed ("Zoë") or decomposed, by canonical
      // equivalence; in compatibility forms ("６６６" read as "666": the readers fold full-width and other digits, so
      // that numbers and money read alike) a miss, not a wrong name, as every order of the buyer reads the same.
      if (o.buyer.normalize('NFC') !== want.buyer.normalize('NFC')) out.push(o.buyer.normalize('NFKC') === want.buyer.normalize('NFKC') ? `form of buyer ${want.orderId}` : `WRONG buyer ${want.orderId}: ${JSON.stringify(o.buyer)}`);
      if (o.status !== want.status) out.push(`WRONG status ${want.orderId}: ${o.status}`);
      if (o.items !== want.items) out.push(`items ${want.orderId}: ${o.items}`);
      if (want.closesAt !== undefined) {
        const at = Date.parse(want.closesAt);
        // A deadline left unread is a miss (the panel estimates it from the platform's rule); one read wrong is data.
        if (o.closesAt === undefined) out.push(`deadline ${want.orderId}: unread`);
        else if (Math.abs(o.closesAt - at) > Math.max(want.closesSlack ?? 60, minSlack) * 1000) out.push(`WRONG deadline ${want.orderId}: ${new Date(o.closesAt).toISOString()}`);
      }
    }
  }
  const ids = got.map((o) => o.orderId);
  for (const [i, id] of ids.entries()) if (ids.indexOf(id) !== i) out.push(`WRONG twice ${id}`);
  for (const o of got) if (!page.orders.some((w) => w.orderId === o.orderId)) out.push(`WRONG extra ${o.orderId}`);
  return out.join('; ');
}

/** No order read wrong (a total, buyer, status, deadline, or an order the page does not show), and a read that left one out never whole. */
function expectNothingWrong(read: PageRead | null, page: UnseenPage, minSlack = 0): void {
  expect(read, 'an order list: never read as none').not.toBeNull();
  const got = gotOrders(read!);
  const wrong = differences(got, page, minSlack).split('; ').filter((d) => d.startsWith('WRONG') && !/^WRONG status \S+: unknown$/.test(d));
  expect(wrong).toEqual([]);
  // A read that left an order out is never whole: nothing stored is taken for paid by it, and the banner shows.
  if (page.orders.some((w) => !got.some((g) => g.orderId === w.orderId))) expect(readIsWhole(read!)).toBe(false);
  if (page.narrowed || page.partial) expect(read!.complete && readIsWhole(read!)).toBe(false);
}

/** Each order as the writer's answers state it. */
function expectAnswers(read: PageRead | null, page: UnseenPage, minSlack = 0): void {
  expect(read, 'an order list: never read as none').not.toBeNull();
  expect(differences(gotOrders(read!), page, minSlack)).toBe('');
  // An order still loading is counted unreadable (the banner shows), never read from its placeholders.
  expect(read!.unreadable).toBe(page.loading ?? 0);
  // A narrowed list says nothing of the orders it leaves out: never complete, so none of them is taken for paid.
  if (page.narrowed) expect(read!.complete, 'a narrowed list is never complete').toBe(false);
  // Nor does a list still loading, or showing only part of the tab, of the orders it has not drawn.
  if (page.partial) expect(readIsWhole(read!) && read!.complete, 'a list shown in part is never complete').toBe(false);
}

/**
 * Redeploys of a page these pages are not read right after yet. Most are a
 * layout turned into another (goods rows moved, columns reversed, cards made
 * rows; where an order is two sibling rows the variants move its head row
 * alone); the rest leave one or a few orders of a page unread (every class
 * renamed on four near-real pages, a package number at a summary row's end,
 * parts or paid-so-far drawn beside a total) or count its goods lines wrong.
 * Each leaves orders unread (counted, so the banner shows) or goods
 * miscounted, never a wrong total, buyer or status (checked for every
 * listed page and variant, .scratch's kinds tool: the last wrong buyers so
 * listed, a country, "88VIP" before a "VIP88", an avatar's initial, a
 * separator after the name, were fixed on the evening of 2026-12-06, and a
 * head line the reordered variant reversed was the generator's fault). A page
 * without a header row is reordered by the first row that looks like one: on
 * alibaba-cardskel-unpaid that was its search form until forms were told
 * apart by their boxes and buttons (2026-12-07), now an order's head, whose
 * reversed cards leave three orders unread.
 */
const GAPS: Partial<Record<VariantName, readonly string[]>> = {
  buyerBadges: ['shopee-paytogether-all', 'tiktok-jpcards-unpaid', 'tiktok-usclock-all'],
  renamed: ['aliexpress-eurolocales-unpaid', 'aliexpress-ordertables-unpaid', 'aliexpress-polish-unpaid', 'aliexpress-rowspan-all', 'aliexpress-skelrows-all', 'aliexpress-srlabel-unpaid', 'pdd-yuanforms-unpaid', 'shopee-between-all', 'shopee-brlocale-all', 'shopee-cada-unpaid', 'shopee-eds-all', 'shopee-idlocale-unpaid', 'shopee-jawi-all', 'shopee-multishop-unpaid', 'shopee-ordercard-paycol-ph-all', 'shopee-ordercard-vn-unpaid', 'shopee-ordermodal-unpaid', 'shopee-paytogether-all', 'taobao-classicrowspan-all', 'taobao-fixedcols-unpaid', 'taobao-subordercards-all', 'taobao-suborders-all', 'tiktok-usclock-all'],
  otherNumbers: ['alibaba-esmilestones-unpaid', 'alibaba-grouped-all', 'alibaba-maskedcontacts-unpaid', 'alibaba-milestones-all', 'alibaba-staged-unpaid', 'alibaba-zh-loadmore-unpaid', 'aliexpress-between-all', 'aliexpress-dualcurrency-unpaid', 'aliexpress-groupheader-unpaid', 'aliexpress-krtable-unpaid', 'aliexpress-srlabel-unpaid', 'pdd-batchconfirm-unpaid', 'pdd-shiduan-unpaid', 'pdd-snsearch-unpaid', 'pdd-tbclass-aftersales-all', 'pdd-tbclass-presale-unpaid', 'pdd-tbody-summary-all', 'pdd-twohead-all', 'pdd-yuancol-unpaid', 'pdd-yuanforms-unpaid', 'shopee-brlocale-all', 'taobao-qnstaged-all', 'taobao-repriced-unpaid', 'taobao-stackcard-all', 'taobao-tbodyrows-unpaid', 'tiktok-buddhist-unpaid', 'tiktok-chipfilters-unpaid', 'tiktok-ja-tbody-all', 'tiktok-jptable-unpaid', 'tiktok-vnlocale-unpaid'],
  currencyForms: ['alibaba-esmilestones-unpaid', 'alibaba-milestones-all', 'aliexpress-dualcurrency-unpaid', 'aliexpress-multicur-unpaid', 'pdd-srcards-unpaid', 'shopee-ordercard-vn-unpaid', 'tiktok-vnlocale-unpaid'],
  splitAmounts: ['alibaba-dategroups-all', 'alibaba-eur-linkonly-all', 'alibaba-immersive-unpaid', 'alibaba-inlinedetail-all', 'aliexpress-datecards-all', 'aliexpress-detaildrawer-all', 'aliexpress-dispute-all', 'aliexpress-statusboxes-all', 'aliexpress-vlist-all', 'pdd-tbclass-presale-unpaid', 'shopee-headtotal-unpaid', 'shopee-idstepper-all', 'shopee-multishop-unpaid', 'shopee-ordercard-vn-unpaid', 'taobao-mobileweb-unpaid', 'taobao-suborders-all', 'taobao-tilecols-all', 'tiktok-de-cards-unpaid', 'tiktok-etiqueta-unpaid', 'tiktok-jpcards-unpaid', 'tiktok-taxlines-unpaid', 'tiktok-vnd-all'],
  struckPrices: ['alibaba-dategroups-all', 'alibaba-eur-linkonly-all', 'alibaba-immersive-unpaid', 'alibaba-inlinedetail-all', 'aliexpress-datecards-all', 'aliexpress-detaildrawer-all', 'aliexpress-dispute-all', 'aliexpress-statusboxes-all', 'aliexpress-vlist-all', 'pdd-tbclass-presale-unpaid', 'shopee-idstepper-all', 'shopee-mobileweb-unpaid', 'shopee-ordercard-vn-unpaid', 'taobao-mobileweb-unpaid', 'taobao-suborders-all', 'tiktok-etiqueta-unpaid', 'tiktok-id-twocol-all', 'tiktok-jpcards-unpaid', 'tiktok-taxlines-unpaid', 'tiktok-vnd-all'],
  partAmounts: ['alibaba-cardskel-unpaid', 'alibaba-dech-all', 'alibaba-desclist-all', 'alibaba-reprows-all', 'alibaba-tacards-all', 'alibaba-twopane-all', 'alibaba-zh-tbody-unpaid', 'aliexpress-cards-unpaid', 'aliexpress-fr-srsummary-all', 'aliexpress-twohalves-all', 'pdd-bulkqty-unpaid', 'pdd-bydate-all', 'pdd-wholesale-all', 'pdd-yuanforms-unpaid', 'shopee-eds-all', 'shopee-headtotal-unpaid', 'taobao-twohalves-all', 'tiktok-srcards-unpaid', 'tiktok-virtualrows-unpaid', 'tiktok-vnlocale-unpaid'],
  paidSoFar: ['alibaba-cardskel-unpaid', 'alibaba-dech-all', 'alibaba-desclist-all', 'alibaba-reprows-all', 'alibaba-tacards-all', 'alibaba-twopane-all', 'alibaba-zh-tbody-unpaid', 'aliexpress-cards-unpaid', 'aliexpress-fr-srsummary-all', 'aliexpress-twohalves-all', 'pdd-bulkqty-unpaid', 'pdd-bydate-all', 'pdd-wholesale-all', 'pdd-yuanforms-unpaid', 'shopee-eds-all', 'shopee-erpbadge-all', 'shopee-headtotal-unpaid', 'shopee-ordercard-vn-unpaid', 'shopee-vncards-unpaid', 'taobao-twohalves-all', 'tiktok-srcards-unpaid', 'tiktok-virtualrows-unpaid', 'tiktok-vnlocale-unpaid'],
  approxAmounts: ['alibaba-desclist-all', 'alibaba-tacards-all', 'alibaba-twopane-all', 'alibaba-zh-tbody-unpaid', 'aliexpress-cards-unpaid', 'aliexpress-twohalves-all', 'taobao-twohalves-all'],
  wrapped: ['pdd-agsplit-unpaid', 'pdd-yuancol-unpaid', 'shopee-twrowgroups-all', 'taobao-qn-rolerow-unpaid'],
  numberRowFirst: ['alibaba-antv5-unpaid', 'alibaba-classicta-all', 'alibaba-editterms-unpaid', 'alibaba-eur-linkonly-all', 'alibaba-isocodes-unpaid', 'alibaba-nextlock-all', 'alibaba-reiwa-all', 'alibaba-ttselect-all', 'alibaba-twopane-all', 'alibaba-zhstages-unpaid', 'aliexpress-antd-fixedhead-unpaid', 'aliexpress-classiczebra-unpaid', 'aliexpress-crm-unpaid', 'aliexpress-defaultfilters-all', 'aliexpress-esnexttable-unpaid', 'aliexpress-eurolocales-unpaid', 'aliexpress-frtable-all', 'aliexpress-lockedprice-all', 'aliexpress-mixed-all', 'aliexpress-nexttable-all', 'aliexpress-ontem-unpaid', 'aliexpress-ordertables-unpaid', 'aliexpress-packof-all', 'aliexpress-polish-unpaid', 'aliexpress-rowspan-all', 'aliexpress-skelrows-all', 'aliexpress-supcents-all', 'aliexpress-tdesign-unpaid', 'aliexpress-turkce-all', 'aliexpress-twohalves-all', 'aliexpress-twostores-all', 'aliexpress-vlist-all', 'pdd-agsplit-unpaid', 'pdd-batchconfirm-unpaid', 'pdd-bydate-all', 'pdd-digitspans-unpaid', 'pdd-element-fixed-unpaid', 'pdd-elfixed-all', 'pdd-eltable-all', 'pdd-eltable-unpaid', 'pdd-erpcol-unpaid', 'pdd-moneycols-unpaid', 'pdd-printrows-unpaid', 'pdd-singlepage-all', 'pdd-srcards-unpaid', 'pdd-streamrows-all', 'pdd-tbody-summary-all', 'pdd-twohead-all', 'pdd-workbench-all', 'shopee-cardrows-unpaid', 'shopee-eds-all', 'shopee-foldcards-unpaid', 'shopee-minguo-all', 'shopee-multishop-unpaid', 'shopee-mxtable-all', 'shopee-printview-all', 'shopee-searchtype-unpaid', 'shopee-thai-all', 'shopee-thaicards-all', 'shopee-twrowgroups-all', 'shopee-virtualcards-unpaid', 'shopee-vn-virtual-all', 'shopee-vncards-unpaid', 'shopee-vnloadcards-unpaid', 'taobao-antv3fixed-all', 'taobao-classicrowspan-all', 'taobao-decoy-all', 'taobao-fixedcols-unpaid', 'taobao-fullwidth-unpaid', 'taobao-hlsearch-all', 'taobao-lookalike-all', 'taobao-myseller-flat-unpaid', 'taobao-nickfields-all', 'taobao-pricedialog-unpaid', 'taobao-qn-rolerow-unpaid', 'taobao-qnclock-all', 'taobao-qnfilters-all', 'taobao-qnlastpage-all', 'taobao-qnstaged-all', 'taobao-relday-all', 'taobao-shopdesk-unpaid', 'taobao-slashpager-unpaid', 'taobao-subordercards-all', 'taobao-tilecols-all', 'taobao-twohalves-all', 'taobao-virtuallist-all', 'tiktok-arcotable-all', 'tiktok-combined-all', 'tiktok-darkcompact-all', 'tiktok-exportgrid-unpaid', 'tiktok-legacyvn-unpaid', 'tiktok-maskedheader-all', 'tiktok-mixed-all', 'tiktok-ph-expand-unpaid', 'tiktok-srcards-unpaid', 'tiktok-th-details-unpaid', 'tiktok-uk-rolegrid-all', 'tiktok-ukpkgtable-all', 'tiktok-virtuallist-unpaid', 'tiktok-virtualrows-unpaid'],
  reordered: ['alibaba-antv5-unpaid', 'alibaba-cardskel-unpaid', 'alibaba-ttselect-all', 'aliexpress-antd-fixedhead-unpaid', 'aliexpress-classiczebra-unpaid', 'aliexpress-dualcurrency-unpaid', 'aliexpress-es-tfoot-unpaid', 'aliexpress-frtable-all', 'aliexpress-lockedprice-all', 'aliexpress-nexttable-all', 'aliexpress-ontem-unpaid', 'aliexpress-rowspan-all', 'aliexpress-vlist-all', 'pdd-agsplit-unpaid', 'pdd-bydate-all', 'pdd-copyfields-unpaid', 'pdd-elfixed-all', 'pdd-eltable-all', 'pdd-erpcol-unpaid', 'pdd-moneycols-unpaid', 'pdd-printrows-unpaid', 'pdd-singlepage-all', 'pdd-snsearch-unpaid', 'pdd-streamrows-all', 'pdd-tbody-summary-all', 'pdd-workbench-all', 'shopee-bydate-unpaid', 'shopee-cardrows-unpaid', 'shopee-eds-all', 'shopee-foldcards-unpaid', 'shopee-headtotal-unpaid', 'shopee-minguo-all', 'shopee-mxtable-all', 'shopee-paytogether-all', 'shopee-searchtype-unpaid', 'shopee-thai-all', 'shopee-thaicards-all', 'shopee-thcards-unpaid', 'shopee-twrowgroups-all', 'shopee-virtualcards-unpaid', 'shopee-vncards-unpaid', 'shopee-vnloadcards-unpaid', 'taobao-between-all', 'taobao-decoy-all', 'taobao-inlineedit-all', 'taobao-mixed-all', 'taobao-mobileweb-unpaid', 'taobao-myseller-flat-unpaid', 'taobao-nickfields-all', 'taobao-qn-rolerow-unpaid', 'taobao-qnclock-all', 'taobao-qnstaged-all', 'taobao-slashpager-unpaid', 'taobao-soldmod-merged-all', 'taobao-stackcard-all', 'taobao-subordercards-all', 'taobao-suborders-all', 'taobao-tilecols-all', 'tiktok-arcotable-all', 'tiktok-bystatus-all', 'tiktok-darkcompact-all', 'tiktok-exportgrid-unpaid', 'tiktok-legacyvn-unpaid', 'tiktok-mixed-all', 'tiktok-ph-expand-unpaid', 'tiktok-srcards-unpaid', 'tiktok-uk-rolegrid-all', 'tiktok-ukpkgtable-all', 'tiktok-virtualrows-unpaid'],
  reshaped: ['alibaba-antv5-unpaid', 'alibaba-classicta-all', 'alibaba-currency-all', 'alibaba-editterms-unpaid', 'alibaba-reiwa-all', 'aliexpress-antd-fixedhead-unpaid', 'aliexpress-classiczebra-unpaid', 'aliexpress-eurolocales-unpaid', 'aliexpress-frtable-all', 'aliexpress-lockedprice-all', 'aliexpress-ordertables-unpaid', 'aliexpress-polish-unpaid', 'aliexpress-rowspan-all', 'aliexpress-skelrows-all', 'aliexpress-statusboxes-all', 'aliexpress-styled-cards-all', 'aliexpress-tdesign-unpaid', 'pdd-agsplit-unpaid', 'pdd-eltable-all', 'pdd-eltable-unpaid', 'pdd-erpcol-unpaid', 'pdd-lazyfeed-unpaid', 'pdd-printrows-unpaid', 'pdd-singlepage-all', 'pdd-srcards-unpaid', 'pdd-subsidy-unpaid', 'pdd-tbclass-aftersales-all', 'pdd-tbody-summary-all', 'pdd-twohead-all', 'shopee-between-all', 'shopee-brlocale-all', 'shopee-bydate-unpaid', 'shopee-cardrows-unpaid', 'shopee-coins-unpaid', 'shopee-foldcards-unpaid', 'shopee-multishop-unpaid', 'shopee-mxtable-all', 'shopee-ordermodal-unpaid', 'shopee-paytogether-all', 'shopee-printview-all', 'shopee-searchtype-unpaid', 'shopee-thai-all', 'shopee-thcards-unpaid', 'shopee-twrowgroups-all', 'shopee-virtualcards-unpaid', 'shopee-vnloadcards-unpaid', 'taobao-antv3fixed-all', 'taobao-classicrowspan-all', 'taobao-inlineedit-all', 'taobao-mobileweb-unpaid', 'taobao-myseller-flat-unpaid', 'taobao-qn-rolerow-unpaid', 'taobao-qnstaged-all', 'taobao-soldmod-merged-all', 'taobao-subordercards-all', 'taobao-virtual-unpaid', 'taobao-virtuallist-all', 'tiktok-arcotable-all', 'tiktok-bystatus-all', 'tiktok-chipfilters-unpaid', 'tiktok-exportgrid-unpaid', 'tiktok-ja-tbody-all', 'tiktok-legacyvn-unpaid', 'tiktok-ordercard-skuid-uk-unpaid', 'tiktok-ph-expand-unpaid', 'tiktok-profitcol-all', 'tiktok-srcards-unpaid', 'tiktok-uk-rolegrid-all', 'tiktok-ukpkgtable-all', 'tiktok-virtuallist-unpaid', 'tiktok-virtualrows-unpaid', 'tiktok-vnlocale-unpaid'],
  countdownWords: ['pdd-jiyun-all', 'tiktok-vnd-all'],
  // Order numbers drawn a group of digits an element, split by a search's highlight or by <wbr>: no text holding a
  // number for the marks (or other numbers) to go in.
  invisibleMarks: ['alibaba-grouped-all', 'aliexpress-srlabel-unpaid', 'pdd-snsearch-unpaid', 'taobao-stackcard-all'],
};


/**
 * Whole lists read right whose list facts no adapter reads (a div grid with its status column hidden, cards under
 * group heads): the structural reader reads their orders and never calls a list complete on its own, so an order
 * that leaves such a list is not taken for paid (batches 32 and 33, 2026-12-07).
 */
const WHOLE_NOT_COMPLETE: readonly string[] = ['alibaba-grouped-all', 'pdd-copyfields-unpaid', 'shopee-formview-unpaid', 'taobao-inlineedit-all', 'tiktok-bystatus-all', 'tiktok-etiqueta-unpaid', 'tiktok-thaiscript-unpaid'];

const IN_SHADOW = (html: string) => /shadowrootmode=/.test(html);

/** The variants that apply to a page (a page without a header row has no columns to reorder) and that it must survive. */
export function variantsFor(name: string, html: string, page: UnseenPage, gaps = false): Array<[VariantName, string]> {
  // The variants rewrite a page's light DOM and serialise it: a list inside a declarative shadow root would be lost
  // (its own shadowRoot variant is what every other page gets).
  if (IN_SHADOW(html)) return [];
  const source = marked(html, page.orders.map((o) => o.orderId));
  const out: Array<[VariantName, string]> = [];
  for (const v of VARIANTS) {
    // `gaps`: the variants listed in GAPS for this page, else every other.
    if ((GAPS[v]?.includes(name) ?? false) !== gaps) continue;
    try {
      out.push([v, variantOf(source, parse, v, { nicks: page.orders.map((o) => o.buyer) }).html]);
    } catch {
      // The variant has nothing to change on this page ("fixture has no header row", "no date to write out").
    }
  }
  return out;
}

/** The platforms the suites cover between them: each suite reads its own platforms' pages (in a worker of its own). */
export const SUITES = [['taobao'], ['pdd'], ['aliexpress'], ['tiktok'], ['alibaba'], ['shopee']] as const;

/** Every blind page of `platforms` (or its `part` of `parts` shares), as written and after each redeploy. */
export function describeUnseen(platforms: readonly string[], part = 0, parts = 1): void {
  it('has pages of each of its platforms, and every page a suite', () => {
    for (const p of platforms) expect(UNSEEN.some(({ page }) => page.platform === p)).toBe(true);
    for (const { page } of UNSEEN) expect(SUITES.flat()).toContain(page.platform);
  });
  // `part` of `parts`: every parts-th page of the platforms, so that each file's worker parses a share of them.
  const pages = UNSEEN.filter(({ page }) => platforms.includes(page.platform)).filter((_, i) => i % parts === part);
  describe.each(pages)('a page written blind: $name', ({ name, page, html }) => {
    // A page the readers cannot read as written (see UNREAD_AS_WRITTEN): as written and after every redeploy, it is
    // read without a wrong total, buyer, status or deadline, and what it leaves unread is counted.
    if (UNREAD_AS_WRITTEN.includes(name)) {
      it.each([['as written', html] as [string, string], ...variantsFor(name, html, page), ...variantsFor(name, html, page, true)])('%s (not read as written): reads nothing wrong, and counts what it leaves unread', (variant, pageHtml) => {
        expectNothingWrong(readPage(parse(pageHtml), ADAPTERS[page.platform]!, page.url, NOW), page, variant === 'countdownWords' ? 60 : 0);
      });
      return;
    }
    it('reads every order as its writer says', () => {
      expect(page.orders.length).toBeGreaterThanOrEqual(3);
      expectAnswers(readPage(parse(html), ADAPTERS[page.platform]!, page.url, NOW), page);
    });

    // A list whose every order is on the page is complete: the orders that leave it are taken for paid (a list that
    // never read complete would keep every paid order in the queue). One no adapter knows is read by the structural
    // reader alone, which never calls a list complete: the safe side (see WHOLE_NOT_COMPLETE).
    if (page.whole === true) {
      it(WHOLE_NOT_COMPLETE.includes(name) ? 'reads the list it shows whole, though not as complete (no adapter knows it)' : 'reads the list it shows whole as complete', () => {
        expect(readPage(parse(html), ADAPTERS[page.platform]!, page.url, NOW)?.complete).toBe(!WHOLE_NOT_COMPLETE.includes(name));
      });
    }

    // The same page after a redeploy.
    const variants = variantsFor(name, html, page);
    it.skipIf(IN_SHADOW(html))('survives the redeploys every page must', () => {
      const names = variants.map(([v]) => v);
      // The redeploys that apply to any list, whatever its shape, unless listed as a gap.
      for (const v of ['renamed', 'rehashed', 'invisibleMarks', 'shadowRoot', 'otherNumbers'] as const) if (!GAPS[v]?.includes(name)) expect(names).toContain(v);
    });
    it.each(variants)('%s: still reads every order as its writer says', (name, variantHtml) => {
      expect(variantHtml).not.toBe(html);
      // A countdown said again in words is said to the minute ("23 hours 41 minutes"): its deadline is as precise.
      expectAnswers(readPage(parse(variantHtml), ADAPTERS[page.platform]!, page.url, NOW), page, name === 'countdownWords' ? 60 : 0);
    });
    // A redeploy listed as a gap may leave orders unread or miscount goods lines, never more.
    it.each(variantsFor(name, html, page, true))('%s (a known gap): reads nothing wrong, and counts what it leaves unread', (name, variantHtml) => {
      expectNothingWrong(readPage(parse(variantHtml), ADAPTERS[page.platform]!, page.url, NOW), page, name === 'countdownWords' ? 60 : 0);
    });
  });
}
