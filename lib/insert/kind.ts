// Which editor a composer is, read from the DOM alone: the content script
// runs in an isolated world and cannot reach the page's editor objects, so
// each library is recognised by the marks it leaves on its root element.

export type EditorKind =
  | 'textarea'
  | 'input'
  | 'lexical'
  | 'slate'
  | 'draft'
  | 'quill'
  | 'prosemirror'
  | 'ckeditor'
  | 'contenteditable';

/** Root markers, most specific first. Draft's root is `.public-DraftEditor-content`; its block list carries `data-contents`. */
const MARKERS: readonly (readonly [EditorKind, string])[] = [
  ['lexical', '[data-lexical-editor]'],
  ['slate', '[data-slate-editor]'],
  ['draft', '.public-DraftEditor-content'],
  ['quill', '.ql-editor'],
  ['prosemirror', '.ProseMirror'],
  ['ckeditor', '.ck-editor__editable'],
];

/** A native single- or multi-line text field. */
export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && /^(text|search|)$/i.test((el as HTMLInputElement).type);
}

/**
 * The editable root that owns `el`: the outermost contenteditable ancestor
 * (a click may focus an inner span or paragraph; the editor listens on its
 * root), or `el` itself for text fields.
 */
export function editableRoot(el: HTMLElement): HTMLElement {
  if (isTextField(el)) return el;
  let root = el;
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.isContentEditable || node.getAttribute('contenteditable') === 'true') root = node;
    else break;
  }
  return root;
}

/** The kind of editor behind a composer element (field, editable root or anything inside one). */
export function detectEditorKind(el: HTMLElement): EditorKind {
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (isTextField(el)) return 'input';
  for (const [kind, selector] of MARKERS) {
    if (el.matches(selector) || el.closest(selector) || el.querySelector(selector)) return kind;
  }
  // Draft marks its block container even where the root class is renamed.
  if (el.querySelector('[data-contents="true"]') || el.closest('[data-contents="true"]')) return 'draft';
  return 'contenteditable';
}
