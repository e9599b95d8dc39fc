import { runAdapter } from '@/lib/content/run';
import { PDD_MATCHES } from '@/lib/platforms/hosts';
import { pddAdapter } from '@/lib/platforms/pdd/adapter';

export default defineContentScript({
  matches: [...PDD_MATCHES],
  runAt: 'document_idle',
  // Every seller frame: a pane served by another seller host is read by the script in it (lib/content/run.ts).
  allFrames: true,
  main(ctx) {
    runAdapter(ctx, pddAdapter);
  },
});
