import { expect, test } from '@playwright/test';
import { chromium } from '@playwright/test';
import { ensureBrowser } from '../support/browser.mjs';
import { pageBody, ROUTES } from '../support/harness.mjs';
import * as taobao from '../../lib/platforms/taobao/selectors';
import * as pdd from '../../lib/platforms/pdd/selectors';
import * as aliexpress from '../../lib/platforms/aliexpress/selectors';
import * as tiktok from '../../lib/platforms/tiktok/selectors';
import * as alibaba from '../../lib/platforms/alibaba/selectors';
import * as shopee from '../../lib/platforms/shopee/selectors';
import { platformOfUrl } from '../../lib/platforms/hosts';

// The meta-test of the selector sets: every fallback list of every adapter is
// exercised by at least one fixture page of its platform, rendered in real
// Chromium (chat composers are drawn by their framework bundles, so a static
// parse would not see them). A list no fixture matches is a guess nobody
// has checked; it fails here until a fixture shows that markup.

const MODULES = { taobao, pdd, aliexpress, tiktok, alibaba, shopee } as const;

/** Every `{ name: string[] }` table a selectors module exports, flattened to "table.name" → selectors. */
function selectorLists(module: Record<string, unknown>): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [tableName, table] of Object.entries(module)) {
    if (!table || typeof table !== 'object' || Array.isArray(table)) continue;
    for (const [name, value] of Object.entries(table)) {
      if (Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'string')) lists[`${tableName}.${name}`] = value as string[];
    }
  }
  return lists;
}

test('every selector list of every adapter matches something on at least one of its fixture pages', async () => {
  test.setTimeout(180_000);
  const browser = await chromium.launch({ executablePath: ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  await context.route((url) => url.protocol === 'https:', async (route) => {
    const url = route.request().url();
    const match = ROUTES.filter((r) => url.startsWith(r.url)).sort((a, b) => b.url.length - a.url.length)[0];
    return match ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: await pageBody(match) }) : route.abort();
  });
  const matched = new Map<string, number>();
  const page = await context.newPage();
  for (const route of ROUTES) {
    const platform = platformOfUrl(route.url);
    if (!platform) continue;
    const lists = selectorLists(MODULES[platform] as Record<string, unknown>);
    await page.goto(route.url);
    await page.waitForTimeout(route.bundle ? 400 : 50);
    const counts = await page.evaluate((all) => {
      const docs: Document[] = [document];
      for (const frame of document.querySelectorAll('iframe')) {
        try {
          if (frame.contentDocument) docs.push(frame.contentDocument);
        } catch {
          // cross-origin
        }
      }
      return Object.fromEntries(
        Object.entries(all).map(([name, selectors]) => [
          name,
          selectors.reduce((sum, s) => {
            try {
              return sum + docs.reduce((n, d) => n + d.querySelectorAll(s).length, 0);
            } catch {
              return sum;
            }
          }, 0),
        ]),
      );
    }, lists);
    for (const [name, count] of Object.entries(counts)) {
      const key = `${platform}: ${name}`;
      matched.set(key, (matched.get(key) ?? 0) + count);
    }
  }
  await browser.close();
  const unmatched = [...matched].filter(([, count]) => count === 0).map(([name]) => name);
  expect(unmatched, 'selector lists no fixture page exercises').toEqual([]);
  // Every platform's selectors were looked at on at least one page.
  expect(new Set([...matched.keys()].map((k) => k.split(':')[0]))).toEqual(new Set(Object.keys(MODULES)));
});
