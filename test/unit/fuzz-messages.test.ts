import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackground, type BackgroundDeps, type SenderInfo } from '@/lib/background/service';
import { BackgroundRequests, parseMessage } from '@/lib/messaging/protocol';
import { parseContentRequest } from '@/lib/messaging/content';
import { ObservedOrderSchema } from '@/lib/orders/model';
import type { Db } from '@/lib/store/db';
import { freshDb } from '@/test/support/db';
import { runs, limit } from '../support/fuzz';

// Random messages thrown at the background: anything that is not exactly one
// of our requests, from a sender allowed to make it, gets no reply and
// changes nothing stored.

const STORES = ['orders', 'buyers', 'attempts', 'templates', 'milestones', 'settings'] as const;
const TYPES = Object.keys(BackgroundRequests);
const table = Object.fromEntries(Object.entries(BackgroundRequests).map(([type, spec]) => [type, spec.schema]));

const SENDERS: Record<string, SenderInfo> = {
  panel: { id: 'ext', url: 'chrome-extension://ext/sidepanel.html?tabId=7' },
  content: { id: 'ext', url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', tab: { id: 7 } },
  otherExtension: { id: 'evil', url: 'chrome-extension://evil/popup.html' },
  webPage: { id: 'ext', url: 'https://evil.example.com/', tab: { id: 3 } },
  noUrl: { id: 'ext' },
};

let db: Db;
let changes = 0;
let bg: ReturnType<typeof createBackground>;

beforeAll(async () => {
  db = await freshDb('fuzz');
  let n = 0;
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => Date.UTC(2026, 10, 23, 4),
    newId: () => `fuzz-${++n}`,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    askTab: async () => undefined,
    tabUrl: async () => undefined,
    changed: () => {
      changes++;
    },
  };
  bg = createBackground(deps);
});
afterAll(() => db.close());

async function snapshot(): Promise<string> {
  const parts = await Promise.all(STORES.map((store) => db.getAll(store)));
  return JSON.stringify(parts);
}

const junk = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.object());
const message = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...TYPES), fc.string(), fc.constantFrom('composer/insert', 'tab/context', 'db/changed', '__proto__', 'constructor')),
    orderKey: junk,
    tabId: junk,
    id: junk,
    outcome: junk,
    text: junk,
    read: junk,
    channel: junk,
  },
  { requiredKeys: ['type'] },
);

describe('random messages to the background', () => {
  it('get no reply and change nothing unless they are exactly a request the sender may make', async () => {
    await fc.assert(
      fc.asyncProperty(message, fc.constantFrom(...Object.keys(SENDERS)), async (raw, senderName) => {
        const before = await snapshot();
        const changesBefore = changes;
        const sender = SENDERS[senderName]!;
        const reply = bg.handle(raw, sender);
        const parsed = parseMessage(table, raw);
        const allowed =
          parsed !== undefined &&
          ((senderName === 'panel' && BackgroundRequests[parsed.type as keyof typeof BackgroundRequests].from === 'extension') ||
            (senderName === 'content' && BackgroundRequests[parsed.type as keyof typeof BackgroundRequests].from === 'content'));
        if (!allowed) {
          expect(reply).toBeUndefined();
          expect(await snapshot()).toBe(before);
          expect(changes).toBe(changesBefore);
        } else {
          // Accepted requests still answer with a reply, ok or a clear error, never a throw.
          const settled = await reply;
          expect(settled).toBeDefined();
          expect(typeof settled!.ok).toBe('boolean');
        }
      }),
      { numRuns: runs(300) },
    );
  }, limit(60_000));

  it('never lets a malformed order from a page read into the store', async () => {
    const order = fc.record({
      platform: fc.constantFrom('taobao', 'pdd', 'x'),
      orderId: fc.oneof(fc.stringMatching(/^\d{6,19}$/), fc.string(), fc.integer()),
      buyer: fc.oneof(fc.record({ nick: fc.string({ maxLength: 300 }) }), junk),
      items: fc.oneof(fc.constant([]), junk),
      amount: fc.oneof(fc.record({ minor: fc.oneof(fc.integer(), fc.double()), currency: fc.oneof(fc.constant('CNY'), fc.string()) }), junk),
      status: fc.oneof(fc.constantFrom('unpaid', 'paid', 'closed'), fc.string()),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { maxLength: 6 }), async (orders) => {
        const read = { platform: 'taobao', url: SENDERS.content!.url, listKey: 'fuzz', unpaidOnly: false, complete: false, orders, unreadable: 0 };
        await bg.handle({ type: 'page/read', read }, SENDERS.content!);
        for (const stored of await db.getAll('orders')) {
          const { key: _k, pageUrl: _p, listKey: _l, statusSource: _s, firstSeenAt: _f, lastSeenAt: _ls, statusChangedAt: _c, nextFollowUpAt: _n, ...observed } = stored;
          expect(ObservedOrderSchema.safeParse(observed).success).toBe(true);
          expect(stored.platform).toBe('taobao');
        }
      }),
      { numRuns: runs(200) },
    );
  }, limit(60_000));
});

describe('random messages to a content script', () => {
  it('accept only our exact shapes', () => {
    fc.assert(
      fc.property(fc.oneof(message, fc.anything()), (raw) => {
        const parsed = parseContentRequest(raw);
        if (!parsed) return;
        const keys = Object.keys(raw as object).sort();
        if (parsed.type === 'tab/context' || parsed.type === 'teach/preview' || parsed.type === 'teach/end') expect(keys).toEqual(['type']);
        else if (parsed.type === 'teach/pick' || parsed.type === 'teach/arm') expect(keys).toEqual(['field', 'type']);
        else if (parsed.type === 'recipes/use') expect(Array.isArray(parsed.payload.recipes)).toBe(true);
        else {
          expect(keys).toEqual(['text', 'type']);
          expect(typeof parsed.payload.text).toBe('string');
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});
