import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { openPayNudgeDb } from './db';
import { DB_VERSION, MIGRATIONS, runMigrations, type Migration } from './migrations';
import { allAttempts, attemptsFollowingUp, countAttempts, countAttemptsByOrder, getAttempt, listAttempts, listBuyerAttempts } from './attempts';
import { getBuyer, listOpenOrders } from './orders';
import type { PayNudgeDB } from './schema';

// The frozen description of a version-1 database (schema + realistic data).
// It is read from disk, not imported, so nothing in the code under test can
// shape it.
interface IndexSpec {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
interface StoreSpec {
  name: string;
  keyPath: string;
  autoIncrement: boolean;
  indexes: IndexSpec[];
  records: Record<string, unknown>[];
}
interface DbFixture {
  version: number;
  stores: StoreSpec[];
}

const V1: DbFixture = JSON.parse(readFileSync(new URL('../../test/fixtures/db/v1.json', import.meta.url), 'utf8'));
type SchemaShape = Omit<StoreSpec, 'records'>[];
const v1Schema: SchemaShape = V1.stores.map(({ records: _r, ...rest }) => rest);
const storeSpec = (name: string) => V1.stores.find((s) => s.name === name)!;

const newName = () => `migrations-${crypto.randomUUID()}`;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Builds the database from the fixture with the raw IndexedDB API only: no idb, no migration code. */
function buildFromFixture(name: string, fixture: DbFixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, fixture.version);
    open.onupgradeneeded = () => {
      const raw = open.result;
      for (const spec of fixture.stores) {
        const store = raw.createObjectStore(spec.name, { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement });
        for (const index of spec.indexes) {
          store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      }
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const raw = open.result;
      const tx = raw.transaction(
        fixture.stores.map((s) => s.name),
        'readwrite',
      );
      for (const spec of fixture.stores) for (const record of spec.records) tx.objectStore(spec.name).add(record);
      tx.oncomplete = () => {
        raw.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Opens without asking for a version, so nothing is upgraded. */
async function openRaw(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}

/** The schema of a live database in the fixture's terms, sorted by name. */
function describeSchema(raw: IDBDatabase): SchemaShape {
  const names = Array.from(raw.objectStoreNames).sort();
  if (names.length === 0) return [];
  const tx = raw.transaction(names, 'readonly');
  return names.map((name) => {
    const store = tx.objectStore(name);
    return {
      name,
      keyPath: store.keyPath as string,
      autoIncrement: store.autoIncrement,
      indexes: Array.from(store.indexNames)
        .sort()
        .map((indexName) => {
          const index = store.index(indexName);
          return {
            name: indexName,
            keyPath: Array.isArray(index.keyPath) ? [...index.keyPath] : index.keyPath,
            unique: index.unique,
            multiEntry: index.multiEntry,
          };
        }),
    };
  });
}

async function schemaOf(name: string): Promise<{ version: number; schema: SchemaShape }> {
  const raw = await openRaw(name);
  try {
    return { version: raw.version, schema: describeSchema(raw) };
  } finally {
    raw.close();
  }
}

describe('the v1 fixture', () => {
  it('describes stores and indexes in sorted order (so schema comparisons are exact)', () => {
    expect(V1.version).toBe(1);
    const names = V1.stores.map((s) => s.name);
    expect(names).toEqual([...names].sort());
    for (const store of V1.stores) {
      const indexNames = store.indexes.map((i) => i.name);
      expect(indexNames).toEqual([...indexNames].sort());
      expect(store.records.length).toBeGreaterThan(0);
    }
  });
});

describe('opening a version-1 database built from the frozen fixture', () => {
  it('reads every record back through the repositories', async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    const db = await openPayNudgeDb(name);
    try {
      expect(db.version).toBe(DB_VERSION);

      // Open orders: the paid one is left out, the nearest deadline comes first.
      const open = await listOpenOrders(db);
      expect(open.map((o) => o.orderId)).toEqual(['2471093385512748201', '3398752046183927614']);
      const coat = open[1]!;
      expect(coat.orderId).toBe('3398752046183927614');
      expect(coat.buyer.nick).toBe('tb_<img src=x onerror=alert(1)>&"小美\'');
      expect(coat.amount).toEqual({ minor: 128000, currency: 'CNY' });
      expect(coat.items.map((i) => [i.title, i.qty])).toEqual([
        ['秋冬加厚羊毛混纺大衣 女中长款 双面呢', 2],
        ['同款羊绒围巾 礼盒装', 1],
      ]);

      // Attempts newest first, with their outcomes intact.
      const attempts = await listAttempts(db, 'taobao:3398752046183927614');
      expect(attempts.map((a) => [a.id, a.outcome])).toEqual([
        ['att-2', 'promised'],
        ['att-1', 'no_reply'],
      ]);
      expect(attempts[0]!.promisedAt).toBe(1795435200000);
      expect(attempts[0]!.note).toBe('电话里说晚上八点前付款');
      expect(Object.fromEntries(await countAttemptsByOrder(db))).toEqual({
        'taobao:3398752046183927614': 2,
        'taobao:2469981120044301175': 1,
      });

      // The returning buyer still has the paid order on record.
      const returning = await getBuyer(db, 'taobao:上海徐先生');
      expect(returning?.paidOrderKeys).toEqual(['taobao:2469981120044301175']);
      expect(returning?.note).toBe('老顾客，喜欢问发货时间');
      expect((await getBuyer(db, 'taobao:tb_<img src=x onerror=alert(1)>&"小美\''))?.paidOrderKeys).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps every record of every store unchanged', async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    const db = await openPayNudgeDb(name);
    try {
      for (const spec of V1.stores) {
        // Attempts are packed by order since step 5: every one of them is still there, as it was.
        const stored = spec.name === 'attempts' ? (await allAttempts(db)).sort((a, b) => (a.id < b.id ? -1 : 1)) : await db.getAll(spec.name as never);
        const key = (r: Record<string, unknown>) => String(r[spec.keyPath]);
        const expected = [...spec.records].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(stored, spec.name).toEqual(expected);
      }
    } finally {
      db.close();
    }
  });

  it('answers queries through every index', async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    const db = await openPayNudgeDb(name);
    try {
      const keys = (rows: { key: string }[]) => rows.map((r) => r.key).sort();
      expect(keys(await db.getAllFromIndex('orders', 'by-status', 'paid'))).toEqual(['taobao:2469981120044301175']);
      expect(keys(await db.getAllFromIndex('orders', 'by-buyer', ['taobao', '快乐的小熊']))).toEqual(['taobao:2471093385512748201']);
      expect(keys(await db.getAllFromIndex('orders', 'by-next-follow-up', IDBKeyRange.upperBound(1795435200000)))).toEqual([
        'taobao:3398752046183927614',
      ]);

      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      expect(ids(await listBuyerAttempts(db, 'taobao:上海徐先生'))).toEqual(['att-3']);
      expect(ids(await attemptsFollowingUp(db, 0))).toEqual(['att-3']);
      expect(ids(await db.getAllFromIndex('milestones', 'by-order', 'taobao:2471093385512748201'))).toEqual(['ms-1']);
      expect(ids(await db.getAllFromIndex('milestones', 'by-due', IDBKeyRange.upperBound(1795500000000)))).toEqual(['ms-1']);
      expect((await db.get('settings', 'quietHours'))?.value).toEqual({ start: '22:00', end: '08:00' });
      expect((await db.get('templates', 'custom-1'))?.body).toContain('{{item}}');
    } finally {
      db.close();
    }
  });

  it("packs the attempts one record per order (step 5): every attempt kept, found by its id, buyer and follow-up", async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    const db = await openPayNudgeDb(name);
    try {
      const attempts = storeSpec('attempts').records as { id: string; orderKey: string }[];
      const orders = [...new Set(attempts.map((a) => a.orderKey))].sort();
      const packs = await db.getAll('attempts');
      expect(packs.map((p) => p.orderKey)).toEqual(orders);
      for (const p of packs) expect(p.ids.sort()).toEqual(attempts.filter((a) => a.orderKey === p.orderKey).map((a) => a.id).sort());
      expect(await countAttempts(db)).toBe(attempts.length);
      for (const a of attempts) expect((await getAttempt(db, a.id))?.orderKey).toBe(a.orderKey);
    } finally {
      db.close();
    }
  });

  it('drops the indexes nothing reads (step 4), so no write pays for them', async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    (await openPayNudgeDb(name)).close();
    const raw = await openRaw(name);
    try {
      const indexes = (store: string) => [...raw.transaction(store).objectStore(store).indexNames].sort();
      expect(indexes('attempts')).toEqual(['by-buyer', 'by-follow-up', 'by-id']);
      expect(indexes('orders')).toEqual(['by-buyer', 'by-next-follow-up', 'by-settled', 'by-status']);
      expect(indexes('buyers')).toEqual([]);
      expect(indexes('milestones')).toEqual(['by-due', 'by-order']);
    } finally {
      raw.close();
    }
  });
});

describe('schema', () => {
  it('step 1 alone creates exactly the schema frozen in the v1 fixture', async () => {
    const name = newName();
    const db = await openDB<PayNudgeDB>(name, 1, {
      upgrade(upgradeDb, oldVersion, _newVersion, tx) {
        runMigrations(upgradeDb, tx, oldVersion, 1);
      },
    });
    db.close();
    expect(await schemaOf(name)).toEqual({ version: 1, schema: v1Schema });
  });

  it('a fresh database has the same schema as the v1 fixture brought up to date', async () => {
    const fresh = newName();
    (await openPayNudgeDb(fresh)).close();

    const upgraded = newName();
    await buildFromFixture(upgraded, V1);
    (await openPayNudgeDb(upgraded)).close();

    const freshSchema = await schemaOf(fresh);
    expect(freshSchema.version).toBe(DB_VERSION);
    expect(freshSchema).toEqual(await schemaOf(upgraded));
    // Until a step 2 exists, up to date means version 1 itself: editing step 1 fails here too.
    if (DB_VERSION === 1) expect(freshSchema.schema).toEqual(v1Schema);
  });

  it('a later step runs on top of the v1 fixture and keeps its data', async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    const next = MIGRATIONS.length + 1;
    const addCreatedIndex: Migration = {
      version: next,
      describe: 'test only: orders by creation time',
      up(_db, tx) {
        tx.objectStore('orders').createIndex('by-created' as never, 'createdAt');
      },
    };
    let ran: number[] = [];
    const db = await openDB<PayNudgeDB>(name, next, {
      upgrade(upgradeDb, oldVersion, newVersion, tx) {
        ran = runMigrations(upgradeDb, tx, oldVersion, newVersion ?? next, [...MIGRATIONS, addCreatedIndex]);
      },
    });
    try {
      expect(ran).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 2));
      expect(await db.count('orders')).toBe(storeSpec('orders').records.length);
      const byCreated = await db.getAllFromIndex('orders', 'by-created' as never, IDBKeyRange.lowerBound(1795392000000) as never);
      expect(byCreated.map((o) => o.orderId).sort()).toEqual(['2471093385512748201', '3398752046183927614']);
      expect((await listAttempts(db, 'taobao:3398752046183927614')).map((a) => a.id)).toEqual(['att-2', 'att-1']);
    } finally {
      db.close();
    }
  });
});

