import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// zod probes for eval (`new Function`) when it builds its first object schema, unless told there is none. The
// extension's policy refuses eval and reports each try as a CSP violation; in the background that try fell in
// every waking worker's start. So each context that builds schemas as its modules load says so first.
const root = resolve(__dirname, '../..');
const firstImport = (file: string) => /^import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/m.exec(readFileSync(resolve(root, file), 'utf8'))?.[1];

describe('zod is told there is no eval before any schema is built', () => {
  it.each(['entrypoints/background.ts', 'entrypoints/sidepanel/main.tsx', 'entrypoints/options/main.tsx'])('%s imports lib/zod-jitless first', (file) => {
    expect(firstImport(file)).toBe('@/lib/zod-jitless');
  });
});
