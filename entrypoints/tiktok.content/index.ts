import { runAdapter } from '@/lib/content/run';
import { TIKTOK_MATCHES } from '@/lib/platforms/hosts';
import { tiktokAdapter } from '@/lib/platforms/tiktok/adapter';

export default defineContentScript({
  matches: [...TIKTOK_MATCHES],
  runAt: 'document_idle',
  // Every seller frame: a pane served by another seller host is read by the script in it (lib/content/run.ts).
  allFrames: true,
  main(ctx) {
    runAdapter(ctx, tiktokAdapter);
  },
});
