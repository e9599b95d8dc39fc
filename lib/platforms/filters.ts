// Whether the list a page shows is narrowed by a choice the person made in its filters. Such a list shows some of the
// tab's orders: one it leaves out has not left the tab, so a read of it is never complete (see readPage).
import { statusFromWords } from './page-words';
import { textOf } from './types';

/**
 * Whether the page's list is narrowed by the person's choice: a text field holding words (a buyer's nick, an order
 * number, a product), a drop-down showing a choice that is not its default (a shipping method, an order type, a
 * country, a payment method), a ticked "only …" box or switch, or a row of applied filters. Not narrowing: a date
 * range (its default cannot be told from a choice, and the unpaid tab's orders are recent), a page number, a sort
 * order, a page size, the field a search box searches, and any control showing "全部 / All / 请选择 / Select".
 */
export function narrowed(doc: Document | DocumentFragment): boolean {
  for (const input of doc.querySelectorAll('input')) {
    const type = input.type;
    if (type === 'checkbox') {
      if (input.checked && onlyChoice(controlLabel(input))) return true;
      continue;
    }
    if (type !== 'text' && type !== 'search' && type !== 'tel' && type !== 'number') continue;
    const value = input.value.trim();
    // A few digits are a pager's "go to page" box ("到第 [1] 页"), not a search.
    if (!value || /^\d{1,5}$/.test(value) || dates(value) || NEUTRAL.test(value) || DATE_PRESET.test(value) || notAFilter(input)) continue;
    // A read-only field is a drop-down's or a picker's display (Element UI's el-select): what it shows is its choice. A
    // field one types into narrows by any words (a nick can be "newest_shop").
    if (!input.readOnly || chosen(value)) return true;
  }
  for (const select of doc.querySelectorAll('select')) {
    // The first option is the default a list opens with ("All", "请选择").
    if (select.selectedIndex > 0 && chosen(select.options[select.selectedIndex]?.text ?? '') && !searchField(select)) return true;
  }
  for (const box of doc.querySelectorAll('[role="combobox"]:not(input):not(select), [role="switch"][aria-checked="true"]')) {
    if (box.getAttribute('role') === 'switch') {
      if (onlyChoice(controlLabel(box))) return true;
      continue;
    }
    if (dropDownChosen(box) && !searchField(box)) return true;
  }
  for (const row of doc.querySelectorAll(APPLIED_ROW)) {
    if (APPLIED.test(row.getAttribute('aria-label') ?? '') || [...row.children].some((c) => APPLIED.test(c.textContent ?? ''))) {
      // The row's label alone (its chips all cleared, the row left on the page) applies nothing.
      if (textOf(row).replace(APPLIED_WORDS, '').replace(CLEAR_ALL, '').trim()) return true;
    }
  }
  return false;
}

/**
 * Whether a field shows a date or a range of dates, as date pickers write them ("2026-11-06 ~ 2026-12-06",
 * "06.11.2026 — 06.12.2026", "Created: 6 Nov 2026 – 6 Dec 2026"), after a label of its own at most.
 */
function dates(value: string): boolean {
  const rest = value.replace(FIELD_LABEL, '');
  return DATE.test(rest) && rest.replace(DATES, '').replace(RANGE_MARKS, '') === '';
}
const FIELD_LABEL = /^[^\d:：]{1,30}[:：]\s*/u;
const DATE_SHAPES = String.raw`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\.?\s+\p{L}{3,10}\.?,?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}:\d{2}(?::\d{2})?`;
const DATE = new RegExp(DATE_SHAPES, 'u');
const DATES = new RegExp(DATE_SHAPES, 'gu');
const RANGE_MARKS = /[\s\-–—~～至到]|to|até|hasta|đến|sampai|ถึง|по/giu;

/**
 * A field that is no filter of the list: one in a dialog over the list (a price being changed, "Discount (US $)
 * [8.80]"), unless the dialog holds the filters; a copy of a value drawn for copying, hidden from sight.
 */
