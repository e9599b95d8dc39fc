import { runAdapter } from '@/lib/content/run';
import { SHOPEE_MATCHES } from '@/lib/platforms/hosts';
import { shopeeAdapter } from '@/lib/platforms/shopee/adapter';

export default defineContentScript({
  matches: [...SHOPEE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, shopeeAdapter);
  },
});
