// Shared scaffolding for the platform adapter unit tests in lib/platforms/*/.
// Each test file keeps its own fixtures, URLs and expectations and calls one of
// these to register the checks every list-reading adapter must pass.
// (Test-only code: it lives under test/ so the lib/ conventions scan skips it.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from './fixtures.mjs';
import { openPayNudgeDb, type Db } from '../../lib/store/db';
import { applyPageRead, getOrder } from '../../lib/store/orders';
import { orderKey, type PageRead } from '../../lib/orders/model';
import type { PlatformAdapter } from '../../lib/platforms/types';
import { runs, limit } from './fuzz';
import { breathe } from './dom';

/** The frozen "now" the adapter tests render their fixtures at: 2026-11-23 04:00:00 UTC. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 23, 4, 0, 0);

/** Reads an HTML fixture of test/fixtures/<platform> as written (time tokens not rendered). */
export const fixtureReader = (platform: string) => (file: string): string =>
  readFileSync(resolve(import.meta.dirname, '../fixtures', platform, file), 'utf8');

/** A fixture rendered at `now` and parsed as a document. */
const rendered = (raw: (file: string) => string, now: number) => (file: string): Document =>
  new DOMParser().parseFromString(renderFixture(raw(file), now), 'text/html');

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

export interface PageOneCase {
  name: string;
  /** The whole (one-page) unpaid list. */
  whole: string;
  /** Page 1 of 3 of the same list, with a live "next" button. */
  page1: string;
  wholeUrl: string;
  page1Url: string;
}

/**
 * Page 1 of a paginated list: the read says it is not the whole list, and an
 * order missing from it is not taken as paid (only a complete, fully read
 * unpaid list lets absence mean "left the unpaid state"; see applyPageRead).
 */
