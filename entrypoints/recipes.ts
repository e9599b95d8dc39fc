// The taught-recipe reader (lib/platforms/recipe/apply.ts), injected into a seller frame by the background when that
// frame's page has a recipe the seller taught (lib/platforms/recipe/reader-host.ts). It runs in the content script's
// own world and leaves the reader where readPage looks for it.
import { readByRecipe } from '@/lib/platforms/recipe/apply';
import { provideRecipeReader } from '@/lib/platforms/recipe/reader-host';

export default defineUnlistedScript(() => provideRecipeReader(readByRecipe));
