// Page text as a person sees it: spaced between blocks, and searched from
// the start of an order block when the start decides.
import { parseMoneyAll } from '../orders/money';
import { foldSpaces, NUMBER_MARKS, textOf } from './types';

/** Elements whose text is struck through: a price before its discount ("<del>¥99.00</del> ¥79.70"), which a person reads as no longer holding. */
export const STRUCK_TAGS = ['del', 's', 'strike'] as const;
/** The same drawn by an inline style (`<span style="text-decoration: line-through">¥999.00</span>`), as React pages often do. */
export const STRUCK_STYLE = '[style*="line-through"]';
/** A struck-through element by its tag or its inline style (see STRUCK_TAGS, STRUCK_STYLE). */
export function isStruck(el: Element): boolean {
  return STRUCK_TAG_SET.has(el.localName) || struckByStyle(el);
}
const STRUCK_TAG_SET: ReadonlySet<string> = new Set(STRUCK_TAGS);
/** Whether `el`'s inline style strikes its text through: an attribute test first, most elements have no style. */
function struckByStyle(el: Element): boolean {
  return el.hasAttribute('style') && (el.getAttribute('style') as string).includes('line-through');
}
/**
 * Whether the page's style sheets strike `el`'s text through (`.was { text-decoration: line-through }`): `el` or one
 * of its `up` nearest ancestors, as the browser computes it. Computed styles are costly: asked only where a struck
 * price would otherwise stand as a second amount, or as the one after a total's label.
 */
export function struckBySheet(el: Element | null | undefined, up = 0): boolean {
  const view = el?.ownerDocument.defaultView;
  if (!el || !view) return false;
  for (let at: Element | null = el, level = 0; at && level <= up; at = at.parentElement, level++) {
    if (linedThrough(view.getComputedStyle(at))) return true;
  }
  return false;
}

/** Whether a computed style strikes its text through (some DOMs fill in only the shorthand). */
function linedThrough(style: CSSStyleDeclaration): boolean {
  return (style.textDecorationLine || style.textDecoration || '').includes('line-through');
}

/**
 * Whether the page's style sheets strike `el` through or hide it (a tooltip's bubble until the pointer is over its
 * mark), or keep it for screen readers only (a label "Order total: $29.90" left stale beside the $27.75 shown): one
 * style look-up.
 */
function struckOrHidden(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) return false;
  return linedThrough(style) || style.display === 'none' || style.visibility === 'hidden' || SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '') || visuallyHidden(style);
}

/** Class names of text kept for screen readers only ("sr-only", "visually-hidden", WordPress's "screen-reader-text"). */
export const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-?hidden|screen-reader-(?:text|only)|a11y-hidden|u-hidden-visually|offscreen)(?:$|\s)/i;

/**
 * Whether `el` is drawn for screen readers only: its class first, the page's style sheets only when the class does not
 * say (a redeploy renames "sr-only" to a hash; see visuallyHidden). One style look-up.
 */
export function screenReaderOnly(el: Element): boolean {
  if (SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '')) return true;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!style && visuallyHidden(style);
}

/** Whether a computed style draws a box of a pixel or none with its overflow cut: the usual rule behind "sr-only". */
function visuallyHidden(style: CSSStyleDeclaration): boolean {
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  const tiny = parseFloat(style.width) <= 1 && parseFloat(style.height) <= 1 && style.overflow === 'hidden';
  return tiny || /^rect\(0(?:px)?,? 0(?:px)?,? 0(?:px)?,? 0(?:px)?\)$/.test(style.clip) || style.clipPath === 'inset(50%)';
}

/**
 * The text spacedText gives of `cell`, without what the page's style sheets strike through (see struckBySheet) or
 * hide: for a cell that shows more than one amount, where one of them may be a price before its discount, or an
 * amount in a tooltip's bubble ("$5 off orders over $30").
 */
export function unstruckText(cell: Element, clean?: Element | null): string {
  if (struckBySheet(cell)) return '';
  const all = cell.querySelectorAll('*');
  const struck: number[] = [];
  for (let i = 0; i < all.length; i++) if (struckOrHidden(all[i]!)) struck.push(i);
  if (!struck.length) return spacedText(cell, clean);
  // The same cell without the struck elements, read as the page shows it.
  const copy = cell.cloneNode(true) as Element;
  const copies = copy.querySelectorAll('*');
  for (const i of struck) copies[i]?.remove();
  return spacedText(copy);
}

