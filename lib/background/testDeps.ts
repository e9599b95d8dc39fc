import { vi } from 'vitest';
import type { BackgroundDeps } from './service';
import type { Db } from '../store/db';

/**
 * Test-only: the browser side of the background (see BackgroundDeps) for unit
 * tests — our extension id and origin, no tabs, a counting id source, a spy
 * for `changed`. Pass `now` as a function to move the clock.
 */
export function testDeps(db: () => Promise<Db>, now: () => number, overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  let id = 0;
  return {
    db,
    now,
    newId: () => `id-${++id}`,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    askTab: vi.fn(async () => undefined),
    tabUrl: async () => undefined,
    changed: vi.fn(),
    ...overrides,
  };
}
