// Selector fallback lists and page furniture found in one walk, so a page of
// hundreds of orders is not walked once per selector; and whether an element is shown.
import { isComposedView } from './shadow';

/** Whether an element is rendered (not display:none, not detached); cheap enough for hundreds of rows. */
export function isShown(el: Element): boolean {
  const html = el as HTMLElement;
  if (!html.isConnected) return false;
  // A composed view holds only what the page draws, and no layout to ask.
  if (isComposedView(el.ownerDocument)) return true;
  if (typeof html.checkVisibility === 'function') return html.checkVisibility();
  return html.getClientRects?.().length !== 0 || html.offsetParent !== null;
}

/** `derive` of a selector list, worked out once per list (the lists are module constants). */
function perList<T>(derive: (list: readonly string[]) => T): (list: readonly string[]) => T {
  const cache = new WeakMap<readonly string[], T>();
  return (list) => {
    let value = cache.get(list);
    if (value === undefined) cache.set(list, (value = derive(list)));
    return value;
  };
}
// A lone attribute-substring selector, with or without a tag: 'a[href*="orderId="]', '[class*="price"]'.
const HAS_TEXT = /^([a-z][a-z0-9]*)?\[([a-z][a-z-]*)\*="([^"\\]*)"\]$/;

/**
 * The selectors of `list` that no other one of it covers: '[class*="goods-price"]'
 * goes when '[class*="price"]' is there (a class holding "goods-price" holds
 * "price"). Joined, the rest match exactly the elements the whole list does,
 * and a query tests each element against fewer selectors: a block's query for
 * a fallback list tests every element of the block against each one.
 */
export function uncovered(list: readonly string[]): string[] {
  const parts = list.map((s) => HAS_TEXT.exec(s));
  return list.filter((_s, i) => {
    const m = parts[i];
    if (!m) return true;
    const [, tag, attr, text] = m;
    return !parts.some((o, j) => {
      if (!o || j === i) return false;
      const [, otherTag, otherAttr, otherText] = o;
      // An empty value matches nothing ([x*=""]); of two equal selectors the first stays.
      if (otherAttr !== attr || !otherText || !text!.includes(otherText) || (otherTag && otherTag !== tag)) return false;
      return otherText !== text || otherTag !== tag || j < i;
    });
  });
}

// A list without its last selector; a list's selectors joined (what a query for any of them needs); a list without its preferred selector.
export const leadingOf = perList((list) => list.slice(0, -1));
export const joinedOf = perList((list) => uncovered(list).join(','));
const restOf = perList((list) => list.slice(1));

// ---- Fallback lists in one walk ----
// queryFirst walks the subtree once per selector that misses; inside each of
// hundreds of orders that adds up. These give the same answers from one walk.


/** What queryFirst(root, list) gives, from one query of all selectors together. */
export function firstIn<E extends Element = HTMLElement>(root: ParentNode, list: readonly string[]): E | null {
  const preferred = list[0];
  if (preferred === undefined) return null;
  if (list.length === 1) return root.querySelector<E>(preferred);
  // The first element any selector matches: when none does (a field the
  // block does not have), one walk of the block says so instead of two; when
  // the preferred selector matches it, it is that one's first match.
  const early = root.querySelector<E>(joinedOf(list));
  if (!early) return null;
  if (early.matches(preferred)) return early;
  const hit = root.querySelector<E>(preferred);
  if (hit) return hit;
  // No preferred match: `early` is the first element any fallback matches.
  const rest = restOf(list);
  if (early.matches(rest[0]!)) return early;
  const all = root.querySelectorAll<E>(joinedOf(rest));
  for (const selector of rest) {
    for (let i = 0; i < all.length; i++) if (all[i]!.matches(selector)) return all[i]!;
  }
  return null;
}

