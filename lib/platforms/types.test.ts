// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { foldSpaces, textOf } from './types';

describe('foldSpaces: what the person reads, without the characters nobody sees', () => {
  it('drops soft hyphens, zero-width spaces, byte-order marks and word joiners from names and numbers', () => {
    expect(foldSpaces('吴\u00ad小\u00ad凡')).toBe('吴小凡');
    expect(foldSpaces('\ufeffjoyce_林')).toBe('joyce_林');
    expect(foldSpaces('tb_8812\u20603391')).toBe('tb_88123391');
    expect(foldSpaces('joao.\u200bsilva92')).toBe('joao.silva92');
  });

  it('drops the direction controls pages wrap right-to-left names in, keeping the name', () => {
    expect(foldSpaces('\u2067אבי לוי\u2069')).toBe('אבי לוי');
    expect(foldSpaces('\u202bعبد الرحمن الشمري\u202c')).toBe('عبد الرحمن الشمري');
    expect(foldSpaces('David Cohen \u2067(דוד כהן)\u2069')).toBe('David Cohen (דוד כהן)');
    expect(foldSpaces('\u200fمحمد العتيبي\u200f')).toBe('محمد العتيبي');
  });

  it('reads left-to-right letters under a right-to-left override as they are drawn, reversed', () => {
    expect(foldSpaces('\u202eiam.aoh\u202c')).toBe('hoa.mai');
    // Right-to-left letters are drawn as they would be anyway: only the control goes.
    expect(foldSpaces('"Co" \u202eمرحبا')).toBe('"Co" مرحبا');
  });

  it('drops a joiner between letters that join nothing, and keeps it in emoji sequences and joining scripts', () => {
    expect(foldSpaces('阿珍\u200d的小店')).toBe('阿珍的小店');
    expect(foldSpaces('\u200c小\u200c鱼\u200c干')).toBe('小鱼干');
    expect(foldSpaces('👩🏽\u200d💻 Lan')).toBe('👩🏽\u200d💻 Lan');
    expect(foldSpaces('❤️\u200d🔥 mai')).toBe('❤️\u200d🔥 mai');
    expect(foldSpaces('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(foldSpaces('क्\u200dष')).toBe('क्\u200dष');
  });

  it('composes letters written decomposed, as the same name typed elsewhere is', () => {
    expect(foldSpaces('Nguye\u0302\u0303n Thi\u0323 Hoa')).toBe('Nguyễn Thị Hoa');
    expect(foldSpaces('\u1100\u1175\u11b7\u110c\u1175\u110b\u116e')).toBe('김지우');
    // Full-width letters are what the buyer chose: kept.
    expect(foldSpaces('Ｋｉｍｉ酱')).toBe('Ｋｉｍｉ酱');
  });

  it('leaves plain text as it is, and textOf trims what folding leaves', () => {
    expect(foldSpaces('momo酱🐰')).toBe('momo酱🐰');
    expect(textOf(new DOMParser().parseFromString('<p> \u2066小美\u2069 </p>', 'text/html').body)).toBe('小美');
  });
});
