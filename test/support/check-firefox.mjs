// `npm run test:firefox`: the Firefox add-on built from the same sources has
// what Firefox needs (a sidebar instead of the side panel, a fixed add-on id,
// background scripts) and nothing Chrome-only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = resolve(root, process.env.PAYNUDGE_OUT_DIR ?? '.output', 'firefox-mv2');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const problems = [];
if (!manifest.sidebar_action?.default_panel || !existsSync(join(dir, manifest.sidebar_action.default_panel))) problems.push('no sidebar_action page');
if (!manifest.browser_specific_settings?.gecko?.id) problems.push('no gecko add-on id');
if (!manifest.background?.scripts?.length) problems.push('no background scripts');
if ((manifest.permissions ?? []).some((p) => p === 'sidePanel' || p === 'scripting')) problems.push('Chrome-only permission');
for (const page of ['popup.html', 'options.html']) if (!existsSync(join(dir, page))) problems.push(`missing ${page}`);
if (!(manifest.content_scripts ?? []).length) problems.push('no content scripts');
// Mozilla's own add-on linter, as addons.mozilla.org runs it on upload: no errors allowed.
const lint = spawnSync(join(root, 'node_modules/.bin/addons-linter'), [dir, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  problems.push(`addons-linter did not run: ${(lint.stderr || lint.error?.message || '').slice(0, 300)}`);
}
for (const error of report?.errors ?? []) problems.push(`addons-linter: ${error.code} ${error.file ?? ''} ${error.message}`);
if (problems.length > 0) {
  console.error(`[paynudge] Firefox build is not right: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`[paynudge] Firefox add-on OK: ${dir} (${manifest.content_scripts.length} content scripts, sidebar ${manifest.sidebar_action.default_panel}); addons-linter: 0 errors, ${report.summary.warnings} warnings`);
