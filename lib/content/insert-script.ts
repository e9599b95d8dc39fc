// Insertion into the chat editors (lib/insert/insert.ts) is a script of its own (entrypoints/insert.ts), put into a
// seller frame the first time the person inserts a message there: most page loads never insert, and the content
// script every seller page loads stays smaller by it. The content script asks the background for it ('script/load');
// the background may run scripts on the seller hosts only.
import type { insertText } from '../insert/insert';

/** Where the injected script leaves the insertion function, in the frame's content-script world. */
export const INSERT_GLOBAL = '__payNudgeInsert';
export type InsertHost = { [INSERT_GLOBAL]?: typeof insertText };
/** The injected script's path in the extension (WXT builds an unlisted script to the root). */
export const INSERT_SCRIPT = '/insert.js';
