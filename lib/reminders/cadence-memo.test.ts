import { describe, expect, it } from 'vitest';
import { quietUntil } from './cadence';
import { DEFAULT_CADENCE, type CadenceSettings } from './settings';

// quietUntil remembers its answers by window, zone and instant (a ranking asks the same one per order): a remembered
// answer must never outlive the window or the zone it was worked out for.
const HOUR = 3_600_000;
const at = Date.UTC(2026, 11, 5, 15, 0, 0); // 23:00 in Shanghai, 07:00 in Los Angeles

describe('quietUntil: remembered answers', () => {
  it('answers again for another window, another zone, another instant', () => {
    const settings: CadenceSettings = { ...DEFAULT_CADENCE, quietHours: { enabled: true, start: '22:00', end: '08:00' } };
    // Shanghai is inside 22:00-08:00 until 08:00 local (00:00 UTC next day).
    expect(quietUntil(at, 'Asia/Shanghai', settings)).toBe(Date.UTC(2026, 11, 6, 0, 0, 0));
    expect(quietUntil(at, 'Asia/Shanghai', settings)).toBe(Date.UTC(2026, 11, 6, 0, 0, 0));
    // Los Angeles (07:00) is inside too, until 08:00 local (16:00 UTC).
    expect(quietUntil(at, 'America/Los_Angeles', settings)).toBe(Date.UTC(2026, 11, 5, 16, 0, 0));
    // An hour later in Los Angeles it is outside.
    expect(quietUntil(at + HOUR, 'America/Los_Angeles', settings)).toBeUndefined();
    // The same settings object changed in place (another window): not the remembered answer.
    settings.quietHours.end = '09:00';
    expect(quietUntil(at, 'Asia/Shanghai', settings)).toBe(Date.UTC(2026, 11, 6, 1, 0, 0));
    settings.quietHours.start = '23:30';
    expect(quietUntil(at, 'Asia/Shanghai', settings)).toBeUndefined();
    settings.quietHours.enabled = false;
    expect(quietUntil(at + 2 * HOUR, 'Asia/Shanghai', settings)).toBeUndefined();
    // Another settings object with the first window: its own answer again.
    expect(quietUntil(at, 'Asia/Shanghai', { ...DEFAULT_CADENCE, quietHours: { enabled: true, start: '22:00', end: '08:00' } })).toBe(Date.UTC(2026, 11, 6, 0, 0, 0));
  });

  it('is the same answer as worked out afresh, across many instants and zones', () => {
    const settings: CadenceSettings = { ...DEFAULT_CADENCE, quietHours: { enabled: true, start: '21:30', end: '07:15' } };
    const zones = ['Asia/Shanghai', 'America/Sao_Paulo', 'Europe/London', 'America/New_York'];
    const first = new Map<string, number | undefined>();
    for (const zone of zones) for (let h = 0; h < 48; h++) first.set(`${zone}@${h}`, quietUntil(at + h * 1_800_000, zone, settings));
    // Asked again in another order, and with a fresh copy of the same window (no remembered answer shared).
    for (const zone of [...zones].reverse()) {
      for (let h = 47; h >= 0; h--) {
        expect(quietUntil(at + h * 1_800_000, zone, settings)).toBe(first.get(`${zone}@${h}`));
        expect(quietUntil(at + h * 1_800_000, zone, { ...settings, quietHours: { ...settings.quietHours } })).toBe(first.get(`${zone}@${h}`));
      }
    }
  });
});
