import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseContentRequest, type ContentResponses } from '../messaging/content';
import type { PageRead } from '../orders/model';
import { findTarget, insertText, trackFocusedComposer, type InsertResult } from '../insert/insert';
import { readPage } from '../platforms/read';
import type { PlatformAdapter } from '../platforms/types';
import { onlyTicks } from './ticks';

const REREAD_DEBOUNCE_MS = 250;
/** An undelivered read (the background asleep or restarting) is sent again after 1 s, 2 s, 4 s … up to a minute. */
const RESEND_FIRST_MS = 1_000;
const RESEND_MAX_MS = 60_000;

/** Serialises a read for change detection; countdown drift under a minute is noise. */
function fingerprint(read: PageRead): string {
  return JSON.stringify({
    ...read,
    orders: read.orders.map((o) => ({ ...o, autoCloseAt: o.autoCloseAt && Math.round(o.autoCloseAt / 60_000) })),
  });
}

/**
 * Runs one platform adapter on a seller page: reads orders now and whenever
 * the page re-renders, remembers the composer the person last focused, and
 * answers the background's insert requests. Everything stops with `ctx`
 * (extension reload or update), so a stale script never writes.
 */
export function runAdapter(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  let lastSent = '';
  let lastFocused: HTMLElement | null = null;
  let timer: number | undefined;
  let resendTimer: number | undefined;
  let resendDelay = RESEND_FIRST_MS;
  // Bumped by every read: a resend of an older read gives way to a newer one.
  let generation = 0;

  const readThisPage = () => readPage(document, adapter, location.href, Date.now());

  const send = async (read: PageRead, print: string, sentAs: number) => {
    try {
      await browser.runtime.sendMessage({ type: 'page/read', read });
      resendDelay = RESEND_FIRST_MS;
    } catch (error) {
      // After an update the old script's port is gone: stop quietly.
      if (ctx.isInvalid) return;
      console.debug('[PayNudge] page read not delivered', error);
      if (sentAs !== generation || lastSent !== print) return;
      // A static page changes no more: without a resend its orders would stay
      // stale until the next DOM change. Back off so a sleeping worker is not hammered.
      lastSent = '';
      if (resendTimer !== undefined) clearTimeout(resendTimer);
      resendTimer = ctx.setTimeout(readNow, resendDelay);
      resendDelay = Math.min(resendDelay * 2, RESEND_MAX_MS);
    }
  };

  const readNow = () => {
    if (ctx.isInvalid) return;
    watchFrames();
    const read = readThisPage();
    if (!read) return;
    const print = fingerprint(read);
    if (print === lastSent) return;
    lastSent = print;
    void send(read, print, ++generation);
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(readNow, REREAD_DEBOUNCE_MS);
  };

  // A countdown ticking in every row changes nothing worth a reread (the deadline stays put).
  const observer = new MutationObserver((records) => {
    if (!onlyTicks(records)) schedule();
  });
  const watch = (root: Node) =>
    observer.observe(root, { childList: true, subtree: true, characterData: true, characterDataOldValue: true, attributes: true, attributeFilter: ['class'] });
  watch(document.documentElement);
  ctx.onInvalidated(() => observer.disconnect());

  // Some back-offices show the order list in a same-origin iframe: watch each
  // frame's document too (again after every load, which brings a new one).
  const framesSeen = new WeakSet<HTMLIFrameElement>();
  const watchFrame = (frame: HTMLIFrameElement) => {
    try {
      const inner = frame.contentDocument;
      if (inner?.documentElement) watch(inner.documentElement);
    } catch {
      // Cross-origin: not ours to read.
    }
  };
  const watchFrames = () => {
    for (const frame of document.querySelectorAll('iframe')) {
      if (framesSeen.has(frame)) continue;
      framesSeen.add(frame);
      watchFrame(frame);
      ctx.addEventListener(frame, 'load', () => {
        watchFrame(frame);
        schedule();
      });
    }
  };
  watchFrames();
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  // The person's own choice of composer, in this page and its same-origin iframes.
  ctx.onInvalidated(trackFocusedComposer(document, (el) => (lastFocused = el)));
  readNow();

  // Person's focus → adapter's chat box → heuristic search (see findTarget):
  // whoever clicked into a composer chose it, so that beats the adapter's guess.
  const composer = (): HTMLElement | null => findTarget(document, { lastFocused, adapterComposer: adapter.findComposer(document) })?.el ?? null;

  const handlers: { [K in keyof ContentResponses]: (payload: never) => ContentResponses[K] | Promise<ContentResponses[K]> } = {
    'tab/context': () => {
      const read = readThisPage();
      return {
        platform: adapter.platform,
        orderIds: read?.orders.map((o) => o.orderId) ?? [],
        chatBuyer: adapter.chatBuyer(document),
        hasComposer: composer() !== null,
      };
    },
    'composer/insert': async (payload: { text: string }): Promise<InsertResult> => {
      const target = composer();
      return target ? insertText(target, payload.text) : { inserted: false, method: 'no-composer' };
    },
  };

  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own background talks to us (it has no tab); pages and other extensions are ignored.
    if (ctx.isInvalid || sender.id !== browser.runtime.id || sender.tab) return undefined;
    const message = parseContentRequest(raw);
    if (!message) return undefined;
    const handler = handlers[message.type] as (payload: unknown) => unknown;
    return Promise.resolve(handler(message.payload));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
