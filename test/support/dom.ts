let parsed = 0;

/**
 * Lets go of the pages earlier runs of a property parsed. happy-dom caches
 * query results behind WeakRefs, and a WeakRef keeps its target alive until
 * the current job ends: a property that parses a fixture page in every run of
 * one synchronous loop holds every page (about 3 MB each) until the loop is
 * over, which a long `npm run fuzz` cannot afford. DOM properties are async
 * and await this first; every 20th run it yields to the event loop.
 */
export async function breathe(): Promise<void> {
  if (++parsed % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
}
