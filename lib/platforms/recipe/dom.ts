// Structural addresses inside an order block and the labels next to values:
// what a recipe is made of. Tag names, positions among same-tag siblings and
// a few stable attributes only; class names and ids are never looked at,
// because a redeploy renames them.
import { HEADER_WORDS } from '../page-words';
import { foldSpaces, textOf } from '../types';
import { ATTR_NAME, LIMITS, TAG, type PathStep } from './types';

// Attribute names that carry per-render or per-deploy values.
const UNSTABLE_ATTR = /^data-(?:spm|reactid|react-|v-|testid$|key$|index$|row-key|id$|order|fixture)/;
// Values that identify one order or one build: long digit runs, hash-like tokens.
const UNSTABLE_VALUE = /\d{4}|[A-Za-z][0-9][A-Za-z0-9]*[0-9]|[0-9][A-Za-z][A-Za-z0-9]*[A-Za-z]|[-_][A-Za-z0-9]{5}$/;

/** The attributes of `el` a recipe may lean on: data-* with a plain value, name, role, aria-label. */
export function stableAttrs(el: Element): Record<string, string> | undefined {
  let attrs: Record<string, string> | undefined;
  let n = 0;
  for (const attr of Array.from(el.attributes)) {
    if (n >= LIMITS.attrs) break;
    const name = attr.name.toLowerCase();
    if (!ATTR_NAME.test(name) || UNSTABLE_ATTR.test(name)) continue;
    const value = attr.value;
    if (value.length === 0 || value.length > LIMITS.attrValue || UNSTABLE_VALUE.test(value)) continue;
    (attrs ??= {})[name] = value;
    n++;
  }
  return attrs;
}

function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

function sameTagChildren(parent: Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const child of Array.from(parent.children)) if (tagOf(child) === tag) found.push(child);
  return found;
}

/** The step that leads from `el`'s parent to `el`. */
export function stepOf(el: Element): PathStep | null {
  const tag = tagOf(el);
  const parent = el.parentElement;
  if (!parent || !TAG.test(tag)) return null;
  const siblings = sameTagChildren(parent, tag);
  const attrs = stableAttrs(el);
  return { tag, index: siblings.indexOf(el), of: Math.min(siblings.length, LIMITS.index), ...(attrs ? { attrs } : {}) };
}

/** The steps from `ancestor` down to `el`, or null when `el` is not under it (or the path is too long). */
export function pathFrom(ancestor: Element, el: Element): PathStep[] | null {
  const steps: PathStep[] = [];
  for (let node: Element | null = el; node !== ancestor; node = node.parentElement) {
    if (!node || steps.length >= LIMITS.pathSteps) return null;
    const step = stepOf(node);
    if (!step) return null;
    steps.push(step);
  }
  return steps.reverse();
}

function hasAttrs(el: Element, attrs: Record<string, string>): boolean {
  for (const [name, value] of Object.entries(attrs)) if (el.getAttribute(name) !== value) return false;
  return true;
}

/**
 * Walks `path` down from `root`. A step whose positional child lost the
 * attributes it was taught with takes the one sibling that still has them;
 * attributes dropped everywhere do not stop the walk (values are checked
 * after it).
 */
export function follow(root: Element, path: readonly PathStep[]): Element | null {
  let node: Element = root;
  for (const step of path) {
    const children = sameTagChildren(node, step.tag);
    let next: Element | undefined = children[step.index];
    if (step.attrs && (!next || !hasAttrs(next, step.attrs))) {
      const withAttrs = children.filter((c) => hasAttrs(c, step.attrs!));
      if (withAttrs.length === 1) next = withAttrs[0];
    }
    if (!next) return null;
    node = next;
  }
  return node;
}

/**
 * Elements that sit where `path` leads but through a sibling at a step whose
 * count of same-tag siblings changed since teaching: the repeats of a line
 * that repeats per order (a second goods line and its price).
 */
export function repeatsOf(root: Element, path: readonly PathStep[]): Element[] {
  const out: Element[] = [];
  let node: Element | null = root;
  for (let i = 0; i < path.length && node; i++) {
    const step = path[i]!;
    const children = sameTagChildren(node, step.tag);
    if (step.of !== undefined && children.length > 1 && children.length !== step.of) {
      for (const [j, sibling] of children.entries()) {
        if (j === step.index) continue;
        const twin = follow(sibling, path.slice(i + 1));
        if (twin) out.push(twin);
      }
    }
    node = follow(node, [step]);
  }
  return out;
}

