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

// A back-office built of web components (Lit, Stencil, a house design system) draws each order through components
// whose shadow roots hold the layout and the labels ("实收款", "Buyer"), with the order's own data in the light tree,
// assigned to named slots (`<span slot="buyer">`) in whatever order the shadow layout shows them. Neither tree alone
// is what the person sees: the light tree lacks the labels and may hold children no slot takes (a stale total the
// component never draws), a shadow root lacks the data. The composed view is the tree as drawn, copied into a
// document of its own: each shadow root's content in place of its host's children, each slot replaced by what is
// assigned to it (else its fallback content), nothing the page does not draw.

/**
 * Marks copies of a page as drawn (see composedView); what the page's style sheets say was settled while copying. A
 * symbol of the realm's registry, not a module's own set: the structural reader is a script of its own (see
 * structure/reader-host.ts), with its own copy of this module, and must know such a copy too.
 */
const COMPOSED = Symbol.for('payNudge.composedView');
type Marked = Document & { [COMPOSED]?: true };

/** Whether `doc` is a composed view: its elements have no layout of their own, and everything in it is drawn. */
export function isComposedView(doc: Document | null | undefined): boolean {
  return !!doc && (doc as Marked)[COMPOSED] === true;
}

/**
 * Whether the page assigns light-tree children to named slots of components with open shadow roots: the sign of a list
 * built of components. A `slot` attribute where no shadow root takes it (a framework's leftover) changes nothing drawn,
 * and such a page is read as it is, with its style sheets.
 */
export function hasSlottedComponents(doc: Document): boolean {
  if (isComposedView(doc) || !doc.body) return false;
  for (const el of doc.querySelectorAll('[slot]')) if (el.parentElement?.shadowRoot) return true;
  return false;
}

/** The shadow host whose tree holds a slot, and the one around it: where assigned nodes are drawn from. */
interface SlotScope {
  readonly host: Element;
  readonly outer: SlotScope | null;
}

/** The slot a light child is assigned to: its `slot` attribute, a text node's and an unnamed one's the default slot. */
function slotNameOf(node: Node): string {
  return node.nodeType === 1 ? (node as Element).getAttribute('slot') ?? '' : '';
}

/** Whether the page draws `el`: not `hidden`, and, where the page has a layout, rendered (an unassigned light child is not). */
function drawn(el: Element): boolean {
  if (el.hasAttribute('hidden')) return false;
  const html = el as HTMLElement;
  return typeof html.checkVisibility !== 'function' || !html.isConnected || !el.ownerDocument.defaultView || html.checkVisibility();
}

// Some lists show an order's data in read-only form fields: a nick or an order number in an `<input readonly>` the
// person can select and copy. Such a value is on screen, but it is no text node, and every reader reads text. The
// fields view is the composed view with each such field drawn as the text it shows. An editable field is not: its
// value is what someone is typing (a new price not yet submitted, a search), never the order's data.

/** Attributes of a field that say nothing about the text it shows (dropped when it is drawn as a span). */
const FIELD_ONLY = new Set(['value', 'type', 'readonly', 'disabled', 'name', 'placeholder', 'size', 'tabindex', 'autocomplete']);

/** Input types whose value is drawn as text. */
const TEXT_FIELD = new Set(['', 'text', 'number', 'tel', 'email', 'url']);

/**
 * The value a read-only (or disabled) text field shows, trimmed; null for any other element, an editable field, an
 * empty one, or one hidden from assistive technology (a copy helper that repeats text shown beside it).
 */
export function shownFieldValue(el: Element): string | null {
  const name = el.localName;
  if (name !== 'input' && name !== 'textarea') return null;
  if (!el.hasAttribute('readonly') && !el.hasAttribute('disabled')) return null;
  if (name === 'input' && !TEXT_FIELD.has((el.getAttribute('type') ?? '').toLowerCase())) return null;
  if (el.getAttribute('aria-hidden') === 'true') return null;
  const value = (el as HTMLInputElement | HTMLTextAreaElement).value.trim();
  return value === '' ? null : value;
}

