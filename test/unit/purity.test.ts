// The pure modules (orders, compose, reminders, milestones, insights) hold the
// trade's rules: money, time, suggestions, cadence, staged payments,
// statistics. They must run anywhere a test, a bench or a worker runs them,
// so none may import a browser API, React, or a module that touches
// localStorage or navigator when it loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const PURE = ['lib/orders', 'lib/compose', 'lib/reminders', 'lib/milestones', 'lib/insights'];
/** Imports that bring a browser or UI with them. */
const FORBIDDEN = /^(react|react-dom|wxt\/browser|webextension-polyfill|@wxt-dev\/|wxt\/utils|idb)(\/|$)|^@\/components|^@\/entrypoints/;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The module specifiers one file imports (static and dynamic), type-only imports left out. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    found.push(m[1] ?? m[2] ?? m[3]!);
  }
  return found;
}

/** A relative or @/ import as a repository path with its extension, or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(root, spec.slice(2)) : spec.startsWith('.') ? resolve(root, dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(root, candidate);
    } catch {
      // try the next form
    }
  }
  return null;
}

/** Every repository file a pure module reaches through its value imports, with the chain that reached it. */
function reach(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue: Array<[string, string[]]> = PURE.flatMap(sources).map((file) => [file, [file]]);
  for (const [file, chain] of queue) {
    if (seen.has(file)) continue;
    seen.set(file, chain);
    for (const spec of importsOf(file)) {
      const local = resolveLocal(file, spec);
      if (local && !seen.has(local)) queue.push([local, [...chain, local]]);
    }
  }
  return seen;
}

describe('the pure modules', () => {
  it('reach no browser API, React or extension framework through any import', () => {
    const problems: string[] = [];
    for (const [file, chain] of reach()) {
      for (const spec of importsOf(file)) if (FORBIDDEN.test(spec)) problems.push(`${chain.join(' → ')} imports ${spec}`);
      if (!PURE.some((dir) => file.startsWith(`${dir}/`)) && /^(components|entrypoints)\//.test(file)) problems.push(`${chain.join(' → ')}`);
    }
    expect(problems).toEqual([]);
  });

  describe('load with no localStorage, navigator, chrome or browser in sight', () => {
    const names = ['localStorage', 'sessionStorage', 'navigator', 'chrome', 'browser', 'document', 'window'] as const;
    const saved = new Map<string, PropertyDescriptor | undefined>();
    /** Reads of those globals made by our own code (a library's feature test, such as zod's, is its own business). */
    let reads: string[] = [];
    beforeAll(() => {
      for (const name of names) {
        saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
        Object.defineProperty(globalThis, name, {
          configurable: true,
          get() {
            const frames = (new Error().stack ?? '').split('\n').slice(2);
            const caller = frames.find((f) => !f.includes('purity.test.ts')) ?? '';
            if (!caller.includes('node_modules')) reads.push(`${name} read at ${caller.trim()}`);
            return undefined;
          },
        });
      }
    });
    afterAll(() => {
      for (const name of names) {
        const descriptor = saved.get(name);
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
      }
    });

    for (const file of PURE.flatMap(sources)) {
      it(file, async () => {
        reads = [];
        // Fresh copies of the file and all it imports: a module already loaded would hide a load-time read.
        vi.resetModules();
        await import(/* @vite-ignore */ join(root, file));
        expect(reads).toEqual([]);
      });
    }
  });
});
