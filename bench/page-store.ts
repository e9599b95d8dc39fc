// Bundled into a plain https page by bench/run.mjs, so the store is measured
// on Chromium's real IndexedDB: storing one page read of 1,000 orders (our
// applyPageRead, one transaction), first into an empty store and then again
// with nothing changed, against raw puts of the same records.
import { openPayNudgeDb } from '../lib/store/db';
import { applyPageRead } from '../lib/store/orders';
import { pruneSettledOrders } from '../lib/store/retention';
import { packOf } from '../lib/store/pack';
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

// The retention clean-up of a big shop's year (20,000 settled orders, 5 attempts each) with a page read of
// 100 orders arriving just after it starts: how long the read takes to be stored, against the same read
// with no clean-up running, and how long the whole clean-up takes.
async function timeReadDuringPrune(settled: number) {
  const name = `bench-prune-${Math.random()}`;
  const db = await openPayNudgeDb(name);
  const now = Date.now();
  const day = 86_400_000;
  for (let start = 0; start < settled; start += 5000) {
    const tx = db.transaction(['orders', 'attempts'], 'readwrite');
    for (let i = start; i < Math.min(settled, start + 5000); i += 1) {
      const orderId = `7${String(i).padStart(17, '0')}`;
      const key = `taobao:${orderId}`;
      const at = now - (40 + (i % 300)) * day;
      void tx.objectStore('orders').put({
        platform: 'taobao', orderId, key, buyer: { nick: `老客${i % 3000}` }, items: [{ title: `商品 ${i}`, qty: 1 }],
        amount: { minor: 9900, currency: 'CNY' }, status: i % 9 === 0 ? 'closed' : 'paid', statusSource: 'page',
        pageUrl: 'https://trade.taobao.com/x', listKey: 'all', firstSeenAt: at - day, lastSeenAt: at, statusChangedAt: at,
      });
      const attempts = Array.from({ length: 5 }, (_, n) => ({
        id: `${key}#${n}`, orderKey: key, buyerKey: `taobao:老客${i % 3000}`, platform: 'taobao' as const, channel: 'chat' as const,
        direction: 'outbound' as const, action: 'inserted' as const, text: '亲，记得付款哦', at: at - n * 3_600_000, outcome: 'sent' as const,
      }));
      void tx.objectStore('attempts').put(packOf(key, attempts));
    }
    await tx.done;
  }
  const page = read(100, now, '');
  let start = performance.now();
  await applyPageRead(db, page, now);
  const alone = performance.now() - start;
  const pruneStart = performance.now();
  const prune = pruneSettledOrders(db, now - 30 * day).then(() => performance.now() - pruneStart);
  await new Promise((r) => setTimeout(r, 0));
  start = performance.now();
  await applyPageRead(db, read(100, now, ' changed'), now + 1000);
  const during = performance.now() - start;
  const pruneMs = await prune;
  db.close();
  indexedDB.deleteDatabase(name);
  return { alone, during, pruneMs };
}

(globalThis as unknown as { __bench: unknown }).__bench = { timeUpsert, timeReread, timeRawPut, timeReadDuringPrune };
