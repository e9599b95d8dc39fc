// Long work in the worker (the recount of a big shop's attempts after an import: minutes) outlives the
// 30 s the browser gives an MV3 service worker without extension events or API calls; stopped, the next
// worker starts it again from the beginning. While such work runs, a cheap extension API call every
// 20 s tells the browser the worker is busy. Nothing leaves the browser.
import { browser } from 'wxt/browser';

export const KEEP_AWAKE_MS = 20_000;

/** `work`, with the worker kept running until it settles. */
export async function keptAwake<T>(work: Promise<T>, ping: () => Promise<unknown> = () => browser.runtime.getPlatformInfo()): Promise<T> {
  const timer = setInterval(() => void ping().catch(() => undefined), KEEP_AWAKE_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
