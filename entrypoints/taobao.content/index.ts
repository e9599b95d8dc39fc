import { runAdapter } from '@/lib/content/run';
import { TAOBAO_MATCHES } from '@/lib/platforms/hosts';
import { taobaoAdapter } from '@/lib/platforms/taobao/adapter';

export default defineContentScript({
  matches: [...TAOBAO_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, taobaoAdapter);
  },
});
