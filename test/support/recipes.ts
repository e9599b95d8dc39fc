// Unit tests read taught pages as a frame that has the recipe reader injected does (see reader-host.ts).
import { readByRecipe } from '../../lib/platforms/recipe/apply';
import { provideRecipeReader } from '../../lib/platforms/recipe/reader-host';

provideRecipeReader(readByRecipe);
