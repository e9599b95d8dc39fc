import type { DataResponses } from '../messaging/data';
import type { AreaHandlers, HandlerContext } from './service';

/** Handlers of the requests in lib/messaging/data.ts. */
export function dataHandlers(_ctx: HandlerContext): AreaHandlers<DataResponses> {
  return {};
}
