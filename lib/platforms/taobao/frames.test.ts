// @vitest-environment happy-dom
// The order list inside a same-origin iframe of the seller centre shell (the
// shell's own page has navigation only): the adapter reads the frame's list.
import { describeFramedList } from '../../../test/support/adapter-tests';
import { taobaoAdapter } from './adapter';

const CASES: Array<[string, string]> = [
  [
    'trade-platform-unpaid.html',
    'https://myseller.taobao.com/home.htm/QnworkbenchHome/'
  ],
  [
    'sold-items-unpaid.html',
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay'
  ]
];

describeFramedList('taobaoAdapter', taobaoAdapter, 'taobao', '已卖出的宝贝', CASES);
