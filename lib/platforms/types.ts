import type { BuyerRef, PageRead, Platform } from '../orders/model';

/**
 * What PayNudge needs from one marketplace's seller pages. Adapters only
 * read the DOM the person already sees; they never click, fetch or send.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** Version of the selector set, shown when a page stops being readable. */
  selectorsVersion: string;
  /** Reads the order list, or null when this page holds no order list. */
  readOrders(doc: Document, url: string, now: number): PageRead | null;
  /** The buyer of the conversation open on a chat page. */
  chatBuyer(doc: Document): BuyerRef | undefined;
  /** The platform's own chat composer, when the page has one. */
  findComposer(doc: Document): HTMLElement | null;
}

/** First element matching any selector, in order of preference. */
export function queryFirst<E extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const selector of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** All elements matching the first selector that matches anything. */
export function queryAllFirst<E extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): E[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * Invisible marks: zero-width spaces some pages put inside long numbers so
 * they wrap, soft hyphens in long titles and names, direction marks and the
 * embedding, override and isolate controls pages put around names and
 * amounts beside right-to-left text (`<bdi>`'s text as copied). No part of
 * what the person reads. Not the joiners: emoji sequences and Arabic,
 * Persian and Indic words need them (see foldSpaces).
 */
export const INVISIBLE_MARKS = /[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c]/g;
/**
 * What numbers are read without: the invisible marks and the joiners (no number joins its digits). Not the soft
 * hyphen, which no number holds: with it, a test of a text of Latin-1 characters only (most texts) would have to scan
 * it instead of failing at once (numberText's test took 4 % of a Pinduoduo read).
 */
export const NUMBER_MARKS = /[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c]/g;
/** Whether a text holds one of NUMBER_MARKS. */
export const HAS_NUMBER_MARK = new RegExp(NUMBER_MARKS.source);
/** Whether a character code is one of NUMBER_MARKS (for loops over a text's codes). */
export function invisibleMark(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    code === 0x2060 ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    code === 0x061c
  );
}

// The joiners (see strayJoiner), and letters that scripts joining their letters write them beside: Arabic, Syriac,
// Thaana, the Indic scripts, Myanmar, Khmer.
const JOINERS = /[\u200c\u200d]/g;
const JOINING_LETTER = /[\u0600-\u08ff\u0900-\u0dff\u1000-\u109f\u1780-\u17ff]/;
// Alternatives, not one character class: Chromium 156's V8 matches no character outside the BMP with a class of
// property escapes that has more pattern after it ("[\p{Extended_Pictographic}]$" fails on "🧑"; Node's V8 does), so
// a joiner inside "🧑‍🍳" was dropped in the browser alone (a page written blind, batch 42).
const EMOJI_BEFORE = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f)$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/** A joiner as `text` holds it at `at`: kept inside an emoji sequence ("👩🏽‍💻") or a word of a joining script, else nothing ("阿珍‍的小店"). */
function strayJoiner(joiner: string, at: number, text: string): string {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(at + 1, at + 3);
  if (EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after)) return joiner;
  return JOINING_LETTER.test(before.slice(-1)) || JOINING_LETTER.test(after.charAt(0)) ? joiner : '';
}

// A right-to-left override and the text it draws, up to its end: left-to-right letters under it are drawn reversed
// ("\u202eiam.aoh\u202c" shows "hoa.mai"); right-to-left ones as they would be anyway.
const OVERRIDE = /\u202e([^\u202a-\u202e]*)(?:\u202c|$)/g;
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
// Letters written decomposed, a letter then its marks (Vietnamese typed on some keyboards, Korean as conjoining
// jamo): composed, as the same name typed elsewhere is.
const DECOMPOSED = /[\u0300-\u036f\u1100-\u11ff]/;

// Digits of other number systems, written as plain ones by every reader: full-width ("￥１３０.００", "２天２０小时",
// typed by Chinese and Japanese input methods) and Arabic-Indic ("١٬٢٤٥٫٠٠ ر.س", Arabic UIs; Persian's too).
const OTHER_DIGIT_RANGES = String.raw`\uff10-\uff19\u0660-\u0669\u06f0-\u06f9`;
const OTHER_DIGITS = new RegExp(`[${OTHER_DIGIT_RANGES}]`, 'g');
/** A digit, plain or of another number system (see foldSpaces). */
export const ANY_DIGIT = new RegExp(`[\\d${OTHER_DIGIT_RANGES}]`);
// A full-width point or comma inside a number once its digits are plain ("２７４．００", "１，０４８"); a point at the end
// of a text whose cents come next in a smaller element ("￥２７４．" "００"); the Arabic decimal and thousands marks.
const OTHER_MARK = /(?<=\d)(?:[．，\u066b\u066c](?=\d)|[．\u066b]$)/g;
// White space that folding changes: a run of two or more, or any but a plain space; an invisible mark; a digit of
// another number system.
const NEEDS_FOLD = new RegExp(String.raw`\s\s|[^\S ]|` + NUMBER_MARKS.source.slice(0, -1) + '\\u00ad' + DECOMPOSED.source.slice(1, -1) + OTHER_DIGIT_RANGES + ']');

/** The plain digit for a digit of OTHER_DIGITS. */
function plainDigit(d: string): string {
  const c = d.charCodeAt(0);
  return String.fromCharCode(48 + (c >= 0xff10 ? c - 0xff10 : c >= 0x06f0 ? c - 0x06f0 : c - 0x0660));
}

/**
 * `text` with every run of white space folded to one space, invisible marks taken out and digits of other number
 * systems written as plain ones (with the point or comma between them), as every reader expects a number; the regex
 * replaces only when that changes something.
 */
export function foldSpaces(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  let folded = text.includes('\u202e') ? text.replace(OVERRIDE, (_m, drawn: string) => (RIGHT_TO_LEFT.test(drawn) ? drawn : [...drawn].reverse().join(''))) : text;
  folded = folded.replace(INVISIBLE_MARKS, '').replace(/\s+/g, ' ');
  if (folded.includes('\u200c') || folded.includes('\u200d')) folded = folded.replace(JOINERS, strayJoiner);
  if (DECOMPOSED.test(folded)) folded = folded.normalize('NFC');
  OTHER_DIGITS.lastIndex = 0;
  if (!OTHER_DIGITS.test(folded)) return folded;
  return folded.replace(OTHER_DIGITS, plainDigit).replace(OTHER_MARK, (m) => (m === '．' || m === '\u066b' ? '.' : ','));
}

/** Visible text of a node with runs of white space folded. */
export function textOf(node: Node | null | undefined): string {
  return foldSpaces(node?.textContent ?? '').trim();
}

/** Whether `el` holds a word of text itself, outside its child elements. */
function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return true;
  return false;
}

/** `el` through lone wrappers (one child element and no text of its own) to what holds its lines. */
export function throughWrappers(el: Element): Element {
  let lines = el;
  while (lines.childElementCount === 1 && !hasOwnText(lines)) lines = lines.firstElementChild!;
  return lines;
}
