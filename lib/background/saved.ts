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
  /**
   * Starts a read now (a waking worker, as its script starts: the disk read overlaps the modules' set-up); the next
   * read() takes it instead of reading again, unless a put or a removal came in between or `keepMs` passed. Only the
   * first read is read ahead: after a read, it does nothing. Settles when that read is done.
   */
  prefetch(keepMs: number): Promise<unknown>;
}

export function savedText(cacheName: string, url: string): SavedText {
  const storage = () => (globalThis as { caches?: CacheStorage }).caches;
  let queue: Promise<unknown> = Promise.resolve();
  /** A read started by prefetch() and not taken yet. */
  let early: Promise<string | undefined> | undefined;
  /** Someone read already: a read ahead now would be for nobody. */
  let read = false;
  const step = (work: (cache: Cache) => Promise<unknown>) => {
    early = undefined;
    const caches = storage();
    if (!caches) return;
    queue = queue.then(() => caches.open(cacheName).then(work)).catch(() => undefined);
  };
  async function readNow(): Promise<string | undefined> {
    const caches = storage();
    if (!caches) return undefined;
    try {
      const response = await (await caches.open(cacheName)).match(url);
      return response ? await response.text() : undefined;
    } catch {
      return undefined;
    }
  }
  return {
    available: () => storage() !== undefined,
    put: (body) => step((cache) => cache.put(url, new Response(body, { headers: { 'content-type': 'application/json' } }))),
    remove: () => step((cache) => cache.delete(url)),
    read() {
      read = true;
      const taken = early;
      early = undefined;
      return taken ?? readNow();
    },
    prefetch(keepMs) {
      if (early || read || !storage()) return early ?? Promise.resolve();
      const reading = readNow();
      early = reading;
      setTimeout(() => {
        if (early === reading) early = undefined;
      }, keepMs);
      return reading;
    },
  };
}

/** A read started as a waking worker's script starts is let go after this long when nothing took it (an alarm woke it). */
export const WAKING_READ_KEPT_MS = 10_000;
/** The queue's reads, saved for the next worker (./queue.ts). */
export const SAVED_QUEUE = savedText('paynudge-queue', 'https://paynudge.invalid/queue-reads');
/** The popup's facts, saved for the next worker (./popup.ts). */
export const SAVED_POPUP = savedText('paynudge-popup', 'https://paynudge.invalid/popup-facts');

