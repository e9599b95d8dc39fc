import { runAdapter } from '@/lib/content/run';
import { SHOPEE_MATCHES } from '@/lib/platforms/hosts';
import { shopeeAdapter } from '@/lib/platforms/shopee/adapter';

export default defineContentScript({
  matches: [...SHOPEE_MATCHES],
  runAt: 'document_idle',
  // Every seller frame: a pane served by another seller host is read by the script in it (lib/content/run.ts).
  allFrames: true,
  main(ctx) {
    runAdapter(ctx, shopeeAdapter);
  },
});
