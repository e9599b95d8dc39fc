import type { OrderListEntry } from '@/lib/messaging/protocol';
import type { Filters } from './QueueFilters';

const STATES: Record<Exclude<Filters['status'], 'all'>, readonly string[]> = {
  now: ['now', 'followup'],
  waiting: ['wait'],
  held: ['hold'],
  promised: ['promised'],
  saysPaid: ['says_paid'],
};

/** The queue entries the filters let through, in queue order. */
export function applyFilters(entries: readonly OrderListEntry[], f: Filters): OrderListEntry[] {
  const q = f.search.trim().toLowerCase();
  return entries.filter((e) => {
    if (f.platform !== 'all' && e.order.platform !== f.platform) return false;
    if (f.status !== 'all' && !STATES[f.status].includes(e.verdict.state)) return false;
    if (f.tag && !e.tags.includes(f.tag)) return false;
    if (q) {
      const o = e.order;
      const hay = `${o.buyer.nick}\n${o.buyer.displayName ?? ''}\n${o.orderId}\n${o.items.map((i) => `${i.title} ${i.sku ?? ''}`).join('\n')}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}
