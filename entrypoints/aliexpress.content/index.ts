import { runAdapter } from '@/lib/content/run';
import { ALIEXPRESS_MATCHES } from '@/lib/platforms/hosts';
import { aliexpressAdapter } from '@/lib/platforms/aliexpress/adapter';

export default defineContentScript({
  matches: [...ALIEXPRESS_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, aliexpressAdapter);
  },
});