function notAFilter(input: HTMLInputElement): boolean {
  if (input.closest('[aria-hidden="true"], [hidden]')) return true;
  const dialog = input.closest('dialog, [role="dialog"], [aria-modal="true"], [class*="dialog" i], [class*="modal" i], [class*="drawer" i], [class*="popover" i]');
  return dialog !== null && !FILTER_WORDS.test(`${dialog.getAttribute('class') ?? ''} ${dialog.getAttribute('aria-label') ?? ''} ${dialog.querySelector('h1, h2, h3, h4, [class*="title" i]')?.textContent ?? ''}`);
}
const FILTER_WORDS = /filter|筛选|篩選|过滤|過濾|filtro|lọc|saring|ตัวกรอง|фильтр|filtre/iu;

// What a control shows when nothing is chosen: every option, or a placeholder.
const NEUTRAL =
  /^(?:全部|所有|不限|全部\S{0,6}|所有\S{0,6}|请选择|請選擇|选择|選擇|--+|—|all(?:\s.{0,30})?|any(?:\s.{0,30})?|select(?:\s.{0,30})?|choose(?:\s.{0,30})?|please\s+select.{0,30}|none|todos?(?:\s.{0,30})?|todas?(?:\s.{0,30})?|selecione.{0,30}|seleccion[ae].{0,30}|tất\s*cả.{0,30}|chọn.{0,30}|semua.{0,30}|pilih.{0,30}|ทั้งหมด.{0,30}|เลือก.{0,30}|все.{0,30}|любой|выберите.{0,30}|tous|toutes|tout|alle|전체|선택|すべて|全て|選択.{0,10})$/iu;
// A sort order or a page size: they order or split the list, they leave nothing out.
const ORDERING =
  /[↑↓▲▼]|排序|升序|降序|从新到旧|最新|最早|sort|newest|oldest|latest|earliest|recent|high\s*to\s*low|low\s*to\s*high|ascending|descending|mais\s+recente|mais\s+antig|más\s+reciente|más\s+antigu|mới\s*nhất|cũ\s*nhất|terbaru|terlama|ล่าสุด|новые|сначала|\d+\s*(?:条|條|筆|笔|个|個)?\s*[/／]\s*(?:页|頁|page|página|pagina|trang|halaman|หน้า|стр)|per\s+page|por\s+página|每页|每頁/iu;
// Date ranges chosen by name ("近30天", "Last 90 days"): their default cannot be told from a choice.
const DATE_PRESET = /^(?:近|最近|过去|過去)?\s*\d+\s*(?:天|日|个月|個月|月|小时|小時|周|週)|^(?:今天|昨天|本周|本月|近三个月|近三個月|三个月内)|^(?:last|past|últimos?|ultimos?|últimas|\d+)\s+\d*\s*(?:days?|weeks?|months?|dias|días|meses)|^(?:today|yesterday|this\s+(?:week|month))$|^\d+\s*ngày|^\d+\s*hari/iu;

/** Whether a control's shown value is a choice that leaves orders out (see NEUTRAL, ORDERING, DATE_PRESET). */
function chosen(value: string): boolean {
  const text = value.replace(/\s+/g, ' ').trim();
  // The unpaid status chosen (a status drop-down showing "等待买家付款" on the unpaid tab) leaves no unpaid order out.
  // A number alone is a pager's page size or page ("10 ▾").
  return text !== '' && !/^\d+$/.test(text) && !NEUTRAL.test(text) && !ORDERING.test(text) && !DATE_PRESET.test(text) && statusFromWords(text) !== 'unpaid';
}

/**
 * Whether a custom drop-down shows a choice: the option it marks selected when it lists its options and that is not
 * the first, else the words it shows outside its list (not a placeholder's).
 */
function dropDownChosen(box: Element): boolean {
  const options = box.querySelectorAll('[role="option"]');
  if (options.length > 0) {
    const at = [...options].findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (at >= 0) return at > 0 && chosen(textOf(options[at]!));
  }
  return chosen(shownValue(box));
}

