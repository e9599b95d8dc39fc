// @vitest-environment happy-dom
// Page 1 of a paginated list: the read says it is not the whole list, and an
// order missing from it is not taken as paid (only a complete, fully read
// unpaid list lets absence mean "left the unpaid state"; see applyPageRead).
import { describePageOne, type PageOneCase } from '../../../test/support/adapter-tests';
import { taobaoAdapter } from './adapter';

const CASES: PageOneCase[] = [
  {
    'name': 'old sold-items list',
    'whole': 'sold-items-unpaid.html',
    'page1': 'sold-items-unpaid-page1.html',
    'wholeUrl': 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay',
    'page1Url': 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay&pageNum=1'
  },
  {
    'name': 'Qianniu trade platform',
    'whole': 'trade-platform-unpaid.html',
    'page1': 'trade-platform-unpaid-page1.html',
    'wholeUrl': 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay',
    'page1Url': 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay&pageNo=1'
  }
];

describePageOne('taobaoAdapter', taobaoAdapter, 'taobao', CASES);
