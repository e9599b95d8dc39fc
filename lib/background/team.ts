import type { TeamConfigInput, TeamResponses } from '../messaging/team';
import { configProblem, EMPTY_CONFIG, type ConfigProblem, type SyncConfig } from '../sync/config';
import type { SyncEngine, SyncStatus } from '../sync/engine';
import { installValidation, testConnection } from '../sync/remote';
import { VALIDATE_DOC_UPDATE } from '../sync/validate';
import { openTeamDb, readConfig, type TeamDb } from '../sync/store';
import type { AreaHandlers, HandlerContext } from './handler';
import { UserError, type ErrorCode } from '../messaging/errors';

// The Team area: the background's one sync engine, set up by the background
// entrypoint (which brings PouchDB); without one (unit tests) sync stays off.

let engine: SyncEngine | undefined;

/** A configuration problem as the error code the options page explains. */
const TEAM_PROBLEM = { url: 'team-url', urlInsecure: 'team-url-insecure', db: 'team-db', agent: 'team-agent' } as const satisfies Record<ConfigProblem, ErrorCode>;
let team: Promise<TeamDb> | undefined;

export function setTeamEngine(next: SyncEngine | undefined): void {
  engine = next;
}

const OFF: SyncStatus = { state: 'off', pending: 0, refused: 0 };

async function stored(): Promise<SyncConfig> {
  try {
    return await readConfig(await (team ??= openTeamDb()));
  } catch {
    return EMPTY_CONFIG;
  }
}

/** The form's values, with the saved password when the form left it empty. */
async function withPassword(input: TeamConfigInput): Promise<SyncConfig> {
  const saved = await stored();
  return {
    url: input.url.trim(),
    db: input.db.trim(),
    user: input.user.trim(),
    password: input.password ?? (saved.user === input.user.trim() ? saved.password : ''),
    agent: input.agent.trim(),
    enabled: saved.enabled,
    everEnabled: saved.everEnabled,
  };
}

/**
 * Part of erasing everything: sync stops first (else the next pull brings it
 * all back) and this browser's copy of the team data goes; the server keeps
 * its data.
 */
export async function eraseTeamCopy(): Promise<void> {
  await engine?.eraseLocal();
}

export function teamHandlers(_ctx: HandlerContext): AreaHandlers<TeamResponses> {
  return {
    async 'team/get'() {
      const config = await stored();
      const { password, everEnabled: _e, ...view } = config;
      return { config: { ...view, hasPassword: password !== '' }, status: engine?.status() ?? OFF };
    },

    async 'team/enable'(input) {
      const config = await withPassword(input);
      const problem = configProblem(config);
      if (problem) throw new UserError(TEAM_PROBLEM[problem]);
      if (!engine) throw new UserError('team-unavailable');
      await engine.enable(config);
      return { status: engine.status() };
    },

    async 'team/disable'() {
      await engine?.disable();
      return { status: engine?.status() ?? OFF };
    },

    async 'team/test'(input) {
      const config = await withPassword(input);
      const problem = configProblem(config);
      return { result: problem ?? (await testConnection(config)) };
    },

    async 'team/install-check'(input) {
      const config = await withPassword(input);
      const problem = configProblem(config);
      return { result: problem ?? (await installValidation(config, VALIDATE_DOC_UPDATE)) };
    },

    async 'team/claim'({ orderKey }) {
      await engine?.claim(orderKey);
      return { ok: true };
    },

    async 'team/claims'() {
      // A panel asking keeps the worker, and so the live sync, awake.
      void engine?.resume();
      // A worker woken by this request answers once it knows who it is and the stored claims.
      await engine?.known();
      return engine?.claims() ?? { claims: [] };
    },
  };
}
