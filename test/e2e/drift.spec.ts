import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { renderFixture } from '../support/fixtures.mjs';
import { expectRows, openPanelFor, openSellerPage, usePlatformSuite, type ExpectedRow } from '../support/platform-flow';
import { strikeByClass, variantOf, type VariantName } from '../drift/variants';

// A redeploy that renamed every class and id (and dropped data-testid), one
// unpaid list per platform, served at the real seller URL in real Chromium:
// the content script reads it by its structure and the panel shows each
// unpaid order with its buyer and exact total. The expected rows are the
// fixture's own unpaid orders (the same ones the platform specs check).

const suite = usePlatformSuite();

interface DriftPage {
  platform: string;
  file: string;
  url: string;
  variant: VariantName;
  /** A second change on top of the first (amounts drawn in parts on a renamed page). */
  then?: VariantName;
  /** The adapter itself reads by order number and header words (no classes), so the renamed page is no news to it. */
  selectorsSurvive?: true;
}

/** Each unpaid list's orders as the platform specs check them: number, buyer, total in minor units, currency. */
const ROWS: Readonly<Record<string, readonly ExpectedRow[]>> = {
  taobao: [
    ['3912830471625580441', 'tb_<svg onload=alert(1)>"&\'买家', '12800', 'CNY'],
    ['3912830471625580552', '阳光小铺的老客', '130650', 'CNY'],
    ['3912830471625580663', 'Lily🌷', '3990', 'CNY'],
  ],
  pdd: [
    ['261123-384685998833090', '拼<img src=x onerror=alert(1)>客', '13100', 'CNY'],
    ['261123-220011334455667', '阿强', '7970', 'CNY'],
    ['261123-667788990011223', 'Lucy 🌸 露西', '6480', 'CNY'],
  ],
  aliexpress: [
    ['8193047726510234', '<img src=x onerror=alert(1)>', '2350', 'USD'],
    ['8193051190023377', 'محمد العتيبي', '1250', 'EUR'],
    ['8193060072219981', 'Olga_K', '246912', 'RUB'],
  ],
  tiktok: [
    ['576880912345678901', '<img src=x onerror=alert(1)>', '4797', 'USD'],
    ['5768801277340025519', 'جميلة 🌙', '1500', 'USD'],
  ],
  alibaba: [
    ['235876451002019725', 'John Smith', '500000', 'USD'],
    ['235876451002019811', `María <b>O'Brien</b> & "Co" مرحبا`, '120000', 'USD'],
    ['235876451002020004', 'Hans Müller', '1250000', 'EUR'],
  ],
  shopee: [
    ['261123K7XJ3M2P', '<img src=x onerror=alert(1)>', '250000', 'VND'],
    ['261123AB12CD34', 'ngoc_anh 💖', '1590000', 'VND'],
    ['261122Q9W8E7R6', 'minh.tran88', '459000', 'VND'],
  ],
};

