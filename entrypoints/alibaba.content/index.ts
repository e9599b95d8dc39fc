import { runAdapter } from '@/lib/content/run';
import { ALIBABA_MATCHES } from '@/lib/platforms/hosts';
import { alibabaAdapter } from '@/lib/platforms/alibaba/adapter';

export default defineContentScript({
  matches: [...ALIBABA_MATCHES],
  runAt: 'document_idle',
  // Every seller frame: a pane served by another seller host is read by the script in it (lib/content/run.ts).
  allFrames: true,
  main(ctx) {
    runAdapter(ctx, alibabaAdapter);
  },
});
