// A shop as the team server holds it, for the team-sync bench and e2e: the
// documents a desk of agents would have sent (orders, and contact attempts
// spread over them), put on the server in bulk.

/**
 * The shop as the server holds it: the documents a desk of agents would have sent (`order(i)`, and `pack(i)` with
 * the attempts on order i; `attempt(a)` is one attempt as earlier versions sent it, a document of its own).
 */
export function shopDocs(orders, attempts, now) {
  const platforms = ['taobao', 'pdd', 'aliexpress', 'tiktok', 'alibaba', 'shopee'];
  const currencies = { taobao: 'CNY', pdd: 'CNY', aliexpress: 'USD', tiktok: 'USD', alibaba: 'USD', shopee: 'VND' };
  const outcomes = ['pending', 'sent', 'no_reply', 'replied', 'promised', 'paid', 'refused'];
  const order = (i) => {
    const platform = platforms[i % platforms.length];
    const orderId = `7${String(i).padStart(17, '0')}`;
    const created = now - (i % 70) * 3_600_000;
    return {
      _id: `order:${platform}:${orderId}`,
      record: {
        platform, orderId, key: `${platform}:${orderId}`, buyer: { nick: `shop-buyer-${i % 5000}` }, items: [{ title: `Shop item ${i}`, qty: 1 + (i % 3) }],
        amount: { minor: 1000 + ((i * 7919) % 500_000), currency: currencies[platform] }, createdAt: created, autoCloseAt: created + 72 * 3_600_000,
        status: 'unpaid', pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', listKey: 'shop', statusSource: 'page',
        firstSeenAt: created, lastSeenAt: now, statusChangedAt: created,
      },
    };
  };
  const attempt = (a) => {
    const i = a % orders;
    const platform = platforms[i % platforms.length];
    const orderId = `7${String(i).padStart(17, '0')}`;
    const outcome = outcomes[a % outcomes.length];
    const at = now - (a % 1000) * 60_000;
    return {
      _id: `attempt:shop-${a}`,
      record: {
        id: `shop-${a}`, orderKey: `${platform}:${orderId}`, buyerKey: `${platform}:shop-buyer-${i % 5000}`, platform, channel: a % 5 === 0 ? 'phone' : 'chat',
        direction: 'outbound', action: a % 5 === 0 ? 'manual' : 'inserted', templateId: `tpl-${a % 40}`, text: '亲，您拍下的宝贝还没有付款哦', at, outcome,
        agent: ['小王', '小李', '小张'][a % 3], ...(outcome === 'promised' ? { followUpAt: at + 2 * 3_600_000 } : {}),
      },
    };
  };
  /** Order i's attempts as PayNudge sends them: one document per order (attempts i, i + orders, i + 2 × orders…). */
  const pack = (i) => {
    const list = [];
    for (let a = i; a < attempts; a += orders) list.push(attempt(a).record);
    list.sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const orderKey = list[0].orderKey;
    return { _id: `attempts:${orderKey}`, record: { orderKey, attempts: list } };
  };
  return { order, attempt, pack, packs: Math.min(orders, attempts) };
}

/** Puts `count` documents made by `make` on the server's database, 5,000 per request. */
export async function putAll(server, db, count, make) {
  const BATCH = 5000;
  for (let start = 0; start < count; start += BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) docs.push(make(i));
    const response = await fetch(`${server.url}/${db}/_bulk_docs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ docs }) });
    if (!response.ok) throw new Error(`seeding the server: ${response.status}`);
  }
}
