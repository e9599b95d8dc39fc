// Turning the person's clicks on one order into a recipe: the order block is
// found from the order number (the ancestor that holds exactly this one
// number and repeats beside its siblings), then each clicked value becomes a
// path from that block plus the label or header beside it.
import type { Platform } from '../../orders/model';
import { parseMoney, parseMoneyAll } from '../../orders/money';
import { numberText, ORDER_NUMBER } from '../order-numbers';
import { textOf } from '../types';
import { DEFAULT_CURRENCY, idPattern, idsIn, idsUnder, readByRecipe, readValue, regionSignCurrency } from './apply';
import { labelOf, LabelContext, pathFrom } from './dom';
import { LIMITS, RECIPE_FIELDS, REQUIRED_FIELDS, urlPatternOf, type FieldRecipe, type Recipe, type RecipeField, type RecipePlatform } from './types';

export type PickError = 'no-id' | 'no-total' | 'several-totals' | 'no-buyer' | 'no-status' | 'no-deadline' | 'no-item';
export type BuildError = PickError | 'missing' | 'outside-order' | 'no-block' | 'not-repeatable' | 'bad-url';

/** The order number's shape in the tokens recipes store ("d6-d15"), for numbers outside the platform's format. */
export function shapeOf(token: string): string | undefined {
  const runs = token.match(/\d+|[A-Z]+|[a-z]+|-|_/g) ?? [];
  if (runs.join('') !== token || runs.length > 12) return undefined;
  const shape = runs.map((r) => (r === '-' || r === '_' ? r : `${/\d/.test(r) ? 'd' : /[A-Z]/.test(r) ? 'A' : 'a'}${Math.min(r.length, 99)}`)).join('');
  return shape;
}

/** The order number in a clicked element's text: the platform's format, else a long token with digits. */
function idOf(text: string, platform: RecipePlatform): { id: string; idShape?: string } | undefined {
  const own = idsIn(text, new RegExp(ORDER_NUMBER[platform].source, 'g'));
  if (own.size === 1) return { id: [...own][0]! };
  if (own.size > 1) return undefined;
  const tokens = [...new Set(text.match(/[A-Za-z0-9_-]{6,64}/g) ?? [])].filter((t) => /\d{4}/.test(t));
  if (tokens.length !== 1) return undefined;
  const idShape = shapeOf(tokens[0]!);
  return idShape ? { id: tokens[0]!, idShape } : undefined;
}

/** The deepest element under `el` (itself included) whose own text node holds the order number. */
function idElementIn(el: Element, id: string): Element | undefined {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Invisible marks out, a number broken by a <wbr> read whole.
    if (numberText(node)?.includes(id)) return node.parentElement ?? undefined;
  }
  return undefined;
}

export interface Pick {
  el: Element;
  /** What the panel shows for the step: the value as read. */
  text: string;
  /** For 'orderId': the shape of a number outside the platform's format. */
  idShape?: string;
}

/**
 * Checks one click for one step: the element the person pointed at must
 * hold that field's kind of value. The total must be one amount (clicking a
 * cell with the total and the shipping fee is refused: click the total).
 */
export function checkPick(field: RecipeField, el: Element, platform: RecipePlatform, now: number): { ok: true; pick: Pick } | { ok: false; error: PickError } {
  if (field === 'orderId') {
    const found = idOf(textOf(el), platform);
    const idEl = found && idElementIn(el, found.id);
    if (!found || !idEl) return { ok: false, error: 'no-id' };
    return { ok: true, pick: { el: idEl, text: found.id, ...(found.idShape ? { idShape: found.idShape } : {}) } };
  }
  const opts = { pattern: new RegExp(ORDER_NUMBER[platform].source, 'g'), currency: DEFAULT_CURRENCY[platform], now };
  let value = readValue(field, el, opts);
  // A click on part of an amount ("128.00" beside a "¥" of its own) means the amount its wrapper shows.
  for (let up = el.parentElement, n = 0; !value && field === 'total' && up && up !== el.ownerDocument.body && n < 2; up = up.parentElement, n++) {
    const whole = readValue(field, up, opts);
    if (whole) {
      value = whole;
      el = up;
    }
  }
  if (!value) {
    // An optional field the readers do not understand yet ("23:59:10", a status word we do not know) is
    // still where the person says it is: kept, and read when it can be (the order stands without it).
    const shown = textOf(el);
    if ((field === 'item' || field === 'status' || field === 'deadline') && shown && shown.length <= 200) return { ok: true, pick: { el, text: shown } };
    if (field === 'total') return { ok: false, error: parseMoneyAll(textOf(el)).length > 1 ? 'several-totals' : 'no-total' };
    const errors: Record<Exclude<RecipeField, 'orderId' | 'total'>, PickError> = { buyer: 'no-buyer', item: 'no-item', status: 'no-status', deadline: 'no-deadline' };
    return { ok: false, error: errors[field] };
  }
  const text = value.kind === 'total' ? textOf(el) : value.kind === 'text' || value.kind === 'status' ? value.text : textOf(el);
  return { ok: true, pick: { el, text: text.slice(0, 200) } };
}