/**
 * What a reader takes of an amount cell's text (`take`: the part it reads, parts of the total and shipping left
 * out), as spacedText gives it; when that shows more than one amount, taken again without what the page's style
 * sheets strike through (see unstruckText): read first, a struck price before its discount would stand as the total.
 */
export function amountText(cell: Element | null | undefined, clean?: Element | null, take: (text: string) => string = (t) => t): string {
  const text = take(spacedText(cell, clean));
  const again = cell ? unstruckIfTwo(cell, text, clean) : undefined;
  return again === undefined ? text : take(again);
}

/** `cell`'s text without what the page's style sheets strike through (see unstruckText), when `text`, read of it, shows more than one amount; else undefined. */
export function unstruckIfTwo(cell: Element, text: string, clean?: Element | null): string | undefined {
  return twoNumbers(text) && parseMoneyAll(text).length > 1 ? unstruckText(cell, clean) : undefined;
}

/**
 * Whether `text` may show two numbers (most amount cells show one; parseMoneyAll tells): a number goes on through
 * a separator (".", ",", an apostrophe) with a digit after it, and through a space before a group of three digits
 * while no separator came yet ("1 234,56"); anything else between digits starts another.
 */
export function twoNumbers(text: string): boolean {
  let runs = 0;
  let inRun = false;
  let separated = false;
  // Digits since the number began or its last space, and whether a space grouped it yet.
  let group = 0;
  let spaced = false;
  const digit = (k: number) => {
    const c = text.charCodeAt(k);
    return c >= 48 && c <= 57;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!inRun) {
        if (++runs === 2) return true;
        inRun = true;
        separated = false;
        spaced = false;
        group = 0;
      }
      group++;
    } else if (c === 46 || c === 44 || c === 39 || c === 0x2019) {
      // A separator between digits; one that no digit follows ends the number.
      if (inRun && digit(i + 1)) separated = true;
      else inRun = false;
    } else if (c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009) {
      const grouping = !separated && (spaced ? group === 3 : group <= 3) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
      if (inRun && grouping) {
        spaced = true;
        group = 0;
      } else inRun = false;
    } else inRun = false;
  }
  return false;
}

/** Whether `text` may be a price: short (a buyer's note is long), with an ASCII digit. */
export function mayBePrice(text: string): boolean {
  if (text.length > 40) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
// Not page text: code, and struck-through text.
const SKIPPED_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'template', ...STRUCK_TAGS]);
/**
 * Whether `el` holds a translation a browser extension wrote into the page beside its words (Immersive Translate's
 * bilingual mode: "Contact buyer" then "<font …>联系买家</font>", "Order No.: 2758…" then "订单号：2758…"): no text
 * of the page's own, so no second buyer, status or order number. Its elements are <font>s, marked by an attribute.
 */
export function addedTranslation(el: Element): boolean {
  return el.localName === 'font' && el.hasAttribute('data-immersive-translate-translation-element-mark');
}
// Tags only: an attribute test in a selector that climbs the page (closest) costs a structural read 8 %; an
// element's own inline style is looked at where it is read (skipped, inSkipped).
const SKIPPED_SELECTOR = [...SKIPPED_TEXT].join(',');

/**
 * An element holding every element of `scope` (an order's block) and lying
 * outside any script, style or template, or null. Given to spacedText for the
 * block's cells, it ends their ancestor checks there: one selector match up
 * the page per order instead of one per cell.
 */
export function pageTextRoot(scope: readonly Element[]): Element | null {
  const first = scope[0];
  const top = scope.length > 1 ? first?.parentElement : first;
  return top && !top.closest(SKIPPED_SELECTOR) ? top : null;
}

/** Whether `el` is an option of a drop-down that is not the chosen one (a closed <select> shows the chosen alone). */
function unchosenOption(el: Element): boolean {
  return el.localName === 'option' && !(el as HTMLOptionElement).selected && (el.closest('select') as HTMLSelectElement | null)?.multiple !== true;
}

/** Whether `el` is or lies inside a script, style, template or struck-through element; `clean` (see pageTextRoot), when an ancestor, ends the search. */
function inSkipped(el: Element, clean: Element | null | undefined): boolean {
  // An inline style strikes the element read itself (a price picked by a selector); one higher up the order's block
  // would strike a whole cell, which no page does.
  if (struckByStyle(el)) return true;
  if (!clean) return el.closest(SKIPPED_SELECTOR) !== null;
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at === clean) return false;
    if (SKIPPED_TEXT.has(at.localName)) return true;
  }
  return false;
}

