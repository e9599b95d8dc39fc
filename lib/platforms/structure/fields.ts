// An order's fields read from its block by what the text says: the buyer by
// its column, its label or the chat control after it; goods lines by their
// repeated shape; the total by its column or label, refused when it is not
// the one amount there.
import { parseMoneyAll, type Money } from '../../orders/money';
import type { OrderItem } from '../../orders/model';
import { addedTranslation, continuesWord, isStruck, mayBePrice, joinedNumber, screenReaderOnly, spacedText, struckBySheet, STRUCK_STYLE, STRUCK_TAGS } from '../page-text';
import { HEADER_WORDS, isBuyerTag, namesPart, nickOf, tipOrIcon, withoutConversions, withoutPartAmounts } from '../page-words';
import { foldSpaces, textOf } from '../types';
import { BUYER_LABEL, CHAT_HREF, CHAT_LABEL, CHAT_WORDS, NOT_TOTAL, TOTAL_LABEL } from './words';

// Not page text: code, form fields, and text struck through (a price before its discount); a translation an extension
// wrote beside the page's words (see addedTranslation).
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION', ...STRUCK_TAGS.map((t) => t.toUpperCase())]);
// Text struck through deeper than its own parent (<del><span>¥99</span></del>) is left out where it could be taken
// for an amount: spacedText (the cells) and totalByLabel (the label's value); the lists below skip a struck parent.
const STRUCK = [...STRUCK_TAGS, STRUCK_STYLE].join(',');
/**
 * Whether `text`, right under `el`, is no page text (see SKIPPED), its tag or
 * its inline style striking it through. The style is looked at only for a
 * short text with a digit (a price before its discount, see mayBePrice):
 * most texts are labels, names and notes, and an attribute test per text
 * costs a structural read 5-10 %.
 */
const unread = (el: Element | null | undefined, text?: string): boolean => !!el && (SKIPPED.has(el.tagName) || addedTranslation(el) || ((text === undefined || mayBePrice(text)) && isStruck(el)));
const LETTERS = /\p{L}{2}/u;

/** A page text as the lists below keep it: a long one (a buyer's note) is never a label or a value, so it is cut before it is folded. */
const folded = (value: string) => foldSpaces(value.length > 1000 ? value.slice(0, 1000) : value);

/** A text of an order's block as the searches below read it: trimmed, not empty, page text (see unread). `root`: the index in the block's elements of the one holding it. */
export interface BlockText {
  value: string;
  node: Text;
  parent: Element | null;
  root: number;
}

/**
 * The page texts of a block's elements in page order: one walk of the block, shared by the searches that read it
 * whole (its buyer's label, avatar or badge, its labelled values, its short texts). A walker object: an order's whole
 * block is too big to walk by hand as cheaply.
 */
export function blockTexts(scope: readonly Element[]): BlockText[] {
  const out: BlockText[] = [];
  for (let k = 0; k < scope.length; k++) {
    const walker = scope[k]!.ownerDocument.createTreeWalker(scope[k]!, 4 /* NodeFilter.SHOW_TEXT */);
    // The last text kept, and its last node: a word a search's highlight splits is one text (see keep).
    let last: BlockText | undefined;
    let end: Node | undefined;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const value = (t.nodeValue as string).trim();
      const parent = t.parentElement;
      if (!value || unread(parent, value)) continue;
      if (last && oneWord(end!, t, last.value, value)) last.value += value;
      else out.push((last = { value, node: t as Text, parent, root: k }));
      end = t;
    }
  }
  return out;
}

/** The block's texts folded, the rest of a number split over elements ("79" then ".70", raised cents) joined to the text it carries on (see joinText), within each of its elements. */
export function joinedTexts(texts: readonly BlockText[]): Array<{ text: string; node: Text }> {
  const out: Array<{ text: string; node: Text }> = [];
  let root = -1;
  for (const t of texts) {
    // A text never carries on one in another of the block's elements.
    if (t.root === root) keep(t.value, t.node, t.parent, out);
    else out.push({ text: folded(t.value), node: t.node });
    root = t.root;
  }
  return out;
}

/** The page text of `root` node by node, trimmed and folded, in page order. */
export function textNodes(root: Element): Array<{ text: string; node: Text }> {
  return joinedTexts(blockTexts([root]));
}

/** What scope.flatMap(textNodes) gives (`texts`, when listed already), its texts of at most `max` characters joined with spaces. */
export function shortTexts(scope: readonly Element[], max: number, texts: ReadonlyArray<{ text: string }> = joinedTexts(blockTexts(scope))): string {
  let out = '';
  for (const { text } of texts) if (text.length <= max) out = out ? `${out} ${text}` : text;
  return out;
}

/** What textNodes(cell) gives, walked by hand: for a cell or a goods line, making a walker object costs more than its few steps. */
export function cellTextNodes(cell: Element): Array<{ text: string; node: Text }> {
  const out: Array<{ text: string; node: Text }> = [];
  let at: Node | null = cell.firstChild;
  while (at) {
    if (at.nodeType === 3) {
      const value = (at.nodeValue as string).trim();
      if (value && !unread(at.parentElement, value)) keep(value, at as Text, at.parentElement, out);
    }
    else if (at.firstChild) {
      at = at.firstChild;
      continue;
    }
    let next: Node | null = at.nextSibling;
    while (!next && (at = at.parentNode) && at !== cell) next = at.nextSibling;
    at = next;
  }
  return out;
}

/**
 * Whether text node `node` (its text `text`) goes on with the word of `end`, the last node of the text `before`: a word
 * a search's highlight splits ("<b>bia</b>ncamoraes", see continuesWord), unless either is a badge ("Ana<i>VIP</i>").
 */
function oneWord(end: Node, node: Node, before: string, text: string): boolean {
  return continuesWord(end, node) && !isBuyerTag(text) && !isBuyerTag(before);
}

/** Adds a page text (trimmed, not empty) to `out`, the texts listed so far. */
function keep(value: string, node: Text, parent: Element | null, out: Array<{ text: string; node: Text; end?: Text }>): void {
  // A long text (a buyer's note) is never a label or a value: kept short, folded once.
  const text = folded(value);
  const last = out[out.length - 1];
  // A word a search's highlight splits ("<b>bia</b>ncamoraes") is one word; a badge after a name is not ("Ana<i>VIP</i>").
  if (last && oneWord(last.end ?? last.node, node, last.text, text)) {
    last.text += text;
    last.end = node;
    return;
  }
  // The rest of a number split over elements ("79" then ".70", raised cents) joins the text it carries on (see joinText).
  const joined = last && joinedNumber(last.text, text, parent);
  if (last && joined !== undefined) last.text = joined;
  else out.push({ text, node });
}

/** Whether `el` is a control that opens the chat with the buyer. `clean`: see pageTextRoot; `shown`: its text, when read already. */
function isChatControl(el: Element, clean?: Element | null, shown?: string): boolean {
  const tag = el.tagName;
  // An icon named for chatting ("Chat with buyer" on a speech bubble's svg) beside the name is the control too.
  if (tag === 'svg') return CHAT_LABEL.test(el.getAttribute('aria-label') ?? '');
  if (tag !== 'A' && tag !== 'BUTTON' && el.getAttribute('role') !== 'button') return false;
  const text = shown ?? spacedText(el, clean);
  if (text && CHAT_WORDS.test(text)) return true;
  const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
  if (!text && CHAT_LABEL.test(label)) return true;
  return tag === 'A' && CHAT_HREF.test(el.getAttribute('href') ?? '') && (!text || CHAT_WORDS.test(text));
}

