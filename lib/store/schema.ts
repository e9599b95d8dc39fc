import type { DBSchema } from 'idb';
import type { Buyer, ContactAttempt, Order } from '../orders/model';
import type { MilestonePlan } from '../milestones/model';

export const DB_NAME = 'paynudge';

/**
 * A custom or edited template: lib/compose/model.ts Template plus `updatedAt`
 * and `hidden` (see lib/compose/record.ts, which parses it).
 */
export type TemplateRecord = import('../compose/record').TemplateRecord;

/**
 * One staged-payment plan per order (id = orderKey). `dueAt` is the earliest
 * due date of a stage still open (for the by-due index), `status` 'open' while
 * money is to collect, 'settled' once none is.
 */
export interface MilestoneRecord {
  id: string;
  orderKey: string;
  dueAt?: number;
  status: string;
  plan?: MilestonePlan;
}

/**
 * One order's contact log (lib/store/attempts.ts): its attempts in time order, and the lists the indexes read
 * (every attempt's id, buyer and follow-up time), derived from them on every write.
 */
export interface AttemptPack {
  orderKey: string;
  attempts: ContactAttempt[];
  ids: string[];
  buyerKeys: string[];
  followUps: number[];
}

/**
 * One order listing (a tab and page of a seller's order list, PageRead.listKey)
 * and when a read of it last came in. Orders keep when a read last changed
 * them; the sighting itself is kept here, once per listing, so a reread that
 * changes nothing writes one small record instead of every order on the page.
 * Local to this browser: not in backups or team sync.
 */
export interface ListingRecord {
  /** `${platform} ${listKey}` */
  key: string;
  platform: string;
  listKey: string;
  lastSeenAt: number;
}

export const listingKey = (platform: string, listKey: string) => `${platform} ${listKey}`;

/** Stores that hold this browser's own bookkeeping: erased with everything, never exported or synced. */
export const LOCAL_STORES = ['listings'] as const;

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface PayNudgeDB extends DBSchema {
  orders: {
    key: string;
    value: Order;
    indexes: {
      'by-status': string;
      'by-buyer': [string, string];
      'by-next-follow-up': number;
      /** Paid and closed orders by when they settled: the retention clean-up reads only what is due. */
      'by-settled': [string, number];
    };
  };
  buyers: { key: string; value: Buyer };
  attempts: {
    key: string;
    value: AttemptPack;
    /** Multi-entry: one entry per attempt. */
    indexes: { 'by-id': string; 'by-buyer': string; 'by-follow-up': number };
  };
  templates: { key: string; value: TemplateRecord };
  milestones: { key: string; value: MilestoneRecord; indexes: { 'by-order': string; 'by-due': number } };
  settings: { key: string; value: SettingRecord };
  listings: { key: string; value: ListingRecord };
}
