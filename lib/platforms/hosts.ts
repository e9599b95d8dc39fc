// Every seller and chat host PayNudge reads. The content scripts' matches and
// the manifest's host permissions both come from here so they cannot drift.
// Taobao/Tmall: old sold-items list and the Qianniu web workbench (orders + chat).
export const TAOBAO_MATCHES = [
  'https://trade.taobao.com/*',
  'https://trade.tmall.com/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
] as const;

export const HOST_PERMISSIONS: string[] = [...TAOBAO_MATCHES];

/** Whether a URL is on one of the seller or chat hosts above (https only). */
export function isSellerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return HOST_PERMISSIONS.some((pattern) => {
    const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1];
    return parsed.protocol === 'https:' && parsed.host === host;
  });
}
