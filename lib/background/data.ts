import { templateProblems, type DataResponses, type LibraryTemplate } from '../messaging/data';
import { parseTemplateRecord, type TemplateRecord } from '../compose/record';
import { parseTemplate, type Language, type Template } from '../compose/model';
import type { AreaHandlers, HandlerContext } from './handler';
import { UserError } from '../messaging/errors';
import type { Db } from '../store/db';
import { BUILTIN_TEMPLATES } from '../compose/templates';
import { pruneSettledOrders, type PruneOptions } from '../store/retention';
import { LOCAL_STORES } from '../store/schema';
import { uncheckAttemptStats } from '../store/buyers';
import { addAttemptIn, allAttempts, findAttemptIn, unpacked, type PackStore } from '../store/attempts';
import type { ContactAttempt } from '../orders/model';
import { popupAnswerOpening } from './popup';
import { DAY_MS } from '../orders/time';
import { platformLanguage, readSettings, SETTINGS_KEY, shopVars, type Settings, type ShopVars } from '../settings';
import { makeBackup, parseBackup, STORE_NAMES, type StoreName } from '../backup/format';
import { applyBackup } from '../backup/merge';
import { computeStats, type RecoveryStats, type TemplateFacts } from '../insights/stats';
import { templateBoost, type TemplateBoost } from '../insights/boost';
import { CADENCE_KEY, readCadence } from '../reminders/settings';
import { isValidTimeZone, localTimeZone } from '../reminders/tz';

// ---- templates library -------------------------------------------------

const BUILTINS = BUILTIN_TEMPLATES as unknown as readonly Template[];
const isBuiltinId = (id: string) => BUILTINS.some((b) => b.id === id);

/** Custom templates (newest first), then built-ins as edited or hidden by the person; hidden ones included. */
export async function listLibrary(db: Db): Promise<LibraryTemplate[]> {
  const stored = new Map<string, TemplateRecord>();
  for (const raw of await db.getAll('templates')) {
    const record = parseTemplateRecord(raw);
    if (record) stored.set(record.id, record);
  }
  const builtins: LibraryTemplate[] = BUILTINS.map((b) => {
    const own = stored.get(b.id);
    return own ? { ...own, origin: 'changed' } : { ...b, updatedAt: 0, origin: 'builtin' };
  });
  const custom: LibraryTemplate[] = [...stored.values()]
    .filter((r) => !isBuiltinId(r.id))
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((r) => ({ ...r, origin: 'custom' }));
  // The person's own first: those are the ones they came to edit.
  return [...custom, ...builtins];
}

/** The whole library the engine should rank (built-ins minus hidden, edits applied, custom added); pass as `suggest(order, ctx, templates)`. */
export async function templateLibrary(db: Db): Promise<Template[]> {
  return (await listLibrary(db)).filter((tpl) => !tpl.hidden).map(({ origin: _o, updatedAt: _u, hidden: _h, ...template }) => template);
}

// ---- settings, insights, retention --------------------------------------

export async function getSettings(db: Db): Promise<Settings> {
  return readSettings((await db.get('settings', SETTINGS_KEY))?.value);
}

/** Recovery statistics of the whole store, one read per store; weeks and hours in the seller's zone, the trend ending at `now`. */
export function recoveryStats(db: Db, now?: number): Promise<RecoveryStats> {
  if (statsInFlight?.db === db) return statsInFlight.promise;
  const promise = readRecoveryStats(db, now).finally(() => {
    if (statsInFlight?.promise === promise) statsInFlight = undefined;
  });
  statsInFlight = { db, promise };
  return promise;
}

// On a big store the statistics take a while: the options page and the suggestions' learning asking at
// once share one read and one pass.
let statsInFlight: { db: Db; promise: Promise<RecoveryStats> } | undefined;

async function readRecoveryStats(db: Db, now?: number): Promise<RecoveryStats> {
  const [orders, attempts, buyers, library, cadence] = await Promise.all([
    db.getAll('orders'),
    allAttempts(db),
    db.getAll('buyers'),
    listLibrary(db),
    db.get('settings', CADENCE_KEY),
  ]);
  const templates = new Map<string, TemplateFacts>(library.map((tpl) => [tpl.id, { style: tpl.style, reasons: tpl.reasons.filter((r) => r !== 'unknown') }]));
  const zone = readCadence(cadence?.value).sellerTimeZone;
  return computeStats({ orders, attempts, buyers, templates, timeZone: isValidTimeZone(zone) ? zone : localTimeZone(), now });
}

