// Unit tests read pages as a frame that has the injected readers does: the taught-recipe reader (see
// lib/platforms/recipe/reader-host.ts) and the structural reader (see lib/platforms/structure/reader-host.ts).
import { readByRecipe } from '../../lib/platforms/recipe/apply';
import { provideRecipeReader } from '../../lib/platforms/recipe/reader-host';
import { readByStructure } from '../../lib/platforms/structure/reader';
import { provideStructureReader } from '../../lib/platforms/structure/reader-host';

provideRecipeReader(readByRecipe);
provideStructureReader(readByStructure);
