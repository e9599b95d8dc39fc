// @vitest-environment happy-dom
// Rereading only the orders a change touched: on fixture pages grown to 500
// orders, a change inside one order rereads that order alone, and whatever
// the path (block reread or full read) the read equals a fresh full read of
// the page as it is now.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../test/support/fixtures.mjs';
import { FIXTURE_NOW } from '../../test/support/adapter-tests';
import { limit, runs } from '../../test/support/fuzz';
import { variantOf } from '../../test/drift/variants';
import { onlyTicks } from '../content/ticks';
import type { PageRead } from '../orders/model';
import { readPage } from './read';
import { PageReader, rereadTouched, touchedBlocks, trackRead, type TrackedRead } from './reread';
import type { PlatformAdapter } from './types';
import { taobaoAdapter } from './taobao/adapter';
import { pddAdapter } from './pdd/adapter';
import { DRIFT_CASES } from '../../test/drift/cases';
import { ADAPTERS } from '../../test/support/adapters';

const NOW = FIXTURE_NOW;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (platform: string, file: string) => renderFixture(readFileSync(resolve(import.meta.dirname, '../../test/fixtures', platform, file), 'utf8'), NOW);

interface Page {
  name: string;
  adapter: PlatformAdapter;
  url: string;
  html: () => string;
  path: NonNullable<PageRead['readPath']>;
}

const TAOBAO_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';
const PDD_URL = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=1';
const PAGES: Page[] = [
  { name: 'Taobao sold items', adapter: taobaoAdapter, url: TAOBAO_URL, html: () => fixture('taobao', 'sold-items-unpaid.html'), path: 'selectors' },
  { name: 'PDD order list', adapter: pddAdapter, url: PDD_URL, html: () => fixture('pdd', 'orders-unpaid.html'), path: 'selectors' },
  {
    name: 'Taobao sold items, every class and id renamed (structural reader)',
    adapter: taobaoAdapter,
    url: TAOBAO_URL,
    html: () => variantOf(fixture('taobao', 'sold-items-unpaid.html'), parse, 'renamed').html,
    path: 'structure',
  },
];

/** Order blocks of a read, each with its order number: the notes whose order the read holds. */
function blocksOf(tracked: TrackedRead): Array<{ els: readonly Element[]; id: string }> {
  return tracked.notes.flatMap((note, i) => (tracked.position[i]! >= 0 ? [{ els: note.els, id: tracked.read!.orders[tracked.position[i]!]!.orderId }] : []));
}

let serial = 0;
/** The same number with fresh trailing digits, in the platform's format. */
function freshId(id: string): string {
  serial += 1;
  const tail = String(serial).padStart(6, '0');
  return id.slice(0, id.length - tail.length) + tail;
}

/** Replaces `from` by `to` in every text and attribute under `root`. */
function relabel(root: Element, from: string, to: string): void {
  const walker = root.ownerDocument.createTreeWalker(root, 1 | 4);
  for (let n: Node | null = root; n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      if (n.nodeValue!.includes(from)) n.nodeValue = n.nodeValue!.split(from).join(to);
    } else for (const attr of (n as Element).attributes) if (attr.value.includes(from)) attr.value = attr.value.split(from).join(to);
  }
}

/** A copy of an order block with a fresh order number, put after `after` (an element of the page). */
function addOrder(block: { els: readonly Element[]; id: string }, after: Element): Element[] {
  const id = freshId(block.id);
  const clones = block.els.map((el) => el.cloneNode(true) as Element);
  for (const clone of clones) relabel(clone, block.id, id);
  after.after(...clones);
  return clones;
}

/** The page grown to `target` orders by copying its own order blocks. */
function grow(html: string, page: Page, target: number): Document {
  const doc = parse(html);
  const blocks = blocksOf(trackRead(doc, page.adapter, page.url, NOW));
  let last = blocks.at(-1)!.els.at(-1)!;
  for (let i = blocks.length; i < target; i++) last = addOrder(blocks[i % blocks.length]!, last).at(-1)!;
  return doc;
}