export function describePageOne(label: string, adapter: PlatformAdapter, platform: string, cases: PageOneCase[]): void {
  const NOW = FIXTURE_NOW;
  const raw = fixtureReader(platform);
  const parse = (html: string) => new DOMParser().parseFromString(renderFixture(html, NOW), 'text/html');

  function without(doc: Document, orderId: string): Document {
    const block = doc.querySelector(`[data-fixture-order="${orderId}"]`);
    if (!block) throw new Error(`fixture has no order ${orderId}`);
    block.remove();
    return doc;
  }

  let db: Db;
  beforeEach(async () => {
    db = await openPayNudgeDb(`test-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  describe.each(cases)(`${label}: $name`, ({ whole, page1, wholeUrl, page1Url }) => {
    const read = (doc: Document, url: string): PageRead => {
      const r = adapter.readOrders(doc, url, NOW);
      expect(r).not.toBeNull();
      return r!;
    };

    it('reads page 1 of 3 with a live "next" button as an incomplete unpaid list, orders as on the whole list', () => {
      const first = read(parse(raw(page1)), page1Url);
      const all = read(parse(raw(whole)), wholeUrl);
      expect(all.complete).toBe(true);
      expect(first).toMatchObject({ complete: false, unpaidOnly: true, unreadable: 0, listKey: all.listKey });
      expect(first.orders).toEqual(all.orders);
    });

    it('does not mark an order paid because page 1 of 3 no longer shows it', async () => {
      const all = read(parse(raw(whole)), wholeUrl);
      const gone = all.orders.find((o) => o.status === 'unpaid')!;
      const key = orderKey(gone.platform, gone.orderId);
      await applyPageRead(db, all, NOW);
      expect((await getOrder(db, key))?.status).toBe('unpaid');

      const first = read(without(parse(raw(page1)), gone.orderId), page1Url);
      expect(first.orders.map((o) => o.orderId)).not.toContain(gone.orderId);
      const result = await applyPageRead(db, first, NOW + 60_000);
      expect(result.gone).toEqual([]);
      expect((await getOrder(db, key))?.status).toBe('unpaid');

      // The same absence on the whole (one-page) list does mean it left the unpaid state.
      const whole1 = read(without(parse(raw(whole)), gone.orderId), wholeUrl);
      expect((await applyPageRead(db, whole1, NOW + 120_000)).gone).toEqual([key]);
      expect((await getOrder(db, key))?.status).toBe('paid');
    });
  });
}

/**
 * The order list inside a same-origin iframe of the seller centre shell (the
 * shell's own page has navigation only): the adapter reads the frame's list.
 * `navText` is the shell's one navigation link; `cases` are [fixture file, URL].
 * Needs `// @vitest-environment happy-dom` in the calling file.
 */
export function describeFramedList(label: string, adapter: PlatformAdapter, platform: string, navText: string, cases: Array<[string, string]>): void {
  const NOW = FIXTURE_NOW;
  const page = rendered(fixtureReader(platform), NOW);

  /** The live document as the shell, with `file` rendered into a same-origin iframe. */
  function framed(file: string): Document {
    document.body.innerHTML = `<nav class="shell-nav--side--1Aa2b"><a href="#">${navText}</a></nav><main><iframe title="app"></iframe></main>`;
    const inner = document.querySelector('iframe')!.contentDocument!;
    inner.documentElement.innerHTML = page(file).documentElement.innerHTML;
    return document;
  }

  afterEach(() => {
    document.body.innerHTML = '';
  });

  describe(`${label}: a list in a same-origin iframe`, () => {
    it.each(cases)('reads %s inside the frame as on its own page', (file, url) => {
      const own = adapter.readOrders(page(file), url, NOW);
      expect(own?.orders.length).toBeGreaterThan(0);
      const inFrame = adapter.readOrders(framed(file), url, NOW);
      expect(inFrame).toEqual(own);
    });

    it('gives null when neither the shell nor its frame holds a list', () => {
      document.body.innerHTML = `<nav><a href="#">${navText}</a></nav><iframe title="app"></iframe>`;
      expect(adapter.readOrders(document, cases[0]![1], NOW)).toBeNull();
    });
  });
}

export interface TableMutationOptions {
  label: string;
  adapter: PlatformAdapter;
  /** The rendered page every run starts from, and its URL. */
  html: string;
  url: string;
  now: number;
  /** How many columns a shuffle moves. */
  columns: number;
  /** A cell of the list (what remove-cell removes; junk goes into these, divs and spans). */
  cell: string;
  /** The header row and each order row: their cells move together, as a re-ordered table does. */
  rows: string;
  /** The total's element: junk never goes inside it (that would change what the page says). */
  total: string;
  /** Elements whose (hashed) class a rename may replace. */
  named: string;
  /** When given: never more orders read plus unreadable than this. */
  maxOrders?: number;
}

/**
 * Property: any sequence of removed cells, shuffled columns, junk text and
 * renamed classes never makes the adapter throw or give a total other than
 * the one the intact page shows for that order.
 */
export function describeTableMutations(o: TableMutationOptions): void {
  describe(`${o.label}: property: mutated pages never throw and never give a wrong total`, () => {
    const intact = o.adapter.readOrders(parseHtml(o.html), o.url, o.now);
    expect(intact).not.toBeNull();
    const truth = Object.fromEntries(intact!.orders.map((order) => [order.orderId, order.amount]));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('remove-cell' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('shuffle-columns' as const), seed: fc.array(fc.nat(), { minLength: o.columns, maxLength: o.columns }) }),
      fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('rename-class' as const), at: fc.nat() }),
    );

    it('holds for any sequence of removed cells, shuffled columns, junk text and renamed classes', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { maxLength: 6 }), async (mutations) => {
          await breathe();
          const doc = parseHtml(o.html);
          for (const m of mutations) {
            if (m.kind === 'remove-cell') {
              const cells = [...doc.querySelectorAll(o.cell)];
              cells[m.at % cells.length]?.remove();
            } else if (m.kind === 'shuffle-columns') {
              // The header and each row move their cells together, as a re-ordered table does.
              for (const row of doc.querySelectorAll(o.rows)) {
                const cells = [...row.children];
                const order = cells.map((c, i) => [m.seed[i % o.columns]! + i / 10, c] as const).sort((a, b) => a[0] - b[0]);
                for (const [, c] of order) row.append(c);
              }
            } else if (m.kind === 'junk') {
              // Junk goes anywhere except inside the total itself (that would change what the page says).
              const spots = [...doc.querySelectorAll(`${o.cell}, div, span`)].filter((el) => !el.closest(o.total));
              spots[m.at % spots.length]?.append(doc.createTextNode(` ${m.text} `));
            } else {
              const named = [...doc.querySelectorAll(o.named)];
              const el = named[m.at % named.length];
              if (el) el.className = `renamed-${m.at}`;
            }
          }
          const read = o.adapter.readOrders(doc, o.url, o.now);
          if (!read) return;
          for (const order of read.orders) expect(order.amount).toEqual(truth[order.orderId]);
          if (o.maxOrders !== undefined) expect(read.orders.length + read.unreadable).toBeLessThanOrEqual(o.maxOrders);
        }),
        { numRuns: runs(60) },
      );
    }, limit(60_000));
  });
}

