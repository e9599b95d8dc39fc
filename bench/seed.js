// Runs in the extension's origin (worker.evaluate, or page.evaluate on one of
// the extension's files): fills the real store with a busy desk's data, the
// way months of use would, in one go. Plain JS on purpose: it is passed to the
// browser as source.
//
// `unpaidEvery`: every n-th order is still unpaid, the rest paid or closed
// over `days` (a year of a big shop: most orders were paid long ago). With 1
// (the default) every order is unpaid, spread over the last 70 hours.
// Attempts with a "promised" outcome carry a follow-up two hours later, as the
// panel schedules them.
export async function seedDatabase({ orders, attempts, now, unpaidEvery = 1, days = 0, part }) {
  // `part`: { orders: [from, to], attempts: [from, to] } writes only those records (a big seed is written in several
  // calls, each short enough for the worker to answer).
  const orderRange = part?.orders ?? [0, orders];
  const attemptRange = part?.attempts ?? [0, attempts];
  // The extension makes its database when it first needs it: until then, opening it here would make an empty one
  // in its place. Such an open is aborted and tried again a moment later (a fresh profile's background is starting).
  const open = () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open('paynudge');
      let early = false;
      request.onupgradeneeded = () => {
        early = true;
        request.transaction.abort();
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => (early ? resolve(undefined) : reject(request.error));
    });
  let db = await open();
  for (let tries = 0; !db && tries < 100; tries++) {
    await new Promise((r) => setTimeout(r, 100));
    db = await open();
  }
  if (!db) throw new Error('the extension has not made its database');
  const platforms = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee'];
  const currencies = { taobao: 'CNY', pdd: 'CNY', aliexpress: 'USD', tiktok: 'USD', alibaba: 'USD', shopee: 'VND' };
  const buyersPerPlatform = Math.max(1500, Math.floor(orders / 20));
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  // Chunks of 50,000 records: one transaction of half a million would hold it all in memory at once. Relaxed
  // durability: a bench seed needs no flush to disk per transaction (Chrome's default for readwrite is a flush).
  const CHUNK = 50_000;
  const relaxed = { durability: 'relaxed' };
  const createdOf = (i) => {
    const unpaid = i % unpaidEvery === 0;
    // Unpaid orders are the recent ones; the others spread over the year.
    if (unpaid || days === 0) return now - (i % 70) * 3_600_000;
    return now - 3 * 86_400_000 - ((i * 7919) % (days * 86_400_000));
  };
  for (let start = orderRange[0]; start < orderRange[1]; start += CHUNK) {
    const tx = db.transaction(['orders', 'buyers'], 'readwrite', relaxed);
    for (let i = start; i < Math.min(orderRange[1], start + CHUNK); i += 1) {
      const platform = platforms[i % platforms.length];
      const orderId = `9${String(i).padStart(17, '0')}`;
      const nick = `bench-buyer-${i % buyersPerPlatform}`;
      const created = createdOf(i);
      const unpaid = i % unpaidEvery === 0;
      const status = unpaid ? 'unpaid' : i % 9 === 1 ? 'closed' : 'paid';
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
        status,
        pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
        listKey: 'bench',
        statusSource: 'page',
        firstSeenAt: created,
        lastSeenAt: unpaid ? now : created + 86_400_000,
        statusChangedAt: unpaid ? created : created + 86_400_000,
      });
      if (i < buyersPerPlatform * platforms.length) {
        tx.objectStore('buyers').put({ key: `${platform}:${nick}`, platform, nick, firstSeenAt: created, lastSeenAt: now, paidOrderKeys: i % 4 === 0 ? [`${platform}:paid-${i}`] : [] });
      }
    }
    await done(tx);
  }
  const outcomes = ['pending', 'sent', 'no_reply', 'replied', 'promised', 'paid', 'refused'];
  for (let start = attemptRange[0]; start < attemptRange[1]; start += CHUNK) {
    const tx = db.transaction(['attempts', 'settings'], 'readwrite', relaxed);
    // As an import does: the counts on orders and buyers no longer account for every attempt, so the record of
    // them loses its checked mark and the background's next check counts the attempts (lib/store/buyers.ts).
    const stats = tx.objectStore('settings').get('ws.attemptStats');
    stats.onsuccess = () => {
      if (stats.result?.value?.checked) tx.objectStore('settings').put({ key: 'ws.attemptStats', value: { counted: stats.result.value.counted ?? 0 } });
    };
    // The store keeps one record per order with all of its attempts (lib/store/pack.ts): this chunk's attempts are
    // grouped by order and added to what each order holds.
    const byOrder = new Map();
    for (let a = start; a < Math.min(attemptRange[1], start + CHUNK); a += 1) {
      const i = a % orders;
      const platform = platforms[i % platforms.length];
      const orderId = `9${String(i).padStart(17, '0')}`;
      const outcome = outcomes[a % outcomes.length];
      const at = days === 0 ? now - (a % 1000) * 60_000 : Math.min(now - 60_000, createdOf(i) + 3_600_000 + (a % 48) * 60_000);
      const orderKey = `${platform}:${orderId}`;
      if (!byOrder.has(orderKey)) byOrder.set(orderKey, []);
      byOrder.get(orderKey).push({
        id: `bench-${a}`,
        orderKey,
        buyerKey: `${platform}:bench-buyer-${i % buyersPerPlatform}`,
        platform,
        channel: a % 5 === 0 ? 'phone' : 'chat',
        direction: 'outbound',
        action: a % 5 === 0 ? 'manual' : 'inserted',
        templateId: `tpl-${a % 40}`,
        text: '亲，您拍下的宝贝还没有付款哦',
        at,
        outcome,
        ...(outcome === 'promised' ? { followUpAt: at + 2 * 3_600_000 } : {}),
      });
    }
    const store = tx.objectStore('attempts');
    for (const [orderKey, list] of byOrder) {
      const held = store.get(orderKey);
      held.onsuccess = () => {
        const all = [...(held.result?.attempts ?? []), ...list].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        const followUps = all.filter((x) => typeof x.followUpAt === 'number').map((x) => x.followUpAt);
        store.put({ orderKey, attempts: all, ids: all.map((x) => x.id), buyerKeys: [...new Set(all.map((x) => x.buyerKey))], followUps });
      };
    }
    await done(tx);
  }
  db.close();
  // Every write through PayNudge removes the queue a worker saved for the next one (lib/background/queue.ts);
  // this seed writes past the background, so it removes it itself, as such a write would.
  await globalThis.caches?.delete('paynudge-queue');
  // The same for the popup's saved answer (lib/background/popup.ts).
  await globalThis.caches?.delete('paynudge-popup');
  return { orders, attempts };
}
