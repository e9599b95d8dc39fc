// Teaching's page side is a script of its own (entrypoints/teach.ts), put into a frame only when the person starts
// teaching it: the content script of every seller page stays smaller by the picker and the recipe builder.
import { browser } from 'wxt/browser';
import type { teachSession } from './teach';

/** Where the injected script leaves the session maker, in the frame's content-script world. */
export const TEACH_GLOBAL = '__payNudgeTeach';
export type TeachHost = { [TEACH_GLOBAL]?: typeof teachSession };
/** The injected script's path in the extension (WXT builds an unlisted script to the root). */
export const TEACH_SCRIPT = '/teach.js';

type Scripting = { executeScript(details: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
type TabsV2 = { executeScript?(tabId: number, details: { file: string; frameId: number }): Promise<unknown> };

/**
 * Puts the teaching script into a frame of a tab (Chrome's scripting API, else Firefox's tabs.executeScript). Running
 * it twice changes nothing. False when the frame cannot take it (closed, navigated away, not a seller page).
 */
export async function loadTeachScript(tabId: number, frameId: number): Promise<boolean> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  try {
    if (scripting) await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [TEACH_SCRIPT] });
    else {
      const tabs = browser.tabs as unknown as TabsV2;
      if (!tabs.executeScript) return false;
      await tabs.executeScript(tabId, { file: TEACH_SCRIPT, frameId });
    }
    return true;
  } catch {
    return false;
  }
}
