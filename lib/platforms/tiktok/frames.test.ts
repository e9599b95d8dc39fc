// @vitest-environment happy-dom
// The order list inside a same-origin iframe of the seller centre shell (the
// shell's own page has navigation only): the adapter reads the frame's list.
import { describeFramedList } from '../../../test/support/adapter-tests';
import { tiktokAdapter } from './adapter';

const CASES: Array<[string, string]> = [
  [
    'order-list-us.html',
    'https://seller-us.tiktok.com/order?tab=all'
  ]
];

describeFramedList('tiktokAdapter', tiktokAdapter, 'tiktok', 'Orders', CASES);
