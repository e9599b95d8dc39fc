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
