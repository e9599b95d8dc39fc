// @vitest-environment happy-dom
// Pages written blind (see unseen-suite.ts), aliexpress: one file per platform, so that each runs in a worker of its own
// (happy-dom keeps every parsed page: three pairs of platforms at 102 pages ran out of memory, as one file had at 49).
import { describeUnseen, SUITES } from './unseen-suite';

describeUnseen(SUITES[2]);
