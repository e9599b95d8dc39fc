// Puts text into a chat composer the way typing would, so the page's own
// editor state (React, Vue, …) holds it. Never presses send, never submits.
// This is the first link of the insertion chain: native text fields and
// contenteditable; editor-specific routes (Lexical, Slate, Draft…) come next.

export interface InsertResult {
  inserted: boolean;
  method: string;
}

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(el: Element): el is TextField {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  if (el instanceof win.HTMLTextAreaElement) return true;
  return el instanceof win.HTMLInputElement && /^(text|search|)$/.test(el.type);
}

/**
 * React and Vue track a field's value through its prototype setter; setting
 * `el.value` directly is swallowed by their value tracker. Calling the
 * prototype's own setter and then firing `input` is what a keystroke does.
 */
function setNativeValue(el: TextField, value: string): void {
  const win = el.ownerDocument.defaultView!;
  const proto = el instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

function insertIntoField(el: TextField, text: string): InsertResult {
  const before = el.value;
  const start = el.selectionStart ?? before.length;
  const end = el.selectionEnd ?? before.length;
  // A single-line input cannot hold line breaks: keep the words together.
  const piece = el instanceof el.ownerDocument.defaultView!.HTMLInputElement ? text.replace(/\s*\n+\s*/g, ' ') : text;
  const expected = before.slice(0, start) + piece + before.slice(end);
  el.focus();
  setNativeValue(el, expected);
  const caret = start + piece.length;
  el.setSelectionRange?.(caret, caret);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: piece }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return { inserted: el.value === expected, method: 'native-setter' };
}

function insertIntoEditable(el: HTMLElement, text: string): InsertResult {
  const doc = el.ownerDocument;
  const before = el.innerText ?? el.textContent ?? '';
  el.focus();
  const landed = () => (el.innerText ?? el.textContent ?? '').replace(/\s+/g, '').includes(text.replace(/\s+/g, ''));
  // Paste first: rich editors (ProseMirror, Quill, Draft, Lexical) all take it
  // through their own model.
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  if (landed() && (el.innerText ?? el.textContent ?? '') !== before) return { inserted: true, method: 'paste' };
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still the one route plain contenteditable honours
  doc.execCommand('insertText', false, text);
  return { inserted: landed(), method: 'execCommand' };
}

export function insertText(target: HTMLElement, text: string): InsertResult {
  if (isTextField(target)) return insertIntoField(target, text);
  if (target.isContentEditable) return insertIntoEditable(target, text);
  return { inserted: false, method: 'not-editable' };
}

/** Whether an element can take typed text at all. */
export function isComposer(el: Element | null): el is HTMLElement {
  if (!el) return false;
  if (isTextField(el)) return !el.disabled && !el.readOnly;
  return (el as HTMLElement).isContentEditable === true;
}
