// What the structural reader must know about a platform that the page does
// not say: the currency a bare amount is in, the clock its times are written
// in, and how long an unpaid order waits before it closes. Taken from each
// adapter's selectors.ts, never from its reader (content-script bundles stay
// small: the adapters' code is not pulled in).
import type { Platform } from '../../orders/model';
import { parseMoneyAll, type Money } from '../../orders/money';
import { CHINA_OFFSET_MINUTES } from '../../orders/time';
import { regionSign, SHARED_SIGN, soleMoney } from '../money';
import { clockOfNote, inPageLanguage, ZONE_NOTE, type Clock } from '../times';
import { ORDER_NUMBER } from '../order-numbers';
import { textOf } from '../types';
import { DEFAULT_AUTO_CLOSE_DAYS as ALIEXPRESS_CLOSE_DAYS } from '../aliexpress/selectors';
import { DEFAULT_AUTO_CLOSE_HOURS as PDD_CLOSE_HOURS } from '../pdd/selectors';
import { DEFAULT_AUTO_CLOSE_HOURS as SHOPEE_CLOSE_HOURS, dollarOfNoMarket, REGIONS as SHOPEE_REGIONS } from '../shopee/selectors';
import { DEFAULT_AUTO_CLOSE_HOURS as TAOBAO_CLOSE_HOURS } from '../taobao/selectors';
import { DEFAULT_AUTO_CANCEL_HOURS as TIKTOK_CANCEL_HOURS, REGIONS as TIKTOK_REGIONS, regionKey as tiktokRegionKey } from '../tiktok/selectors';

export type ListPlatform = Exclude<Platform, 'manual'>;

export type { Clock };

export interface PlatformFacts {
  platform: ListPlatform;
  /** The order number as one capture group (for findOrderAnchors). */
  orderNumber: RegExp;
  /** The one amount `text` shows in this shop's money, or null (none, several, or another currency). */
  money(text: string): Money | null;
  clock: Clock;
  /** Hours an unpaid order waits before it closes, when the page shows no deadline; undefined: no estimate. */
  closeHours?: number;
}

const CHINA: Clock = { offset: CHINA_OFFSET_MINUTES, order: 'ymd' };

/** The one amount of `text` in `currency`, a bare number counting as one. */
function soleIn(text: string, currency: string): Money | null {
  const all = parseMoneyAll(text, currency);
  const first = all[0];
  if (!first || first.currency !== currency) return null;
  return all.every((m) => m.minor === first.minor && m.currency === currency) ? first : null;
}

/** A marked amount; a bare "$" is the region's dollar when the region has one (MXN, SGD …), a bare "¥" its yen (JPY), never another currency. */
function regional(text: string, currency: string | undefined): Money | null {
  const money = soleMoney(text);
  if (!money || !currency || money.currency === currency) return money;
  return regionSign(text, money, currency) ?? null;
}

/**
 * The page's time-zone note ("Time zone: Pacific Time (PT)"), looked for text
 * by text: `see` is shown the page's text nodes in page order and says when
 * it has found a note naming a clock; `clock` is that clock, if any.
 */
export interface ClockNote {
  see(text: Text): boolean;
  clock: Clock | undefined;
}

function clockNote(): ClockNote {
  const note: ClockNote = {
    clock: undefined,
    see(t) {
      if (!ZONE_NOTE.test(t.nodeValue ?? '')) return false;
      note.clock = clockOfNote(textOf(t.parentElement));
      return note.clock !== undefined;
    },
  };
  return note;
}

/**
 * A search for the time-zone note, for the platforms whose pages may name
 * their clock in one (AliExpress, TikTok Shop, Alibaba.com): given to the walk that finds
 * the order numbers, it spares platformFacts a walk of the page of its own.
 */
export function clockNoteFor(platform: ListPlatform): ClockNote | undefined {
  return platform === 'aliexpress' || platform === 'tiktok' || platform === 'alibaba' ? clockNote() : undefined;
}

/** The clock a page names in a time-zone note, if it names one: `seen`, a note search already shown every text of the page, else a walk of its own. */
function notedClock(doc: Document, seen: ClockNote | undefined): Clock | undefined {
  if (seen) return seen.clock;
  if (!doc.body) return undefined;
  const note = clockNote();
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (note.see(t as Text)) break;
  return note.clock;
}

/**
 * A TikTok Shop page's clock: the zone its note names, else its region's; the date order its region writes (a note
 * names a zone, not an order: "Fuso horário: GMT-03:00" on a Brazilian page still writes "08/12/2026" day first), else
 * its language's.
 */
function tiktokClock(noted: Clock | undefined, region: { zone: string; order: Clock['order'] } | undefined, doc: Document): Clock {
  const order = region?.order ?? inPageLanguage({ order: 'mdy' }, doc).order;
  if (noted) return { ...noted, order };
  return region ? { zone: region.zone, order } : { offset: CHINA_OFFSET_MINUTES, order };
}

/** The order number's shape as one capture group (findOrderAnchors). */
export function anchorPattern(platform: ListPlatform): RegExp {
  return new RegExp(`(${ORDER_NUMBER[platform].source})`);
}

/** `seen`: a clockNoteFor search already shown every text of the page's body (else the page is walked for the note when the platform needs it). */
export function platformFacts(platform: ListPlatform, doc: Document, url: URL, seen?: ClockNote): PlatformFacts {
  const orderNumber = anchorPattern(platform);
  switch (platform) {
    case 'taobao':
      return { platform, orderNumber, money: (t) => soleIn(t, 'CNY'), clock: CHINA, closeHours: TAOBAO_CLOSE_HOURS };
    case 'pdd':
      return { platform, orderNumber, money: (t) => soleIn(t, 'CNY'), clock: CHINA, closeHours: PDD_CLOSE_HOURS };
    case 'alibaba':
      // Alibaba.com's back-office shows its times in the zone the seller chose, which a note names ("表示時刻はすべて日本時間 (GMT+9) です").
      return { platform, orderNumber, money: (t) => soleMoney(t), clock: notedClock(doc, seen) ?? CHINA };
    case 'aliexpress':
      return { platform, orderNumber, money: (t) => soleMoney(t), clock: inPageLanguage(notedClock(doc, seen) ?? CHINA, doc), closeHours: ALIEXPRESS_CLOSE_DAYS * 24 };
    case 'tiktok': {
      const key = tiktokRegionKey(url);
      const region = key ? TIKTOK_REGIONS[key] : undefined;
      // A bare "$" is the region's dollar in Mexico and Singapore, a bare "¥" the yen in Japan.
      const own = region && SHARED_SIGN.test(region.currency) ? region.currency : undefined;
      return {
        platform,
        orderNumber,
        money: (t) => regional(t, own),
        clock: tiktokClock(notedClock(doc, seen), region, doc),
        closeHours: TIKTOK_CANCEL_HOURS,
      };
    }
    case 'shopee': {
      const region = SHOPEE_REGIONS[url.host];
      const money = (t: string) => {
        const found = regional(t, region?.currency);
        return found && !region?.currency && dollarOfNoMarket(t, found) ? null : found;
      };
      return { platform, orderNumber, money, clock: { zone: region?.zone ?? 'UTC', order: 'dmy' }, closeHours: SHOPEE_CLOSE_HOURS };
    }
  }
}
