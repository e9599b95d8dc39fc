import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/drift/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'test/support/fuzz.ts', 'test/support/readers.ts'],
    // `npm run fuzz` runs every property many times over (test/support/fuzz.ts).
    testTimeout: process.env.PAYNUDGE_FUZZ ? 3_600_000 : 5_000,
    environment: 'node',
  },
});
