import type { BrowserContext, Worker } from '@playwright/test';
export interface FixtureRoute {
  /** Prefix of the real URL the page is served at. */
  url: string;
  /** HTML file under test/fixtures. */
  file: string;
  /** A .tsx under test/fixtures, bundled into the page at its /*BUNDLE*\/ marker. */
  bundle?: string;
}
export const EXTENSION_DIR: string;
export const URLS: { taobaoUnpaid: string; taobaoAll: string; taobaoChat: string };
export const ROUTES: FixtureRoute[];
export function routeFor(url: string, routes?: FixtureRoute[]): FixtureRoute | undefined;
export function pageBody(route: FixtureRoute, now?: number): Promise<string>;
export function routeSellerPages(context: BrowserContext, options?: { now?: number; extra?: FixtureRoute[] }): Promise<{ blocked: string[] }>;
export function launchWithExtension(options?: { headless?: boolean; locale?: string }): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
}>;
export function tabIdOf(worker: Worker, url: string): Promise<number | undefined>;
/** Where an e2e screenshot goes: test-results/screenshots/, or test/screenshots/ with PAYNUDGE_SCREENSHOTS=update. */
export function screenshotPath(name: string): string;
