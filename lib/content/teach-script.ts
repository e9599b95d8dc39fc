// Teaching's page side is a script of its own (entrypoints/teach.ts), put into a frame only when the person starts
// teaching it: the content script of every seller page stays smaller by the picker and the recipe builder.
import { injectScript } from './inject';
import type { teachSession } from './teach';

/** Where the injected script leaves the session maker, in the frame's content-script world. */
export const TEACH_GLOBAL = '__payNudgeTeach';
export type TeachHost = { [TEACH_GLOBAL]?: typeof teachSession };
/** The injected script's path in the extension (WXT builds an unlisted script to the root). */
export const TEACH_SCRIPT = '/teach.js';

/** Puts the teaching script into a frame of a tab (see injectScript). */
export function loadTeachScript(tabId: number, frameId: number): Promise<boolean> {
  return injectScript(tabId, frameId, TEACH_SCRIPT);
}
