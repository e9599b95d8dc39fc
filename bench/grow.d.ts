export interface GrowResult {
  rows: number;
  orders: number;
  unreadable: number;
  adapterMs: number;
  rawMs: number;
  error?: string;
}
export function growAndMeasure(options: { platform: string; target: number; rounds: number }): GrowResult;
