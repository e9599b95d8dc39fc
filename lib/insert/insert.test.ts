// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectEditorKind, findComposerHeuristic, findTarget, insertText, trackFocusedComposer } from './insert';

// happy-dom does no layout: give the boxes a person would see a size and a place.
function sized<E extends HTMLElement>(el: E, width: number, height: number, bottom = 500): E {
  el.getBoundingClientRect = () => ({ x: 0, y: bottom - height, left: 0, top: bottom - height, right: width, bottom, width, height, toJSON: () => ({}) }) as DOMRect;
  return el;
}

function html(markup: string, doc: Document = document): void {
  doc.body.innerHTML = markup;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findTarget: person → adapter → heuristic', () => {
  it('the composer the person focused wins over the adapter and the heuristic', () => {
    html('<textarea id="adapter"></textarea><div id="chat" contenteditable="true"><p id="para">hi</p></div><textarea id="big"></textarea>');
    const para = document.getElementById('para')!;
    const target = findTarget(document, { lastFocused: para, adapterComposer: document.getElementById('adapter') });
    // The editable root, not the paragraph the click landed in.
    expect(target).toEqual({ el: document.getElementById('chat'), source: 'focus' });
  });

  it('falls back to the adapter when the focused composer left the page or cannot take text', () => {
    html('<textarea id="adapter"></textarea><textarea id="gone"></textarea>');
    const gone = document.getElementById('gone') as HTMLTextAreaElement;
    gone.remove();
    expect(findTarget(document, { lastFocused: gone, adapterComposer: document.getElementById('adapter') })?.source).toBe('adapter');
    html('<textarea id="adapter"></textarea><textarea id="ro" readonly></textarea>');
    const target = findTarget(document, { lastFocused: document.getElementById('ro'), adapterComposer: document.getElementById('adapter') });
    expect(target?.el.id).toBe('adapter');
  });

  it('searches for a composer when neither the person nor the adapter gives one', () => {
    html('<div class="im"><textarea id="msg"></textarea><button>发送</button></div>');
    sized(document.getElementById('msg')!, 400, 90);
    expect(findTarget(document, { lastFocused: null, adapterComposer: null })).toEqual({ el: document.getElementById('msg'), source: 'heuristic' });
  });

  it('finds nothing on a page without a composer', () => {
    html('<input type="text" id="q" placeholder="订单号"><button>查询</button>');
    sized(document.getElementById('q')!, 200, 30);
    expect(findTarget(document, {})).toBeNull();
  });
});

describe('findComposerHeuristic', () => {
  it('skips hidden boxes, search boxes and boxes without a send button of their own', () => {
    html(`
      <header><textarea id="search" placeholder="搜索联系人"></textarea><button>发送</button></header>
      <div style="display:none"><textarea id="hidden"></textarea><button>发送</button></div>
      <div><textarea id="collapsed"></textarea><button>发送</button></div>
      <aside><textarea id="notes"></textarea></aside>
      <div class="chat"><div class="toolbar"></div><div id="composer" contenteditable="true"></div><div class="bar"><button aria-label="Send"></button></div></div>`);
    sized(document.getElementById('search')!, 900, 300, 100);
    sized(document.getElementById('hidden')!, 900, 300, 800);
    // collapsed: zero size
    sized(document.getElementById('notes')!, 900, 300, 900);
    sized(document.getElementById('composer')!, 500, 80, 760);
    expect(findComposerHeuristic(document)?.id).toBe('composer');
  });

  it('looks past a pager\'s items, whose value is a number ("<li role=button>" in Arco and Ant Design pagers)', () => {
    // An <li>'s value is a number: reading it as words threw, and took down the tab's context (the panel showed the
    // page unbound) and every insert on a page with such a pager beside a text box (the 98th blind page in one profile).
    html('<div class="pager"><ul><li role="button" class="arco-pagination-item">1</li><li role="button">2</li></ul><input id="jump" type="text"></div>');
    sized(document.getElementById('jump')!, 60, 28, 900);
    expect(() => findComposerHeuristic(document)).not.toThrow();
    expect(findComposerHeuristic(document)).toBeNull();
  });

  it('a memo field with no send button is not a composer', () => {
    html('<div class="memo"><textarea id="memo" placeholder="卖家备注"></textarea><button>保存</button></div>');
    sized(document.getElementById('memo')!, 400, 100);
    expect(findComposerHeuristic(document)).toBeNull();
  });

  it('among boxes with send buttons: multi-line first, then the largest, then the lowest', () => {
    html(`<div><input id="line" type="text"><button>Send</button></div>
      <div><textarea id="small"></textarea><button class="im-send-btn"></button></div>
      <div><textarea id="large"></textarea><button>发送</button></div>
      <div><textarea id="low"></textarea><button>发送(S)</button></div>`);
    sized(document.getElementById('line')!, 900, 300, 999);
    sized(document.getElementById('small')!, 100, 40, 900);
    sized(document.getElementById('large')!, 400, 100, 300);
    sized(document.getElementById('low')!, 400, 100, 700);
    expect(findComposerHeuristic(document)?.id).toBe('low');
    document.getElementById('low')!.parentElement!.remove();
    document.getElementById('large')!.parentElement!.remove();
    expect(findComposerHeuristic(document)?.id).toBe('small');
    document.getElementById('small')!.parentElement!.remove();
    expect(findComposerHeuristic(document)?.id).toBe('line');
  });

  it('a single-line input counts only next to a send button', () => {
    html('<div><input id="alone" type="text"></div><div class="im"><input id="chat" type="text"><button>Send</button></div>');
    sized(document.getElementById('alone')!, 400, 30, 900);
    sized(document.getElementById('chat')!, 300, 30, 600);
    expect(findComposerHeuristic(document)?.id).toBe('chat');
    document.querySelector('button')!.remove();
    expect(findComposerHeuristic(document)).toBeNull();
  });

  it('takes the editable inside a role="textbox" wrapper', () => {
    html('<div role="textbox" id="wrap"><div id="inner" contenteditable="true"></div></div><button>发送</button>');
    sized(document.getElementById('inner')!, 300, 60);
    expect(findComposerHeuristic(document)?.id).toBe('inner');
  });

  it('finds the composer inside a same-origin iframe', async () => {
    html('<div class="im"><iframe id="frame"></iframe><button>发送</button></div>');
    const frame = document.getElementById('frame') as HTMLIFrameElement;
    sized(frame, 500, 150);
    const inner = frame.contentDocument!;
    inner.body.innerHTML = '<div id="box" contenteditable="true"></div>';
    const box = sized(inner.getElementById('box')!, 480, 140);
    expect(findComposerHeuristic(document)).toBe(box);
    expect(findTarget(document, {})?.el).toBe(box);
  });
});

