import type { DBSchema } from 'idb';
import type { Buyer, ContactAttempt, Order } from '../orders/model';
import type { MilestonePlan } from '../milestones/model';

export const DB_NAME = 'paynudge';

/**
 * A custom or edited template: lib/compose/model.ts Template plus `updatedAt`
 * and `hidden` (see TemplateRecord in lib/messaging/data.ts, which parses it).
 */
export type TemplateRecord = import('../messaging/data').TemplateRecord;

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
      'by-platform': string;
      'by-buyer': [string, string];
      'by-next-follow-up': number;
    };
  };
  buyers: { key: string; value: Buyer; indexes: { 'by-platform': string } };
  attempts: {
    key: string;
    value: ContactAttempt;
    indexes: { 'by-order': string; 'by-buyer': string; 'by-follow-up': number; 'by-time': number };
  };
  templates: { key: string; value: TemplateRecord };
  milestones: { key: string; value: MilestoneRecord; indexes: { 'by-order': string; 'by-due': number } };
  settings: { key: string; value: SettingRecord };
}
