export function chinaWallTime(ms: number): string;
export function renderFixture(html: string, now: number): string;
export function zonedWallTime(ms: number, timeZone: string, format: 'mdy12' | 'dmy24' | 'ymd24'): string;
