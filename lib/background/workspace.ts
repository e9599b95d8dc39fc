import type { WorkspaceResponses } from '../messaging/workspace';
import type { AreaHandlers, HandlerContext } from './service';

/** Handlers of the requests in lib/messaging/workspace.ts. */
export function workspaceHandlers(_ctx: HandlerContext): AreaHandlers<WorkspaceResponses> {
  return {};
}
