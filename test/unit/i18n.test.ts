import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES, localeFromLanguage, setLocale, t, currentLocale, storedLocale } from '@/lib/i18n';

const root = resolve(__dirname, '../..');

describe('UI message tables', () => {
  it('has every key in zh-CN, zh-TW and en, empty in one only if empty in all', () => {
    const all = new Set(LOCALES.flatMap((l) => Object.keys(MESSAGES[l])));
    expect(all.size).toBeGreaterThan(300);
    for (const locale of LOCALES) {
      const missing = [...all].filter((k) => !(k in MESSAGES[locale]));
      expect(missing, `missing in ${locale}`).toEqual([]);
      // An intentionally blank label ('' everywhere) is allowed; a blank translation is not.
      const blank = [...all].filter((k) => MESSAGES[locale][k]!.trim() === '' && LOCALES.some((l) => MESSAGES[l][k]!.trim() !== ''));
      expect(blank, `blank in ${locale}`).toEqual([]);
    }
  });

  it('uses the same {variables} in every language', () => {
    const vars = (s: string) => [...s.replace(/\{\{\w+\}\}/g, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(MESSAGES.en).filter((k) => LOCALES.some((l) => JSON.stringify(vars(MESSAGES[l][k]!)) !== JSON.stringify(vars(MESSAGES.en[k]!))));
    expect(mismatched).toEqual([]);
  });

  it('writes Chinese in the Chinese tables, not English left untranslated', () => {
    // A zh value identical to the English one is fine only for names and symbols.
    const same = Object.keys(MESSAGES.en).filter((k) => /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}/.test(MESSAGES.en[k]!) && (MESSAGES['zh-CN'][k] === MESSAGES.en[k] || MESSAGES['zh-TW'][k] === MESSAGES.en[k]));
    expect(same).toEqual([]);
  });
});

describe('choosing the language', () => {
  afterEach(() => setLocale(undefined));

  it('follows the browser: Traditional regions get zh-TW, other Chinese zh-CN, the rest English', () => {
    expect(localeFromLanguage('zh-CN')).toBe('zh-CN');
    expect(localeFromLanguage('zh')).toBe('zh-CN');
    expect(localeFromLanguage('zh-HK')).toBe('zh-TW');
    expect(localeFromLanguage('zh-Hant-TW')).toBe('zh-TW');
    expect(localeFromLanguage('en-GB')).toBe('en');
    expect(localeFromLanguage('ru')).toBe('en');
  });

  it('switches every string at once and fills variables', () => {
    setLocale('en');
    expect(t('opt.tpl.count', { n: 3, total: 9 })).toBe('Showing 3 of 9');
    setLocale('zh-TW');
    expect(t('opt.nav.templates')).toBe('話術庫');
    setLocale('zh-CN');
    expect(t('opt.nav.templates')).toBe('话术库');
    expect(currentLocale()).toBe('zh-CN');
  });

  it('remembers the override and forgets it when following the browser again', () => {
    const store = new Map<string, string>();
    const g = globalThis as { localStorage?: unknown };
    const saved = g.localStorage;
    g.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) };
    try {
      setLocale('zh-TW');
      expect(storedLocale()).toBe('zh-TW');
      setLocale(undefined);
      expect(storedLocale()).toBeUndefined();
      expect(currentLocale()).toBe(localeFromLanguage(globalThis.navigator?.language));
    } finally {
      g.localStorage = saved;
    }
  });
});

// ---- no hard-coded UI text in components -------------------------------

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') && !path.endsWith('.test.tsx') ? [path] : [];
  });
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Two or more English words: "Save", "OK" alone may be a symbol or code; a phrase is UI text.
const SENTENCE = /[A-Za-z]{2,}[\s,.'’!?]+[A-Za-z]{2,}/;
const USER_FACING_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);

/** JSX text and user-facing string attributes that are literal words rather than t(...). */
function hardCodedText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const flag = (text: string, node: ts.Node) => {
    const value = text.trim();
    if (value && (CJK.test(value) || SENTENCE.test(value))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(root, file)}:${line + 1}: ${value.slice(0, 60)}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) flag(node.text, node);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRS.has(node.name.getText()) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) flag(node.initializer.text, node);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteralLike(node.initializer.expression)) flag(node.initializer.expression.text, node);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && ts.isJsxElement(node.parent)) flag(node.expression.text, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components use t() for their text', () => {
  it('finds hard-coded text when there is some (the check itself works)', () => {
    const probe = join(root, 'components/Probe.tsx');
    const found = hardCodedText(
      probe,
      `export const A = () => (
        <p title="Open the panel" aria-label={t('x')}>
          待付款 <b>{"Save it now"}</b>{t("ok")} <i>{'{{buyer}}'}</i> — 42 ¥ <kbd>Ctrl</kbd>
        </p>
      );`,
    );
    expect(found).toEqual(['components/Probe.tsx:2: Open the panel', 'components/Probe.tsx:3: 待付款', 'components/Probe.tsx:3: Save it now']);
  });

  const files = [...tsxFiles(join(root, 'components')), ...tsxFiles(join(root, 'entrypoints'))];
  it.each(files.map((f) => [relative(root, f), f]))('%s has no hard-coded CJK or English sentences in JSX', (_name, file) => {
    expect(hardCodedText(file)).toEqual([]);
  });
});
