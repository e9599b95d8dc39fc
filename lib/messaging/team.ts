import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';
import { requests } from './lazy';
import type { Claim } from '../sync/docs';
import type { SyncStatus } from '../sync/engine';
import type { ConnectionResult } from '../sync/remote';

// Team sync: the options page's Team tab and the panel's claims.

const ConfigInput = lazySchema(() => z.strictObject({
  url: z.string().max(500),
  db: z.string().max(200),
  user: z.string().max(200),
  /** Absent: keep the password saved in this browser. */
  password: z.string().max(500).optional(),
  agent: z.string().max(100),
}));
export type TeamConfigInput = z.infer<typeof ConfigInput>;

export const TeamRequests = requests({
  'team/get': { from: 'extension', schema: () => z.strictObject({}) },
  'team/enable': { from: 'extension', schema: () => ConfigInput },
  'team/disable': { from: 'extension', schema: () => z.strictObject({}) },
  'team/test': { from: 'extension', schema: () => ConfigInput },
  'team/install-check': { from: 'extension', schema: () => ConfigInput },
  'team/claim': { from: 'extension', schema: () => z.strictObject({ orderKey: z.string().min(3).max(200) }) },
  'team/claims': { from: 'extension', schema: () => z.strictObject({}) },
});

/** The configuration as the options page sees it: never the password itself. */
export interface TeamConfigView {
  url: string;
  db: string;
  user: string;
  hasPassword: boolean;
  agent: string;
  enabled: boolean;
}

export interface TeamResponses {
  'team/get': { config: TeamConfigView; status: SyncStatus };
  'team/enable': { status: SyncStatus };
  'team/disable': { status: SyncStatus };
  'team/test': { result: ConnectionResult | 'url' | 'urlInsecure' | 'db' | 'agent' };
  'team/install-check': { result: ConnectionResult | 'url' | 'urlInsecure' | 'db' | 'agent' };
  'team/claim': { ok: true };
  'team/claims': { me?: string; claims: Claim[] };
}
