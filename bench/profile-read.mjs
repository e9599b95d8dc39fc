// `node bench/profile-read.mjs <platform> [--structure] [--n=40]`: a CPU profile of reads of the platform's grown
// 500-row page (the fixture the reads bench picks, grown by grow.js), by function (self and inclusive time) and by
// line of the bundle. A tool for read-speed work, not part of npm run bench; the profiler's own cost makes each read
// about 1.5× slower than the bench times it, evenly enough to rank where the time goes.
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { ensureBrowser } from '../test/support/browser.mjs';
import { ROUTES, routeSellerPages } from '../test/support/harness.mjs';
import { growAndMeasure } from './grow.js';
import { platformOfUrl } from './hosts.mjs';

const args = process.argv.slice(2);
const structure = args.includes('--structure');
const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 40);
const platform = args.find((a) => !a.startsWith('--'));
if (!platform) throw new Error('usage: node bench/profile-read.mjs <platform> [--structure] [--n=40]');

const code = (await build({ entryPoints: ['bench/page-adapters.ts'], bundle: true, write: false, format: 'iife', logLevel: 'silent' })).outputFiles[0].text;
const browser = await chromium.launch({ executablePath: await ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
await routeSellerPages(context);
const page = await context.newPage();

// The platform's fixture with the most orders, as the reads bench chooses it.
let best = null;
for (const route of ROUTES.filter((r) => !r.bundle && platformOfUrl(r.url) === platform)) {
  await page.goto(route.url);
  await page.addScriptTag({ content: code });
  const count = await page.evaluate((p) => globalThis.__adapters[p].readOrders(document, location.href, Date.now())?.orders.length ?? 0, platform);
  if (count > (best?.count ?? 0)) best = { route, count };
}
if (!best) throw new Error(`no fixture page with orders for ${platform}`);
await page.goto(best.route.url);
await page.addScriptTag({ content: code });
const grown = await page.evaluate(growAndMeasure, { platform, target: 500, rounds: 9, warmup: 10 });
console.log(`${best.route.file}: ${grown.rows} rows; raw ${grown.rawMs.toFixed(1)} ms, adapter ${grown.adapterMs.toFixed(1)} ms, structure ${grown.structureMs?.toFixed(1)} ms`);

const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate(
  ([p, byStructure, rounds]) => {
    const now = Date.now();
    for (let i = 0; i < rounds; i++) byStructure ? globalThis.__structure(document, p, location.href, now, null) : globalThis.__adapters[p].readOrders(document, location.href, now);
  },
  [platform, structure, n],
);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();

// Time per node from the samples, then self time by function and line, and inclusive time by function.
const time = new Map();
profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const name = (node) => `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const node of profile.nodes) {
  const t = time.get(node.id) ?? 0;
  if (!t) continue;
  total += t;
  self.set(name(node), (self.get(name(node)) ?? 0) + t);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const key = name(byId.get(id));
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    seen.add(key);
  }
}
const lines = new Map();
let ticks = 0;
for (const node of profile.nodes) {
  for (const { line, ticks: count } of node.positionTicks ?? []) {
    lines.set(line, (lines.get(line) ?? 0) + count);
    ticks += count;
  }
}
const source = code.split('\n');
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(`\n${(total / 1000 / n).toFixed(2)} ms a read under the profiler (${n} reads, ${structure ? 'structural reader' : 'adapter'})`);
console.log('\nself time by function:');
for (const [key, t] of top(self, 30)) console.log(`${pct(t, total)}  ${key}`);
console.log('\nself time by line of the bundle:');
for (const [line, count] of top(lines, 30)) console.log(`${pct(count, ticks)}  ${line}: ${source[line - 1]?.trim().slice(0, 140)}`);
console.log('\ninclusive time by function:');
for (const [key, t] of top(inclusive, 40)) console.log(`${pct(t, total)}  ${key}`);
