// Broadcasts from the background to extension pages, in a module of their
// own (no schemas, no zod) so a page as small as the popup can listen for
// them without loading the whole protocol. Re-exported by ./protocol.ts.

/** Stored data changed: open pages ask again. */
export const DB_CHANGED = 'db/changed';
