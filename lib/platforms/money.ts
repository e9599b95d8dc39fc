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

/**
 * The yen a Japanese page means by "¥": parseMoney reads a bare ¥ as yuan (the Chinese back-offices' sign), so on a
 * page whose region pays in yen an amount read as yuan is read again as yen ("¥5,849" is ¥5,849, not ¥5,849.00 in
 * yuan). Undefined when that does not apply (another region, or the text names yuan: "CN¥", "RMB", "元").
 */
export function regionYen(text: string, money: Money, currency: string | undefined): Money | null | undefined {
  if (currency !== 'JPY' || money.currency !== 'CNY' || /CN¥|RMB|CNY|元/.test(text)) return undefined;
  return soleMoney(text.replace(/[¥￥]/g, 'JP¥'));
}

/** Currencies whose sign on their own market's pages is a bare "$" or "¥" (read as US dollars and yuan elsewhere). */
export const SHARED_SIGN = /^(?:SGD|MXN|HKD|TWD|AUD|CAD|NZD|JPY)$/;

/**
 * `money`, read from `text`, as a page in `currency`'s region means it where its sign is not the usual one: a bare "¥"
 * is the yen there (regionYen), a bare "$" the region's own dollar or peso. Undefined when neither applies.
 */
export function regionSign(text: string, money: Money, currency: string | undefined): Money | null | undefined {
  if (!currency || money.currency === currency) return undefined;
  const yen = regionYen(text, money, currency);
  if (yen !== undefined) return yen;
  if (money.currency === 'USD' && /(?<![A-Za-z])\$/.test(text) && !/US\s?\$|USD/.test(text)) return { ...money, currency };
  return undefined;
}
