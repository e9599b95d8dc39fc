import { CONTACT_STORES, type ContactTx, type Db } from './db';
import type { ContactAttempt, Outcome } from '../orders/model';

export async function addAttempt(db: Db, attempt: ContactAttempt): Promise<void> {
  await db.add('attempts', attempt);
}

/** Newest first. */
export async function listAttempts(db: Db, orderKey: string): Promise<ContactAttempt[]> {
  const all = await db.getAllFromIndex('attempts', 'by-order', orderKey);
  return all.sort((a, b) => b.at - a.at);
}

export async function countAttemptsByOrder(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor = await db.transaction('attempts').store.index('by-order').openKeyCursor();
  while (cursor) {
    const key = String(cursor.key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    cursor = await cursor.continue();
  }
  return counts;
}

export interface OutcomeUpdate {
  id: string;
  outcome: Outcome;
  note?: string;
  promisedAt?: number;
}

/** Sets the outcome of one attempt; returns the stored attempt or undefined if it does not exist. */
export async function setAttemptOutcome(db: Db, update: OutcomeUpdate): Promise<ContactAttempt | undefined> {
  const tx = db.transaction([...CONTACT_STORES], 'readwrite');
  const next = await setAttemptOutcomeIn(tx, update);
  await tx.done;
  return next;
}

/** setAttemptOutcome inside a transaction the caller owns. */
export async function setAttemptOutcomeIn(tx: ContactTx, update: OutcomeUpdate): Promise<ContactAttempt | undefined> {
  const attempts = tx.objectStore('attempts');
  const existing = await attempts.get(update.id);
  if (!existing) return undefined;
  const next: ContactAttempt = {
    ...existing,
    outcome: update.outcome,
    note: update.note ?? existing.note,
    promisedAt: update.outcome === 'promised' ? update.promisedAt ?? existing.promisedAt : undefined,
  };
  await attempts.put(next);
  return next;
}
