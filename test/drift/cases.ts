// The order-list fixtures of every platform, each with the seller URL it is
// read at. Shared by the drift unit test and the drift e2e spec.
import type { Platform } from '../../lib/orders/model';

export interface DriftCase {
  platform: Exclude<Platform, 'manual'>;
  file: string;
  url: string;
}

const TAOBAO_UNPAID = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';
const TP_UNPAID = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay';

export const DRIFT_CASES: readonly DriftCase[] = [
  { platform: 'taobao', file: 'sold-items-unpaid.html', url: TAOBAO_UNPAID },
  { platform: 'taobao', file: 'sold-items-unpaid-page1.html', url: `${TAOBAO_UNPAID}&pageNum=1` },
  { platform: 'taobao', file: 'sold-items-all.html', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm' },
  { platform: 'taobao', file: 'trade-platform-unpaid.html', url: TP_UNPAID },
  { platform: 'taobao', file: 'trade-platform-unpaid-page1.html', url: TP_UNPAID },
  { platform: 'taobao', file: 'trade-platform-all.html', url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold' },
  { platform: 'pdd', file: 'orders-unpaid.html', url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1' },
  { platform: 'pdd', file: 'orders-all.html', url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0' },
  { platform: 'pdd', file: 'orders-paged.html', url: 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1' },
  { platform: 'aliexpress', file: 'order-list-en.html', url: 'https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299' },
  { platform: 'aliexpress', file: 'order-list-zh.html', url: 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS' },
  { platform: 'aliexpress', file: 'order-list-zh-page1.html', url: 'https://gsp.aliexpress.com/m_apps/order-manage/orderList?channelId=238299&orderStatus=PLACE_ORDER_SUCCESS' },
  { platform: 'tiktok', file: 'order-list-us.html', url: 'https://seller-us.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-br.html', url: 'https://seller-br.tiktok.com/order?tab=unpaid' },
  { platform: 'tiktok', file: 'order-list-br-page1.html', url: 'https://seller-br.tiktok.com/order?tab=unpaid' },
  { platform: 'tiktok', file: 'order-list-vn.html', url: 'https://seller-vn.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-th.html', url: 'https://seller-th.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-id.html', url: 'https://seller-id.tokopedia.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-jp.html', url: 'https://seller-jp.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-de.html', url: 'https://seller-de.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-fr.html', url: 'https://seller-fr.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-es.html', url: 'https://seller-es.tiktok.com/order?tab=all' },
  { platform: 'tiktok', file: 'order-list-it.html', url: 'https://seller-it.tiktok.com/order?tab=all' },
  { platform: 'alibaba', file: 'order-list-unpaid-en.html', url: 'https://biz.alibaba.com/ta/order/list.htm?tab=unpay' },
  { platform: 'alibaba', file: 'order-list-all-zh.html', url: 'https://biz.alibaba.com/ta/order/list.htm' },
  { platform: 'shopee', file: 'order-vn-unpaid.html', url: 'https://banhang.shopee.vn/portal/sale/order?type=unpaid' },
  { platform: 'shopee', file: 'order-my-all.html', url: 'https://seller.shopee.com.my/portal/sale/order?type=all' },
  { platform: 'shopee', file: 'order-br-unpaid.html', url: 'https://seller.shopee.com.br/portal/sale/order?type=unpaid' },
  { platform: 'shopee', file: 'order-id-unpaid.html', url: 'https://seller.shopee.co.id/portal/sale/order?type=unpaid' },
  { platform: 'shopee', file: 'order-th-unpaid.html', url: 'https://seller.shopee.co.th/portal/sale/order?type=unpaid' },
  { platform: 'shopee', file: 'order-tw-unpaid.html', url: 'https://seller.shopee.tw/portal/sale/order?type=unpaid' },
  { platform: 'shopee', file: 'order-mx-unpaid.html', url: 'https://seller.shopee.com.mx/portal/sale/order?type=unpaid' },
];