/**
 * Whether `next` carries on a number that `text` ends, so the two are one
 * number split over elements, not two texts: "79" + ".70", "1.590" + ".000",
 * "79." + "70", "14" + ":03", "47" + "." (then "60"). Price displays put the decimals (or the
 * currency's thousands) in an element of their own to style them smaller;
 * with a space between, "¥79 .70" would read as ¥79 and "₫250 .000" as
 * ₫250. Both texts are trimmed and not empty.
 */
export function carriesNumber(text: string, next: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  const first = next.charCodeAt(0);
  if (last >= 48 && last <= 57) {
    // A separator right after the digits, then a digit: ".70", ",000", ":03"; or a point or comma alone, its digits in
    // the next element ("47" "." "60", "1" "," "173" "." "75": every part of the price styled on its own).
    return (first === 46 || first === 44 || first === 58) && (isDigit(next.charCodeAt(1)) || (next.length === 1 && first !== 58));
  }
  // "79." + "70": a separator after a digit, then the digits.
  return (last === 46 || last === 44) && isDigit(text.charCodeAt(text.length - 2)) && isDigit(first);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function endsInDigit(text: string): boolean {
  return isDigit(text.charCodeAt(text.length - 1));
}

// The elements a number's digits are drawn in, inline (a cell's blocks and table cells hold numbers of their own).
export const INLINE_PARTS: ReadonlySet<string> = new Set(['span', 'i', 'b', 'em', 'strong', 'font', 'small', 'u', 'ins', 'mark']);

/**
 * Whether text node `next` goes on with the word text node `prev` ends, the two drawn as one: they abut with only
 * inline elements' edges between them, in an element that mixes text and such elements, the way a search's highlight
 * splits a word ("<span>爱<em>羊绒</em>的阿柒</span>", "<b>bia</b>ncamoraes" in a name's element). Two elements each
 * holding a text of its own ("<span>Ana</span><span>VIP</span>") stay two texts. Both nodes hold text that is not
 * white space at their facing ends; `prev` comes before `next`.
 */
export function continuesWord(prev: Node, next: Node): boolean {
  // Each a text alone in its element (most texts): neither is a text beside the other's element (see abutsInline).
  if (!prev.nextSibling && !next.previousSibling) return false;
  const a = prev.nodeValue as string;
  const b = next.nodeValue as string;
  if (!wordEdge(a.charCodeAt(a.length - 1), a, a.length - 1) || !wordEdge(b.charCodeAt(0), b, 0)) return false;
  return abutsInline(prev, next);
}

/**
 * Whether text node `next` is drawn right after text node `prev`, one of the two a text of the element both sit in
 * and the other inside an inline element beside it ("14012<mark>7755</mark>"): an avatar's initial and a name, each
 * in an element of its own, are two texts.
 */
export function abutsInline(prev: Node, next: Node): boolean {
  // Each a text alone in its element (most texts): neither is a text beside the other's element.
  if (!prev.nextSibling && !next.previousSibling) return false;
  const after = inlineAfter(prev);
  return after.next === next && after.direct;
}

/**
 * The text node drawn right after text node `node` when only inline elements' edges (and comments) come between them,
 * else null: a block's edge, a line break, another text (white space) between them.
 */
export function nextInlineText(node: Node): Node | null {
  return inlineAfter(node).next;
}

/**
 * What nextInlineText finds after `node`, and whether one of the two is a text of the element that holds both (the
 * other's elements around it are inline elements beside it).
 */
function inlineAfter(node: Node): { next: Node | null; direct: boolean } {
  let at: Node = node;
  while (!at.nextSibling) {
    const up = at.parentNode;
    if (!up || up.nodeType !== 1 || !INLINE_PARTS.has((up as Element).localName)) return { next: null, direct: false };
    at = up;
  }
  let first: Node | null = null;
  for (let step: Node | null = at.nextSibling; step; ) {
    if (step.nodeType === 8) {
      step = step.nextSibling;
      continue;
    }
    first ??= step;
    if (step.nodeType === 3) return { next: step, direct: at === node || first === step };
    if (step.nodeType === 1 && INLINE_PARTS.has((step as Element).localName) && step.firstChild) step = step.firstChild;
    else break;
  }
  return { next: null, direct: false };
}

/** The text node drawn right before text node `node` across inline elements' edges only (see nextInlineText), else null. */
export function previousInlineText(node: Node): Node | null {
  let at: Node = node;
  while (!at.previousSibling) {
    const up = at.parentNode;
    if (!up || up.nodeType !== 1 || !INLINE_PARTS.has((up as Element).localName)) return null;
    at = up;
  }
  for (let step: Node | null = at.previousSibling; step; ) {
    if (step.nodeType === 3) return step;
    if (step.nodeType === 8) step = step.previousSibling;
    else if (step.nodeType === 1 && INLINE_PARTS.has((step as Element).localName) && step.lastChild) step = step.lastChild;
    else return null;
  }
  return null;
}

/** Whether the character at `k` of `text` (its code `code`) is part of a word: a letter, a digit, a mark. */
function wordEdge(code: number, text: string, k: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 95;
  // Han, kana and Hangul, the scripts most names and titles here are in, without a regexp.
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af)) return true;
  return /[\p{L}\p{N}\p{M}]/u.test(text.charAt(k));
}

