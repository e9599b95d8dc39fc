// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPicker } from './picker';

function page() {
  document.body.replaceChildren();
  const button = document.createElement('button');
  button.textContent = '3912830471625580441';
  document.body.append(button);
  const seen: string[] = [];
  for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
    // The page's own handlers, bubbling and capturing, on the element and on the document.
    button.addEventListener(type, () => seen.push(`button:${type}`));
    document.addEventListener(type, () => seen.push(`document:${type}`), true);
  }
  return { button, seen };
}

const click = (el: Element) => {
  for (const type of ['pointerdown', 'mousedown', 'mouseup']) el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
  el.dispatchEvent(event);
  return event;
};

describe('the teaching picker', () => {
  afterEach(() => document.body.replaceChildren());

  it('takes the click on the page element itself and swallows it before the page sees it', () => {
    const { button, seen } = page();
    const picker = createPicker(document);
    const onPick = vi.fn();
    picker.start('PayNudge: click the order number', { onPick, onCancel: vi.fn() });
    const event = click(button);
    expect(onPick).toHaveBeenCalledWith(button);
    expect(event.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    picker.stop();
    click(button);
    expect(seen).toContain('button:click');
    expect(onPick).toHaveBeenCalledTimes(1);
  });

  it('covers nothing: one zero-size host on body, click-through, its parts in a closed shadow root with the tip as text', () => {
    page();
    const picker = createPicker(document);
    picker.start('<img src=x onerror=alert(1)>', { onPick: vi.fn(), onCancel: vi.fn() });
    const host = document.body.querySelector('paynudge-picker') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.style.pointerEvents).toBe('none');
    expect(host.shadowRoot).toBeNull();
    expect(host.childElementCount).toBe(0);
    expect(document.querySelector('img')).toBeNull();
    picker.stop();
    expect(document.body.querySelector('paynudge-picker')).toBeNull();
  });

  it('Esc cancels and gives the page its clicks back', () => {
    const { button, seen } = page();
    const picker = createPicker(document);
    const onCancel = vi.fn();
    picker.start('tip', { onPick: vi.fn(), onCancel });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    click(button);
    expect(seen).toContain('button:click');
  });
});