// A text that is wholly a column header's word ("Amount", "金额", "Status"): a header row repeated in every order's
// block puts one right after the "Buyer" header, where a nick would follow a bare label.
// The same words after an order's word or before it ("Order status", "Status do pedido", "交易状态"), as a hidden
// header row or a visually hidden label reads them out.
const ORDER_WORD = String.raw`(?:(?:order|订单|訂單|交易|pedido|commande|pesanan|đơn\s*hàng|заказа?)\s*)`;
const OF_ORDER = String.raw`(?:\s*(?:(?:do|del|de\s*la|de)\s*(?:pedido|commande)|(?:của\s*)?đơn\s*hàng|pesanan|заказа))`;
const HEADER_TEXT = new RegExp(`^${ORDER_WORD}?(?:${Object.values(HEADER_WORDS).map((re) => re.source).join('|')})${OF_ORDER}?\\s*[:：]?$`, 'i');

/** Whether `text` is an amount, a deduction's too ("-1,50 $", "−¥5.00"): no one's name. */
export function isAmount(text: string): boolean {
  return /\d/.test(text) && parseMoneyAll(text.replace(/^[-−–+]\s*/, '')).length > 0;
}

// A buyer cell pointing to the buyer named above it ("同上（合并付款买家）", "Same as above"): the group's head names them.
const SAME_AS_ABOVE = /^(?:同上|同前|見上|见上|同主订单|same\s*(?:as\s*)?above|same\s*buyer(?:\s*as\s*(?:the\s*)?(?:main|original|parent)\s*order)?|see\s*above|ditto|như\s*trên|igual\s*(?:que\s*)?(?:arriba|acima)|idem)(?![\p{L}])/iu;

// A goods line's quantity with its unit ("× 40 Sets", "x 3 件"): no name.
const QTY_WITH_UNIT = /^[x×*]\s*\d[\d,.]*\s+\p{L}{1,12}$/u;

/** A text node that is no nick: a chat word, a bare label, an amount, a date, a badge beside the name ("新客", "VIP"), a header word. */
export function notANick(text: string): boolean {
  return CHAT_WORDS.test(text) || QTY_WITH_UNIT.test(text) || SAME_AS_ABOVE.test(text) || isAmount(text) || BUYER_STATS.test(text) || BUYER_ID.test(text) || AVATAR_INITIAL.test(text) || FLAGS.test(text) || ACTION.test(text) || ORDER_TAG.test(text) || (text.length <= 24 && QTY.test(text)) || /^[\p{L}\s]{1,20}[:：]$/u.test(text) || /^[\d\s:/.\-–—−_·…*|年月日]+$/.test(text) || isBuyerTag(text) || (text.length <= 24 && HEADER_TEXT.test(text)) || TIMED.test(text) || LOADING.test(text) || (text.length <= 30 && TOTAL_ALONE.test(text)) || (text.length <= 30 && LABELLED_AMOUNT.test(text));
}
// A labelled amount under a total ("含运费:6.00", "Frete: R$ 5,00"): a part of the money, no one's name.
const LABELLED_AMOUNT = /^[^:：\d]{1,16}[:：]\s*[-−+]?\s*(?:[¥￥$€£₫฿₱₩]|R\$|RM|Rp|US\s?\$)?\s*\d[\d.,]*\s*(?:元)?$/u;
// A total's label on its own ("Order total", "订单总额"), which the header words' own test misses: a label, no one's name.
const TOTAL_ALONE = /^(?:(?:order|grand)\s*(?:total|amount)|total\s*(?:do\s*pedido|de\s*la\s*commande|pesanan)|订单总额|订单总价|訂單總額|订单金额|訂單金額)\s*[:：]?$/i;
// A placeholder drawn while the order's details load ("Carregando…", "加载中…"): no one's name.
const LOADING_WORDS = String.raw`(?:加载中|載入中|正在加载|loading|carregando|cargando|chargement(?:\s*en\s*cours)?|wird\s*geladen|lädt|đang\s*tải|memuat|กำลังโหลด|読み込み中|로딩\s*중|불러오는\s*중|загрузка)`;
const LOADING = new RegExp(String.raw`^\s*${LOADING_WORDS}\s*[.…]*\s*$`, 'iu');
/** Whether a goods line's title is a placeholder drawn while its details load ("Đang tải thông tin sản phẩm…"). */
export function loadingTitle(title: string): boolean {
  return LOADING_START.test(title);
}
const LOADING_START = new RegExp(String.raw`^\s*${LOADING_WORDS}`, 'iu');
// A time of day with a date or a day's name, or after a label ("Hôm nay 09:12", "Created: Dec 4, 2026 08:45 PM", "Ngày
// đặt 06/12/2026 08:15"): when something happened, no one's name.
const TIMED = /\d{1,2}:\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}/u;

// A buyer's alias made of a label word and a number ("Buyer #48211", "Customer 2").
const ALIAS = /^(?:buyer|customer|comprador|pembeli|người\s*mua)\s*#?\s*\d[\d*]*$/i;

/**
 * The nick in a buyer cell: the name after a buyer label ("Contact person: Jonas Müller" under a company's name),
 * else its first text that is not a label or a chat word.
 */
export function nickInCell(cell: Element): string {
  let first = '';
  let afterLabel = false;
  for (const { text } of cellTextNodes(cell)) {
    // "Buyer #48211", "Customer 2": the platform's alias for a hidden buyer, not a label before a name.
    const label = ALIAS.test(text) ? null : BUYER_LABEL.exec(text);
    const rest = (label ? text.slice(label[0].length) : text).trim();
    if (label && (!rest || /[:：]/.test(label[0]))) afterLabel = true;
    // A chat control naming the buyer ("联系 t**8", "Chat with j***n"): the name in its words.
    const named = rest ? CHAT_WITH.exec(rest)?.[1] : undefined;
    if (named) {
      if (!notANick(named)) first ||= named;
      continue;
    }
    if (!rest || notANick(rest)) continue;
    // A separator before the chat control after it ("Tong_BKK ·" "แชท") is no part of the nick.
    if (afterLabel) return rest.replace(SEPARATOR_AFTER, '');
    first ||= rest.replace(SEPARATOR_AFTER, '');
  }
  return first;
}

/**
 * The nick shown after a buyer label ("买家：", "Buyer:"), in the same text
 * or the next, within the order's block (its elements in page order).
 */
export function nickByLabel(scope: readonly Element[], texts = blockTexts(scope)): string {
  // Most blocks have no buyer label: a text that starts with none of the labels' first letters is neither folded nor
  // searched.
  let afterLabel = false;
  // A business buyer's company and country lines right after the label: the name of the person to write to comes
  // after them when the page shows one ("Buyer" "Müller Hausgeräte GmbH" "🇩🇪 Germany" "Contact person:" "Jonas
  // Müller"), else the company is the buyer.
  let company = '';
  for (const { value, parent } of texts) {
    if (!afterLabel && !LABEL_FIRST.has(value.charAt(0))) continue;
    const text = folded(value);
    if (afterLabel && !company && COMPANY_LINE.test(text)) {
      // Only a later label names a person; a line after the company may be anything ("Trade Assurance").
      company = text.replace(SEPARATOR_AFTER, '');
      afterLabel = false;
      continue;
    }
    // The text after a bare label: the nick, unless it is a label, a chat word, an amount or a date; a badge
    // between the label and the name is passed over.
    // An avatar's initial between the label and the name ("購入者" "も" "もも🍑"), a name of one CJK character too.
    if (afterLabel && text.length <= 2 && avatarMark(parent)) continue;
    if (afterLabel && !notANick(text)) return text.replace(SEPARATOR_AFTER, '');
    if (afterLabel && (isBuyerTag(text) || FLAGS.test(text))) continue;
    afterLabel = false;
    const rest = afterBuyerLabel(text);
    if (rest === undefined) continue;
    // A label with a name in it kept for screen readers only ("Buyer: Mohammed Al-Farsi" in a visually hidden span,
    // stale beside the name the page shows) names no one the seller sees; the bare label ("Buyer") still leads to
    // the name shown after it.
    if (rest && parent && screenReaderOnly(parent)) continue;
    if (rest) return notANick(rest) ? company : rest.replace(SEPARATOR_AFTER, '');
    // A label of a form field ("Buyer" over a read-only box): the name is the field's value, no text; the next text
    // is another field's ("Subtotal"). The page is read again with its fields as text (see read.ts).
    if (labelsAField(parent)) return company;
    afterLabel = true;
  }
  return company;
}

