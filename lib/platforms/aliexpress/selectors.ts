// AliExpress seller centre order list (csp.aliexpress.com and gsp.aliexpress.com
// /m_apps/order-manage/orderList) and the im-chat page. The list is a Fusion
// Next table whose CSS-module classes carry a drifting hash suffix
// ("amount--amount--2Zx9"), so selectors match the stable prefix first, then
// Fusion's own classes, then visible text. Seen: 2026-11 (public scraper
// selectors, PLATFORMS.md outline); the chat composer is undocumented and its
// selectors are dated guesses.
export const SELECTORS_VERSION = 'aliexpress-2026-11-24';

export const selectors = {
  // One table per order. 2026-11: table.next-table-row; the module class is a fallback.
  orderRow: ['table.next-table-row', '[class*="order-item--row--"]', '[class*="orderItem--row--"]'],
  // Order number, highlighted in the order's head line. 2026-11.
  orderId: ['[class*="header--valueHighLight--"]', '[class*="header--orderId--"]'],
  // Order time, the plain value in the head line. 2026-11.
  orderTime: ['[class*="header--value--"]', '[class*="header--time--"]'],
  buyer: ['a[class*="buyerInfo--inline--"]', '[class*="buyerInfo--name--"]', '[class*="buyerInfo--"] a'],
  // Item rows: every row of the order table holding a product title. 2026-11.
  itemTitle: ['[class*="productInfo--itemTitle--"]', '[class*="productInfo--title--"]'],
  sku: ['[class*="productInfo--skuCodeValue--"]', '[class*="productInfo--sku--"]'],
  unitPrice: ['[class*="productInfo--unitFee--"]', '[class*="productInfo--price--"]'],
  quantity: ['[class*="productInfo--quantity--"]', '[class*="productInfo--count--"]'],
  // The order total. Never fall back to anything that could be a unit price. 2026-11.
  amount: ['[class*="amount--amount--"]', '[class*="amount--total--"]'],
  // Status label of the Fusion "chc" state component; text unconfirmed. 2026-11.
  status: ['.chc-state-label__stateText', '[class*="state-label__stateText"]', '[class*="status--text--"]'],
  // Column headers of the list (Fusion Next). 2026-11.
  headerCells: ['.next-table-header th', '.next-table thead th', '[role="columnheader"]'],
  selectedTab: ['.next-tabs-tab.active', '[role="tab"][aria-selected="true"]', '[class*="tabs"] [class*="active"]'],
  activePage: ['.next-pagination-item.next-current', '[class*="pagination"] [class*="current"]'],
  pageItems: ['.next-pagination-list .next-pagination-item', '[class*="pagination-list"] > *'],
  nextPage: ['.next-pagination-item.next-next:not([disabled]):not(.next-disabled)'],
  // "Contact buyer" / "联系买家": a link into the seller message centre. 2026-11.
  chatLink: ['a[href*="im-chat"]', 'a[href*="msg.aliexpress.com"]', 'a[href*="message.aliexpress.com"]'],

  // im-chat (gsp.aliexpress.com/m_apps/im-chat/im#/window). 2026-11 guesses.
  chatBuyer: [
    '[data-buyer-nick]',
    '[class*="chat-header"] [class*="name"]',
    '[class*="session-item"][class*="active"] [class*="name"]',
    '[class*="conversation"][class*="active"] [class*="name"]',
  ],
  composer: [
    '[class*="im-input"] textarea',
    '[class*="chat-input"] textarea',
    'textarea[class*="input"]',
    '[class*="editor"] [contenteditable="true"]',
    'textarea',
    '[contenteditable="true"]',
  ],
} as const;

/** Visible words for the unpaid tab and contact links, English and Chinese UIs. */
export const UNPAID_TAB = /awaiting payment|pending payment|unpaid|等待买家付款|待付款|待支付|aguardando pagamento|ожидает оплаты/i;
export const CONTACT_WORDS = /contact buyer|message buyer|联系买家|发消息/i;
/** Open-API status of an unpaid order, seen in URLs of the list's tab links. */
export const UNPAID_URL_STATUS = /PLACE_ORDER_SUCCESS|WAIT_BUYER_PAY|awaiting_payment|unpaid/i;

/**
 * Unpaid AliExpress orders close 20 days after they are placed (buyer help
 * pages, 2026-11); used only when the page shows no countdown.
 */
export const DEFAULT_AUTO_CLOSE_DAYS = 20;
