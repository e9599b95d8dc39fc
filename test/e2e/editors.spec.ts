import { expect, test, type BrowserContext, type FrameLocator, type Locator, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf, URLS } from '../support/harness.mjs';
import { EDITOR_KINDS, EDITOR_LAB } from '../fixtures/editors/routes.mjs';

// Insertion into every kind of chat composer, in real Chromium with the built
// extension: the person has typed something, picks an order in the panel and
// presses insert. Each fixture page mirrors its editor's OWN model (React
// state, Vue ref, Lexical state, Slate value, Quill text, ProseMirror doc,
// Draft ContentState) in #fixture-state, so these tests judge what the editor
// holds, not what the DOM shows. Every page sends on Enter and has a send
// button: data-sent must stay 0.

let context: BrowserContext;
let worker: Worker;
let extensionUrl: (path: string) => string;
let blocked: string[];
const timings: string[] = [];

// Two lines, Chinese, an emoji: what a real reminder looks like.
const TWO_LINES = '亲，您的订单还没付款哦～\n今天付款明天就发货🎁';

/** How each fixture is typed into: where the person clicks and what they type first. */
const EDITORS: Record<string, { editable: (page: Page) => Locator; prefix: string; singleLine?: boolean }> = {
  'react-textarea': { editable: (p) => p.locator('textarea.composer'), prefix: '在吗？' },
  'vue-input': { editable: (p) => p.locator('input.composer'), prefix: '在吗？', singleLine: true },
  contenteditable: { editable: (p) => p.locator('.plain-editor'), prefix: '在吗？' },
  lexical: { editable: (p) => p.locator('[data-lexical-editor]'), prefix: '在吗？' },
  slate: { editable: (p) => p.locator('[data-slate-editor]'), prefix: '在吗？' },
  quill: { editable: (p) => p.locator('.ql-editor'), prefix: '在吗？' },
  prosemirror: { editable: (p) => p.locator('.ProseMirror'), prefix: '在吗？' },
  // Draft's key handling takes Latin keys typed one by one; a Chinese IME is not available to the test.
  draft: { editable: (p) => p.locator('.public-DraftEditor-content'), prefix: 'Hi ' },
  iframe: { editable: (p) => frame(p).locator('.frame-editor'), prefix: '在吗？' },
};

function frame(page: Page): FrameLocator {
  return page.frameLocator('iframe');
}

test.beforeAll(async () => {
  ({ context, worker, extensionUrl } = await launchWithExtension());
  ({ blocked } = await routeSellerPages(context));
  // The unpaid list first, so the panel knows orders to remind about.
  const list = await context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const panel = await openPanel((await tabIdOf(worker, URLS.taobaoUnpaid))!);
  await expect(panel.getByTestId('order-row').first()).toBeVisible({ timeout: 5_000 });
  await panel.close();
});

test.afterAll(async () => {
  if (timings.length) console.log(`insert click → text in the editor's model:\n  ${timings.join('\n  ')}`);
  await context?.close();
});

async function openPanel(tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(extensionUrl(`sidepanel.html?tabId=${tabId}`));
  return panel;
}

/** The editor's own model, as the fixture mirrors it. */
function draftOf(page: Page): Promise<string | null> {
  return page.locator('#fixture-state').getAttribute('data-draft');
}

/** The worker asks the tab's content script directly, as the background does for the panel. */
function insertFromWorker(tabId: number, text: string): Promise<{ inserted: boolean; method: string } | undefined> {
  return worker.evaluate(
    async ({ tabId, text }) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<{ inserted: boolean; method: string }> } } };
      return chrome.tabs.sendMessage(tabId, { type: 'composer/insert', text });
    },
    { tabId, text },
  );
}

