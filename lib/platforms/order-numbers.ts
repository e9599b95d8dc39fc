import type { Platform } from '../orders/model';

/**
 * Order numbers in each platform's public format (PLATFORMS.md, "What
 * survives a redesign"), as whole tokens of page text. Shorter digit runs on
 * the same pages (item ids, seller ids, phone numbers) are left out by length.
 */
export const ORDER_NUMBER: Readonly<Record<Exclude<Platform, 'manual'>, RegExp>> = {
  taobao: /(?<![\dA-Za-z])\d{18,19}(?![\dA-Za-z])/g,
  pdd: /(?<![\dA-Za-z-])\d{6}-\d{15}(?![\dA-Za-z])/g,
  aliexpress: /(?<![\dA-Za-z])\d{16}(?![\dA-Za-z])/g,
  tiktok: /(?<![\dA-Za-z])\d{18,19}(?![\dA-Za-z])/g,
  alibaba: /(?<![\dA-Za-z])\d{16,18}(?![\dA-Za-z])/g,
  shopee: /(?<![\dA-Za-z])\d{6}(?=[A-Z0-9]{0,7}[A-Z])[A-Z0-9]{8}(?![\dA-Za-z])/g,
};
