// Amounts as order pages show them.
import { parseMoneyAll, type Money } from '../orders/money';

/**
 * The one amount a piece of text shows, or null when it shows none or
 * several different ones: a cell with a unit price and a total side by side
 * must not be guessed at. (Added for the AliExpress and TikTok adapters.)
 */
export function soleMoney(text: string, defaultCurrency?: string): Money | null {
  const all = parseMoneyAll(text, defaultCurrency);
  const first = all[0];
  if (!first) return null;
  return all.every((m) => m.minor === first.minor && m.currency === first.currency) ? first : null;
}
