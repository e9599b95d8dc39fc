// The page side of teaching (the picker and the recipe builder, lib/content/teach.ts), injected into a seller frame
// by the panel when the person starts teaching it (lib/content/teach-script.ts): most sellers never teach a page, so
// the content script every seller page loads does not carry it. It runs in the content script's own world and
// leaves the session maker where the content script looks for it.
import { teachSession } from '@/lib/content/teach';
import { TEACH_GLOBAL, type TeachHost } from '@/lib/content/teach-script';
import { readByRecipe } from '@/lib/platforms/recipe/apply';
import { provideRecipeReader } from '@/lib/platforms/recipe/reader-host';

export default defineUnlistedScript(() => {
  const host = globalThis as TeachHost;
  host[TEACH_GLOBAL] ??= teachSession;
  // The recipe this frame is taught is read at once, without asking for the reader again.
  provideRecipeReader(readByRecipe);
});
