// The extension's own host → platform table (lib/platforms/hosts.ts) for the
// plain-JS bench scripts: bundled with esbuild and imported, not copied.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({ entryPoints: [join(root, 'lib/platforms/hosts.ts')], bundle: true, write: false, format: 'esm', logLevel: 'silent' });
const hosts = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);

/** Which marketplace a seller URL belongs to, as the content scripts' match patterns say. */
export const platformOfUrl = hosts.platformOfUrl;
