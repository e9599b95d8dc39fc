import { KEY_FIELD, STORE_NAMES, type Backup, type StoreName } from './format';
import { mergePlans } from '../sync/merge';

// How an imported record meets the one already stored. Importing never drops
// what is there: orders and buyers keep the newer sighting (lastSeenAt),
// templates the newer edit, attempts, milestones and settings already stored
// win over the file (the person's own later log and choices).

export type Verdict = 'new' | 'updated' | 'unchanged';
export interface StoreCounts {
  new: number;
  updated: number;
  unchanged: number;
}
export interface ImportPreview {
  exportedAt: number;
  version: number;
  counts: Record<StoreName, StoreCounts>;
}

type Rec = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : -1;
}

/** The verdict for one record and, unless unchanged, the value to store. */
export function mergeRecord(store: StoreName, incoming: Rec, existing: Rec | undefined): { verdict: Verdict; value?: Rec } {
  if (!existing) return { verdict: 'new', value: incoming };
  if (same(incoming, existing)) return { verdict: 'unchanged' };
  switch (store) {
    case 'orders':
      return num(incoming.lastSeenAt) > num(existing.lastSeenAt) ? { verdict: 'updated', value: incoming } : { verdict: 'unchanged' };
    case 'buyers': {
      const newer = num(incoming.lastSeenAt) > num(existing.lastSeenAt);
      const base = newer ? incoming : existing;
      const paid = [...new Set([...((existing.paidOrderKeys as string[]) ?? []), ...((incoming.paidOrderKeys as string[]) ?? [])])];
      const value = { ...base, paidOrderKeys: paid };
      return same(value, existing) ? { verdict: 'unchanged' } : { verdict: 'updated', value };
    }
    case 'templates':
      return num(incoming.updatedAt) > num(existing.updatedAt) ? { verdict: 'updated', value: incoming } : { verdict: 'unchanged' };
    case 'milestones': {
      // A plan's edit time is the plan's own (plan.updatedAt; the record around it has none). The
      // later edit wins and the other revision's payments and history stay, as in team sync; an
      // equal time keeps what is stored.
      const at = (r: Rec) => num((r.plan as Rec | undefined)?.updatedAt ?? r.updatedAt);
      if (at(incoming) === at(existing)) return { verdict: 'unchanged' };
      if (!incoming.plan || !existing.plan) return at(incoming) > at(existing) ? { verdict: 'updated', value: incoming } : { verdict: 'unchanged' };
      const value = mergePlans(incoming, existing);
      return same(value, existing) ? { verdict: 'unchanged' } : { verdict: 'updated', value };
    }
    case 'attempts':
    case 'settings':
      return { verdict: 'unchanged' };
  }
}

export function emptyCounts(): Record<StoreName, StoreCounts> {
  return Object.fromEntries(STORE_NAMES.map((s) => [s, { new: 0, updated: 0, unchanged: 0 }])) as Record<StoreName, StoreCounts>;
}

/**
 * Walks a backup against what is stored. `get` reads the stored record;
 * `put` (absent for a preview) writes the merged one. Both run inside one
 * transaction in the background, so an import is all or nothing.
 */
export async function applyBackup(
  backup: Backup,
  get: (store: StoreName, key: string) => Promise<Rec | undefined>,
  put?: (store: StoreName, value: Rec) => Promise<void>,
): Promise<ImportPreview> {
  const counts = emptyCounts();
  for (const store of STORE_NAMES) {
    for (const incoming of backup.stores[store] as Rec[]) {
      const existing = await get(store, String(incoming[KEY_FIELD[store]]));
      const { verdict, value } = mergeRecord(store, incoming, existing);
      counts[store][verdict]++;
      if (put && value) await put(store, value);
    }
  }
  return { exportedAt: backup.exportedAt, version: backup.version, counts };
}