/** `el`'s ancestor `up` levels above it. */
export function ancestorUp(el: Element, up: number): Element | null {
  let node: Element | null = el;
  for (let i = 0; i < up && node; i++) node = node.parentElement;
  return node;
}

// ---- labels ----------------------------------------------------------------

const ANY_LABEL_WORD = new RegExp(Object.values(HEADER_WORDS).map((re) => re.source).join('|'), 'i');
const CELL = 'td,th,[role="cell"],[role="gridcell"]';
const HEADER_CELL = 'th,[role="columnheader"],[role="rowheader"]';

/** Text that reads as a label: short, wordy, no digits, and ending in a colon or one of the back-offices' label words. */
function asLabel(text: string): string | undefined {
  const folded = foldSpaces(text).trim();
  if (folded.length === 0 || folded.length > LIMITS.label + 1 || /\d/.test(folded) || !/\p{L}/u.test(folded)) return undefined;
  const colon = /[:：]$/.test(folded);
  const bare = folded.replace(/\s*[:：]$/, '');
  if (!bare || bare.length > LIMITS.label) return undefined;
  // Without a colon only a short text with a label word: a goods title that mentions 商品 is not a label.
  return colon || (bare.length <= 12 && ANY_LABEL_WORD.test(bare)) ? bare : undefined;
}

/** Labels compare without case, spaces or a trailing colon. */
export function sameLabel(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string) => s.replace(/[\s:：]/g, '').toLowerCase();
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}

/**
 * Per-read memory for column headers: the header rows of a page are looked
 * up once, not once per value.
 */
export class LabelContext {
  private rows: Element[][] | undefined;
  constructor(private readonly doc: Document) {}

  /** Rows of header cells (th, role=columnheader), in document order. */
  headerRows(): Element[][] {
    if (this.rows) return this.rows;
    const byRow = new Map<Element, Element[]>();
    for (const cell of Array.from(this.doc.querySelectorAll('th,[role="columnheader"]'))) {
      const row = cell.parentElement;
      if (!row) continue;
      const list = byRow.get(row) ?? [];
      list.push(cell);
      byRow.set(row, list);
    }
    this.rows = [...byRow.values()];
    return this.rows;
  }
}

/** The column a cell starts in, counting the colspans before it. */
function columnOf(cell: Element): number {
  let column = 0;
  for (let prev = cell.previousElementSibling; prev; prev = prev.previousElementSibling) {
    column += Number((prev as HTMLTableCellElement).colSpan) || 1;
  }
  return column;
}

function headerText(row: readonly Element[], column: number): string | undefined {
  let at = 0;
  for (const cell of row) {
    const span = Number((cell as HTMLTableCellElement).colSpan) || 1;
    if (column >= at && column < at + span) return asLabel(textOf(cell)) ?? (textOf(cell).length <= LIMITS.label && !/\d/.test(textOf(cell)) ? textOf(cell) || undefined : undefined);
    at += span;
  }
  return undefined;
}

/** The header over `cell`'s column: its own table's, else the last header row above it on the page. */
function columnHeader(cell: Element, ctx: LabelContext): string | undefined {
  if (cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader') return undefined;
  const column = columnOf(cell);
  const rows = ctx.headerRows();
  let best: Element[] | undefined;
  for (const row of rows) {
    const first = row[0]!;
    // Header rows before the cell in document order; the nearest one wins.
    if (first.compareDocumentPosition(cell) & 4 /* FOLLOWING */) best = row;
  }
  return best ? headerText(best, column) : undefined;
}

/**
 * The label that names the value in `el`: a label just before it (its own
 * previous sibling, or that of its nearest wrapper inside the
 * same cell), else the header of the table column it sits in.
 */
export function labelOf(el: Element, ctx: LabelContext): string | undefined {
  let node: Element | null = el;
  // A cell's neighbours are other columns' values, not labels: inside a cell only its header names it.
  for (let level = 0; level < 2 && node && !node.matches(CELL); level++) {
    const prev = node.previousElementSibling;
    // A column header just before a grid's first cell names its own column, not this value.
    if (prev && !prev.matches(HEADER_CELL)) {
      const label = asLabel(textOf(prev));
      if (label) return label;
    }
    node = node.parentElement;
  }
  const cell = el.closest(CELL);
  return cell ? columnHeader(cell, ctx) : undefined;
}
