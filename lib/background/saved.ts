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
  /**
   * Parses the text prefetch() is reading as soon as it is here, in a task of its own: a waking worker's idle time
   * between its start and the request it woke for (a big shop's popup facts are 1 MB of text: 15-40 ms to parse and
   * check). readParsed() with the same `parse` then takes the result. Nothing when no read ahead is under way.
   */
  parseAhead<T>(parse: (text: string) => T): void;
  /**
   * read() through `parse`: the result parseAhead() made from the text read ahead when read() would take that text,
   * else the text read now, parsed now. A put or a removal after the read ahead began drops both, as for read().
   */
  readParsed<T>(parse: (text: string) => T): Promise<T | undefined>;
}

export function savedText(cacheName: string, url: string): SavedText {
  const storage = () => (globalThis as { caches?: CacheStorage }).caches;
  let queue: Promise<unknown> = Promise.resolve();
  /** A read started by prefetch() and not taken yet. */
  let early: Promise<string | undefined> | undefined;
  /** Someone read already: a read ahead now would be for nobody. */
  let read = false;
  /** The text read ahead, parsed ahead (parseAhead), with the parser that made it: goes with `early`. */
  let parsed: { of: Promise<string | undefined>; parse: (text: string) => unknown; result: Promise<unknown> } | undefined;
  const step = (work: (cache: Cache) => Promise<unknown>) => {
    early = undefined;
    parsed = undefined;
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
  function readText(): Promise<string | undefined> {
    read = true;
    const taken = early;
    early = undefined;
    parsed = undefined;
    return taken ?? readNow();
  }
  return {
    available: () => storage() !== undefined,
    put: (body) => step((cache) => cache.put(url, new Response(body, { headers: { 'content-type': 'application/json' } }))),
    remove: () => step((cache) => cache.delete(url)),
    read: readText,
    parseAhead(parse) {
      const reading = early;
      if (!reading) return;
      const result = reading.then(
        (text) =>
          new Promise<unknown>((resolve, reject) =>
            // A task of its own: a request that came in meanwhile is handled first.
            setTimeout(() => {
              try {
                resolve(text === undefined ? undefined : parse(text));
              } catch (error) {
                reject(error);
              }
            }, 0),
          ),
      );
      // A parse that throws is as if nothing was read ahead: readParsed parses the text again, and reports its own error.
      result.catch(() => undefined);
      parsed = { of: reading, parse, result };
    },
    async readParsed<T>(parse: (text: string) => T): Promise<T | undefined> {
      const ahead = parsed;
      // Takes the text read ahead, if any (and drops its parse with it), as read() does.
      const reading = readText();
      if (ahead && ahead.of === reading && ahead.parse === parse) {
        try {
          return (await ahead.result) as T | undefined;
        } catch {
          // Parsed again below: the error told is this request's own.
        }
      }
      const text = await reading;
      return text === undefined ? undefined : parse(text);
    },
    prefetch(keepMs) {
      if (early || read || !storage()) return early ?? Promise.resolve();
      const reading = readNow();
      early = reading;
      setTimeout(() => {
        if (early === reading) early = undefined;
        if (parsed?.of === reading) parsed = undefined;
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

