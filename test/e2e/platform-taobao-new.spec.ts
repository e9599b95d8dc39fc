import { expect, test } from '@playwright/test';
import { launchWithExtension, routeSellerPages, tabIdOf } from '../support/harness.mjs';
import { TAOBAO_TP_URLS } from '../fixtures/taobao/routes.mjs';
import { usePlatformSuite } from '../support/platform-flow';

// The new Qianniu web trade platform (an SPA of Fusion tables) fills the panel like the old list.

const suite = usePlatformSuite();

const HOSTILE = `tb_<svg onload=alert(1)>"&'买家`;

test('the 待付款 tab of the trade platform populates the panel within 2 s', async () => {
  const dialogs: string[] = [];
  const page = await suite.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(TAOBAO_TP_URLS.unpaid);
  const tabId = await tabIdOf(suite.worker, TAOBAO_TP_URLS.unpaid);
  const panel = await suite.context.newPage();
  await panel.goto(suite.extensionUrl(`sidepanel.html?tabId=${tabId}`));

  const rows = panel.locator('[data-testid="order-row"][data-platform="taobao"]');
  await expect(rows).toHaveCount(3, { timeout: 2_000 });
  const trousers = panel.locator('[data-order-id="3912830471625580441"]');
  await expect(trousers).toHaveAttribute('data-buyer', HOSTILE);
  await expect(trousers).toHaveAttribute('data-amount-minor', '12800');
  await expect(trousers).toHaveAttribute('data-currency', 'CNY');
  await expect(trousers.locator('svg')).toHaveCount(0);
  await expect(panel.locator('[data-order-id="3912830471625580552"]')).toHaveAttribute('data-amount-minor', '130650');
  await expect(panel.locator('[data-order-id="3912830471625580663"]')).toHaveAttribute('data-buyer', 'Lily🌷');
  expect(dialogs).toEqual([]);

  // The 全部 tab on qn.taobao.com: paid and closed orders stay out of the panel.
  const all = await suite.context.newPage();
  await all.goto(TAOBAO_TP_URLS.all);
  await expect(all.locator('[data-fixture-order]')).toHaveCount(7);
  await panel.reload();
  await expect(rows).toHaveCount(3);
  for (const id of ['3912830471625580774', '3912830471625580996', '3912830471625580885', '3912830471625581007']) {
    await expect(panel.locator(`[data-order-id="${id}"]`)).toHaveCount(0);
  }
});

// The workbench shell shows the sold list in a same-origin iframe (PLATFORMS.md: "some panes are iframes").
// Real Chromium loads the frame from its routed URL; the adapter, bundled into the shell page, reads it.
test('the sold list inside the workbench iframe is read from the shell page', async () => {
  const { build } = await import('esbuild');
  const root = new URL('../..', import.meta.url).pathname;
  const bundle = await build({
    stdin: { contents: "import { taobaoAdapter } from './lib/platforms/taobao/adapter'; (globalThis as any).__taobao = taobaoAdapter;", resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  });
  const page = await suite.context.newPage();
  await page.goto(TAOBAO_TP_URLS.framed);
  const frame = page.frameLocator('#qn-app-frame');
  await expect(frame.locator('[data-fixture-order]')).toHaveCount(3);
  // The shell's own document has no order in it: only the frame does.
  await expect(page.locator('[data-fixture-order]')).toHaveCount(0);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const read = await page.evaluate(() => {
    const r = (globalThis as any).__taobao.readOrders(document, location.href, Date.now());
    return r && { ids: r.orders.map((o: { orderId: string }) => o.orderId), buyers: r.orders.map((o: { buyer: { nick: string } }) => o.buyer.nick), unpaidOnly: r.unpaidOnly, complete: r.complete };
  });
  expect(read).toEqual({
    ids: ['3912830471625580441', '3912830471625580552', '3912830471625580663'],
    buyers: [HOSTILE, '阳光小铺的老客', 'Lily🌷'],
    unpaidOnly: true,
    complete: true,
  });
  await page.close();
});

test('a list inside the workbench iframe reaches the panel, and its later re-render too', async () => {
  // A browser of its own: nothing else has stored these orders.
  const fresh = await launchWithExtension();
  try {
    await routeSellerPages(fresh.context);
    const page = await fresh.context.newPage();
    await page.goto(TAOBAO_TP_URLS.framed);
    const panel = await fresh.context.newPage();
    await panel.goto(fresh.extensionUrl('sidepanel.html'));
    const rows = panel.getByTestId('order-row');
    await expect(rows).toHaveCount(3, { timeout: 5_000 });
    await expect(panel.locator('[data-testid="order-row"][data-order-id="3912830471625580552"]')).toHaveAttribute('data-platform', 'taobao');
    // The frame's SPA drops a paid order from the 待付款 list: only the frame's document changes.
    await page.frameLocator('#qn-app-frame').locator('[data-fixture-order="3912830471625580552"]').evaluate((el) => el.remove());
    await expect(rows).toHaveCount(2, { timeout: 5_000 });
  } finally {
    await fresh.context.close();
  }
});
