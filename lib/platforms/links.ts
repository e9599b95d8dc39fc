// Links as order pages carry them (chat, detail): resolved the way the
// browser would, without parsing the many that are already in that form.

// An absolute https address the URL parser gives back unchanged: a lower-case
// host name of letters, digits and dashes (no punycode label to check, no
// IPv4 numbers: its last label starts with a letter), a path, and only
// characters no part of an address percent-encodes or rewrites.
const PLAIN_HTTPS = /^https:\/\/(?:(?!xn--)[a-z0-9-]+\.)+(?!xn--)[a-z][a-z0-9-]*\/[\w\-.~!$&()*+,;=:@/?#%]*$/;
// Dot segments ("/./", "/../", also percent-encoded) are removed from a path by the parser.
// The origin of an https address, as written (PLAIN_HTTPS checks the joined address's form).
const HTTPS_ORIGIN = /^https:\/\/[^/?#\\]+/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)|%2e/i;

/** `href` resolved against `base` when it is an https address, else undefined (what new URL(href, base).href gives, checked for https). */
export function httpsLink(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  if (PLAIN_HTTPS.test(href) && !DOT_SEGMENT.test(href)) return href;
  // A path from the site's root ("/chat-merchant/index.html#/?orderSn=…", one a row): the page's origin before it,
  // when that makes a plain address (no parser call per row).
  if (href.charCodeAt(0) === 47 && href.charCodeAt(1) !== 47 && !DOT_SEGMENT.test(href)) {
    const joined = (HTTPS_ORIGIN.exec(base)?.[0] ?? '') + href;
    if (PLAIN_HTTPS.test(joined)) return joined;
  }
  try {
    const resolved = new URL(href, base).href;
    return resolved.startsWith('https://') ? resolved : undefined;
  } catch {
    return undefined;
  }
}
