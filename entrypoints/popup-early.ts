// The popup's first script (popup/index.html loads it in its head, before the
// page's modules): sends the popup's request at once, so the background works
// on it while the page loads, and paints the numbers of the reply before React
// runs (components/popup/first-paint.ts). A plain script, not a module, so it
// runs as soon as it is read; it sends only the request the popup sends.
import { startEarly } from '@/components/popup/first-paint';
import { pickLocale } from '@/lib/i18n/locale';

export default defineUnlistedScript(() => {
  // Firefox's promise-based `browser` first; Chrome's `chrome` returns promises too.
  type Runtime = { runtime?: { sendMessage?: (message: unknown) => Promise<unknown> } };
  const api = (globalThis as { browser?: Runtime }).browser ?? (globalThis as { chrome?: Runtime }).chrome;
  // No runtime (opened outside the extension): the popup asks itself.
  const sendMessage = api?.runtime?.sendMessage?.bind(api.runtime);
  if (!sendMessage) return;
  startEarly(() => Promise.resolve(sendMessage({ type: 'popup/summary' })), pickLocale);
});
