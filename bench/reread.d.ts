export interface RereadResult {
  orders?: number;
  /** Median full read (readPage with its blocks noted). */
  fullMs?: number;
  /** Median readPage of the same page without noting blocks. */
  plainMs?: number;
  /** Median reread after one order's content changed: mapping the mutations to blocks and rereading them. */
  touchedMs?: number;
  blocksRead?: number;
  readPath?: string;
  error?: string;
}
export function measureReread(options: { platform: string; rounds: number }): RereadResult;
