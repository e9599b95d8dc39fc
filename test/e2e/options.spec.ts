/// <reference types="chrome" />
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, tabIdOf, URLS, screenshotPath } from '../support/harness.mjs';
import { usePlatformSuite } from '../support/platform-flow';
import { withoutBookkeeping } from '../support/stop-worker';
import { answeredHeld, holdMessages, releaseHeld } from '../support/held';

// The options page the way a seller uses it: write a template and see the
// panel suggest it, back everything up, erase, restore it exactly, and have
// a broken or hostile file refused without touching anything.

const STORES = ['orders', 'buyers', 'attempts', 'templates', 'milestones', 'settings'] as const;
type Stores = Record<(typeof STORES)[number], unknown[]>;

const suite = usePlatformSuite();

async function send<T>(page: Page, message: object): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as { ok: boolean; data: T; error?: string };
  if (!reply?.ok) throw new Error(`request failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** Everything stored, as the background sees it. */

async function everything(page: Page): Promise<Stores> {
  const stores = (await send<{ backup: { stores: Stores } }>(page, { type: 'data/export' })).backup.stores;
  return withoutBookkeeping(stores);
}

/** Everything the background keeps in its CacheStorage (the queue and popup answers a waking worker starts from), as text. */
const savedCopies = () =>
  suite.worker.evaluate(async () => {
    const texts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) texts.push(`${name} ${await (await cache.match(request))!.text()}`);
    }
    return texts.join('\n');
  });

async function openOptions(tab = 'templates'): Promise<Page> {
  const page = await suite.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(suite.extensionUrl(`options.html#${tab}`));
  return page;
}

const BEAR = '快乐的小熊';
const BEAR_ITEM = '纯棉儿童睡衣套装 春秋款';

/**
 * What the tests after the first need, whichever of them runs (alone or after
 * the others): the Taobao list's orders read, one contact logged and one
 * custom template. Each is added only when missing, so a full run sees the
 * same data as a test run on its own.
 */
async function seedShop(): Promise<void> {
  const page = await openOptions('data');
  const bear = async () => ((await everything(page)).orders as { key: string; buyer: { nick: string } }[]).find((o) => o.buyer.nick === BEAR);
  if (!(await bear())) {
    const list = await suite.context.newPage();
    await list.goto(URLS.taobaoUnpaid);
    await expect.poll(async () => Boolean(await bear()), { timeout: 15_000 }).toBe(true);
    await list.close();
  }
  const stores = await everything(page);
  if (stores.attempts.length === 0) {
    await send(page, { type: 'suggestion/copied', orderKey: (await bear())!.key, templateId: 'zh-first-friendly', text: `${BEAR}您好，${BEAR_ITEM}还在等您付款～` });
  }
  if (stores.templates.length === 0) {
    await send(page, {
      type: 'templates/save',
      template: { id: 'custom-seed', language: 'zh-CN', style: 'friendly', label: '店庆提醒', body: '{{buyer}}您好，店庆期间{{item}}已为您预留，记得付款哦', rounds: ['first'] },
    });
  }
  await page.close();
}

