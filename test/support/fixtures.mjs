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

/** Replaces every {{cn:±N(m|h|d)}} token; whole seconds keep tests exact. */
export function renderFixture(html, now) {
  const base = Math.floor(now / 1000) * 1000;
  return html.replace(/\{\{cn:([+-]\d+)([mhd])\}\}/g, (_m, n, unit) => chinaWallTime(base + Number(n) * UNIT_MS[unit]));
}