/** Form fields whose value is a name: text boxes and drop-downs (never a checkbox before a label's words). */
const NAME_FIELD = /^(?:textarea|select|input)$/;
const NOT_TEXT_INPUT = /^(?:checkbox|radio|button|submit|reset|image|file|hidden|range|color)$/i;

/** Whether `el` (a label's text's element) labels a form field: a `<label>`'s field (by `for`, or inside it), or the element right after the label. */
function labelsAField(el: Element | null): boolean {
  if (!el) return false;
  const label = el.closest('label');
  const id = label?.getAttribute('for');
  const root = el.getRootNode() as Document | ShadowRoot;
  // By `for`, else inside the label, else right after it (a redeploy renames ids and leaves a `for` naming none).
  const target = (id ? root.getElementById?.(id) : null) ?? label?.querySelector('input, textarea, select') ?? (label ?? el).nextElementSibling;
  return !!target && NAME_FIELD.test(target.localName) && !(target.localName === 'input' && NOT_TEXT_INPUT.test(target.getAttribute('type') ?? ''));
}

/** Whether the block labels its buyer ("买家：６６６", "Buyer" over a name), whether or not nickByLabel could read the name. */
export function buyerLabelled(texts: readonly BlockText[]): boolean {
  for (const { value } of texts) if (LABEL_FIRST.has(value.charAt(0)) && afterBuyerLabel(folded(value)) !== undefined) return true;
  return false;
}

/**
 * What follows the buyer label `text` starts with: '' after a bare label ("Buyer"), the rest after one that ends in a
 * colon ("买家：阿珍"); undefined when `text` starts with none, or with a label of something else ("买家留言…", "Buyer
 * note…").
 */
function afterBuyerLabel(text: string): string | undefined {
  const m = BUYER_LABEL.exec(text);
  if (!m || m[0].length === 0) return undefined;
  const rest = text.slice(m[0].length).trim();
  return rest && !/[:：]\s*$/.test(m[0]) ? undefined : rest;
}

// A buyer label inside a line of labelled values ("订单编号:… 下单时间:2026-12-06 11:32:15 买家:一只小可爱"), not a note's
// ("Message from buyer: …", "Pesan pembeli: …"), and the next label after it.
const LABEL_IN_LINE = /(?<!\b(?:from|to|for|of|by|do|de|del|dari|từ|pesan|catatan|message|note|memo|chú|nhắn)\s*)\s(?:买家|買家|buyer|comprador|người\s*mua|pembeli)\s*[:：]\s*(\S.*)/i;
const NEXT_LABEL = /\s\S{1,12}[:：]/;

/** The nick after a buyer label inside a line of labelled values, up to the next label. */
export function nickInLine(scope: readonly Element[], texts: ReadonlyArray<{ text: string }> = joinedTexts(blockTexts(scope))): string {
  for (const { text } of texts) {
    const nick = valueInLine(text);
    if (nick) return nick;
  }
  return '';
}

/** See nickInLine: the nick in one text, or undefined. */
function valueInLine(text: string): string | undefined {
  if (!text.includes(':') && !text.includes('：')) return undefined;
  const rest = LABEL_IN_LINE.exec(text)?.[1];
  if (!rest) return undefined;
  const next = NEXT_LABEL.exec(rest);
  const nick = (next ? rest.slice(0, next.index) : rest).replace(SEPARATOR_AFTER, '').trim();
  return nick && !notANick(nick) ? nick : undefined;
}

// What every text BUYER_LABEL matches starts with (it is case-insensitive).
const LABEL_FIRST = new Set(['买', '買', 'b', 'B', 'c', 'C', 'n', 'N', 'п', 'П', 'p', 'P', 'ผ', '購', 'バ', 'k', 'K', 'a', 'A', '구', 'к', 'К', 'ا']);

/**
 * The nick shown right before a chat control (旺旺, "Chat", "联系买家"): the
 * page puts the control beside the name. `scope`: the block's elements in
 * page order; `clean`: see pageTextRoot.
 */
export function nickBeforeChat(scope: readonly Element[], clean?: Element | null): string {
  for (let k = 0; k < scope.length; k++) {
    const s = scope[k]!;
    // The controls in page order, as querySelectorAll('a, button, [role="button"]')
    // lists them, walked by hand: the chat control sits near the nick at the
    // top of a block, and the walk stops there instead of listing every
    // control of the block first (Taobao: 5 an order, the chat control second).
    for (let el = s.firstElementChild; el; ) {
      // What isChatControl asks first, then whether the query would have listed it (it tells tag names apart by namespace).
      const tag = el.tagName;
      const control = ((tag === 'A' || tag === 'BUTTON' || el.getAttribute('role') === 'button') && el.matches(CONTROLS)) || (tag === 'svg' && el.hasAttribute('aria-label'));
      // The name in the control's own words ("Chat with juan.dc").
      const shown = control ? spacedText(el, clean) : '';
      const named = control ? CHAT_WITH.exec(shown)?.[1] : undefined;
      if (named && !notANick(named)) return named;
      // A link to the chat that shows a name ("<a href=…/im-chat/…>Ольга К.</a>"): the buyer's, the name the chat is
      // with; not a label and its value ("Buyer note: hi").
      if (control && tag === 'A' && shown && shown.length <= 60 && CHAT_HREF.test(el.getAttribute('href') ?? '') && !/[:：]/.test(shown) && !CHAT_LABEL.test(shown)) {
        // A badge drawn in the link beside the name ("Ольга К." "New buyer") is no part of it.
        const name = nickOf(el);
        if (name && !notANick(name)) return name;
      }
      // A chat button among the order's other actions ("Contact buyer", "Cancel order", "View details") stands in the
      // actions column, away from the name: the text before it is another column's (a carrier, "Evri").
      if (control && isChatControl(el, clean, shown) && !amongActions(el)) {
        // The name heads the lines that end in the control (name, company, country, then "Contact buyer"):
        // the first of them in the control's own box, else the text right before the control.
        const before = firstLineBefore(el, s) ?? textBefore(el, scope, k)?.replace(SEPARATOR_AFTER, '');
        if (before && !notANick(before) && !BUYER_LABEL.test(before)) return initialledBefore(el, before) ?? before;
      }
      if (el.firstElementChild) el = el.firstElementChild;
      else {
        while (el && el !== s && !el.nextElementSibling) el = el.parentElement;
        el = el && el !== s ? el.nextElementSibling : null;
      }
    }
  }
  return '';
}

const CONTROLS = 'a, button, [role="button"]';

/**
 * The name an avatar's initial heads in the box that holds `control`, when `found` (the text read before the control)
 * comes after it: "A" "Aisha Bello" "Bello Home Essentials" "Nigeria" then "Chat now" is Aisha Bello's, whatever the
 * company's name. Undefined when the box shows no initial before a name it starts.
 */
function initialledBefore(control: Element, found: string): string | undefined {
  const box = control.parentElement;
  if (!box) return undefined;
  const texts = blockTexts([box]);
  for (let i = 0; i + 2 < texts.length && !control.contains(texts[i]!.node); i++) {
    const initial = texts[i]!.value;
    const name = texts[i + 1]!.value;
    if (initial.length !== 1 || !AVATAR_INITIAL.test(initial) || name.length < 2 || name.charAt(0).toLowerCase() !== initial.toLowerCase() || notANick(name)) continue;
    // The text read comes after the name, before the control.
    for (let j = i + 2; j < texts.length && !control.contains(texts[j]!.node); j++) if (folded(texts[j]!.value) === found) return folded(name);
    return undefined;
  }
  return undefined;
}

