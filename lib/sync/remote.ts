import { serverOrigin, type SyncConfig } from './config';

// The one place PayNudge makes network requests: to the team server the
// person configured, only while sync is on (or when they press "Test
// connection" / "Install the check"). Every request is checked against that
// server's origin first; anything else is refused before it leaves.

export type ConnectionResult = 'ok' | 'noDb' | 'auth' | 'forbidden' | 'unreachable' | 'badUrl' | 'server';

let requests = 0;
/** Requests made since the background started (tests and the status line). */
export function requestCount(): number {
  return requests;
}

function basicAuth(user: string, password: string): string | undefined {
  if (!user) return undefined;
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** A fetch that reaches only `origin`, for PouchDB's http adapter and our own calls. */
export function teamFetch(origin: string): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).origin !== origin) return Promise.reject(new Error(`PayNudge talks only to ${origin}`));
    requests++;
    return globalThis.fetch(input, init);
  };
}

/** The database URL and what PouchDB needs to reach it. */
export function remoteOptions(config: SyncConfig): { url: string; fetch: ReturnType<typeof teamFetch>; auth?: { username: string; password: string } } | undefined {
  const server = serverOrigin(config.url);
  if ('problem' in server) return undefined;
  return {
    url: `${server.base}/${encodeURIComponent(config.db)}`,
    fetch: teamFetch(server.origin),
    ...(config.user ? { auth: { username: config.user, password: config.password } } : {}),
  };
}

async function call(config: SyncConfig, path: string, init: RequestInit = {}): Promise<Response | ConnectionResult> {
  const remote = remoteOptions(config);
  if (!remote) return 'badUrl';
  const auth = basicAuth(config.user, config.password);
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (auth) headers.set('Authorization', auth);
  try {
    return await remote.fetch(`${remote.url}${path}`, { ...init, headers, credentials: 'omit' });
  } catch {
    return 'unreachable';
  }
}

function verdict(response: Response): ConnectionResult {
  if (response.ok) return 'ok';
  if (response.status === 401) return 'auth';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'noDb';
  return 'server';
}

/** "Test connection": can this user read the shop's database? */
export async function testConnection(config: SyncConfig): Promise<ConnectionResult> {
  const response = await call(config, '');
  return typeof response === 'string' ? response : verdict(response);
}

/** Puts (or updates) the design document whose validate_doc_update refuses malformed documents. */
export async function installValidation(config: SyncConfig, source: string): Promise<ConnectionResult> {
  const existing = await call(config, '/_design/paynudge');
  if (typeof existing === 'string') return existing;
  let rev: string | undefined;
  if (existing.ok) rev = ((await existing.json()) as { _rev?: string })._rev;
  else if (existing.status !== 404) return verdict(existing);
  const body = JSON.stringify({ _id: '_design/paynudge', ...(rev ? { _rev: rev } : {}), language: 'javascript', validate_doc_update: source });
  const put = await call(config, '/_design/paynudge', { method: 'PUT', body, headers: { 'Content-Type': 'application/json' } });
  return typeof put === 'string' ? put : verdict(put);
}
