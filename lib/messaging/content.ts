// The messages the background sends to content scripts, checked by hand:
// content scripts run on every seller page, so they carry no schema library
// (the background, which stores things, validates with zod).
import type { BuyerRef } from '../orders/model';

export interface ContentRequestMap {
  'tab/context': Record<string, never>;
  'composer/insert': { text: string };
}
export type ContentRequestType = keyof ContentRequestMap;

export interface ContentResponses {
  'tab/context': { platform: string; orderIds: string[]; chatBuyer?: BuyerRef; hasComposer: boolean };
  'composer/insert': { inserted: boolean; method: string };
}

export const MAX_INSERT_CHARS = 5000;

type Parsed = { [K in ContentRequestType]: { type: K; payload: ContentRequestMap[K] } }[ContentRequestType];

/** Our exact message shapes, or undefined: extra keys, wrong types and unknown types are all refused. */
export function parseContentRequest(raw: unknown): Parsed | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (record.type === 'tab/context' && keys === 'type') return { type: 'tab/context', payload: {} };
  if (record.type === 'composer/insert' && keys === 'text,type') {
    const text = record.text;
    if (typeof text === 'string' && text.length > 0 && text.length <= MAX_INSERT_CHARS) return { type: 'composer/insert', payload: { text } };
  }
  return undefined;
}