/** The learning signal for suggest ctx.boost (see lib/insights/boost.ts). */
export async function learningBoost(db: Db): Promise<TemplateBoost> {
  return templateBoost(await recoveryStats(db));
}

/**
 * Deletes paid and closed orders (with their contact log and stages) whose
 * status settled more than `retentionDays` ago. Run by pruneIfDue (daily alarm, startup, popup).
 */
export async function pruneClosedOrders(db: Db, settings: Settings, now: number, options?: PruneOptions): Promise<number> {
  if (settings.retentionDays <= 0) return 0;
  return pruneSettledOrders(db, now - settings.retentionDays * DAY_MS, options);
}

const LAST_PRUNE_KEY = 'data.lastPrune';

/** A prune is due when none ran yet or the last one is at least `gap` old (a clock set back counts as due). */
export function pruneDue(lastPruneAt: number | undefined, now: number, gap: number = DAY_MS): boolean {
  return lastPruneAt === undefined || now - lastPruneAt >= gap || now < lastPruneAt;
}

/**
 * Runs pruneClosedOrders when `gap` has passed since the last run (the daily
 * alarm and startup use a day, the popup an hour); records when it ran.
 * Returns the orders removed, or undefined when it was not due.
 */
export function pruneIfDue(db: Db, now: number, gap: number = DAY_MS): Promise<number | undefined> {
  // The alarm, startup and the popup may ask at once: one clean-up at a time.
  const running = pruning.get(db);
  if (running) return running.then(() => undefined);
  const run = (async () => {
    const last = (await db.get('settings', LAST_PRUNE_KEY))?.value;
    if (!pruneDue(typeof last === 'number' ? last : undefined, now, gap)) return undefined;
    const removed = await pruneClosedOrders(db, await getSettings(db), now);
    await db.put('settings', { key: LAST_PRUNE_KEY, value: now });
    return removed;
  })();
  pruning.set(db, run);
  void run.then(
    () => pruning.delete(db),
    () => pruning.delete(db),
  );
  return run;
}

const pruning = new WeakMap<Db, Promise<number | undefined>>();

