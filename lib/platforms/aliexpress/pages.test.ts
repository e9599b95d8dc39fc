// @vitest-environment happy-dom
// Page 1 of a paginated list: the read says it is not the whole list, and an
// order missing from it is not taken as paid (only a complete, fully read
// unpaid list lets absence mean "left the unpaid state"; see applyPageRead).
import { describePageOne, type PageOneCase } from '../../../test/support/adapter-tests';
import { aliexpressAdapter } from './adapter';

const CASES: PageOneCase[] = [
  {
    'name': '等待买家付款 tab',
    'whole': 'order-list-zh.html',
    'page1': 'order-list-zh-page1.html',
    'wholeUrl': 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS',
    'page1Url': 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS&current=1'
  }
];

describePageOne('aliexpressAdapter', aliexpressAdapter, 'aliexpress', CASES);
