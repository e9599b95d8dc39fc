import type { ContentResponses } from '../messaging/content';
import { parseTabContextReply } from './service';

// Seller back-offices show some panes in an iframe from another of their
// hosts (a workbench on one host around an order list served by another).
// The top frame's script cannot read such a frame, so a content script runs
// in every seller frame and reads a frame its parent cannot (see
// lib/content/run.ts). The background learns which frames of a tab hold an
// order list from their page reads, and asks a tab's questions of the top
// frame and those frames: never of every frame at once, which would have two
// frames insert the same text.

/** Which frames of each tab (besides the top one) reported a page read. Forgotten with the tab; a frame gone since is dropped when it no longer answers. */
export class TabFrames {
  private readonly frames = new Map<number, Set<number>>();
  /** Tabs whose frames were listed since this worker started (see frameAsker's `listFrames`). */
  private readonly listed = new Set<number>();
  /** When each tab's frames were last listed again for want of a composer (see frameAsker). */
  private readonly relisted = new Map<number, number>();

  /** A content script in this frame of this tab reported a page read. */
  saw(tabId: number, frameId: number | undefined): void {
    if (!frameId) return;
    let set = this.frames.get(tabId);
    if (!set) this.frames.set(tabId, (set = new Set()));
    set.add(frameId);
  }

  drop(tabId: number, frameId: number): void {
    const set = this.frames.get(tabId);
    set?.delete(frameId);
    if (set?.size === 0) this.frames.delete(tabId);
  }

  forget(tabId: number): void {
    this.frames.delete(tabId);
    this.listed.delete(tabId);
    this.relisted.delete(tabId);
  }

  /** Whether this tab's frames may be listed again at `now` (at most once per RELIST_MS), noting it when they may. */
  mayRelist(tabId: number, now: number): boolean {
    const last = this.relisted.get(tabId);
    if (last !== undefined && now - last < RELIST_MS) return false;
    this.relisted.set(tabId, now);
    return true;
  }

  /** Whether this tab's frames still need listing: not yet since the worker started, and no frame reported a read. */
  unlisted(tabId: number): boolean {
    return !this.listed.has(tabId) && !this.frames.has(tabId);
  }

  listedNow(tabId: number, frameIds: readonly number[]): void {
    this.listed.add(tabId);
    for (const f of frameIds) this.saw(tabId, f);
  }

  /** The top frame first, then the frames that reported a read, in the order they first did. */
  of(tabId: number): number[] {
    return [0, ...(this.frames.get(tabId) ?? [])];
  }
}

/**
 * A tab whose known frames show no composer has its seller frames listed again at most this often when the panel
 * asks for its context: a chat pane opened in a frame of its own since (Alibaba.com's messenger, a workbench's chat)
 * holds no order list, so it never reports a read. An insert with no composer found lists them at once.
 */
export const RELIST_MS = 10_000;

/** One message to one frame of a tab; rejects when nothing there answers. */
export type SendToFrame = (tabId: number, frameId: number, message: object) => Promise<unknown>;

type Reply<K extends keyof ContentResponses> = ContentResponses[K] | undefined;
type TabContextReply = ContentResponses['tab/context'];

/**
 * A tab's context from each frame's: the orders of every frame on the platform that shows orders (the top frame's
 * when none does), its open chat's buyer and whether any frame has a composer. Replies are checked one by one.
 */
export function mergeTabContexts(raws: readonly unknown[]): TabContextReply | undefined {
  const replies = raws.flatMap((raw) => parseTabContextReply(raw) ?? []);
  const lead = replies.find((r) => r.orderIds.length > 0) ?? replies[0];
  if (!lead) return undefined;
  const orderIds = [...new Set(replies.filter((r) => r.platform === lead.platform).flatMap((r) => r.orderIds))];
  const chatBuyer = replies.find((r) => r.chatBuyer)?.chatBuyer;
  return { platform: lead.platform, orderIds, ...(chatBuyer ? { chatBuyer } : {}), hasComposer: replies.some((r) => r.hasComposer) };
}

/**
 * The background's `askTab` over a tab's frames:
 * - 'tab/context' is asked of every known frame at once and merged;
 * - 'composer/insert' goes to one frame after another, the top one first, and stops at the first frame that has a
 *   composer (inserted or not), so the text lands once;
 * - 'recipes/use' goes to every known frame (each reads with the recipes that fit its own page);
 * - anything else goes to the top frame alone.
 * A frame that does not answer (gone, or no script there) counts as no reply, and is dropped from the tab's frames.
 * `listFrames` names a tab's frames where our scripts may run: for a tab this worker has heard nothing about, and
 * when no known frame has a composer (a chat pane without an order list never reports a read), for an insert at once
 * and for a context at most once per RELIST_MS.
 */
export function frameAsker(frames: TabFrames, send: SendToFrame, listFrames?: (tabId: number) => Promise<number[]>, now: () => number = Date.now) {
  const ask = async (tabId: number, frameId: number, message: object): Promise<unknown> => {
    try {
      return await send(tabId, frameId, message);
    } catch {
      if (frameId !== 0) frames.drop(tabId, frameId);
      return undefined;
    }
  };
  return async function askTab<K extends keyof ContentResponses>(tabId: number, type: K, payload: object): Promise<Reply<K>> {
    const message = { type, ...payload };
    const listedHere = !!listFrames && frames.unlisted(tabId);
    if (listedHere) {
      // A worker that went to sleep forgot which frames reported reads, and a frame whose list has not changed since
      // does not report again: the tab's seller frames are listed once instead.
      frames.listedNow(tabId, await listFrames(tabId).catch(() => []));
      frames.mayRelist(tabId, now());
    }
    const all = frames.of(tabId);
    // The tab's seller frames this worker did not know of, now known (none new when they were just listed).
    const unknownFrames = async (): Promise<number[]> => {
      if (!listFrames || listedHere) return [];
      const fresh = (await listFrames(tabId).catch(() => [])).filter((f) => !all.includes(f));
      frames.listedNow(tabId, fresh);
      return fresh;
    };
    if (type === 'tab/context') {
      const replies = await Promise.all(all.map((f) => ask(tabId, f, message)));
      const merged = mergeTabContexts(replies);
      if (merged?.hasComposer || !frames.mayRelist(tabId, now())) return merged as Reply<K>;
      const more = await unknownFrames();
      return (more.length ? mergeTabContexts([...replies, ...(await Promise.all(more.map((f) => ask(tabId, f, message))))]) : merged) as Reply<K>;
    }
    if (type === 'composer/insert') {
      let last: unknown;
      const insertIn = async (ids: readonly number[]): Promise<unknown> => {
        for (const frameId of ids) {
          const reply = await ask(tabId, frameId, message);
          if (reply === undefined) continue;
          last = reply;
          if ((reply as { method?: unknown }).method !== 'no-composer') return reply;
        }
        return undefined;
      };
      return ((await insertIn(all)) ?? (await insertIn(await unknownFrames())) ?? last) as Reply<K>;
    }
    if (type === 'recipes/use') {
      const [top, ...rest] = await Promise.all(all.map((f) => ask(tabId, f, message)));
      return (top ?? rest.find((r) => r !== undefined)) as Reply<K>;
    }
    return (await ask(tabId, 0, message)) as Reply<K>;
  };
}
