import { openTeamDb, readConfig, type TeamDb } from './store';

// The name the attempts this browser logs carry: this agent's, once team
// sync has been on (empty before, as the contract asks).

let team: Promise<TeamDb> | undefined;
let override: (() => Promise<string | undefined>) | undefined;

/** Tests: where the agent name comes from. */
export function setAgentSource(source: (() => Promise<string | undefined>) | undefined): void {
  override = source;
}

export async function currentAgent(): Promise<string | undefined> {
  if (override) return override();
  try {
    const config = await readConfig(await (team ??= openTeamDb()));
    return config.everEnabled && config.agent ? config.agent : undefined;
  } catch {
    return undefined;
  }
}
