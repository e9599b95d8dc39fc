import type { BackgroundRequest, BackgroundRequestType, BackgroundResponses, ContentResponses, TabContext } from '../messaging/protocol';
import type { ContactAttempt, Order } from '../orders/model';
import type { Db } from '../store/db';

// What the background's service (./service.ts) and its feature areas' handlers
// (./workspace.ts, ./data.ts, …) share. Kept apart so the areas need not import
// the service that imports them.

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** The frame of the tab that sent it (0: the top frame). */
  frameId?: number;
}

/** What the background needs from the browser, so the logic can be tested without one. */
export interface BackgroundDeps {
  db: () => Promise<Db>;
  /**
   * The database's name, when known before it opens (the browser's: lib/store/schema.ts DB_NAME): a waking worker's
   * first queue answer then comes from the queue the last worker saved without waiting for the open.
   */
  dbName?: string;
  now: () => number;
  newId: () => string;
  extensionId: string;
  extensionOrigin: string;
  askTab<K extends keyof ContentResponses>(tabId: number, type: K, payload: object): Promise<ContentResponses[K] | undefined>;
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Runs one of the extension's unlisted scripts in a frame of a tab (lib/content/inject.ts); false when it cannot. */
  loadScript?(tabId: number, frameId: number, file: string): Promise<boolean>;
  /** Tells open panels and popups that stored data changed. */
  changed(): void;
  /** Closes every notification PayNudge shows (they carry buyer nicks): part of erasing everything. */
  clearNotifications?(): Promise<void>;
}

export type Handler<K extends BackgroundRequestType> = (req: BackgroundRequest<K>, sender: SenderInfo) => Promise<BackgroundResponses[K]>;

/** The handlers of one feature area's requests (those of `Responses`). */
export type AreaHandlers<Responses> = { [K in keyof Responses & BackgroundRequestType]: Handler<K> };

/** What every area's handlers share: the browser deps and the common lookups. */
export interface HandlerContext {
  deps: BackgroundDeps;
  requireOrder(db: Db, key: string): Promise<Order>;
  /** Logs an attempt with its follow-up (and "paid" when `markPaid`) in one transaction. */
  logAttempt(
    db: Db,
    order: Order,
    fields: Pick<ContactAttempt, 'action' | 'channel' | 'text' | 'outcome'> & Partial<ContactAttempt>,
    options?: { markPaid?: boolean },
  ): Promise<ContactAttempt>;
  tabContext(tabId: number | undefined): Promise<TabContext>;
}
