// The element picker for teaching: an outline that follows the pointer over
// the seller's page and takes the person's click as an answer. It covers
// nothing (the outline takes no pointer events; the listeners sit on window
// in the capture phase, so the click lands on the page element itself and is
// swallowed there before the page sees it). Shadow DOM on document.body, no
// React, and page text only ever goes into textContent.

import { documentsOf } from '../platforms/frames';

const HOST_TAG = 'paynudge-picker';

// Swallowed while picking: every event a click is made of, so no page handler runs for it.
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'] as const;

export interface PickerCallbacks {
  /** The person clicked this element. */
  onPick(el: Element): void;
  /** The person pressed Esc. */
  onCancel(): void;
}

export interface Picker {
  /** Starts (or restarts) picking, with a short tip shown beside the outline. */
  start(tip: string, callbacks: PickerCallbacks): void;
  /** Stops picking; the page gets its clicks back. */
  stop(): void;
  /** Shows the outline in the refusal colour for a moment (a click that was not the value asked for). */
  refuse(): void;
  destroy(): void;
}

export function createPicker(doc: Document): Picker {
  const win = doc.defaultView ?? window;
  let host: HTMLElement | undefined;
  let box: HTMLDivElement | undefined;
  let tipEl: HTMLDivElement | undefined;
  let callbacks: PickerCallbacks | undefined;
  let hovered: Element | undefined;

  const ensureOverlay = () => {
    if (host?.isConnected) return;
    host = doc.createElement(HOST_TAG);
    // The host itself is a zero-size, click-through layer above the page.
    host.style.cssText = 'all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `
      .box{position:fixed;pointer-events:none;box-sizing:border-box;border:2px solid #e4572e;background:rgba(228,87,46,.10);border-radius:2px;display:none;transition:border-color .15s}
      .box.refused{border-color:#b00020;background:rgba(176,0,32,.12)}
      .tip{position:fixed;pointer-events:none;left:12px;bottom:12px;max-width:60vw;padding:6px 10px;border-radius:6px;background:#222;color:#fff;font:13px/1.4 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)}`;
    box = doc.createElement('div');
    box.className = 'box';
    tipEl = doc.createElement('div');
    tipEl.className = 'tip';
    shadow.append(style, box, tipEl);
    (doc.body ?? doc.documentElement).append(host);
  };

  const outline = (el: Element | undefined) => {
    hovered = el;
    if (!box) return;
    if (!el) {
      box.style.display = 'none';
      return;
    }
    const r = el.getBoundingClientRect();
    let left = r.left;
    let top = r.top;
    // An element in a same-origin frame: its box is in the frame's viewport, the outline in ours.
    for (let w: Window | null = el.ownerDocument.defaultView; w && w !== win; w = w.parent === w ? null : w.parent) {
      const frame = w.frameElement;
      if (!frame) break;
      const f = frame.getBoundingClientRect();
      left += f.left + frame.clientLeft;
      top += f.top + frame.clientTop;
    }
    Object.assign(box.style, { display: 'block', left: `${left}px`, top: `${top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };

  /** The page element an event is about (in the page or one of its frames); our own host never is one. */
  const pageTarget = (event: Event): Element | undefined => {
    const target = (event.composedPath()[0] ?? event.target) as Node | null;
    if (!target || target.nodeType !== 1 || target === host || host?.contains(target)) return undefined;
    return target as Element;
  };

  const onMove = (event: Event) => {
    const el = pageTarget(event);
    if (el && el !== hovered) outline(el);
  };

  const swallow = (event: Event) => {
    if (!pageTarget(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click' && (event as MouseEvent).button === 0) {
      const el = pageTarget(event)!;
      outline(el);
      callbacks?.onPick(el);
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const current = callbacks;
    stop();
    current?.onCancel();
  };

  const onScroll = () => outline(hovered);

  // The windows listened on: the page's and those of its same-origin frames (a list inside the Qianniu workbench).
  let windows: Window[] = [];
  const listen = (on: boolean) => {
    if (on === windows.length > 0) return;
    if (on) windows = documentsOf(doc).flatMap((d) => (d.defaultView ? [d.defaultView] : []));
    const method = on ? 'addEventListener' : 'removeEventListener';
    for (const w of windows) {
      w[method]('pointermove', onMove, true);
      w[method]('mousemove', onMove, true);
      w[method]('keydown', onKey as EventListener, true);
      w[method]('scroll', onScroll, true);
      for (const type of SWALLOWED) w[method](type, swallow, true);
    }
    if (!on) windows = [];
  };

  function start(tip: string, next: PickerCallbacks): void {
    callbacks = next;
    ensureOverlay();
    tipEl!.textContent = tip;
    box!.classList.remove('refused');
    listen(true);
  }

  function stop(): void {
    callbacks = undefined;
    listen(false);
    outline(undefined);
    host?.remove();
    host = box = tipEl = undefined;
  }

  return {
    start,
    stop,
    refuse() {
      box?.classList.add('refused');
      win.setTimeout(() => box?.classList.remove('refused'), 600);
    },
    destroy: stop,
  };
}
