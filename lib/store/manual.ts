import type { Db } from './db';
import { buyerKey, orderKey, type Order } from '../orders/model';

/**
 * An order the person typed in (WhatsApp, e-mail, phone deals). Stored in the
 * orders store like any other; `contact` and `note` ride along on the record
 * (idb values are untyped at runtime; OrderSchema does not know them).
 */
export type ManualOrderRecord = Order & { platform: 'manual'; contact?: string; note?: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** "M-20261123-7K3Q": the day in the seller's zone (offset minutes east of UTC) plus a short random tail. */
export function manualOrderId(now: number, offsetMinutes: number, tail: string): string {
  const d = new Date(now + offsetMinutes * 60_000);
  const clean = tail.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 4).padEnd(4, '0');
  return `M-${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${clean}`;
}

/**
 * Stores a new manual order and its buyer in one transaction. Returns false
 * (and writes nothing) when the id is taken, so the caller can draw another.
 */
export async function createManualOrder(db: Db, order: ManualOrderRecord): Promise<boolean> {
  const tx = db.transaction(['orders', 'buyers'], 'readwrite');
  const orders = tx.objectStore('orders');
  if (await orders.get(order.key)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  await orders.put(order);
  const buyers = tx.objectStore('buyers');
  const bKey = buyerKey('manual', order.buyer.nick);
  const existing = await buyers.get(bKey);
  await buyers.put({
    paidOrderKeys: [],
    ...existing,
    key: bKey,
    platform: 'manual',
    nick: order.buyer.nick,
    firstSeenAt: existing?.firstSeenAt ?? order.firstSeenAt,
    lastSeenAt: order.firstSeenAt,
  });
  await tx.done;
  return true;
}

export function manualOrderKey(orderId: string): string {
  return orderKey('manual', orderId);
}
