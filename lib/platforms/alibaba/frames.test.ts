// @vitest-environment happy-dom
// The order list inside a same-origin iframe of the seller centre shell (the
// shell's own page has navigation only): the adapter reads the frame's list.
import { describeFramedList } from '../../../test/support/adapter-tests';
import { alibabaAdapter } from './adapter';

const CASES: Array<[string, string]> = [
  [
    'order-list-unpaid-en.html',
    'https://biz.alibaba.com/ta/order/list.htm?tab=unpay'
  ]
];

describeFramedList('alibabaAdapter', alibabaAdapter, 'alibaba', 'My Alibaba', CASES);
