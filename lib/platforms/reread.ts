// Rereading only the orders a change touched. A full read (readPage) notes
// where each order came from (block-notes.ts); a later change whose every
// mutation lies inside known order blocks rereads those blocks alone and
// patches the last read. Anything this cannot vouch for gives way to a full
// read: a change outside every block (rows added or removed, a header, the
// tabs), a block whose order numbers changed, that is gone or reads
// unreadable, a read built from a taught recipe or from orders no block
// accounts for, and every 30th reread (see PageReader). The patched read
// is what a full read would give, so the never-wrong-paid rules
// (readIsWhole) see the same read either way.
import type { ObservedOrder, PageRead } from '../orders/model';
import { MOVED, withNotes, type BlockNote } from './block-notes';
import { nothingDue, orderNumbersIn, readPage, type IdHit } from './read';
import type { Recipe } from './recipe/types';
import type { PlatformAdapter } from './types';

/** Above this share of the read's orders touched at once, one full read is as cheap and surer. */
const MOST_TOUCHED = 1 / 4;

export interface TrackedRead {
  readonly adapter: PlatformAdapter;
  /** The read as it stands now: the last full read with every later reread patched in. */
  read: PageRead | null;
  /** The blocks every reader of the last full read noted, the final read's and the others'. */
  readonly notes: readonly BlockNote[];
  /** Per note: where its order sits in `read.orders`; -1 when the read does not hold it (an unreadable row, another reader's row, a repeat). */
  readonly position: readonly number[];
  /** Per note: the order numbers its block showed, as orderNumbersIn gives them. */
  readonly ids: readonly string[];
  /** Each noted element and the notes it belongs to. */
  readonly owners: ReadonlyMap<Element, readonly number[]>;
  /** Whether the read can be patched block by block at all. */
  readonly trackable: boolean;
}

/** A full read of the page (readPage) that remembers its blocks. */
export function trackRead(doc: Document, adapter: PlatformAdapter, url: string, now: number, recipes: readonly Recipe[] = []): TrackedRead {
  const hits: IdHit[] = [];
  const { result: read, notes } = withNotes(() => readPage(doc, adapter, url, now, recipes, hits));
  const where = new Map<unknown, number>(read?.orders.map((o, i) => [o, i]));
  const position = notes.map((n) => (n.order ? where.get(n.order) ?? -1 : -1));
  const owners = new Map<Element, number[]>();
  notes.forEach((note, i) => {
    for (const el of note.els) {
      const list = owners.get(el);
      if (list) list.push(i);
      else owners.set(el, [i]);
    }
  });
  // Every order of the read from exactly one noted block; a taught recipe groups orders in ways not noted here.
  const held = position.filter((p) => p >= 0);
  const trackable = read !== null && recipes.length === 0 && held.length === read.orders.length && new Set(held).size === held.length;
  const ids = notes.map(() => new Set<string>());
  for (const hit of hits) {
    for (let at = hit.node.parentElement; at; at = at.parentElement) {
      for (const i of owners.get(at) ?? []) for (const id of hit.ids) ids[i]!.add(id);
    }
  }
  return { adapter, read, notes, position, ids: ids.map((s) => [...s].sort().join(' ')), owners, trackable };
}

/**
 * The notes whose blocks a batch of mutations touched, or null when a
 * mutation lies outside every block (or in a node since taken off the page):
 * only a full read can tell what that changed.
 */
export function touchedBlocks(tracked: TrackedRead, records: readonly MutationRecord[]): Set<number> | null {
  const touched = new Set<number>();
  const seen = new Set<Node>();
  for (const { target } of records) {
    if (seen.has(target)) continue;
    seen.add(target);
    let inside = false;
    for (let at = target.nodeType === 1 ? (target as Element) : target.parentElement; at; at = at.parentElement) {
      const owned = tracked.owners.get(at);
      if (!owned) continue;
      inside = true;
      for (const i of owned) touched.add(i);
    }
    if (!inside) return null;
  }
  return touched;
}

