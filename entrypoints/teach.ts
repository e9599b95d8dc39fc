// The page side of teaching (the picker and the recipe builder, lib/content/teach.ts), injected into a seller frame
// by the panel when the person starts teaching it (lib/content/teach-script.ts): most sellers never teach a page, so
// the content script every seller page loads does not carry it. It runs in the content script's own world and
// leaves the session maker where the content script looks for it.
import { teachSession } from '@/lib/content/teach';
import { TEACH_GLOBAL, type TeachHost } from '@/lib/content/teach-script';

export default defineUnlistedScript(() => {
  const host = globalThis as TeachHost;
  host[TEACH_GLOBAL] ??= teachSession;
});
