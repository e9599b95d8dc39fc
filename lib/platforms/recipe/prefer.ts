// Which read of a page stands when the seller taught it a recipe: the
// recipe's, unless the built-in readers read more orders. Pure: read.ts
// hands in both reads and the order numbers the page shows.
import type { PageRead } from '../../orders/model';

function missed(read: PageRead, shown: ReadonlySet<string>): number {
  const ids = new Set(read.orders.map((o) => o.orderId));
  let n = 0;
  for (const id of shown) if (!ids.has(id)) n++;
  return n;
}

/**
 * `builtIn` is the adapter's (or structural reader's) read, `taught` the
 * reads of this page's recipes, newest first (null: the recipe found no order).
 * A recipe that finds nothing on a page that shows order numbers marks the
 * read `recipeNoMatch`, so the panel offers to teach the page again.
 */
export function preferRecipe(builtIn: PageRead | null, taught: ReadonlyArray<PageRead | null>, shown: ReadonlySet<string>): PageRead | null {
  const first = taught.find((r): r is PageRead => r !== null);
  if (!first) {
    const noMatch = taught.length > 0 && shown.size > 0;
    return builtIn && noMatch && builtIn.readPath !== 'recipe' ? { ...builtIn, recipeNoMatch: true } : builtIn;
  }
  const candidate: PageRead = {
    ...first,
    // What the page says about its listing (tab, page, whole or not) is the adapter's to tell.
    ...(builtIn ? { listKey: builtIn.listKey, unpaidOnly: builtIn.unpaidOnly, complete: builtIn.complete, selectorsVersion: builtIn.selectorsVersion ?? first.selectorsVersion } : {}),
    idsMissed: missed(first, shown),
  };
  return !builtIn || candidate.orders.length >= builtIn.orders.length ? candidate : builtIn;
}