/** Text nodes under the block's elements. */
function textsIn(els: readonly Element[]): Text[] {
  const out: Text[] = [];
  for (const el of els) {
    const walker = el.ownerDocument.createTreeWalker(el, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  }
  return out;
}

/** Shows the order's total one yuan higher, wherever the block shows it (a one-item order's unit price is its total). */
function raiseTotal(els: readonly Element[], minor: number): void {
  // As the pages write amounts: "1,280.00", or "63.90".
  const shown = (m: number) => (m / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const from = shown(minor);
  const to = shown(minor + 100);
  for (const t of textsIn(els)) if (t.nodeValue!.includes(from)) t.nodeValue = t.nodeValue!.split(from).join(to);
}

/** Renames the buyer where the block shows the nick. */
function renameBuyer(els: readonly Element[], nick: string): void {
  for (const t of textsIn(els)) if (t.nodeValue!.includes(nick)) t.nodeValue = t.nodeValue!.split(nick).join(`${nick}改`);
}

/** A column label of the list, outside every order. */
function headerLabel(doc: Document, blocks: ReturnType<typeof blocksOf>): Element {
  return [...doc.body.querySelectorAll('*')].find((el) => el.children.length === 0 && /金额|实收款|状态/.test(el.textContent ?? '') && !blocks.some((b) => b.els.some((e) => e.contains(el))))!;
}

/** Watches a page's mutations the way the content script does. */
function watcher(doc: Document) {
  const observer = new MutationObserver(() => undefined);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true, attributes: true, attributeFilter: ['class'] });
  return { records: () => observer.takeRecords(), stop: () => observer.disconnect() };
}

/** Counts block rereads per note. */
function countRereads(tracked: TrackedRead): number[] {
  const calls: number[] = [];
  tracked.notes.forEach((note, i) => {
    const reread = note.reread;
    note.reread = (now) => {
      calls.push(i);
      return reread(now);
    };
  });
  return calls;
}

const grown = new Map<string, string>();
/** The page grown to 500 orders, as HTML (grown once per page). */
function grownHtml(page: Page): string {
  if (!grown.has(page.name)) grown.set(page.name, grow(page.html(), page, 500).documentElement.outerHTML);
  return grown.get(page.name)!;
}

describe.each(PAGES)('$name grown to 500 orders', (page) => {
  const setUp = () => {
    const doc = parse(grownHtml(page));
    const tracked = trackRead(doc, page.adapter, page.url, NOW);
    return { doc, tracked, watch: watcher(doc) };
  };

  it(
    "a changed total or buyer in one order rereads that order alone, and the read equals a fresh full read",
    () => {
      const { doc, tracked, watch } = setUp();
      expect(tracked.read?.readPath).toBe(page.path);
      expect(tracked.read?.orders.length).toBeGreaterThanOrEqual(500);
      expect(tracked.read?.unreadable).toBe(0);
      expect(tracked.trackable).toBe(true);
      const blocks = blocksOf(tracked);
      const k = 250;
      const before = tracked.read!.orders.find((o) => o.orderId === blocks[k]!.id)!;
      raiseTotal(blocks[k]!.els, before.amount.minor);
      renameBuyer(blocks[k]!.els, before.buyer.nick);
      const records = watch.records();
      expect(onlyTicks(records)).toBe(false);
      const touched = touchedBlocks(tracked, records);
      expect(touched).not.toBeNull();
      const calls = countRereads(tracked);
      const patched = rereadTouched(tracked, touched!, NOW);
      expect(patched).toBeDefined();
      // Only the touched order's block was read again.
      expect(new Set(calls.map((i) => tracked.notes[i]!.els))).toEqual(new Set([blocks[k]!.els]));
      const after = patched!.orders.find((o) => o.orderId === before.orderId)!;
      expect(after.amount.minor).toBe(before.amount.minor + 100);
      expect(after.buyer.nick).toBe(`${before.buyer.nick}改`);
      expect(patched).toEqual(readPage(doc, page.adapter, page.url, NOW));
      watch.stop();
    },
    limit(240_000),
  );

  it(
    'a row added or removed, a header changed or an order number changed takes a full read, equal to a fresh one',
    () => {
      // A smaller page: every step here is compared with a fresh full read.
      const doc = parse(grow(page.html(), page, 120).documentElement.outerHTML);
      const tracked = trackRead(doc, page.adapter, page.url, NOW);
      const watch = watcher(doc);
      const blocks = blocksOf(tracked);
      const reader = new PageReader((now) => trackRead(doc, page.adapter, page.url, now));
      const fresh = () => readPage(doc, page.adapter, page.url, NOW);
      expect(reader.read(NOW).full).toBe(true);
      const step = (change: () => void) => {
        change();
        reader.changed(watch.records());
        return reader.read(NOW);
      };
      // A row added.
      let result = step(() => addOrder(blocks[10]!, blocks[10]!.els.at(-1)!));
      expect(result.full).toBe(true);
      expect(result.read).toEqual(fresh());
      // A row removed.
      result = step(() => blocks[20]!.els.forEach((el) => el.remove()));
      expect(result.full).toBe(true);
      expect(result.read).toEqual(fresh());
      // The column header (or, with none, the page's tab bar) reworded.
      result = step(() => {
        const label = headerLabel(doc, blocks);
        label.textContent = `${label.textContent} `;
      });
      expect(result.full).toBe(true);
      expect(result.read).toEqual(fresh());
      // An order number changed inside its block.
      result = step(() => relabel(blocks[30]!.els[0]!, blocks[30]!.id, freshId(blocks[30]!.id)));
      expect(result.full).toBe(true);
      expect(result.read).toEqual(fresh());
      // And a change inside one order is a block reread again.
      const o = result.read!.orders[40]!;
      const b = blocksOf((reader as unknown as { tracked: TrackedRead }).tracked).find((x) => x.id === o.orderId)!;
      result = step(() => raiseTotal(b.els, o.amount.minor));
      expect(result.full).toBe(false);
      expect(result.read).toEqual(fresh());
      watch.stop();
    },
    limit(240_000),
  );
});

