// @vitest-environment happy-dom
// Page 1 of a paginated list: the read says it is not the whole list, and an
// order missing from it is not taken as paid (only a complete, fully read
// unpaid list lets absence mean "left the unpaid state"; see applyPageRead).
import { describePageOne, type PageOneCase } from '../../../test/support/adapter-tests';
import { tiktokAdapter } from './adapter';

const CASES: PageOneCase[] = [
  {
    'name': 'Brazilian unpaid tab',
    'whole': 'order-list-br.html',
    'page1': 'order-list-br-page1.html',
    'wholeUrl': 'https://seller-br.tiktok.com/order?tab=unpaid',
    'page1Url': 'https://seller-br.tiktok.com/order?tab=unpaid&page=1'
  }
];

describePageOne('tiktokAdapter', tiktokAdapter, 'tiktok', CASES);
