// Runs inside a grown fixture page (page.evaluate, after growAndMeasure): the
// cost of rereading one order whose content changed (lib/platforms/reread.ts)
// against a full read of the same page in the same run. The change renames
// one buyer on the page, as an edited remark or status does: a text change
// inside one order block. Plain JS on purpose: it is passed to the browser as source.
export function measureReread({ platform, rounds }) {
  const { readPage, trackRead, touchedBlocks, rereadTouched } = globalThis.__reread;
  const adapter = globalThis.__adapters[platform];
  const now = Date.now();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // Full reads, with the blocks noted as the content script makes them and without (what noting adds),
  // alternated so a busy spell of the machine falls on both alike; one of each first, untimed, to warm up.
  const full = [];
  const plain = [];
  let tracked = trackRead(document, adapter, location.href, now);
  readPage(document, adapter, location.href, now);
  for (let r = 0; r < rounds; r += 1) {
    let start = performance.now();
    tracked = trackRead(document, adapter, location.href, now);
    full.push(performance.now() - start);
    start = performance.now();
    readPage(document, adapter, location.href, now);
    plain.push(performance.now() - start);
  }
  if (!tracked.read || !tracked.trackable) return { error: `not trackable: ${tracked.read ? tracked.read.orders.length : 'no'} orders` };
  const held = tracked.notes.map((note, i) => ({ note, at: tracked.position[i] })).filter((x) => x.at >= 0);
  const { note, at } = held[Math.floor(held.length / 2)];
  const nick = tracked.read.orders[at].buyer.nick;
  const walker = document.createTreeWalker(note.els[0], NodeFilter.SHOW_TEXT);
  let text = null;
  for (let n = walker.nextNode(); n && !text; n = walker.nextNode()) if (n.nodeValue.includes(nick)) text = n;
  if (!text) return { error: 'buyer not shown as one text' };
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true, attributes: true, attributeFilter: ['class'] });
  const touchedRead = [];
  let blocksRead = 0;
  let read;
  for (let r = 0; r < rounds; r += 1) {
    text.nodeValue = text.nodeValue.split(nick).join(r % 2 === 0 ? `${nick}·` : nick.replace(/·$/, ''));
    const records = observer.takeRecords();
    const start = performance.now();
    const touched = touchedBlocks(tracked, records);
    read = touched && rereadTouched(tracked, touched, now);
    touchedRead.push(performance.now() - start);
    if (!read) return { error: 'the change took a full read' };
    blocksRead = touched.size;
  }
  observer.disconnect();
  return { orders: read.orders.length, fullMs: median(full), plainMs: median(plain), touchedMs: median(touchedRead), blocksRead, readPath: read.readPath };
}
