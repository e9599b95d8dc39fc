// How sure a recovery rate is: the Wilson score interval. Unlike the plain
// p ± z·√(p(1−p)/n) it stays inside 0..1 and is honest at 0 of 5 or 5 of 5,
// which is where a shop's templates spend their first weeks.

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson score interval of `successes` in `n` tries; 0..1 when there are no tries. */
export function wilson(successes: number, n: number, z: number = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}
