// The content script's check of a recipe it is handed (from the background
// or built on the page): exact shapes, sizes and known keys, no schema
// library in the page bundle. The background validates the same shape with
// zod (lib/messaging/recipes.ts); a unit test keeps the two in step.
import { ATTR_NAME, CURRENCY, ID_SHAPE, LIMITS, RECIPE_FIELDS, RECIPE_PLATFORMS, REQUIRED_FIELDS, TAG, type FieldRecipe, type PathStep, type Recipe } from './types';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isOffset = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= max;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const onlyKeys = (r: Rec, allowed: readonly string[]) => Object.keys(r).every((k) => allowed.includes(k));

function checkStep(raw: unknown): raw is PathStep {
  if (!isRecord(raw) || !onlyKeys(raw, ['tag', 'index', 'of', 'attrs'])) return false;
  if (typeof raw.tag !== 'string' || !TAG.test(raw.tag) || !isInt(raw.index, LIMITS.index)) return false;
  if (raw.of !== undefined && !isInt(raw.of, LIMITS.index)) return false;
  if (raw.attrs === undefined) return true;
  if (!isRecord(raw.attrs)) return false;
  const entries = Object.entries(raw.attrs);
  return entries.length <= LIMITS.attrs && entries.every(([k, v]) => k.length <= LIMITS.attrName && ATTR_NAME.test(k) && isText(v, LIMITS.attrValue));
}

function checkField(raw: unknown): raw is FieldRecipe {
  if (!isRecord(raw) || !onlyKeys(raw, ['sibling', 'path', 'label'])) return false;
  if (!isOffset(raw.sibling, LIMITS.sibling) || !Array.isArray(raw.path) || raw.path.length > LIMITS.pathSteps) return false;
  if (raw.label !== undefined && !isText(raw.label, LIMITS.label)) return false;
  return raw.path.every(checkStep);
}

/** `raw` when it is exactly a recipe this version reads, else undefined. */
export function parseRecipe(raw: unknown): Recipe | undefined {
  if (!isRecord(raw) || !onlyKeys(raw, ['version', 'id', 'platform', 'urlPattern', 'createdAt', 'idShape', 'currency', 'block', 'fields'])) return undefined;
  if (raw.version !== 1 || !isText(raw.id, LIMITS.id) || !/^[A-Za-z0-9_-]+$/.test(raw.id)) return undefined;
  if (typeof raw.platform !== 'string' || !(RECIPE_PLATFORMS as readonly string[]).includes(raw.platform)) return undefined;
  if (!isText(raw.urlPattern, LIMITS.urlPattern) || !isInt(raw.createdAt, Number.MAX_SAFE_INTEGER)) return undefined;
  if (raw.idShape !== undefined && (typeof raw.idShape !== 'string' || !ID_SHAPE.test(raw.idShape))) return undefined;
  if (typeof raw.currency !== 'string' || !CURRENCY.test(raw.currency)) return undefined;
  const block = raw.block;
  if (!isRecord(block) || !onlyKeys(block, ['tag', 'up', 'spansSiblings'])) return undefined;
  if (typeof block.tag !== 'string' || !TAG.test(block.tag) || !isInt(block.up, LIMITS.up) || typeof block.spansSiblings !== 'boolean') return undefined;
  const fields = raw.fields;
  if (!isRecord(fields) || !onlyKeys(fields, RECIPE_FIELDS)) return undefined;
  if (!REQUIRED_FIELDS.every((f) => fields[f] !== undefined)) return undefined;
  if (!Object.values(fields).every((f) => f === undefined || checkField(f))) return undefined;
  return raw as unknown as Recipe;
}

/** The recipes in `raw` that check out (a list from the background); anything else is dropped. */
export function parseRecipes(raw: unknown): Recipe[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, 100).flatMap((r) => {
    const recipe = parseRecipe(r);
    return recipe ? [recipe] : [];
  });
}
