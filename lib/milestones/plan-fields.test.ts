import { describe, expect, it } from 'vitest';
import { BackupSchema } from '../backup/format';
import { docId, parseIncoming } from '../sync/docs';
import { bankChargesOf, MilestonePlanSchema, type MilestonePlan } from './model';
import { newPlan, presetDrafts } from './plan';

// The plan's bank charges and PI number: set per plan, read safely from plans
// stored before they existed, and checked wherever a plan comes in from
// outside (a backup file, a team-sync document).

const NOW = Date.UTC(2026, 10, 23, 4);
let n = 0;
const plan = (): MilestonePlan =>
  newPlan({ orderKey: 'manual:J1', total: { minor: 500_000, currency: 'USD' }, presetId: 'custom_50_30_20', lang: 'en', drafts: presetDrafts('custom_50_30_20', NOW), now: NOW, newId: () => `s${++n}` });

const record = (p: unknown) => ({ id: 'manual:J1', orderKey: 'manual:J1', status: 'open', plan: p });
const backup = (p: unknown) => ({
  format: 'paynudge-backup',
  version: 1,
  exportedAt: NOW,
  stores: { orders: [], buyers: [], attempts: [], templates: [], milestones: [record(p)], settings: [] },
});

describe('plan bank charges and PI number', () => {
  it('a plan stored before the fields existed still parses, and reads as SHA with no PI', () => {
    const old = plan();
    expect('bankCharges' in old).toBe(false);
    const parsed = MilestonePlanSchema.parse(old);
    expect(bankChargesOf(parsed)).toBe('SHA');
    expect(parsed.piNumber).toBeUndefined();
  });

  it('takes OUR or SHA and a PI number', () => {
    expect(bankChargesOf(MilestonePlanSchema.parse({ ...plan(), bankCharges: 'OUR', piNumber: 'PI-2026-0457' }))).toBe('OUR');
  });

  it.each([
    ['charges that are neither OUR nor SHA', { bankCharges: 'BEN' }],
    ['charges in lower case', { bankCharges: 'our' }],
    ['a PI number that is not text', { piNumber: 457 }],
    ['a PI number of 61 characters', { piNumber: 'P'.repeat(61) }],
  ])('a backup file with %s is refused, naming where', (_name, patch) => {
    const parsed = BackupSchema.safeParse(backup({ ...plan(), ...patch }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContainEqual(expect.stringMatching(/^stores\.milestones\.0\.plan\.(bankCharges|piNumber)$/));
    // Team sync checks an incoming plan with the same schema.
    expect(parseIncoming({ _id: docId('milestones', 'manual:J1'), record: record({ ...plan(), ...patch }) }).kind).toBe('refused');
  });

  it('a backup or sync document with valid charges and PI comes through', () => {
    expect(BackupSchema.safeParse(backup({ ...plan(), bankCharges: 'SHA', piNumber: 'PI-1' })).success).toBe(true);
    expect(parseIncoming({ _id: docId('milestones', 'manual:J1'), record: record({ ...plan(), bankCharges: 'OUR' }) }).kind).toBe('record');
  });
});
