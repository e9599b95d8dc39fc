import type { StoreName } from '../backup/format';
import { sharedPack, type Rec } from './docs';

// How two versions of one shared record become one. The backup import's
// rules (lib/backup/merge.ts) plus what two agents editing at once needs:
// - an order's status: paid by a person, then paid seen on a page, then the rest;
// - attempts and payments are never lost (a logged outcome beats "pending");
// - a plan: the later edit wins, the other revision goes into its history;
// - buyers: notes, tags and do-not-remind are kept from either side.
// Every rule picks the same result whichever side it runs on (ties are
// broken by content), so agents that resolve the same conflict agree.

function num(value: unknown): number {
  return typeof value === 'number' ? value : -1;
}

/** Orders by how sure their status is. */
function statusRank(order: Rec): number {
  if (order.status === 'paid' && order.statusSource === 'person') return 3;
  if (order.status === 'paid') return 2;
  if (order.status === 'closed') return 1;
  return 0;
}

/** The deterministic pick between two versions neither rule prefers. */
function byContent(a: Rec, b: Rec): Rec {
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

function newer(a: Rec, b: Rec, field: string): Rec {
  const x = num(a[field]);
  const y = num(b[field]);
  return x > y ? a : y > x ? b : byContent(a, b);
}

function mergeOrders(a: Rec, b: Rec): Rec {
  const base = { ...newer(a, b, 'lastSeenAt') };
  const ra = statusRank(a);
  const rb = statusRank(b);
  const status = ra > rb ? a : rb > ra ? b : newer(a, b, 'statusChangedAt');
  base.status = status.status;
  base.statusSource = status.statusSource;
  base.statusChangedAt = status.statusChangedAt;
  if (status.statusText !== undefined) base.statusText = status.statusText;
  // Counts are recomputed from the attempts each side holds; the larger is the nearer.
  const count = Math.max(num(a.attemptCount), num(b.attemptCount));
  if (count >= 0) base.attemptCount = count;
  const last = Math.max(num(a.lastAttemptAt), num(b.lastAttemptAt));
  if (last >= 0) base.lastAttemptAt = last;
  // A follow-up someone set is kept until an agent clears it on the newer version.
  if (base.followUp === undefined) {
    const other = base === a ? b : a;
    if (other.followUp !== undefined && num(other.lastAttemptAt) >= num(base.lastAttemptAt)) {
      base.followUp = other.followUp;
      base.nextFollowUpAt = other.nextFollowUpAt;
    }
  }
  return base;
}

function mergeBuyers(a: Rec, b: Rec): Rec {
  const base = { ...newer(a, b, 'lastSeenAt') };
  const other = base.key === a.key && base === a ? b : a;
  base.paidOrderKeys = [...new Set([...((a.paidOrderKeys as string[]) ?? []), ...((b.paidOrderKeys as string[]) ?? [])])].sort();
  const tags = [...new Set([...((a.tags as string[]) ?? []), ...((b.tags as string[]) ?? [])])];
  if (tags.length) base.tags = tags.slice(0, 20);
  // One agent's note is not written over by another's: both stay.
  const notes = [a.note, b.note].filter((n): n is string => typeof n === 'string' && n !== '');
  if (notes.length === 2 && notes[0] !== notes[1]) {
    const [x, y] = notes.sort();
    base.note = x!.includes(y!) ? x : y!.includes(x!) ? y : `${x}\n—\n${y}`.slice(0, 5000);
  } else if (notes.length) base.note = notes[0];
  if (a.doNotRemind === true || b.doNotRemind === true) base.doNotRemind = true;
  // First seen by whichever agent saw the buyer first.
  if (typeof a.firstSeenAt === 'number' && typeof b.firstSeenAt === 'number') base.firstSeenAt = Math.min(a.firstSeenAt, b.firstSeenAt);
  const reminded = Math.max(num(a.lastRemindedAt), num(b.lastRemindedAt));
  if (reminded >= 0) base.lastRemindedAt = reminded;
  for (const field of ['language', 'timeZone', 'displayName']) if (base[field] === undefined && other[field] !== undefined) base[field] = other[field];
  return base;
}

function mergeAttempts(a: Rec, b: Rec): Rec {
  // An attempt is one event: its outcome is what was learned about it. A logged outcome beats "pending".
  if (a.outcome === 'pending' && b.outcome !== 'pending') return { ...b, note: b.note ?? a.note };
  if (b.outcome === 'pending' && a.outcome !== 'pending') return { ...a, note: a.note ?? b.note };
  return byContent(a, b);
}

/** Two versions of one order's attempts: every attempt of both, one attempt kept on both sides merged as above. */
function mergePacks(a: Rec, b: Rec): Rec {
  const byId = new Map<string, Rec>();
  for (const x of (a.attempts as Rec[]) ?? []) byId.set(String(x.id), x);
  for (const y of (b.attempts as Rec[]) ?? []) {
    const x = byId.get(String(y.id));
    byId.set(String(y.id), x ? mergeAttempts(x, y) : y);
  }
  return sharedPack(String(a.orderKey ?? b.orderKey), [...byId.values()]);
}

type Plan = {
  updatedAt: number;
  stages: { id: string; payments: { id: string }[] }[];
  events: { at: number; kind: string; note?: string; stageId?: string }[];
};

/** A one-line account of a plan revision, for the history. */
function describe(plan: Plan & { total?: { minor: number; currency: string } }): string {
  const stages = plan.stages.map((s) => `${(s as { kind?: string }).kind ?? ''} ${(s as { amountMinor?: number }).amountMinor ?? ''} ${(s as { status?: string }).status ?? ''}`.trim());
  return `revision of ${new Date(plan.updatedAt).toISOString()}: ${stages.join(' / ')}`.slice(0, 1000);
}

/** Two revisions of one order's staged-payment plan: the later edit, with the other's payments and history kept (backup import uses it too). */
export function mergePlans(a: Rec, b: Rec): Rec {
  // The edit time is the plan's own (the record around it carries none).
  const at = (r: Rec) => num((r.plan as Plan | undefined)?.updatedAt);
  const winner = at(a) > at(b) ? a : at(b) > at(a) ? b : byContent(a, b);
  const loser = winner === a ? b : a;
  const wp = winner.plan as Plan | undefined;
  const lp = loser.plan as Plan | undefined;
  if (!wp || !lp) return winner;
  const stages = wp.stages.map((stage) => {
    const theirs = lp.stages.find((s) => s.id === stage.id);
    if (!theirs) return stage;
    // Payments are money received: every one either side recorded stays.
    const ids = new Set(stage.payments.map((p) => p.id));
    const extra = theirs.payments.filter((p) => !ids.has(p.id));
    return extra.length ? { ...stage, payments: [...stage.payments, ...extra] } : stage;
  });
  const seen = new Set(wp.events.map((e) => JSON.stringify(e)));
  const events = [...wp.events, ...lp.events.filter((e) => !seen.has(JSON.stringify(e)))].sort((x, y) => x.at - y.at);
  // Payments on stages the winning revision no longer has are kept in the history too.
  for (const stage of lp.stages) {
    if (wp.stages.some((s) => s.id === stage.id)) continue;
    for (const p of stage.payments as { id: string; amountMinor?: number; reference?: string; paidAt?: number }[]) {
      const event = { at: p.paidAt ?? lp.updatedAt, kind: 'payment', stageId: stage.id, amountMinor: p.amountMinor, reference: p.reference, note: 'kept from a replaced revision' };
      if (!seen.has(JSON.stringify(event))) events.push(event);
    }
  }
  const superseded = { at: wp.updatedAt, kind: 'edited', note: `superseded ${describe(lp)}` };
  const key = JSON.stringify(superseded);
  const sameEdit = contentOfPlan(wp) === contentOfPlan(lp);
  if (!sameEdit && !events.some((e) => JSON.stringify(e) === key)) events.push(superseded);
  return { ...winner, plan: { ...wp, stages, events: events.slice(-1000) } };
}

/** What a person edits in a plan: everything but its history and the payments (those are merged, not chosen). */
function contentOfPlan(plan: Plan): string {
  const { events: _e, ...rest } = plan;
  return JSON.stringify({ ...rest, stages: rest.stages.map(({ payments: _p, ...stage }) => stage) });
}

/**
 * Merges two versions of one shared record into the one every agent keeps.
 * Same input in either order, same output.
 */
export function mergeShared(store: StoreName, a: Rec, b: Rec): Rec {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  switch (store) {
    case 'orders':
      return mergeOrders(a, b);
    case 'buyers':
      return mergeBuyers(a, b);
    case 'attempts':
      return mergePacks(a, b);
    case 'milestones':
      return mergePlans(a, b);
    case 'templates':
      // The import rule: the newer edit.
      return newer(a, b, 'updatedAt');
    case 'settings':
      return byContent(a, b);
  }
}