export interface GridMutationOptions {
  label: string;
  adapter: PlatformAdapter;
  now: number;
  /** Characters junk text is made of. Keep digits out: a number in junk text cannot be told from a price by anyone. */
  junkChars: string;
  /** Column indices a permutation shuffles. */
  columns: number;
  /** The header and body cells removeCell picks from. */
  cells: string;
  /** Moves whole columns (header and cells together) into the order `perm` gives. */
  permute(doc: Document, perm: number[]): void;
  /** [name, rendered html, url] of each page the mutation property runs on. */
  pages: ReadonlyArray<readonly [string, string, string]>;
  mutationRuns: number;
  /** The true total of an order, as the intact page shows it. */
  amountOf(orderId: string): unknown;
  /** [rendered html, url] of the pages a pure column permutation must read the same. */
  permutationPages: ReadonlyArray<readonly [string, string]>;
  permutationRuns: number;
}

type GridMutation = { kind: 'removeCell' | 'junk' | 'removeEl'; pick: number; text: string } | { kind: 'permute'; perm: number[] };

/**
 * Property on a grid of order cards: removed cells and elements, junk text and
 * permuted columns never make the adapter throw or return a wrong total; a pure
 * column permutation reads every order the same.
 */
export function describeGridMutations(o: GridMutationOptions): void {
  describe(`${o.label}: mutated pages (property)`, () => {
    const junkText = fc.string({ unit: fc.constantFrom(...o.junkChars.split('')), maxLength: 30 });
    const indices = Array.from({ length: o.columns }, (_, i) => i);
    const mutation: fc.Arbitrary<GridMutation> = fc.oneof(
      fc.record({ kind: fc.constantFrom('removeCell' as const, 'junk' as const, 'removeEl' as const), pick: fc.nat(), text: junkText }),
      fc.record({ kind: fc.constant('permute' as const), perm: fc.shuffledSubarray(indices, { minLength: o.columns, maxLength: o.columns }) }),
    );

    function mutate(doc: Document, steps: GridMutation[]) {
      for (const step of steps) {
        if (step.kind === 'permute') {
          o.permute(doc, step.perm);
          continue;
        }
        const pool = step.kind === 'removeCell' ? [...doc.querySelectorAll(o.cells)] : [...doc.body.querySelectorAll('*')];
        const el = pool[step.pick % Math.max(1, pool.length)];
        if (!el) continue;
        if (step.kind === 'junk') el.append(step.text);
        else el.remove();
      }
    }

    for (const [name, html, url] of o.pages) {
      it(`${name}: never throws and never returns a wrong total`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (steps) => {
            await breathe();
            const doc = parseHtml(html);
            mutate(doc, steps);
            const read = o.adapter.readOrders(doc, url, o.now);
            for (const order of read?.orders ?? []) {
              expect(order.amount, `${order.orderId} after ${JSON.stringify(steps)}`).toEqual(o.amountOf(order.orderId));
            }
          }),
          { numRuns: runs(o.mutationRuns) },
        );
      }, limit(60_000));
    }

    it('reads every order the same after a pure column permutation', async () => {
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(indices, { minLength: o.columns, maxLength: o.columns }), async (perm) => {
          await breathe();
          for (const [html, url] of o.permutationPages) {
            const doc = parseHtml(html);
            o.permute(doc, perm);
            const intact = o.adapter.readOrders(parseHtml(html), url, o.now);
            expect(intact).not.toBeNull();
            expect(o.adapter.readOrders(doc, url, o.now)!.orders).toEqual(intact!.orders);
          }
        }),
        { numRuns: runs(o.permutationRuns) },
      );
    }, limit(60_000));
  });
}