describe('every reader notes its blocks', () => {
  // A reader that read orders without noting their blocks would leave every change on its pages to a full read.
  it.each(DRIFT_CASES)(
    '$platform $file: every order read, as the fixture is and with every class and id renamed, comes from one noted block',
    ({ platform, file, url }) => {
      const html = fixture(platform, file);
      const renamed = variantOf(html, parse, 'renamed').html;
      for (const page of [html, renamed]) {
        const tracked = trackRead(parse(page), ADAPTERS[platform]!, url, NOW);
        expect(tracked.read?.orders.length).toBeGreaterThan(0);
        expect(tracked.trackable).toBe(true);
      }
    },
    limit(60_000),
  );
});

describe('reread property', () => {
  type Op = { kind: 'total' | 'buyer' | 'note' | 'add' | 'remove' | 'header'; at: number };
  const op = fc.record({ kind: fc.constantFrom<Op['kind']>('total', 'buyer', 'note', 'add', 'remove', 'header'), at: fc.nat(1000) });

  it.each(PAGES)(
    '$name: over any sequence of edits inside orders, rows added and removed and header edits, the read equals a fresh full read',
    async (page) => {
      const html = grow(page.html(), page, 24).documentElement.outerHTML;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
          const doc = parse(html);
          const watch = watcher(doc);
          let tracked: TrackedRead | undefined;
          const reader = new PageReader((now) => (tracked = trackRead(doc, page.adapter, page.url, now)));
          reader.read(NOW);
          for (const { kind, at } of ops) {
            const read = tracked!.read!;
            const blocks = blocksOf(tracked!).filter((b) => b.els.every((el) => el.isConnected));
            const block = blocks[at % blocks.length]!;
            const order = read.orders.find((o) => o.orderId === block.id);
            if (kind === 'total' && order) raiseTotal(block.els, order.amount.minor);
            else if (kind === 'buyer' && order) renameBuyer(block.els, order.buyer.nick);
            else if (kind === 'note') block.els.at(-1)!.append(doc.createTextNode(' 买家备注：周末再发'));
            else if (kind === 'add') addOrder(block, block.els.at(-1)!);
            else if (kind === 'remove' && blocks.length > 2) block.els.forEach((el) => el.remove());
            else if (kind === 'header') headerLabel(doc, blocks).append(doc.createTextNode(at % 2 ? '（元）' : ' '));
            const records = watch.records();
            if (records.length > 0 && !onlyTicks(records)) reader.changed(records);
            const now = reader.read(NOW);
            expect(now.read).toEqual(readPage(doc, page.adapter, page.url, NOW));
          }
          watch.stop();
        }),
        { numRuns: runs(15) },
      );
    },
    limit(240_000),
  );
});