/**
 * Whether `control` stands among the order's actions: right beside it (a sibling, or the only element of a sibling
 * when each sits in a wrapper of its own), another control that acts on the order ("Cancel order", "View details"),
 * or two other controls.
 */
function amongActions(control: Element): boolean {
  const box = control.parentElement;
  if (!box) return false;
  const around = box.childElementCount > 1 || !box.parentElement ? box : box.parentElement;
  // Two other controls that are no chat control, whatever they say ("Leave feedback", "Contact buyer", "Reorder
  // quote"): a name stands beside its chat control, a row of controls is the order's actions.
  let others = 0;
  for (const child of around.children) {
    const other = child.matches(CONTROLS) ? child : child.childElementCount === 1 && child.firstElementChild!.matches(CONTROLS) ? child.firstElementChild! : null;
    if (!other || other === control || other.contains(control)) continue;
    if (ACTION.test(textOf(other)) || (!isChatControl(other) && ++others >= 2)) return true;
  }
  return false;
}
// The name in a chat control's own words: "Chat with t**8", "Chat dengan a****a", "联系 t**8" ("联系买家" alone names no one).
const CHAT_WITH = /^(?:(?:chat|message|nhắn\s*tin)\s+(?:with|dengan|với|com|con|avec|mit)\s+|联系(?:买家)?\s*[:：]\s*|联系\s+)(\S.{0,60})$/i;
// Controls that are buttons: a name may be a link, never a button's label.
const BUTTONS = 'button, [role="button"]';

/**
 * The first text in the box that holds `control` (its parent, inside `root`), when that box is a few lines that end
 * in the control: a buyer's name, company and country above "Contact buyer". Undefined when the box holds more than
 * three texts before the control or text after it (then it is more than the buyer's lines).
 */
function firstLineBefore(control: Element, root: Element): string | undefined {
  const box = control.parentElement;
  if (!box || box === root || !root.contains(box)) return undefined;
  const texts: string[] = [];
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const value = (t.nodeValue as string).trim();
    if (!value || unread(t.parentElement, value)) continue;
    const inControl = control.contains(t);
    if (!inControl && control.compareDocumentPosition(t) & 4 /* FOLLOWING */) return undefined;
    // A flag drawn before a country, another control's text: no line of the buyer's.
    if (!inControl && !FLAG_ONLY.test(value) && !isBuyerTag(value) && !BUYER_STATS.test(value) && !AVATAR_INITIAL.test(value) && !t.parentElement?.closest(BUTTONS)) texts.push(value);
  }
  if (texts.length < 2 || texts.length > 3) return undefined;
  const first = texts.find((text) => !notANick(text) && !BUYER_LABEL.test(text));
  return first === undefined ? undefined : folded(first);
}

/**
 * The name an honorific follows in a text of its own ("ちぃ.mama🍼" "様"), or that a buyer's badge follows ("momo酱🍑"
 * "新客", "Lucas_陈" "88VIP"), within the order's block: a card whose buyer has no label and no chat control we know.
 */
export function nickBeforeMark(scope: readonly Element[], texts = blockTexts(scope)): string {
  let before = '';
  let root = -1;
  for (const { value, parent, root: k } of texts) {
    // Within one element of the block.
    if (k !== root) before = '';
    root = k;
    // A badge after a line of labelled values ("下单时间:… 买家:阿🐟 Yu" "新客"): the nick is the buyer's value.
    if ((HONORIFIC.test(value) || BUYER_BADGE.test(value)) && before && !notANick(before)) return valueInLine(folded(before)) ?? folded(before);
    // An avatar's initial drawn for the eye alone ("さ" before "New buyer" and the name) is no name; a business
    // buyer's company or country line between the name and the badge ("jess.wong_HK" "HK" "Hong Kong, China" "New
    // buyer") is passed over.
    if (parent?.closest('[aria-hidden="true"]') || (value.length <= 2 && avatarMark(parent))) before = '';
    else if (!COUNTRY_OR_COMPANY(value) && !FLAG_CODE.test(parent?.getAttribute('class') ?? '')) before = value;
  }
  return '';
}
const HONORIFIC = /^(?:様|さま|殿|님)$/u;

/**
 * The name after a letter alone in an element of its own that is its first letter ("A" then "Aisha Bello"): an
 * avatar's initial, whatever its classes. For a group's head, a few texts that name its buyer; in an order's block a
 * letter alone may be a size ("M" then "Mango tee"), and nickAfterAvatar asks for the avatar's class.
 */
export function nickAfterInitial(scope: readonly Element[]): string {
  let initial = '';
  for (const { value } of blockTexts(scope)) {
    if (initial && value.length > 1 && value.charAt(0).toLowerCase() === initial && !notANick(value)) return folded(value);
    initial = AVATAR_INITIAL.test(value) && value.length === 1 ? value.toLowerCase() : '';
  }
  return '';
}

/**
 * The name after its avatar's initial ("C" then "chloe.m_22", "D" then "Dan ⚽️ Evans"): the initial, alone in an
 * avatar's element, is the name's first letter. Cards that name the buyer with neither a label nor a badge do so.
 */
export function nickAfterAvatar(scope: readonly Element[], texts = blockTexts(scope)): string {
  let initial = '';
  let root = -1;
  for (const { value, parent, root: k } of texts) {
    // Within one element of the block.
    if (k !== root) initial = '';
    root = k;
    if (initial && value.length > 1 && value.charAt(0).toLowerCase() === initial && !notANick(value)) return folded(value);
    // A badge between the initial and the name ("க" "New buyer" "கவிதா ராஜ்").
    if (initial && isBuyerTag(value)) continue;
    initial = value.length === 1 && AVATAR.test(parent?.getAttribute('class') ?? '') ? value.toLowerCase() : '';
  }
  // An avatar drawn without an initial (a coloured disc, a picture), the name the next text beside it.
  for (const root of scope) {
    for (const avatar of root.querySelectorAll('[class*="avatar" i]')) {
      if (avatar.textContent?.trim()) continue;
      let next: Node | null = avatar.nextSibling;
      while (next && next.nodeType === 3 && !next.nodeValue?.trim()) next = next.nextSibling;
      if (!next || (next.nodeType === 1 && (next as Element).matches(CONTROLS))) continue;
      // The name's element may hold a badge beside the name ("nurul.aina92" "New buyer"): nickOf leaves it out.
      const value = (next.nodeType === 1 ? nickOf(next) : next.nodeValue ?? '').trim();
      if (value && value.length <= 60 && !notANick(value)) return folded(value);
    }
  }
  return '';
}
const AVATAR = /avatar/i;
/** Whether `el` draws an avatar's mark: by its class, or hidden from screen readers as drawn for the eye alone. */
function avatarMark(el: Element | null): boolean {
  return !!el && (AVATAR.test(el.getAttribute('class') ?? '') || el.getAttribute('aria-hidden') === 'true');
}
// A country's code drawn as its flag ("<span class="flag flag-hk">HK</span>").
const FLAG_CODE = /(?:^|[\s_-])(?:flag|country)(?:$|[\s_-])/i;
// The badges only a buyer wears (a bare "New" or "VIP" may be a goods line's too).
const BUYER_BADGE =
  /^[\s[(（【]*(?:新客|新客户|新买家|新買家|老客|老客户|老买家|老買家|回头客|回頭客|(?:复购|回购|複購|回購)(?:买家|買家|客户|客戶)?|88VIP|店铺会员|粉丝|铁粉|new\s*(?:buyer|customer)|repeat\s*(?:buyer|customer)|returning\s*(?:buyer|customer)|first[-\s]*time\s*buyer|khách\s*(?:hàng\s*)?(?:mới|quen)|pembeli\s*baru|pelanggan\s*(?:baru|setia)|ลูกค้า(?:ใหม่|ประจำ)|cliente\s*(?:novo|nuevo|habitual|frecuente)|(?:novo|nuevo)\s*cliente)[\s\])）】]*$/iu;

