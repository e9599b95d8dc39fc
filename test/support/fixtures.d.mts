export function chinaWallTime(ms: number): string;
export function renderFixture(html: string, now: number): string;
