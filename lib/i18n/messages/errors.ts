import { defineMessages } from '../define';

// Refusals and failures the background reports as codes (lib/messaging/errors.ts),
// put into words by the page that shows them. Codes of other areas reuse those
// areas' keys (ms.err.*, opt.import.*, pf.err.*, team.result.*).
export default defineMessages({
  'zh-CN': {
    'err.orderGone': '这笔订单已不在记录中，请刷新订单页面后再试。',
    'err.attemptGone': '找不到这条联系记录。',
    'err.buyerGone': '找不到这位买家。',
    'err.timeZone': '无法识别的时区：{zone}',
    'err.internal': '出了点问题，操作没有完成。请重试；如果一直出现，请重新加载扩展。',
    'err.noReply': '后台没有响应，请重新打开面板。',
    'err.clipboard': '无法写入剪贴板。',
  },
  'zh-TW': {
    'err.orderGone': '這筆訂單已不在紀錄中，請重新整理訂單頁面後再試。',
    'err.attemptGone': '找不到這筆聯絡紀錄。',
    'err.buyerGone': '找不到這位買家。',
    'err.timeZone': '無法識別的時區：{zone}',
    'err.internal': '發生問題，操作沒有完成。請再試一次；若持續出現，請重新載入擴充功能。',
    'err.noReply': '背景程式沒有回應，請重新開啟面板。',
    'err.clipboard': '無法寫入剪貼簿。',
  },
  en: {
    'err.orderGone': 'This order is no longer in the records. Refresh the orders page and try again.',
    'err.attemptGone': 'This contact record could not be found.',
    'err.buyerGone': 'This buyer could not be found.',
    'err.timeZone': 'Unknown time zone: {zone}',
    'err.internal': 'Something went wrong and the action was not completed. Try again; if it keeps happening, reload the extension.',
    'err.noReply': 'The background did not answer. Reopen the panel.',
    'err.clipboard': 'Could not write to the clipboard.',
  },
});
