import { HEALTH_KEY, HealthProblemSchema, ManualOrderInputSchema, validateManualOrder, type HealthKind, type ManualErrorKey, type HealthProblem, type PlatformResponses } from '../messaging/platforms';
import type { PageRead } from '../orders/model';
import { parseMoney } from '../orders/money';
import { platformOfUrl } from '../platforms/hosts';
import type { Db } from '../store/db';
import { createManualOrder, manualOrderId, manualOrderKey, type ManualOrderRecord } from '../store/manual';
import type { AreaHandlers, HandlerContext, SenderInfo } from './handler';
import { UserError, type ErrorCode } from '../messaging/errors';

/** A manual-order field's problem as the error code the panel explains. */
const MANUAL_ERROR = {
  'pf.err.buyer': 'manual-buyer',
  'pf.err.items': 'manual-items',
  'pf.err.qty': 'manual-qty',
  'pf.err.total': 'manual-total',
  'pf.err.totalZero': 'manual-total-zero',
  'pf.err.currency': 'manual-currency',
  'pf.err.date': 'manual-date',
  'pf.err.deadline': 'manual-deadline',
  'pf.err.tooLong': 'manual-too-long',
} as const satisfies Record<ManualErrorKey, ErrorCode>;

/** Problems of other tabs stay on show this long; the bound tab's stay until a good read clears them. */
export const RECENT_PROBLEM_MS = 15 * 60_000;
/** Older problems are forgotten (a tab closed, a page never reopened). */
const FORGET_MS = 24 * 3_600_000;

const problemKey = (p: Pick<HealthProblem, 'tabId' | 'platform' | 'listKey'>) => `${p.tabId}|${p.platform}|${p.listKey}`;

/** What a read says about its page's health; undefined for a page the built-in selectors read whole. */
export function healthKind(read: PageRead): HealthKind | undefined {
  if (read.noRowsFound) return 'no-rows';
  if (read.unreadable > 0) return 'unreadable-rows';
  if ((read.idsMissed ?? 0) > 0) return 'short-read';
  if (read.readPath === 'structure' || read.readPath === 'recipe') return 'degraded';
  return undefined;
}

/**
 * Remembers, per (tab, platform, listing), the latest read that came back
 * empty-but-should-not-be or with rows that failed. In memory, mirrored to
 * the settings store so a service-worker restart keeps the warning.
 */
export class HealthRegistry {
  private problems: Map<string, HealthProblem> | undefined;

  constructor(private readonly db: () => Promise<Db>) {}

  /** Forgets every problem (erase everything): none comes back, nor is written back by the next read. */
  forget(): void {
    this.problems = new Map();
  }

  private async load(): Promise<Map<string, HealthProblem>> {
    if (!this.problems) {
      const stored = (await (await this.db()).get('settings', HEALTH_KEY))?.value;
      // Only well-formed problems: the list is shown in the panel and written back on the next read.
      const list = Array.isArray(stored) ? stored.flatMap((p) => { const r = HealthProblemSchema.safeParse(p); return r.success ? [r.data as HealthProblem] : []; }) : [];
      this.problems ??= new Map(list.map((p) => [problemKey(p), p]));
    }
    return this.problems;
  }

  private async save(map: Map<string, HealthProblem>): Promise<void> {
    await (await this.db()).put('settings', { key: HEALTH_KEY, value: [...map.values()] });
  }