/** What queryAllFirst(root, list) gives, from one query of all selectors together. */
export function allIn<E extends Element = HTMLElement>(root: ParentNode, list: readonly string[]): E[] {
  if (list.length === 0) return [];
  const all = root.querySelectorAll<E>(joinedOf(list));
  if (all.length === 0) return [];
  if (list.length === 1) return Array.from(all);
  for (const selector of list) {
    const found: E[] = [];
    for (let i = 0; i < all.length; i++) if (all[i]!.matches(selector)) found.push(all[i]!);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The goods lines among `found` (a goods-line selector's matches, in page order). A class-substring selector
 * ('[class*="order-item"]', '[class*="goods-item"]') matches more than the lines: their list ("order-items") and the
 * parts of each line ("goods-item__info", "goods-item__title"). A match is a line unless it holds two or more
 * matches apart that each show a title (`titled`): then it is their list, and they are the lines.
 */
export function goodsLineMatches<E extends Element>(found: readonly E[], titled: (el: E) => boolean): E[] {
  const out: E[] = [];
  for (let i = 0; i < found.length; ) {
    const el = found[i]!;
    let end = i + 1;
    while (end < found.length && el.contains(found[end]!)) end++;
    if (end === i + 1) {
      out.push(el);
      i = end;
      continue;
    }
    const inside = found.slice(i + 1, end);
    let titledApart = 0;
    for (let k = 0, top: E | undefined; k < inside.length && titledApart < 2; k++) {
      const match = inside[k]!;
      if (top?.contains(match)) continue;
      top = match;
      if (titled(match)) titledApart++;
    }
    if (titledApart >= 2) out.push(...goodsLineMatches(inside, titled));
    else out.push(el);
    i = end;
  }
  return out;
}

/**
 * The elements of `doc` that `selector` matches and no other match of it
 * holds, in page order: what a query for it gives with the nested matches
 * left out. A match's inside is never looked at, so a list of cards costs a
 * step per card instead of a selector test of every element in every card.
 */
export function outermost(doc: Document, selector: string): Element[] {
  const out: Element[] = [];
  const top = doc.documentElement;
  if (!top) return out;
  for (let el: Element | null = top; el; ) {
    if (el.matches(selector)) out.push(el);
    else if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== top && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== top ? el.nextElementSibling : null;
  }
  return out;
}

// ---- Page furniture in one walk ----
// Tabs, pagination and notes sit once on a page of hundreds of rows, yet each
// selector that misses (or sits below the list) costs a walk of the whole
// page. These helpers find every selector of several lists in one walk.

/**
 * Matches of each selector in `doc`, in page order, from one walk for all of
 * them. Given the order blocks in `outside`, their insides are not searched.
 */
export type Matches = ReadonlyMap<string, readonly Element[]>;

export function matchEach(doc: Document, lists: ReadonlyArray<readonly string[]>, outside: readonly Element[] = []): Matches {
  const unique = [...new Set(lists.flat())];
  const found = new Map<string, Element[]>(unique.map((s) => [s, []]));
  if (unique.length === 0) return found;
  const joined = unique.join(',');
  const record = (el: Element) => {
    for (const selector of unique) if (el.matches(selector)) found.get(selector)!.push(el);
  };
  const everywhere = () => {
    for (const list of found.values()) list.length = 0;
    for (const el of doc.querySelectorAll(joined)) record(el);
    return found;
  };
  if (outside.length === 0 || !doc.body) return everywhere();
  // Furniture is never inside an order (nor in <head>): skip the order
  // blocks' subtrees, which hold nearly all of a long page's elements.
  const skip = new Set(outside);
  const body = doc.body;
  try {
    if (body.matches(joined)) record(body);
    // Walked by hand: a tree walker's filter is a call from the browser into the page's script per element.
    let el: Element | null = body.firstElementChild;
    while (el) {
      if (!skip.has(el)) {
        if (el.matches(joined)) record(el);
        const child: Element | null = el.firstElementChild;
        if (child) {
          el = child;
          continue;
        }
      }
      // The next element after el's subtree, inside body.
      while (el !== body && !el.nextElementSibling) el = el.parentElement!;
      el = el === body ? null : el.nextElementSibling;
    }
  } catch {
    // Element.matches is broken for some combinators in DOM shims (happy-dom
    // on a cloned document); browsers never get here.
    return everywhere();
  }
  return found;
}

/**
 * The first element of `doc`'s body, in page order, outside `outside` and their subtrees, with a text of its own
 * that `pattern` finds (a page's notes beside its order blocks: "Horário de Brasília (GMT-3)"). Walked as matchEach
 * walks, so a long list's rows cost nothing.
 */
export function textOutside(doc: Document, outside: readonly Element[], pattern: RegExp): Element | null {
  const body = doc.body;
  if (!body) return null;
  const skip = new Set(outside);
  let el: Element | null = body;
  while (el) {
    if (!skip.has(el)) {
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && pattern.test(n.nodeValue ?? '')) return el;
      const child: Element | null = el.firstElementChild;
      if (child) {
        el = child;
        continue;
      }
    }
    if (el === body) return null;
    while (el !== body && !el.nextElementSibling) el = el.parentElement!;
    el = el === body ? null : el.nextElementSibling;
  }
  return null;
}

/** What queryFirst(root, list) would give, from matchEach's result. */
export function firstOf<E extends Element = HTMLElement>(found: Matches, list: readonly string[]): E | null {
  for (const selector of list) {
    const el = found.get(selector)?.[0];
    if (el) return el as E;
  }
  return null;
}

/** What queryAllFirst(root, list) would give, from matchEach's result. */
export function allOf<E extends Element = HTMLElement>(found: Matches, list: readonly string[]): E[] {
  for (const selector of list) {
    const els = found.get(selector);
    if (els && els.length > 0) return [...els] as E[];
  }
  return [];
}

/** The most elements any one selector of `list` matched: one selector may only catch the active item. */
export function mostOf(found: Matches, list: readonly string[]): number {
  return Math.max(0, ...list.map((s) => found.get(s)?.length ?? 0));
}
