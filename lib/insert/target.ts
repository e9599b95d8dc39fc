// Finding the composer to fill: the one the person chose, else the one the
// platform adapter knows, else the most composer-like box on the page —
// looking inside same-origin iframes too, where some chat widgets live.
import { editableRoot, isTextField } from './kind';

export type TargetSource = 'focus' | 'adapter' | 'heuristic';

export interface Target {
  el: HTMLElement;
  source: TargetSource;
}

/** Whether an element can take typed text at all. */
export function isComposer(el: Element | null | undefined): el is HTMLElement {
  if (!el) return false;
  if (isTextField(el)) return !el.disabled && !el.readOnly;
  return (el as HTMLElement).isContentEditable === true;
}

const SEARCH_WORDS = /search|query|keyword|filter|搜索|搜尋|查找|查询|查詢|筛选|篩選|buscar|pesquis|поиск|検索/i;
const SEND_WORDS = /^(发送|發送|send|enviar|отправить|送信|gửi|kirim|ส่ง|envoyer|senden|invia)\b|发送|發送|^send$/i;

/** A search box, by its type, role or any of its labels: never a chat composer. */
export function isSearchBox(el: HTMLElement): boolean {
  if ((el as HTMLInputElement).type === 'search' || el.getAttribute('role') === 'searchbox') return true;
  if (el.closest('[role="search"], form[action*="search"]')) return true;
  const labels = [
    el.id,
    el.className && typeof el.className === 'string' ? el.className : '',
    el.getAttribute('name'),
    el.getAttribute('placeholder'),
    el.getAttribute('aria-label'),
    el.getAttribute('title'),
    el.getAttribute('data-placeholder'),
  ];
  return labels.some((label) => !!label && SEARCH_WORDS.test(label));
}

function area(el: Element): number {
  const rect = el.getBoundingClientRect();
  return Math.max(0, rect.width) * Math.max(0, rect.height);
}

/** Shown to the person: laid out with a size, not hidden by an ancestor's style or attribute. */
export function isVisible(el: HTMLElement): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win || !el.isConnected) return false;
  if (area(el) === 0) return false;
  for (let node: HTMLElement | null = el; node; node = node.parentElement) {
    if (node.hidden || node.getAttribute('aria-hidden') === 'true') return false;
    const style = win.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (node !== el && Number.parseFloat(style.opacity) === 0) return false;
  }
  if (el.style.opacity === '0') return false;
  return true;
}

/** A document reachable from the top one, with the iframe element holding it (none for the top). */
interface Reached {
  doc: Document;
  frame: Element | null;
}

/** `doc` and every same-origin iframe document inside it, depth first. Cross-origin frames throw and are skipped. */
function reachable(doc: Document, frame: Element | null = null, depth = 3): Reached[] {
  const found: Reached[] = [{ doc, frame }];
  if (depth === 0) return found;
  for (const el of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (el as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.body) found.push(...reachable(inner, el, depth - 1));
  }
  return found;
}

/** Documents reachable from `doc`: itself and every same-origin iframe's. */
export function reachableDocuments(doc: Document): Document[] {
  return reachable(doc).map((r) => r.doc);
}

/** A send button by its words, or an icon button by its class or id ("send-btn", "im-send"). */
function isSendButton(el: Element): boolean {
  // An input's or button's value is its words; an <li>'s, <progress>'s or <meter>'s value is a number.
  const value = (el as HTMLInputElement).value;
  const label = [el.textContent, el.getAttribute('aria-label'), el.getAttribute('title'), typeof value === 'string' ? value : '']
    .map((s) => (s ?? '').trim())
    .find((s) => s.length > 0 && s.length <= 20);
  if (label && SEND_WORDS.test(label)) return true;
  const names = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  return /(^|[-_\s])send([-_\s]|btn|button|$)/i.test(names);
}

/**
 * A send button next to the composer: in the nearest few ancestors, climbing
 * only while the container holds no other composer (else a page-wide
 * container would make every box "next to" the one send button). A composer
 * in an iframe climbs on from the iframe element: its send button is usually
 * in the parent page.
 */
function nearSendButton(el: HTMLElement, frames: ReadonlyMap<Document, Element | null>): boolean {
  let node: Element | null = el.parentElement;
  for (let level = 0; level < 5; level += 1) {
    if (!node || node === node.ownerDocument.documentElement) {
      // Out of this frame's document: go on from the iframe element in the parent page.
      const frame = frames.get((node ?? el).ownerDocument);
      if (!frame) return false;
      node = frame.parentElement;
      continue;
    }
    const container = node;
    const others = [...container.querySelectorAll(CANDIDATES)].filter((other) => other !== el && !el.contains(other) && !other.contains(el) && isComposer(other));
    if (others.length > 0) return false;
    for (const button of container.querySelectorAll('button, [role="button"], input[type="submit"], input[type="button"], a')) {
      if (isSendButton(button)) return true;
    }
    node = container.parentElement;
  }
  return false;
}

