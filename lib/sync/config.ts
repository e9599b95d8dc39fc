import { z } from 'zod';
import { lazySchema } from '@/lib/zod-lazy';

// The team server this browser syncs with. Kept in its own small database
// (./store.ts), never in the stores a backup exports or the team shares:
// the password stays in this browser.

export const SyncConfigSchema = lazySchema(() => z.object({
  url: z.string().max(500),
  db: z.string().max(200),
  user: z.string().max(200),
  password: z.string().max(500),
  agent: z.string().trim().max(100),
  enabled: z.boolean(),
  /** Set once sync has been on: from then on every attempt names its agent. */
  everEnabled: z.boolean().default(false),
}));
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

export const EMPTY_CONFIG: SyncConfig = { url: '', db: '', user: '', password: '', agent: '', enabled: false, everEnabled: false };

export type ConfigProblem = 'url' | 'urlInsecure' | 'db' | 'agent';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The server's origin when the URL may be used: https anywhere, http only on
 * this computer (localhost / 127.0.0.1). No credentials, query or fragment
 * in the URL itself.
 */
export function serverOrigin(url: string): { origin: string; base: string } | { problem: ConfigProblem } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { problem: 'url' };
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return { problem: 'url' };
  if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname)) return { problem: 'urlInsecure' };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { problem: 'url' };
  const path = parsed.pathname.replace(/\/+$/, '');
  return { origin: parsed.origin, base: `${parsed.origin}${path}` };
}

/** CouchDB's database name rule. */
export const DB_NAME_RE = /^[a-z][a-z0-9_$()+/-]{0,199}$/;

/** What is wrong with a configuration before it can be used, if anything. */
export function configProblem(config: Pick<SyncConfig, 'url' | 'db' | 'agent'>): ConfigProblem | undefined {
  const server = serverOrigin(config.url);
  if ('problem' in server) return server.problem;
  if (!DB_NAME_RE.test(config.db)) return 'db';
  if (!config.agent.trim()) return 'agent';
  return undefined;
}

export function isLoopback(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}
