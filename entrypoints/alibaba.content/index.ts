import { runAdapter } from '@/lib/content/run';
import { ALIBABA_MATCHES } from '@/lib/platforms/hosts';
import { alibabaAdapter } from '@/lib/platforms/alibaba/adapter';

export default defineContentScript({
  matches: [...ALIBABA_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, alibabaAdapter);
  },
});
