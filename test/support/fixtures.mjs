// Fixture pages carry times relative to "now" as tokens such as {{cn:-5h}}
// (five hours ago, written as China wall time), so orders look as fresh in a
// demo or a test run next year as they did the day the fixture was written.
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const CHINA_OFFSET_MS = 8 * 3_600_000;

const pad = (n) => String(n).padStart(2, '0');

/** Formats an instant as China wall time, "YYYY-MM-DD HH:mm:ss". */
export function chinaWallTime(ms) {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * Formats an instant as wall time in an IANA zone, the way cross-border
 * back-offices print it: 'mdy12' "11/20/2026 2:03 PM" (US), 'dmy24'
 * "20/11/2026 14:03" (Brazil, Vietnam, Europe), 'dmy24dot' "20.11.2026 14:03" (Germany), 'ymd24' "2026-11-20 14:03:11".
 */
export function zonedWallTime(ms, timeZone, format) {
  const parts = {};
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  for (const p of fmt.formatToParts(ms)) parts[p.type] = Number(p.value);
  const { year, month, day, hour, minute, second } = parts;
  if (format === 'mdy12') return `${month}/${day}/${year} ${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
  if (format === 'dmy24') return `${pad(day)}/${pad(month)}/${year} ${pad(hour)}:${pad(minute)}`;
  if (format === 'dmy24dot') return `${pad(day)}.${pad(month)}.${year} ${pad(hour)}:${pad(minute)}`;
  if (format === 'ymd24') return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  throw new Error(`unknown wall-time format ${format}`);
}

/**
 * Replaces every {{cn:±N(m|h|d)}} token (China wall time); whole seconds keep
 * tests exact. Also {{tz:<IANA zone>:<mdy12|dmy24|dmy24dot|ymd24>:±N(m|h|d)}} for other
 * zones and formats, and {{us:±N(m|h|d)}}, short for US Pacific "11/20/2026 2:03 PM".
 */
export function renderFixture(html, now) {
  const base = Math.floor(now / 1000) * 1000;
  return html
    .replace(/\{\{cn:([+-]\d+)([mhd])\}\}/g, (_m, n, unit) => chinaWallTime(base + Number(n) * UNIT_MS[unit]))
    .replace(/\{\{us:([+-]\d+)([mhd])\}\}/g, (_m, n, unit) => zonedWallTime(base + Number(n) * UNIT_MS[unit], 'America/Los_Angeles', 'mdy12'))
    .replace(/\{\{tz:([A-Za-z_]+\/[A-Za-z_]+):(mdy12|dmy24dot|dmy24|ymd24):([+-]\d+)([mhd])\}\}/g, (_m, zone, format, n, unit) =>
      zonedWallTime(base + Number(n) * UNIT_MS[unit], zone, format),
    );
}
