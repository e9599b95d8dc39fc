// Time-zone math without a tz library: Intl.DateTimeFormat knows every IANA
// zone and its DST rules, so a zone's offset at an instant is read from it.

import { zoneOffsetMinutes } from '../orders/time';

const MINUTE = 60_000;

// Both answers are asked once per order in a queue of thousands: remember them (a throw is slow).
const validity = new Map<string, boolean>();
let local: string | undefined;

export function isValidTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  let ok = validity.get(zone);
  if (ok === undefined) {
    ok = zoneOffsetMinutes(zone, 0) !== null;
    if (validity.size > 500) validity.clear();
    validity.set(zone, ok);
  }
  return ok;
}

/** The browser's own zone (the seller's unless the settings say otherwise). */
export function localTimeZone(): string {
  if (local === undefined) {
    try {
      local = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
    } catch {
      local = 'Asia/Shanghai';
    }
  }
  return local;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

/**
 * Minutes east of UTC in `zone` at an instant (e.g. 480 in China, -240 in New
 * York in summer). Callers check isValidTimeZone first; an unknown zone reads as UTC.
 */
export function offsetMinutes(zone: string, at: number): number {
  return zoneOffsetMinutes(zone, at) ?? 0;
}

/** The wall clock in `zone` at an instant. */
export function wallClock(zone: string, at: number): WallClock {
  const d = new Date(at + offsetMinutes(zone, at) * MINUTE);
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute, minuteOfDay: hour * 60 + minute };
}

/**
 * The instant a wall time happens in `zone`. A time skipped by a DST jump
 * comes out at the same distance after the jump; a repeated one at its first occurrence.
 */
export function zonedTimeToUtc(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - offsetMinutes(zone, naive) * MINUTE;
  const second = naive - offsetMinutes(zone, first) * MINUTE;
  if (first === second) return first;
  // Ambiguous or skipped: the earlier reading that is consistent with itself.
  const candidates = [first, second].filter((c) => c + offsetMinutes(zone, c) * MINUTE === naive);
  return candidates.length > 0 ? Math.min(...candidates) : Math.max(first, second);
}

/** Parses "HH:MM" into minutes since midnight. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The next instant at or after `from` when the wall clock in `zone` shows `minuteOfDay`. */
export function nextWallTime(zone: string, from: number, minuteOfDay: number): number {
  const w = wallClock(zone, from);
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  for (let addDays = 0; addDays < 3; addDays++) {
    // Date.UTC rolls day overflow into the next month for us.
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day + addDays));
    const at = zonedTimeToUtc(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
    if (at >= from) return at;
  }
  return from + 24 * 60 * MINUTE;
}