test('a template written in the options is suggested in the panel, and edits show up', async () => {
  const list = await suite.context.newPage();
  await list.goto(URLS.taobaoUnpaid);
  const options = await openOptions();
  await expect(options.getByTestId('template-row').first()).toBeVisible();
  const builtIns = await options.getByTestId('template-row').count();

  await options.getByTestId('template-new').click();
  await options.getByTestId('template-label').fill('店庆提醒');
  // A typo in a variable is caught before saving.
  await options.getByTestId('template-body').fill('{{nmae}}您好');
  await expect(options.getByTestId('template-problem')).toContainText('{{nmae}}');
  await expect(options.getByTestId('template-save')).toBeDisabled();
  await options.getByTestId('template-body').fill('{{buyer}}您好，店庆期间{{item}}已为您预留，记得付款哦');
  await expect(options.getByTestId('template-problem')).toHaveCount(0);
  // Live preview with the sample order.
  await expect(options.getByTestId('template-preview')).toHaveText('小雨您好，店庆期间纯棉短袖T恤 白色 L码已为您预留，记得付款哦');
  await options.getByTestId('template-priority').selectOption('3');
  await options.getByTestId('template-save').click();
  await expect(options.getByTestId('template-message')).toHaveText('话术已保存。');
  await expect(options.getByTestId('template-row')).toHaveCount(builtIns + 1);
  const row = options.getByTestId('template-row').filter({ hasText: '店庆提醒' });
  await expect(row).toContainText('自定义');

  // Search finds it; the style filter hides it.
  await options.getByTestId('template-search').fill('店庆');
  await expect(options.getByTestId('template-row')).toHaveCount(1);
  await options.getByTestId('template-search').fill('');

  const tabId = await tabIdOf(suite.worker, URLS.taobaoUnpaid);
  const panel = await suite.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));
  await panel.locator(`[data-testid="order-row"][data-buyer="${BEAR}"]`).click();
  const texts = panel.getByTestId('suggestion-text');
  await expect(texts.filter({ hasText: '店庆期间' })).toHaveText(`${BEAR}您好，店庆期间${BEAR_ITEM}已为您预留，记得付款哦`);

  // Edit it: the panel follows.
  await row.getByTestId('template-edit').click();
  await options.getByTestId('template-body').fill('{{buyer}}，店庆最后一天，{{item}}付款后今天发出');
  await options.getByTestId('template-save').click();
  await expect(options.getByTestId('template-message')).toHaveText('话术已保存。');
  await panel.reload();
  await panel.locator(`[data-testid="order-row"][data-buyer="${BEAR}"]`).click();
  await expect(panel.getByTestId('suggestion-text').filter({ hasText: '店庆' })).toHaveText(`${BEAR}，店庆最后一天，${BEAR_ITEM}付款后今天发出`);
  // Copy it, so the contact log has an entry for the backup below.
  await panel.getByTestId('suggestion').filter({ hasText: '店庆' }).getByTestId('copy-button').click();
  await expect(panel.getByTestId('attempt-row')).toHaveCount(1);

  await options.screenshot({ path: screenshotPath('options-templates-zh-CN.png'), fullPage: false });
  await panel.close();
  await list.close();
  await options.close();
});

