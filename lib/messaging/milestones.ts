// Requests of staged payments: plans, stages, payments (issue 6).
// Shape: 'area/verb': { from: 'extension' | 'content', schema: z.object({...}) }.
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/milestones.ts.
// import { z } from 'zod';

export const MilestoneRequests = {} as const;

export interface MilestoneResponses {}
