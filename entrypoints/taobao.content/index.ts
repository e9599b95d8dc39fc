import { runAdapter } from '@/lib/content/run';
import { TAOBAO_MATCHES } from '@/lib/platforms/hosts';
import { taobaoAdapter } from '@/lib/platforms/taobao/adapter';

export default defineContentScript({
  matches: [...TAOBAO_MATCHES],
  runAt: 'document_idle',
  // Every seller frame: a pane served by another seller host is read by the script in it (lib/content/run.ts).
  allFrames: true,
  main(ctx) {
    runAdapter(ctx, taobaoAdapter);
  },
});
