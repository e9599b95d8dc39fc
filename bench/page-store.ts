// Bundled into a plain https page by bench/run.mjs, so the store is measured
// on Chromium's real IndexedDB: storing one page read of 1,000 orders (our
// applyPageRead, one transaction), first into an empty store and then again
// with nothing changed, against raw puts of the same records.
import { openPayNudgeDb } from '../lib/store/db';
import { applyPageRead } from '../lib/store/orders';
import type { ObservedOrder, PageRead } from '../lib/orders/model';

function read(n: number, now: number, salt: string): PageRead {
  const orders: ObservedOrder[] = Array.from({ length: n }, (_, i) => ({
    platform: 'taobao',
    orderId: `33987520461839${String(i).padStart(5, '0')}`,
    buyer: { nick: `买家${i % 700}${salt}` },
    items: [{ title: `秋冬加厚羊毛混纺大衣 ${i}`, sku: '颜色：驼色；尺码：M', qty: 1 + (i % 3) }],
    amount: { minor: 12_800 + i * 7, currency: 'CNY' },
    createdAt: now - (i % 72) * 3_600_000,
    autoCloseAt: now + (72 - (i % 72)) * 3_600_000,
    autoCloseEstimated: true,
    status: 'unpaid',
    statusText: `等待买家付款${salt}`,
  }));
  return { platform: 'taobao', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', listKey: 'bench', unpaidOnly: true, complete: true, orders, unreadable: 0 };
}

async function timeUpsert(n: number, rounds: number) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const name = `bench-upsert-${r}-${Math.random()}`;
    const db = await openPayNudgeDb(name);
    const now = Date.now();
    const page = read(n, now, '');
    const start = performance.now();
    await applyPageRead(db, page, now);
    samples.push(performance.now() - start);
    db.close();
    indexedDB.deleteDatabase(name);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

// The usual case: a seller's page is read again after every DOM change, and
// nothing on it changed: nothing is written.
async function timeReread(n: number, rounds: number) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const name = `bench-reread-${r}-${Math.random()}`;
    const db = await openPayNudgeDb(name);
    const now = Date.now();
    await applyPageRead(db, read(n, now, ''), now);
    const page = read(n, now, '');
    const start = performance.now();
    const result = await applyPageRead(db, page, now + 60_000);
    samples.push(performance.now() - start);
    db.close();
    indexedDB.deleteDatabase(name);
    if (result.written !== 0 || result.gone.length !== 0) throw new Error(`re-read of an unchanged page wrote ${result.written}, ${result.gone.length} gone`);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

async function timeRawPut(n: number, rounds: number) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const name = `bench-raw-${r}-${Math.random()}`;
    const db = await openPayNudgeDb(name);
    const now = Date.now();
    const records = read(n, now, '').orders.map((o) => ({ ...o, key: `taobao:${o.orderId}`, pageUrl: '', statusSource: 'page' as const, firstSeenAt: now, lastSeenAt: now, statusChangedAt: now }));
    const start = performance.now();
    const tx = db.transaction('orders', 'readwrite');
    for (const record of records) void tx.store.put(record);
    await tx.done;
    samples.push(performance.now() - start);
    db.close();
    indexedDB.deleteDatabase(name);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

(globalThis as unknown as { __bench: unknown }).__bench = { timeUpsert, timeReread, timeRawPut };
