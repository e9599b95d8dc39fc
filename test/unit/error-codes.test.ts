import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES, MESSAGES, setLocale } from '../../lib/i18n';
import { ERROR_CODES, ERROR_MESSAGES, ReplyErrorSchema } from '../../lib/messaging/errors';
import { errorText, replyError } from '../../components/errors';
import type { MilestoneErrorCode } from '../../lib/milestones/errors';

// Errors reach a person as codes the page translates (lib/messaging/errors.ts):
// every code has words in every UI language, and nothing below the handlers
// builds the sentence itself (the background does not know the person's language).

const root = resolve(import.meta.dirname, '../..');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every error code', () => {
  for (const code of ERROR_CODES) {
    it(`${code}: has a message in ${LOCALES.join(', ')}, with the same {variables} in each`, () => {
      const key = ERROR_MESSAGES[code];
      const en = MESSAGES.en[key];
      expect(en, `${code} → ${key} (en)`).toBeTruthy();
      for (const locale of LOCALES) {
        const text = MESSAGES[locale][key];
        expect(text, `${code} → ${key} (${locale})`).toBeTruthy();
        expect(placeholders(text!), `${code} in ${locale}`).toEqual(placeholders(en!));
      }
    });
  }

  it('is put into words in the language the person picked, not the one the error was made in', () => {
    const gone = { code: 'order-gone', params: { orderKey: 'taobao:1' } } as const;
    setLocale('en');
    expect(errorText(gone)).toBe('This order is no longer in the records. Refresh the orders page and try again.');
    setLocale('zh-CN');
    expect(errorText(gone)).toBe('这笔订单已不在记录中，请刷新订单页面后再试。');
    setLocale('zh-TW');
    expect(errorText({ code: 'time-zone', params: { zone: 'Mars/Base' } })).toBe('無法識別的時區：Mars/Base');
  });

  it('names a stage and its statuses (sent raw) in the page language', () => {
    const transition = { code: 'milestone-transition', params: { kind: 'deposit', name: '', part: 0, from: 'paid', to: 'requested' } } as const;
    setLocale('en');
    expect(errorText(transition)).toMatch(/Deposit.*Paid.*Requested/i);
    setLocale('zh-CN');
    expect(errorText(transition)).toMatch(/定金.*已到账.*已请款/);
  });
});

describe('a reply error as the page receives it', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is checked: an unknown code, a sentence, or junk becomes the one generic message, the detail going to the console', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setLocale('en');
    for (const raw of [{ code: 'made-up' }, '这笔订单已不在记录中', { code: 'order-gone', params: { x: { nested: 1 } } }, undefined]) {
      expect(replyError(raw)).toEqual({ code: 'internal' });
    }
    expect(replyError({ code: 'internal', params: { detail: 'TypeError: boom' } })).toEqual({ code: 'internal' });
    expect(log).toHaveBeenCalledWith(expect.any(String), 'TypeError: boom');
    expect(errorText({ code: 'internal' })).toMatch(/^Something went wrong/);
    expect(ReplyErrorSchema.safeParse({ code: 'order-gone', params: { orderKey: 'taobao:1' } }).success).toBe(true);
  });
});

describe('background, milestone and backup modules', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  const files = ['lib/background', 'lib/milestones', 'lib/backup'].flatMap((dir) => sourceFiles(join(root, dir)));
  const milestoneCodes = ERROR_CODES.filter((c) => c.startsWith('milestone-')).map((c) => c.slice('milestone-'.length) as MilestoneErrorCode);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const name = relative(root, file);
    it(`${name}: throws codes, never a sentence`, () => {
      const text = readFileSync(file, 'utf8');
      const problems: string[] = [];
      // The first argument of every refusal: a known code (quoted) or a value holding one (a lookup, a variable).
      for (const m of text.matchAll(/new (UserError|BackupError|MilestoneError)\(\s*([^,)]*)/g)) {
        const [, cls, arg] = m as unknown as [string, string, string];
        const quoted = /^(['"`])(.*)\1$/s.exec(arg.trim());
        if (quoted) {
          const code = quoted[2]!;
          const known = cls === 'MilestoneError' ? (milestoneCodes as string[]).includes(code) : (ERROR_CODES as string[]).includes(code);
          if (!known || quoted[1] === '`') problems.push(`${cls}(${arg}): not an error code`);
        } else if (/\bt\(|['"`]/.test(arg)) problems.push(`${cls}(${arg}): builds text`);
      }
      // No throw carries words for a person: no Chinese in a throw, no translation in one.
      for (const line of text.split('\n')) {
        if (/\bthrow\b/.test(line) && /[\u3400-\u9fff]/.test(line)) problems.push(`Chinese in a throw: ${line.trim()}`);
        if (/\bthrow\b.*\bt\(/.test(line)) problems.push(`translated in a throw: ${line.trim()}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
