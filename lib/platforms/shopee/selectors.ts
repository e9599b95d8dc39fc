// Shopee Seller Centre, order list (portal/sale/order?type=unpaid) on the
// regional hosts, and the seller web chat. The portal is a Vue SPA with
// "shopee-" component classes and hashed module classes; orders are cards
// (a head with the buyer and the order SN, a body lined up with the list
// header). Orders are found by the SN's shape and columns by header text;
// the selectors narrow down inside a card. Seen/assumed: 2026-11
// (PLATFORMS.md, public seller-centre screenshots and scripts).
import type { Money } from '../../orders/money';
import { uncut } from '../order-numbers';
export const SELECTORS_VERSION = 'shopee-2026-11-23';

/** Order SN: six date digits and eight capitals/digits with a letter among them ("261123K7XJ3M2P"). 2026-11. */
export const ORDER_SN = uncut(/(?<![0-9A-Za-z])(\d{6}(?=[0-9A-Z]{0,7}[A-Z])[0-9A-Z]{8})(?![0-9A-Za-z])/);

export const selectors = {
  // List header row. 2026-11 guesses, then generic fallbacks keyed on header words.
  headerRow: ['[class*="order-list-header"]', '[class*="list-header"]', '[class*="table-header"]', '[role="row"]', 'thead tr', 'div'],
  selectedTab: ['.shopee-tabs__nav-tab.active', '[class*="tabs__nav-tab"][class*="active"]', '[role="tab"][aria-selected="true"]', '[class*="tab"][class*="active"]'],
  activePage: ['.shopee-pager__page.active', '[class*="pager__page"][class*="active"]', '[class*="pagination"] [class*="active"]'],
  pageItems: ['li.shopee-pager__page', 'li[class*="pager__page"]', '[class*="pagination"] li'],
  nextPage: ['.shopee-pager__button-next:not([disabled])', '[class*="pager__button-next"]:not([disabled])'],
  // Buyer username in the card head (the chat button sits beside it). 2026-11.
  buyerName: ['[class*="buyer-username"]', '[class*="buyer-info"] [class*="username"]', '[class*="username"]', '[class*="buyer-name"]'],
  chatLink: ['a[href*="/webchat/"]', 'a[href*="chat"]'],
  // One product line inside the products cell. 2026-11.
  productItem: ['[class*="product-item"]', '[class*="item-product"]', '[class*="order-item"]'],
  productName: ['[class*="product-name"]', '[class*="item-name"]', '[class*="name"]'],
  productVariation: ['[class*="product-variation"]', '[class*="variation"]', '[class*="model"]'],
  // Seller web chat (webchat/conversations). 2026-11 guesses: the open conversation and its composer.
  chatBuyer: [
    '[class*="conversation-cell"][class*="active"] [class*="username"]',
    '[class*="chat-header"] [class*="username"]',
    '[class*="conversation"][class*="selected"] [class*="name"]',
  ],
  composer: [
    'textarea[class*="chat-input"]',
    '[class*="chat-input"] textarea',
    '[class*="chat-editor"] [contenteditable="true"]',
    '[class*="chat-window"] textarea',
    '[class*="chat-window"] [contenteditable="true"]',
  ],
} as const;

/** Tabs that list only orders waiting for payment (the regions' languages, shared with TikTok Shop and the structural reader). */
export { UNPAID_TAB } from '../structure/words';

/**
 * Creation time and payment deadline labels as the card prints them (vi, en, pt, es, id, th, zh-Hant). One flat list of
 * words each: headMatch bounds its search by the longest (longestLabel), and gives up on a nested group.
 */
export const CREATED_LABEL = /(?:thời gian đặt hàng|ngày đặt hàng|order time|order created|data do pedido|pedido feito em|fecha del pedido|waktu pesanan dibuat|waktu pesanan|tanggal pesanan|เวลาสั่งซื้อ|วันที่สั่งซื้อ|訂單成立時間|成立時間|下單時間)\s*[:：]?\s*/i;
export const DEADLINE_LABEL = /(?:thanh toán trước|hạn thanh toán|pay by|payment due|pagar até|pagar antes del|pagar antes de|bayar sebelum|batas waktu pembayaran|batas pembayaran|ชำระเงินภายใน|ชำระภายใน|請於|付款期限)\s*[:：]?\s*/i;

/**
 * Region of each seller host: the currency its amounts are in (a bare "$"
 * on a Singapore page is SGD, not USD) and the zone its times are in.
 */
export const REGIONS: Readonly<Record<string, { currency?: string; zone: string }>> = {
  'banhang.shopee.vn': { currency: 'VND', zone: 'Asia/Ho_Chi_Minh' },
  'seller.shopee.com.my': { currency: 'MYR', zone: 'Asia/Kuala_Lumpur' },
  'seller.shopee.com.br': { currency: 'BRL', zone: 'America/Sao_Paulo' },
  'seller.shopee.co.id': { currency: 'IDR', zone: 'Asia/Jakarta' },
  'seller.shopee.ph': { currency: 'PHP', zone: 'Asia/Manila' },
  'seller.shopee.sg': { currency: 'SGD', zone: 'Asia/Singapore' },
  'seller.shopee.co.th': { currency: 'THB', zone: 'Asia/Bangkok' },
  'seller.shopee.tw': { currency: 'TWD', zone: 'Asia/Taipei' },
  'seller.shopee.com.mx': { currency: 'MXN', zone: 'America/Mexico_City' },
  'seller.shopee.com.co': { currency: 'COP', zone: 'America/Bogota' },
  'seller.shopee.cl': { currency: 'CLP', zone: 'America/Santiago' },
  // Cross-border (CNSC) sellers see several markets: the amount's own marker decides.
  'seller.shopee.cn': { zone: 'Asia/Shanghai' },
};

/**
 * How long Shopee waits for payment depends on the method (hours for
 * e-wallets and cards, longer for bank transfer or convenience-store
 * payment). With no deadline shown we estimate 24 hours and mark it
 * autoCloseEstimated; a shown deadline or countdown always wins.
 */
export const DEFAULT_AUTO_CLOSE_HOURS = 24;

/**
 * Whether `money` is a bare "$" read as US dollars where the host names no market (the cross-border seller centre,
 * whose one list holds Singapore's, Mexico's and Colombia's dollars and pesos side by side): no Shopee market pays
 * in US dollars, so such an amount is refused rather than stored in the wrong currency.
 */
export function dollarOfNoMarket(text: string, money: Money): boolean {
  return money.currency === 'USD' && !/US\s?\$|\$\s?US|USD/i.test(text);
}
