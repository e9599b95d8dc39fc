// Requests of templates library, export/import, insights (issue 7).
// Shape: 'area/verb': { from: 'extension' | 'content', schema: z.object({...}) }.
// Merged into BackgroundRequests in ./protocol.ts; handlers live in lib/background/data.ts.
// import { z } from 'zod';

export const DataRequests = {} as const;

export interface DataResponses {}
