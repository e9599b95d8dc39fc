// What one IndexedDB record costs in this browser, the floor under a new
// agent's first sync (`node bench/idb-floor.mjs [--n=20000] [--rounds=3]`):
// the same attempts put one record per request (with the attempts store's
// four indexes, and without), plain numbers put one per request (the cost of
// a request alone), and the same attempts packed 1,000 to a record. Each round
// runs every case once in turn in one page; medians per case are printed with
// the time 550,000 records (a big shop's year) would take at that rate.
// Nothing here is PayNudge code: it bounds what any design of the store can do.
import { chromium } from 'playwright';
import { loadavg } from 'node:os';
import { ensureBrowser } from '../test/support/browser.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const n = arg('n', 20_000);
const rounds = arg('rounds', 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const context = await chromium.launchPersistentContext('', { executablePath: ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  await context.route('https://floor.invalid/**', (r) => r.fulfill({ body: '<!doctype html><title>floor</title>', contentType: 'text/html' }));
  const page = await context.newPage();
  await page.goto('https://floor.invalid/');
  const load = loadavg()[0];
  const times = await page.evaluate(
    async ({ n, rounds }) => {
      const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = () => ok(); tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
      // An attempt as the store holds one (the shape of lib/orders/model.ts), one in ten with a follow-up.
      const attempts = Array.from({ length: n }, (_, i) => ({
        id: `attempt:${String(i).padStart(8, '0')}`,
        orderKey: `taobao:${100000 + (i % 5000)}`,
        buyerKey: `taobao:buyer${i % 3000}`,
        at: 1_733_000_000_000 + i * 1000,
        channel: 'chat',
        direction: 'outbound',
        outcome: 'no-reply',
        agent: '小王',
        templateId: 'first-friendly',
        ...(i % 10 === 0 ? { followUpAt: 1_733_000_000_000 + i * 1000 + 3_600_000 } : {}),
      }));
      async function timed(indexed, write) {
        await req(indexedDB.deleteDatabase('floor'));
        const open = indexedDB.open('floor', 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('attempts', { keyPath: 'id' });
          if (indexed) {
            store.createIndex('by-order', 'orderKey');
            store.createIndex('by-buyer', 'buyerKey');
            store.createIndex('by-follow-up', 'followUpAt');
            store.createIndex('by-time', 'at');
          }
          open.result.createObjectStore('plain');
        };
        const db = await req(open);
        const t = performance.now();
        await write(db);
        const ms = performance.now() - t;
        db.close();
        return ms;
      }
      const inOne = async (db, store, put) => {
        const tx = db.transaction(store, 'readwrite');
        put(tx.objectStore(store));
        await done(tx);
      };
      const cases = {
        'attempts, one per request, 4 indexes': () => timed(true, (db) => inOne(db, 'attempts', (s) => attempts.forEach((a) => s.put(a)))),
        'attempts, one per request, no index': () => timed(false, (db) => inOne(db, 'attempts', (s) => attempts.forEach((a) => s.put(a)))),
        'numbers, one per request (the request alone)': () => timed(false, (db) => inOne(db, 'plain', (s) => attempts.forEach((_, i) => s.put(i, i)))),
        'attempts, 1,000 to a record': () =>
          timed(false, (db) =>
            inOne(db, 'plain', (s) => {
              for (let i = 0; i < n; i += 1000) s.put(attempts.slice(i, i + 1000), i);
            }),
          ),
      };
      const out = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
      for (let r = 0; r < rounds; r++) for (const [name, run] of Object.entries(cases)) out[name].push(await run());
      await req(indexedDB.deleteDatabase('floor'));
      return out;
    },
    { n, rounds },
  );
  console.log(`IndexedDB floor, ${n.toLocaleString('en')} attempts per case, median of ${rounds} (load ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after):`);
  for (const [name, ms] of Object.entries(times)) {
    const m = median(ms);
    const perSecond = n / (m / 1000);
    console.log(`  ${name}: ${Math.round(m)} ms (${Math.round(perSecond).toLocaleString('en')} attempts/s; 550,000 in ${(550_000 / perSecond).toFixed(1)} s)`);
  }
} finally {
  await context.close();
}
