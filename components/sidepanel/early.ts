// The side panel's first screen as asked by public/panel-early.js before the page's modules loaded.

/** What the early script leaves on the page's global object. */
export interface EarlyFirstScreen {
  /** The tab it asked for (the active tab of the panel's window, when the URL binds none), once known. */
  tab?: { tabId: number | undefined };
  /** The request it sent, once the bound tab was known. */
  request?: Record<string, unknown>;
  /** The background's raw reply once it came (undefined while on its way, or when there was none). */
  answer?: unknown;
  /** Settles with the background's raw reply, or undefined when there was none. */
  reply?: Promise<unknown>;
  /** A change notice came while the reply was on its way or waiting to be taken: it may not hold that change. */
  changed: boolean;
  /** Stops its change listener (the panel listens itself from then on). */
  stop?: () => void;
}

const KEY = '__paynudgePanelFirst';

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys whose value is undefined are not sent: they count as absent.
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (!same(x[k], y[k])) return false;
  return true;
}

/**
 * The early reply for the panel's first load, taken once: only when that load asks for exactly what was asked early
 * (the same tab, window and filters) and no change was told since it was sent. Anything else: undefined, and the
 * panel asks the usual way. Called synchronously in the same effect pass that starts the panel's own change listener,
 * so no change notice falls between the two listeners.
 */
export async function takeEarlyFirstScreen(request: Record<string, unknown>, scope: Record<string, unknown> = globalThis as Record<string, unknown>): Promise<unknown> {
  const early = scope[KEY] as EarlyFirstScreen | undefined;
  if (!early) return undefined;
  delete scope[KEY];
  if (!early.reply) {
    early.stop?.();
    return undefined;
  }
  const reply = await early.reply;
  early.stop?.();
  if (early.changed || !same(early.request, request)) return undefined;
  return reply;
}

/** The tab the early script found active as the page started, if it has: the panel's first bound tab. */
export function earlyTab(scope: Record<string, unknown> = globalThis as Record<string, unknown>): { tabId: number | undefined } | undefined {
  return (scope[KEY] as EarlyFirstScreen | undefined)?.tab;
}

/**
 * The early answer's data if it is already here, answers exactly `request` and no change was told since: the panel's
 * first render draws it (the live queue) instead of the last open's snapshot. Not taken: takeEarlyFirstScreen still
 * checks it at the first load, with the change listener kept until then (a change told in between is not missed).
 */
export function earlyAnswer<T>(request: Record<string, unknown>, scope: Record<string, unknown> = globalThis as Record<string, unknown>): T | undefined {
  const early = scope[KEY] as EarlyFirstScreen | undefined;
  const answer = early?.answer as { ok?: unknown; data?: T } | undefined;
  if (!early || early.changed || answer?.ok !== true || !same(early.request, request)) return undefined;
  return answer.data;
}
