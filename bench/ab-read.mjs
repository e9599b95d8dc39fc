// `node bench/ab-read.mjs <git-ref> pdd shopee … [--structure]`: reads each
// platform's grown 500-row page with the adapters (or, with --structure, the
// structural reader) of <git-ref> and of the working tree, alternating, and
// prints both medians and whether they read the same orders. A/B in one page is robust to a busy
// machine; a tool for adapter speed work, not part of npm run bench.
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from '../test/support/browser.mjs';
import { ROUTES, routeSellerPages } from '../test/support/harness.mjs';
import { growAndMeasure } from './grow.js';
import { platformOfUrl } from './hosts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const structure = args.includes('--structure');
// --n=N alternations (30); the fastest of each side is printed too: on a busy machine it moves least.
const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 30);
const [ref, ...wanted] = args.filter((a) => !a.startsWith('--'));
// Per process, so two A/B runs at once do not overwrite each other's old tree.
const old = join(root, '.scratch', `ab-old-${process.pid}`);
rmSync(old, { recursive: true, force: true });
mkdirSync(old, { recursive: true });
execSync(`git archive ${ref} lib | tar -x -C ${old}`, { cwd: root });
const entry = join(root, '.scratch', `ab-entry-${process.pid}.ts`);
const names = { taobao: 'taobao', pdd: 'pdd', aliexpress: 'aliexpress', tiktok: 'tiktok', alibaba: 'alibaba', shopee: 'shopee' };
writeFileSync(entry, Object.keys(names).map((p) => `import { ${p}Adapter as new_${p} } from '../lib/platforms/${p}/adapter';\nimport { ${p}Adapter as old_${p} } from './ab-old-${process.pid}/lib/platforms/${p}/adapter';`).join('\n') +
  `\nimport { readByStructure as new_structure } from '../lib/platforms/structure/reader';\nimport { readByStructure as old_structure } from './ab-old-${process.pid}/lib/platforms/structure/reader';` +
  `\n(globalThis as any).__newStructure = new_structure;\n(globalThis as any).__oldStructure = old_structure;` +
  `\n(globalThis as any).__adapters = { ${Object.keys(names).map((p) => `${p}: new_${p}`).join(', ')} };\n(globalThis as any).__old = { ${Object.keys(names).map((p) => `${p}: old_${p}`).join(', ')} };\n`);
const code = (await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', logLevel: 'silent' })).outputFiles[0].text;
const browser = await chromium.launch({ executablePath: await ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
await routeSellerPages(context);
const page = await context.newPage();
for (const platform of wanted) {
  for (const route of ROUTES.filter((r) => !r.bundle && platformOfUrl(r.url) === platform && !/broken|empty|chat|frame|paged|page2/.test(r.file))) {
    await page.goto(route.url);
    await page.addScriptTag({ content: code });
    const grown = await page.evaluate(growAndMeasure, { platform, target: 500, rounds: 9, warmup: 10 });
    if (grown.error) continue;
    const r = await page.evaluate(([p, structure, n]) => {
      const now = Date.now();
      const readWith = (a) => (structure ? a(document, p, location.href, now, null) : a.readOrders(document, location.href, now));
      const time = (a) => { const t = performance.now(); const r = readWith(a); return [performance.now() - t, r?.orders.length ?? -1, JSON.stringify(r)]; };
      const olds = [], news = [];
      let same = true;
      for (let i = 0; i < n; i++) {
        const a = time(structure ? globalThis.__oldStructure : globalThis.__old[p]);
        const b = time(structure ? globalThis.__newStructure : globalThis.__adapters[p]);
        olds.push(a[0]); news.push(b[0]);
        if (a[2] !== b[2]) same = false;
      }
      const med = (xs) => xs.sort((x, y) => x - y)[xs.length >> 1];
      return { old: med(olds), new: med(news), oldMin: Math.min(...olds), newMin: Math.min(...news), same };
    }, [platform, structure, n]);
    console.log(`${structure ? 'structure ' : ''}${platform.padEnd(10)} ${route.file.padEnd(40)} old ${r.old.toFixed(1)} ms  new ${r.new.toFixed(1)} ms  (fastest ${r.oldMin.toFixed(1)} / ${r.newMin.toFixed(1)})  raw ${grown.rawMs.toFixed(1)} ms  new/raw ${(r.new / grown.rawMs).toFixed(1)}×  ${r.same ? 'same orders' : 'ORDERS DIFFER'}`);
  }
}
await browser.close();
rmSync(old, { recursive: true, force: true });
rmSync(entry, { force: true });
