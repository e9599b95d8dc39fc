import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { DB_CHANGED, type BackgroundRequest, type BackgroundRequestType, type BackgroundResponses, type Reply } from '@/lib/messaging/protocol';
import { replyError, ShownError } from './errors';

/**
 * Asks the background (the only owner of the data) and unwraps its reply. A refusal
 * throws a ShownError whose message is already in the language the person picked.
 */
export async function ask<K extends BackgroundRequestType>(type: K, payload: BackgroundRequest<K>): Promise<BackgroundResponses[K]> {
  return dataOf<BackgroundResponses[K]>(await browser.runtime.sendMessage({ type, ...payload }));
}

/** A background reply's data, or a ShownError for a refusal or no reply. */
export function dataOf<T>(raw: unknown): T {
  const reply = raw as Reply<T> | undefined;
  if (!reply) throw new ShownError({ code: 'no-reply' });
  if (!reply.ok) throw new ShownError(replyError(reply.error));
  return reply.data;
}

/**
 * A message our pages take: from this extension and not from a tab. Content scripts share the extension id,
 * and run on seller pages whose text is hostile, so what they send never steers the panel or popup.
 */
export function fromBackground(sender: { id?: string; tab?: unknown }, extensionId: string = browser.runtime.id): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

/** Calls `onChange` whenever the background reports stored data changed. */
export function useDbChanged(onChange: () => void): void {
  useEffect(() => {
    const listener = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      if (fromBackground(sender) && (raw as { type?: unknown } | null)?.type === DB_CHANGED) onChange();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [onChange]);
}

/** Copies text; the async clipboard API needs focus, the old route does not. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new ShownError({ code: 'clipboard' });
  }
}
