// @vitest-environment happy-dom
// Pages written blind (see unseen-suite.ts), aliexpress, share 3 of 3: each platform's pages in three files, every third page in each, so
// that each runs in a worker of its own (happy-dom keeps every parsed page: three pairs of platforms at 102 pages ran
// out of memory, as one file had at 49, AliExpress's 29 pages in one file at 4 GB, and Taobao's 26 in one file at 52
// blind pages on 2026-12-08).
import { describeUnseen, SUITES } from './unseen-suite';

describeUnseen(SUITES[2], 2, 3);
