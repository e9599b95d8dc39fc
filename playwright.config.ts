import { defineConfig } from '@playwright/test';

// The extension is loaded into a persistent Chromium context per test file
// (see test/support/harness.mjs); one worker keeps a 2-core machine calm.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 5_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
