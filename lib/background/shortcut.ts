import type { BackgroundResponses, BackgroundRequest } from '../messaging/protocol';
import { buyerKey } from '../orders/model';
import type { Db } from '../store/db';
import { suggestionExtras } from './data';
import type { SenderInfo } from './handler';
import { buildQueue } from './queue';
import { tabContextOf } from './service';
import { readSelected, suggestionsFor } from './workspace';

/** The order and text the insert shortcut would use on a tab, worked out like the panel's first suggestion. */
export async function topSuggestion(db: Db, now: number, tabId: number, rawContext: unknown): Promise<BackgroundRequest<'suggestion/insert'> | undefined> {
  const queue = await buildQueue(db, now, tabContextOf(tabId, rawContext));
  const selected = await readSelected(db);
  // The order the person last picked, else the open chat's buyer, else the most urgent.
  const entry = queue.find((e) => e.order.key === selected) ?? queue.find((e) => e.chatting) ?? queue[0];
  if (!entry) return undefined;
  const buyer = await db.get('buyers', buyerKey(entry.order.platform, entry.order.buyer.nick));
  const extras = await suggestionExtras(db, entry.order, (buyer?.paidOrderKeys.length ?? 0) > 0 ? 'returning' : 'new', now);
  const top = suggestionsFor(entry.order, buyer, entry.attempts, {}, now, extras)[0];
  return top ? { tabId, orderKey: entry.order.key, templateId: top.templateId, text: top.text } : undefined;
}

/**
 * The keyboard shortcut: the top suggestion into the tab's chat box, through
 * the panel's own 'suggestion/insert' handler, so it is checked, inserted and
 * logged (with its follow-up and agent, in one transaction) exactly as a click
 * on the panel's insert button would be. Undefined when there is nothing to insert.
 */
export async function insertTopSuggestion(
  deps: { db(): Promise<Db>; now(): number; askTab(tabId: number, type: 'tab/context', payload: object): Promise<unknown> },
  insert: (request: BackgroundRequest<'suggestion/insert'>, sender: SenderInfo) => Promise<BackgroundResponses['suggestion/insert']>,
  tabId: number,
): Promise<BackgroundResponses['suggestion/insert'] | undefined> {
  const request = await topSuggestion(await deps.db(), deps.now(), tabId, await deps.askTab(tabId, 'tab/context', {}));
  return request ? insert(request, {}) : undefined;
}
