import type { ErrorCode } from '../messaging/errors';

// IndexedDB failures the person can do something about, in their words.
// A full disk (QuotaExceededError) or a database that failed to open or was
// closed under us (InvalidStateError, UnknownError) must never look like a
// save that worked, nor like an unexplained "internal error".

const FULL = new Set(['QuotaExceededError']);
const UNAVAILABLE = new Set(['InvalidStateError', 'UnknownError']);

function names(error: unknown): string[] {
  const found: string[] = [];
  // idb and our own code may wrap the DOMException: look through `cause` too (a few levels).
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') found.push(name);
  }
  return found;
}

/** The code for a storage failure (the page explains it), or undefined when the error is something else. */
export function storageErrorCode(error: unknown): Extract<ErrorCode, 'storage-full' | 'storage-unavailable'> | undefined {
  const all = names(error);
  if (all.some((n) => FULL.has(n))) return 'storage-full';
  if (all.some((n) => UNAVAILABLE.has(n))) return 'storage-unavailable';
  return undefined;
}