describe('trackFocusedComposer', () => {
  it('remembers composers focused in the page and in same-origin iframes, not buttons', () => {
    html('<textarea id="a"></textarea><button id="b">发送</button><iframe id="f"></iframe>');
    const inner = (document.getElementById('f') as HTMLIFrameElement).contentDocument!;
    inner.body.innerHTML = '<div id="c" contenteditable="true"></div>';
    const seen: string[] = [];
    const stop = trackFocusedComposer(document, (el) => seen.push(el.id));
    document.getElementById('a')!.focus();
    document.getElementById('b')!.focus();
    inner.getElementById('c')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(seen).toEqual(['a', 'c']);
    stop();
    document.getElementById('a')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(seen).toEqual(['a', 'c']);
  });
});

describe('detectEditorKind', () => {
  it.each([
    ['<textarea id="x"></textarea>', 'textarea'],
    ['<input id="x" type="text">', 'input'],
    ['<div id="x" contenteditable="true" data-lexical-editor="true"></div>', 'lexical'],
    ['<div id="x" contenteditable="true" data-slate-editor="true" data-slate-node="value"></div>', 'slate'],
    ['<div class="ql-container"><div id="x" class="ql-editor" contenteditable="true"></div></div>', 'quill'],
    ['<div id="x" class="ProseMirror tiptap" contenteditable="true"></div>', 'prosemirror'],
    ['<div id="x" class="notranslate public-DraftEditor-content" contenteditable="true"><div data-contents="true"></div></div>', 'draft'],
    ['<div id="x" class="renamed" contenteditable="true"><div data-contents="true"></div></div>', 'draft'],
    ['<div id="x" class="ck ck-content ck-editor__editable" contenteditable="true"></div>', 'ckeditor'],
    ['<div id="x" contenteditable="true"></div>', 'contenteditable'],
  ])('%s → %s', (markup, kind) => {
    html(markup);
    expect(detectEditorKind(document.getElementById('x')!)).toBe(kind);
  });

  it('recognises the editor from an element inside it', () => {
    html('<div class="ProseMirror" contenteditable="true"><p id="p">x</p></div>');
    expect(detectEditorKind(document.getElementById('p')!)).toBe('prosemirror');
  });
});

