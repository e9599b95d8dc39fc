import { currentLocale } from '@/lib/i18n';
import { currencyDigits, formatMoney, type Money } from '@/lib/orders/money';
import { DAY_MS } from '@/lib/orders/time';

// How the insights page writes its figures, in the UI language: one place, so
// a chart's tooltip and its table say exactly the same thing.

export function pct(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** An amount in its own currency, written the UI language's way (Intl), e.g. "¥1,280.00" or "R$ 1.280,00" in pt. */
export function money(m: Money): string {
  const digits = currencyDigits(m.currency);
  try {
    return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      m.minor / 10 ** digits,
    );
  } catch {
    // A code Intl does not know (it refuses malformed ones): our own plain format.
    return formatMoney(m);
  }
}

export function moneyList(list: readonly Money[]): string {
  return list.length ? list.map(money).join(' · ') : '—';
}

/** A day number (days since 1970-01-01, already in the seller's zone) as a short date: "11/16" / "11月16日". */
export function dayLabel(day: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeZone: 'UTC', month: 'numeric', day: 'numeric' }).format(day * DAY_MS);
}

/** The full date of a week's Monday: "2026/11/16", "11/16/2026". */
export function weekLabel(day: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }).format(day * DAY_MS);
}

/** 0 = Monday: 1970-01-05 was one. */
export function weekdayName(weekday: number, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeZone: 'UTC', weekday: width }).format(Date.UTC(1970, 0, 5 + weekday));
}

/** Roughly how wide a tooltip's text is at 12 px: CJK characters are square, Latin ones about half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 12 : 6.8;
  return w;
}

/** Short for an axis: "¥1.2万", "$12K". */
export function moneyShort(m: Money): string {
  const digits = currencyDigits(m.currency);
  try {
    return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: m.currency, notation: 'compact', maximumFractionDigits: 1 }).format(m.minor / 10 ** digits);
  } catch {
    return formatMoney(m);
  }
}
