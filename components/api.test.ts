import { describe, expect, it } from 'vitest';
import { fromBackground } from './api';

// The panel's and popup's listeners take messages from our background only: a content script shares the
// extension id but always comes with a tab.
describe('fromBackground', () => {
  it('takes our background and refuses our own content scripts and other extensions', () => {
    expect(fromBackground({ id: 'ext' }, 'ext')).toBe(true);
    expect(fromBackground({ id: 'ext', tab: { id: 7 } }, 'ext')).toBe(false);
    expect(fromBackground({ id: 'other' }, 'ext')).toBe(false);
  });
});