/** The words a drop-down shows: its text without its list of options, hidden parts or placeholder. */
function shownValue(box: Element): string {
  let out = '';
  const walk = (el: Element) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) out += ` ${node.nodeValue}`;
      else if (node.nodeType === 1) {
        const child = node as Element;
        const role = child.getAttribute('role');
        if (role === 'listbox' || role === 'option' || child.localName === 'ul' || child.hasAttribute('hidden') || child.getAttribute('aria-hidden') === 'true') continue;
        if (/placeholder/i.test(child.getAttribute('class') ?? '')) continue;
        walk(child);
      }
    }
  };
  walk(box);
  // A clear button's "×" and an arrow drawn as a character are no part of the choice.
  return out.replace(/[×✕✖▾▴⌄⌃]/g, ' ');
}

/**
 * Whether a drop-down chooses which field a search box searches ("Order ID ▾ [ … ]", "Nº do pedido"): it sits with
 * the box in one group of at most a few controls. Its choice narrows nothing while the box is empty (a box with words
 * narrows on its own).
 */
function searchField(control: Element): boolean {
  let group = control.parentElement;
  for (let up = 0; group && up < 2; up++, group = group.parentElement) {
    const boxes = group.querySelectorAll('input[type="text"]:not([readonly]), input[type="search"], input:not([type])');
    const controls = group.querySelectorAll('select, [role="combobox"]:not(input)');
    if (boxes.length === 1 && controls.length === 1) return true;
    if (boxes.length + controls.length > 2) return false;
  }
  return false;
}

// A box or switch that keeps only some orders ("仅看有备注", "Only orders with buyer messages", "不显示已关闭订单").
const ONLY = /仅看|只看|仅显示|只显示|仅展示|只展示|僅看|只顯示|不显示|不顯示|隐藏|隱藏|过滤|屏蔽|\bonly\b|\bhide\b|\bexclude|apenas|somente|ocultar|solo\b|sólo|chỉ|ẩn|hanya|sembunyikan|เฉพาะ|ซ่อน|только|скрыть|nur\b|seulement|uniquement|masquer/iu;

function onlyChoice(label: string): boolean {
  return ONLY.test(label) && !ENDED.test(label);
}
// What hiding ended orders leaves out ("不显示已关闭的订单", "Hide cancelled orders"): no unpaid order.
const ENDED = /关闭|關閉|取消|完成|成功|closed|cancel|complete|finished|fechad|cancelad|conclu|đã\s*hủy|hoàn\s*thành|dibatalkan|selesai|ยกเลิก|สำเร็จ|отмен|заверш|annul|termin/iu;

/** A checkbox's or switch's words: its label's, else those beside it in its parent. */
function controlLabel(control: Element): string {
  const aria = control.getAttribute('aria-label');
  if (aria) return aria;
  const label = control.closest('label') ?? (control.id ? [...control.ownerDocument.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === control.id) : null);
  if (label) return textOf(label);
  // A switch or a box drawn inside a wrapper of its own: the words of the nearest parent that has any.
  for (let up = control.parentElement, n = 0; up && n < 3; up = up.parentElement, n++) {
    const text = textOf(up);
    if (text) return text.length <= 60 ? text : '';
  }
  return '';
}

// A row listing the filters applied as chips ("Applied filters: Shipping: Standard × … Clear all", "已选条件：…").
const APPLIED_ROW = '[class*="filter" i], [class*="applied" i], [class*="condition" i], [class*="chosen" i], [aria-label*="filter" i]';
const APPLIED_WORDS = /applied\s+filters?|filters?\s+applied|active\s+filters?|已选条件|已選條件|已选筛选|已筛选|已篩選|当前筛选|筛选条件|filtros\s+(?:aplicados|activos|ativos)|bộ\s*lọc\s*đã\s*(?:chọn|áp\s*dụng)|filter\s+(?:aktif|diterapkan)|ตัวกรองที่ใช้|применённые\s+фильтры|filtres\s+appliqués/iu;
const APPLIED = new RegExp(`^\\s*(?:${APPLIED_WORDS.source})\\s*[:：]?\\s*$`, 'iu');
const CLEAR_ALL = /clear\s*all|reset|清空|清除(?:全部|筛选|所有)?|重置|全部清除|limpar(?:\s+tudo|\s+filtros)?|borrar\s+todo|xóa\s+(?:tất\s*cả|bộ\s*lọc)|hapus\s+semua|ล้างทั้งหมด|сбросить|[:：×✕]/giu;