function depth(el: Element): number {
  let d = 0;
  for (let node = el.parentElement; node; node = node.parentElement) d++;
  return d;
}

/**
 * Builds a recipe from one order's picks. The block: the lowest ancestor of
 * the number that holds every pick and no other order number. When the picks
 * reach past the highest such ancestor into its siblings (number row, then
 * goods rows, in one shared table; a flat grid's cells), the block spans
 * those siblings.
 */
export function buildRecipe(
  doc: Document,
  picks: Partial<Record<RecipeField, Pick>>,
  opts: { platform: Platform; href: string; now: number; id: string },
): { ok: true; recipe: Recipe } | { ok: false; error: BuildError } {
  if (opts.platform === 'manual') return { ok: false, error: 'bad-url' };
  const platform = opts.platform;
  const urlPattern = urlPatternOf(opts.href);
  if (!urlPattern) return { ok: false, error: 'bad-url' };
  for (const field of REQUIRED_FIELDS) if (!picks[field]) return { ok: false, error: 'missing' };
  const idPick = picks.orderId!;
  const pattern = idPattern({ platform, idShape: idPick.idShape });
  // The order may sit in a same-origin frame of `doc`: its own document bounds the block.
  const own = idPick.el.ownerDocument;

  // Ancestors of the number that hold only this one order number.
  const chain: Element[] = [];
  for (let node: Element | null = idPick.el; node && node !== own.body && node !== own.documentElement; node = node.parentElement) {
    if (idsUnder(node, pattern, 1).size !== 1) break;
    chain.push(node);
  }
  const top = chain.at(-1);
  if (!top) return { ok: false, error: 'no-block' };
  const others = RECIPE_FIELDS.filter((f) => f !== 'orderId' && picks[f]).map((f) => picks[f]!.el);

  let block: Element;
  let group: Element[];
  // Where the block sits in `group` (group[i] is at sibling offset i - origin).
  let origin = 0;
  let spansSiblings = false;
  if (others.every((el) => top.contains(el))) {
    // The lowest: wrappers a redeploy adds above an order (or around one order only) leave its inside alone.
    block = chain.find((node) => others.every((el) => node.contains(el)))!;
    group = [block];
  } else {
    // The order's other parts are the number's siblings: up to the next number, and back to the previous one.
    group = [top];
    for (let next = top.nextElementSibling; next && group.length <= 40; next = next.nextElementSibling) {
      if (idsUnder(next, pattern).size > 0) break;
      group.push(next);
    }
    for (let prev = top.previousElementSibling; prev && origin < 40; prev = prev.previousElementSibling) {
      if (idsUnder(prev, pattern).size > 0) break;
      group.unshift(prev);
      origin++;
    }
    if (!others.every((el) => group.some((g) => g.contains(el)))) return { ok: false, error: 'outside-order' };
    block = top;
    spansSiblings = true;
  }
  const up = depth(idPick.el) - depth(block);
  if (up > LIMITS.up) return { ok: false, error: 'no-block' };

  const labels = new LabelContext(own);
  const fields: Partial<Record<RecipeField, FieldRecipe>> = {};
  for (const field of RECIPE_FIELDS) {
    const pick = picks[field];
    if (!pick) continue;
    const index = group.findIndex((g) => g.contains(pick.el));
    const path = index >= 0 ? pathFrom(group[index]!, pick.el) : null;
    if (!path) return { ok: false, error: 'outside-order' };
    const sibling = index - origin;
    // The number is found by its text; a label beside it adds nothing and could only miss.
    const label = field === 'orderId' ? undefined : labelOf(pick.el, labels);
    fields[field] = { sibling, path, ...(label ? { label } : {}) };
  }

  const currency = regionSignCurrency(platform, opts.href) ?? parseMoney(picks.total!.text, DEFAULT_CURRENCY[platform])?.currency ?? DEFAULT_CURRENCY[platform] ?? 'USD';
  const recipe: Recipe = {
    version: 1,
    id: opts.id,
    platform,
    urlPattern,
    createdAt: opts.now,
    ...(idPick.idShape ? { idShape: idPick.idShape } : {}),
    currency,
    block: { tag: block.tagName.toLowerCase(), up, spansSiblings },
    fields: fields as Recipe['fields'],
  };

  // The recipe must read back the very order it was shown.
  const read = readByRecipe(doc, recipe, opts.href, opts.now);
  const taught = read?.orders.find((o) => o.orderId === idPick.text);
  if (!taught || taught.buyer.nick !== picks.buyer!.text) return { ok: false, error: 'not-repeatable' };
  return { ok: true, recipe };
}