  /** Records one page read's health. Returns whether the set of problems changed (panels should refresh). */
  async record(tabId: number, read: PageRead, now: number, frameId = 0): Promise<boolean> {
    const map = await this.load();
    let changed = false;
    for (const [key, p] of map) {
      if (now - p.at > FORGET_MS) changed = map.delete(key) || changed;
    }
    const missed = read.idsMissed ?? 0;
    const rows = read.orders.length + read.unreadable + missed;
    const kind = healthKind(read);
    if (!kind) {
      // A good read of this platform on this tab: the page (or the SPA's new view) reads fine again.
      for (const [key, p] of map) {
        if (p.tabId === tabId && p.platform === read.platform) changed = map.delete(key) || changed;
      }
    } else {
      const problem: HealthProblem = {
        tabId,
        ...(frameId ? { frameId } : {}),
        platform: read.platform,
        url: read.url,
        listKey: read.listKey,
        unpaidOnly: read.unpaidOnly,
        selectorsVersion: read.selectorsVersion,
        kind,
        count: kind === 'no-rows' ? 0 : kind === 'unreadable-rows' ? read.unreadable : kind === 'short-read' ? missed : read.orders.length,
        rows,
        readPath: read.readPath,
        ...(read.recipeNoMatch ? { recipeNoMatch: true } : {}),
        at: now,
      };
      const key = problemKey(problem);
      const old = map.get(key);
      if (!old || old.kind !== problem.kind || old.readPath !== problem.readPath || old.recipeNoMatch !== problem.recipeNoMatch || old.count !== problem.count || old.rows !== problem.rows || old.url !== problem.url || old.frameId !== problem.frameId) changed = true;
      map.set(key, problem);
    }
    if (changed) await this.save(map);
    return changed;
  }

  /** The bound tab's problems, then other tabs' recent ones, newest first. */
  async list(tabId: number | undefined, now: number): Promise<HealthProblem[]> {
    const map = await this.load();
    return [...map.values()]
      .filter((p) => p.tabId === tabId || now - p.at <= RECENT_PROBLEM_MS)
      .sort((a, b) => Number(b.tabId === tabId) - Number(a.tabId === tabId) || b.at - a.at);
  }
}

/** Whether a content script may report this read: its platform is the one its page's host belongs to (never 'manual'). */
export function readMatchesSender(read: Pick<PageRead, 'platform'>, sender: SenderInfo): boolean {
  return sender.url !== undefined && platformOfUrl(sender.url) === read.platform;
}

/** The platforms area: adapter health and manual orders. `onPageRead` is called by the core 'page/read' handler. */
export function platformArea(ctx: HandlerContext) {
  const { deps } = ctx;
  const health = new HealthRegistry(deps.db);

  async function onPageRead(read: PageRead, sender: SenderInfo): Promise<void> {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    if (await health.record(tabId, read, deps.now(), sender.frameId)) deps.changed();
  }

  const handlers: AreaHandlers<PlatformResponses> = {
    async 'health/get'({ tabId }) {
      return { problems: await health.list(tabId, deps.now()) };
    },

    async 'order/manual-create'(raw) {
      const input = ManualOrderInputSchema.parse(raw);
      const checked = validateManualOrder(input, parseMoney);
      if (!checked.ok) {
        const first = Object.values(checked.errors)[0]!;
        throw new UserError(MANUAL_ERROR[first.key], first.vars);
      }
      const { value } = checked;
      const db = await deps.db();
      const now = deps.now();
      // The day part in the seller's own zone: the id reads like the date they typed.
      const offset = -new Date(now).getTimezoneOffset();
      for (let attempt = 0; attempt < 20; attempt++) {
        const orderId = manualOrderId(now, offset, deps.newId());
        const order: ManualOrderRecord = {
          platform: 'manual',
          orderId,
          key: manualOrderKey(orderId),
          buyer: { nick: value.buyer },
          items: value.items,
          amount: value.amount,
          createdAt: value.createdAt ?? now,
          autoCloseAt: value.deadlineAt,
          status: 'unpaid',
          statusSource: 'person',
          pageUrl: '',
          firstSeenAt: now,
          lastSeenAt: now,
          statusChangedAt: now,
          ...(value.contact ? { contact: value.contact } : {}),
          ...(value.note ? { note: value.note } : {}),
        };
        if (await createManualOrder(db, order)) {
          deps.changed();
          return { order };
        }
      }
      throw new Error('no free manual order id');
    },
  };

  return { handlers, onPageRead, forget: () => health.forget() };
}
