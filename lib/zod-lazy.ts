import type { z } from 'zod';

/**
 * A schema built the first time anything touches it (a parse, `.optional()`, `.extend(...)`, another schema's parse
 * that holds it), instead of when its module loads. A waking service worker loads every module before it can
 * answer the request that woke it, and building the domain's object schemas took a large part of that (zod sets up
 * each object, string and check as it is made); most are never used in a worker's short life.
 *
 * The value stands in for the built schema in every respect: properties and methods are the built one's (zod's
 * methods close over the schema itself, so `parse` runs exactly as on the eager schema), `instanceof` and zod's own
 * checks see its traits, and types stay `z.infer<typeof X>` of the factory's schema. Build it inside a factory only
 * from other schemas or lazy ones: a lazy schema used in a factory is built when that factory runs.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  // The target is an empty, extensible object, so no trap's invariant ties the answers to it.
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // Reported as configurable: the target does not have it (a non-configurable one would have to be the target's).
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
