// Every platform's adapter by its name, for the tests that read every platform's pages (the content scripts each
// bundle their own adapter alone).
import type { PlatformAdapter } from '../../lib/platforms/types';
import { taobaoAdapter } from '../../lib/platforms/taobao/adapter';
import { pddAdapter } from '../../lib/platforms/pdd/adapter';
import { aliexpressAdapter } from '../../lib/platforms/aliexpress/adapter';
import { tiktokAdapter } from '../../lib/platforms/tiktok/adapter';
import { alibabaAdapter } from '../../lib/platforms/alibaba/adapter';
import { shopeeAdapter } from '../../lib/platforms/shopee/adapter';

export const ADAPTERS: Readonly<Record<string, PlatformAdapter>> = {
  taobao: taobaoAdapter,
  pdd: pddAdapter,
  aliexpress: aliexpressAdapter,
  tiktok: tiktokAdapter,
  alibaba: alibabaAdapter,
  shopee: shopeeAdapter,
};