describe('runMigrations', () => {
  // The steps below only record that they ran; they never touch the database.
  const fakeDb = {} as never;
  const fakeTx = {} as never;
  function recordingSteps(count: number, log: number[]): Migration[] {
    return Array.from({ length: count }, (_, i) => ({
      version: i + 1,
      describe: `step ${i + 1}`,
      up() {
        log.push(i + 1);
      },
    }));
  }

  it('runs every step, in order, for a new database', () => {
    const log: number[] = [];
    expect(runMigrations(fakeDb, fakeTx, 0, 4, recordingSteps(4, log))).toEqual([1, 2, 3, 4]);
    expect(log).toEqual([1, 2, 3, 4]);
  });

  it('runs only the steps above the old version, in order', () => {
    const log: number[] = [];
    expect(runMigrations(fakeDb, fakeTx, 2, 4, recordingSteps(4, log))).toEqual([3, 4]);
    expect(log).toEqual([3, 4]);
  });

  it('stops at the requested version', () => {
    const log: number[] = [];
    expect(runMigrations(fakeDb, fakeTx, 1, 2, recordingSteps(4, log))).toEqual([2]);
    expect(log).toEqual([2]);
  });

  it('runs nothing when already up to date', () => {
    const log: number[] = [];
    expect(runMigrations(fakeDb, fakeTx, 3, 3, recordingSteps(3, log))).toEqual([]);
    expect(log).toEqual([]);
  });

  it('throws on a step numbered out of sequence', () => {
    const log: number[] = [];
    const steps = recordingSteps(3, log);
    const skipped = [steps[0]!, { ...steps[2]!, version: 3 }];
    expect(() => runMigrations(fakeDb, fakeTx, 0, 3, skipped)).toThrow(/numbered 3/);
    const duplicated = [steps[0]!, { ...steps[1]!, version: 1 }];
    expect(() => runMigrations(fakeDb, fakeTx, 0, 2, duplicated)).toThrow(/Migration 2/);
  });

  it('throws on a mis-numbered step even when that step would not run', () => {
    const steps = recordingSteps(3, []);
    const wrong = [steps[0]!, steps[1]!, { ...steps[2]!, version: 4 }];
    expect(() => runMigrations(fakeDb, fakeTx, 3, 3, wrong)).toThrow();
  });

  it('leaves a v1 database untouched when a release ships mis-numbered steps', async () => {
    const name = newName();
    await buildFromFixture(name, V1);
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 2,
        describe: 'test only: numbered wrong',
        up(db) {
          db.deleteObjectStore('orders');
        },
      },
    ];
    await expect(
      openDB<PayNudgeDB>(name, MIGRATIONS.length + 1, {
        upgrade(upgradeDb, oldVersion, newVersion, tx) {
          // The aborted upgrade rejects tx.done too; the open request's rejection is what we check.
          tx.done.catch(() => {});
          runMigrations(upgradeDb, tx, oldVersion, newVersion ?? 0, broken);
        },
      }),
    ).rejects.toBeTruthy();
    expect(await schemaOf(name)).toEqual({ version: 1, schema: v1Schema });
    const db = await openPayNudgeDb(name);
    try {
      expect(await db.count('orders')).toBe(storeSpec('orders').records.length);
    } finally {
      db.close();
    }
  });
});