/** Whether `node` sits right inside a number: a digit right before it, a digit (or a point or comma and a digit) right after. */
function insideNumber(node: Node): boolean {
  // Invisible marks between the digits are no break (see NUMBER_MARKS).
  const before = (node.previousSibling?.textContent ?? '').replace(NUMBER_MARKS, '');
  const after = (node.nextSibling?.textContent ?? '').replace(NUMBER_MARKS, '');
  return endsInDigit(before) && /^[.,]?\d/.test(after);
}

/**
 * What the style sheet draws in an empty part of a number, before and after it (`content: "9"`, `content:
 * attr(data-c)`): its text, '' when nothing is drawn, U+FFFD when what is drawn cannot be known (a DOM that does not
 * compute generated content, a counter): money read from such a text is none (see parseMoney).
 */
function drawnText(el: Element): string {
  const view = el.ownerDocument.defaultView;
  if (!view) return '\ufffd';
  let out = '';
  for (const pseudo of ['::before', '::after']) {
    const content = view.getComputedStyle(el, pseudo).content;
    if (content === 'none' || content === 'normal') continue;
    if (!content) return '\ufffd';
    for (const part of content.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|attr\(\s*[\w-]+\s*\)|\S+/g) ?? []) {
      if (/^["']/.test(part)) out += part.slice(1, -1);
      else if (part.startsWith('attr(')) out += el.getAttribute(part.slice(5, -1).trim()) ?? '';
      else return '\ufffd';
    }
  }
  return out.trim();
}

/**
 * Whether `el`, an inline part right after a digit holding digits, draws them for no one to see: hidden, drawn at no
 * size, in no colour or fully transparent (a copy guard's decoy digit inside a number). Its style is looked up only
 * there: a number drawn in parts is rare.
 */
function hiddenDigits(el: Element): boolean {
  if (!INLINE_PARTS.has(el.localName) || !el.previousSibling || (el.previousSibling.nodeType === 3 && /\s$/.test(el.previousSibling.nodeValue ?? ''))) return false;
  return drawnUnseen(el);
}

/** Whether the page's styles draw `el` for no one to see: hidden, at no size, in no colour, fully transparent. */
export function drawnUnseen(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (!style) return false;
  return style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.fontSize) === 0 || style.opacity === '0' || /^(?:transparent|rgba\(.*,\s*0\))$/.test(style.color);
}

/**
 * Whether `next`, two digits, are the cents of the number `text` ends when
 * they are raised after it: "$47" + <sup>97</sup> shows $47.97, with no point.
 * The caller checks that `next` is a <sup>'s text.
 */
export function raisedCents(text: string, next: string): boolean {
  return next.length === 2 && isDigit(next.charCodeAt(0)) && isDigit(next.charCodeAt(1)) && isDigit(text.charCodeAt(text.length - 1));
}

/**
 * The decimal mark for cents raised after the number `text` ends: the
 * separator its whole units do not use ("R$ 1.234" + ⁵⁰ is R$ 1.234,50;
 * "$1,234" + ⁵⁰ is $1,234.50), a point when they use none.
 */
export function centsMark(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 46) return ',';
    if (c === 44) return '.';
    if (!isDigit(c)) break;
  }
  return '.';
}

/**
 * `text` and the next text node's `next` as the page shows them: one space
 * between, none inside a split number (see carriesNumber), a point before
 * raised cents (see raisedCents; `holder` is the element holding `next`).
 */
export function joinText(text: string, next: string, holder?: Node | null): string {
  if (!text) return next;
  return joinedNumber(text, next, holder) ?? `${text} ${next}`;
}

