// Where each order of a read came from. While a tracked read runs (see
// lib/platforms/reread.ts), every reader's per-order read notes the part of
// the page it read the order from and how to read just that part again, so a
// change inside one order rereads that order alone. Outside a tracked read a
// noted read costs one closure call per row.
import { findOrderAnchors, type OrderAnchor } from './order-blocks';

/** A block that is no longer what was read: its order number moved, or it stands elsewhere now. */
export const MOVED = Symbol('moved');

export interface BlockNote {
  /** The elements the order was read from: a card, a table, or a number row and its goods rows. */
  els: readonly Element[];
  /** What the reader made of them: an order (an ObservedOrder for every page reader), or nothing (an unreadable row). */
  order: unknown;
  /** Reads the same elements again at `now`, the way the reader did. */
  reread: (now: number) => unknown;
}

let notes: BlockNote[] | null = null;

/** Runs `read`, collecting the blocks every reader it calls notes. */
export function withNotes<T>(read: () => T): { result: T; notes: BlockNote[] } {
  const outer = notes;
  const mine: BlockNote[] = [];
  notes = mine;
  try {
    return { result: read(), notes: mine };
  } finally {
    notes = outer;
  }
}

/**
 * A reader's per-row read that notes each row's block during a tracked read.
 * `read(row, index, now)` reads one row (`now` given only on a reread);
 * `blockOf` names the row's elements; `still` says whether a row found by
 * its order number still has it where it was (else the reread is MOVED).
 */
export function noted<R, O>(
  read: (row: R, index: number, now?: number) => O | null | undefined,
  blockOf: (row: R, index: number) => readonly Element[],
  still?: (row: R, index: number) => boolean,
): (row: R, index: number) => O | null | undefined {
  return (row, index) => {
    const order = read(row, index);
    notes?.push({ els: blockOf(row, index), order, reread: (now) => (still && !still(row, index) ? MOVED : read(row, index, now)) });
    return order;
  };
}

/**
 * Whether an order found by its number (`anchor`) still starts where it did:
 * its number's first showing in the block is the same element, and the block
 * shows no other order's number. Otherwise the orders' blocks may have moved.
 */
export function anchorStill(anchor: OrderAnchor, scope: readonly Element[], pattern: RegExp): boolean {
  const found = scope.flatMap((el) => findOrderAnchors(el, pattern));
  return found[0]?.el === anchor.el && found.every((a) => a.id === anchor.id);
}
