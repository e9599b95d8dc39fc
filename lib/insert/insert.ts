// Puts text into a chat composer the way typing or pasting would, so the
// page's own editor (React, Vue, Lexical, Slate, Quill, ProseMirror, Draft…)
// takes it into its model. Never presses Enter, never clicks send.
//
// The content script runs in an isolated world: the events dispatched here
// reach the page's editor, but its JS objects do not reach us. So every
// route is judged by reading the composer again from the DOM, and the chain
// stops at the first change: text is never inserted twice.
// Routes per editor follow shared/INSERTION.md (what each editor honours).
import { detectEditorKind, editableRoot, isTextField, type EditorKind } from './kind';

export { detectEditorKind, type EditorKind } from './kind';
export { findTarget, findComposerHeuristic, isComposer, trackFocusedComposer, type Target } from './target';

export interface InsertResult {
  inserted: boolean;
  /** The route that landed (or the last one tried): 'native-setter', 'paste', 'beforeinput', 'execCommand', or why nothing ran. */
  method: string;
}

type Route = 'native-setter' | 'paste' | 'beforeinput' | 'execCommand';
type TextField = HTMLTextAreaElement | HTMLInputElement;

/**
 * Most specific route first; execCommand last, and not where it does harm
 * (Draft crashes, Lexical drops the line break, Slate changes the DOM but not
 * its model). Lexical takes paste first: a synthetic `beforeinput` insertText
 * at a collapsed caret is left to the browser's default action by Lexical,
 * which a script's event does not have, so the first line would be lost
 * (measured on Lexical 0.52); its paste handler takes the whole text at once.
 */
export const ROUTES_BY_KIND: Record<EditorKind, readonly Route[]> = {
  textarea: ['native-setter', 'execCommand'],
  input: ['native-setter', 'execCommand'],
  lexical: ['paste', 'beforeinput'],
  slate: ['beforeinput', 'paste'],
  draft: ['paste'],
  quill: ['paste', 'execCommand'],
  prosemirror: ['paste', 'execCommand'],
  ckeditor: ['paste', 'beforeinput'],
  contenteditable: ['paste', 'execCommand'],
};

/** How long a route an editor took (it cancelled our event) may take to show in the DOM: editors re-render after a task or a frame. */
const SETTLE_MS = 300;
/** How long to watch after an event nobody cancelled: no editor claimed it, so the next route need not wait long. */
const UNCLAIMED_MS = 60;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---- reading a composer back -------------------------------------------------

/** What the composer shows, with line breaks as single "\n" and nbsp as spaces. */
export function composerText(el: HTMLElement): string {
  const raw = isTextField(el) ? el.value : (el.innerText ?? el.textContent ?? '');
  return normalise(raw);
}

function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u200b\ufeff]/g, (c) => (c === '\u00a0' ? ' ' : ''))
    .replace(/[ \t]*\n[\s]*/g, '\n')
    .replace(/^\n+|\n+$/g, '');
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** Whether `text` (with its line breaks) appears once more than before. */
function landed(before: string, after: string, text: string): boolean {
  const piece = normalise(text);
  return occurrences(after, piece) > occurrences(before, piece);
}

/** Waits until the composer's text differs from `before`, or SETTLE_MS pass. */
async function settle(el: HTMLElement, before: string, claimed: boolean): Promise<string> {
  const deadline = Date.now() + (claimed ? SETTLE_MS : UNCLAIMED_MS);
  for (;;) {
    const now = composerText(el);
    if (now !== before) {
      // Let the editor finish this render (a second paragraph may follow the first).
      await sleep(30);
      return composerText(el);
    }
    if (Date.now() >= deadline) return now;
    await sleep(15);
  }
}

// ---- native text fields ------------------------------------------------------

/**
 * React and Vue track a field's value through its prototype setter; setting
 * `el.value` directly is swallowed by React's value tracker. Calling the
 * prototype's own setter and then firing `input` is what a keystroke does.
 */
function setNativeValue(el: TextField, value: string): void {
  const win = el.ownerDocument.defaultView!;
  const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

/** A single-line input cannot hold line breaks: keep the words together. */
function fieldPiece(el: TextField, text: string): string {
  return el.tagName === 'INPUT' ? text.replace(/\s*\n+\s*/g, ' ') : text;
}

function nativeSetter(el: TextField, text: string): void {
  const before = el.value;
  const start = el.selectionStart ?? before.length;
  const end = el.selectionEnd ?? before.length;
  const piece = fieldPiece(el, text);
  el.focus();
  setNativeValue(el, before.slice(0, start) + piece + before.slice(end));
  const caret = start + piece.length;
  el.setSelectionRange?.(caret, caret);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: piece }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

// ---- caret in a contenteditable ----------------------------------------------

function selectionOf(el: HTMLElement): Selection | null {
  return el.ownerDocument.defaultView?.getSelection() ?? null;
}

function caretInside(el: HTMLElement): boolean {
  const sel = selectionOf(el);
  return !!sel && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).startContainer);
}

