import type { Order } from '@/lib/orders/model';

/** Payment plan, stages and timeline of the selected order (issue 6). Placeholder until it lands. */
export function MilestonePanel(_props: { order: Order; tabId?: number; onError(message: string): void }) {
  return null;
}
