import type { Worker } from '@playwright/test';

export interface InsightsPlan {
  daysBack: number;
  hour: number;
  paid: boolean;
  promised: boolean;
  currency: 'USD' | 'CNY';
  minor: number;
  template: number;
}
export interface SeedOptions {
  orders: number;
  perOrder: number;
  extraUnpaid: number;
  fewUses: number;
  now: number;
  /** Seven template ids: six for the plan, the seventh for the few-uses orders. */
  templates: string[];
}
export function insightsPlan(i: number): InsightsPlan;
export function seedInsights(options: SeedOptions, plan: (i: number) => InsightsPlan): Promise<{ orders: number; attempts: number }>;
export function seedInsightsIn(worker: Worker, options: SeedOptions): Promise<{ orders: number; attempts: number }>;
