import { RECIPE_KEY_PREFIX, recipeKey, RecipeSchema, type RecipeResponses } from '../messaging/recipes';
import { platformOfUrl } from '../platforms/hosts';
import { recipesFor, summarise, type Recipe } from '../platforms/recipe/types';
import type { Db } from '../store/db';
import type { AreaHandlers, HandlerContext } from './handler';

/** Every stored recipe that still parses, newest first (one settings record each, `recipe:<id>`). */
export async function listRecipes(db: Db): Promise<Recipe[]> {
  const records = await db.getAll('settings', IDBKeyRange.bound(RECIPE_KEY_PREFIX, `${RECIPE_KEY_PREFIX}\uffff`));
  return records
    .flatMap((r) => {
      const parsed = RecipeSchema.safeParse(r.value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** The teaching area: recipes saved from the panel, listed and deleted in the options, handed to the content scripts. */
export function recipeHandlers(ctx: HandlerContext): AreaHandlers<RecipeResponses> {
  const { deps } = ctx;
  return {
    async 'recipes/get'(_req, sender) {
      // The page the message came from decides which recipes it gets: never another page's.
      const platform = sender.url ? platformOfUrl(sender.url) : undefined;
      if (!platform || !sender.url) return { recipes: [] };
      return { recipes: recipesFor(await listRecipes(await deps.db()), platform, sender.url) };
    },

    async 'recipe/save'({ recipe, tabId }) {
      const db = await deps.db();
      const stored = await listRecipes(db);
      // Teaching a page again replaces what it was taught before: one recipe per platform and page.
      const stale = stored.filter((r) => r.platform === recipe.platform && r.urlPattern === recipe.urlPattern && r.id !== recipe.id);
      const tx = db.transaction('settings', 'readwrite');
      await Promise.all([...stale.map((r) => tx.store.delete(recipeKey(r.id))), tx.store.put({ key: recipeKey(recipe.id), value: recipe }), tx.done]);
      // The tab reads with it at once (each of its frames uses it if it fits the frame's own page); a tab that has
      // gone away gets it on its next load.
      if (tabId !== undefined) await deps.askTab(tabId, 'recipes/use', { recipes: [recipe] });
      deps.changed();
      return { recipe: summarise(recipe), replaced: stale.length };
    },

    async 'recipes/list'() {
      return { recipes: (await listRecipes(await deps.db())).map(summarise) };
    },

    async 'recipe/delete'({ id }) {
      await (await deps.db()).delete('settings', recipeKey(id));
      deps.changed();
      return { ok: true };
    },
  };
}
