// A JSON text kept for the next worker (Chrome stops an idle one after 30 s)
// in the worker's CacheStorage: no permission, and a put is no request,
// nothing is fetched. The queue (./queue.ts) and the popup's facts
// (./popup.ts) keep theirs here. Saves and removals run in the order they
// were asked for; a failure is dropped, as a saved copy is only a head start.

export interface SavedText {
  /** This context has a CacheStorage (a worker, an extension page; not every test's environment). */
  available(): boolean;
  put(body: string): void;
  remove(): void;
  /** The text saved last, or undefined: none, no CacheStorage in this context, or it failed. */
  read(): Promise<string | undefined>;
}

export function savedText(cacheName: string, url: string): SavedText {
  const storage = () => (globalThis as { caches?: CacheStorage }).caches;
  let queue: Promise<unknown> = Promise.resolve();
  const step = (work: (cache: Cache) => Promise<unknown>) => {
    const caches = storage();
    if (!caches) return;
    queue = queue.then(() => caches.open(cacheName).then(work)).catch(() => undefined);
  };
  return {
    available: () => storage() !== undefined,
    put: (body) => step((cache) => cache.put(url, new Response(body, { headers: { 'content-type': 'application/json' } }))),
    remove: () => step((cache) => cache.delete(url)),
    async read() {
      const caches = storage();
      if (!caches) return undefined;
      try {
        const response = await (await caches.open(cacheName)).match(url);
        return response ? await response.text() : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
