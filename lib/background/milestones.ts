import type { MilestoneResponses } from '../messaging/milestones';
import type { AreaHandlers, HandlerContext } from './service';

/** Handlers of the requests in lib/messaging/milestones.ts. */
export function milestoneHandlers(_ctx: HandlerContext): AreaHandlers<MilestoneResponses> {
  return {};
}
