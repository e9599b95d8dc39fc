import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../lib/orders/model';

// Project conventions a reviewer would otherwise have to remember.
const root = resolve(import.meta.dirname, '../..');
const platformsDir = join(root, 'lib/platforms');
// Folders named after a marketplace are adapters; the others (recipe/, structure/) are readers shared by all of them.
const platforms = readdirSync(platformsDir).filter((name) => statSync(join(platformsDir, name)).isDirectory() && (PLATFORMS as readonly string[]).includes(name));

describe('every platform adapter', () => {
  it('exists for at least Taobao', () => {
    expect(platforms).toContain('taobao');
  });

  for (const name of platforms) {
    it(`${name}: has adapter, dated selectors, tests and fixture pages`, () => {
      for (const file of ['adapter.ts', 'selectors.ts', 'adapter.test.ts']) {
        expect(existsSync(join(platformsDir, name, file)), `${name}/${file}`).toBe(true);
      }
      const selectors = readFileSync(join(platformsDir, name, 'selectors.ts'), 'utf8');
      // Pages change every few weeks: each selector set says when it was seen.
      expect(selectors).toMatch(/SELECTORS_VERSION = '[a-z]+-\d{4}-\d{2}-\d{2}'/);
      expect(selectors).toMatch(/\d{4}-\d{2}/);
      const fixtures = join(root, 'test/fixtures', name);
      expect(existsSync(fixtures), `test/fixtures/${name}`).toBe(true);
      expect(readdirSync(fixtures).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
    });
  }
});

describe('extension code', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  const files = ['entrypoints', 'components', 'lib'].flatMap((dir) => sourceFiles(join(root, dir)));

  it('never writes HTML strings into the DOM', () => {
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/innerHTML|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
    }
  });

  it('makes network requests in one module only: team sync to the configured server (lib/sync/remote.ts)', () => {
    for (const file of files.filter((f) => !f.endsWith('lib/sync/remote.ts'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/);
    }
  });

  it('opens IndexedDB only from the background', () => {
    const openers = files.filter((file) => /openPayNudgeDb\(|cachedDb\(|indexedDB\.open|openDB\(/.test(readFileSync(file, 'utf8')));
    // lib/store/db.ts opens (cachedDb keeps the background's connection, reopened when it dies; lib/background/main.ts,
    // the background's wiring, holds it); lib/sync/store.ts: team sync's own small database (configuration, never exported).
    expect(openers.map((f) => f.slice(root.length + 1)).sort()).toEqual(['lib/background/main.ts', 'lib/store/db.ts', 'lib/sync/store.ts']);
  });
});
