// Requests of the reminder workspace: queue, buyers, settings, cadence, follow-ups (issue 5).
// Shape: 'area/verb': { from: 'extension' | 'content', schema: z.object({...}) }.
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/workspace.ts.
// import { z } from 'zod';

export const WorkspaceRequests = {} as const;

export interface WorkspaceResponses {}
