import { describe, expect, it } from 'vitest';
import { clearSnapshot, readSnapshot, saveSnapshot, SNAPSHOT_KEY, SNAPSHOT_MAX_AGE_MS } from './snapshot';
import type { BackgroundResponses } from '@/lib/messaging/protocol';

type List = BackgroundResponses['orders/list'];
const NOW = Date.UTC(2026, 10, 23, 4);

function memory() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const row = (id: string, buyer = 'tb_小熊') => ({
  key: `taobao:${id}`,
  orderId: id,
  platform: 'taobao' as const,
  buyer,
  amount: { minor: 12800, currency: 'CNY' },
  dueMinor: 12800,
  createdAt: NOW - 3_600_000,
  autoCloseAt: NOW + 3_600_000,
  itemCount: 1,
  item: '加厚珊瑚绒毯子',
  attempts: 0,
  onTab: true,
  chatting: false,
  returning: false,
  verdict: { state: 'now', rule: 'ok' },
  tags: ['vip'],
});

const reply = (orders = [row('1'), row('2', '<img src=x onerror=alert(1)>')]): List =>
  ({
    orders,
    offset: 0,
    total: orders.length,
    all: orders.length,
    facets: { platforms: { taobao: orders.length }, tags: { vip: orders.length }, status: { now: orders.length, waiting: 0, held: 0, promised: 0, saysPaid: 0 } },
    tab: { orderKeys: orders.map((o) => o.key), hasComposer: false },
  }) as unknown as List;

describe('queue snapshot', () => {
  it('gives back the first window it was given, hostile text as plain strings', () => {
    const storage = memory();
    saveSnapshot(reply(), NOW, storage);
    expect(readSnapshot(NOW + 60_000, storage)).toEqual(reply());
    expect(readSnapshot(NOW + 60_000, storage)!.orders[1]!.buyer).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps only a first window: a later page of the queue is not the first screen', () => {
    const storage = memory();
    saveSnapshot({ ...reply(), offset: 200 }, NOW, storage);
    expect(storage.items.size).toBe(0);
  });

  it('shows nothing older than a day, and nothing from the future (a clock set back)', () => {
    const storage = memory();
    saveSnapshot(reply(), NOW, storage);
    expect(readSnapshot(NOW + SNAPSHOT_MAX_AGE_MS + 1, storage)).toBeUndefined();
    saveSnapshot(reply(), NOW, storage);
    expect(readSnapshot(NOW - 1, storage)).toBeUndefined();
  });

  it('drops and removes a snapshot that is not well-formed', () => {
    const bad = [
      'not json',
      JSON.stringify({ savedAt: NOW, reply: { ...reply(), orders: [{ ...row('1'), amount: { minor: 1.5, currency: 'CNY' } }] } }),
      JSON.stringify({ savedAt: NOW, reply: { ...reply(), orders: [{ ...row('1'), platform: 'ebay' }] } }),
      JSON.stringify({ savedAt: NOW, reply: { ...reply(), total: 1 } }),
      JSON.stringify({ savedAt: NOW, reply: { ...reply(), facets: { platforms: { taobao: -1 }, tags: {}, status: {} } } }),
      JSON.stringify({ savedAt: NOW, reply: { ...reply(), orders: [{ ...row('1'), tags: [{}] }] } }),
      JSON.stringify([1, 2]),
    ];
    for (const text of bad) {
      const storage = memory();
      storage.setItem(SNAPSHOT_KEY, text);
      expect(readSnapshot(NOW, storage), text).toBeUndefined();
      expect(storage.items.has(SNAPSHOT_KEY), text).toBe(false);
    }
  });

  it('is gone after clearSnapshot (erasing all data calls it)', () => {
    const storage = memory();
    saveSnapshot(reply(), NOW, storage);
    clearSnapshot(storage);
    expect(readSnapshot(NOW, storage)).toBeUndefined();
  });

  it('a full storage loses the snapshot, never throws', () => {
    const storage = memory();
    saveSnapshot(reply(), NOW, storage);
    const full = { ...storage, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => saveSnapshot(reply(), NOW + 1, full)).not.toThrow();
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
  });
});
