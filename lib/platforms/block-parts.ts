// What an adapter looks for inside one order's block, found in one walk of
// it. A querySelector per field tests every element of the block against
// class-substring selectors again, and a field the block lacks costs a walk
// of the whole block. Here the block is walked once and each element's
// class is tested with string operations. That pays on large cards with many
// fields (Alibaba.com's ~60 elements: 2.0 vs 3.4 ms per 500 cards, fastest of
// 25 in Chromium); on small blocks (PDD's and Shopee's ~22 elements) the
// browser's own queries stay cheaper (1.5 vs 2.3 ms), so those adapters keep them.
import { uncovered } from './query';

const uncoveredLists = new WeakMap<readonly string[], string[]>();
function uncoveredOf(list: readonly string[]): string[] {
  let u = uncoveredLists.get(list);
  if (!u) uncoveredLists.set(list, (u = uncovered(list)));
  return u;
}

/** One attribute test of a compound selector: [name], [name="v"], [name*="v"], [name^="v"], [name$="v"]. */
interface AttrTest {
  name: string;
  op: '' | '=' | '*=' | '^=' | '$=';
  value: string;
  /** Inside :not(…). */
  negated: boolean;
}

/** A compound selector (no combinator): an optional tag and attribute tests. */
interface Compound {
  tag: string | undefined;
  attrs: AttrTest[];
}

/** A selector compiled to string tests: compounds joined by descendant combinators, the subject last. */
type Compiled = Compound[];

