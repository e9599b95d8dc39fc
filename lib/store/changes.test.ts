import { describe, expect, it } from 'vitest';
import { freshDb } from '@/test/support/db';
import { watchAllWrites, watchWrites, writeQuietly, type StoreWrite } from './changes';
import { unwrap } from 'idb';

// Team sync pushes only the records these reports name, so a write that is
// reported as something else (or not at all) is a change that never leaves
// this browser, and one reported as "the whole store" costs a full scan.

async function recorded(tag: string) {
  const db = await freshDb(tag);
  const told: StoreWrite[] = [];
  const all: StoreWrite[] = [];
  watchWrites(db.name, (w) => told.push(w));
  watchAllWrites(db.name, (w) => all.push(w));
  return { db, told, all };
}

const note = (key: string) => ({ key, note: `note ${key}` });

describe('store writes are told record by record', () => {
  it('put, add and delete name their record; clear and a ranged delete name the store', async () => {
    const { db, told } = await recorded('changes-keyed');
    await db.put('buyers', note('taobao:a') as never);
    await db.add('buyers', note('taobao:b') as never);
    await db.delete('buyers', 'taobao:a');
    await db.delete('buyers', IDBKeyRange.bound('taobao:a', 'taobao:z'));
    await db.clear('buyers');
    expect(told).toEqual([
      { store: 'buyers', key: 'taobao:a' },
      { store: 'buyers', key: 'taobao:b' },
      { store: 'buyers', key: 'taobao:a' },
      { store: 'buyers', all: true },
      { store: 'buyers', all: true },
    ]);
  });

  it('a cursor that updates or deletes names the record it stands on, through the store or an index', async () => {
    const { db, told } = await recorded('changes-cursor');
    for (const k of ['taobao:a', 'taobao:b', 'taobao:c']) await db.put('buyers', note(k) as never);
    told.length = 0;
    const tx = db.transaction('buyers', 'readwrite');
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.primaryKey === 'taobao:b') await cursor.delete();
      else await cursor.update({ ...cursor.value, note: 'changed' });
    }
    await tx.done;
    expect(told).toEqual([
      { store: 'buyers', key: 'taobao:a' },
      { store: 'buyers', key: 'taobao:b' },
      { store: 'buyers', key: 'taobao:c' },
    ]);
    expect((await db.getAll('buyers')).map((b) => [b.key, (b as { note?: string }).note])).toEqual([
      ['taobao:a', 'changed'],
      ['taobao:c', 'changed'],
    ]);
  });

  it('a quiet transaction (sync applying what it pulled) is told only to the listeners of every write', async () => {
    const { db, told, all } = await recorded('changes-quiet');
    const tx = db.transaction('buyers', 'readwrite');
    writeQuietly(unwrap(tx));
    await tx.store.put(note('taobao:q') as never);
    await tx.done;
    expect(told).toEqual([]);
    expect(all).toEqual([{ store: 'buyers', key: 'taobao:q' }]);
  });
});
