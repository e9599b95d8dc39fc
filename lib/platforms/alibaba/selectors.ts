// Alibaba.com seller back-office (My Alibaba, Trade Assurance orders) and the
// messenger. The order list is a React app with CSS-module classes whose hash
// suffixes change per deploy, so every selector matches a stable prefix or
// attribute first and visible text (headers, status words) second.
// Seen: 2026-11 (PLATFORMS.md outline, public scrapers of biz.alibaba.com/ta/).
export const SELECTORS_VERSION = 'alibaba-2026-11-23';

export const selectors = {
  // One card per order. 2026-11: order-item--wrapper--<hash>; older lists used
  // table rows with data-order-id; the detail link is the oldest anchor.
  orderBlock: ['[class*="order-item--wrapper--"]', '[data-order-id]', '.order-list-item'],
  // Every order links to its detail page: detail.htm?orderId=<id>. 2026-11.
  detailLink: ['a[href*="detail.htm?orderId="]', 'a[href*="orderId="]'],
  orderNo: ['[class*="order-item--orderNo--"]', '[class*="order-no"]'],
  createTime: ['[class*="order-item--createTime--"]', '[class*="create-time"]'],
  // Buyer: full name, then company. 2026-11.
  buyerName: ['[class*="buyer-info--name--"]', '[class*="buyer-name"]', '[data-buyer-name]'],
  buyerCompany: ['[class*="buyer-info--company--"]', '[class*="buyer-company"]'],
  // Product lines. 2026-11.
  productRow: ['[class*="product-item--row--"]', '[class*="product-item"]'],
  productTitle: ['[class*="product-item--title--"]', '[class*="product-title"]', 'a[href*="/product-detail/"]'],
  productQty: ['[class*="product-item--quantity--"]', '[class*="quantity"]'],
  productPrice: ['[class*="product-item--price--"]', '[class*="unit-price"]'],
  // "Contact buyer" on the card opens the messenger with this buyer. 2026-11.
  chatLink: ['a[href^="https://message.alibaba.com/"]', 'a[href^="https://onetalk.alibaba.com/"]'],
  total: ['[class*="order-amount--total--"]', '[class*="total-amount"]'],
  status: ['[class*="order-status--text--"]', '[class*="status-text"]'],
  // Trade Assurance stages: "Initial payment" / "预付款", "Balance payment" / "尾款". 2026-11.
  stage: ['[class*="payment-stage--item--"]', '[class*="payment-stage"]'],
  // The list furniture: the status tabs and pagination (Fusion Next). 2026-11.
  selectedTab: ['[role="tab"][aria-selected="true"]', '.next-tabs-tab.active', '[class*="tab"][class*="active"]'],
  listFrame: ['[class*="order-list--container--"]', '.next-tabs', '.next-pagination'],
  activePage: ['.next-pagination-item.next-current', '[class*="pagination"] [class*="current"]'],
  pageItems: ['.next-pagination-list .next-pagination-item', '[class*="pagination"] [class*="item"]'],
  nextPage: ['.next-pagination-item.next-next:not([disabled])', '[class*="pagination-next"]:not([class*="disabled"]):not([disabled])'],
  // Messenger (message.alibaba.com, onetalk.alibaba.com). 2026-11: composer
  // .send-textarea inside #send-box-wrapper, send button[class*="send-tool-button"].
  composer: ['#send-box-wrapper .send-textarea', '.send-textarea', '#send-box-wrapper textarea', '#send-box-wrapper [contenteditable="true"]'],
  sendButton: ['button[class*="send-tool-button"]'],
  // Buyer of the open conversation (guesses, 2026-11): the chat header's name,
  // then the active session in the contact list.
  chatBuyer: ['[data-buyer-name]', '[class*="chat-header"] [class*="name"]', '[class*="session-item"][class*="active"] [class*="name"]'],
} as const;

/** Words that mark an unpaid order's action and its staged amounts. */
export const PAYMENT_LINK_WORDS = /查看付款链接|view payment link/i;
export const INITIAL_WORDS = /initial payment|advance payment|deposit|预付款|首付款|定金/i;
export const BALANCE_WORDS = /balance payment|balance|尾款|余款/i;
export const UNPAID_TAB_WORDS = /awaiting payment|待付款|待支付|unpaid/i;
