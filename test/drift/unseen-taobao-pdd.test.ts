// @vitest-environment happy-dom
// Pages written blind (see unseen-suite.ts), taobao, pdd: one file per pair of platforms, so that each
// runs in a worker of its own (all of them in one ran out of memory at 49 pages).
import { describeUnseen, SUITES } from './unseen-suite';

describeUnseen(SUITES[0]);