/**
 * Whether `el`'s text is beside the point: an icon's (an "i" drawn in an svg) or a tooltip's ("Comprador já fez 4
 * pedidos…" between a name and its chat control), up to `root`.
 */
function aside(el: Element | null, root: Element): boolean {
  for (let up = el; up && up !== root; up = up.parentElement) if (tipOrIcon(up)) return true;
  return false;
}

/**
 * The last text of the block before `control` (which lies in scope[k]), not
 * inside it, as textNodes gives it: walked back from the control, through
 * the block's earlier elements, instead of listing every text of the block.
 */
function textBefore(control: Element, scope: readonly Element[], k: number): string | undefined {
  let at: Node = control;
  // A business buyer's company and country lines between the name and the control ("O'Brien Outdoor Ltd · Ireland",
  // "Köhler Werkzeuge GmbH" then "德国"): passed over when a text comes before them.
  let company: string | undefined;
  let passed = 0;
  for (let i = k; i >= 0; i--) {
    const root = scope[i]!;
    if (i < k) {
      // From the last node inside an earlier element of the block.
      at = root;
      while (at.lastChild) at = at.lastChild;
      if (at === root) continue;
    } else if (at === root) continue;
    for (;;) {
      if (at.nodeType === 3) {
        const value = (at.nodeValue as string).trim();
        // A badge beside the name ("新客", "VIP") sits between it and the control: passed over.
        // So does a second name after a separator ("ronaldo_gamingph" "· Ron 🎮", the display name after the account's).
        if (value && !unread(at.parentElement, value) && !aside(at.parentElement, root) && !isBuyerTag(value) && !FLAG_ONLY.test(value) && !BUYER_STATS.test(value) && !BUYER_ID.test(value) && !SEPARATOR_FIRST.test(value)) {
          // Another button's text right before the chat control ("Modify price"): the order's controls, no name
          // among them.
          if (at.parentElement?.closest(BUTTONS)) return undefined;
          // A company's line and a country's line: each passed over once.
          if (!COUNTRY_OR_COMPANY(value) || passed >= 2) return folded(value);
          company ??= value;
          passed += 1;
        }
      }
      // The node before `at` in page order: the last node inside its previous sibling, else its parent.
      let prev: Node | null = at.previousSibling;
      if (prev) {
        while (prev.lastChild) prev = prev.lastChild;
      } else {
        prev = at.parentNode;
        if (!prev || prev === root) break;
      }
      at = prev;
    }
  }
  return company === undefined ? undefined : folded(company);
}

// An order's own tags printed in its head beside the buyer ("手机订单", "拍下减库存", "7天无理由"): no name.
const ORDER_TAG = /^(?:手机订单|手機訂單|电脑订单|PC订单|预售|預售|拍下减库存|付款减库存|包邮|包郵|极速退款|运费险|[7七]天无理由(?:退货)?|mobile\s*order|pre-?order|free\s*shipping|trade\s*assurance|信用保障|信保(?:订单)?|gold\s*supplier|verified\s*supplier)$/iu;
// What a buyer has bought before, printed under the name ("4 orders with you", "Joined 2025 · 1 order", "回购3次").
// A buyer's account number beside the name ("买家ID：2208812345", "ID ผู้ซื้อ 1029384756", "Buyer ID #48213907").
const BUYER_ID = /^[(（]?[\p{L}\p{M}\s]{0,14}\b(?:id|uid)\b[\p{L}\p{M}\s]{0,14}[:：#]?\s*\d{5,}[)）]?$/iu;
// An avatar's initials drawn before the name ("B" before "Big Rick's Garage", "t" before "t***9"): one letter of an
// alphabet, or two capitals. A name of one CJK character stays a name.
const AVATAR_INITIAL = /^(?:[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]|\p{Lu}{2})$/u;
const BUYER_STATS = /(?:本店)?第\s*\d+\s*(?:次(?:购买|購買|下单|下單)|[单單笔筆])|\b\d+\s+(?:paid\s+|previous\s+)?orders?\b|\bjoined\s+\d{4}|(?:下单|回购|购买|復購)\s*\d+\s*次|\d+\s*(?:笔|筆)订单|\d+\s*(?:đơn|pedidos?|pesanan)\s|(?:已购|已購|已买|已買)\s*\d+\s*次|đã\s*mua\s*\d+\s*lần|\b(?:comprou|compró|bought|purchased|ordered)\s+\d+\s*(?:vezes|veces|times?|x)\b|\bbeli\s+\d+\s*kali|ซื้อ(?:แล้ว)?\s*\d+\s*ครั้ง/iu;
// An order's action ("View details", "Xem chi tiết", "查看详情") beside a contact button: no one's name.
const ACTION = /^(?:修改价格|改价|添加备注|提醒付款|催付|关闭订单|取消订单|modify\s*price|change\s*price|add\s*(?:a\s*)?note|remind(?:\s*to\s*pay)?|close\s*order|cancel\s*order|view\s*(?:order\s*)?details?|details|xem\s*chi\s*tiết|查看详情|订单详情|查看詳情|訂單詳情|ver\s*detalhes|ver\s*detalles|détails|dettagli|details\s*anzeigen|(?:lihat\s*)?rincian(?:\s*pesanan)?|(?:ดู)?รายละเอียด|詳細(?:を見る)?|상세(?:\s*보기)?|подробнее|detalhes|detalles)$/i;
// A country's flag alone ("🇺🇸" between "Buyer:" and the name): a name is never only flags.
const FLAGS = /^(?:\p{Regional_Indicator}{2}\s*)+$/u;
// A flag or other pictograph on its own (🇵🇪 before "秘鲁").
const FLAG_ONLY = /^[\p{Regional_Indicator}\p{Extended_Pictographic}\uFE0F\u200D\s]+$/u;
// Country names a business buyer's line may be (seen on Alibaba.com cards, Chinese UI): passed over like a company.
const COUNTRY_NAME = /^(?:中国|美国|英国|德国|法国|意大利|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|波兰|俄罗斯|乌克兰|土耳其|以色列|阿联酋|沙特阿拉伯|卡塔尔|埃及|南非|尼日利亚|肯尼亚|摩洛哥|印度|巴基斯坦|孟加拉国|越南|泰国|马来西亚|新加坡|印度尼西亚|菲律宾|日本|韩国|澳大利亚|新西兰|加拿大|墨西哥|巴西|阿根廷|智利|秘鲁|哥伦比亚)$/u;
// The same in English, as Alibaba.com's English cards write them ("Hong Kong, China", "United Arab Emirates").
const COUNTRY_EN = /^(?:(?:hong\s*kong|taiwan|macau|macao)(?:,?\s*china)?|china|mainland\s*china|united\s*(?:states|kingdom|arab\s*emirates)|usa|uk|uae|germany|france|italy|spain|portugal|netherlands|belgium|switzerland|austria|sweden|norway|denmark|finland|ireland|poland|czech(?:ia|\s*republic)?|hungary|romania|greece|russia|ukraine|turkey|türkiye|israel|saudi\s*arabia|qatar|kuwait|oman|bahrain|jordan|egypt|south\s*africa|nigeria|kenya|ghana|morocco|algeria|tunisia|india|pakistan|bangladesh|sri\s*lanka|vietnam|viet\s*nam|thailand|malaysia|singapore|indonesia|philippines|japan|(?:south\s*)?korea|australia|new\s*zealand|canada|mexico|brazil|argentina|chile|peru|colombia|ecuador|uruguay)$/i;
// A country's line led by its flag ("🇦🇪 United Arab Emirates").
const FLAG_LED = /^\p{Regional_Indicator}{2}\s*\p{L}/u;
const COUNTRY_OR_COMPANY = (text: string) => COMPANY_LINE.test(text) || COUNTRY_NAME.test(text) || COUNTRY_EN.test(text) || FLAG_LED.test(text);
// A company's line: a legal form, or a name and a country set apart by a middle dot or a bar.
const COMPANY_LINE = /\S\s[·•|]\s\S|\b(?:ltd|limited|inc|llc|corp|co\.|company|gmbh|jsc|pte|pty|plc|s\.a\.|s\.r\.l|sarl|srl|b\.v|k\.k|s\.p\.a|kft|sp\. z o\.o|bhd|sdn|tbk|pvt|trading|ltda|eireli|s\.?a\.? de c\.?v|s\.a\.s|s\.l\.u?|importadora|distribuidora)(?=[\s.,]|$)|有限公司|株式会社/iu;
// A separator before a text: the text goes on from the one before it.
const SEPARATOR_FIRST = /^[·•|]\s*\S/u;
// A separator left after a name, before the control beside it ("ปิยะนุช ส. ·", "Tong_BKK |").
const SEPARATOR_AFTER = /\s*[·•|/–—-]+$/u;

/** Whether two sibling elements are the same kind of line (goods lines repeat their shape). */
function alike(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  if (a.className || b.className) return a.className === b.className;
  // Same child tags in the same order.
  let x = a.firstElementChild;
  let y = b.firstElementChild;
  for (; x && y; x = x.nextElementSibling, y = y.nextElementSibling) if (x.tagName !== y.tagName) return false;
  return !x && !y;
}

/** Whether `el` shows any text (what /\S/ says of its textContent). */
function hasText(el: Element): boolean {
  // Walked by hand up to the first text that is not white space: a goods
  // line's part usually starts with it, and its whole textContent is not built.
  let at: Node | null = el.firstChild;
  while (at) {
    if (at.nodeType === 3) {
      if (NOT_SPACE.test(at.nodeValue as string)) return true;
    } else if (at.firstChild) {
      at = at.firstChild;
      continue;
    }
    let next: Node | null = at.nextSibling;
    while (!next && (at = at.parentNode) && at !== el) next = at.nextSibling;
    at = next;
  }
  return false;
}
const NOT_SPACE = /\S/;

/** Whether the first of `el`'s children that shows anything is text of its own (not inside a child element). */
function startsWithText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if (NOT_SPACE.test(n.nodeValue as string)) return true;
    } else if (n.nodeType === 1 && !SKIPPED.has((n as Element).tagName) && hasText(n as Element)) return false;
  }
  return false;
}

