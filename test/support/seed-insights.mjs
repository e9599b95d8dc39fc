// Half a year of reminders for the insights page, written into the real
// store from the extension's service worker (worker.evaluate), the way the
// background would have logged them. Plain JS: it is passed as source, so it
// must not use anything from outside itself.
//
// Order i (0 ≤ i < orders) is first reminded `1 + i % 150` days before today
// at local hour `floor(i / 7) % 24` in Asia/Shanghai (set as the seller's
// zone), then `perOrder - 1` more times a minute apart; it is paid an hour
// after the first reminder when `insightsPlan(i).paid`. `extraUnpaid` orders are
// never reminded; `fewUses` more orders use one template once each.
// Run it with seedInsightsIn(worker, options): the plan goes along as source.

/** What order i looks like: the spec works its expected totals out from this, not from the statistics code. */
export function insightsPlan(i) {
  const hour = Math.floor(i / 7) % 24;
  return {
    daysBack: 1 + (i % 150),
    hour,
    // A quarter pay anyway; mornings (9–11) and evenings (19–21) recover more, the small hours less.
    paid: i % 4 === 0 ? hour >= 2 && hour <= 5 ? i % 8 === 0 : true : (hour >= 9 && hour <= 11) || (hour >= 19 && hour <= 21) ? i % 4 === 2 : false,
    promised: i % 4 === 1,
    currency: i % 3 === 0 ? 'USD' : 'CNY',
    minor: i % 3 === 0 ? 2000 : 10000,
    template: i % 6,
  };
}

export async function seedInsights({ orders, perOrder, extraUnpaid, fewUses, now, templates }, planOf) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('paynudge');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  const OFFSET = 8 * HOUR; // Asia/Shanghai has no summer time
  const today = Math.floor((now + OFFSET) / DAY) * DAY - OFFSET;
  const tx = db.transaction(['orders', 'attempts', 'settings'], 'readwrite');
  tx.objectStore('settings').put({ key: 'cadence', value: { sellerTimeZone: 'Asia/Shanghai' } });
  const put = (i, p, at, count, templateId) => {
    const platform = p.currency === 'USD' ? 'aliexpress' : 'taobao';
    const orderId = `7${String(i).padStart(17, '0')}`;
    const key = `${platform}:${orderId}`;
    const created = (at ?? now - 3 * HOUR) - 2 * HOUR;
    tx.objectStore('orders').put({
      platform,
      orderId,
      key,
      buyer: { nick: `ins-buyer-${i % 3000}` },
      items: [{ title: `Insights item ${i}`, qty: 1 }],
      amount: { minor: p.minor, currency: p.currency },
      createdAt: created,
      status: p.paid ? 'paid' : 'unpaid',
      pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
      listKey: 'insights',
      statusSource: 'page',
      firstSeenAt: created,
      lastSeenAt: now,
      statusChangedAt: p.paid ? at + HOUR : created,
    });
    // One record per order holds its attempts (lib/store/pack.ts), in time order, with the lists its indexes read.
    const attempts = [];
    for (let k = 0; k < count; k += 1) {
      attempts.push({
        id: `ins-${i}-${k}`,
        orderKey: key,
        buyerKey: `${platform}:ins-buyer-${i % 3000}`,
        platform,
        channel: 'chat',
        direction: 'outbound',
        action: 'inserted',
        templateId,
        text: '亲，您拍下的宝贝还没有付款哦',
        at: at + 5 * 60_000 + k * 60_000,
        outcome: k === 0 && p.promised ? 'promised' : 'sent',
      });
    }
    if (attempts.length) {
      tx.objectStore('attempts').put({ orderKey: key, attempts, ids: attempts.map((a) => a.id), buyerKeys: [attempts[0].buyerKey], followUps: [] });
    }
  };
  for (let i = 0; i < orders; i += 1) {
    const p = planOf(i);
    put(i, p, today - p.daysBack * DAY + p.hour * HOUR, perOrder, templates[p.template]);
  }
  for (let j = 0; j < fewUses; j += 1) {
    put(orders + j, { currency: 'CNY', minor: 10000, paid: false, promised: false }, today - DAY + 10 * HOUR, 1, templates[6]);
  }
  for (let j = 0; j < extraUnpaid; j += 1) put(orders + fewUses + j, { currency: 'CNY', minor: 10000, paid: false, promised: false }, undefined, 0);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
  return { orders: orders + fewUses + extraUnpaid, attempts: orders * perOrder + fewUses };
}

/** Seeds through the worker: both functions go as source text, evaluated by DevTools (the extension's CSP forbids eval inside). */
export function seedInsightsIn(worker, options) {
  return worker.evaluate(`(${seedInsights.toString()})(${JSON.stringify(options)}, ${insightsPlan.toString()})`);
}
