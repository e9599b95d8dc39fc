// A recipe: how to read one seller page that no built-in reader reads, learnt
// from the person pointing at one order's number, total and buyer. Everything
// in it is relative to the order block and structural (tag names, position
// among same-tag siblings, stable attributes, the label or column header next
// to a value), so a redeploy that renames every class still reads. No zod
// here: content scripts check recipes with ./check.ts; the background, which
// stores them, validates with the zod schema in lib/messaging/recipes.ts.
import type { Platform } from '../../orders/model';

export const RECIPE_FIELDS = ['orderId', 'total', 'buyer', 'item', 'status', 'deadline'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];
export const REQUIRED_FIELDS = ['orderId', 'total', 'buyer'] as const satisfies readonly RecipeField[];
export const OPTIONAL_FIELDS = ['item', 'status', 'deadline'] as const satisfies readonly RecipeField[];

export type RecipePlatform = Exclude<Platform, 'manual'>;
// Spelt out rather than taken from the model's zod enum: content scripts carry no zod.
export const RECIPE_PLATFORMS = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee'] as const satisfies readonly RecipePlatform[];

/**
 * One step down the tree: the child with this tag, the index-th among its
 * same-tag siblings; `of` how many such siblings there were when taught, and
 * `attrs` the stable attributes it carried.
 */
export interface PathStep {
  tag: string;
  index: number;
  of?: number;
  attrs?: Record<string, string>;
}

/** Where one field's value sits in its order block. */
export interface FieldRecipe {
  /**
   * Which element of the block's group holds it: 0 is the block itself,
   * n the block's n-th following sibling (an order whose goods rows follow
   * its number row in a shared table), -n its n-th preceding one (a flat
   * grid whose row starts with the buyer's cell, before the number's).
   */
  sibling: number;
  /** From that element down to the value's element. */
  path: PathStep[];
  /** The label or column header next to the value when taught ("实收款", "Total"). */
  label?: string;
}

export interface Recipe {
  version: 1;
  id: string;
  platform: RecipePlatform;
  /** host + path (+ the hash route of an SPA), no query: see urlPatternOf. */
  urlPattern: string;
  createdAt: number;
  /**
   * The order number's shape when it is not the platform's public format
   * ("d6-d15": 6 digits, a dash, 15 digits); absent: the platform's format.
   */
  idShape?: string;
  /** Currency of the total when taught, for totals the page shows without a symbol. */
  currency: string;
  block: {
    tag: string;
    /** Levels from the order number's element up to the block. */
    up: number;
    /** The block's siblings belong to it: following ones up to the next order number, preceding ones as far as the fields reach. */
    spansSiblings: boolean;
  };
  fields: { orderId: FieldRecipe; total: FieldRecipe; buyer: FieldRecipe } & Partial<Record<'item' | 'status' | 'deadline', FieldRecipe>>;
}

/** What a recipe stands for in lists (options page): no paths. */
export interface RecipeSummary {
  id: string;
  platform: RecipePlatform;
  urlPattern: string;
  createdAt: number;
  fields: RecipeField[];
}

export function summarise(recipe: Recipe): RecipeSummary {
  return {
    id: recipe.id,
    platform: recipe.platform,
    urlPattern: recipe.urlPattern,
    createdAt: recipe.createdAt,
    fields: RECIPE_FIELDS.filter((f) => recipe.fields[f] !== undefined),
  };
}

/**
 * The part of a page URL a recipe is kept under: host and path, plus the
 * route of a hash-routed SPA ("#/orders/list"), without query or page numbers.
 */
export function urlPatternOf(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const route = url.hash.startsWith('#/') ? url.hash.slice(1).split('?')[0]! : '';
  return `${url.host}${url.pathname}${route ? `#${route}` : ''}`.slice(0, 500);
}

/** Recipes for a page: its platform's, taught on the same URL pattern, newest first. */
export function recipesFor(recipes: readonly Recipe[], platform: Platform, href: string): Recipe[] {
  const pattern = urlPatternOf(href);
  return recipes.filter((r) => r.platform === platform && r.urlPattern === pattern).sort((a, b) => b.createdAt - a.createdAt);
}

// Limits shared by both validators (./check.ts and the zod schema).
export const LIMITS = {
  id: 64,
  tag: 32,
  pathSteps: 40,
  attrs: 4,
  attrName: 40,
  attrValue: 80,
  label: 40,
  up: 40,
  sibling: 40,
  index: 10_000,
  urlPattern: 500,
} as const;

export const ID_SHAPE = /^(?:[dAa]\d{1,2}|-|_){1,12}$/;
export const TAG = /^[a-z][a-z0-9-]{0,31}$/;
export const ATTR_NAME = /^(?:data-[a-z0-9_.-]{1,35}|name|role|aria-label)$/;
export const CURRENCY = /^[A-Z]{3}$/;
