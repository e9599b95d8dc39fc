// `npm run fuzz`: every property test, PAYNUDGE_FUZZ times more runs (default
// 20) on fresh seeds, one test file per process with a heap of its own (a
// long run of DOM properties parses thousands of fixture pages; see
// test/support/dom.ts for how they are let go).
// A failure prints the seed and path to replay; keep the counterexample as a
// plain test. `npm test` runs the same properties on a fixed seed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const scale = process.env.PAYNUDGE_FUZZ || '20';
const files = ['lib', 'test/unit']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) =>
  /\bfc\.(assert|check)\b|describe(Grid|Table)Mutations\(/.test(readFileSync(f, 'utf8')),
);
const failed = [];
for (const file of files.sort()) {
  console.log(`[fuzz ×${scale}] ${file}`);
  const run = spawnSync('npx', ['vitest', 'run', file, '--maxWorkers=1'], {
    stdio: 'inherit',
    env: { ...process.env, PAYNUDGE_FUZZ: scale, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=6144`.trim() },
  });
  if (run.status !== 0) failed.push(file);
}
console.log(failed.length ? `[fuzz] failed: ${failed.join(', ')}` : `[fuzz] ${files.length} files passed ×${scale}`);
process.exit(failed.length ? 1 : 0);
