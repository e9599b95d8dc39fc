import { describe, expect, it } from 'vitest';
import { readByParent } from './run';

// Content scripts run in every seller frame. A frame its parent can read is read from there (run.ts watchFrames), so
// its own script stands down; a frame of another origin is read by its own script, or by nobody.
describe('which frame reads itself', () => {
  const top = { document: {} } as unknown as Window & { parent: Window };
  top.parent = top;

  it('the top frame reads itself', () => {
    expect(readByParent(top)).toBe(false);
  });

  it('a frame of its parent’s origin is left to the parent', () => {
    const frame = { parent: top, document: {} } as unknown as Window;
    expect(readByParent(frame)).toBe(true);
  });

  it('a frame of another origin (its parent’s document is out of reach) reads itself', () => {
    const foreign = {} as Window;
    Object.defineProperty(foreign, 'document', { get: () => { throw new DOMException('Blocked a frame with origin', 'SecurityError'); } });
    const frame = { parent: foreign, document: {} } as unknown as Window;
    expect(readByParent(frame)).toBe(false);
  });
});