/** The goods lines of an item cell: repeated alike children (one per item), else the cell as one line. */
export function goodsLines(cell: Element): Element[] {
  let el = cell;
  for (let depth = 0; depth < 12; depth++) {
    const kids: Element[] = [];
    for (let k = el.firstElementChild; k; k = k.nextElementSibling) if (!SKIPPED.has(k.tagName) && hasText(k)) kids.push(k);
    // Text of the element's own before its children (a title, its spec lines below) makes it one line.
    if (startsWithText(el)) break;
    if (kids.length === 1) {
      el = kids[0]!;
      continue;
    }
    if (kids.length >= 2 && kids.every((k) => alike(k, kids[0]!))) return kids;
    // Goods lines with lines of another kind after them (a count, "สั่งซื้อเมื่อ … · 1 ชิ้น"; a price breakdown and a
    // note on the receiver): the lines alike, each showing a number (its price or quantity), none alike after them.
    let run = 0;
    while (run < kids.length && alike(kids[run]!, kids[0]!) && /\d/.test(kids[run]!.textContent ?? '')) run++;
    if (run >= 2 && run < kids.length && !kids.slice(run).some((k) => alike(k, kids[0]!))) return kids.slice(0, run);
    break;
  }
  return [el];
}

// A quantity printed on its own ("x2", "×3", "* 1") or after its label ("Qtd: 1", "数量：2", "Số lượng: 3").
const QTY = /^(?:(?:qty|qtd|quantity|quantidade|cantidad|số lượng|sl|jumlah|จำนวน|数量|數量|個数|menge|anzahl|quantité|quantità)\s*[:：.]?\s*[x×]?|[x×*])\s*(\d{1,6})$/iu;
const NOT_TITLE = /[:：]\s*$/;
// The unit a price is per, in a text of its own after it ("US$ 2.25" "/ Piece").
const PER_UNIT_ONLY = /^\/\s*\p{L}{1,12}$/u;

/** A goods line's title: its first text with words that is not a label, a marked price ("¥63.00") or a quantity ("x2"). */
export function titleOf(line: Element): string | undefined {
  return lineOf(line).title;
}

// A list's own "select all" row after its last order (its checkbox's words, "全选本页 已选 0 单", then its buttons), an
// order's notes under its goods ("Ghi chú của người mua: …", "买家留言：…", "Seller memo: …", then an "Add" link), and a
// goods line's variation drawn as a line of its own under its title ("Phân loại hàng: Size: M", "规格：XL").
const NOT_GOODS_LINE = /^(?:全选|全選|select\s*all|seleccionar\s*todo|selecionar\s*tudo|chọn\s*tất\s*cả|pilih\s*semua|เลือกทั้งหมด|[^:：]{0,24}?(?:(?:message|note|memo|remark)\b|留言|备注|備註|ghi\s*chú|lời\s*nhắn|mensagem|mensaje|nota\b|observa|pesan|catatan|หมายเหตุ|комментарий|備考|메모|notiz|bemerkung|规格|規格|颜色分类|款式|型号|(?:variation|variant|specs?|specification|sku)\b|phân\s*loại|variasi|ตัวเลือก|varia[cç][aã]o|variante)[^:：]{0,16}[:：])/i;

function isTitle(text: string): boolean {
  return LETTERS.test(text) && !NOT_TITLE.test(text) && !(text.length <= 24 && (QTY.test(text) || SIGN_ONLY.test(text) || PER_UNIT_ONLY.test(text))) && parseMoneyAll(text).length === 0;
}

/**
 * A goods line's title (see titleOf) and its quantity: the last lone "x2"
 * among its texts, else 1. The texts cellTextNodes lists, read in one walk
 * without listing them.
 */
function lineOf(line: Element): { title: string | undefined; qty: number } {
  let title: string | undefined;
  let qty = 1;
  // A text is judged once the next one shows it is whole (a number drawn in parts joins it, as in keep).
  let text: string | undefined;
  // A line that starts with "select all" or a note's label is none (see NOT_GOODS_LINE): no title in it is a goods title.
  let first = true;
  const judge = (t: string) => {
    if (first && NOT_GOODS_LINE.test(t)) title = '';
    first = false;
    if (title === undefined && isTitle(t)) title = t;
    const m = t.length <= 24 ? QTY.exec(t) : null;
    if (m) qty = Number(m[1]) || 1;
  };
  // The node of the text's end (a word a highlight splits goes on in the next: see keep).
  let end: Node | undefined;
  let at: Node | null = line.firstChild;
  while (at) {
    if (at.nodeType === 3) {
      const value = (at.nodeValue as string).trim();
      const parent = at.parentElement;
      if (value && !unread(parent, value)) {
        const next = folded(value);
        const joined = text !== undefined ? (end && oneWord(end, at, text, next) ? text + next : joinedNumber(text, next, parent)) : undefined;
        if (joined !== undefined) text = joined;
        else {
          if (text !== undefined) judge(text);
          text = next;
        }
        end = at;
      }
    } else if (at.firstChild) {
      at = at.firstChild;
      continue;
    }
    let next: Node | null = at.nextSibling;
    while (!next && (at = at.parentNode) && at !== line) next = at.nextSibling;
    at = next;
  }
  if (text !== undefined) judge(text);
  return { title: title || undefined, qty };
}

