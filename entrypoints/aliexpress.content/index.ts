import { runAdapter } from '@/lib/content/run';
import { ALIEXPRESS_MATCHES } from '@/lib/platforms/hosts';
import { aliexpressAdapter } from '@/lib/platforms/aliexpress/adapter';

export default defineContentScript({
  matches: [...ALIEXPRESS_MATCHES],
  runAt: 'document_idle',
  // Every seller frame: a pane served by another seller host is read by the script in it (lib/content/run.ts).
  allFrames: true,
  main(ctx) {
    runAdapter(ctx, aliexpressAdapter);
  },
});
