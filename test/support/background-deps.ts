import { vi } from 'vitest';
import type { BackgroundDeps } from '@/lib/background/handler';
import type { Db } from '@/lib/store/db';
import type { Order } from '@/lib/orders/model';

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

/** Test-only: an off-platform (manual) B2B order of USD 5,000, first seen at `now`: the staged-payment tests' order. */
export function manualRingOrder(now: number): Order {
  return {
    platform: 'manual',
    orderId: 'JW-2026-118',
    key: 'manual:JW-2026-118',
    buyer: { nick: 'Anna Petrova' },
    items: [{ title: 'Custom 18k gold ring, sapphire', qty: 1 }],
    amount: { minor: 500_000, currency: 'USD' },
    status: 'unpaid',
    statusSource: 'person',
    pageUrl: '',
    firstSeenAt: now,
    lastSeenAt: now,
    statusChangedAt: now,
  };
}
