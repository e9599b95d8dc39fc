// Starts Chromium with the built extension and serves the fixture seller
// pages at their real URLs, so the production match patterns are what runs.
// Shared by the e2e tests and `npm run demo`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ensureBrowser } from './browser.mjs';
import { renderFixture } from './fixtures.mjs';
import { routes as taobaoRoutes } from '../fixtures/taobao/routes.mjs';
import { routes as pddRoutes } from '../fixtures/pdd/routes.mjs';
import { routes as aliexpressRoutes } from '../fixtures/aliexpress/routes.mjs';
import { routes as tiktokRoutes } from '../fixtures/tiktok/routes.mjs';
import { routes as alibabaRoutes } from '../fixtures/alibaba/routes.mjs';
import { routes as shopeeRoutes } from '../fixtures/shopee/routes.mjs';
import { routes as editorRoutes } from '../fixtures/editors/routes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// PAYNUDGE_OUT_DIR lets parallel builds (one per work tree or helper) keep apart; see wxt.config.ts.
export const EXTENSION_DIR = resolve(root, process.env.PAYNUDGE_OUT_DIR ?? '.output', 'chrome-mv3');

export const URLS = {
  taobaoUnpaid:
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay',
  taobaoAll: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  // Qianniu web workbench, chat (接待) page. The exact path is undocumented;
  // the content script matches the whole host and looks for a composer.
  taobaoChat: 'https://myseller.taobao.com/home.htm/app-customer-service/chat',
};

const bundles = new Map();
/** A fixture page with a bundled script (a React/editor chat box) spliced in at its /*BUNDLE*\/ marker. */
async function bundledPage(htmlFile, tsxFile) {
  if (!bundles.has(tsxFile)) {
    const out = await build({
      entryPoints: [resolve(root, 'test/fixtures', tsxFile)],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    bundles.set(tsxFile, out.outputFiles[0].text);
  }
  const html = readFileSync(resolve(root, 'test/fixtures', htmlFile), 'utf8');
  // Split/join, not replace: the bundle may contain "$&" sequences.
  return html.split('/*BUNDLE*/').join(bundles.get(tsxFile).replaceAll('</script', '<\\/script'));
}


/** Fixture routes of every platform (test/fixtures/<platform>/routes.mjs), Taobao's first. */
export const ROUTES = [
  // The unpaid tab of the old sold-items list: same path, query decides.
  { url: URLS.taobaoUnpaid, file: 'taobao/sold-items-unpaid.html' },
  { url: URLS.taobaoAll, file: 'taobao/sold-items-all.html' },
  { url: URLS.taobaoChat, file: 'chat/qianniu-chat.html', bundle: 'chat/react-chat.tsx' },
  ...taobaoRoutes,
  ...pddRoutes,
  ...aliexpressRoutes,
  ...tiktokRoutes,
  ...alibabaRoutes,
  ...shopeeRoutes,
  ...editorRoutes,
];

/** The route serving a URL: the longest matching prefix, so a query-specific route beats its bare path. */
export function routeFor(url, routes = ROUTES) {
  let best;
  for (const route of routes) {
    if (url.startsWith(route.url) && (!best || route.url.length > best.url.length)) best = route;
  }
  return best;
}

/** The body of a fixture page as served: time tokens rendered, bundle spliced in. */
export async function pageBody(route, now = Date.now()) {
  const html = route.bundle ? await bundledPage(route.file, route.bundle) : readFileSync(resolve(root, 'test/fixtures', route.file), 'utf8');
  return renderFixture(html, now);
}

/**
 * Routes the seller pages; every other request is refused and recorded, so a
 * test can assert the extension itself asked for nothing. `extra` routes
 * (same shape as ROUTES) let one test serve a page of its own.
 */
export async function routeSellerPages(context, { now = Date.now(), extra = [] } = {}) {
  const blocked = [];
  const routes = [...extra, ...ROUTES];
  // Only web requests: extension pages load their own files untouched.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', async (route) => {
    const url = route.request().url();
    const match = routeFor(url, routes);
    if (match) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: await pageBody(match, now) });
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { blocked };
}

/** Team sync's server in the e2e runs on this computer; its own spec checks the requests go only there. */
const isLoopback = (url) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url);

/**
 * Every spec launches through launchWithExtension, so this is where the "no network" rule is checked for all of
 * them: every request any extension context makes (service worker, panel, popup, options) is recorded, and
 * closing the context fails (so the spec's afterAll fails) if there was one. Requests the test itself makes
 * from a seller page, and the extension's own files, are not the extension's.
 */
function watchExtensionRequests(context) {
  const made = [];
  context.on('request', (request) => {
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    if (!request.serviceWorker() && !frameUrl.startsWith('chrome-extension://')) return;
    const url = request.url();
    if (/^(chrome-extension|data|blob):/.test(url) || isLoopback(url)) return;
    made.push(url);
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    if (made.length > 0) throw new Error(`an extension context made network requests: ${[...new Set(made)].join(', ')}`);
  };
  context.extensionRequests = made;
}

export async function launchWithExtension({ headless = true, locale = 'zh-CN' } = {}) {
  const executablePath = ensureBrowser();
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    // Sellers' browsers are mostly Chinese; tests of the English UI pass locale: 'en-US'.
    locale,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  watchExtensionRequests(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, extensionUrl: (path) => `chrome-extension://${extensionId}/${path}` };
}

/** The tab id Chrome gave a page, found the way CONTRACT.md says: tabs.query in the worker. */
export async function tabIdOf(worker, url) {
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === target)?.id;
  }, url);
}

/**
 * Where an e2e test saves a screenshot of the UI: test-results/screenshots/
 * (not tracked) in a normal run, so `npm test` leaves the tree clean; the
 * tracked pictures in test/screenshots/ (the README shows some) are rewritten
 * only with PAYNUDGE_SCREENSHOTS=update.
 */
export function screenshotPath(name) {
  const dir = process.env.PAYNUDGE_SCREENSHOTS === 'update' ? 'test/screenshots' : 'test-results/screenshots';
  return resolve(root, dir, name);
}
