import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { BackgroundRequest, BackgroundRequestType, BackgroundResponses, Reply } from '@/lib/messaging/protocol';
import { DB_CHANGED } from '@/lib/messaging/signals';

// The popup's way to the background: what components/api does for the panel
// and options page, without loading the message schemas (zod) and every
// error's words up front. The popup's time to its numbers is mostly its own
// start-up, so it loads React, its words and little else; the error texts
// (components/errors) are loaded only when a refusal is to be shown.

/** A refusal (or no reply), in the person's words: components/errors, loaded when first needed. */
async function shownError(raw: unknown): Promise<Error> {
  // The error texts check the reply with zod, which must first be told not to eval (see lib/zod-jitless).
  await import('@/lib/zod-jitless');
  const { ShownError, replyError } = await import('@/components/errors');
  return new ShownError(replyError(raw));
}

/** Unwraps a reply of the background: its data, or the refusal as an error to show. */
export async function unwrap<T>(reply: Reply<T> | undefined): Promise<T> {
  if (!reply || typeof reply !== 'object') throw await shownError({ code: 'no-reply' });
  if (!reply.ok) throw await shownError(reply.error);
  return reply.data;
}

/** Asks the background (the only owner of the data). */
export async function ask<K extends BackgroundRequestType>(type: K, payload: BackgroundRequest<K>): Promise<BackgroundResponses[K]> {
  return unwrap((await browser.runtime.sendMessage({ type, ...payload })) as Reply<BackgroundResponses[K]> | undefined);
}

/** Calls `onChange` when the background (this extension, not a tab: content scripts share the id) reports stored data changed. */
export function useDbChanged(onChange: () => void): void {
  useEffect(() => {
    const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id === browser.runtime.id && sender.tab === undefined && (raw as { type?: unknown } | null)?.type === DB_CHANGED) onChange();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [onChange]);
}
