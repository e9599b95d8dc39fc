import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// What differs between the Chrome and Firefox builds is decided by the
// manifest function in wxt.config.ts; WXT turns the sidepanel entrypoint into
// Chrome's side_panel or Firefox's sidebar_action.

type Manifest = Record<string, unknown> & { permissions?: string[]; default_locale?: string; browser_specific_settings?: { gecko?: { id?: string } } };

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const fn = config.manifest as (env: object) => Manifest | Promise<Manifest>;
  return fn({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
}

const root = resolve(__dirname, '../..');
function localeKeys(): Record<string, string[]> {
  const dir = resolve(root, 'locales');
  return Object.fromEntries(
    readdirSync(dir).map((f) => [f.replace(/\.ya?ml$/, ''), [...readFileSync(resolve(dir, f), 'utf8').matchAll(/^(\w+):/gm)].map((m) => m[1]!).sort()]),
  );
}

describe('browser manifests', () => {
  it('asks Chrome for the side panel and gives Firefox a fixed add-on id without it', async () => {
    const chrome = await manifestFor('chrome');
    const firefox = await manifestFor('firefox');
    expect(chrome.permissions).toContain('sidePanel');
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    // Otherwise the same: Firefox never asks for more, and only drops what it does not need
    // (scripting re-injects content scripts after an update; Firefox does that itself).
    const chromeOnly = chrome.permissions!.filter((p) => !firefox.permissions!.includes(p));
    expect(firefox.permissions!.filter((p) => !chrome.permissions!.includes(p))).toEqual([]);
    expect(chromeOnly.filter((p) => !['sidePanel', 'scripting'].includes(p))).toEqual([]);
  });

  it('takes its name and description from _locales in zh_CN, zh_TW and en', async () => {
    const manifest = await manifestFor('chrome');
    const keys = localeKeys();
    expect(Object.keys(keys).sort()).toEqual(['en', 'zh_CN', 'zh_TW']);
    expect(manifest.default_locale).toBe('en');
    expect(keys.zh_CN).toEqual(keys.en);
    expect(keys.zh_TW).toEqual(keys.en);
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThanOrEqual(2);
    for (const key of used) expect(keys.en).toContain(key);
  });
});
