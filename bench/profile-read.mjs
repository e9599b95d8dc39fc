// `node bench/profile-read.mjs pdd shopee alibaba`: CPU profile of reading a
// grown 500-row fixture page in Chromium, printed as the top self-time
// functions. A tool for working on adapter speed; `npm run bench` measures.
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from '../test/support/browser.mjs';
import { pageBody, ROUTES } from '../test/support/harness.mjs';
import { growAndMeasure } from './grow.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const hosts = (await build({ entryPoints: [join(root, 'lib/platforms/hosts.ts')], bundle: true, write: false, format: 'esm', logLevel: 'silent' })).outputFiles[0].text;
const { platformOfUrl } = await import(`data:text/javascript;base64,${Buffer.from(hosts).toString('base64')}`);
const code = (await build({ entryPoints: [join(root, 'bench/page-adapters.ts')], bundle: true, write: false, format: 'iife', logLevel: 'silent', alias: { '@': root } })).outputFiles[0].text;
const browser = await chromium.launch({ executablePath: await ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
await context.route((url) => url.protocol === 'https:', async (route) => {
  const match = ROUTES.filter((r) => route.request().url().startsWith(r.url)).sort((a, b) => b.url.length - a.url.length)[0];
  if (!match) return route.abort();
  return route.fulfill({ contentType: 'text/html; charset=utf-8', body: await pageBody(match) });
});
const page = await context.newPage();
for (const platform of wanted) {
  const route = ROUTES.find((r) => !r.bundle && platformOfUrl(r.url) === platform && !/broken|empty|chat|frame/.test(r.file));
  await page.goto(route.url);
  await page.addScriptTag({ content: code });
  const m = await page.evaluate(growAndMeasure, { platform, target: 500, rounds: 15 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate((p) => { for (let i = 0; i < 40; i++) globalThis.__adapters[p].readOrders(document, location.href, Date.now()); }, platform);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const node of profile.nodes) {
    const t = (dt.get(node.id) ?? 0) / 1000;
    const key = `${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber}`;
    if (key.startsWith('(idle)') || key.startsWith('(program)')) continue;
    self.set(key, (self.get(key) ?? 0) + t);
    total += t;
  }
  console.log(`\n${platform} (${route.file}): adapter ${m.adapterMs.toFixed(1)} ms, raw ${m.rawMs.toFixed(1)} ms, ${m.orders} orders / ${m.rows} rows; profile of 40 reads ${total.toFixed(0)} ms`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${(v / total * 100).toFixed(1).padStart(5)}%  ${k}`);
}
await browser.close();
