// Requests of the popup, options page (templates library, settings), backup
// (export/import/erase), insights and panel hand-off.
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/data.ts.
import { z } from 'zod';
import { requests } from './lazy';
import type { Money } from '../orders/money';
import type { Platform } from '../orders/model';
import { SettingsSchema, type Settings } from '../settings';
import { parseTemplate } from '../compose/model';
import type { TemplateRecord } from '../compose/record';
import type { ReplyError } from './errors';
import type { ImportPreview } from '../backup/merge';
import { MAX_BACKUP_CHARS, type Backup } from '../backup/format';
import type { RecoveryStats } from '../insights/stats';

/** What is wrong with a template, as error codes (the background refuses with the first); empty when it is valid. */
export function templateProblems(input: unknown): ReplyError[] {
  const parsed = parseTemplate(input);
  if (parsed.ok) return [];
  return parsed.issues.map((i): ReplyError => {
    const unknown = /Unknown variable (\{\{\w+\}\})/.exec(i.message);
    if (unknown) return { code: 'template-unknown-vars', params: { names: unknown[1]! } };
    const single = /Write (\{\{\w+\}\})/.exec(i.message);
    if (single) return { code: 'template-single-brace', params: { name: single[1]! } };
    if (i.path === 'subject') return { code: 'template-need-subject' };
    return { code: 'template-invalid-field', params: { field: i.path || '—', message: i.message } };
  });
}

/** A template as the library shows it. */
export type LibraryTemplate = TemplateRecord & {
  /** 'builtin': as shipped; 'changed': a built-in the person edited or hid; 'custom': theirs. */
  origin: 'builtin' | 'changed' | 'custom';
};


export const DataRequests = requests({
  'popup/summary': { from: 'extension', schema: () => z.object({}) },
  'settings/get': { from: 'extension', schema: () => z.object({}) },
  'settings/set': { from: 'extension', schema: () => z.object({ settings: SettingsSchema }) },
  'templates/list': { from: 'extension', schema: () => z.object({}) },
  // Checked against TemplateSchema in the handler, so the person gets its issues back.
  'templates/save': { from: 'extension', schema: () => z.object({ template: z.record(z.string(), z.unknown()) }) },
  'templates/delete': { from: 'extension', schema: () => z.object({ id: z.string().min(1).max(100) }) },
  'templates/restore-builtins': { from: 'extension', schema: () => z.object({}) },
  'data/export': { from: 'extension', schema: () => z.object({}) },
  'data/import-preview': { from: 'extension', schema: () => z.object({ text: z.string().max(MAX_BACKUP_CHARS) }) },
  'data/import': { from: 'extension', schema: () => z.object({ text: z.string().max(MAX_BACKUP_CHARS) }) },
  'data/erase': { from: 'extension', schema: () => z.object({ confirm: z.literal('ERASE') }) },
  'insights/get': { from: 'extension', schema: () => z.object({}) },
});

export interface UrgentOrder {
  key: string;
  orderId: string;
  platform: Platform;
  buyer: string;
  amount: Money;
  autoCloseAt?: number;
  autoCloseEstimated?: boolean;
}

export interface DueFollowUp {
  attemptId: string;
  orderKey: string;
  buyer: string;
  followUpAt: number;
  amount?: Money;
}

export interface DataResponses {
  'popup/summary': {
    now: number;
    count: number;
    totals: Money[];
    /** Money due in open payment stages of staged orders (milestones). */
    stagesOutstanding: Money[];
    urgent: UrgentOrder[];
    /** The first FOLLOW_UP_LIMIT follow-ups due, most overdue first (the popup lists no more: the panel has them all). */
    followUps: DueFollowUp[];
    /** How many follow-ups are due in all. */
    followUpCount: number;
  };
  'settings/get': { settings: Settings };
  'settings/set': { settings: Settings };
  'templates/list': { templates: LibraryTemplate[] };
  'templates/save': { template: LibraryTemplate };
  'templates/delete': { ok: true };
  'templates/restore-builtins': { restored: number };
  'data/export': { backup: Backup };
  'data/import-preview': ImportPreview;
  'data/import': ImportPreview;
  'data/erase': { ok: true };
  'insights/get': { stats: RecoveryStats };
}
