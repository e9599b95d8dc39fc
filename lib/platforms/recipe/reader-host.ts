// The taught-recipe reader (./apply.ts) is a script of its own (entrypoints/recipes.ts), put into a seller frame only
// when the seller taught that page: most pages have no recipe, and the content script every seller page loads stays
// smaller by it. readPage finds it here; until it is there, a page reads as if it had no recipe.
import type { readByRecipe } from './apply';

/** Where the injected script (or the teaching script, or a test's setup) leaves the recipe reader. */
export const RECIPE_GLOBAL = '__payNudgeRecipeReader';
export type RecipeReader = typeof readByRecipe;
export type RecipeHost = { [RECIPE_GLOBAL]?: RecipeReader };
/** The injected script's path in the extension (WXT builds an unlisted script to the root). */
export const RECIPE_SCRIPT = '/recipes.js';

/** The recipe reader, when this frame has it. */
export function recipeReader(): RecipeReader | undefined {
  return (globalThis as RecipeHost)[RECIPE_GLOBAL];
}

/** Leaves the recipe reader where recipeReader finds it (running twice changes nothing). */
export function provideRecipeReader(read: RecipeReader): void {
  (globalThis as RecipeHost)[RECIPE_GLOBAL] ??= read;
}
