// Pinduoduo merchant backend (mms.pinduoduo.com). The order list's row markup
// has never been seen publicly (PLATFORMS.md): orders are found by the shape
// of their number (order_sn "yymmdd-digits") and columns by header text; the
// selectors below only narrow things down inside an order and fall back to
// text. Class names of the backend's component library carry a version
// suffix ("TB_tr_5-112-0") and CSS-module hashes, so match on prefixes.
// Seen/assumed: 2026-11 (PLATFORMS.md outline, public chat scripts).
import { uncut } from '../order-numbers';
export const SELECTORS_VERSION = 'pdd-2026-11-23';

/** order_sn: six date digits, a dash, 12-18 digits ("201120-384685998833090"). 2026-11. */
export const ORDER_SN = uncut(/(?<![\d-])(\d{6}-\d{12,18})(?!\d)/);

export const selectors = {
  // Column headers of the list, table or div grid. 2026-11 guesses, most specific first;
  // the last entries are generic so a redesign that keeps header words still reads.
  headerRow: ['thead tr', '[class*="TB_thead"] tr', '[class*="table-header"]', '[class*="list-header"]', '[role="row"]', 'tr', 'div'],
  // Filter tabs (全部 / 待支付 / 待发货 …). 2026-11.
  selectedTab: ['[class*="tabs"] [class*="active"]', '[class*="tabs"] [class*="Active"]', '[role="tab"][aria-selected="true"]', '[class*="tab"][class*="selected"]'],
  activePage: ['[class*="pagination"] [class*="item-active"]', '[class*="pagination"] [class*="active"]', '[class*="pager"] [class*="current"]'],
  // Page numbers only: the 上一页/下一页 buttons are often list items too, and counting them
  // would call every one-page list incomplete (its absent orders never counted as paid).
  pageItems: [
    '[class*="pagination"] [class*="pagination-item"]',
    '[class*="pagination"] li:not([class*="prev"]):not([class*="next"])',
    '[class*="pager"] [class*="page"]:not([class*="prev"]):not([class*="next"])',
  ],
  nextPage: ['[class*="pagination-next"]:not([class*="disabled"])', '[class*="pager"] [class*="next"]:not([class*="disabled"])'],
  // One goods line inside the goods cell (an order can have several). 2026-11.
  goodsEntry: ['[class*="goods-item"]', '[class*="goodsItem"]', '[class*="goods-info"]'],
  goodsName: ['[class*="goods-name"]', '[class*="goodsName"]', '[class*="title"]'],
  goodsSpec: ['[class*="goods-spec"]', '[class*="spec"]', '[class*="sku"]'],
  goodsPrice: ['[class*="goods-price"]', '[class*="price"]'],
  buyerNick: ['[class*="buyer-name"]', '[class*="nickname"]', '[class*="nick"]'],
  // "联系买家" opens the merchant chat with this buyer. 2026-11.
  chatLink: ['a[href*="chat-merchant"]'],
  countdown: ['[class*="countdown"]', '[class*="count-down"]', '[class*="remain"]'],
  // Chat page (chat-merchant/index.html#/): conversations li.chat-item, buyer .nickname-span,
  // composer textarea#replyTextarea, send div.send-btn. 2026-11 (public chat scripts).
  chatBuyer: ['li.chat-item.active .nickname-span', 'li.chat-item[class*="active"] .nickname-span', '[class*="chat-item"][class*="active"] [class*="nickname"]', '[class*="chat-header"] [class*="nickname"]'],
  composer: ['textarea#replyTextarea', '#replyTextarea', '[class*="reply"] textarea', '[class*="chat-input"] textarea', '[class*="reply"] [contenteditable="true"]'],
} as const;

/** Tab texts that mean "only unpaid orders"; the unpaid wording is not confirmed (待支付 / 未支付 / 待付款). */
export const UNPAID_TAB = /待支付|未支付|待付款/;

/**
 * Pinduoduo closes an unpaid order after about 24 hours. Not documented:
 * a guess from how the buyer app counts down, used only when the page shows
 * no countdown, and marked autoCloseEstimated.
 */
export const DEFAULT_AUTO_CLOSE_HOURS = 24;
