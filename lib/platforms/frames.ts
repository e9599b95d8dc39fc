// The documents of a page: the top one and its same-origin frames (the
// Qianniu workbench shows its lists inside one).

/** The document and every same-origin iframe document under it (cross-origin frames are skipped). */
export function documentsOf(doc: Document): Document[] {
  const docs = [doc];
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.documentElement) docs.push(...documentsOf(inner));
    } catch {
      // Cross-origin: not ours to read.
    }
  }
  return docs;
}

/**
 * The first non-null `read` of the document, else of its same-origin frames
 * (depth first, in page order). The top document is read before any frame is
 * looked for, so a page without frames pays nothing for them.
 */
export function firstInFrames<T>(doc: Document, read: (d: Document) => T | null): T | null {
  const own = read(doc);
  if (own !== null) return own;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      // Cross-origin: not ours to read.
    }
    if (!inner?.documentElement) continue;
    const found = firstInFrames(inner, read);
    if (found !== null) return found;
  }
  return null;
}
