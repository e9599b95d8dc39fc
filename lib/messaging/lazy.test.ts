import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { requests } from './lazy';
import { createBackground, type BackgroundDeps } from '../background/service';
import { BackgroundRequests } from './protocol';

describe('request tables build each schema on first use', () => {
  it('builds no schema until one is asked for, then that one once', () => {
    const a = vi.fn(() => z.object({ n: z.number() }));
    const b = vi.fn(() => z.object({ s: z.string() }));
    const table = requests({ 'x/a': { from: 'extension', schema: a }, 'x/b': { from: 'content', schema: b } });
    // Spreading tables into one (as the protocol does) copies the entries, not their schemas.
    const merged = { ...table };
    expect(a).not.toHaveBeenCalled();
    expect(merged['x/b'].from).toBe('content');
    expect(merged['x/a'].schema.safeParse({ n: 1 }).success).toBe(true);
    expect(merged['x/a'].schema.safeParse({ n: 'one' }).success).toBe(false);
    expect(table['x/a'].schema).toBe(merged['x/a'].schema);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
  });

  it('a background that starts builds none of the protocol\'s schemas, and still refuses a bad message', async () => {
    const built = new Set<string>();
    for (const [type, entry] of Object.entries(BackgroundRequests)) {
      const get = Object.getOwnPropertyDescriptor(entry, 'schema')!.get!;
      vi.spyOn(entry, 'schema', 'get').mockImplementation(() => {
        built.add(type);
        return get.call(entry);
      });
    }
    const deps = { db: async () => undefined, now: () => 0, newId: () => 'id', extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', changed: () => undefined } as unknown as BackgroundDeps;
    const bg = createBackground(deps);
    expect([...built]).toEqual([]);
    // A malformed 'orders/list' gets no reply: parsed with its schema, built now, and only it.
    expect(bg.handle({ type: 'orders/list', limit: -1 }, { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' })).toBeUndefined();
    expect([...built]).toEqual(['orders/list']);
    vi.restoreAllMocks();
  });
});
