// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../test/support/fixtures.mjs';
import { createBackground, type SenderInfo } from './service';
import { testDeps } from '@/test/support/background-deps';
import { freshDb } from '@/test/support/db';
import { STORE_NAMES } from '../backup/format';
import { RecipeSchema, recipeKey } from '../messaging/recipes';
import { parseContentRequest } from '../messaging/content';
import { buildRecipe, checkPick } from '../platforms/recipe/build';
import { parseRecipe } from '../platforms/recipe/check';
import { readPage } from '../platforms/read';
import { taobaoAdapter } from '../platforms/taobao/adapter';
import { HealthRegistry } from './platforms';
import { setLocale } from '../i18n';
import { RECIPE_PLATFORMS, type Recipe } from '../platforms/recipe/types';
import { PLATFORMS } from '../orders/model';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const PAGE = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitBuyerPay';
const CONTENT: SenderInfo = { id: 'ext', url: PAGE, tab: { id: 7 } };
const OTHER_PAGE: SenderInfo = { id: 'ext', url: 'https://mms.pinduoduo.com/orders/list', tab: { id: 8 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };

const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/taobao', file), 'utf8');
const UNKNOWN = renderFixture(raw('trade-platform-unknown.html'), NOW);
const UNKNOWN2 = renderFixture(raw('trade-platform-unknown2.html'), NOW);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function taught(id = 'r1', createdAt = NOW): Recipe {
  const doc = parse(UNKNOWN);
  const card = doc.querySelector('[data-fixture-order="3912830471625580552"]')!;
  const pick = (field: 'orderId' | 'total' | 'buyer', sel: string) => {
    const r = checkPick(field, card.querySelector(sel)!, 'taobao', NOW);
    if (!r.ok) throw new Error(r.error);
    return r.pick;
  };
  const built = buildRecipe(doc, { orderId: pick('orderId', '.ord-k3--no--3Bb4c'), total: pick('total', 'b'), buyer: pick('buyer', '.ord-k3--nick--0Ii1j') }, { platform: 'taobao', href: PAGE, now: createdAt, id });
  if (!built.ok) throw new Error(built.error);
  return built.recipe;
}

async function harness() {
  setLocale('en');
  const db = await freshDb('recipes');
  const askTab = vi.fn(async () => ({ count: 1 }));
  const deps = testDeps(async () => db, () => NOW, { askTab: askTab as never, tabUrl: async (id) => (id === 7 ? PAGE : undefined) });
  const bg = createBackground(deps);
  const send = (message: object, sender: SenderInfo = PANEL) => bg.handle(message, sender);
  async function ask<T>(message: object, sender: SenderInfo = PANEL): Promise<T> {
    const reply = await send(message, sender);
    if (!reply?.ok) throw new Error(reply ? JSON.stringify(reply.error) : "no reply");
    return reply.data as T;
  }
  return { db, deps, askTab, send, ask };
}

describe('recipe messages', () => {
  it('the zod schema and the content script check agree on what a recipe is', () => {
    const recipe = taught();
    expect(RecipeSchema.safeParse(recipe).success).toBe(true);
    const spoilt: unknown[] = [
      { ...recipe, extra: 1 },
      { ...recipe, platform: 'manual' },
      { ...recipe, block: { ...recipe.block, tag: 'DIV X' } },
      { ...recipe, fields: { ...recipe.fields, total: { ...recipe.fields.total, path: [{ tag: 'b', index: -1 }] } } },
      { ...recipe, fields: { ...recipe.fields, buyer: undefined } },
      { ...recipe, fields: { ...recipe.fields, total: { ...recipe.fields.total, path: [{ tag: 'b', index: 0, attrs: { onclick: 'x' } }] } } },
      { ...recipe, idShape: '(.*)+' },
      { ...recipe, id: '../../x' },
    ];
    for (const bad of spoilt) {
      expect(RecipeSchema.safeParse(bad).success).toBe(false);
      expect(parseRecipe(JSON.parse(JSON.stringify(bad)))).toBeUndefined();
    }
  });

  it('saves from the panel, gives a content script only its own page’s recipes, and hands a saved recipe to the tab', async () => {
    const h = await harness();
    const recipe = taught();
    expect(await h.ask({ type: 'recipe/save', recipe, tabId: 7 })).toMatchObject({ recipe: { id: 'r1', fields: ['orderId', 'total', 'buyer'] }, replaced: 0 });
    expect(h.askTab).toHaveBeenCalledWith(7, 'recipes/use', { recipes: [recipe] });
    expect(h.deps.changed).toHaveBeenCalled();
    expect(await h.ask({ type: 'recipes/get' }, CONTENT)).toEqual({ recipes: [recipe] });
    // Another page (and another platform) gets nothing, whatever it asks.
    expect(await h.ask({ type: 'recipes/get' }, OTHER_PAGE)).toEqual({ recipes: [] });
    expect(await h.send({ type: 'recipes/get', url: PAGE }, OTHER_PAGE)).toBeUndefined();
  });

  it('refuses what each side may not send: a content script cannot save or delete, the panel cannot ask as a page', async () => {
    const h = await harness();
    const recipe = taught();
    expect(await h.send({ type: 'recipe/save', recipe }, CONTENT)).toBeUndefined();
    expect(await h.send({ type: 'recipe/delete', id: 'r1' }, CONTENT)).toBeUndefined();
    expect(await h.send({ type: 'recipes/get' }, PANEL)).toBeUndefined();
    // A hostile recipe from the panel's side is dropped unanswered and stores nothing.
    expect(await h.send({ type: 'recipe/save', recipe: { ...recipe, block: { ...recipe.block, tag: '<img onerror>' } } })).toBeUndefined();
    expect(await h.db.count('settings')).toBe(0);
  });

  it('teaching a page again replaces its recipe; delete removes it', async () => {
    const h = await harness();
    await h.ask({ type: 'recipe/save', recipe: taught('r1', NOW) });
    expect(await h.ask({ type: 'recipe/save', recipe: taught('r2', NOW + 1000) })).toMatchObject({ replaced: 1 });
    expect((await h.ask<{ recipes: { id: string }[] }>({ type: 'recipes/list' })).recipes.map((r) => r.id)).toEqual(['r2']);
    await h.ask({ type: 'recipe/delete', id: 'r2' });
    expect(await h.ask({ type: 'recipes/list' })).toEqual({ recipes: [] });
  });

  it('the content check knows every platform but manual, without the model’s zod enum', () => {
    expect([...RECIPE_PLATFORMS].sort()).toEqual(PLATFORMS.filter((p) => p !== 'manual').sort());
  });

  it('content requests for teaching are exact shapes only', () => {
    expect(parseContentRequest({ type: 'teach/pick', field: 'total' })).toEqual({ type: 'teach/pick', payload: { field: 'total' } });
    expect(parseContentRequest({ type: 'teach/pick', field: 'password' })).toBeUndefined();
    expect(parseContentRequest({ type: 'teach/pick', field: 'total', extra: 1 })).toBeUndefined();
    expect(parseContentRequest({ type: 'teach/preview' })).toEqual({ type: 'teach/preview', payload: {} });
    expect(parseContentRequest({ type: 'teach/end', now: 1 })).toBeUndefined();
    expect(parseContentRequest({ type: 'recipes/use', recipes: 'x' })).toBeUndefined();
    expect(parseContentRequest({ type: 'recipes/use', recipes: [] })).toEqual({ type: 'recipes/use', payload: { recipes: [] } });
  });
});

describe('recipes in backups', () => {
  it('export, erase, import brings a recipe back', async () => {
    const h = await harness();
    const recipe = taught();
    await h.ask({ type: 'recipe/save', recipe });
    const { backup } = await h.ask<{ backup: { stores: { settings: { key: string; value: unknown }[] } } }>({ type: 'data/export' });
    expect(backup.stores.settings).toContainEqual({ key: recipeKey('r1'), value: recipe });
    await h.ask({ type: 'data/erase', confirm: 'ERASE' });
    expect(await h.ask({ type: 'recipes/list' })).toEqual({ recipes: [] });
    await h.ask({ type: 'data/import', text: JSON.stringify(backup) });
    expect(await h.ask({ type: 'recipes/get' }, CONTENT)).toEqual({ recipes: [recipe] });
  });

  it('refuses a file with a bad recipe (or one filed under another id), changing nothing', async () => {
    const h = await harness();
    await h.ask({ type: 'recipe/save', recipe: taught() });
    const { backup } = await h.ask<{ backup: { stores: { settings: { key: string; value: Record<string, unknown> }[] } } }>({ type: 'data/export' });
    const before = await Promise.all(STORE_NAMES.map((s) => h.db.getAll(s)));
    const hostile = structuredClone(backup);
    hostile.stores.settings.push({ key: recipeKey('r9'), value: { ...taught('r9'), block: { tag: 'script', up: 99, spansSiblings: false } } });
    const misfiled = structuredClone(backup);
    misfiled.stores.settings.push({ key: recipeKey('r8'), value: taught('r7') as unknown as Record<string, unknown> });
    for (const file of [hostile, misfiled]) {
      const reply = await h.send({ type: 'data/import', text: JSON.stringify(file) });
      expect(reply?.ok).toBe(false);
      expect(await Promise.all(STORE_NAMES.map((s) => h.db.getAll(s)))).toEqual(before);
    }
  });
});

describe('reading with a recipe', () => {
  it('readPage uses the recipe ahead of the built-in reader, and flags a recipe that stopped matching', async () => {
    const recipe = taught();
    const plain = readPage(parse(UNKNOWN), taobaoAdapter, PAGE, NOW)!;
    expect(plain.orders).toHaveLength(0);
    const withRecipe = readPage(parse(UNKNOWN), taobaoAdapter, PAGE, NOW, [recipe])!;
    expect(withRecipe).toMatchObject({ readPath: 'recipe', unpaidOnly: true, idsMissed: 0, unreadable: 0, noRowsFound: false });
    expect(withRecipe.orders.map((o) => o.orderId)).toEqual(['3912830471625580441', '3912830471625580552', '3912830471625580663']);
    const redesigned = readPage(parse(UNKNOWN2), taobaoAdapter, PAGE, NOW, [recipe])!;
    expect(redesigned).toMatchObject({ recipeNoMatch: true, orders: [] });
    // The health banner hears of it.
    const db = await freshDb('health');
    const health = new HealthRegistry(async () => db);
    await health.record(7, redesigned, NOW);
    expect((await health.list(7, NOW))[0]).toMatchObject({ recipeNoMatch: true, kind: 'no-rows' });
  });

  it('a built-in reader that reads more orders than the recipe wins', () => {
    const html = raw('trade-platform-unpaid.html');
    const doc = parse(renderFixture(html, NOW));
    const builtIn = readPage(doc, taobaoAdapter, PAGE, NOW)!;
    expect(builtIn.orders.length).toBeGreaterThan(0);
    // A recipe from the unknown page finds nothing on the known one: the adapter's read stands.
    expect(readPage(doc, taobaoAdapter, PAGE, NOW, [taught()])).toMatchObject({ readPath: builtIn.readPath, orders: builtIn.orders, recipeNoMatch: true });
  });
});
