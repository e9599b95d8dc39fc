// `node bench/adapters.mjs [platform…] [--rounds=N]`: only the adapter-read part of
// `npm run bench` (500 cloned rows per platform against a raw walk of the same
// rows), without building the extension. Handy while tuning one adapter.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ensureBrowser } from '../test/support/browser.mjs';
import { ROUTES, routeSellerPages } from '../test/support/harness.mjs';
import { growAndMeasure } from './grow.js';
import { platformOfUrl } from './hosts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 15);
const ALL = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee'];
const wanted = args.filter((a) => !a.startsWith('--'));
const platforms = wanted.length ? wanted : ALL;

const out = await build({ entryPoints: [join(root, 'bench/page-adapters.ts')], bundle: true, write: false, format: 'iife', logLevel: 'silent', alias: { '@': root } });
const adapters = out.outputFiles[0].text;
const browser = await chromium.launch({ executablePath: ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
await routeSellerPages(context);
const page = await context.newPage();
const best = new Map();
for (const route of ROUTES) {
  const platform = platformOfUrl(route.url);
  if (!platform || route.bundle || !platforms.includes(platform)) continue;
  await page.goto(route.url);
  await page.addScriptTag({ content: adapters });
  const count = await page.evaluate((p) => globalThis.__adapters[p].readOrders(document, location.href, Date.now())?.orders.length ?? 0, platform);
  if (count > (best.get(platform)?.count ?? 0)) best.set(platform, { route, count });
}
for (const platform of platforms) {
  const chosen = best.get(platform);
  if (!chosen) {
    console.log(`${platform}: no fixture page with orders`);
    continue;
  }
  await page.goto(chosen.route.url);
  await page.addScriptTag({ content: adapters });
  const r = await page.evaluate(growAndMeasure, { platform, target: 500, rounds });
  if (r.error) console.log(`${platform}: ${r.error}`);
  else {
    const ratio = (ms) => (ms / Math.max(r.rawMs, 0.05)).toFixed(1);
    console.log(`${platform}: adapter ${r.adapterMs.toFixed(2)} ms, raw ${r.rawMs.toFixed(2)} ms, ratio ${ratio(r.adapterMs)}×, ${r.orders} orders of ${r.rows} rows, unreadable ${r.unreadable} (${chosen.route.file})`);
    if (r.structureMs !== undefined) console.log(`${platform}: structure ${r.structureMs.toFixed(2)} ms, ratio ${ratio(r.structureMs)}×, ${r.structureOrders} orders, unreadable ${r.structureUnreadable}`);
  }
}
await browser.close();
