// The messages the background sends to content scripts, checked by hand:
// content scripts run on every seller page, so they carry no schema library
// (the background, which stores things, validates with zod).
import type { BuyerRef } from '../orders/model';
import type { BuildError, PickError } from '../platforms/recipe/build';
import { RECIPE_FIELDS, type Recipe, type RecipeField } from '../platforms/recipe/types';

export interface ContentRequestMap {
  'tab/context': Record<string, never>;
  'composer/insert': { text: string };
  // Teaching (from the panel): point at one field's element on the page, preview the recipe, stop.
  'teach/arm': { field: RecipeField };
  'teach/pick': { field: RecipeField };
  'teach/preview': Record<string, never>;
  'teach/end': Record<string, never>;
  // From the background after a save: read with these recipes from now on (checked by the content script).
  'recipes/use': { recipes: unknown[] };
}
export type ContentRequestType = keyof ContentRequestMap;

export interface ContentResponses {
  'tab/context': { platform: string; orderIds: string[]; chatBuyer?: BuyerRef; hasComposer: boolean };
  'composer/insert': { inserted: boolean; method: string };
  /** The picker listens for this field's click (the panel shows the step only then, so no click is lost). */
  'teach/arm': { ok: true } | { ok: false; error: 'not-teaching' };
  /** The element the person clicked for the field, as read; or why there is none ('cancelled': Esc, 'replaced': another step began). */
  'teach/pick': { ok: true; field: RecipeField; text: string } | { ok: false; error: PickError | 'cancelled' | 'replaced' | 'not-teaching' };
  'teach/preview': { ok: true; recipe: Recipe; count: number; unreadable: number; orders: TeachPreviewOrder[] } | { ok: false; error: BuildError };
  'teach/end': { ok: true };
  'recipes/use': { count: number };
}

/** One order as the preview lists it. */
export interface TeachPreviewOrder {
  orderId: string;
  buyer: string;
  minor: number;
  currency: string;
}

export const MAX_INSERT_CHARS = 5000;

type Parsed = { [K in ContentRequestType]: { type: K; payload: ContentRequestMap[K] } }[ContentRequestType];

/** Our exact message shapes, or undefined: extra keys, wrong types and unknown types are all refused. */
export function parseContentRequest(raw: unknown): Parsed | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (record.type === 'tab/context' && keys === 'type') return { type: 'tab/context', payload: {} };
  if (record.type === 'composer/insert' && keys === 'text,type') {
    const text = record.text;
    if (typeof text === 'string' && text.length > 0 && text.length <= MAX_INSERT_CHARS) return { type: 'composer/insert', payload: { text } };
  }
  if ((record.type === 'teach/pick' || record.type === 'teach/arm') && keys === 'field,type' && (RECIPE_FIELDS as readonly unknown[]).includes(record.field)) {
    return { type: record.type, payload: { field: record.field as RecipeField } };
  }
  if (record.type === 'teach/preview' && keys === 'type') return { type: 'teach/preview', payload: {} };
  if (record.type === 'teach/end' && keys === 'type') return { type: 'teach/end', payload: {} };
  // Each recipe is checked where it is used (parseRecipes); here only the list's shape.
  if (record.type === 'recipes/use' && keys === 'recipes,type' && Array.isArray(record.recipes) && record.recipes.length <= 100) {
    return { type: 'recipes/use', payload: { recipes: record.recipes } };
  }
  return undefined;
}
