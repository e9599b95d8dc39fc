import { runAdapter } from '@/lib/content/run';
import { PDD_MATCHES } from '@/lib/platforms/hosts';
import { pddAdapter } from '@/lib/platforms/pdd/adapter';

export default defineContentScript({
  matches: [...PDD_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, pddAdapter);
  },
});
