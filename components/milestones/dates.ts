import { CHINA_OFFSET_MINUTES } from '@/lib/orders/time';

// Dates in the panel's forms are calendar days on the seller's (China) clock.

/** "2026-11-26" for an <input type=date>. */
export function toDateInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  return new Date(ms + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Noon of that day in China, or undefined for an empty or malformed value. */
export function fromDateInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T12:00:00+08:00`);
  return Number.isFinite(ms) ? ms : undefined;
}