test('export, erase and import restore everything exactly; CSV opens with Chinese intact', async () => {
  await seedShop();
  const options = await openOptions('data');
  // Settings too, so every store has something.
  await send(options, { type: 'settings/set', settings: { shops: { taobao: { shopName: '小雨家居', signature: '阿杰' } }, defaultLanguage: 'zh-CN', retentionDays: 90 } });
  // And a staged-payment plan on one order.
  const orders0 = (await everything(options)).orders as { key: string; buyer: { nick: string } }[];
  const staged = orders0.find((o) => o.buyer.nick === '王小二')!;
  await send(options, { type: 'milestones/create', orderKey: staged.key, presetId: 'prepay_30_70' });
  const before = await everything(options);
  for (const store of STORES) expect(before[store].length, store).toBeGreaterThan(0);

  const [json] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-json').click()]);
  // Saved outside test-results/, which another Playwright run may clear meanwhile.
  const dir = mkdtempSync(join(tmpdir(), 'paynudge-backup-'));
  const jsonPath = join(dir, json.suggestedFilename());
  await json.saveAs(jsonPath);
  expect(json.suggestedFilename()).toMatch(/^paynudge-backup-.*\.json$/);
  const backup = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(backup).toMatchObject({ format: 'paynudge-backup', version: 1 });

  const [csv] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-orders-csv').click()]);
  const csvPath = join(dir, csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = bytes.toString('utf8');
  expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(before.orders.length + 1);
  expect(csvText).toContain(BEAR);
  expect(csvText).toContain(`"${'tb_<img src=x onerror=alert(1)>&""小美\''}"`);

  // The background saves the queue it read for its next start (a moment after a read with nothing written since).
  await expect.poll(savedCopies, { timeout: 20_000 }).toContain(BEAR);

  await options.getByTestId('erase').click();
  await options.getByTestId('erase-confirm').click();
  await expect(options.getByTestId('data-message')).toHaveText('所有数据已清除。');
  // Every store and every key, the background's own bookkeeping too: nothing is left.
  const empty = (await send<{ backup: { stores: Stores } }>(options, { type: 'data/export' })).backup.stores;
  for (const store of STORES) expect(empty[store], store).toEqual([]);
  expect((await send<{ problems: unknown[] }>(options, { type: 'health/get' })).problems).toEqual([]);
  // Nor any saved copy of a buyer or an order, now or once the background has read the empty store again.
  for (const text of [await savedCopies(), await options.waitForTimeout(3_000).then(savedCopies)]) {
    expect(text).not.toContain(BEAR);
    expect(text).not.toContain('王小二');
  }

  await options.getByTestId('import-file').setInputFiles(jsonPath);
  const preview = options.getByTestId('import-preview');
  await expect(preview.locator('[data-store="orders"] [data-testid="preview-new"]')).toHaveText(String(before.orders.length));
  await expect(preview.locator('[data-store="attempts"] [data-testid="preview-new"]')).toHaveText(String(before.attempts.length));
  // Nothing is written until the person confirms.
  expect((await everything(options)).orders).toEqual([]);
  await options.getByTestId('import-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('导入完成');
  expect(await everything(options)).toEqual(before);
  await options.close();
});

test('a corrupt or hostile backup is refused with a clear message and nothing changes', async () => {
  await seedShop();
  const options = await openOptions('data');
  const before = await everything(options);
  expect(before.orders.length).toBeGreaterThan(0);
  const { backup } = await send<{ backup: { stores: Stores } }>(options, { type: 'data/export' });

  await options.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"paynudge-backup","version":1,"stores":{"orders":[') });
  await expect(options.getByTestId('data-message')).toHaveText('这个文件不是有效的 JSON，没有导入任何内容。');
  await expect(options.getByTestId('import-preview')).toHaveCount(0);

  // Valid JSON, one good new order and one poisoned record: all refused.
  const orders = backup.stores.orders as Record<string, unknown>[];
  const hostile = structuredClone(backup);
  hostile.stores.orders = [
    { ...orders[0], key: 'taobao:999', orderId: '999', lastSeenAt: Date.now() + 1000 },
    { ...orders[1], amount: { minor: -1, currency: '<b>x</b>' }, lastSeenAt: Date.now() + 1000 },
  ];
  await options
    .getByTestId('import-file')
    .setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'paynudge-backup', version: 1, exportedAt: 1, stores: hostile.stores })) });
  await expect(options.getByTestId('data-message')).toContainText('备份文件内容有误（stores.orders.1.amount');
  await expect(options.getByTestId('import-preview')).toHaveCount(0);

  // Bypassing the preview changes nothing either.
  const reply = (await options.evaluate(
    (text) => chrome.runtime.sendMessage({ type: 'data/import', text }),
    JSON.stringify({ format: 'paynudge-backup', version: 1, exportedAt: 1, stores: hostile.stores }),
  )) as { ok: boolean; error?: string };
  expect(reply.ok).toBe(false);
  expect(await everything(options)).toEqual(before);
  await options.close();
});

