// Bundled into a plain page by bench/run.mjs: every adapter, reachable from
// page scripts, so reading speed is measured in real Chromium on real DOM.
import { taobaoAdapter } from '../lib/platforms/taobao/adapter';
import { pddAdapter } from '../lib/platforms/pdd/adapter';
import { aliexpressAdapter } from '../lib/platforms/aliexpress/adapter';
import { tiktokAdapter } from '../lib/platforms/tiktok/adapter';
import { alibabaAdapter } from '../lib/platforms/alibaba/adapter';
import { shopeeAdapter } from '../lib/platforms/shopee/adapter';
import { readByStructure } from '../lib/platforms/structure/reader';
import { readPage } from '../lib/platforms/read';
import { rereadTouched, touchedBlocks, trackRead } from '../lib/platforms/reread';

(globalThis as unknown as { __adapters: unknown }).__adapters = {
  taobao: taobaoAdapter,
  pdd: pddAdapter,
  aliexpress: aliexpressAdapter,
  tiktok: tiktokAdapter,
  alibaba: alibabaAdapter,
  shopee: shopeeAdapter,
};

// The content-first reader, timed on the same grown pages (see grow.js).
(globalThis as unknown as { __structure: unknown }).__structure = readByStructure;

// Full reads with their blocks noted, and the reread of only the blocks a change touched (see reread.js).
(globalThis as unknown as { __reread: unknown }).__reread = { readPage, trackRead, touchedBlocks, rereadTouched };
