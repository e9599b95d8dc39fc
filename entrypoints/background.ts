// First: zod must know there is no eval before any schema is built (see lib/zod-jitless.ts). Without it, the
// first object schema built as the worker's modules load tries `new Function`, which the extension's policy
// refuses and reports as a CSP violation, at every start of the worker.
import '@/lib/zod-jitless';
import { startBackground } from '@/lib/background/main';

// Wiring only: the background lives in lib/background/ (main.ts sets up its listeners).
export default defineBackground(() => {
  startBackground();
});
