export interface ShopDoc {
  _id: string;
  record: Record<string, unknown>;
}
export function shopDocs(orders: number, attempts: number, now: number): { order(i: number): ShopDoc; attempt(a: number): ShopDoc; pack(i: number): ShopDoc; packs: number };
export function putAll(server: { url: string }, db: string, count: number, make: (i: number) => ShopDoc): Promise<void>;