test('settings save, the language picker switches the page, and insights chart the log', async () => {
  await seedShop();
  const options = await openOptions('settings');
  await options.getByTestId('retention-days').fill('30');
  await options.getByTestId('shop-name-taobao').fill('小雨家居旗舰店');
  await options.getByTestId('settings-save').click();
  await expect(options.getByTestId('settings-message')).toHaveText('已保存');
  await options.reload();
  await expect(options.getByTestId('retention-days')).toHaveValue('30');
  await expect(options.getByTestId('shop-name-taobao')).toHaveValue('小雨家居旗舰店');
  await expect(options.getByTestId('shortcuts')).toContainText('Alt+Shift+Y');

  await options.getByTestId('language-picker').selectOption('en');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('PayNudge settings');
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  // Keyboard: arrow keys move between the tabs.
  await options.getByTestId('tab-settings').focus();
  await options.keyboard.press('ArrowRight');
  await expect(options.getByTestId('tab-data')).toBeFocused();
  await expect(options.getByTestId('tab-data')).toHaveAttribute('aria-selected', 'true');
  await options.goto(suite.extensionUrl('options.html#settings'));
  await options.getByTestId('language-picker').selectOption('');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('PayNudge 设置');

  await options.getByTestId('tab-insights').click();
  await expect(options.getByTestId('ins-reminded')).toHaveText('1');
  await expect(options.locator('svg.chart').first()).toBeVisible();
  await options.screenshot({ path: screenshotPath('options-insights-zh-CN.png') });
  // Dark theme follows the system.
  await options.emulateMedia({ colorScheme: 'dark' });
  const bg = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
  await options.getByTestId('tab-settings').click();
  await options.screenshot({ path: screenshotPath('options-settings-dark-zh-CN.png') });
  await options.close();
});

test('a refusal from the background is shown in the language picked in the options, not the browser\'s', async () => {
  // The browser (and so the background worker) is Chinese; the person picks English, then Chinese again.
  const options = await openOptions('settings');
  const broken = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"paynudge-backup","version":1,"stores":{"orders":[') };
  try {
    await options.getByTestId('language-picker').selectOption('en');
    await expect(options.locator('html')).toHaveAttribute('lang', 'en');
    await options.getByTestId('tab-data').click();
    await options.getByTestId('import-file').setInputFiles(broken);
    await expect(options.getByTestId('data-message')).toHaveText('This file is not valid JSON. Nothing was imported.');

    await options.getByTestId('tab-settings').click();
    await options.getByTestId('language-picker').selectOption('zh-CN');
    await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await options.getByTestId('tab-data').click();
    await options.getByTestId('import-file').setInputFiles(broken);
    await expect(options.getByTestId('data-message')).toHaveText('这个文件不是有效的 JSON，没有导入任何内容。');
  } finally {
    // The choice is kept in the extension's localStorage: the other tests expect the browser's language.
    await options.evaluate(() => localStorage.removeItem('paynudge.locale'));
    await options.close();
  }
});

test('what the person types in Team before the saved settings arrive is kept, not overwritten by them', async () => {
  // A busy background answers the page's first settings request late; the person has already typed.
  const page = await suite.context.newPage();
  await holdMessages(page, 'team/get');
  await page.goto(suite.extensionUrl('options.html#team'));
  const typed = { url: 'http://127.0.0.1:5984', db: 'shop-a', user: 'wang', agent: '小王' };
  for (const [name, value] of Object.entries(typed)) await page.getByTestId(`sync-${name}`).fill(value);
  await releaseHeld(page);
  await expect.poll(() => answeredHeld(page)).toBeGreaterThan(1);
  for (const [name, value] of Object.entries(typed)) await expect(page.getByTestId(`sync-${name}`)).toHaveValue(value);
  await page.close();
});

test('the options page in English', async () => {
  const en = await launchWithExtension({ locale: 'en-US' });
  try {
    const page = await en.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(en.extensionUrl('options.html'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('PayNudge settings');
    await expect(page.getByTestId('tab-templates')).toHaveText('Templates');
    await expect(page.getByTestId('template-row').first()).toBeVisible();
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-label').fill('Gentle nudge');
    await page.getByTestId('template-language').selectOption('en');
    await page.getByTestId('template-body').fill('Hi {{buyer}}, your {{item}} is waiting. {{shop}} will ship it today once paid.');
    await expect(page.getByTestId('template-preview')).toHaveText('Hi Amy, your Cotton T-shirt, white, L is waiting. Amy Home Store will ship it today once paid.');
    await page.screenshot({ path: screenshotPath('options-templates-en.png') });
    await page.goto(en.extensionUrl('options.html#data'));
    await expect(page.getByTestId('export-json')).toHaveText('Export everything (JSON)');
    await page.screenshot({ path: screenshotPath('options-data-en.png') });
  } finally {
    await en.context.close();
  }
});