for (const [kind, how] of Object.entries(EDITORS)) {
  test(`${kind}: the panel's suggestion and a two-line message land once in the editor's model, after what was typed`, async () => {
    expect(EDITOR_KINDS[kind]).toBeDefined();
    const url = `${EDITOR_LAB}${kind}`;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);

    // The person types first; the caret stays at the end of what they typed.
    const editable = how.editable(page);
    await editable.click();
    await editable.pressSequentially(how.prefix, { delay: 30 });
    await expect.poll(() => draftOf(page)).toBe(how.prefix);

    const tabId = (await tabIdOf(worker, url))!;
    expect(tabId).toBeGreaterThanOrEqual(0);
    const panel = await openPanel(tabId);
    const row = panel.getByTestId('order-row').first();
    await expect(row).toBeVisible({ timeout: 5_000 });
    await row.click();
    const suggestion = panel.getByTestId('suggestion').first();
    const chosen = (await suggestion.getByTestId('suggestion-text').textContent())!;
    expect(chosen.length).toBeGreaterThan(5);
    const expected1 = how.prefix + (how.singleLine ? chosen.replace(/\s*\n+\s*/g, ' ') : chosen);

    const clicked = Date.now();
    await suggestion.getByTestId('insert-button').click();
    await expect.poll(() => draftOf(page), { intervals: [5] }).toBe(expected1);
    timings.push(`${kind}: ${Date.now() - clicked} ms`);
    await expect(panel.getByTestId('toast')).toContainText('已填入聊天框');
    // Once: nothing more arrives a moment later.
    await page.waitForTimeout(400);
    expect(await draftOf(page)).toBe(expected1);

    // A multi-line message straight from the worker: line breaks stay real breaks in the model.
    const result = await insertFromWorker(tabId, TWO_LINES);
    expect(result?.inserted).toBe(true);
    const expected2 = expected1 + (how.singleLine ? TWO_LINES.replace('\n', ' ') : TWO_LINES);
    await expect.poll(() => draftOf(page)).toBe(expected2);
    await page.waitForTimeout(400);
    expect(await draftOf(page)).toBe(expected2);

    // Nothing was sent: no Enter, no click on send.
    await expect(page.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
    expect(errors).toEqual([]);
    test.info().annotations.push({ type: 'route', description: `${kind}: ${result?.method}` });
    console.log(`${kind}: ${result?.method}`);

    // The page's own send still works on what we inserted (it is real editor content).
    await page.locator('#send').click();
    await expect(page.locator('#fixture-state')).toHaveAttribute('data-sent', '1');
    await panel.close();
    await page.close();
  });
}

test('the composer the person focused wins over the platform guess, and no page request left the routes', async () => {
  // Two composers on one page: the adapter's generic guess is the first
  // textarea; the person clicked the second one.
  const url = `${EDITOR_LAB}two-boxes`;
  const html = `<!DOCTYPE html><html><body>
    <textarea id="note" placeholder="备注"></textarea>
    <div class="chat"><div id="chat-box" contenteditable="true" style="min-height:80px"></div><button>发送</button></div>
  </body></html>`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#chat-box').click();
  await page.keyboard.type('在吗');
  const tabId = (await tabIdOf(worker, url))!;
  const result = await insertFromWorker(tabId, '您好\n在的');
  expect(result).toEqual({ inserted: true, method: 'execCommand' });
  await expect(page.locator('#chat-box')).toHaveText(/在吗您好\s*在的/);
  await expect(page.locator('#note')).toHaveValue('');
  await page.close();
  expect(blocked).toEqual([]);
});

test('with nothing focused and no known chat box, the composer inside a same-origin iframe is found, not the search box', async () => {
  const url = `${EDITOR_LAB}framed-only`;
  const inner = '<div id="box" contenteditable="true" style="min-height:80px">在吗</div>';
  const html = `<!DOCTYPE html><html><body>
    <input type="search" placeholder="搜索" style="width:600px">
    <div class="chat"><iframe srcdoc='${inner}' style="width:500px;height:120px"></iframe><button class="im-send-btn">发送</button></div>
  </body></html>`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.frameLocator('iframe').locator('#box')).toHaveText('在吗');
  const tabId = (await tabIdOf(worker, url))!;
  const result = await insertFromWorker(tabId, '您好\n在的');
  expect(result?.inserted).toBe(true);
  await expect(page.frameLocator('iframe').locator('#box')).toHaveText(/^在吗您好\s*在的$/);
  await expect(page.locator('input[type="search"]')).toHaveValue('');
  await page.close();
});

for (const kind of ['prosemirror', 'slate', 'lexical', 'quill'] as const) {
  test(`${kind}: text goes in at the person's caret, not at the end`, async () => {
    const url = `${EDITOR_LAB}${kind}`;
    const page = await context.newPage();
    await page.goto(url);
    const editable = EDITORS[kind]!.editable(page);
    await editable.click();
    await editable.pressSequentially('在吗', { delay: 30 });
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => draftOf(page)).toBe('在吗');
    const tabId = (await tabIdOf(worker, url))!;
    const result = await insertFromWorker(tabId, '您好🎁');
    expect(result?.inserted).toBe(true);
    await expect.poll(() => draftOf(page)).toBe('在您好🎁吗');
    await expect(page.locator('#fixture-state')).toHaveAttribute('data-sent', '0');
    await page.close();
  });
}
