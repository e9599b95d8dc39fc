import type { BrowserContext, Worker } from '@playwright/test';
export const EXTENSION_DIR: string;
export const URLS: { taobaoUnpaid: string; taobaoAll: string; taobaoChat: string };
export function routeSellerPages(context: BrowserContext, options?: { now?: number }): Promise<{ blocked: string[] }>;
export function launchWithExtension(options?: { headless?: boolean }): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
}>;
export function tabIdOf(worker: Worker, url: string): Promise<number | undefined>;
