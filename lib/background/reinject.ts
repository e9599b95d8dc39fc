import { browser } from 'wxt/browser';

/**
 * After an update or reload, Chrome leaves the old content scripts orphaned
 * in open seller tabs (they stop themselves: "Extension context
 * invalidated"). Injecting the new ones there lets them take over at once,
 * without the seller reloading 300 orders' worth of tabs.
 */
export async function reinjectContentScripts(): Promise<number> {
  const scripting = (browser as unknown as { scripting?: { executeScript(details: { target: { tabId: number; allFrames?: boolean }; files: string[] }): Promise<unknown> } }).scripting;
  if (!scripting) return 0;
  let injected = 0;
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    if (!script.js?.length || !script.matches?.length) continue;
    const tabs = await browser.tabs.query({ url: script.matches });
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined || tab.discarded) return;
        try {
          await scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: script.js! });
          injected++;
        } catch {
          // A tab still loading or showing an error page: its own load injects the script.
        }
      }),
    );
  }
  return injected;
}

/**
 * The frames of a tab our content scripts may run in: a no-op run in every frame of the tab, which Chrome runs only
 * in the frames of hosts the extension may read (the seller hosts). Nothing where scripting is unavailable (Firefox).
 */
export async function listSellerFrames(tabId: number): Promise<number[]> {
  const scripting = (browser as unknown as { scripting?: { executeScript(details: { target: { tabId: number; allFrames: boolean }; func: () => boolean }): Promise<{ frameId: number }[]> } }).scripting;
  if (!scripting) return [];
  const results = await scripting.executeScript({ target: { tabId, allFrames: true }, func: () => true });
  return results.map((r) => r.frameId).filter((f) => f !== 0);
}
