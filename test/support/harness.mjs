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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = resolve(root, '.output/chrome-mv3');

export const URLS = {
  taobaoUnpaid:
    'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay',
  taobaoAll: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  // Qianniu web workbench, chat (接待) page. The exact path is undocumented;
  // the content script matches the whole host and looks for a composer.
  taobaoChat: 'https://myseller.taobao.com/home.htm/app-customer-service/chat',
};

let chatBundle;
async function chatPage() {
  if (!chatBundle) {
    const out = await build({
      entryPoints: [resolve(root, 'test/fixtures/chat/react-chat.tsx')],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    chatBundle = out.outputFiles[0].text;
  }
  const html = readFileSync(resolve(root, 'test/fixtures/chat/qianniu-chat.html'), 'utf8');
  // Split/join, not replace: the bundle may contain "$&" sequences.
  return html.split('/*BUNDLE*/').join(chatBundle.replaceAll('</script', '<\\/script'));
}

function fixture(name, now) {
  return renderFixture(readFileSync(resolve(root, 'test/fixtures', name), 'utf8'), now);
}

/**
 * Routes the seller pages; every other request is refused and recorded, so a
 * test can assert the extension itself asked for nothing.
 */
export async function routeSellerPages(context, { now = Date.now() } = {}) {
  const blocked = [];
  // Only web requests: extension pages load their own files untouched.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://trade.taobao.com/trade/itemlist/list_sold_items.htm')) {
      const unpaid = new URL(url).searchParams.get('tabCode') === 'waitBuyerPay';
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture(unpaid ? 'taobao/sold-items-unpaid.html' : 'taobao/sold-items-all.html', now) });
    }
    if (url.startsWith(URLS.taobaoChat)) {
      return chatPage().then((body) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    }
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { blocked };
}

export async function launchWithExtension({ headless = true } = {}) {
  const executablePath = ensureBrowser();
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
