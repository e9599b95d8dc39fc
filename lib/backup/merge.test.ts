import { describe, expect, it } from 'vitest';
import { mergeRecord } from './merge';
import { errorMessage } from '@/components/errors';
import { backupSizeProblem, parseBackup, BACKUP_FORMAT, BACKUP_VERSION } from './format';
import { setLocale } from '../i18n';

describe('merge rules', () => {
  it('adds what is missing and leaves identical records alone', () => {
    expect(mergeRecord('orders', { key: 'a', lastSeenAt: 1 }, undefined)).toEqual({ verdict: 'new', value: { key: 'a', lastSeenAt: 1 } });
    expect(mergeRecord('orders', { key: 'a', lastSeenAt: 1 }, { key: 'a', lastSeenAt: 1 })).toEqual({ verdict: 'unchanged' });
  });

  it('keeps the newer sighting of an order', () => {
    expect(mergeRecord('orders', { key: 'a', lastSeenAt: 5, status: 'paid' }, { key: 'a', lastSeenAt: 3, status: 'unpaid' }).verdict).toBe('updated');
    expect(mergeRecord('orders', { key: 'a', lastSeenAt: 2, status: 'paid' }, { key: 'a', lastSeenAt: 3, status: 'unpaid' }).verdict).toBe('unchanged');
  });

  it('unions the paid orders of a buyer whichever copy is newer', () => {
    const r = mergeRecord('buyers', { key: 'b', lastSeenAt: 1, paidOrderKeys: ['x'] }, { key: 'b', lastSeenAt: 2, paidOrderKeys: ['y'] });
    expect(r).toEqual({ verdict: 'updated', value: { key: 'b', lastSeenAt: 2, paidOrderKeys: ['y', 'x'] } });
  });

  it('never overwrites a logged attempt or a stored setting', () => {
    expect(mergeRecord('attempts', { id: 'a', outcome: 'paid' }, { id: 'a', outcome: 'pending' }).verdict).toBe('unchanged');
    expect(mergeRecord('settings', { key: 'app', value: 1 }, { key: 'app', value: 2 }).verdict).toBe('unchanged');
  });

  it('keeps the newer edit of a template', () => {
    expect(mergeRecord('templates', { id: 't', updatedAt: 9, body: 'new' }, { id: 't', updatedAt: 3, body: 'old' }).verdict).toBe('updated');
  });
});

describe('reading a backup', () => {
  const empty = { orders: [], buyers: [], attempts: [], templates: [], milestones: [], settings: [] };
  it('accepts an empty backup with a BOM', () => {
    const text = '\uFEFF' + JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 1, stores: empty });
    expect(parseBackup(text).stores.orders).toEqual([]);
  });

  it('names the problem in the UI language', () => {
    // What the options page shows for the refusal: its code, in the language picked there.
    const said = (text: string) => {
      try {
        parseBackup(text);
      } catch (error) {
        return errorMessage(error);
      }
      return 'accepted';
    };
    setLocale('zh-CN');
    expect(said('nope')).toMatch(/不是有效的 JSON/);
    setLocale('en');
    expect(said(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 1, stores: { ...empty, settings: [{ key: 'app', value: { retentionDays: -1 } }] } }))).toMatch(
      /stores\.settings\.0\.value/,
    );
    expect(
      said(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 1, stores: { ...empty, milestones: [{ id: 'm', orderKey: 'm', status: 'settled' }, { id: 'm', orderKey: 'm', status: 'settled' }] } })),
    ).toMatch(/same record twice \(milestones: m\)/);
    expect(said(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 1, stores: { ...empty, templates: [{ id: 't', body: '{{evil}}', updatedAt: 1 }] } }))).toMatch(
      /stores\.templates\.0/,
    );
  });
});

describe('a chosen file', () => {
  it('is refused by its size alone when it is bigger than a backup can be, with both sizes', () => {
    setLocale('en');
    expect(backupSizeProblem(59_000_000)).toBeUndefined();
    expect(backupSizeProblem(61_000_000)?.toReply()).toEqual({ code: 'backup-too-big', params: { size: '61.0', max: 60 } });
    expect(errorMessage(backupSizeProblem(61_000_000))).toBe('This file is 61.0 MB; a backup can be at most 60 MB. Nothing was read or imported.');
    setLocale('zh-CN');
    expect(errorMessage(backupSizeProblem(2_500_000_000))).toBe('这个文件有 2500.0 MB，备份文件最大 60 MB。没有读取也没有导入任何内容。');
  });
});
