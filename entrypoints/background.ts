// First: zod must know there is no eval before any schema is built (see lib/zod-jitless.ts). Without it, the
// first object schema built as the worker's modules load tries `new Function`, which the extension's policy
// refuses and reports as a CSP violation, at every start of the worker.
import '@/lib/zod-jitless';
// Then a mark that splits a waking worker's start: the script's compile and zod's own module before it, the rest
// of the modules' set-up after it (lib/background/marks.ts).
import '@/lib/background/started';
import { startBackground } from '@/lib/background/main';
import { markOnce } from '@/lib/background/marks';

// Wiring only: the background lives in lib/background/ (main.ts sets up its listeners).
export default defineBackground(() => {
  markOnce('modules');
  startBackground();
  markOnce('listening');
});