const PAGES: readonly DriftPage[] = [
  {
    platform: 'taobao',
    file: 'trade-platform-unpaid.html',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&drift=1',
    variant: 'renamed',
  },
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=1',
    variant: 'renamed',
    selectorsSurvive: true,
  },
  {
    platform: 'aliexpress',
    file: 'order-list-en.html',
    url: 'https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&drift=1',
    variant: 'renamed',
  },
  {
    platform: 'tiktok',
    file: 'order-list-us.html',
    url: 'https://seller-us.tiktok.com/order?tab=all&drift=1',
    variant: 'renamed',
  },
  // Every amount drawn in parts ("$" "47" ".97"), as storefronts style the cents, on a renamed page: the structural
  // reader (TikTok) and the adapter that reads by order number and headers (Pinduoduo) read each total whole.
  {
    platform: 'tiktok',
    file: 'order-list-us.html',
    url: 'https://seller-us.tiktok.com/order?tab=all&drift=2',
    variant: 'splitAmounts',
    then: 'renamed',
  },
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=2',
    variant: 'splitAmounts',
    then: 'renamed',
    selectorsSurvive: true,
  },
  {
    platform: 'alibaba',
    file: 'order-list-unpaid-en.html',
    url: 'https://biz.alibaba.com/ta/order/list.htm?tab=unpay&drift=1',
    variant: 'renamed',
  },
  // A struck-through price before every amount (the price before a discount): never the total.
  {
    platform: 'alibaba',
    file: 'order-list-unpaid-en.html',
    url: 'https://biz.alibaba.com/ta/order/list.htm?tab=unpay&drift=2',
    variant: 'struckPrices',
    then: 'renamed',
  },
  // What the buyer paid so far labelled right before every total ("Đã thanh toán: ₫0"): the adapter stored ₫0 as every
  // order's total. Listed before the platform's degraded pages: a page its selectors still read shows no notice, and
  // the notices of the platform's pages shown earlier stay listed.
  {
    platform: 'shopee',
    file: 'order-vn-unpaid.html',
    url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid&drift=4',
    variant: 'paidSoFar',
    selectorsSurvive: true,
  },
  {
    platform: 'shopee',
    file: 'order-vn-unpaid.html',
    url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid&drift=1',
    variant: 'renamed',
  },
  // A badge beside every buyer's name ("新客", "Khách mới"): the adapter (Pinduoduo) and the structural reader
  // (Shopee, where the badge sits between the name and the chat control) still read the name alone.
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=3',
    variant: 'buyerBadges',
    then: 'renamed',
    selectorsSurvive: true,
  },
  {
    platform: 'shopee',
    file: 'order-vn-unpaid.html',
    url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid&drift=2',
    variant: 'buyerBadges',
    then: 'renamed',
  },
  // A sub-order and a package number in the order number's own format in every order ("子订单号：3912…",
  // "<span>包裹号：</span><span>3912…</span>"): neither splits an order in two nor makes one, through the structural
  // reader (Taobao) or the adapter (Pinduoduo).
  {
    platform: 'taobao',
    file: 'trade-platform-unpaid.html',
    url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&drift=2',
    variant: 'otherNumbers',
    then: 'renamed',
  },
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=4',
    variant: 'otherNumbers',
    then: 'renamed',
    selectorsSurvive: true,
  },
  // A goods subtotal and a shipping fee labelled around every total ("Tổng tiền hàng: ₫950.000", "运费：¥7.00"): the
  // total is still the total, through the structural reader (Shopee) and the adapter (Pinduoduo).
  {
    platform: 'shopee',
    file: 'order-vn-unpaid.html',
    url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid&drift=3',
    variant: 'partAmounts',
    then: 'renamed',
  },
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=5',
    variant: 'partAmounts',
    then: 'renamed',
    selectorsSurvive: true,
  },
  // Order numbers broken for wrapping (a zero-width space, a <wbr>) and direction marks around amounts: the same
  // numbers, through the structural reader (TikTok Shop) and the adapter (Pinduoduo, which read no order at all).
  {
    platform: 'tiktok',
    file: 'order-list-us.html',
    url: 'https://seller-us.tiktok.com/order?tab=all&drift=3',
    variant: 'invisibleMarks',
    then: 'renamed',
  },
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=6',
    variant: 'invisibleMarks',
    then: 'renamed',
    selectorsSurvive: true,
  },
  // What the buyer paid so far labelled right before every total ("已付：¥0.00"): the adapter stored ¥0.00 as every
  // order's total.
  {
    platform: 'pdd',
    file: 'orders-unpaid.html',
    url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=7',
    variant: 'paidSoFar',
    selectorsSurvive: true,
  },
];

const window = new Window();
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function variantHtml(page: DriftPage): string {
  const html = renderFixture(readFileSync(resolve(import.meta.dirname, '../fixtures', page.platform, page.file), 'utf8'), Date.now());
  const facts = { nicks: ROWS[page.platform]!.map((row) => row[1]) };
  let variant = variantOf(html, parse, page.variant, facts);
  if (page.then) variant = variantOf(variant.html, parse, page.then, facts);
  // The amounts really are drawn in parts, where asked.
  if (page.variant === 'splitAmounts') expect(variant.html).toMatch(/<span>\.\d\d<\/span>/);
  if (page.variant === 'struckPrices') expect(variant.html).toMatch(/<del>[^<]*999\.00<\/del>/);
  if (page.variant === 'buyerBadges') expect(variant.html).toMatch(/<span>(?:新客|88VIP|老客|Khách mới|Khách quen)<\/span>/);
  if (page.variant === 'invisibleMarks') expect(variant.html).toMatch(/\d<wbr>\d[\s\S]*\d\u200b\d/);
  if (page.variant === 'partAmounts') expect(variant.html).toMatch(/(?:Tổng tiền hàng: |商品总价：)[^<]*\d[\s\S]*(?:Phí vận chuyển: |运费：)[^<]*\d/);
  if (page.variant === 'otherNumbers') expect(variant.html).toMatch(/子订单号：\d{6}[\s\S]*<span>包裹号：<\/span>/);
  if (page.variant === 'paidSoFar') expect(variant.html).toMatch(/(?:已付：¥0\.00|Đã thanh toán: ₫0)/);
  // The variant really lost every class the selectors know, where it was renamed.
  if (page.variant === 'renamed' || page.then === 'renamed') expect(variant.html).not.toMatch(/class="[^"]*(?:order|buyer|amount|product|goods|trade)/i);
  return variant.html;
}