describe('insertText into a text field', () => {
  it('inserts at the caret, keeps what was typed, goes through the prototype setter and fires input', async () => {
    html('<textarea id="t"></textarea>');
    const el = document.getElementById('t') as HTMLTextAreaElement;
    el.value = '您好，在吗';
    el.setSelectionRange(3, 3);
    // React's value tracker sits on the instance: writing el.value directly would update it and hide the change.
    let tracked = el.value;
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: () => proto.get!.call(el),
      set: (v: string) => {
        tracked = v;
        proto.set!.call(el, v);
      },
    });
    const inputs: string[] = [];
    el.addEventListener('input', (e) => inputs.push((e as InputEvent).data ?? ''));
    const result = await insertText(el, '订单\n还没付');
    expect(result).toEqual({ inserted: true, method: 'native-setter' });
    expect(el.value).toBe('您好，订单\n还没付在吗');
    expect(el.selectionStart).toBe(3 + '订单\n还没付'.length);
    expect(tracked).toBe('您好，在吗');
    expect(inputs).toEqual(['订单\n还没付']);
  });

  it('replaces only the selected part', async () => {
    html('<textarea id="t"></textarea>');
    const el = document.getElementById('t') as HTMLTextAreaElement;
    el.value = 'abcXXXdef';
    el.setSelectionRange(3, 6);
    await insertText(el, '-');
    expect(el.value).toBe('abc-def');
  });

  it('folds line breaks to spaces in a single-line input', async () => {
    html('<input id="i" type="text">');
    const el = document.getElementById('i') as HTMLInputElement;
    el.value = 'Hi ';
    el.setSelectionRange(3, 3);
    expect(await insertText(el, 'line one\nline two')).toEqual({ inserted: true, method: 'native-setter' });
    expect(el.value).toBe('Hi line one line two');
  });
});

describe('insertText into a contenteditable: each route verified, never twice', () => {
  let execCommand: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    execCommand = vi.fn(() => true);
    (document as unknown as { execCommand: unknown }).execCommand = execCommand;
  });
  afterEach(() => {
    delete (document as unknown as { execCommand?: unknown }).execCommand;
  });

  /** A paste-handling editor: one paragraph per line, through its own model. */
  function pasteEditor(cls: string, takeLines = Infinity): HTMLElement {
    html(`<div id="ed" class="${cls}" contenteditable="true"><p>在吗</p></div>`);
    const ed = document.getElementById('ed')!;
    ed.addEventListener('paste', (event) => {
      event.preventDefault();
      const lines = (event as ClipboardEvent).clipboardData!.getData('text/plain').split('\n').slice(0, takeLines);
      for (const line of lines) {
        const p = document.createElement('p');
        p.textContent = line;
        ed.append(p);
      }
    });
    return ed;
  }

  it('stops at the paste that landed: execCommand never runs', async () => {
    const ed = pasteEditor('ProseMirror');
    expect(await insertText(ed, '您好\n订单未付')).toEqual({ inserted: true, method: 'paste' });
    expect([...ed.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['在吗', '您好', '订单未付']);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('a route that landed only in part is reported, and nothing is tried after it', async () => {
    const ed = pasteEditor('ql-editor', 1);
    expect(await insertText(ed, '您好\n订单未付')).toEqual({ inserted: false, method: 'paste-partial' });
    expect([...ed.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['在吗', '您好']);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('moves on when a route changes nothing: plain contenteditable falls to execCommand, line by line with line breaks', async () => {
    html('<div id="ed" contenteditable="true">在吗</div>');
    const ed = document.getElementById('ed')!;
    // happy-dom's innerText drops line breaks; a browser shows them.
    Object.defineProperty(ed, 'innerText', { get: () => ed.textContent });
    execCommand.mockImplementation((command: string, _ui?: boolean, value?: string) => {
      ed.append(document.createTextNode(command === 'insertLineBreak' ? '\n' : (value ?? '')));
      return true;
    });
    const result = await insertText(ed, '您好\n订单未付');
    expect(result).toEqual({ inserted: true, method: 'execCommand' });
    expect(execCommand.mock.calls.map((c) => c[0])).toEqual(['insertText', 'insertLineBreak', 'insertText']);
    expect(execCommand.mock.calls.filter((c) => c[0] === 'insertText').map((c) => c[2])).toEqual(['您好', '订单未付']);
  });

  it('Slate gets beforeinput insertText per line with insertLineBreak between, never Enter', async () => {
    html('<div id="ed" data-slate-editor="true" contenteditable="true"><p>在吗</p></div>');
    const ed = document.getElementById('ed')!;
    const seen: string[] = [];
    ed.addEventListener('keydown', () => seen.push('keydown'));
    ed.addEventListener('beforeinput', (event) => {
      const e = event as InputEvent;
      seen.push(`${e.inputType}:${e.data ?? ''}`);
      e.preventDefault();
      if (e.inputType === 'insertLineBreak') ed.append(document.createElement('p'));
      else ed.lastElementChild!.append(e.data ?? '');
    });
    const result = await insertText(ed, '您好\n订单未付🎁');
    expect(result).toEqual({ inserted: true, method: 'beforeinput' });
    expect(seen).toEqual(['insertText:您好', 'insertLineBreak:', 'insertText:订单未付🎁']);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('Draft only ever gets a paste (execCommand crashes it)', async () => {
    html('<div id="ed" class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"></div></div>');
    const result = await insertText(document.getElementById('ed')!, '您好');
    expect(result).toEqual({ inserted: false, method: 'paste' });
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('refuses an element that cannot take text', async () => {
    html('<div id="d">x</div>');
    expect(await insertText(document.getElementById('d')!, 'x')).toEqual({ inserted: false, method: 'not-editable' });
  });
});
