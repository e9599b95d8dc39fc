// `npm run demo`: the built extension in Chromium with the demo seller pages
// of every marketplace (unpaid order lists of Taobao/Tmall old and new,
// Pinduoduo, AliExpress, TikTok Shop, Alibaba.com and Shopee, and a
// Qianniu-style chat) served at their real URLs. With a display it opens a window to try things by hand; without one
// it runs headless, walks the main path and saves screenshots to artifacts/.
import { mkdirSync } from 'node:fs';
import { ensureCjkFont } from './browser.mjs';
import { launchWithExtension, routeSellerPages, tabIdOf, URLS } from './harness.mjs';
import { TAOBAO_TP_URLS } from '../fixtures/taobao/routes.mjs';
import { PDD_URLS } from '../fixtures/pdd/routes.mjs';
import { AE_URLS } from '../fixtures/aliexpress/routes.mjs';
import { TT_URLS } from '../fixtures/tiktok/routes.mjs';
import { ALIBABA_URLS } from '../fixtures/alibaba/routes.mjs';
import { SHOPEE_URLS } from '../fixtures/shopee/routes.mjs';

const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless) ensureCjkFont();

const { context, worker, extensionUrl } = await launchWithExtension({ headless });
await routeSellerPages(context);

const list = context.pages()[0] ?? (await context.newPage());
await list.goto(URLS.taobaoUnpaid);
// One unpaid list per marketplace, each in its own tab, as a seller with several shops has them.
for (const url of [TAOBAO_TP_URLS.unpaid, PDD_URLS.unpaid, AE_URLS.listZh, TT_URLS.listUs, ALIBABA_URLS.unpaid, SHOPEE_URLS.vnUnpaid]) {
  const tab = await context.newPage();
  await tab.goto(url);
}
const chat = await context.newPage();
await chat.goto(URLS.taobaoChat);
const chatTab = await tabIdOf(worker, URLS.taobaoChat);

const panel = await context.newPage();
await panel.setViewportSize({ width: 420, height: 900 });
await panel.goto(extensionUrl(`sidepanel.html?tabId=${chatTab}`));
await panel.getByTestId('order-row').first().waitFor({ timeout: 10_000 });

if (!headless) {
  console.log(
    '[paynudge] Demo running. The side panel is open as a tab bound to the chat page;\n' +
      '  the toolbar icon opens the popup and the real side panel. Close the browser to stop.',
  );
  await new Promise((resolve) => context.on('close', resolve));
  process.exit(0);
}

mkdirSync('artifacts', { recursive: true });
await panel.getByTestId('order-row').first().click();
await panel.getByTestId('suggestion').first().waitFor();
await panel.getByTestId('insert-button').first().click();
await panel.getByTestId('attempt-row').first().waitFor();
await panel.screenshot({ path: 'artifacts/panel.png', fullPage: true });
await chat.screenshot({ path: 'artifacts/chat.png' });

const popup = await context.newPage();
await popup.setViewportSize({ width: 360, height: 640 });
await popup.goto(extensionUrl('popup.html'));
await popup.getByTestId('unpaid-count').waitFor();
await popup.screenshot({ path: 'artifacts/popup.png' });

console.log('[paynudge] No display: ran headless and saved artifacts/panel.png, artifacts/popup.png and artifacts/chat.png');
await context.close();
