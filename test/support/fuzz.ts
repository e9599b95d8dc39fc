import fc from 'fast-check';

/**
 * Property tests run on a fixed seed in `npm test`, so a landing is
 * reproducible and CI judges the code, not the draw. `npm run fuzz` sets
 * PAYNUDGE_FUZZ to a multiplier: every property then runs that many times
 * more often, on fresh seeds, with its time limit scaled alike. A failure
 * prints its seed and path; replay it with fc.assert's `seed` and `path`, then
 * keep the counterexample as a plain test beside the property.
 */
const scale = Math.max(1, Number(process.env.PAYNUDGE_FUZZ) || 1);
export const FUZZING = scale > 1;

if (!FUZZING) fc.configureGlobal({ seed: 20_261_123 });

/** How many times a property runs: `n` in `npm test`, n × PAYNUDGE_FUZZ when fuzzing. */
export const runs = (n: number): number => Math.round(n * scale);

/** A property test's time limit, scaled with its runs. */
export const limit = (ms: number): number => Math.round(ms * scale);
