// Taobao/Tmall sold-items list ("已卖出的宝贝"), old CSS-module markup.
// The hash suffixes drift with every deploy (sol-mod__no-br___1PwLO ->
// ___dK-US -> ___1FsWT), so every selector matches on the stable prefix and
// falls back to attributes or visible text. Seen: 2026-11 (public userscripts
// and PLATFORMS.md outline).
export const SELECTORS_VERSION = 'taobao-2026-11-23';

export const selectors = {
  // One block per order. 2026-11: item-mod__trade-order___*, plus
  // trade-order-main on open orders; the checkbox input is the oldest anchor.
  orderBlock: ['div[class*="item-mod__trade-order___"]', 'div.trade-order-main'],
  orderIdInput: ['input[name="orderid"]'],
  // Head line "订单号: <id> 创建时间: <time>". 2026-11.
  headLabel: ['label[class*="item-mod__checkbox-label___"]', 'table[class*="item-mod__head___"]'],
  buyerNick: ['a[class*="buyer-mod__name___"]', '[class*="buyer-mod__name"]'],
  // One row per item; the first carries the rowspan'd status and total cells. 2026-11.
  itemRow: ['tr[class*="suborder-mod__item___"]', 'table[class*="suborder-mod__order-table___"] tr'],
  itemTitle: ['[class*="production-mod__production___"] a', '[class*="production-mod__production___"]'],
  sku: ['[class*="production-mod__sku-item___"]'],
  statusLink: ['a[class*="text-mod__link___"]'],
  // Page number of the listing, so page 2 is not mistaken for page 1.
  activePage: ['.pagination-item-active', '[class*="pagination"] [class*="active"]', '.next-pagination-item.next-current'],
  // Pagination: more than one page item, or a live "next" button, means a paginated list. 2026-11.
  pageItems: ['[class*="pagination"] [class*="pagination-item"]', '.pagination > :not([class*="pagination-next"]):not([class*="pagination-prev"])', '.next-pagination-item'],
  nextPage: ['[class*="pagination-next"]:not([class*="disabled"])', '.next-pagination-item.next-next:not([disabled])'],
  selectedTab: ['.tabs .selected', '[class*="tabs"] [class*="selected"]', '[role="tab"][aria-selected="true"]'],
  // 旺旺 chat link next to the buyer nick.
  chatLink: ['a[href*="amos.alicdn.com/getcid.aw"]', 'a[href^="aliim:"]'],
  // Qianniu web chat composer (undocumented; 2026-11 guesses, most specific first).
  composer: [
    'textarea[class*="editor"]',
    '[contenteditable="true"][class*="editor"]',
    '#chat-editor textarea',
    'textarea',
    '[contenteditable="true"]',
  ],
  chatBuyer: ['[class*="chat-header"] [class*="nick"]', '[class*="conversation"][class*="active"] [class*="nick"]', '[data-buyer-nick]'],
} as const;

// New Qianniu web trade platform (myseller.taobao.com / qn.taobao.com
// …/trade-platform/tp/sold), an SPA on Alibaba Fusion Next. One order = one
// div.next-table block: a head row ("订单号: <id>", "创建时间: <time>"), one
// row per item, and rowspan'd buyer / status / amount cells. The Fusion class
// names (next-*) are stable; the app's own CSS-module hashes are not.
// Seen: 2026-11 (PLATFORMS.md outline).
export const tradePlatformSelectors = {
  // Order blocks: a Fusion table holding an order number. 2026-11.
  orderBlock: ['div[class*="trade-order--block--"]', 'div.next-table'],
  // The list-wide column header ("宝贝 单价 数量 买家 交易状态 实收款"). 2026-11.
  headerCells: ['.next-table-header th', 'table thead th'],
  itemTitle: ['a[class*="item-info--title"]', 'a[href*="item.taobao.com"]', 'a[href*="detail.tmall.com"]', 'a'],
  sku: ['[class*="item-info--sku"]', '[class*="sku"]'],
  statusText: ['[class*="status-cell--text"]', '[class*="status"][class*="text"]'],
  buyerNick: ['[class*="buyer-cell--nick"]', '[class*="buyer"][class*="nick"]', '[class*="nick"]'],
  // Fusion tabs and pagination. 2026-11.
  selectedTab: ['[role="tab"][aria-selected="true"]', '.next-tabs-tab.active'],
  listFrame: ['.next-tabs', '.next-pagination', '[class*="sold-list"]'],
  activePage: ['.next-pagination-item.next-current'],
  pageItems: ['.next-pagination-list .next-pagination-item'],
  nextPage: ['.next-pagination-item.next-next:not([disabled])'],
} as const;

/** Status texts of the list, by what they mean for collecting money. */
export const STATUS_TEXT: ReadonlyArray<[RegExp, 'unpaid' | 'paid' | 'closed']> = [
  [/等待买家付款|待付款|买家未付款/, 'unpaid'],
  [/交易关闭|已关闭|交易取消/, 'closed'],
  [/买家已付款|等待卖家发货|卖家已发货|等待买家确认收货|交易成功|已付款|待发货|已发货/, 'paid'],
];

/** Taobao closes unpaid orders after 72 hours unless the page says otherwise. */
export const DEFAULT_AUTO_CLOSE_HOURS = 72;