describe('step 2: only confirmed payments make a returning buyer', () => {
  it('takes back the credit a buyer got from an order that merely left the unpaid list, and keeps the rest', async () => {
    const name = newName();
    const orders = storeSpec('orders');
    const buyers = storeSpec('buyers');
    const order = (key: string, statusSource: string) => ({ ...(orders.records[0] as object), key, orderId: key.split(':')[1], status: 'paid', statusSource });
    const fixture: DbFixture = {
      ...V1,
      stores: V1.stores.map((spec) =>
        spec.name === 'orders'
          ? { ...spec, records: [order('taobao:9000000000000000001', 'disappeared'), order('taobao:9000000000000000002', 'page'), order('taobao:9000000000000000003', 'person')] }
          : spec.name === 'buyers'
            ? {
                ...spec,
                records: [
                  { ...(buyers.records[0] as object), key: 'taobao:lily', nick: 'lily', paidOrderKeys: ['taobao:9000000000000000001'] },
                  { ...(buyers.records[0] as object), key: 'taobao:wang', nick: 'wang', paidOrderKeys: ['taobao:9000000000000000001', 'taobao:9000000000000000002', 'taobao:9000000000000000003'] },
                ],
              }
            : spec,
      ),
    };
    await buildFromFixture(name, fixture);
    const db = await openPayNudgeDb(name);
    try {
      expect((await getBuyer(db, 'taobao:lily'))!.paidOrderKeys).toEqual([]);
      expect((await getBuyer(db, 'taobao:wang'))!.paidOrderKeys).toEqual(['taobao:9000000000000000002', 'taobao:9000000000000000003']);
      expect(await db.count('orders')).toBe(3);
    } finally {
      db.close();
    }
  });
});