/**
 * Rereads the touched blocks at `now` and patches them into the tracked read
 * (in place). Returns the patched read, or undefined when only a full read
 * will do: see the file comment for when.
 */
export function rereadTouched(tracked: TrackedRead, touched: ReadonlySet<number>, now: number): PageRead | undefined {
  const { read } = tracked;
  if (!read || !tracked.trackable) return undefined;
  if (touched.size === 0) return read;
  if (touched.size > Math.max(1, read.orders.length * MOST_TOUCHED)) return undefined;
  const orders = read.orders.slice();
  const platform = tracked.adapter.platform;
  for (const i of touched) {
    const note = tracked.notes[i]!;
    const at = tracked.position[i]!;
    // A block of a reader whose read was not kept (or an unreadable row) could change which reader wins.
    if (at < 0) return undefined;
    if (!note.els.every((el) => el.isConnected)) return undefined;
    // The same order numbers in the block: the numbers the page shows (idsMissed) and where each order starts are as they were.
    if (orderNumbersIn(note.els, platform).join(' ') !== tracked.ids[i]) return undefined;
    // The note holds one of the read's orders (position ≥ 0): its reader reads orders.
    const order = note.reread(now) as ObservedOrder | null | undefined | typeof MOVED;
    if (order === MOVED || !order || order.orderId !== orders[at]!.orderId) return undefined;
    // A full read would count it unreadable (see nothingDue).
    if (nothingDue(order)) return undefined;
    // Selectors that no longer find an order's goods send a full read to the structural reader.
    if (read.readPath === 'selectors' && order.items.length === 0) return undefined;
    orders[at] = order;
  }
  for (const i of touched) tracked.notes[i]!.order = orders[tracked.position[i]!];
  tracked.read = { ...read, orders };
  return tracked.read;
}

/**
 * A full read every this many block rereads, and for the first change after
 * this long since the last one. Only a change can make a patched read stale,
 * so a count does the work; the age keeps a slowly edited page from going
 * hours on patches.
 */
const FULL_READ_EVERY = 30;
const FULL_READ_AFTER_MS = 5 * 60_000;

/**
 * The content script's reading state: the last full read with its blocks,
 * the blocks touched since, and whether only a full read will do. A full
 * read still comes every 30th reread and after five minutes, so anything a
 * block-by-block reread might miss does not last.
 */
export class PageReader {
  private tracked: TrackedRead | null = null;
  private touched = new Set<number>();
  private wantFull = true;
  private rereads = 0;
  private fullAt = 0;

  /** `fullRead(now)`: trackRead of the page as it is now. */
  constructor(private readonly fullRead: (now: number) => TrackedRead) {}

  /** A batch of mutations that are not only countdowns ticking. */
  changed(records: readonly MutationRecord[]): void {
    const inBlocks = this.tracked && !this.wantFull ? touchedBlocks(this.tracked, records) : null;
    if (inBlocks) for (const i of inBlocks) this.touched.add(i);
    else this.wantFull = true;
  }

  /** The next read is a full one: the URL, a frame or the recipes changed. */
  readAllNext(): void {
    this.wantFull = true;
  }

  /** The page now: the touched blocks reread into the last read, else a full read (`full`). */
  read(now: number): { read: PageRead | null; full: boolean } {
    const due = this.rereads >= FULL_READ_EVERY || now - this.fullAt >= FULL_READ_AFTER_MS;
    const patched = this.tracked && !this.wantFull && !due ? rereadTouched(this.tracked, this.touched, now) : undefined;
    this.touched = new Set();
    this.wantFull = false;
    if (patched !== undefined) {
      this.rereads += 1;
      return { read: patched, full: false };
    }
    this.tracked = this.fullRead(now);
    this.rereads = 0;
    this.fullAt = now;
    return { read: this.tracked.read, full: true };
  }
}
