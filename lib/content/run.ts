import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseContentRequest, type ContentResponses } from '../messaging/content';
import type { PageRead } from '../orders/model';
import { findTarget, trackFocusedComposer } from '../insert/target';
import type { InsertResult } from '../insert/insert';
import { INSERT_GLOBAL, type InsertHost } from './insert-script';
import { recipeReader } from '../platforms/recipe/reader-host';
import { structureWanted } from '../platforms/structure/reader-host';
import { readPage } from '../platforms/read';
import { watchShadowRoots } from '../platforms/shadow';
import { PageReader, trackRead } from '../platforms/reread';
import type { PlatformAdapter } from '../platforms/types';
import { onlyTicks } from './ticks';
import { parseRecipes } from '../platforms/recipe/check';
import { recipesFor, type Recipe, type RecipeField } from '../platforms/recipe/types';
import type { teachSession } from './teach';
import { TEACH_GLOBAL, type TeachHost } from './teach-script';

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
 * Whether this frame is read by its parent's script: a frame of the same origin as its parent is read and watched
 * from there (see watchFrames), so a script of its own would report its orders twice. A frame of another origin
 * cannot be read from its parent; the script in it reads it (the background routes the tab's questions to it, see
 * lib/background/frames.ts).
 */
export function readByParent(win: Window): boolean {
  if (win === win.parent) return false;
  try {
    // Throws for a parent of another origin.
    return win.parent.document !== null;
  } catch {
    return false;
  }
}

/**
 * Runs one platform adapter on a seller page: reads orders now and whenever
 * the page re-renders, remembers the composer the person last focused, and
 * answers the background's insert requests. Everything stops with `ctx`
 * (extension reload or update), so a stale script never writes.
 */
