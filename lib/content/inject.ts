// Code a seller frame gets only when it needs it: teaching's picker and recipe builder (entrypoints/teach.ts), and
// the insertion into chat editors (entrypoints/insert.ts). Every seller page's content script stays smaller by them.
import { browser } from 'wxt/browser';

type Scripting = { executeScript(details: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
type TabsV2 = { executeScript?(tabId: number, details: { file: string; frameId: number }): Promise<unknown> };

/**
 * Runs one of the extension's unlisted scripts (`file`, its path in the extension) in a frame of a tab, in the
 * content scripts' world: Chrome's scripting API, else Firefox's tabs.executeScript. The scripts are written so
 * that running twice changes nothing. False when the frame cannot take it (closed, navigated away, not a seller page:
 * the extension may run scripts on the seller hosts alone).
 */
export async function injectScript(tabId: number, frameId: number, file: string): Promise<boolean> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  try {
    if (scripting) await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    else {
      const tabs = browser.tabs as unknown as TabsV2;
      if (!tabs.executeScript) return false;
      await tabs.executeScript(tabId, { file, frameId });
    }
    return true;
  } catch {
    return false;
  }
}