/** The deepest last text position in `el`, so a caret placed there extends the last line. */
function endPoint(el: HTMLElement): [Node, number] {
  let node: Node = el;
  while (node.lastChild && !(node.lastChild.nodeType === Node.ELEMENT_NODE && (node.lastChild as Element).tagName === 'BR')) node = node.lastChild;
  if (node.nodeType === Node.TEXT_NODE) return [node, (node.textContent ?? '').length];
  return [node, node.childNodes.length];
}

/**
 * Focuses the editor keeping the person's caret; with no caret inside it,
 * places one at the end. Editors sync their selection from the DOM on
 * `selectionchange`, which fires after a task: wait for it.
 */
async function focusWithCaret(el: HTMLElement): Promise<void> {
  const sel = selectionOf(el);
  const saved = sel && caretInside(el) ? sel.getRangeAt(0).cloneRange() : null;
  if (el.ownerDocument.activeElement !== el) el.focus({ preventScroll: true });
  if (!sel) return;
  if (saved) {
    if (!caretInside(el) || !sameRange(sel.getRangeAt(0), saved)) {
      sel.removeAllRanges();
      sel.addRange(saved);
    }
  } else {
    // No caret of the person's here: focusing put one at the start; what they typed comes first, so go to the end.
    const range = el.ownerDocument.createRange();
    const [node, offset] = endPoint(el);
    range.setStart(node, offset);
    range.collapse(true);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  await sleep(20);
}

function sameRange(a: Range, b: Range): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;
}

// ---- routes for contenteditable editors --------------------------------------

/** A paste of plain text; true when an editor took it (cancelled the event). */
function paste(el: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const target = selectionTarget(el);
  return !target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

/** Where a keystroke's events would start: the element holding the caret (editors listen on their root; events bubble to it). */
function selectionTarget(el: HTMLElement): HTMLElement {
  const sel = selectionOf(el);
  const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null;
  const holder = node && (node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement);
  return holder && el.contains(holder) ? holder : el;
}

/**
 * One editing step as the browser announces it. An editor that handles the
 * step itself cancels `beforeinput`; one that leaves it to the browser (Lexical
 * does for plain typing at a collapsed caret) then gets the `input` event the
 * browser would send next, carrying the same data.
 */
function beforeInput(el: HTMLElement, inputType: string, data: string | null): boolean {
  const target = selectionTarget(el);
  const init = { inputType, data, bubbles: true, composed: true };
  const handled = !target.dispatchEvent(new InputEvent('beforeinput', { ...init, cancelable: true }));
  if (!handled) target.dispatchEvent(new InputEvent('input', init));
  return handled;
}

/** Line by line: `insertText` for each line, `insertLineBreak` between them — never Enter, which sends in most chats. */
async function beforeInputLines(el: HTMLElement, text: string): Promise<boolean> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let claimed = false;
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      claimed = beforeInput(el, 'insertLineBreak', null) || claimed;
      await sleep(0);
    }
    if (line) {
      claimed = beforeInput(el, 'insertText', line) || claimed;
      await sleep(0);
    }
  }
  return claimed;
}

function execCommandLines(el: HTMLElement, text: string): void {
  const doc = el.ownerDocument;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, line] of lines.entries()) {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still the one route every contenteditable honours
    if (i > 0) doc.execCommand('insertLineBreak');
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    if (line) doc.execCommand('insertText', false, line);
  }
}

/** Runs one route; true when the page claimed it (or it acts synchronously), so its result is worth waiting for. */
async function runRoute(route: Route, el: HTMLElement, text: string): Promise<boolean> {
  if (route === 'native-setter') {
    nativeSetter(el as TextField, text);
    return true;
  }
  if (isTextField(el)) {
    el.focus();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- fallback for fields whose setter is patched away
    el.ownerDocument.execCommand('insertText', false, fieldPiece(el, text));
    return true;
  }
  await focusWithCaret(el);
  if (route === 'paste') return paste(el, text);
  if (route === 'beforeinput') return beforeInputLines(el, text);
  execCommandLines(el, text);
  return true;
}

/**
 * Inserts `text` at the caret of `target` (a text field or any element of a
 * contenteditable editor), keeping what the person typed. Tries the routes
 * for the editor's kind in order and stops at the first that changes the
 * composer; `inserted` says whether the whole text, line breaks included,
 * is now there once more than before.
 */
export async function insertText(target: HTMLElement, text: string, routes?: readonly Route[]): Promise<InsertResult> {
  const el = isTextField(target) ? target : editableRoot(target);
  if (!isTextField(el) && !el.isContentEditable) return { inserted: false, method: 'not-editable' };
  const kind = detectEditorKind(el);
  const chain = routes ?? ROUTES_BY_KIND[kind];
  let method = 'none';
  for (const route of chain) {
    method = route;
    const before = composerText(el);
    const claimed = await runRoute(route, el, text);
    const after = await settle(el, before, claimed);
    // Something changed: this route reached the editor. Never try another, even if it fell short.
    if (after !== before) {
      const wanted = isTextField(el) ? fieldPiece(el, text) : text;
      return { inserted: landed(before, after, wanted), method: landed(before, after, wanted) ? route : `${route}-partial` };
    }
  }
  return { inserted: false, method };
}