export function runAdapter(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  if (readByParent(window)) return;
  let lastSent = '';
  let lastFocused: HTMLElement | null = null;
  let timer: number | undefined;
  let resendTimer: number | undefined;
  let resendDelay = RESEND_FIRST_MS;
  // Bumped by every read: a resend of an older read gives way to a newer one.
  let generation = 0;

  // Recipes the seller taught for this page (from the background; checked again here).
  let recipes: Recipe[] = [];
  const readThisPage = () => readPage(document, adapter, location.href, Date.now(), recipesFor(recipes, adapter.platform, location.href));
  // A change inside known order blocks rereads those orders alone (see lib/platforms/reread.ts).
  const reader = new PageReader((now) => trackRead(document, adapter, location.href, now, recipesFor(recipes, adapter.platform, location.href)));
  const readAllNext = () => reader.readAllNext();
  /** Code this frame needs now, run in it by the background (see lib/content/inject.ts); false when it could not be. */
  const loadScript = (script: 'insert' | 'recipes' | 'structure') =>
    browser.runtime.sendMessage({ type: 'script/load', script }).then(
      (r) => (r as { ok?: boolean; data?: { ok?: boolean } } | undefined)?.data?.ok === true,
      () => false,
    );
  // The structural reader, asked of the background once, the first time the selectors read this page short (see
  // lib/platforms/structure/reader-host.ts); the page is then read again in full. Until it is settled (there, or
  // refused) a short read is not sent: the panel would show the page unread for the moment the script takes.
  let structureLoad: Promise<boolean> | undefined;
  let structureSettled = false;
  const loadStructure = () =>
    (structureLoad ??= loadScript('structure').then((ok) => {
      structureSettled = true;
      if (!ctx.isInvalid) {
        readAllNext();
        readNow();
      }
      return ok;
    }));
  /** Whether the read just made wanted the structural reader and it is still to come. */
  const awaitsStructure = () => structureWanted() && !structureSettled;
  /** The recipe reader, asked of the background when this page has a recipe and the frame has no reader yet. */
  const withRecipeReader = async () => {
    if (recipes.length > 0 && !recipeReader()) await loadScript('recipes');
  };
  /** This page's recipes, asked once at start; a background that does not answer within a second is not waited for. */
  const loadRecipes = async () => {
    const reply = browser.runtime.sendMessage({ type: 'recipes/get' }).then(
      (r) => (r as { ok?: boolean; data?: { recipes?: unknown } } | undefined)?.data?.recipes,
      () => undefined,
    );
    const answer = await Promise.race([reply, new Promise<undefined>((resolve) => ctx.setTimeout(() => resolve(undefined), 1_000))]);
    if (answer !== undefined) recipes = parseRecipes(answer);
    await withRecipeReader();
  };

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
    const { read } = reader.read(Date.now());
    if (awaitsStructure()) {
      void loadStructure();
      return;
    }
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
  // A change inside known order blocks marks those blocks; any other change asks for a full read.
  const observer = new MutationObserver((records) => {
    if (onlyTicks(records)) return;
    reader.changed(records);
    schedule();
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
        readAllNext();
        schedule();
      });
    }
  };
  watchFrames();
  // An app mounted in a shadow root (see lib/platforms/shadow.ts) changes out of the page tree's sight: each root a
  // read looks into is watched too.
  const rootsSeen = new WeakSet<ShadowRoot>();
  ctx.onInvalidated(
    watchShadowRoots((root) => {
      if (rootsSeen.has(root)) return;
      rootsSeen.add(root);
      watch(root);
    }),
  );
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    readAllNext();
    schedule();
  });
  // The person's own choice of composer, in this page and its same-origin iframes.
  ctx.onInvalidated(trackFocusedComposer(document, (el) => (lastFocused = el)));
  void loadRecipes().then(readNow);
  // Teaching starts once the panel has put the teaching script into this frame (see lib/content/teach-script.ts).
  let teach: ReturnType<typeof teachSession> | undefined;
  const teaching = () => {
    const make = (globalThis as TeachHost)[TEACH_GLOBAL];
    if (!teach && make) {
      teach = make(document, adapter.platform);
      ctx.onInvalidated(teach.destroy);
    }
    return teach;
  };

  /** The insertion code, asked of the background the first time this frame inserts (see insert-script.ts). */
  const inserter = async () => {
    const host = globalThis as InsertHost;
    if (!host[INSERT_GLOBAL]) await loadScript('insert');
    return host[INSERT_GLOBAL];
  };

  // Person's focus → adapter's chat box → heuristic search (see findTarget):
  // whoever clicked into a composer chose it, so that beats the adapter's guess.
  const composer = (): HTMLElement | null => findTarget(document, { lastFocused, adapterComposer: adapter.findComposer(document) })?.el ?? null;

  const handlers: { [K in keyof ContentResponses]: (payload: never) => ContentResponses[K] | Promise<ContentResponses[K]> } = {
    'tab/context': async () => {
      let read = readThisPage();
      if (awaitsStructure()) {
        await loadStructure();
        read = readThisPage();
      }
      return {
        platform: adapter.platform,
        orderIds: read?.orders.map((o) => o.orderId) ?? [],
        chatBuyer: adapter.chatBuyer(document),
        hasComposer: composer() !== null,
      };
    },
    'composer/insert': async (payload: { text: string }): Promise<InsertResult> => {
      const target = composer();
      if (!target) return { inserted: false, method: 'no-composer' };
      const insert = await inserter();
      return insert ? insert(target, payload.text) : { inserted: false, method: 'not-loaded' };
    },
    'teach/arm': (payload: { field: RecipeField }) => teaching()?.handlers['teach/arm'](payload) ?? { ok: false, error: 'not-teaching' },
    'teach/pick': (payload: { field: RecipeField }) => teaching()?.handlers['teach/pick'](payload) ?? { ok: false, error: 'not-teaching' },
    'teach/preview': () => teaching()?.handlers['teach/preview']() ?? { ok: false, error: 'missing' },
    'teach/end': () => teach?.handlers['teach/end']() ?? { ok: true },
    'recipes/use': async (payload: { recipes: unknown[] }) => {
      const fresh = parseRecipes(payload.recipes);
      // A new recipe for this page replaces the old one for the same page.
      recipes = [...fresh, ...recipes.filter((r) => !fresh.some((f) => f.platform === r.platform && f.urlPattern === r.urlPattern))];
      await withRecipeReader();
      lastSent = '';
      readAllNext();
      readNow();
      return { count: fresh.length };
    },
  };

  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own extension talks to us: the background (no tab) or one of our pages (the panel,
    // which tests open in a tab of its own); pages, other content scripts and other extensions are ignored.
    const ours = sender.id === browser.runtime.id && (!sender.tab || sender.url?.startsWith(browser.runtime.getURL('/')));
    if (ctx.isInvalid || !ours) return undefined;
    const message = parseContentRequest(raw);
    if (!message) return undefined;
    const handler = handlers[message.type] as (payload: unknown) => unknown;
    return Promise.resolve(handler(message.payload));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
