// Page text as a person sees it: spaced between blocks, and searched from
// the start of an order block when the start decides.
import { foldSpaces, textOf } from './types';

const SKIPPED_TEXT = new Set(['script', 'style', 'template']);

/**
 * Visible text with a space between text nodes, so adjacent blocks do not run
 * together: textContent turns <div>Cancelled</div><div>by system</div> into
 * "Cancelledby system" and "500ml</div><div>x2" into "500mlx2". (Added for
 * the PDD and Shopee adapters.)
 */
export function spacedText(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === 3) return textOf(node);
  // A lone text node (most cells): its text is all there is.
  const only = node.firstChild;
  if (only && only.nodeType === 3 && !only.nextSibling) return node.nodeType === 1 && (node as Element).closest('script,style,template') ? '' : textOf(only);
  // Text under a script, style or template is not page text: skip those
  // subtrees on the way down (one check per element, not an ancestor walk per text node).
  if (node.nodeType === 1 && (node as Element).closest('script,style,template')) return '';
  const parts: string[] = [];
  // Nearly always there is none of them inside: then every text node counts, walked natively.
  if (!(node as ParentNode).querySelector?.('script,style,template')) {
    const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    // Folding white space per text node gives the same text as folding the
    // joined whole.
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      // Most text nodes between elements are white space only: trim first.
      const value = t.nodeValue?.trim();
      // Lone plain spaces fold to themselves: replace only when the text has other white space.
      if (value) parts.push(foldSpaces(value));
    }
    return parts.join(' ');
  }
  let at: Node | null = node.firstChild;
  while (at) {
    if (at.nodeType === 3) {
      if (at.nodeValue) parts.push(at.nodeValue);
    } else if (at.nodeType === 1 && !SKIPPED_TEXT.has((at as Element).localName) && at.firstChild) {
      at = at.firstChild;
      continue;
    }
    while (at && at !== node && !at.nextSibling) at = at.parentNode;
    at = at && at !== node ? at.nextSibling : null;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
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
  let text = '';
  let nodes = 0;
  for (let i = 0; i < scope.length; i++) {
    if (i > 0) text += ' ';
    const s = scope[i]!;
    // Under a script, style or template: spacedText gives ''.
    if (s.closest('script,style,template')) continue;
    let first = true;
    const walker = s.ownerDocument.createTreeWalker(s, 5 /* NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text under a script, style or template inside would have to be skipped: search the whole text (rare).
      if (node.nodeType === 1) {
        if (SKIPPED_TEXT.has((node as Element).localName)) return undefined;
        continue;
      }
      if (++nodes > maxNodes) return undefined;
      const value = node.nodeValue?.trim();
      if (!value) continue;
      if (!first) text += ' ';
      first = false;
      text += foldSpaces(value);
      const m = re.exec(text);
      if (!m) continue;
      for (let k = Math.max(m.index + m[0].length, m.index + labelMax); k < text.length; k++) if (!valueChars.test(text.charAt(k))) return m;
    }
  }
  // All of the text was read.
  return re.exec(text);
}

/** The longest alternative of a label pattern written as (?:a|b|c)…: Infinity when it is not plain text. */
export function longestLabel(pattern: RegExp): number {
  const alts = /^\(\?:([^()[\]\\.*+?{}^$]*)\)/.exec(pattern.source)?.[1];
  return alts === undefined ? Infinity : Math.max(...alts.split('|').map((a) => a.length));
}