const CANDIDATES = 'textarea, input, [contenteditable], [role="textbox"]';

/** Composer-like elements of a document, each once (editable roots, not their inner paragraphs). */
function candidates(doc: Document): HTMLElement[] {
  const found = new Set<HTMLElement>();
  for (const node of doc.querySelectorAll<HTMLElement>(CANDIDATES)) {
    let el: HTMLElement | null = node;
    // role="textbox" on a wrapper: the editable inside it is the composer.
    if (!isComposer(el)) el = node.querySelector<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""]');
    if (!el || !isComposer(el)) continue;
    found.add(isTextField(el) ? el : editableRoot(el));
  }
  return [...found];
}

/**
 * The most composer-like visible box in `doc` and its same-origin iframes.
 * Only a box with its own send button counts: a memo or note field without
 * one is not a chat, and filling it would be worse than copying. Search
 * boxes, hidden, disabled and read-only fields never count. Among the rest:
 * multi-line over single-line, then the largest, then the lowest on screen
 * (chat composers sit at the bottom).
 */
export function findComposerHeuristic(doc: Document): HTMLElement | null {
  let best: { el: HTMLElement; score: number[] } | null = null;
  const docs = reachable(doc);
  const frames = new Map(docs.map((r) => [r.doc, r.frame] as const));
  for (const { doc: d } of docs) {
    for (const el of candidates(d)) {
      if (!isVisible(el) || isSearchBox(el)) continue;
      if (!nearSendButton(el, frames)) continue;
      const singleLine = el.tagName === 'INPUT';
      const rect = el.getBoundingClientRect();
      const score = [singleLine ? 0 : 1, Math.round(area(el)), Math.round(rect.bottom)];
      if (!best || compare(score, best.score) > 0) best = { el, score };
    }
  }
  return best?.el ?? null;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The composer to fill, in this order:
 * 1. the composer the person last focused on this tab — they chose it (a
 *    second chat, a note field the adapter does not know), so it beats any
 *    guess (CONTRACT.md: "the composer last focused by the person there");
 * 2. the platform adapter's known chat box;
 * 3. the heuristic search above.
 * Each must still be in the page and able to take text.
 */
export function findTarget(doc: Document, opts: { lastFocused?: HTMLElement | null; adapterComposer?: HTMLElement | null }): Target | null {
  const focused = opts.lastFocused;
  if (focused?.isConnected && isComposer(focused)) return { el: isTextField(focused) ? focused : editableRoot(focused), source: 'focus' };
  const known = opts.adapterComposer;
  if (known?.isConnected && isComposer(known)) return { el: isTextField(known) ? known : editableRoot(known), source: 'adapter' };
  const found = findComposerHeuristic(doc);
  return found ? { el: found, source: 'heuristic' } : null;
}

/**
 * Remembers the composer the person focuses, in `doc` and in its same-origin
 * iframes (focus events do not cross a frame boundary, so each frame's
 * document gets its own listener, also for frames loaded later).
 * Returns a function that stops listening.
 */
export function trackFocusedComposer(doc: Document, onFocus: (el: HTMLElement) => void): () => void {
  const watched = new Set<Document>();
  const stops: (() => void)[] = [];
  const onFocusIn = (event: Event) => {
    // Inside an open shadow root (an app mounted in one) the event's target is the root's host: the path starts at the composer.
    const first = event.composedPath()[0] as Node | undefined;
    const el = (first?.nodeType === 1 ? first : event.target) as Element | null;
    if (isComposer(el)) onFocus(el);
  };
  const watch = (d: Document) => {
    if (watched.has(d)) return;
    watched.add(d);
    d.addEventListener('focusin', onFocusIn, true);
    stops.push(() => d.removeEventListener('focusin', onFocusIn, true));
  };
  const watchAll = () => reachableDocuments(doc).forEach(watch);
  // An iframe's load does not bubble, but a capturing listener on the parent document sees it.
  const onLoad = (event: Event) => {
    if ((event.target as Element | null)?.tagName === 'IFRAME') watchAll();
  };
  doc.addEventListener('load', onLoad, true);
  stops.push(() => doc.removeEventListener('load', onLoad, true));
  watchAll();
  return () => stops.forEach((stop) => stop());
}
