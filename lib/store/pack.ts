import type { AttemptPack } from './schema';
import type { ContactAttempt } from '../orders/model';

// How one order's attempts are packed into one record (see ./attempts.ts). No database here: the schema step
// that packs an older store uses it too.

const byTime = (a: { id: string; at: number }, b: { id: string; at: number }) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Attempts as a pack keeps them: in time order (then id), one per id (a later one in the list replaces an earlier). */
export function timeOrdered<T extends { id: string; at: number }>(attempts: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const a of attempts) byId.set(a.id, a);
  return [...byId.values()].sort(byTime);
}

/** The stored pack of one order's attempts (timeOrdered), with the lists its indexes read. */
export function packOf(orderKey: string, attempts: readonly ContactAttempt[]): AttemptPack {
  const list = timeOrdered(attempts);
  const followUps: number[] = [];
  for (const a of list) if (typeof a.followUpAt === 'number') followUps.push(a.followUpAt);
  return { orderKey, attempts: list, ids: list.map((a) => a.id), buyerKeys: [...new Set(list.map((a) => a.buyerKey))], followUps };
}

/** Every attempt of a list of packs (a page of the store, a buyer's orders). */
export function unpacked(packs: readonly AttemptPack[]): ContactAttempt[] {
  const out: ContactAttempt[] = [];
  for (const p of packs) for (const a of p.attempts) out.push(a);
  return out;
}

/** Packs a flat list of attempts by order. */
export function packAll(attempts: readonly ContactAttempt[]): AttemptPack[] {
  const byOrder = new Map<string, ContactAttempt[]>();
  for (const a of attempts) {
    const list = byOrder.get(a.orderKey);
    if (list) list.push(a);
    else byOrder.set(a.orderKey, [a]);
  }
  return [...byOrder].map(([key, list]) => packOf(key, list));
}

