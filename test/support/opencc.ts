// Simplified-only characters in a Traditional (Taiwan) text, found with
// OpenCC's own phrase-aware tables rather than a hand-kept list.
import * as OpenCC from 'opencc-js';

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Characters OpenCC's Simplified→Taiwan conversion would change: Simplified-only in context. */
export function simplifiedIn(text: string): string[] {
  const before = [...text];
  const after = [...toTaiwan(text)];
  if (before.length !== after.length) return [`length changed: ${toTaiwan(text)}`];
  return before.flatMap((ch, i) => (ch === after[i] ? [] : [`${ch}→${after[i]}`]));
}