const BARE_NUMBER = /^\d[\d.,]*$/;
// A payment stage of a large order ("Initial payment (30%) US$ 3,744.00", "尾款：USD 2,520.00"): no goods line.
const STAGE = /(?:initial|advance|full|final)\s*payment|paid\s*in\s*full|balance\s*(?:payment|due|\(\d|\d{1,3}\s*%)|deposit|pago\s*(?:inicial|final|completo)|anticipo|saldo|pagamento\s*inicial|acompte|solde|anzahlung|restzahlung|首付款|预付款|尾款|定金|全款|(?:本期|当期|當期|本次|本阶段|本階段)应?應?付|(?:amount\s*)?due\s*now|current\s*instal?lment/i;
// A summary line titled by what it charges, not by goods ("Shipping (sea freight) US$ 380.00", "运费 ¥8.00").
const CHARGE_TITLE = /^(?:shipping|freight|delivery|penghantaran|运费|邮费|快递费|frete|envío|phí vận chuyển|ongkir|ongkos kirim|ค่าจัดส่ง|доставка|discount|优惠|折扣|desconto|giảm giá|diskon|subtotal|小计|tax|税|产品总额|产品金额|商品总额|商品总价|商品金额|货款|订单总额|итого|товары\s*\(|(?:products?|productos|produtos|artículos|items?)\s*\(\d)/i;
// A count of orders beside an amount ("2 orders · US$12,910.00" under a date heading, "共 3 笔"): a group's sum.
const ORDER_COUNT = /\b\d+\s*(?:orders?|pedidos?|encomendas?|commandes?|đơn\s*hàng|заказ(?:а|ов)?)(?![\p{L}\d])|\d+\s*(?:笔|個|个)订单|\d+\s*笔/iu;

/**
 * Goods lines of an order shown without a goods column (a card, or goods in
 * a table of their own): for each price that no label names, the smallest
 * element around it that also holds a title before it. A line is refused
 * when it holds the order number, a total's label or a labelled part of the
 * total ("商品总价 ¥72.50"): that is the order's summary, not a goods line.
 * Lines that hold another line are the list around them.
 */
// A quantity among a line's words ("฿149.50 x1").
const QTY_IN_TEXT = /(?:^|\s)[x×]\s?\d{1,5}(?:\s|$)/;

/** Whether a text before `texts[i]` inside `line` titles goods. */
function titledBefore(texts: ReadonlyArray<{ text: string; node: Text }>, i: number, line: Element): boolean {
  for (let j = i - 1; j >= 0 && line.contains(texts[j]!.node); j--) if (isTitle(texts[j]!.text)) return true;
  return false;
}

/** `total`: the order's, when read. */
export function goodsByPrice(scope: readonly Element[], texts: ReadonlyArray<{ text: string; node: Text }>, anchor: Element, total?: Money): OrderItem[] {
  const lines: Element[] = [];
  for (let i = 0; i < texts.length; i++) {
    const { text, node } = texts[i]!;
    if (text.length > 60 || !mayBePrice(text)) continue;
    // A sign drawn apart from its amount ("¥" "25.90"): the two make the price.
    const sign = texts[i - 1] && SIGN_ONLY.test(texts[i - 1]!.text) && BARE_NUMBER.test(text);
    const price = sign ? undefined : parseMoneyAll(text)[0];
    if (!sign && !price) continue;
    // A minus drawn apart from its amount ("-" "Rp" "4.500"): a deduction, as "-Rp4.500" is no price.
    if (MINUS_ONLY.test(texts[sign ? i - 2 : i - 1]?.text ?? '')) continue;
    // A value after its label ("Frete:" "R$ 35,56") is the summary's.
    const before = texts[sign ? i - 2 : i - 1]?.text;
    if (before && (NOT_TITLE.test(before) || CHARGE_TITLE.test(before))) continue;
    let line: Element | null = null;
    for (let up = node.parentElement, level = 0; up && level < 5 && !scope.includes(up) && !up.contains(anchor); up = up.parentElement, level++) {
      const title = lineOf(up).title;
      if (title === undefined) continue;
      if (CHARGE_TITLE.test(title)) break;
      const whole = spacedText(up);
      if (ORDER_COUNT.test(whole)) break;
      // The order's total with its payment method after it ("฿181.50" "พร้อมเพย์ (PromptPay)") is no goods line:
      // the amount is the total's, no title comes before it and no quantity beside it, outside a goods table's row
      // (whose columns may run "line total | qty | price | goods").
      const isTotal = total !== undefined && price?.minor === total.minor && !titledBefore(texts, i, up) && !QTY_IN_TEXT.test(whole) && !up.closest('tr');
      // A goods title may hold a charge's word ("Corrugated Shipping Box 12x9x6"): the rest of the line is what must
      // name no part of the total, unless the line starts with one (a summary line: its label is its "title").
      const rest = title && !namesPart(whole) ? foldSpaces(whole.replace(title, ' ')).trim() : whole;
      if (!isTotal && !TOTAL_LABEL.test(whole) && !STAGE.test(whole) && withoutPartAmounts(rest, true) === rest) line = up;
      break;
    }
    if (line && !lines.includes(line)) lines.push(line);
  }
  const items: OrderItem[] = [];
  for (const line of lines) {
    if (lines.some((other) => other !== line && line.contains(other))) continue;
    const { title, qty } = lineOf(line);
    if (title) items.push({ title: title.slice(0, 1000), qty });
  }
  return items;
}

/** Goods of an item cell: each line's first worded text is its title, a lone "x2" its quantity. */
export function itemsIn(cell: Element): OrderItem[] {
  const items: OrderItem[] = [];
  for (const line of goodsLines(cell)) {
    const { title, qty } = lineOf(line);
    if (title) items.push({ title: title.slice(0, 1000), qty });
  }
  return items;
}

// An amount first in a text, after at most a short sign or code.
const AMOUNT_FIRST = /^\s*[^\d\s(（]{0,4}\s*\d/u;

/**
 * The order total a cell shows: after its label when it has one, else the
 * amount it starts with, before shipping and payment stages. Null when the
 * cell does not start with an amount or shows several different ones.
 */
export function totalIn(cellText: string, money: (text: string) => Money | null): Money | null {
  // A subtotal, shipping fee or discount beside the total is no part of it ("商品总价：¥999.00 ¥128.00").
  // The amount again in another currency ("US $24.25 ≈ €22.39") is no second amount.
  const text = withoutPartAmounts(withoutConversions(cellText));
  const label = TOTAL_LABEL.exec(text);
  let from = label ? text.slice(label.index + label[0].length) : text;
  // A caption under the amount it names ("Rp228.000 Total pesanan (termasuk ongkir Rp12.000, hemat Rp27.000)"): no
  // amount right after the label, one right before it.
  if (label && !AMOUNT_FIRST.test(from) && AMOUNT_FIRST.test(text.slice(0, label.index))) from = text.slice(0, label.index);
  // A tag saying the price was changed, before the new total ("Price modified US $41.00", the old one struck out).
  const head = (from.split(NOT_TOTAL)[0] ?? '').replace(PRICE_CHANGED, '');
  // A total cell starts with the total (after at most a short label); a goods line does not.
  if (!label && !/^(?:[\p{L}:：]{0,6}\s*)?[^\d\s]{0,4}\s*\d/u.test(head)) return null;
  // A price with its quantity ("¥29.90 ×3") is a goods line's, never the order's total.
  if (/\d\s*[×xX*]\s*\d{1,6}(?![\d.,])/.test(head)) return null;
  // The amount it starts with, then another number after a space that is no group of three ("584.90 1₫", "$47 97"
  // with the cents raised): a number drawn in parts that carriesNumber could not put together. Either reading is a guess.
  if (SPLIT_NUMBER.test(head)) return null;
  return money(head);
}
const PRICE_CHANGED = /^\s*(?:price\s*(?:modified|changed|adjusted)|modified|已改价|改价|已改價|改價|precio\s*modificado|preço\s*alterado|đã\s*sửa\s*giá|prix\s*modifié|preis\s*geändert)\s*/iu;
// Not a count of the goods under the total ("₱668.00 1 item", "¥58.80 共2件"), nor a name that starts with a number
// ("₱961.00 7-Eleven (CLiQQ)", the way the buyer pays).
const SPLIT_NUMBER = /^(?:[\p{L}:：]{0,6}\s*)?[^\d\s]{0,4}\s*\d[\d.,]*\s+\d(?!\d{2}(?!\d))(?!\d*-\p{L})(?!\d*\s*(?:items?|products?|pcs|pieces?|件|个|個|sản\s*phẩm|produk|barang|ชิ้น|itens|produtos|artículos|productos|unidades|товар)(?![\p{L}]))/u;

const BARE_TOTAL = /^\s*(?:total|итого)\s*[:：]?\s*$/i;
// How a total's label goes on in words ("Total pembayaran", "Total del pedido:", "Итого к оплате", "Total to pay"); any
// other words ("Total weight", "Total items") make another label, whose value is no total.
const TOTAL_GOES_ON = /^(?:pembayaran|pesanan|belanja|tagihan|(?:del|do|da|de la|de|des)\s+(?:pedido|compra|commande|ordine)|a\s+pagar|à\s+payer|da\s+pagare|to\s+pay|payable|due|amount|price|charged|k\s+оплате|к\s+оплате|заказа|ชำระ)\s*[:：]?$/iu;
// A text that is a currency sign and nothing else ("R$", "US$", "₫", "Rp", "USD").
/** A minus sign drawn apart from its amount. */
const MINUS_ONLY = /^[-−–]$/u;
// A mark of one or two characters with no letter or digit: an info icon, a tooltip's "?", a caret.
const ICON_ONLY = /^[^\p{L}\p{N}\s]{1,2}$/u;
const SIGN_ONLY = /^(?:[A-Z]{0,3}\s?[$¥￥€£₫₱₩฿₽₹]|RM|Rp|đ|元|[A-Z]{3})$/u;

/** The total shown after a total label anywhere in the order, when exactly one label shows one. */
export function totalByLabel(texts: ReadonlyArray<{ text: string; node?: Text }>, money: (text: string) => Money | null): Money | null {
  const found: Money[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!.text;
    const label = TOTAL_LABEL.exec(text);
    if (!label) continue;
    // A label kept for screen readers only names the total the page shows after it, not the amount it holds (a stale
    // "Total pesanan: Rp99.500" before the Rp94.500 shown, a sentence "Order …, total $29.90, awaiting payment").
    const own = text.slice(label.index + label[0].length).trim();
    const rest = ANY_DIGIT.test(own) && forScreenReaders(texts[i]!.node) ? '' : own;
    // The rest of a bare "Total" label's words ("Total pembayaran", "Total del pedido:") holds no amount: the value
    // comes next. After another label ("ยอดรวมสินค้า", the goods subtotal) such words make it another label.
    const after = ANY_DIGIT.test(rest) || !BARE_TOTAL.test(label[0]) || !TOTAL_GOES_ON.test(rest) ? rest : '';
    // The label's value: the rest of its text, else the next text that is not struck through (the price before a
    // discount) nor an amount labelled as a part of the total ("商品总价：¥99.50", "已付：¥0.00" drawn between them).
    let next = i + 1;
    while (!after && texts[next]) {
      const { text: between, node } = texts[next]!;
      // Also an icon between them ("应付金额" "ⓘ" "￥58.80"): a mark, not a value.
      if (struck(node) || struckBeforeAmount(texts, next) || labelledPart(between) || (ICON_ONLY.test(between) && !SIGN_ONLY.test(between))) {
        next++;
        continue;
      }
      // An amount drawn in parts ("£" "880" ".00") that the page's style sheet strikes through, before another.
      const box = struckPartsBefore(texts, next);
      if (!box) break;
      while (texts[next] && box.contains(texts[next]!.node ?? null)) next++;
    }
    let value = after ? totalIn(after, money) : texts[next] ? totalIn(texts[next]!.text, money) : null;
    // A currency sign drawn apart from its amount ("R$ <span>1.234</span><span>,56</span>"): the sign, then the amount.
    const sign = after || texts[next]?.text;
    const amountAt = after ? i + 1 : next + 1;
    if (!value && sign && SIGN_ONLY.test(sign) && texts[amountAt]) value = totalIn(`${sign} ${texts[amountAt]!.text}`, money);
    // Or after it ("342.000" "₫", "32,79" "€").
    else if (!value && sign && !after && texts[next + 1] && SIGN_ONLY.test(texts[next + 1]!.text)) value = totalIn(`${sign} ${texts[next + 1]!.text}`, money);
    if (value) found.push(value);
  }
  // Each order shows one total, maybe twice (in its head and again under its breakdown): two labelled totals that
  // differ mean the block holds another order too, or a total that is not the order's.
  const first = found[0];
  return first && found.every((m) => m.minor === first.minor && m.currency === first.currency) ? first : null;
}

/** Whether a listed text is kept for screen readers only: its element or its parent (see screenReaderOnly). */
function forScreenReaders(node: Text | undefined): boolean {
  const el = node?.parentElement;
  return !!el && (screenReaderOnly(el) || (!!el.parentElement && screenReaderOnly(el.parentElement)));
}

/** Whether `text` is only an amount after a label that names it a part of the total (see withoutPartAmounts). */
function labelledPart(text: string): boolean {
  return mayBePrice(text) && !ANY_DIGIT.test(withoutPartAmounts(text, true));
}
const ANY_DIGIT = /\d/;

/** Whether a listed text lies inside a struck-through element (its own parent is never one: see keep). */
function struck(node: Text | undefined): boolean {
  return node?.parentElement?.closest(STRUCK) != null;
}

/**
 * Whether texts[k], an amount with another amount right after it, is struck through by the page's style sheets (a
 * price before its discount drawn by a class): only then are computed styles asked, and only up to its grandparent.
 */
function struckBeforeAmount(texts: ReadonlyArray<{ text: string; node?: Text }>, k: number): boolean {
  const here = texts[k]!;
  const after = texts[k + 1];
  if (!after || !mayBePrice(here.text) || parseMoneyAll(here.text).length !== 1 || parseMoneyAll(after.text).length === 0) return false;
  return struckBySheet(here.node?.parentElement, 2);
}

/**
 * The element of an amount drawn in parts (its sign or its digits in elements of their own: "£" "880" ".00") that
 * starts at texts[k], when the page's style sheets strike it through and another amount follows it: a price before
 * its change, beside the one that stands. Null otherwise; asked only of a text that is such a part.
 */
function struckPartsBefore(texts: ReadonlyArray<{ text: string; node?: Text }>, k: number): Element | null {
  const here = texts[k]!;
  if (!here.node || !(SIGN_ONLY.test(here.text) || /^\d{1,7}$/.test(here.text))) return null;
  // Up from the part to the element that holds the whole amount and no more.
  let box = here.node.parentElement;
  for (let level = 0; box && level < 3 && parseMoneyAll(box.textContent ?? '').length === 0; level++) box = box.parentElement;
  if (!box || parseMoneyAll(box.textContent ?? '').length !== 1 || hasWords(box.textContent ?? '')) return null;
  const sibling = box.nextElementSibling;
  if (!sibling || parseMoneyAll(sibling.textContent ?? '').length === 0) return null;
  return struckBySheet(box, 1) ? box : null;
}

/** Whether a cell's text plainly holds words (a title, a label) rather than only an amount or a number. */
export function hasWords(text: string): boolean {
  return LETTERS.test(text);
}
