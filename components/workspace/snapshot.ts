import type { BackgroundResponses, OrderListEntry } from '@/lib/messaging/protocol';
import { PLATFORMS } from '@/lib/orders/model';

type List = BackgroundResponses['orders/list'];

/**
 * The first screen of the queue as the panel last showed it, kept in this
 * extension's localStorage (the panel's own origin: nothing leaves the device,
 * and no page can read it). A panel opened while Chrome has put the idle
 * background to sleep draws these rows at once, marked as updating, and swaps
 * in the live queue when the background answers. Only the unfiltered first
 * window is kept; erasing all data removes it.
 */
export const SNAPSHOT_KEY = 'paynudge.queueSnapshot.v1';
/** Older than this, a snapshot is not worth showing even for a moment. */
export const SNAPSHOT_MAX_AGE_MS = 24 * 3_600_000;

interface Snapshot {
  savedAt: number;
  reply: List;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isCounts = (x: unknown) => isObject(x) && Object.values(x).every(isCount);
const optional = (x: unknown, check: (y: unknown) => boolean) => x === undefined || check(x);
const isText = (x: unknown) => typeof x === 'string' && x.length <= 2000;

function isRow(x: unknown): x is OrderListEntry {
  if (!isObject(x)) return false;
  const { amount, verdict } = x;
  return (
    isText(x.key) &&
    isText(x.orderId) &&
    (PLATFORMS as readonly unknown[]).includes(x.platform) &&
    isText(x.buyer) &&
    isObject(amount) &&
    Number.isSafeInteger(amount.minor) &&
    typeof amount.currency === 'string' &&
    /^[A-Z]{3}$/.test(amount.currency) &&
    Number.isSafeInteger(x.dueMinor) &&
    optional(x.createdAt, Number.isFinite) &&
    optional(x.autoCloseAt, Number.isFinite) &&
    optional(x.autoCloseEstimated, (y) => typeof y === 'boolean') &&
    optional(x.item, isText) &&
    isCount(x.itemCount) &&
    isCount(x.attempts) &&
    typeof x.onTab === 'boolean' &&
    typeof x.chatting === 'boolean' &&
    typeof x.returning === 'boolean' &&
    isObject(verdict) &&
    typeof verdict.state === 'string' &&
    typeof verdict.rule === 'string' &&
    optional(verdict.until, Number.isFinite) &&
    optional(verdict.zone, (y) => typeof y === 'string') &&
    Array.isArray(x.tags) &&
    x.tags.every(isText)
  );
}

/** The stored first screen, if there is one, recent, and well-formed; anything else is dropped. */
export function readSnapshot(now: number, storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined = globalThis.localStorage): List | undefined {
  let raw: unknown;
  try {
    const text = storage?.getItem(SNAPSHOT_KEY);
    if (!text) return undefined;
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const snap = raw as Partial<Snapshot> | undefined;
  const reply = snap?.reply as Partial<List> | undefined;
  const fine =
    isObject(snap) &&
    typeof snap.savedAt === 'number' &&
    now - snap.savedAt >= 0 &&
    now - snap.savedAt <= SNAPSHOT_MAX_AGE_MS &&
    isObject(reply) &&
    reply.offset === 0 &&
    Array.isArray(reply.orders) &&
    reply.orders.length <= 1000 &&
    reply.orders.every(isRow) &&
    isCount(reply.total) &&
    reply.total >= reply.orders.length &&
    isCount(reply.all) &&
    isObject(reply.facets) &&
    isCounts(reply.facets.platforms) &&
    isCounts(reply.facets.tags) &&
    isCounts(reply.facets.status) &&
    isObject(reply.tab) &&
    Array.isArray(reply.tab.orderKeys);
  if (!fine) {
    clearSnapshot(storage);
    return undefined;
  }
  return reply as List;
}

/** Keeps a live first window of the unfiltered queue for the next panel open. */
export function saveSnapshot(reply: List, now: number, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): void {
  if (reply.offset !== 0) return;
  try {
    storage?.setItem(SNAPSHOT_KEY, JSON.stringify({ savedAt: now, reply } satisfies Snapshot));
  } catch {
    // Storage full or turned off: the next open waits for the background, as it would anyway.
    clearSnapshot(storage);
  }
}

export function clearSnapshot(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(SNAPSHOT_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}
