import type { ContactAttempt, Order } from '../orders/model';
import { currencyDigits } from '../orders/money';

// CSV for spreadsheets: a UTF-8 byte order mark so Excel reads Chinese text
// as UTF-8, CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR) made inert with a leading '.

const BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function iso(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

/** "1280.00": the amount as a plain decimal, so the spreadsheet can sum it. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const scale = 10 ** digits;
  return `${Math.floor(minor / scale)}.${String(minor % scale).padStart(digits, '0')}`;
}

export const ORDER_COLUMNS = [
  'platform', 'order_id', 'buyer', 'status', 'amount', 'currency', 'items', 'created_at', 'auto_close_at', 'first_seen_at', 'last_seen_at', 'page_url',
] as const;

export function ordersCsv(orders: readonly Order[]): string {
  return toCsv(
    ORDER_COLUMNS,
    orders.map((o) => [
      o.platform,
      o.orderId,
      o.buyer.displayName ?? o.buyer.nick,
      o.status,
      decimalAmount(o.amount.minor, o.amount.currency),
      o.amount.currency,
      o.items.map((i) => (i.qty > 1 ? `${i.title} ×${i.qty}` : i.title)).join(' | '),
      iso(o.createdAt),
      iso(o.autoCloseAt),
      iso(o.firstSeenAt),
      iso(o.lastSeenAt),
      o.pageUrl,
    ]),
  );
}

export const ATTEMPT_COLUMNS = ['id', 'order_key', 'platform', 'channel', 'action', 'template_id', 'outcome', 'at', 'follow_up_at', 'text', 'note'] as const;

export function attemptsCsv(attempts: readonly ContactAttempt[]): string {
  return toCsv(
    ATTEMPT_COLUMNS,
    attempts.map((a) => [a.id, a.orderKey, a.platform, a.channel, a.action, a.templateId, a.outcome, iso(a.at), iso(a.followUpAt), a.text, a.note]),
  );
}
