export interface GrowResult {
  rows: number;
  orders: number;
  unreadable: number;
  adapterMs: number;
  rawMs: number;
  /** The structural reader (lib/platforms/structure) on the same grown page. */
  structureMs?: number;
  structureOrders?: number;
  structureUnreadable?: number;
  error?: string;
}
export function growAndMeasure(options: { platform: string; target: number; rounds: number }): GrowResult;
