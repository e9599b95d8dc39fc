import { openPayNudgeDb, type Db } from '@/lib/store/db';

/** A new, empty PayNudge database of its own (fake-indexeddb in unit tests), named `<tag>-<uuid>` so no two tests share one. */
export function freshDb(tag = 'test'): Promise<Db> {
  return openPayNudgeDb(`${tag}-${crypto.randomUUID()}`);
}
