import { describe, expect, it } from 'vitest';
import { nfkc } from './nfkc';

describe('nfkc', () => {
  it('gives what normalize("NFKC") gives, for every character of the Basic Multilingual Plane', () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const text = `¥1,234 ${ch}\t待付款`;
      if (nfkc(text) !== text.normalize('NFKC')) throw new Error(`U+${code.toString(16)}`);
    }
  });
  it('folds full-width digits and the full-width yen sign', () => {
    expect(nfkc('￥１２３')).toBe('¥123');
  });
});
