// The insertion into chat editors (lib/insert/insert.ts), injected into a seller frame by the background when that
// frame's content script first inserts a message (lib/content/insert-script.ts). It runs in the content script's own
// world and leaves the insertion function where the content script looks for it.
import { insertText } from '@/lib/insert/insert';
import { INSERT_GLOBAL, type InsertHost } from '@/lib/content/insert-script';

export default defineUnlistedScript(() => {
  const host = globalThis as InsertHost;
  host[INSERT_GLOBAL] ??= insertText;
});
