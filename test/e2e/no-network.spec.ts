import { expect, test } from '@playwright/test';
import { launchWithExtension, routeSellerPages } from '../support/harness.mjs';

// The shared check every spec gets from launchWithExtension: a request from an extension context fails the
// spec when its context closes. Here the service worker is made to ask for something, and the close must fail.
test('a network request from the service worker fails the spec that let it happen', async () => {
  const { context, worker } = await launchWithExtension();
  await routeSellerPages(context);
  await worker.evaluate(() => fetch('https://analytics.example.com/collect?buyer=x').catch(() => undefined));
  await expect.poll(() => (context as unknown as { extensionRequests: string[] }).extensionRequests.length).toBeGreaterThan(0);
  await expect(context.close()).rejects.toThrow('an extension context made network requests: https://analytics.example.com/collect?buyer=x');
});
