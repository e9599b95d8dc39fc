import { expect, test } from '@playwright/test';
import { launchWithExtension } from '../support/harness.mjs';
import { seedDatabase } from '../../bench/seed.js';

// The options page says how much room PayNudge's data takes on this
// computer, in the person's language, and the number follows the data.

async function shownBytes(page: import('@playwright/test').Page): Promise<number> {
  const size = page.getByTestId('db-size');
  await expect(size).toHaveAttribute('data-bytes', /^\d+$/);
  return Number(await size.getAttribute('data-bytes'));
}

for (const { locale, words, unit } of [
  { locale: 'zh-CN', words: /PayNudge 在这台电脑上占用约 [\d.,]+ (B|KB|MB)（浏览器最多允许 [\d.,]+ (MB|GB|TB)）/, unit: /MB/ },
  { locale: 'en-US', words: /PayNudge uses about [\d.,]+ (B|KB|MB) on this computer \(the browser allows up to [\d.,]+ (MB|GB|TB)\)/, unit: /MB/ },
]) {
  test(`options shows the database size, and it grows with a busy desk's data (${locale})`, async () => {
    test.setTimeout(180_000);
    const { context, worker, extensionUrl } = await launchWithExtension({ locale });
    try {
      const page = await context.newPage();
      await page.goto(extensionUrl('options.html#data'));
      await expect(page.getByTestId('db-size')).toHaveText(words);
      const before = await shownBytes(page);
      await worker.evaluate(seedDatabase, { orders: 5000, attempts: 20_000, now: Date.now() });
      await page.reload();
      await expect(page.getByTestId('db-size')).toHaveText(words);
      await expect(page.getByTestId('db-size')).toHaveText(unit);
      const after = await shownBytes(page);
      // 25,000 records are megabytes, not a rounding of the same number.
      expect(after - before).toBeGreaterThan(1024 * 1024);
    } finally {
      await context.close();
    }
  });
}
