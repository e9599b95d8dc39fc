// Requests of the teaching area: recipes the seller taught for pages no
// built-in reader reads. Stored by the background (one settings record per
// recipe, so backups carry them); content scripts may only ask for the
// recipes of their own page. Merged into BackgroundRequests in ./protocol.ts;
// handlers live in lib/background/recipes.ts.
import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { requests } from './lazy';
import { PLATFORMS } from '../orders/model';
import { ATTR_NAME, CURRENCY, ID_SHAPE, LIMITS, RECIPE_FIELDS, TAG, type Recipe, type RecipeSummary } from '../platforms/recipe/types';

const PathStepSchema = lazySchema(() => z.strictObject({
  tag: z.string().regex(TAG),
  index: z.number().int().nonnegative().max(LIMITS.index),
  of: z.number().int().nonnegative().max(LIMITS.index).optional(),
  attrs: z
    .record(z.string().max(LIMITS.attrName).regex(ATTR_NAME), z.string().min(1).max(LIMITS.attrValue))
    .refine((a) => Object.keys(a).length <= LIMITS.attrs)
    .optional(),
}));

const FieldRecipeSchema = lazySchema(() => z.strictObject({
  sibling: z.number().int().min(-LIMITS.sibling).max(LIMITS.sibling),
  path: z.array(PathStepSchema).max(LIMITS.pathSteps),
  label: z.string().min(1).max(LIMITS.label).optional(),
}));

const RecipePlatformSchema = lazySchema(() => z.enum(PLATFORMS).exclude(['manual']));

/** A recipe as stored and as it crosses contexts; mirrors lib/platforms/recipe/check.ts. */
export const RecipeSchema = lazySchema(() => z.strictObject({
  version: z.literal(1),
  id: z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9_-]+$/),
  platform: RecipePlatformSchema,
  urlPattern: z.string().min(1).max(LIMITS.urlPattern),
  createdAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  idShape: z.string().regex(ID_SHAPE).optional(),
  currency: z.string().regex(CURRENCY),
  block: z.strictObject({ tag: z.string().regex(TAG), up: z.number().int().nonnegative().max(LIMITS.up), spansSiblings: z.boolean() }),
  fields: z.strictObject({
    orderId: FieldRecipeSchema,
    total: FieldRecipeSchema,
    buyer: FieldRecipeSchema,
    item: FieldRecipeSchema.optional(),
    status: FieldRecipeSchema.optional(),
    deadline: FieldRecipeSchema.optional(),
  }),
}) satisfies z.ZodType<Recipe>);

/** Settings-store records holding one recipe each: `recipe:<id>`. */
export const RECIPE_KEY_PREFIX = 'recipe:';
export const recipeKey = (id: string) => `${RECIPE_KEY_PREFIX}${id}`;

export const RecipeRequests = requests({
  // From a content script: the recipes taught for its own page (the sender's URL decides, not the message).
  'recipes/get': { from: 'content', schema: () => z.strictObject({}) },
  // From the panel: keep a recipe (replacing any for the same page), and hand it to the tab at once.
  'recipe/save': { from: 'extension', schema: () => z.strictObject({ recipe: RecipeSchema, tabId: z.number().int().nonnegative().optional() }) },
  // From the options page.
  'recipes/list': { from: 'extension', schema: () => z.strictObject({}) },
  'recipe/delete': { from: 'extension', schema: () => z.strictObject({ id: z.string().min(1).max(LIMITS.id) }) },
});

export interface RecipeResponses {
  'recipes/get': { recipes: Recipe[] };
  'recipe/save': { recipe: RecipeSummary; replaced: number };
  'recipes/list': { recipes: RecipeSummary[] };
  'recipe/delete': { ok: true };
}

export const TEACH_FIELDS = RECIPE_FIELDS;
