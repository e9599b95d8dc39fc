// Whether a list shows that more of it is still to come: a "load more" control, a count of the orders shown below the
// tab's count ("已显示 7 / 14", "Showing 6 of 23", "共 23 条"), a selected tab counting more orders than were read. Such
// a list shows some of the tab's orders: one it has not drawn yet has not left the tab, so a read of it is never
// complete (see readPage), whatever its pager says.
import { textOf } from './types';

// A spinner's words while more of the list is on its way ("Carregando mais pedidos…", "Loading more orders").
const LOADING_MORE = /^\s*(?:carregando|cargando)\s+m[aá]i?s\b|^\s*loading\s+more\b|^\s*đang\s+tải\s+thêm|^\s*正在加载|^\s*memuat\s+(?:lebih|pesanan)|^\s*กำลังโหลด/iu;
/** Controls that draw more of the list below it; not a goods line's fold ("+2 more items", "还有 2 件商品"). */
const LOAD_MORE = /^\s*(?:点击)?(?:加载|載入|查看)更多(?:订单|訂單)?|^\s*(?:load|show|view|see)\s+more(?:\s+orders)?\b|^\s*(?:carregar|ver|mostrar)\s+mais\b|^\s*(?:cargar|ver|mostrar)\s+más\b|^\s*(?:xem|tải)\s+thêm\b|^\s*(?:muat|lihat|tampilkan)\s+lebih\s+banyak|^\s*(?:โหลด|ดู)เพิ่ม|^\s*더\s*보기|^\s*(?:もっと見る|さらに表示|さらに読み込む)|^\s*(?:mehr|weitere)\s+(?:laden|anzeigen)|^\s*(?:charger|afficher)\s+plus|^\s*(?:показать|загрузить)\s+ещ[её]/iu;
// A fold of one order's goods, not of the list.
const GOODS_FOLD = /item|product|goods|sku|商品|宝贝|寶貝|件|produ|sản\s*phẩm|barang|สินค้า|상품|товар|artikel|article/iu;

// The words a count of the list's orders starts with: of the ones shown ("已显示", "Showing"), of all ("共", "Total").
const SHOWN_WORDS = String.raw`(?:已显示|显示|顯示|showing|shown|mostrando|exibindo|affichage|angezeigt|показано|hiển\s*thị|menampilkan|แสดง|표시)`;
const TOTAL_WORDS = String.raw`(?:共|总计|總計|合计|total|insgesamt|всего|tổng(?:\s*cộng)?)`;
// "已显示 7 / 14", "Showing 6 of 23", "显示 1-20 条，共 120 条", "Mostrando 1-6 de 6", "7 of 23 orders".
const SHOWN_OF = new RegExp(String.raw`${SHOWN_WORDS}\s*[:：]?\s*(?:第\s*)?(?:(\d[\d,.]*)\s*[-–~]\s*)?(\d[\d,.]*)\s*(?:条|筆|笔)?\s*(?:\/|of|de|sur|von|из|trên|dari|จาก|共|，\s*共|,\s*共)\s*(\d[\d,.]*)`, 'iu');
// "共 23 条", "Total 9 orders", "143 commandes", "Всего 12 заказов": a count of the orders the list holds.
const TOTAL_OF = new RegExp(String.raw`${TOTAL_WORDS}\s*[:：]?\s*(\d[\d,.]*)\s*(?:条|筆|笔|個|个|件)?\s*(?:订单|訂單|记录|記錄|orders?|pedidos|commandes|bestellungen|заказ(?:ов|а)?|đơn(?:\s*hàng)?|pesanan|คำสั่งซื้อ|건|件の注文)|(?:共|总计|總計)\s*(\d[\d,.]*)\s*(?:条|筆|笔)(?![\p{L}\d])`, 'iu');
// A text that may start such a count: the only ones searched (a page's prices and quantities are most of its numbers).
const COUNT_WORD = new RegExp(`${SHOWN_WORDS}|${TOTAL_WORDS}`, 'iu');

// A pager's count of the whole list standing alone ("Total 1,284", "共 248 条"), beside its page numbers.
const TOTAL_ALONE = new RegExp(String.raw`^\s*${TOTAL_WORDS}\s*[:：]?\s*(\d{1,3}(?:,\d{3})+|\d{1,6})\s*(?:items?|records?|results?|条|筆|笔|kết\s*quả)?\s*$`, 'iu');

const count = (digits: string | undefined) => (digits === undefined ? undefined : Number(digits.replace(/[,.]/g, '')));

// The page a pager marks as the one shown: by ARIA, or by a class naming it (antd's "ant-pagination-item-active",
// Fusion's "next-current", Arco's "arco-pagination-item-active", Shopee's "eds-pager__page active").
const CURRENT_CLASS = /active|current|selected/;
const PAGE_NUMBER = /^\s*\d{1,4}\s*$/;

