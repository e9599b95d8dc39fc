// Runs in the extension's service worker (worker.evaluate): fills the real
// store with a busy desk's data, the way months of use would, in one go.
// Plain JS on purpose: it is passed to the worker as source.
export async function seedDatabase({ orders, attempts, now }) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('paynudge');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const platforms = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee'];
  const currencies = { taobao: 'CNY', pdd: 'CNY', aliexpress: 'USD', tiktok: 'USD', alibaba: 'USD', shopee: 'VND' };
  const tx = db.transaction(['orders', 'buyers', 'attempts'], 'readwrite');
  for (let i = 0; i < orders; i += 1) {
    const platform = platforms[i % platforms.length];
    const orderId = `9${String(i).padStart(17, '0')}`;
    const nick = `bench-buyer-${i % 1500}`;
    const created = now - (i % 70) * 3_600_000;
    tx.objectStore('orders').put({
      platform,
      orderId,
      key: `${platform}:${orderId}`,
      buyer: { nick },
      items: [{ title: `Bench item ${i}`, qty: 1 + (i % 3) }],
      amount: { minor: 1000 + ((i * 7919) % 500_000), currency: currencies[platform] },
      createdAt: created,
      autoCloseAt: created + 72 * 3_600_000,
      autoCloseEstimated: true,
      status: 'unpaid',
      pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
      listKey: 'bench',
      statusSource: 'page',
      firstSeenAt: created,
      lastSeenAt: now,
      statusChangedAt: created,
    });
    if (i < 1500 * platforms.length) {
      tx.objectStore('buyers').put({ key: `${platform}:${nick}`, platform, nick, firstSeenAt: created, lastSeenAt: now, paidOrderKeys: i % 4 === 0 ? [`${platform}:paid-${i}`] : [] });
    }
  }
  const outcomes = ['pending', 'sent', 'no_reply', 'replied', 'promised', 'paid', 'refused'];
  for (let a = 0; a < attempts; a += 1) {
    const i = a % orders;
    const platform = platforms[i % platforms.length];
    const orderId = `9${String(i).padStart(17, '0')}`;
    tx.objectStore('attempts').put({
      id: `bench-${a}`,
      orderKey: `${platform}:${orderId}`,
      buyerKey: `${platform}:bench-buyer-${i % 1500}`,
      platform,
      channel: a % 5 === 0 ? 'phone' : 'chat',
      direction: 'outbound',
      action: a % 5 === 0 ? 'manual' : 'inserted',
      templateId: `tpl-${a % 40}`,
      text: '亲，您拍下的宝贝还没有付款哦',
      at: now - (a % 1000) * 60_000,
      outcome: outcomes[a % outcomes.length],
    });
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return { orders, attempts };
}
