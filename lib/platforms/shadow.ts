// Order lists drawn inside a shadow root. A micro-frontend that isolates its
// styles (qiankun's strictStyleIsolation, a web-component shell) mounts the
// whole app in an open shadow root on a host element: the page's own tree
// then holds no order number, no status word, no amount, and every reader
// would take the page for no order list at all.
//
// A shadow root's content is read as a document of its own (a view): its
// top element stands for the body, queries and walks stay inside the root.
// Only open roots can be reached (closed ones are the page's own business),
// and only pages whose own tree shows no order number are looked into, so
// an ordinary page pays nothing for this.

/** Elements of a shadow root that hold no content of their own. */
const FURNITURE = new Set(['STYLE', 'SCRIPT', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT']);

/** Called with each shadow root a read looks into (the content script watches it for changes). */
let onRoot: ((root: ShadowRoot) => void) | undefined;

/** `watch` is told of every shadow root a read looks into from now on; returns the undo. */
export function watchShadowRoots(watch: (root: ShadowRoot) => void): () => void {
  onRoot = watch;
  return () => {
    if (onRoot === watch) onRoot = undefined;
  };
}

/** The open shadow roots under `doc`'s tree, outermost first (those inside them are found by reading their views). */
function openRoots(doc: Document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const root = el.shadowRoot;
    if (root && root.mode === 'open') roots.push(root);
  }
  return roots;
}

/**
 * A shadow root's content seen as a document: `body` (and `documentElement`)
 * is its top element, queries and walks stay inside the root. Readers use no
 * more of a document than this.
 */
function viewOf(root: ShadowRoot, top: HTMLElement): Document {
  const owner = root.ownerDocument;
  const view = {
    body: top,
    documentElement: top,
    defaultView: owner.defaultView,
    querySelector: (selectors: string) => root.querySelector(selectors),
    querySelectorAll: (selectors: string) => root.querySelectorAll(selectors),
    getElementById: (id: string) => root.getElementById(id),
    createTreeWalker: (at: Node, show?: number, filter?: NodeFilter | null) => owner.createTreeWalker(at, show, filter),
  };
  return view as unknown as Document;
}

/**
 * The views of the open shadow roots under `doc` that may hold a page's
 * content: each top element of a root that holds text (a root's styles and
 * scripts hold none worth reading), in page order.
 */
export function shadowViews(doc: Document): Document[] {
  const views: Document[] = [];
  for (const root of openRoots(doc)) {
    // Watched even while it holds nothing yet: an app mounts first and draws its list later.
    onRoot?.(root);
    for (const top of root.children) {
      if (FURNITURE.has(top.tagName) || !top.textContent?.trim()) continue;
      views.push(viewOf(root, top as HTMLElement));
    }
  }
  return views;
}

/**
 * The document `el` is read in: its own, or, inside an open shadow root, the
 * view of that root that holds it (what readPage reads such a list in).
 */
export function documentOf(el: Element): Document {
  const root = el.getRootNode();
  // A document fragment with a host: a shadow root.
  if (root.nodeType !== 11 || !('host' in root)) return el.ownerDocument;
  let top: Element = el;
  while (top.parentElement) top = top.parentElement;
  return viewOf(root as ShadowRoot, top as HTMLElement);
}