/**
 * `text` and `next` as one number when `next` carries on the number `text`
 * ends (see carriesNumber) or is its raised cents (see raisedCents; `holder`
 * is the element holding `next`), else undefined: the two are separate texts.
 */
export function joinedNumber(text: string, next: string, holder?: Node | null): string | undefined {
  if (holder && raisedCents(text, next) && (holder as Element).localName === 'sup') return text + centsMark(text) + next;
  return carriesNumber(text, next) ? text + next : undefined;
}

/**
 * Visible text with a space between text nodes, so adjacent blocks do not run
 * together: textContent turns <div>Cancelled</div><div>by system</div> into
 * "Cancelledby system" and "500ml</div><div>x2" into "500mlx2". A number
 * split over elements stays whole (see carriesNumber). `clean`: see
 * pageTextRoot.
 */
export function spacedText(node: Node | null | undefined, clean?: Element | null): string {
  if (!node) return '';
  if (node.nodeType === 3) return textOf(node);
  // A lone text node (most cells): its text is all there is.
  const only = node.firstChild;
  if (only && only.nodeType === 3 && !only.nextSibling) return node.nodeType === 1 && inSkipped(node as Element, clean) ? '' : textOf(only);
  // Text under a script, style, template or struck-through element is not page text: skip those
  // subtrees on the way down (one check per element, not an ancestor walk per text node).
  if (node.nodeType === 1 && inSkipped(node as Element, clean)) return '';
  let out = '';
  // Whether a hidden digit was left out right after `out`'s last digit (see hiddenDigits).
  let bridged = false;
  // One walk by hand: order cells are small, and a walker object per cell
  // (plus a query for scripts inside) cost more than the steps themselves.
  // Folding white space per text node gives the same text as folding the
  // joined whole.
  let at: Node | null = node.firstChild;
  while (at) {
    const type = at.nodeType;
    let value: string | undefined;
    // The element holding the text (for raised cents).
    let holder: Node | null = at;
    if (type === 3) {
      // Most text nodes between elements are white space only: trim first.
      value = (at.nodeValue as string).trim();
      holder = at.parentNode;
    } else if (type === 1) {
      const first = at.firstChild;
      // An empty part inside a number ("¥4<span class="d" data-c="9"></span>.00"): the style sheet may draw its digits.
      if (!first && endsInDigit(out) && INLINE_PARTS.has((at as Element).localName) && insideNumber(at)) {
        const drawn = drawnText(at as Element);
        if (drawn) {
          out += drawn;
          bridged = true;
        }
      }
      // A tooltip's words explain the cell ("改价记录：… ¥106.80 → ¥99.00"); they are not what it shows.
      // A drop-down shows its chosen option alone: the others list every status it could be set to.
      if (first && !SKIPPED_TEXT.has((at as Element).localName) && (at as Element).getAttribute('role') !== 'tooltip' && !addedTranslation(at as Element) && !unchosenOption(at as Element)) {
        // An element holding one text (most parts of a cell) is read without stepping into it and back. Its inline
        // style is looked at only when the text has a digit (a price before its discount): most texts are words.
        if (first.nodeType !== 3 || first.nextSibling) {
          if (!struckByStyle(at as Element)) {
            at = first;
            continue;
          }
        } else {
          value = (first.nodeValue as string).trim();
          if (value && mayBePrice(value) && struckByStyle(at as Element)) value = undefined;
          // A digit drawn inside a number and hidden ("¥1<i class="fz0">7</i>89.00", a copy guard's decoy): no part
          // of the number the person reads, which goes on after it.
          else if (value && endsInDigit(out) && isDigit(value.charCodeAt(0)) && hiddenDigits(at as Element)) {
            value = undefined;
            bridged = true;
          }
        }
      }
    }
    // Lone plain spaces fold to themselves: replace only when the text has other white space.
    if (value) {
      const text = foldSpaces(value);
      out = bridged && endsInDigit(out) && isDigit(text.charCodeAt(0)) ? out + text : joinText(out, text, holder);
      bridged = false;
    }
    let next: Node | null = at.nextSibling;
    while (!next && (at = at.parentNode) && at !== node) next = at.nextSibling;
    at = next;
  }
  return out;
}

