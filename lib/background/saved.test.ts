import { afterEach, describe, expect, it, vi } from 'vitest';

// What a stopped worker saved for the next one (the panel's queue, the popup's facts) is read as the next worker's
// script starts, before its modules are set up, so the disk read overlaps that set-up; the first request takes that
// read instead of reading again, unless something was saved or removed since.

function fakeCaches() {
  const bodies = new Map<string, string>();
  const reads: string[] = [];
  const cache = {
    match: async (url: string) => (reads.push(url), bodies.has(url) ? new Response(bodies.get(url)) : undefined),
    put: async (url: string, response: Response) => void bodies.set(url, await response.text()),
    delete: async (url: string) => bodies.delete(url),
  };
  return { bodies, reads, storage: { open: async () => cache } };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a saved text read ahead', () => {
  it('is taken by the next read, without reading the disk again', async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    disk.bodies.set('https://paynudge.invalid/x', 'first');
    saved.prefetch(10_000);
    await vi.waitFor(() => expect(disk.reads).toHaveLength(1));
    disk.bodies.set('https://paynudge.invalid/x', 'changed behind its back');
    expect(await saved.read()).toBe('first');
    expect(disk.reads).toHaveLength(1);
    // Taken once: the read after it goes to the disk.
    expect(await saved.read()).toBe('changed behind its back');
  });

  it('is not used once something was saved or removed after it started', async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    disk.bodies.set('https://paynudge.invalid/x', 'old');
    saved.prefetch(10_000);
    saved.put('new');
    await vi.waitFor(() => expect(disk.bodies.get('https://paynudge.invalid/x')).toBe('new'));
    expect(await saved.read()).toBe('new');
    saved.prefetch(10_000);
    saved.remove();
    await vi.waitFor(() => expect(disk.bodies.has('https://paynudge.invalid/x')).toBe(false));
    expect(await saved.read()).toBeUndefined();
  });

  it('is let go when nothing takes it in time', async () => {
    vi.useFakeTimers();
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    disk.bodies.set('https://paynudge.invalid/x', 'early');
    saved.prefetch(10_000);
    disk.bodies.set('https://paynudge.invalid/x', 'later');
    await vi.advanceTimersByTimeAsync(10_001);
    expect(await saved.read()).toBe('later');
  });

  it("starts for the popup's facts and then the panel's queue as the background's script starts", async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    vi.resetModules();
    await import('./started');
    // The popup's few facts first: the queue's ~3 MB read would hold a waking popup's answer up.
    await vi.waitFor(() => expect(disk.reads).toEqual(['https://paynudge.invalid/popup-facts', 'https://paynudge.invalid/queue-reads']));
  });

  it('is not started once something read it already', async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    await saved.read();
    await saved.prefetch(10_000);
    expect(disk.reads).toHaveLength(1);
  });

  it('is parsed as soon as it is here, and the request takes that result without parsing again', async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    disk.bodies.set('https://paynudge.invalid/x', '{"n":1}');
    const parse = vi.fn((text: string) => JSON.parse(text) as { n: number });
    saved.prefetch(10_000);
    saved.parseAhead(parse);
    // Parsed before anyone asks (a waking worker's idle time).
    await vi.waitFor(() => expect(parse).toHaveBeenCalledTimes(1));
    disk.bodies.set('https://paynudge.invalid/x', '{"n":2}');
    expect(await saved.readParsed(parse)).toEqual({ n: 1 });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(disk.reads).toHaveLength(1);
    // Taken once, as read() takes the text: the next request reads and parses anew.
    expect(await saved.readParsed(parse)).toEqual({ n: 2 });
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('parsed ahead, is dropped when something was saved or removed after its read began', async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    disk.bodies.set('https://paynudge.invalid/x', '"old"');
    const parse = (text: string) => JSON.parse(text) as string;
    saved.prefetch(10_000);
    saved.parseAhead(parse);
    saved.put('"new"');
    await vi.waitFor(() => expect(disk.bodies.get('https://paynudge.invalid/x')).toBe('"new"'));
    expect(await saved.readParsed(parse)).toBe('new');
  });

  it('parsed ahead and failing, is parsed again on request, and that error is the one told', async () => {
    const disk = fakeCaches();
    vi.stubGlobal('caches', disk.storage);
    const { savedText } = await import('./saved');
    const saved = savedText('c', 'https://paynudge.invalid/x');
    disk.bodies.set('https://paynudge.invalid/x', 'not json');
    const parse = vi.fn((text: string) => JSON.parse(text) as unknown);
    saved.prefetch(10_000);
    saved.parseAhead(parse);
    await vi.waitFor(() => expect(parse).toHaveBeenCalledTimes(1));
    await expect(saved.readParsed(parse)).rejects.toThrow(SyntaxError);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
