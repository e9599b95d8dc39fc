import type { BrowserContext, Page, Worker } from '@playwright/test';

// Killing the service worker at a known write, for the fault tests.
//
// How: the test (never the extension) patches IDBObjectStore.prototype.put/add/
// delete inside the *running* service worker through Playwright's
// worker.evaluate (CDP Runtime.evaluate). Once armed, the patch counts the
// writes of readwrite transactions; at the chosen one it announces itself on a
// BroadcastChannel, lets neither that write nor any later one reach the database,
// and keeps the transaction open with a read always pending, so it can neither
// finish nor commit. (Holding the thread in a busy loop does not work: messages
// from a blocked worker are not delivered, and a clock-bounded loop ends early
// on this machine, whose clock has been seen to jump a minute in a second.) The test then stops the worker with
// CDP (ServiceWorker.stopAllWorkers), which is what Chrome does to a worker it
// shuts down: the uncommitted transaction dies with it. The patch lives only in
// that worker's memory; the next worker starts from the shipped code, and no
// production build contains any of this.

export const FAULT_CHANNEL = 'paynudge-test-fault';

/**
 * Runs inside the service worker: installs (or re-arms) the write counter. `stopAt` 0 only counts. `only`: the store
 * names (sorted, joined with commas) of the transactions counted; the worker's own bookkeeping in other transactions
 * (a count of the attempts marked checked, page health) is neither counted nor stopped.
 */
function installWriteFault({ stopAt, only }: { stopAt: number; only?: string }): boolean {
  type Fault = { writes: number; stopAt: number; stalled: boolean; only?: string };
  const g = globalThis as unknown as { __pnFault?: Fault };
  const fresh = !g.__pnFault;
  if (!g.__pnFault) {
    const state: Fault = { writes: 0, stopAt: 0, stalled: false };
    g.__pnFault = state;
    const channel = new BroadcastChannel('paynudge-test-fault');
    const get = IDBObjectStore.prototype.get;
    for (const method of ['put', 'add', 'delete'] as const) {
      const original = IDBObjectStore.prototype[method] as unknown as (...a: unknown[]) => unknown;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.transaction.mode !== 'readwrite') return original.apply(this, args);
        if (state.only !== undefined && Array.from(this.transaction.objectStoreNames).sort().join(',') !== state.only) return original.apply(this, args);
        // Stopped: this write and every later one never reach the database.
        if (state.stalled) return new Promise(() => undefined);
        state.writes++;
        if (state.stopAt === 0 || state.writes !== state.stopAt) return original.apply(this, args);
        state.stalled = true;
        // Keep the transaction open (a read always pending, so it cannot commit) and leave the action
        // waiting on a write that never answers, until the test stops the worker.
        const store = this;
        const keepOpen = () => {
          const request = get.call(store, '\u0000paynudge-test');
          request.onsuccess = keepOpen;
        };
        keepOpen();
        channel.postMessage({ stoppedAt: state.writes, store: this.name });
        return new Promise(() => undefined);
      };
    }
  }
  g.__pnFault.writes = 0;
  g.__pnFault.stopAt = stopAt;
  g.__pnFault.stalled = false;
  g.__pnFault.only = only;
  return fresh;
}

/**
 * The extension's service worker, woken with a message from `page`. Playwright keeps one Worker object for the
 * registration: after a stop, evaluating in it reaches the restarted worker (with fresh globals).
 */
export async function currentWorker(context: BrowserContext, page: Page): Promise<Worker> {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'summary/get' }).catch(() => undefined));
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('the service worker did not start');
  return worker;
}

/**
 * Counts the writes the next action makes (stopAt 0), or arms a stop at the stopAt-th. Returns true when the
 * worker had no counter yet: a worker that was stopped comes back as a new one. `stores`: count only the writes of
 * transactions over exactly these stores (the action's own), not the background's bookkeeping meanwhile.
 */
export async function armWriteFault(worker: Worker, stopAt: number, stores?: readonly string[]): Promise<boolean> {
  return worker.evaluate(installWriteFault, { stopAt, only: stores && [...stores].sort().join(',') });
}

export async function writesCounted(worker: Worker): Promise<number> {
  return worker.evaluate(() => (globalThis as unknown as { __pnFault: { writes: number } }).__pnFault.writes);
}

/** Listens on an extension page for the worker saying it stopped at a write. */
export async function listenForStop(page: Page): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __pnStops: { stoppedAt: number; store: string }[]; __pnChannel?: BroadcastChannel };
    w.__pnStops = [];
    w.__pnChannel ??= new BroadcastChannel(name);
    w.__pnChannel.onmessage = (e: MessageEvent<{ stoppedAt: number; store: string }>) => w.__pnStops.push(e.data);
  }, FAULT_CHANNEL);
}

export async function stopsSeen(page: Page): Promise<{ stoppedAt: number; store: string }[]> {
  return page.evaluate(() => (window as unknown as { __pnStops: { stoppedAt: number; store: string }[] }).__pnStops);
}

/**
 * Stops every service worker of the profile, as Chrome does to an idle or stuck one. The CDP call answers once
 * they are stopped; the caller checks the store at once (a content script resends an undelivered read after 1 s).
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Every record of every store, read from an extension page (same origin as the worker; reading only). */
export async function dumpStores(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((done, fail) => {
        const open = indexedDB.open('paynudge');
        // No database yet: never create one here (the background's upgrade would then find a version without stores).
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction!.abort();
        };
        open.onerror = () => (absent ? done({ orders: [] }) : fail(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) tx.objectStore(name).getAll().onsuccess = (e) => (out[name] = (e.target as IDBRequest<unknown[]>).result);
          tx.oncomplete = () => {
            db.close();
            done(out);
          };
        };
      }),
  );
}

/**
 * Keys of the settings store that are the background's own bookkeeping (which prompts were notified, when the last
 * clean-up ran, cached counts, page health, a pending panel selection): its alarms and its start-up work write them
 * at any moment, so a test that checks "nothing the person stored changed" leaves them out.
 */
export const BOOKKEEPING: ReadonlySet<string> = new Set(['ms.notified', 'data.lastPrune', 'ws.attemptStats', 'pf.health', 'panel/select']);

/** `stores` (a backup's or a dump's) without the background's bookkeeping in the settings store. */
export function withoutBookkeeping<T extends { settings?: unknown[] }>(stores: T): T {
  return { ...stores, settings: stores.settings?.filter((s) => !BOOKKEEPING.has((s as { key: string }).key)) };
}
