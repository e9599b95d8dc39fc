import type { z } from 'zod';

/** Who may send a request: an extension page (panel, popup, options) or a content script on a seller page. */
export type Sender = 'extension' | 'content';

interface Spec {
  from: Sender;
  /** Builds the request's schema. */
  schema: () => z.ZodType;
}

export type Requests<T extends Record<string, Spec>> = {
  readonly [K in keyof T]: { readonly from: T[K]['from']; readonly schema: ReturnType<T[K]['schema']> };
};

/**
 * A table of requests whose schemas are built the first time each is asked for. A waking worker (and every page
 * that imports the protocol) built all of them at load, about 150 ms in a profile, before its first answer;
 * now it builds the one message's schema that arrives, when it arrives. Every message is still parsed with it.
 */
export function requests<const T extends Record<string, Spec>>(table: T): Requests<T> {
  const out: Record<string, { from: Sender; schema: z.ZodType }> = {};
  for (const [type, spec] of Object.entries(table)) {
    let built: z.ZodType | undefined;
    out[type] = Object.defineProperty({ from: spec.from } as { from: Sender; schema: z.ZodType }, 'schema', {
      get: () => (built ??= spec.schema()),
      enumerable: true,
      configurable: true,
    });
  }
  return out as Requests<T>;
}
