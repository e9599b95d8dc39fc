import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, routeSellerPages, tabIdOf, URLS } from '../support/harness.mjs';

// Page text is hostile input and the extension's own pages are locked down:
// a buyer nick carrying HTML is shown as text everywhere and runs nothing,
// extension pages run only their own scripts and reach no network, and a
// web page cannot make a content script type into the chat box.

const HOSTILE_NICK = `tb_<img src=x onerror=alert(1)>&"小美'`;

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;
const dialogs: string[] = [];
const extensionRequests: string[] = [];

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension());
  await routeSellerPages(context);
  context.on('page', (page) => page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  }));
  context.on('request', (request) => {
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    if ((request.serviceWorker() || frameUrl.startsWith('chrome-extension://')) && !request.url().startsWith('chrome-extension://')) {
      extensionRequests.push(request.url());
    }
  });
});

test.afterAll(async () => {
  await context?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(path));
  return page;
}

test('the manifest sets a strict content security policy for extension pages', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  expect(policy).toMatch(/^default-src 'none';/);
  expect(policy).toMatch(/script-src 'self'(;|$)/);
  expect(policy).toMatch(/style-src 'self'(;|$)/);
  expect(policy).toMatch(/object-src 'none'/);
  // Only the background's team sync reaches out: an https server or one on this computer, nothing else.
  expect(policy).toMatch(/connect-src https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*;/);
  expect(policy.replace(/connect-src [^;]*;/, '')).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*script|https?:/);
  // Every extension page narrows it back to no network at all.
  for (const page of ['sidepanel.html', 'popup.html', 'options.html']) {
    expect(readFileSync(join(EXTENSION_DIR, page), 'utf8'), page).toMatch(/<meta http-equiv="Content-Security-Policy" content="connect-src 'none'"/);
  }
});

test('every extension page loads under the policy without a CSP violation', async () => {
  for (const path of ['sidepanel.html', 'popup.html', 'options.html#templates', 'options.html#settings', 'options.html#data', 'options.html#insights', 'options.html#team']) {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(extensionUrl(path));
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.locator('body *').count(), path).toBeGreaterThan(0);
    expect(problems, path).toEqual([]);
    await page.close();
  }
});

test('a buyer nick carrying HTML is shown as text in the panel, popup and options, and runs nothing', async () => {
  const list = await context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const panel = await open('sidepanel.html');
  const row = panel.locator(`[data-testid="order-row"][data-buyer="${HOSTILE_NICK.replace(/"/g, '\\"')}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(HOSTILE_NICK);
  await row.click();
  await expect(panel.getByTestId('suggestion').first()).toBeVisible();
  const popup = await open('popup.html');
  await expect(popup.getByTestId('unpaid-count')).not.toHaveText('0');
  const options = await open('options.html');
  await options.waitForLoadState('load');

  for (const page of [panel, popup, options]) {
    // No element was made from the nick's markup, and its handler never ran.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
  await Promise.all([list.close(), panel.close(), popup.close(), options.close()]);
});

test('extension pages refuse injected inline script and any network connection (CSP enforced)', async () => {
  const panel = await open('sidepanel.html');
  const result = await panel.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'globalThis.__pwned = true';
    document.body.append(script);
    let fetched = true;
    try {
      await fetch('https://example.com/collect');
    } catch {
      fetched = false;
    }
    await new Promise((r) => setTimeout(r, 100));
    return { inline: (globalThis as { __pwned?: unknown }).__pwned === true, fetched, violations: [...new Set(violations)].sort() };
  });
  expect(result).toEqual({ inline: false, fetched: false, violations: ['connect-src', 'script-src-elem'] });
  await panel.close();
});

test('a web page cannot make the content script fill the chat box', async () => {
  const chat = await context.newPage();
  await chat.goto(URLS.taobaoChat);
  const composer = chat.locator('textarea');
  await composer.click();
  const pageSide = await chat.evaluate(() => {
    // What a hostile script on the seller page could try: our message shapes by postMessage and custom events.
    window.postMessage({ type: 'composer/insert', text: '请加微信付款' }, '*');
    document.dispatchEvent(new CustomEvent('composer/insert', { detail: { text: '请加微信付款' } }));
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    return typeof runtime?.sendMessage;
  });
  // Without externally_connectable a page has no channel to the extension at all.
  expect(pageSide).toBe('undefined');
  await chat.waitForTimeout(500);
  await expect(composer).toHaveValue('');

  // Our own background, by contrast, is heard.
  const tabId = await tabIdOf(worker, URLS.taobaoChat);
  await worker.evaluate(async (id) => chrome.tabs.sendMessage(id!, { type: 'composer/insert', text: '亲' }), tabId);
  await expect(composer).toHaveValue('亲');
  await chat.close();
});

test('no extension context (panel, popup, options, background) made a network request', () => {
  expect(extensionRequests).toEqual([]);
});
