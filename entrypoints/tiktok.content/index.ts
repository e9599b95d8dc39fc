import { runAdapter } from '@/lib/content/run';
import { TIKTOK_MATCHES } from '@/lib/platforms/hosts';
import { tiktokAdapter } from '@/lib/platforms/tiktok/adapter';

export default defineContentScript({
  matches: [...TIKTOK_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, tiktokAdapter);
  },
});
