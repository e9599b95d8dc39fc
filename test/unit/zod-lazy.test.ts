import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

// The domain's and the messages' schemas are built the first time they are used, not when their modules load (a
// waking worker loads them all before it can answer). Built late, each must take and refuse exactly what the schema
// built at once did: the same modules are loaded a second time with lazySchema building at once, and every
// exported schema parses the same inputs to the same result, issues included.

type Module = Record<string, unknown>;
const MODULES = {
  orders: () => import('@/lib/orders/model'),
  settings: () => import('@/lib/settings'),
  compose: () => import('@/lib/compose/model'),
  record: () => import('@/lib/compose/record'),
  backup: () => import('@/lib/backup/format'),
  errors: () => import('@/lib/messaging/errors'),
  platforms: () => import('@/lib/messaging/platforms'),
  recipes: () => import('@/lib/messaging/recipes'),
  workspace: () => import('@/lib/messaging/workspace'),
  milestones: () => import('@/lib/milestones/model'),
  cadence: () => import('@/lib/reminders/settings'),
} as const;

const isSchema = (x: unknown): x is { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } } =>
  typeof x === 'object' && x !== null && '_zod' in x && typeof (x as { safeParse?: unknown }).safeParse === 'function';

async function load(eager: boolean): Promise<Record<string, Module>> {
  vi.resetModules();
  if (eager) vi.doMock('@/lib/zod-lazy', () => ({ lazySchema: (build: () => unknown) => build() }));
  else vi.doUnmock('@/lib/zod-lazy');
  const out: Record<string, Module> = {};
  for (const [name, importer] of Object.entries(MODULES)) out[name] = (await importer()) as Module;
  return out;
}

const outcome = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: r.error!.issues };
};

const NOW = Date.UTC(2026, 11, 5, 6);
const validOrder = {
  platform: 'taobao',
  orderId: '4200000000001',
  buyer: { nick: 'tb_buyer' },
  items: [{ title: '杯子', qty: 2, unitPrice: { minor: 1250, currency: 'CNY' } }],
  amount: { minor: 2500, currency: 'CNY' },
  status: 'unpaid',
  chatUrl: 'https://amos.alicdn.com/getcid.aw?uid=tb_buyer',
  createdAt: NOW - 3_600_000,
  key: 'taobao:4200000000001',
  pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  statusSource: 'page',
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  statusChangedAt: NOW,
  followUp: { kind: 'promised', at: NOW + 7_200_000 },
};

/** Inputs near and far from valid ones: a valid order with a field changed, dropped or of another type, and anything. */
const inputs = fc.oneof(
  fc.anything(),
  fc.record({ key: fc.constantFrom(...Object.keys(validOrder)), value: fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(undefined), fc.constant('javascript:alert(1)')) }).map(({ key, value }) => ({ ...validOrder, [key]: value })),
  fc.constantFrom(validOrder, { ...validOrder, amount: { minor: -1, currency: 'CNY' } }, { ...validOrder, chatUrl: 'javascript:alert(1)' }, {}, { settings: {} }),
);

describe('schemas built on first use', () => {
  it('take and refuse exactly what the schemas built at load did', async () => {
    const eager = await load(true);
    const lazy = await load(false);
    let compared = 0;
    for (const [name, module] of Object.entries(lazy)) {
      for (const [exported, schema] of Object.entries(module)) {
        if (!isSchema(schema)) continue;
        const twin = eager[name]![exported];
        expect(isSchema(twin), `${name}.${exported}`).toBe(true);
        compared++;
        fc.assert(
          fc.property(inputs, (value) => {
            expect(outcome(schema, value), `${name}.${exported}`).toEqual(outcome(twin as typeof schema, value));
          }),
          { numRuns: 60, seed: 15 },
        );
      }
    }
    // Every module's schemas took part (a schema the walk missed would go unchecked).
    expect(compared).toBeGreaterThanOrEqual(30);
    // A valid order parses as one, through the schemas that hold lazy ones (ObservedOrder inside PageRead).
    expect((lazy.orders!.OrderSchema as { parse(v: unknown): unknown }).parse(validOrder)).toEqual(validOrder);
  }, 120_000);

  it('leave the defaults written out as the schemas make them of nothing stored', async () => {
    const { settings, cadence } = await load(false);
    expect(settings!.DEFAULT_SETTINGS).toEqual((settings!.SettingsSchema as { parse(v: unknown): unknown }).parse({}));
    expect(cadence!.DEFAULT_CADENCE).toEqual((cadence!.CadenceSettingsSchema as { parse(v: unknown): unknown }).parse({}));
  });

  it('are not built when their modules load, and are built by their first use', async () => {
    vi.resetModules();
    vi.doUnmock('@/lib/zod-lazy');
    const built = { n: 0 };
    vi.doMock('zod', async (original) => {
      const zod = (await original()) as typeof import('zod');
      const count = <F extends (...args: never[]) => unknown>(f: F) => ((...args: Parameters<F>) => (built.n++, f(...args))) as unknown as F;
      const z = { ...zod.z, object: count(zod.z.object), strictObject: count(zod.z.strictObject), looseObject: count(zod.z.looseObject) };
      return { ...zod, z };
    });
    try {
      const loaded: Module[] = [];
      for (const importer of Object.values(MODULES)) loaded.push((await importer()) as Module);
      expect(built.n).toBe(0);
      const orders = loaded[0]!;
      (orders.ContactAttemptSchema as { safeParse(v: unknown): unknown }).safeParse({});
      expect(built.n).toBeGreaterThan(0);
    } finally {
      vi.doUnmock('zod');
      vi.resetModules();
    }
  });
});