// What a pager shows besides its numbers: an ellipsis, an arrow, the words for the next or previous page.
const PAGER_MARK = /^\s*(?:…|\.\.\.|[‹›«»<>]|next|prev(?:ious)?|下一页|上一页|下一頁|上一頁|próxim[ao]|anterior|siguiente|tiếp|trước)\s*$/i;

/**
 * The lists a page number may sit in, with the element of it holding the number: its parent, or its grandparent when
 * each number sits in an item of its own; of `min` to 40 elements.
 */
function* pagersOf(page: Element, min: number): Generator<[Element[], Element]> {
  for (let item: Element | null = page, level = 0; item?.parentElement && level < 2; item = item.parentElement, level++) {
    const count = item.parentElement.childElementCount;
    if (count >= min && count <= 40) yield [[...item.parentElement.children], item];
  }
}

/** Whether `page`, showing "2", sits in a pager: beside it (or each in an item of its own) a "1", then a "3" or an arrow or ellipsis. */
function pagerBeside(page: Element): boolean {
  for (const [items, item] of pagersOf(page, 3)) {
    const texts = items.map((c) => (c.textContent ?? '').trim());
    const at = items.indexOf(item);
    if (texts[at - 1] === '1' && (texts[at + 1] === '3' || texts.some((t) => PAGER_MARK.test(t)))) return true;
  }
  return false;
}

/**
 * Whether the page number `own` that `el` shows is the one a pager marks as shown (on `el`, or on the element around
 * it showing only the number), and the pager shows pages besides it ("1 2 3 … 25"), whatever its markup: the tab's
 * orders are on more than this page. Asked of the page's short numbers in the walk for counts (a query for marked
 * elements listed every "active" thing of a 500-order page, 1.3-2.1 ms, more than the walk).
 */
function morePages(el: Element, own: string): boolean {
  for (let current: Element | null = el, level = 0; current && level < 3; current = current.parentElement, level++) {
    if (level > 0 && (current.textContent ?? '').trim() !== own.trim()) return false;
    if (current.getAttribute('aria-current') !== 'page' && !CURRENT_CLASS.test(current.getAttribute('class') ?? '')) continue;
    for (const [items, item] of pagersOf(current, 2)) {
      for (const other of items) {
        const text = other === item ? '' : (other.textContent ?? '');
        if (text.length <= 12 && PAGE_NUMBER.test(text) && Number(text) !== Number(own)) return true;
      }
    }
    return false;
  }
  return false;
}

/** Whether `doc` shows that its list holds more orders than the `read` orders it drew (see the file's note). */
export function moreToCome(doc: Document | DocumentFragment, read: number): boolean {
  for (const control of doc.querySelectorAll('button, a, [role="button"]')) {
    const text = control.textContent ?? '';
    if (text.length > 40 || !LOAD_MORE.test(text) || GOODS_FOLD.test(text)) continue;
    if ((control as HTMLButtonElement).disabled || control.getAttribute('aria-disabled') === 'true') continue;
    return true;
  }
  // The selected tab's count ("待付款 (23)", "Unpaid 23"): more than were read.
  const tab = doc.querySelector('[role="tab"][aria-selected="true"]');
  const tabCount = count(/(\d[\d,.]*)\D*$/.exec(textOf(tab))?.[1]);
  if (tabCount !== undefined && tabCount > read && tabCount < 100_000) return true;
  const root = 'body' in doc ? doc.body : doc;
  if (!root) return false;
  const walker = (root.ownerDocument ?? (doc as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const value = t.nodeValue ?? '';
    if (value.length <= 12 && t.parentElement && PAGE_NUMBER.test(value)) {
      // The page a pager marks as shown, beside others; a second page's number in a pager no class marks (its classes
      // renamed): "‹ 1 2 3 … 25 ›".
      if (morePages(t.parentElement, value)) return true;
      if (value.trim() === '2' && pagerBeside(t.parentElement)) return true;
    }
    // More orders on their way ("Carregando mais pedidos…", "Loading more orders"), a spinner's words and no control.
    if (value.length <= 40 && LOADING_MORE.test(value)) return true;
    if (value.length > 80 || !COUNT_WORD.test(value)) continue;
    // The count may be drawn across elements ("已显示 <b>7</b> / 14"): its words read with their parent's text.
    const text = (value.length < 12 || !/\d/.test(value)) && t.parentElement ? textOf(t.parentElement.parentElement ?? t.parentElement) : value;
    const alone = count(TOTAL_ALONE.exec(value)?.[1]);
    if (alone !== undefined && alone > read) return true;
    const shown = SHOWN_OF.exec(text);
    if (shown) {
      const upTo = count(shown[2]);
      const of = count(shown[3]);
      if (upTo !== undefined && of !== undefined && upTo < of) return true;
      continue;
    }
    const total = TOTAL_OF.exec(text);
    const of = count(total?.[1] ?? total?.[2]);
    if (of !== undefined && of > read) return true;
  }
  return false;
}