/** Handlers of the requests in lib/messaging/data.ts. */
export function dataHandlers(ctx: HandlerContext): AreaHandlers<DataResponses> {
  const { deps } = ctx;

  async function importBackup(text: string, write: boolean) {
    // A file that is not a backup this version reads throws a UserError saying why.
    const backup = parseBackup(text);
    const db = await deps.db();
    // One transaction over every store: an import lands whole or not at all.
    const tx = db.transaction([...STORE_NAMES], write ? 'readwrite' : 'readonly');
    const stores = (name: StoreName) => tx.objectStore(name) as unknown as IDBPStoreLike;
    try {
      const preview = await applyBackup(
        backup,
        // Attempts are found by id in their order's pack, and added to it.
        async (name, key) => (name === 'attempts' ? await findAttemptIn(tx.objectStore('attempts'), key) : await stores(name).get(key)) as Record<string, unknown> | undefined,
        write
          ? async (name, value) => {
              if (name === 'attempts') await addAttemptIn(tx.objectStore('attempts') as unknown as PackStore, value as unknown as ContactAttempt);
              else await stores(name).put(value);
            }
          : undefined,
      );
      // Attempts may have come in without the counts on orders and buyers kept in step: the next check counts them
      // (a checked record, the file's own included, is trusted without counting: lib/store/buyers.ts).
      if (write) await uncheckAttemptStats(stores('settings'));
      await tx.done;
      if (write) deps.changed();
      return preview;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      throw new UserError('import-failed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    async 'popup/summary'() {
      const now = deps.now();
      const opening = deps.db();
      // Kept from the badge's last recount while nothing was written since; a waking worker's first answer comes
      // from the facts the last one saved, without waiting for the database to open (./popup.ts).
      const answer = popupAnswerOpening(opening, now, deps.changed);
      // The hourly clean-up starts once the answer is made and sent, so its reads and writes (the settings it checks, its
      // slices) never queue ahead of the answer's; it removes only paid and closed orders, which the popup does
      // not count. Removed orders change the panel and badge: they are told.
      // (In a task of its own: the reply has gone out by then.)
      const prune = () =>
        void setTimeout(() => {
          void opening.then((db) => pruneIfDue(db, now, 60 * 60_000)).then(
            (removed) => removed && deps.changed(),
            () => undefined,
          );
        }, 0);
      answer.then(prune, prune);
      return answer;
    },

    async 'settings/get'() {
      return { settings: await getSettings(await deps.db()) };
    },

    async 'settings/set'({ settings }) {
      const db = await deps.db();
      await db.put('settings', { key: SETTINGS_KEY, value: settings });
      deps.changed();
      return { settings };
    },

    async 'templates/list'() {
      return { templates: await listLibrary(await deps.db()) };
    },

    async 'templates/save'({ template: input }) {
      const [problem] = templateProblems(input);
      if (problem) throw new UserError(problem.code, problem.params);
      const parsed = parseTemplate(input);
      if (!parsed.ok) throw new UserError('template-invalid');
      const db = await deps.db();
      const record: TemplateRecord = { ...parsed.template, updatedAt: deps.now() };
      await db.put('templates', record);
      deps.changed();
      return { template: { ...record, origin: isBuiltinId(record.id) ? 'changed' : 'custom' } };
    },

    async 'templates/delete'({ id }) {
      const db = await deps.db();
      const builtin = BUILTINS.find((b) => b.id === id);
      // A built-in cannot be removed from the code; hide it instead ("restore" brings it back).
      if (builtin) await db.put('templates', { ...builtin, hidden: true, updatedAt: deps.now() });
      else await db.delete('templates', id);
      deps.changed();
      return { ok: true };
    },

    async 'templates/restore-builtins'() {
      const db = await deps.db();
      const tx = db.transaction('templates', 'readwrite');
      let restored = 0;
      for (const b of BUILTINS) {
        if (await tx.store.get(b.id)) {
          await tx.store.delete(b.id);
          restored++;
        }
      }
      await tx.done;
      deps.changed();
      return { restored };
    },

    async 'data/export'() {
      const db = await deps.db();
      const tx = db.transaction([...STORE_NAMES], 'readonly');
      // The file lists attempts one by one, as they are packed by order only in this browser's store.
      const entries = await Promise.all(STORE_NAMES.map(async (name) => [name, name === 'attempts' ? unpacked(await tx.objectStore(name).getAll()) : await tx.objectStore(name).getAll()] as const));
      await tx.done;
      return { backup: makeBackup(Object.fromEntries(entries) as Record<StoreName, unknown[]>, deps.now()) };
    },

    async 'data/import-preview'({ text }) {
      return importBackup(text, false);
    },

    async 'data/import'({ text }) {
      return importBackup(text, true);
    },

    async 'data/erase'() {
      const db = await deps.db();
      const stores = [...STORE_NAMES, ...LOCAL_STORES];
      const tx = db.transaction(stores, 'readwrite');
      await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
      await tx.done;
      deps.changed();
      return { ok: true };
    },

    async 'insights/get'() {
      return { stats: await recoveryStats(await deps.db(), Date.now()) };
    },
  };
}

interface IDBPStoreLike {
  get(key: string): Promise<unknown>;
  put(value: unknown): Promise<unknown>;
}

// ---- what the suggestion engine takes from this area ---------------------

let boostCache: { db: Db; at: number; boost: TemplateBoost } | undefined;
const BOOST_TTL_MS = 60_000;

/**
 * Everything this area adds to a suggestion request — the
 * person's template library (built-ins as edited, hidden ones left out,
 * custom ones added; pass as suggest's `templates` argument), the learned
 * boost for this customer type, and {{shop}} / {{seller}} from the settings.
 */
export async function suggestionExtras(
  db: Db,
  order: { platform: import('../orders/model').Platform },
  customer: 'new' | 'returning',
  now: number = Date.now(),
): Promise<{
  templates: Template[];
  ctx: { boost: (templateId: string) => number; uses: (templateId: string) => number; vars: ShopVars; timeZone?: string };
  platformLanguage: Language | undefined;
  learning: (templateId: string) => { paid: number; tries: number; scope: 'new' | 'returning' | 'all' };
}> {
  if (!boostCache || boostCache.db !== db || now - boostCache.at > BOOST_TTL_MS) boostCache = { db, at: now, boost: await learningBoost(db) };
  const [templates, settings, cadence] = await Promise.all([templateLibrary(db), getSettings(db), db.get('settings', CADENCE_KEY)]);
  const { boost } = boostCache;
  // Deadlines are written in the seller's zone when the person has set one (else China time for
  // Chinese messages, UTC for the others), and named unless it is the buyer's own.
  const zone = readCadence(cadence?.value).sellerTimeZone;
  return {
    templates,
    ctx: { boost: boost.for(customer), uses: boost.uses, vars: shopVars(settings, order.platform), ...(zone && isValidTimeZone(zone) ? { timeZone: zone } : {}) },
    platformLanguage: platformLanguage(settings, order.platform),
    learning: (templateId) => {
      const { paid, tries, scope } = boost.detail(templateId, customer);
      return { paid, tries, scope };
    },
  };
}
