// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { composedView, hasSlottedComponents, isComposedView } from './shadow';

const parse = (html: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');

/** Gives every element `selector` finds an open shadow root holding `html`. */
function shadow(doc: Document, selector: string, html: string): void {
  for (const host of doc.querySelectorAll(selector)) host.attachShadow({ mode: 'open' }).innerHTML = html;
}

/** The composed view's texts in order, one space between two, its white space folded. */
function drawnText(doc: Document): string {
  const view = composedView(doc)!;
  const texts: string[] = [];
  const walker = view.createTreeWalker(view.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t.nodeValue ?? '');
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('composedView: a page built of components, as drawn', () => {
  it('puts each slot\'s assigned children where the shadow layout draws them, with the labels only the shadow root holds', () => {
    const doc = parse(`<order-card><span slot="total">¥69.00</span><span slot="sn">261206-389720045116582</span><span slot="buyer">momo酱</span></order-card>`);
    shadow(doc, 'order-card', `<style>b{color:red}</style><div>订单号 <slot name="sn"></slot></div><div>买家 <slot name="buyer"></slot></div><div>实收款 <slot name="total"></slot></div>`);
    expect(hasSlottedComponents(doc)).toBe(true);
    expect(drawnText(doc)).toBe('订单号 261206-389720045116582 买家 momo酱 实收款 ¥69.00');
  });

  it('draws a slot\'s fallback content when nothing is assigned to it, and no light child that no slot takes', () => {
    // A stale total left in the light tree under a slot name the component no longer has; no buyer assigned.
    const doc = parse(`<order-card><span slot="total-old">¥79.00</span><span slot="total">¥69.00</span>stray text</order-card>`);
    shadow(doc, 'order-card', `<div>Buyer <slot name="buyer">—</slot></div><div>Total <slot name="total"></slot></div>`);
    expect(drawnText(doc)).toBe('Buyer — Total ¥69.00');
    // The default slot takes text and unnamed children alike.
    const withDefault = parse(`<x-chip><b>VIP</b> Lan <i slot="x">not drawn</i></x-chip>`);
    shadow(withDefault, 'x-chip', `<span>[<slot></slot>]</span>`);
    expect(drawnText(withDefault)).toBe('[ VIP Lan ]');
  });

  it('follows a slot forwarded into a component nested in another\'s shadow root, and leaves out what the page hides', () => {
    const doc = parse(`<order-row><span slot="amount">20.93</span><span slot="note" hidden>Before coupon: US $22.93</span></order-row>`);
    shadow(doc, 'order-row', `<div>Order amount <ae-amount><slot name="amount" slot="value"></slot></ae-amount></div><slot name="note"></slot>`);
    const amount = doc.querySelector('order-row')!.shadowRoot!.querySelector('ae-amount')!;
    amount.attachShadow({ mode: 'open' }).innerHTML = `<span><slot name="currency">US $</slot><slot name="value">0.00</slot></span>`;
    expect(drawnText(doc)).toBe('Order amount US $ 20.93');
  });

  it('is a document of its own that the readers take as drawn, and a plain page is none', () => {
    const doc = parse(`<order-card><span slot="sn">1</span></order-card>`);
    shadow(doc, 'order-card', `<slot name="sn"></slot>`);
    const view = composedView(doc)!;
    expect(view).not.toBe(doc);
    expect(isComposedView(view)).toBe(true);
    expect(isComposedView(doc)).toBe(false);
    // Its own copy is no page to compose again.
    expect(hasSlottedComponents(view)).toBe(false);
    expect(hasSlottedComponents(parse('<table><tr><td>订单号 261206-389720045116582</td></tr></table>'))).toBe(false);
    // A slot attribute no shadow root takes (a framework's leftover) draws as it stands: no copy is needed.
    expect(hasSlottedComponents(parse('<div><span slot="buyer">Lan</span></div>'))).toBe(false);
  });

  it('is known as one by another copy of this module: the structural reader is a script of its own', async () => {
    const doc = parse(`<order-card><span slot="sn">1</span></order-card>`);
    shadow(doc, 'order-card', `<slot name="sn"></slot>`);
    vi.resetModules();
    const other = await import('./shadow');
    expect(other.isComposedView).not.toBe(isComposedView);
    expect(other.isComposedView(composedView(doc))).toBe(true);
  });
});