for (const page of PAGES) {
  const title = { splitAmounts: 'every amount drawn in parts and every class and id renamed', struckPrices: 'a struck-through price before every amount and every class and id renamed', buyerBadges: 'a badge beside every buyer\'s name and every class and id renamed', otherNumbers: 'sub-order and package numbers in the order number\'s format and every class and id renamed', partAmounts: 'a subtotal and a shipping fee labelled around every total and every class and id renamed', invisibleMarks: 'order numbers broken by a zero-width space or a <wbr> and direction marks around amounts', paidSoFar: 'what was paid so far labelled right before every total' }[page.variant as string] ?? 'every class and id renamed';
  test(`${page.platform}: ${title}, the panel still shows each unpaid order exactly`, async () => {
    const body = variantHtml(page);
    await suite.context.route(page.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    const { page: list, dialogs } = await openSellerPage(suite, page.url);
    const panel = await openPanelFor(suite, page.url, { narrow: true });
    await expect(panel.locator(`[data-testid="order-row"][data-order-id="${ROWS[page.platform]![0]![0]}"]`)).toHaveCount(1, { timeout: 5_000 });
    await expectRows(panel, page.platform, ROWS[page.platform]!);
    // Not silence: the banner says the page was read from its structure, names the selector set that no longer
    // matches, and offers teaching in case a field was misread.
    const warnings = panel.locator(`[data-testid="health-warning"][data-platform="${page.platform}"]`);
    if (page.selectorsSurvive) {
      await expect(warnings).toHaveCount(0);
      await panel.close();
      await list.close();
      return;
    }
    const notices = panel.locator(`[data-testid="health-warning"][data-platform="${page.platform}"][data-kind="degraded"]`);
    // One notice for this page; a second page of the platform shown just before (its tab closed) may still list its own
    // recent one, after this tab's (the banner lists the bound tab's first).
    await expect(notices).toHaveCount(PAGES.filter((p) => p.platform === page.platform && !p.selectorsSurvive).indexOf(page) + 1);
    const notice = notices.first();
    await expect(notice).toHaveAttribute('data-read-path', 'structure');
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice).toContainText(await notice.getAttribute('data-selectors-version') ?? '');
    await expect(panel.getByTestId('teach-button')).toBeVisible();
    expect(dialogs).toEqual([]);
    await panel.close();
    await list.close();
  });
}

// A price before its discount struck through by a class of the page's style sheet, before every amount: only the
// browser's computed style tells it is struck. Before, the Pinduoduo adapter stored it as every order's total.
test('pdd: a price struck through by a style-sheet class before every amount, the panel still shows each unpaid order exactly', async () => {
  const url = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1&drift=struck-class';
  const doc = parse(renderFixture(readFileSync(resolve(import.meta.dirname, '../fixtures/pdd/orders-unpaid.html'), 'utf8'), Date.now()));
  const struck = strikeByClass(doc, /[¥￥]\s?\d[\d,.]*/);
  expect(struck).toBeGreaterThanOrEqual(3);
  const body = `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
  await suite.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  const { page: list, dialogs } = await openSellerPage(suite, url);
  // The browser itself strikes the price through.
  expect(await list.locator('.q7v').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  const panel = await openPanelFor(suite, url, { narrow: true });
  await expect(panel.locator(`[data-testid="order-row"][data-order-id="${ROWS.pdd![0]![0]}"]`)).toHaveCount(1, { timeout: 5_000 });
  await expectRows(panel, 'pdd', ROWS.pdd!);
  expect(dialogs).toEqual([]);
  await panel.close();
  await list.close();
});