/**
 * The read-only fields of `doc` that show an order's data (see shownFieldValue), in page order: not a filter's
 * (a date picker's "2026-11-29 00:00:00 ~ 2026-12-06", a drop-down drawn as a box showing "近7天" or "全部"), which
 * hold no order's data and would only have a short read read twice.
 */
export function shownFields(doc: Document): Element[] {
  if (!doc.body || isComposedView(doc)) return [];
  return [...doc.body.querySelectorAll('input[readonly], input[disabled], textarea[readonly], textarea[disabled]')].filter((el) => {
    const value = shownFieldValue(el);
    return value !== null && !FILTER_VALUE.test(value);
  });
}
// A date (with its time) or a range of two; a filter's choice of a period or of everything. Only a date's shape: an
// order number of digits and a dash ("261206-773412090586134") is an order's data.
const FILTER_DATE = String.raw`(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`;
const FILTER_VALUE = new RegExp(String.raw`^${FILTER_DATE}(?:\s*(?:~|～|至|–|—|-|to)\s*${FILTER_DATE})?$|` + String.raw`^(?:近|最近|过去|過去)\s*\d*\s*(?:天|日|个?月|個?月|年|小时|小時)$|^(?:全部|所有|all|semua|todos?|tất\s*cả|ทั้งหมด|すべて|전체|все)$`, 'i');

/**
 * The page as drawn through its components' shadow roots and slots, as a document of its own (see above). With
 * `fields`, each read-only field that shows a value is drawn as a `span` holding that value (see shownFieldValue).
 */
export function composedView(doc: Document, { fields = false } = {}): Document | null {
  if (!doc.body) return null;
  // A shadow root's view (see viewOf) is copied from its top element, whose slots draw from the root's host.
  const owner = doc.body.ownerDocument;
  const root = doc.body.getRootNode();
  const top: SlotScope | null = root.nodeType === 11 && 'host' in root ? { host: (root as ShadowRoot).host, outer: null } : null;
  const out = owner.implementation.createHTMLDocument('');
  (out as Marked)[COMPOSED] = true;
  const copy = (node: Node, scope: SlotScope | null, into: Node): void => {
    if (node.nodeType === 3) {
      into.appendChild(out.createTextNode(node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (FURNITURE.has(el.tagName)) return;
    if (el.localName === 'slot' && scope) {
      const name = el.getAttribute('name') ?? '';
      let assigned = false;
      for (let child = scope.host.firstChild; child; child = child.nextSibling) {
        if (slotNameOf(child) !== name || (child.nodeType !== 1 && child.nodeType !== 3)) continue;
        assigned = true;
        copy(child, scope.outer, into);
      }
      // Nothing assigned: the slot draws its fallback content.
      if (!assigned) for (let child = el.firstChild; child; child = child.nextSibling) copy(child, scope, into);
      return;
    }
    if (!drawn(el)) return;
    const value = fields ? shownFieldValue(el) : null;
    if (value !== null) {
      const span = out.createElement('span');
      for (const attr of el.attributes) if (!FIELD_ONLY.has(attr.name)) span.setAttribute(attr.name, attr.value);
      // A text area draws its lines one under another ("Jasmine Carter" over "@jazzy.carter"): a line a block.
      if (el.localName === 'textarea') {
        for (const line of value.split('\n')) if (line.trim()) span.appendChild(out.createElement('div')).textContent = line.trim();
      } else span.textContent = value;
      into.appendChild(span);
      return;
    }
    const clone = out.importNode(el, false);
    into.appendChild(clone);
    const root = el.shadowRoot;
    if (root && root.mode === 'open') {
      onRoot?.(root);
      const inner: SlotScope = { host: el, outer: scope };
      for (let child = root.firstChild; child; child = child.nextSibling) copy(child, inner, clone);
      return;
    }
    for (let child = el.firstChild; child; child = child.nextSibling) copy(child, scope, clone);
  };
  for (let child = doc.body.firstChild; child; child = child.nextSibling) copy(child, top, out.body);
  return out;
}
