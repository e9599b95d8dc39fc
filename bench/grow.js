// Runs inside a fixture page (page.evaluate): grows the order list to `target`
// rows by cloning the page's own rows with fresh ids, then times the adapter
// against a raw querySelectorAll walk over the same rows.
// Plain JS on purpose: it is passed to the browser as source.
export function growAndMeasure({ platform, target, rounds, warmup = 0 }) {
  const adapter = globalThis.__adapters[platform];
  const first = adapter.readOrders(document, location.href, Date.now());
  if (!first || first.orders.length < 1) return { error: 'no orders on the fixture page' };
  const ids = first.orders.map((o) => o.orderId);

  // The row of an order: the largest ancestor of its id text that holds no other order's id.
  const holder = (id) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE ? node.nodeValue.includes(id) : node.getAttribute?.('value') === id) return node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    }
    return null;
  };
  const rowOf = (id) => {
    let el = holder(id);
    if (!el) return null;
    while (el.parentElement && el.parentElement !== document.body) {
      const text = el.parentElement.textContent;
      if (ids.some((other) => other !== id && text.includes(other))) break;
      el = el.parentElement;
    }
    return el;
  };
  const rows = ids.map(rowOf).filter(Boolean);
  const container = rows[0]?.parentElement;
  const sameParent = rows.filter((r) => r.parentElement === container);
  if (!container || sameParent.length === 0) return { error: 'rows not found' };

  // Fresh ids keep the format: the trailing digits change. An id that ends in letters (Shopee's) gets digits for its
  // last characters, and two rows could then share one: every id is new, else the page holds fewer orders than rows.
  let serial = 0;
  const used = new Set(ids);
  const fresh = (id) => {
    const digits = /\d+$/.exec(id)?.[0] ?? '';
    for (;;) {
      serial += 1;
      const tail = String(serial).padStart(Math.min(digits.length, 6), '0');
      const next = id.slice(0, id.length - tail.length) + tail;
      if (!used.has(next)) {
        used.add(next);
        return next;
      }
    }
  };
  const relabel = (node, from, to) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.nodeValue.includes(from)) n.nodeValue = n.nodeValue.split(from).join(to);
      } else {
        for (const attr of n.attributes) if (attr.value.includes(from)) attr.value = attr.value.split(from).join(to);
        if (n instanceof HTMLInputElement && n.value === from) n.value = to;
      }
    }
  };
  let count = first.orders.length;
  let i = 0;
  while (count < target) {
    const source = sameParent[i % sameParent.length];
    const id = ids.find((x) => source.textContent.includes(x) || source.querySelector(`[value="${x}"]`));
    const clone = source.cloneNode(true);
    relabel(clone, id, fresh(id));
    container.appendChild(clone);
    i += 1;
    count += 1;
  }

  const rowEls = [...container.children];
  // Baseline: visit every element of every row and read its text once.
  const rawWalk = () => {
    let chars = 0;
    for (const row of rowEls) for (const el of row.querySelectorAll('*')) if (el.childElementCount === 0) chars += el.textContent.length;
    return chars;
  };
  const adapterRead = () => adapter.readOrders(document, location.href, Date.now());
  // The structural reader on the same page, as readPage runs it when the selectors read short.
  const structureRead = globalThis.__structure ? () => globalThis.__structure(document, platform, location.href, Date.now(), null) : undefined;
  // The three take turns within each round, so a busy machine's slow spells
  // fall on all of them alike instead of on whichever ran its rounds then.
  const subjects = [rawWalk, adapterRead, structureRead].filter(Boolean);
  // `warmup` untimed rounds first, in the same turns: the readers are large
  // functions the engine compiles in tiers over their first dozen calls, the
  // raw walk a few lines it compiles at once, so early rounds time the
  // compiler more than the reading (2026-12-05: TikTok's adapter 12.8 ms over
  // rounds 1-15, 9.3 ms over rounds 21-40; the raw walk 4.9 / 4.2 ms).
  const samples = subjects.map(() => []);
  const results = [];
  for (let r = 0; r < warmup + rounds; r += 1) {
    subjects.forEach((fn, k) => {
      const start = performance.now();
      results[k] = fn();
      if (r >= warmup) samples[k].push(performance.now() - start);
    });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const raw = { median: median(samples[0]), result: results[0] };
  const read = { median: median(samples[1]), result: results[1] };
  const structure = structureRead ? { median: median(samples[2]), result: results[2] } : undefined;
  return {
    rows: rowEls.length,
    orders: read.result.orders.length,
    unreadable: read.result.unreadable,
    adapterMs: read.median,
    rawMs: raw.median,
    structureMs: structure?.median,
    structureOrders: structure?.result?.orders.length ?? 0,
    structureUnreadable: structure?.result?.unreadable ?? 0,
  };
}
