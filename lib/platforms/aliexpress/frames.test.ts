// @vitest-environment happy-dom
// The order list inside a same-origin iframe of the seller centre shell (the
// shell's own page has navigation only): the adapter reads the frame's list.
import { describeFramedList } from '../../../test/support/adapter-tests';
import { aliexpressAdapter } from './adapter';

const CASES: Array<[string, string]> = [
  [
    'order-list-zh.html',
    'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS'
  ]
];

describeFramedList('aliexpressAdapter', aliexpressAdapter, 'aliexpress', 'Orders', CASES);
