// `npm run demo`: the built extension in Chromium with the demo seller pages
// (Taobao sold-items list and a Qianniu-style chat) served at their real
// URLs. With a display it opens a window to try things by hand; without one
// it runs headless, walks the main path and saves screenshots to artifacts/.
import { mkdirSync } from 'node:fs';
import { ensureCjkFont } from './browser.mjs';
import { launchWithExtension, routeSellerPages, tabIdOf, URLS } from './harness.mjs';

const headless = process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless) ensureCjkFont();

const { context, worker, extensionUrl } = await launchWithExtension({ headless });
await routeSellerPages(context);

const list = context.pages()[0] ?? (await context.newPage());
await list.goto(URLS.taobaoUnpaid);
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
await popup.setViewportSize({ width: 320, height: 240 });
await popup.goto(extensionUrl('popup.html'));
await popup.getByTestId('unpaid-count').waitFor();
await popup.screenshot({ path: 'artifacts/popup.png' });

console.log('[paynudge] No display: ran headless and saved artifacts/panel.png, artifacts/popup.png and artifacts/chat.png');
await context.close();
