// Every seller and chat host PayNudge reads. The content scripts' matches and
// the manifest's host permissions both come from here so they cannot drift.
// Chrome match patterns cannot wildcard a TLD, so regional hosts are listed.
import type { Platform } from '../orders/model';

// Taobao/Tmall: old sold-items list and the Qianniu web workbench (new trade platform + chat).
export const TAOBAO_MATCHES = [
  'https://trade.taobao.com/*',
  'https://trade.tmall.com/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
] as const;

// Pinduoduo merchant backend: orders and chat-merchant on one host.
export const PDD_MATCHES = ['https://mms.pinduoduo.com/*'] as const;

// AliExpress seller centres (order-manage on csp and gsp; im-chat on gsp).
export const ALIEXPRESS_MATCHES = ['https://csp.aliexpress.com/*', 'https://gsp.aliexpress.com/*'] as const;

// TikTok Shop seller centre: global host plus regional hosts (orders and /chat).
export const TIKTOK_MATCHES = [
  'https://seller.tiktokglobalshop.com/*',
  'https://seller-us.tiktok.com/*',
  'https://seller-uk.tiktok.com/*',
  'https://seller-br.tiktok.com/*',
  'https://seller-vn.tiktok.com/*',
  'https://seller-my.tiktok.com/*',
  'https://seller-th.tiktok.com/*',
  'https://seller-ph.tiktok.com/*',
  'https://seller-sg.tiktok.com/*',
  'https://seller-mx.tiktok.com/*',
  'https://seller-es.tiktok.com/*',
  'https://seller-de.tiktok.com/*',
  'https://seller-fr.tiktok.com/*',
  'https://seller-it.tiktok.com/*',
  'https://seller-jp.tiktok.com/*',
  'https://seller-id.tokopedia.com/*',
] as const;

// Alibaba.com: Trade Assurance orders and the two messenger hosts.
export const ALIBABA_MATCHES = [
  'https://biz.alibaba.com/*',
  'https://message.alibaba.com/*',
  'https://onetalk.alibaba.com/*',
] as const;

// Shopee seller centre on its regional hosts (Vietnam's is banhang.shopee.vn).
export const SHOPEE_MATCHES = [
  'https://banhang.shopee.vn/*',
  'https://seller.shopee.cn/*',
  'https://seller.shopee.co.id/*',
  'https://seller.shopee.com.my/*',
  'https://seller.shopee.ph/*',
  'https://seller.shopee.sg/*',
  'https://seller.shopee.co.th/*',
  'https://seller.shopee.tw/*',
  'https://seller.shopee.com.br/*',
  'https://seller.shopee.com.mx/*',
  'https://seller.shopee.com.co/*',
  'https://seller.shopee.cl/*',
] as const;

export const MATCHES_BY_PLATFORM: Readonly<Record<Exclude<Platform, 'manual'>, readonly string[]>> = {
  taobao: TAOBAO_MATCHES,
  pdd: PDD_MATCHES,
  aliexpress: ALIEXPRESS_MATCHES,
  tiktok: TIKTOK_MATCHES,
  alibaba: ALIBABA_MATCHES,
  shopee: SHOPEE_MATCHES,
};

export const HOST_PERMISSIONS: string[] = Object.values(MATCHES_BY_PLATFORM).flat();

const hostOf = (pattern: string) => /^https:\/\/([^/]+)\//.exec(pattern)?.[1];

/** The platform whose seller or chat host serves a URL (https only). */
export function platformOfUrl(url: string): Exclude<Platform, 'manual'> | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  for (const [platform, patterns] of Object.entries(MATCHES_BY_PLATFORM)) {
    if (patterns.some((p) => hostOf(p) === parsed.host)) return platform as Exclude<Platform, 'manual'>;
  }
  return undefined;
}

/** Whether a URL is on one of the seller or chat hosts above (https only). */
export function isSellerUrl(url: string): boolean {
  return platformOfUrl(url) !== undefined;
}