// Attributes whose selector values match case-sensitively in HTML documents
// (the HTML spec's case-insensitive list, e.g. type or lang, is left to the browser).
const SENSITIVE_ATTR = /^(?:class|href|id|role|aria-[a-z-]+|data-[a-z0-9-]+)$/;
const ATTR = /^\[([a-z][a-z0-9-]*)(?:([*^$]?=)"([^"\\]*)")?\]/;
const NOT_ATTR = /^:not\((\[[a-z][a-z0-9-]*(?:[*^$]?="[^"\\]*")?\])\)/;
const TAG = /^[a-z][a-z0-9]*/;

function compound(text: string): Compound | null {
  const tag = TAG.exec(text)?.[0];
  let rest = tag ? text.slice(tag.length) : text;
  const attrs: AttrTest[] = [];
  while (rest) {
    const not = NOT_ATTR.exec(rest);
    const m = ATTR.exec(not ? not[1]! : rest);
    if (!m || !SENSITIVE_ATTR.test(m[1]!)) return null;
    attrs.push({ name: m[1]!, op: (m[2] ?? '') as AttrTest['op'], value: m[3] ?? '', negated: !!not });
    rest = rest.slice(not ? not[0].length : m[0].length);
  }
  return tag || attrs.length > 0 ? { tag, attrs } : null;
}

/** `selector` as string tests, or null when it uses anything else (classes, ids, pseudo-classes, other combinators): the browser answers those. */
export function compileSelector(selector: string): Compiled | null {
  const parts = selector.trim().split(/\s+/);
  const out: Compiled = [];
  for (const part of parts) {
    const c = compound(part);
    if (!c) return null;
    out.push(c);
  }
  return out.length > 0 ? out : null;
}

function attrHolds(el: Element, t: AttrTest): boolean {
  return valueHolds(el.getAttribute(t.name), t);
}

function compoundHolds(el: Element, c: Compound): boolean {
  if (c.tag !== undefined && el.localName !== c.tag) return false;
  for (const t of c.attrs) if (!attrHolds(el, t)) return false;
  return true;
}

/** Whether `el` matches the compiled selector, as Element.matches would (ancestors anywhere in the document count). */
export function matchesCompiled(el: Element, compiled: Compiled): boolean {
  let i = compiled.length - 1;
  if (!compoundHolds(el, compiled[i]!)) return false;
  for (let up = el.parentElement; i > 0 && up; up = up.parentElement) if (compoundHolds(up, compiled[i - 1]!)) i--;
  return i === 0;
}

function valueHolds(v: string | null, t: AttrTest): boolean {
  let ok: boolean;
  if (v === null) ok = false;
  else if (t.op === '') ok = true;
  else if (t.op === '=') ok = v === t.value;
  // An empty value after *=, ^= or $= matches nothing.
  else if (t.value === '') ok = false;
  else if (t.op === '*=') ok = v.includes(t.value);
  else if (t.op === '^=') ok = v.startsWith(t.value);
  else ok = v.endsWith(t.value);
  return ok !== t.negated;
}

const compiledOf = new Map<string, Compiled | null>();
function compiled(selector: string): Compiled | null {
  let c = compiledOf.get(selector);
  if (c === undefined) compiledOf.set(selector, (c = compileSelector(selector)));
  return c;
}

interface Keyed {
  index: number;
  compiled: Compiled;
  /** Whether the class tests are the whole selector (no tag, no other attribute, no ancestor). */
  whole: boolean;
}

/**
 * How one walk sorts elements out for a set of selector lists. The walk
 * reads each element's class alone (one DOM call), and what the class tests
 * say depends on its value alone; the values repeat from block to block
 * (every card has the same classes), so they are worked out once per
 * distinct value and remembered. Selectors with a tag and no class test
 * ('a[href*="chat"]', 'tr') are tested on the tag's own list; the browser
 * is asked for the rest, when a list reaches them.
 */
interface Plan {
  /** Selectors keyed on their class, in the order of the lists. */
  selectors: string[];
  indexOf: Map<string, number>;
  /** Keyed on their class. */
  tests: Keyed[];
  /** Whether a class test of `tests` can hold for an empty class ([class], [class=""]). */
  emptyMatters: boolean;
  /** Not keyed on a class but on a tag ('a[href*="chat"]', 'tr'): found in the tag's own list, a short one. */
  byTag: Map<string, Keyed[]>;
  /** The tag a selector of byTag is found by, by index. */
  tagOf: Array<string | undefined>;
  /** Per class value seen, the selectors its class tests let through. */
  seen: Map<string, readonly Keyed[]>;
}

const NOTHING: readonly Keyed[] = [];
const NOTHING_FOUND: readonly Element[] = [];
// Distinct class values remembered: a page's own are a few hundred; generated ones could grow without end.
const SEEN_MAX = 5000;

const plans = new WeakMap<ReadonlyArray<readonly string[]>, Plan>();
function planOf(lists: ReadonlyArray<readonly string[]>): Plan {
  let plan = plans.get(lists);
  if (plan) return plan;
  plan = { selectors: [], indexOf: new Map(), tests: [], emptyMatters: false, byTag: new Map(), tagOf: [], seen: new Map() };
  for (const list of lists) {
    for (const selector of list) {
      const c = compiled(selector);
      if (!c || plan.indexOf.has(selector)) continue;
      const subject = c[c.length - 1]!;
      const byClass = subject.attrs.some((t) => !t.negated && t.name === 'class');
      if (!byClass && subject.tag === undefined) continue;
      const index = plan.selectors.push(selector) - 1;
      plan.indexOf.set(selector, index);
      if (!byClass) {
        let tagged = plan.byTag.get(subject.tag!);
        if (!tagged) plan.byTag.set(subject.tag!, (tagged = []));
        tagged.push({ index, compiled: c, whole: false });
        plan.tagOf[index] = subject.tag;
        continue;
      }
      plan.tests.push({ index, compiled: c, whole: c.length === 1 && subject.tag === undefined && subject.attrs.every((t) => t.name === 'class') });
    }
  }
  plan.emptyMatters = plan.tests.some(({ compiled: c }) => c[c.length - 1]!.attrs.some((t) => t.name === 'class' && !t.negated && (t.op === '' || (t.op === '=' && t.value === ''))));
  plans.set(lists, plan);
  return plan;
}

/** The selectors whose class tests hold for the class `value`. */
function passing(plan: Plan, value: string): readonly Keyed[] {
  let pass = plan.seen.get(value);
  if (pass) return pass;
  const found = plan.tests.filter(({ compiled: c }) => c[c.length - 1]!.attrs.every((t) => t.name !== 'class' || valueHolds(value, t)));
  pass = found.length > 0 ? found : NOTHING;
  if (plan.seen.size >= SEEN_MAX) plan.seen.clear();
  plan.seen.set(value, pass);
  return pass;
}

/** The rest of `c` against `el`, once its tests of attribute `name` held. */
function restHolds(el: Element, c: Compiled, name: string): boolean {
  const subject = c[c.length - 1]!;
  if (subject.tag !== undefined && el.localName !== subject.tag) return false;
  for (const t of subject.attrs) if (t.name !== name && !attrHolds(el, t)) return false;
  return c.length === 1 || matchesCompiled(el, c);
}

/**
 * The elements inside `root` (not root itself) that each selector of
 * `lists` matches, in document order, from one walk of root. `lists` should
 * be a module constant: how to sort elements out is worked out once per
 * array. Selectors the string tests cannot express are asked of the
 * browser, once and only when a list reaches them.
 */
export class BlockParts {
  private readonly plan: Plan;
  private readonly found: Array<Element[] | undefined> = [];
  private native: Map<string, readonly Element[]> | undefined;
  private walked: string[] | undefined;

  constructor(
    readonly root: Element,
    lists: ReadonlyArray<readonly string[]>,
  ) {
    const plan = (this.plan = planOf(lists));
    const found = this.found;
    if (plan.tests.length === 0) return;
    // A live list indexed in order (never asked its length) is the cheapest walk of a subtree in document order.
    const all = root.getElementsByTagName('*');
    for (let i = 0, el = all[0]; el; el = all[++i]) {
      // className is a string on HTML elements (an object on SVG ones: ask for the attribute).
      const name = el.className;
      // An element without a class (className "") matches no class test unless one holds for an empty value.
      const value = typeof name !== 'string' || (name === '' && plan.emptyMatters) ? el.getAttribute('class') : name === '' ? null : name;
      if (value === null) continue;
      const pass = passing(plan, value);
      for (let t = 0; t < pass.length; t++) {
        const { index, compiled: c, whole } = pass[t]!;
        if (whole || restHolds(el, c, 'class')) (found[index] ??= []).push(el);
      }
    }
  }

  /** Every match of `selector` inside root, in document order. */
  of(selector: string): readonly Element[] {
    const index = this.plan.indexOf.get(selector);
    if (index !== undefined) {
      const tag = this.plan.tagOf[index];
      if (tag !== undefined && !this.walked?.includes(tag)) this.walkTag(tag);
      return this.found[index] ?? NOTHING_FOUND;
    }
    const native = (this.native ??= new Map());
    let asked = native.get(selector);
    if (!asked) native.set(selector, (asked = [...this.root.querySelectorAll(selector)]));
    return asked;
  }

  /** Finds the selectors keyed on `tag` in the tag's own list, when one of them is first asked for. */
  private walkTag(tag: string): void {
    (this.walked ??= []).push(tag);
    const tests = this.plan.byTag.get(tag)!;
    const found = this.found;
    const els = this.root.getElementsByTagName(tag);
    for (let i = 0, el = els[0]; el; el = els[++i]) {
      // Most of these are the tag and one attribute ('a[href*="chat"]'), several of them on the same
      // attribute: it is read once per element (the tag's list holds only elements of that tag).
      let name: string | undefined;
      let value: string | null = null;
      for (let t = 0; t < tests.length; t++) {
        const c = tests[t]!.compiled;
        const only = c.length === 1 && c[0]!.attrs.length === 1 ? c[0]!.attrs[0]! : undefined;
        if (only && only.name !== name) value = el.getAttribute((name = only.name));
        if (only ? valueHolds(value, only) : matchesCompiled(el, c)) (found[tests[t]!.index] ??= []).push(el);
      }
    }
  }

  /** Every element inside root that any selector of `list` matches, in document order (what a query for the joined list gives). */
  any(list: readonly string[]): readonly Element[] {
    const wanted = uncoveredOf(list);
    if (wanted.length === 1) return this.of(wanted[0]!);
    const all = new Set<Element>();
    for (const selector of wanted) for (const el of this.of(selector)) all.add(el);
    return [...all].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  }

  /** What queryFirst(root, list) gives; inside `within` (a descendant of root, not itself) when given. */
  first<E extends Element = HTMLElement>(list: readonly string[], within?: Element): E | null {
    for (const selector of list) {
      const els = this.of(selector);
      for (let i = 0; i < els.length; i++) {
        const el = els[i]!;
        if (!within || (el !== within && within.contains(el))) return el as E;
      }
    }
    return null;
  }

  /** What queryAllFirst(root, list) gives; inside `within` when given. */
  all<E extends Element = HTMLElement>(list: readonly string[], within?: Element): E[] {
    for (const selector of list) {
      const els = this.of(selector);
      const found = within ? els.filter((el) => el !== within && within.contains(el)) : [...els];
      if (found.length > 0) return found as E[];
    }
    return [];
  }
}
