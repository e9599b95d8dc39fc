// TikTok Shop seller centre: order list (/order on seller.tiktokglobalshop.com
// and the regional seller-XX.tiktok.com hosts) and the chat inbox
// (/chat/inbox). Class names are CSS-module hashes ("OrderCard_total__x8F2a"),
// so selectors match the stable middle part, data-testid and ARIA roles, and
// fall back to visible-text anchors ("Order ID", "ID do pedido", "Mã đơn
// hàng"). Seen: 2026-11 (PLATFORMS.md: data fields, chat testids and the send
// button id); the list markup itself is unconfirmed.
import { uncut } from '../order-numbers';
export const SELECTORS_VERSION = 'tiktok-2026-11-24';

export const selectors = {
  // One card per order. 2026-11 guesses: testid first, then module prefixes.
  orderCard: ['[data-testid="order-list-item"]', '[class*="OrderCard_container__"]', '[class*="order-card_container"]'],
  orderId: ['[data-testid="order-id"]', '[class*="OrderCard_orderId__"]', '[class*="orderId"]'],
  createdAt: ['[data-testid="order-create-time"]', '[class*="OrderCard_createTime__"]', '[class*="createTime"]'],
  buyer: ['[data-testid="buyer-name"]', '[class*="OrderCard_buyerName__"]', '[class*="buyerName"]'],
  // One block per product line inside the product cell. 2026-11.
  product: ['[data-testid="order-product"]', '[class*="OrderCard_product__"]'],
  productName: ['[class*="OrderCard_productName__"]', '[class*="productName"]'],
  sku: ['[class*="OrderCard_sku__"]', '[class*="skuName"]'],
  quantity: ['[class*="OrderCard_quantity__"]', '[class*="quantity"]'],
  unitPrice: ['[class*="OrderCard_unitPrice__"]', '[class*="unitPrice"]'],
  // The order total ("grand total"); never a unit price. 2026-11.
  total: ['[data-testid="order-total"]', '[class*="OrderCard_total__"]', '[class*="grandTotal"]'],
  status: ['[data-testid="order-status"]', '[class*="OrderCard_status__"]', '[class*="statusText"]'],
  // "Auto-cancels in 23h 59m" / close time under the status. 2026-11.
  deadline: ['[data-testid="order-cancel-countdown"]', '[class*="OrderCard_countdown__"]', '[class*="countdown"]'],
  // Column headers above the cards, and the cells of a card's main row.
  headerCells: ['[role="columnheader"]', 'thead th'],
  cells: ['[role="cell"]', 'td'],
  selectedTab: ['[role="tab"][aria-selected="true"]', '.arco-tabs-header-title-active', '[class*="tab"][class*="active"]'],
  activePage: ['.arco-pagination-item-active', '[class*="pagination"] [aria-current="true"]'],
  pageItems: ['.arco-pagination-list .arco-pagination-item:not(.arco-pagination-item-prev):not(.arco-pagination-item-next)'],
  nextPage: ['.arco-pagination-item-next:not(.arco-pagination-item-disabled)'],
  // The chat bubble next to the buyer opens /chat/inbox for that buyer. 2026-11.
  chatLink: ['a[href*="/chat/inbox"]', 'a[href*="im_buyer"]'],

  // Chat inbox. The card testid and the send button id are from PLATFORMS.md (2026-11).
  conversationCard: ['[data-testid="chat.chatroom.conversation_card"]'],
  activeMarker: ['[aria-selected="true"]', '[class*="active"]', '[class*="selected"]'],
  conversationName: ['[data-testid="chat.chatroom.conversation_card.name"]', '[class*="name"]', '[class*="nickname"]'],
  chatHeaderName: ['[data-testid="chat.chatroom.header.name"]', '[class*="chatHeader"] [class*="name"]'],
  sendButton: ['#chat-input-send-button'],
  composer: ['textarea', '[contenteditable="true"]', '[contenteditable="plaintext-only"]', '[role="textbox"]'],
} as const;

/** Text anchors for an order id when no class or testid is left. */
// Not inside "Sub-order ID".
export const ORDER_ID_TEXT = uncut(/(?:(?<![A-Za-z-])order\s*id|id do pedido|id del pedido|mã đơn hàng|id đơn hàng|订单号|订单编号|หมายเลขคำสั่งซื้อ|id pesanan|注文(?:id|番号)|bestell-?(?:id|nummer)|(?:n°|numéro|id)\s*de\s*commande|id\s*ordine)\s*[:：#]?\s*(\d{15,20})(?!\d)/i);
export { UNPAID_TAB } from '../structure/words';

/**
 * The seller's region by host: wall-time zone, date order and the currency a
 * bare "$" means there. The seller centre prints times in the shop's own
 * region (US shops in Pacific time); a stated "GMT±h" on the page wins.
 */
export const REGIONS: Readonly<Record<string, { zone: string; order: 'mdy' | 'dmy'; currency: string }>> = {
  us: { zone: 'America/Los_Angeles', order: 'mdy', currency: 'USD' },
  uk: { zone: 'Europe/London', order: 'dmy', currency: 'GBP' },
  br: { zone: 'America/Sao_Paulo', order: 'dmy', currency: 'BRL' },
  vn: { zone: 'Asia/Ho_Chi_Minh', order: 'dmy', currency: 'VND' },
  id: { zone: 'Asia/Jakarta', order: 'dmy', currency: 'IDR' },
  my: { zone: 'Asia/Kuala_Lumpur', order: 'dmy', currency: 'MYR' },
  th: { zone: 'Asia/Bangkok', order: 'dmy', currency: 'THB' },
  ph: { zone: 'Asia/Manila', order: 'mdy', currency: 'PHP' },
  sg: { zone: 'Asia/Singapore', order: 'dmy', currency: 'SGD' },
  mx: { zone: 'America/Mexico_City', order: 'dmy', currency: 'MXN' },
  es: { zone: 'Europe/Madrid', order: 'dmy', currency: 'EUR' },
  de: { zone: 'Europe/Berlin', order: 'dmy', currency: 'EUR' },
  fr: { zone: 'Europe/Paris', order: 'dmy', currency: 'EUR' },
  it: { zone: 'Europe/Rome', order: 'dmy', currency: 'EUR' },
  jp: { zone: 'Asia/Tokyo', order: 'dmy', currency: 'JPY' },
};

/**
 * The shop's region in REGIONS: the regional host's ("seller-us.tiktok.com" → us, "seller-id.tokopedia.com" → id),
 * else the global host's shop_region query ("seller.tiktokglobalshop.com/order?shop_region=SG" → sg, the market the
 * cross-border seller is working in); undefined when neither names one.
 */
export function regionKey(url: URL): string | undefined {
  const key = /^seller-([a-z]{2})\./.exec(url.host)?.[1] ?? url.searchParams.get('shop_region')?.toLowerCase();
  return key && key in REGIONS ? key : undefined;
}

/**
 * Unpaid TikTok Shop orders are cancelled automatically when the buyer does
 * not pay (the data carries close_sla_time). The page usually shows that
 * deadline; without it we assume 24 hours, a guess (2026-11), flagged as
 * estimated.
 */
export const DEFAULT_AUTO_CANCEL_HOURS = 24;