describe('step 3: last seen per listing, settled orders by when they settled', () => {
  it('keeps for each listing the latest sighting of its orders, and finds paid and closed orders by settle time', async () => {
    const name = newName();
    const orders = storeSpec('orders');
    const order = (key: string, listKey: string | undefined, lastSeenAt: number, status: string, statusChangedAt: number) => ({
      ...(orders.records[0] as object),
      key,
      orderId: key.split(':')[1],
      platform: key.split(':')[0],
      listKey,
      lastSeenAt,
      status,
      statusChangedAt,
    });
    const fixture: DbFixture = {
      ...V1,
      stores: V1.stores.map((spec) =>
        spec.name === 'orders'
          ? {
              ...spec,
              records: [
                order('taobao:9000000000000000001', 'sold#unpaid', 1_000, 'unpaid', 500),
                order('taobao:9000000000000000002', 'sold#unpaid', 3_000, 'paid', 2_000),
                order('pdd:9000000000000000003', 'sold#unpaid', 2_000, 'closed', 900),
                order('taobao:9000000000000000004', undefined, 4_000, 'paid', 100),
              ],
            }
          : spec,
      ),
    };
    await buildFromFixture(name, fixture);
    const db = await openPayNudgeDb(name);
    try {
      expect((await db.getAll('listings')).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
        { key: 'pdd sold#unpaid', platform: 'pdd', listKey: 'sold#unpaid', lastSeenAt: 2_000 },
        { key: 'taobao sold#unpaid', platform: 'taobao', listKey: 'sold#unpaid', lastSeenAt: 3_000 },
      ]);
      const settledBefore = (status: string, at: number) => db.getAllKeysFromIndex('orders', 'by-settled', IDBKeyRange.bound([status, -Infinity], [status, at], false, true));
      expect(await settledBefore('paid', 2_000)).toEqual(['taobao:9000000000000000004']);
      expect(await settledBefore('closed', 1_000)).toEqual(['pdd:9000000000000000003']);
      // Every record is kept as it was.
      expect(await db.count('orders')).toBe(4);
    } finally {
      db.close();
    }
  });
});
