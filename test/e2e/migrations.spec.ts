import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { launchWithExtension } from '../support/harness.mjs';

// The schema steps in the browser the extension runs in, not only in fake-indexeddb: a database built from the
// frozen version-1 fixture with the raw API, in the extension's own origin, opened through openPayNudgeDb. Step 5
// renames the attempts store, reads it whole, packs it into a new one and drops the old one, all inside the upgrade
// transaction; an engine that refused any of that would leave a seller's database unopenable.

let context: BrowserContext;
let extensionUrl: (path: string) => string;

test.beforeAll(async () => {
  ({ context, extensionUrl } = await launchWithExtension());
});

test.afterAll(async () => {
  await context?.close();
});

const ENTRY = `
import { openPayNudgeDb } from './lib/store/db';
import { allAttempts, attemptsFollowingUp, countAttempts, getAttempt, listBuyerAttempts } from './lib/store/attempts';
globalThis.__migrate = async (fixture) => {
  const name = 'migrations-e2e-' + Math.random();
  await new Promise((done, fail) => {
    const open = indexedDB.open(name, fixture.version);
    open.onupgradeneeded = () => {
      for (const spec of fixture.stores) {
        const store = open.result.createObjectStore(spec.name, { keyPath: spec.keyPath });
        for (const ix of spec.indexes ?? []) store.createIndex(ix.name, ix.keyPath, { unique: !!ix.unique, multiEntry: !!ix.multiEntry });
      }
    };
    open.onsuccess = () => {
      const tx = open.result.transaction(fixture.stores.map((s) => s.name), 'readwrite');
      for (const spec of fixture.stores) for (const r of spec.records) tx.objectStore(spec.name).add(r);
      tx.oncomplete = () => (open.result.close(), done());
      tx.onerror = () => fail(tx.error);
    };
    open.onerror = () => fail(open.error);
  });
  const db = await openPayNudgeDb(name);
  const out = {
    version: db.version,
    stores: [...db.objectStoreNames].sort(),
    packs: (await db.getAll('attempts')).map((p) => ({ orderKey: p.orderKey, ids: p.ids })),
    attempts: (await allAttempts(db)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    count: await countAttempts(db),
    byId: await Promise.all(fixture.stores.find((s) => s.name === 'attempts').records.map(async (a) => (await getAttempt(db, a.id))?.orderKey)),
    byBuyer: (await listBuyerAttempts(db, 'taobao:上海徐先生')).map((a) => a.id),
    followUps: (await attemptsFollowingUp(db, 0)).map((a) => a.id),
    orders: (await db.getAll('orders')).length,
  };
  db.close();
  indexedDB.deleteDatabase(name);
  return out;
};
`;

test('a version-1 database is brought up to date in Chromium: every attempt kept, packed one record per order, found by id, buyer and follow-up', async () => {
  const root = resolve(import.meta.dirname, '../..');
  const bundle = await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'iife', logLevel: 'silent', alias: { '@': root } });
  const fixture = JSON.parse(readFileSync(resolve(root, 'test/fixtures/db/v1.json'), 'utf8')) as { stores: { name: string; records: { id?: string; orderKey?: string }[] }[] };
  const attempts = fixture.stores.find((s) => s.name === 'attempts')!.records;
  const orders = fixture.stores.find((s) => s.name === 'orders')!.records;
  const page = await context.newPage();
  await page.goto(extensionUrl('popup.html'));
  // Evaluated by DevTools: the extension's pages allow no inline script.
  await page.evaluate(bundle.outputFiles[0]!.text);
  const got = await page.evaluate((f) => (globalThis as unknown as { __migrate: (f: unknown) => Promise<Record<string, unknown>> }).__migrate(f), fixture);
  expect(got.version).toBe(5);
  expect(got.stores).toEqual(['attempts', 'buyers', 'listings', 'milestones', 'orders', 'settings', 'templates']);
  const byOrder = new Map<string, string[]>();
  for (const a of attempts) byOrder.set(a.orderKey!, [...(byOrder.get(a.orderKey!) ?? []), a.id!]);
  expect((got.packs as { orderKey: string; ids: string[] }[]).map((p) => [p.orderKey, [...p.ids].sort()])).toEqual([...byOrder].map(([k, ids]) => [k, ids.sort()]).sort());
  expect(got.attempts).toEqual([...attempts].sort((a, b) => (a.id! < b.id! ? -1 : 1)));
  expect(got.count).toBe(attempts.length);
  expect(got.byId).toEqual(attempts.map((a) => a.orderKey));
  expect(got.byBuyer).toEqual(['att-3']);
  expect(got.followUps).toEqual(['att-3']);
  expect(got.orders).toBe(orders.length);
  await page.close();
});
