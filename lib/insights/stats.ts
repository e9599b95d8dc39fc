import type { Buyer, ContactAttempt, Order } from '../orders/model';
import type { Money } from '../orders/money';
import { buyerKey } from '../orders/model';
import { CHINA_OFFSET_MINUTES, DAY_MS, HOUR_MS, MINUTE_MS, zoneOffsetMinutes } from '../orders/time';
import { wilson } from './wilson';

// Recovery statistics, computed locally from the shop's own orders and
// contact log. Pure: the background hands in the records.
//
// An order counts as reminded once we logged an outbound contact for it; it
// is recovered when it was then paid within 72 hours of a reminder. Each
// dimension (template, style, ...) credits every value the order was
// reminded with, so "by template" reads: of the orders this template was sent
// for, how many paid.
//
// Everything comes out of one walk over the orders and one over the attempts
// (plus a counting sort that puts each order's attempts side by side): a
// shop with half a million logged attempts opens this page in well under a
// second, and the background reads each store once.

export const RECOVERY_WINDOW_MS = 72 * HOUR_MS;
/** Below this many uses a template's rate is not judged (nor does the ranking learn from it). */
export const MIN_USES = 5;
/** Weeks in the trend, ending with the current one. */
export const TREND_WEEKS = 26;

export const DIMENSIONS = ['template', 'style', 'reason', 'channel', 'platform', 'customer', 'hour'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Bucket {
  value: string;
  reminded: number;
  paid: number;
  rate: number;
  recovered: Money[];
}

/** One week of the trend: orders first reminded that week (seller's time), and what came of them. */
export interface WeekPoint {
  /** The week's Monday as days since 1970-01-01 in the seller's zone (format with timeZone UTC). */
  day: number;
  reminded: number;
  paid: number;
  rate: number;
  recovered: Money[];
}

/** One hour of one weekday in the seller's zone: orders reminded then, and those of them recovered by a reminder then. */
export interface HeatCell {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
  reminded: number;
  paid: number;
}

export interface Funnel {
  /** Orders seen waiting for payment. */
  unpaid: number;
  /** Of those, reminded at least once. */
  reminded: number;
  /** Of those, the buyer promised to pay (or did). */
  promised: number;
  /** Of those, paid within 72 hours of a reminder. */
  paid: number;
}

export interface TemplateRow {
  value: string;
  reminded: number;
  paid: number;
  rate: number;
  /** 95 % Wilson score interval of the rate. */
  low: number;
  high: number;
  /** At least MIN_USES uses: enough to judge. */
  enough: boolean;
}

export interface RecoveryStats {
  reminded: number;
  paidAfterReminder: number;
  rate: number;
  recovered: Money[];
  by: Record<Dimension, Bucket[]>;
  /** template|customer → tries and successes: the suggestion engine's learning signal. */
  templateByCustomer: Record<string, { reminded: number; paid: number }>;
  /** Order placed → paid, for orders seen paid (hours). */
  timeToPay: { count: number; medianHours?: number; buckets: { label: string; count: number }[] };
  /** Oldest first, TREND_WEEKS long, ending with the week of `now`. */
  weeks: WeekPoint[];
  /** 7 × 24 cells, Monday 00:00 first, in `timeZone`. */
  heatmap: HeatCell[];
  timeZone: string;
  funnel: Funnel;
  /** Judged templates first, surest recovery first (Wilson lower bound); then the ones with too few uses, most used first. */
  templates: TemplateRow[];
}

export interface TemplateFacts {
  style?: string;
  reasons?: readonly string[];
}

export interface InsightInput {
  orders: readonly Order[];
  attempts: readonly ContactAttempt[];
  buyers?: readonly Buyer[];
  templates?: ReadonlyMap<string, TemplateFacts>;
  /** The seller's IANA zone for the weeks and the heatmap (default China time). */
  timeZone?: string;
  /** The end of the trend (default: the latest reminder, so stored data reads the same any day). */
  now?: number;
  weeks?: number;
}

/** When the order was paid, if we know it was. */
export function paidAt(order: Order): number | undefined {
  return order.status === 'paid' ? order.statusChangedAt : undefined;
}

const TIME_BUCKETS: readonly [string, number][] = [
  ['<1h', 1],
  ['1–6h', 6],
  ['6–24h', 24],
  ['1–3d', 72],
  ['>3d', Number.POSITIVE_INFINITY],
];

/** Days since 1970-01-01 of the Monday starting the week of local day `day` (1970-01-01 was a Thursday). */
function mondayOf(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

/**
 * Local milliseconds (wall time read as UTC) in a zone, asking Intl once or
 * twice per UTC hour seen: half a million attempts fall in a few thousand hours.
 */
function localClock(timeZone: string): (utcMs: number) => number {
  const byHour = new Map<number, number>();
  const exact = (ms: number) => (zoneOffsetMinutes(timeZone, ms) ?? CHINA_OFFSET_MINUTES) * MINUTE_MS;
  // One order's reminders mostly fall in the same hour: the last answer first.
  let lastHour = Number.NaN;
  let lastOffset = 0;
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    if (hour !== lastHour) {
      let offset = byHour.get(hour);
      if (offset === undefined) {
        const start = exact(hour * HOUR_MS);
        // A clock change inside this hour: NaN says ask for each instant.
        offset = start === exact((hour + 1) * HOUR_MS - 1000) ? start : Number.NaN;
        byHour.set(hour, offset);
      }
      lastHour = hour;
      lastOffset = offset;
    }
    return ms + (Number.isNaN(lastOffset) ? exact(ms) : lastOffset);
  };
}

/** Currency codes as written → as counted: normalised once per spelling, not once per credit (a string each). */
const codes = new Map<string, string>();
function addMoney(into: Map<string, number>, m: Money): void {
  let code = codes.get(m.currency);
  if (code === undefined) {
    code = m.currency.trim().toUpperCase();
    if (codes.size < 1000) codes.set(m.currency, code);
  }
  into.set(code, (into.get(code) ?? 0) + m.minor);
}

function moneyList(totals: Map<string, number>): Money[] {
  return [...totals.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((currency) => ({ currency, minor: totals.get(currency) ?? 0 }));
}

/**
 * One dimension's tallies by value, the values numbered as first seen so the
 * hot loop adds to arrays instead of looking strings up for every attempt.
 */
class Tally {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  readonly reminded: number[] = [];
  readonly paid: number[] = [];
  readonly money: Map<string, number>[] = [];
  /** The last order credited per value, so an order counts once however many of its attempts carry it. */
  readonly stamp: number[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.reminded.push(0);
      this.paid.push(0);
      this.money.push(new Map());
      this.stamp.push(-1);
    }
    return id;
  }

  /** Counts order `i` under value `id` once; true the first time. */
  credit(id: number, i: number, won: boolean, amount: Money): boolean {
    if (this.stamp[id] === i) return false;
    this.stamp[id] = i;
    this.reminded[id]!++;
    if (won) {
      this.paid[id]!++;
      addMoney(this.money[id]!, amount);
    }
    return true;
  }

  buckets(byValue: boolean): Bucket[] {
    return this.values
      .map((value, id) => ({ value, reminded: this.reminded[id]!, paid: this.paid[id]!, rate: this.paid[id]! / this.reminded[id]!, recovered: moneyList(this.money[id]!) }))
      .filter((b) => b.reminded > 0)
      .sort((a, b) => (byValue ? a.value.localeCompare(b.value) : b.reminded - a.reminded || a.value.localeCompare(b.value)));
  }
}

export function computeStats(input: InsightInput): RecoveryStats {
  const { orders, attempts, buyers = [], templates = new Map(), timeZone = 'Asia/Shanghai', weeks: weekCount = TREND_WEEKS } = input;
  const n = orders.length;
  const indexOf = new Map<string, number>();
  const paidTime = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    indexOf.set(o.key, i);
    if (o.status === 'paid') paidTime[i] = o.statusChangedAt;
  }

  const tally = Object.fromEntries(DIMENSIONS.map((d) => [d, new Tally()])) as Record<Dimension, Tally>;
  // Hours are numbered by themselves: id h is "0h" padded.
  for (let hour = 0; hour < 24; hour++) tally.hour.id(String(hour).padStart(2, '0'));
  // What each template id brings: its style's and reasons' ids, looked up once per template, not per attempt.
  const factsOf: { style: number; reasons: number[] }[] = [];
  const templateId = (id: string) => {
    const t = tally.template.id(id);
    if (factsOf[t] === undefined) {
      const facts = templates.get(id);
      factsOf[t] = { style: facts?.style ? tally.style.id(facts.style) : -1, reasons: (facts?.reasons ?? []).map((r: string) => tally.reason.id(r)) };
    }
    return t;
  };
  const local = localClock(timeZone);
  const chinaShift = CHINA_OFFSET_MINUTES * MINUTE_MS;

  // Pass over the attempts: which order, the order's first reminder, whether it was recovered or promised, and
  // each attempt's values as small numbers (channel, template + 1, China hour, heatmap cell), so the per-order
  // pass below reads typed arrays instead of going back to half a million objects. Neighbouring attempts
  // mostly share a channel and template: the last lookup is kept.
  const m = attempts.length;
  const attemptOrder = new Int32Array(m).fill(-1);
  const attemptAt = new Float64Array(m);
  const attemptChannel = new Uint8Array(m);
  const attemptTemplate = new Int32Array(m);
  const attemptHour = new Uint8Array(m);
  const attemptCell = new Uint8Array(m);
  const count = new Int32Array(n + 1);
  const firstAt = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const recovered = new Uint8Array(n);
  const promised = new Uint8Array(n);
  let latest = Number.NEGATIVE_INFINITY;
  let lastChannel: string | undefined;
  let lastChannelId = 0;
  let lastTemplate: string | undefined;
  let lastTemplateId = 0;
  for (let j = 0; j < m; j++) {
    const a = attempts[j]!;
    if (a.direction !== 'outbound') continue;
    const i = indexOf.get(a.orderKey);
    if (i === undefined) continue;
    const at = a.at;
    attemptOrder[j] = i;
    attemptAt[j] = at;
    count[i + 1]!++;
    if (at < firstAt[i]!) firstAt[i] = at;
    if (at > latest) latest = at;
    const paid = paidTime[i]!;
    if (at <= paid && paid - at <= RECOVERY_WINDOW_MS) recovered[i] = 1;
    if (a.outcome === 'promised' || a.promisedAt !== undefined) promised[i] = 1;
    if (a.channel !== lastChannel) {
      lastChannel = a.channel;
      lastChannelId = tally.channel.id(a.channel);
    }
    attemptChannel[j] = lastChannelId;
    if (a.templateId !== lastTemplate) {
      lastTemplate = a.templateId;
      lastTemplateId = a.templateId ? templateId(a.templateId) + 1 : 0;
    }
    attemptTemplate[j] = lastTemplateId;
    attemptHour[j] = Math.floor((at + chinaShift) / HOUR_MS) % 24;
    const wall = local(at);
    attemptCell[j] = ((((Math.floor(wall / DAY_MS) + 3) % 7) + 7) % 7) * 24 + ((Math.floor(wall / HOUR_MS) % 24) + 24) % 24;
  }
  // Counting sort: each order's attempts side by side in `sorted`, from start[i] to start[i + 1].
  const start = count;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, n);
  const sorted = new Int32Array(start[n]!);
  for (let j = 0; j < m; j++) {
    const i = attemptOrder[j]!;
    if (i >= 0) sorted[next[i]!++] = j;
  }

  const buyerMap = new Map(buyers.map((b) => [b.key, b]));
  const byCustomer: { new: number[]; returning: number[] }[] = [];
  const templateByCustomer: RecoveryStats['templateByCustomer'] = {};
  const totalMoney = new Map<string, number>();
  const heatReminded = new Int32Array(168);
  const heatPaid = new Int32Array(168);
  const heatStamp = new Int32Array(168).fill(-1);
  const heatPaidStamp = new Int32Array(168).fill(-1);
  const end = input.now ?? (Number.isFinite(latest) ? latest : 0);
  const lastMonday = mondayOf(Math.floor(local(end) / DAY_MS));
  const firstMonday = lastMonday - 7 * (weekCount - 1);
  const weeks = Array.from({ length: weekCount }, (_, w) => ({ day: firstMonday + 7 * w, reminded: 0, paid: 0, money: new Map<string, number>() }));
  const funnel: Funnel = { unpaid: 0, reminded: 0, promised: 0, paid: 0 };
  let reminded = 0;
  let paidCount = 0;

  for (let i = 0; i < n; i++) {
    const order = orders[i]!;
    const from = start[i]!;
    const to = start[i + 1]!;
    const wasReminded = to > from;
    // An order first seen already paid or closed was never waiting on us; a reminded one was.
    if (wasReminded || order.status === 'unpaid' || order.statusChangedAt > order.firstSeenAt) funnel.unpaid++;
    if (!wasReminded) continue;
    reminded++;
    const won = recovered[i] === 1;
    const paid = paidTime[i]!;
    const amount = order.amount;
    funnel.reminded++;
    if (won || promised[i]) funnel.promised++;
    if (won) {
      funnel.paid++;
      paidCount++;
      addMoney(totalMoney, amount);
    }
    const week = Math.floor((mondayOf(Math.floor(local(firstAt[i]!) / DAY_MS)) - firstMonday) / 7);
    if (week >= 0 && week < weekCount) {
      const w = weeks[week]!;
      w.reminded++;
      if (won) {
        w.paid++;
        addMoney(w.money, amount);
      }
    }
    const buyer = buyerMap.get(buyerKey(order.platform, order.buyer.nick));
    const customer = buyer && buyer.paidOrderKeys.some((k) => k !== order.key) ? 'returning' : 'new';
    tally.platform.credit(tally.platform.id(order.platform), i, won, amount);
    tally.customer.credit(tally.customer.id(customer), i, won, amount);
    for (let k = from; k < to; k++) {
      const j = sorted[k]!;
      tally.channel.credit(attemptChannel[j]!, i, won, amount);
      tally.hour.credit(attemptHour[j]!, i, won, amount);
      const cell = attemptCell[j]!;
      if (heatStamp[cell] !== i) {
        heatStamp[cell] = i;
        heatReminded[cell]!++;
      }
      const at = attemptAt[j]!;
      if (won && heatPaidStamp[cell] !== i && at <= paid && paid - at <= RECOVERY_WINDOW_MS) {
        heatPaidStamp[cell] = i;
        heatPaid[cell]!++;
      }
      const t = attemptTemplate[j]! - 1;
      if (t >= 0 && tally.template.credit(t, i, won, amount)) {
        const facts = factsOf[t]!;
        if (facts.style >= 0) tally.style.credit(facts.style, i, won, amount);
        for (const r of facts.reasons) tally.reason.credit(r, i, won, amount);
        const entry = (byCustomer[t] ??= { new: [0, 0], returning: [0, 0] })[customer];
        entry[0]!++;
        if (won) entry[1]!++;
      }
    }
  }

  const by = Object.fromEntries(DIMENSIONS.map((dim) => [dim, tally[dim].buckets(dim === 'hour')])) as Record<Dimension, Bucket[]>;
  byCustomer.forEach((entry, t) => {
    for (const customer of ['new', 'returning'] as const) {
      const [tries, paid] = entry[customer];
      if (tries! > 0) templateByCustomer[`${tally.template.values[t]}|${customer}`] = { reminded: tries!, paid: paid! };
    }
  });

  const templateRows = by.template
    .map(({ value, reminded: uses, paid, rate }) => ({ value, reminded: uses, paid, rate, ...wilson(paid, uses), enough: uses >= MIN_USES }))
    .sort((a, b) => Number(b.enough) - Number(a.enough) || (a.enough ? b.low - a.low : 0) || b.reminded - a.reminded || a.value.localeCompare(b.value));

  const hours: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = paidTime[i]!;
    const o = orders[i]!;
    const begin = o.createdAt ?? o.firstSeenAt;
    if (p >= begin) hours.push((p - begin) / HOUR_MS);
  }
  hours.sort((a, b) => a - b);
  const mid = hours.length / 2;
  const medianHours = hours.length === 0 ? undefined : hours.length % 2 ? hours[Math.floor(mid)] : (hours[mid - 1]! + hours[mid]!) / 2;
  // The buckets are consecutive ranges from 0 up: one walk along the sorted hours.
  let h = 0;
  const timeBuckets = TIME_BUCKETS.map(([label, upper]) => {
    const from = h;
    while (h < hours.length && hours[h]! < upper) h++;
    return { label, count: h - from };
  });

  return {
    reminded,
    paidAfterReminder: paidCount,
    rate: reminded ? paidCount / reminded : 0,
    recovered: moneyList(totalMoney),
    by,
    templateByCustomer,
    timeToPay: { count: hours.length, medianHours, buckets: timeBuckets },
    weeks: weeks.map((w) => ({ day: w.day, reminded: w.reminded, paid: w.paid, rate: w.reminded ? w.paid / w.reminded : 0, recovered: moneyList(w.money) })),
    heatmap: Array.from({ length: 168 }, (_, c) => ({ weekday: Math.floor(c / 24), hour: c % 24, reminded: heatReminded[c]!, paid: heatPaid[c]! })),
    timeZone,
    funnel,
    templates: templateRows,
  };
}