/**
 * What `re.exec(scope.map(spacedText).join(' '))` gives, read from the start of
 * the scope's text when that start already decides it (the created time
 * usually sits in a card's head, next to the order number); undefined when
 * the whole text has to be searched.
 *
 * For `re` without lookaround, anchors, \b or back references whose matches
 * hold a character outside `valueChars` only in their first `labelMax`
 * characters (a label, then a value such as a date). Then a match found in
 * the start is the whole text's first match once a character outside
 * `valueChars` follows it in the start, at least `labelMax` characters after
 * its beginning: no match can run across that character (it would have to be
 * in a label, and every label that starts no later than this match ends
 * before it), so the text after it changes nothing.
 *
 * The start is built text node by text node (at most `maxNodes`) exactly as
 * spacedText builds it, stopping as soon as it decides.
 */
export function headMatch(scope: readonly Element[], re: RegExp, labelMax: number, valueChars: RegExp, maxNodes = 24): RegExpExecArray | null | undefined {
  if (re.global || re.sticky || !Number.isFinite(labelMax)) return undefined;
  const isValue = charTest(valueChars);
  let text = '';
  let nodes = 0;
  // The last character outside `valueChars` in the text the previous search
  // saw, and how far that text went: a match the next search can find that
  // the previous one could not runs past that text, so it holds that
  // character, and starts at most `labelMax` characters before it.
  let stop = -1;
  let searched = 0;
  for (let i = 0; i < scope.length; i++) {
    if (i > 0) text += ' ';
    const s = scope[i]!;
    // Under a script, style, template or struck-through element: spacedText gives ''.
    if (s.closest(SKIPPED_SELECTOR)) continue;
    let first = true;
    // Walked by hand, in document order (a walker object per order costs more than its few steps).
    let node: Node | null = s.firstChild;
    while (node) {
      const type = node.nodeType;
      if (type === 1) {
        // Text under a script, style, template or struck-through element inside would have to be skipped: search the whole text (rare).
        if (SKIPPED_TEXT.has((node as Element).localName)) return undefined;
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
      } else if (type === 3) {
        if (++nodes > maxNodes) return undefined;
        const value = (node.nodeValue as string).trim();
        if (value) {
          // As spacedText joins them: a number split over elements stays whole, raised cents follow a point.
          text = first ? text + foldSpaces(value) : joinText(text, foldSpaces(value), node.parentNode);
          first = false;
          const m = execFrom(re, text, stop < 0 ? 0 : Math.max(0, stop - labelMax + 1));
          if (m) for (let k = Math.max(m.index + m[0].length, m.index + labelMax); k < text.length; k++) if (!isValue(text, k)) return m;
          // From the end back: most texts end in a character outside the value's (a label, a name).
          for (let k = text.length - 1; k >= searched; k--) {
            if (!isValue(text, k)) {
              stop = k;
              break;
            }
          }
          searched = text.length;
        }
      }
      let next: Node | null = node.nextSibling;
      while (!next && (node = node.parentNode) && node !== s) next = node.nextSibling;
      node = next;
    }
  }
  // All of the text was read.
  return re.exec(text);
}

const charTables = new WeakMap<RegExp, Uint8Array>();
/**
 * `re.test(text.charAt(k))` for a one-character class `re`, remembered per
 * character code: a head's search tests every character of its texts, and a
 * table look-up costs a fraction of a regexp call.
 */
function charTest(re: RegExp): (text: string, k: number) => boolean {
  let table = charTables.get(re);
  if (!table) charTables.set(re, (table = new Uint8Array(0x10000)));
  const known = table;
  return (text, k) => {
    const code = text.charCodeAt(k);
    let seen = known[code]!;
    // 0: not asked yet; 1: in the class; 2: not.
    if (seen === 0) known[code] = seen = re.test(text.charAt(k)) ? 1 : 2;
    return seen === 1;
  };
}

const searchers = new WeakMap<RegExp, RegExp>();
/** re.exec(text) when no match starts before `from`: the search starts there. */
function execFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  if (from === 0) return re.exec(text);
  let searcher = searchers.get(re);
  if (!searcher) searchers.set(re, (searcher = new RegExp(re.source, `${re.flags}g`)));
  searcher.lastIndex = from;
  return searcher.exec(text);
}

/** The longest alternative of a label pattern written as (?:a|b|c)…: Infinity when it is not plain text. */
export function longestLabel(pattern: RegExp): number {
  const alts = /^\(\?:([^()[\]\\.*+?{}^$]*)\)/.exec(pattern.source)?.[1];
  return alts === undefined ? Infinity : Math.max(...alts.split('|').map((a) => a.length));
}
