// @vitest-environment happy-dom
// Pages written blind (see unseen-suite.ts), taobao, the second share of its pages: each share runs in a worker of its own
// (happy-dom keeps every parsed page: three pairs of platforms at 102 pages ran out of memory, as one file had at 49,
// and AliExpress's 29 pages in one file at 4 GB): each platform's pages in two files, every other page in each.
import { describeUnseen, SUITES } from './unseen-suite';

describeUnseen(SUITES[0], 1, 2);
