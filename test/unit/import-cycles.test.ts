import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph';

// A cycle makes two modules one: neither can be read, tested or loaded alone, and
// the order they load in decides which sees the other half-built. The shared
// types go in a small module both import instead (lib/background/handler.ts,
// lib/compose/record.ts).

describe('imports in lib/', () => {
  const graph = importGraph(['lib']);

  it('are read (the walker finds the modules and their imports)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('lib/background/service.ts')).toContain('lib/background/handler.ts');
  });

  it('form no cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('the walker does find a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
