// Characters NFKC leaves alone: ASCII with its white space, ¥ £ € ₫ ₽,
// Cyrillic and the CJK ideographs. Most seller-page text is made only of them.
const NFKC_STABLE_RE = /^[\t-\r\x20-\x7e\u00a3\u00a5\u20ab\u20ac\u20bd\u0400-\u04ff\u4e00-\u9fff]*$/;

/**
 * `text` in NFKC (full-width digits and "￥" folded, no-break spaces made
 * plain), skipping the normalize() pass for text it would not change.
 */
export function nfkc(text: string): string {
  return NFKC_STABLE_RE.test(text) ? text : text.normalize('NFKC');
}
