// Times as order pages show them: countdowns in local units, stated time
// zones, and when an unpaid order closes.
import type { OrderStatus } from '../orders/model';
import { agoInstant, CHINA_OFFSET_MINUTES, DATE_SHAPE, gregorianYears, parseCountdown, parseWallTime, parseZonedWallTime } from '../orders/time';

/** A note naming the page's time zone ("Time zone: Pacific Time (PT)", "时区：北京时间"). */
export const ZONE_NOTE = /time\s*zone|saat\s*dilimi|hor[áa]rio\s*(?:de\s*bras[ií]lia|oficial)|hora\s*(?:de\s*bras[ií]lia|oficial|del\s*centro)|时区|時區|fuso\s*horário|múi\s*giờ|часовой\s*пояс|московск|zona\s*waktu|เขตเวลา|(?:แสดง)?ตามเวลา|시간대|표준시|タイムゾーン|標準時|日本時間|表示時刻|zeitzone|fuseau\s*horaire|zona\s*horaria/i;

/** How a page writes its times: in a time zone, at a fixed offset (minutes east of UTC; China time when neither), and in which date order. */
export interface Clock {
  zone?: string;
  offset?: number;
  order: 'ymd' | 'mdy' | 'dmy';
}

/** A page or a time that names US Pacific time. */
export const PACIFIC = /pacific|\bP[SD]?T\b|太平洋时间/;
export const PACIFIC_ZONE = 'America/Los_Angeles';

/** An instant from a wall time in `text`, on the page's clock unless the text states its own offset; "today" is `now`'s day. */
export function readTime(text: string, clock: Clock, now: number): number | undefined {
  const own = statedUtcOffset(text);
  if (own !== undefined) return parseWallTime(text, own, clock.order, now) ?? undefined;
  const named = namedZone(text);
  if (named) return parseZonedWallTime(text, named, clock.order, now) ?? undefined;
  if (clock.zone) return parseZonedWallTime(text, clock.zone, clock.order, now) ?? undefined;
  return parseWallTime(text, clock.offset ?? CHINA_OFFSET_MINUTES, clock.order, now) ?? undefined;
}

/** An order's created time on the page's clock (see readTime), else the time elapsed it shows, at its earliest (see agoInstant). */
export function readCreated(text: string, clock: Clock, now: number): number | undefined {
  return readTime(text, clock, now) ?? agoInstant(text, now);
}

// Time zones written by their abbreviation after a time ("08:14 PST", "14:30 (МСК)"), each with its zone.
const ZONE_NAMES: Readonly<Record<string, string>> = {
  PST: PACIFIC_ZONE, PDT: PACIFIC_ZONE, PT: PACIFIC_ZONE, EST: 'America/New_York', EDT: 'America/New_York', CET: 'Europe/Paris', CEST: 'Europe/Paris',
  MSK: 'Europe/Moscow', МСК: 'Europe/Moscow', JST: 'Asia/Tokyo', KST: 'Asia/Seoul', ICT: 'Asia/Bangkok', WIB: 'Asia/Jakarta', SGT: 'Asia/Singapore', BRT: 'America/Sao_Paulo',
};
const ZONE_ABBREVIATIONS = Object.keys(ZONE_NAMES).join('|');
const ZONE_NAME = new RegExp(String.raw`(?<![\p{L}])(${ZONE_ABBREVIATIONS})(?![\p{L}])`, 'u');
const ZONE_AFTER = String.raw`(?:\s*[(（]?\s*(?:${ZONE_ABBREVIATIONS})(?![\p{L}])\s*[)）]?)`;

/** The time zone `text` names by its abbreviation ("PST", "МСК"), if it names one. */
export function namedZone(text: string): string | undefined {
  const m = ZONE_NAME.exec(text);
  return m ? ZONE_NAMES[m[1]!] : undefined;
}

/**
 * The clock a time-zone note names ("Time zone: GMT-3", "Pacific Time (PT)", "모든 시간은 한국 표준시(KST) 기준입니다"):
 * a stated UTC offset, US Pacific time, or a zone named by its abbreviation; undefined when it names none.
 */
export function clockOfNote(note: string): Clock | undefined {
  if (!note) return undefined;
  const offset = statedUtcOffset(note);
  if (offset !== undefined) return { offset, order: 'ymd' };
  if (PACIFIC.test(note)) return { zone: PACIFIC_ZONE, order: 'ymd' };
  const zone = namedZone(note);
  return zone ? { zone, order: 'ymd' } : undefined;
}

/**
 * The UTC offset a page states for its times ("GMT+8", "UTC-07:00",
 * "(GMT+08:00)"), in minutes east of UTC; undefined when it states none.
 */
export function statedUtcOffset(text: string): number | undefined {
  const m = /(?<![A-Za-z])(?:GMT|UTC)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '+' ? minutes : -minutes;
}

// Countdown units parseCountdown does not know, as seller pages in Vietnam,
// Brazil, Indonesia, Thailand and Taiwan print them, each with its word: the unit matches only where the word shows.
const LOCAL_UNITS: ReadonlyArray<readonly [RegExp, string, RegExp]> = [
  [/(\d)\s*ngày/giu, '$1d', /ngày/iu],
  [/(\d)\s*giờ/giu, '$1h', /giờ/iu],
  [/(\d)\s*phút/giu, '$1m', /phút/iu],
  [/(\d)\s*giây/giu, '$1s', /giây/iu],
  [/(\d)\s*d[ií]as?(?![a-z])/giu, '$1d', /d[ií]a/iu],
  [/(\d)\s*horas?(?![a-z])/giu, '$1h', /hora/iu],
  [/(\d)\s*min(?:utos?|utes?|uten|uti)?(?![a-z])/giu, '$1m', /min/iu],
  [/(\d)\s*hari(?![a-z])/giu, '$1d', /\d\s*hari/iu],
  [/(\d)\s*jam(?![a-z])/giu, '$1h', /\d\s*jam/iu],
  [/(\d)\s*menit(?![a-z])/giu, '$1m', /menit/iu],
  [/(\d)\s*detik(?![a-z])/giu, '$1s', /\d\s*detik/iu],
  [/(\d)\s*วัน/gu, '$1d', /วัน/u],
  [/(\d)\s*ชั่วโมง/gu, '$1h', /ชั่วโมง/u],
  [/(\d)\s*นาที/gu, '$1m', /นาที/u],
  [/(\d)\s*วินาที/gu, '$1s', /วินาที/u],
  [/(\d)\s*小時/gu, '$1小时', /小時/u],
  [/(\d)\s*分鐘/gu, '$1分钟', /分鐘/u],
  [/(\d)\s*時間/gu, '$1小时', /時間/u],
  [/(\d)\s*(?:std\.?|stunden?)(?![a-z])/giu, '$1h', /\d\s*(?:std|stunde)/iu],
  [/(\d)\s*tag(?:e|en)?(?![a-z])/giu, '$1d', /\d\s*tag/iu],
  [/(\d)\s*(?:heures?|ore)(?![a-z])/giu, '$1h', /\d\s*(?:heure|ore)/iu],
  [/(\d)\s*(?:jours?|giorni)(?![a-z])/giu, '$1d', /\d\s*(?:jour|giorni)/iu],
  // Turkish ("Kalan süre: 15 sa 15 dk", "2 gün 3 saat").
  [/(\d)\s*gün(?![\p{L}])/giu, '$1d', /\d\s*gün/iu],
  [/(\d)\s*(?:saat|sa)\.?(?![\p{L}])/giu, '$1h', /\d\s*sa/iu],
  [/(\d)\s*(?:dakika|dk)\.?(?![\p{L}])/giu, '$1m', /\d\s*d(?:k|akika)/iu],
  [/(\d)\s*(?:saniye|sn)\.?(?![\p{L}])/giu, '$1s', /\d\s*s(?:n|aniye)/iu],
  // Thai hours cut short ("2 วัน 10 ชม."), Korean ("1일 3시간 남음") and Russian ("1 д 06 ч 12 мин") units.
  [/(\d)\s*ชม\.?/gu, '$1h', /\d\s*ชม/u],
  [/(\d)\s*일(?![\p{L}])/gu, '$1d', /\d\s*일/u],
  [/(\d)\s*시간/gu, '$1h', /시간/u],
  [/(\d)\s*분(?![\p{L}])/gu, '$1m', /\d\s*분/u],
  [/(\d)\s*초(?![\p{L}])/gu, '$1s', /\d\s*초/u],
  [/(\d)\s*(?:дн(?:ей|я)|день|д)\.?(?![\p{L}])/giu, '$1d', /\d\s*д/iu],
  [/(\d)\s*(?:час(?:а|ов)?|ч)\.?(?![\p{L}])/giu, '$1h', /\d\s*ч/iu],
  [/(\d)\s*мин(?:ут[аы]?)?\.?(?![\p{L}])/giu, '$1m', /\d\s*мин/iu],
  [/(\d)\s*сек(?:унд[аы]?)?\.?(?![\p{L}])/giu, '$1s', /\d\s*сек/iu],
  // Vietnamese units cut to their first letter, only as a run of them ("1n 04g 30p 09s": ngày, giờ, phút, giây).
  [/(\d+)\s*n\s*(\d+)\s*g\s*(\d+)\s*p(?:\s*(\d+)\s*s)?(?![a-z])/giu, '$1d $2h $3m $4s', /\d\s*n\s*\d+\s*g\s*\d+\s*p/iu],
];

// Every unit word of LOCAL_UNITS.
// Short Latin words that are also parts of common words ("more", "vintage") count only after a number.
const LOCAL_UNIT_WORD = /ngày|giờ|phút|giây|d[ií]a|hora|min|menit|วัน|ชั่วโมง|นาที|小時|分鐘|時間|시간|\d\s*(?:hari|jam|detik|std|stunde|tag|heure|ore|jour|giorni|gün|sa|dk|dakika|sn|saniye|n\s*\d+\s*g|ชม|일|분|초|д|ч|сек)/iu;

/** A countdown shown in `text` as a deadline (see parseCountdown), also in Vietnamese and Portuguese units. */
export function countdownIn(text: string, now: number): number | undefined {
  let src = text;
  // Most texts have no local unit at all: one test instead of a replace per unit. Where one
  // shows, a unit is replaced only when its word does: a replace pass costs 5-10 times a test
  // (0.2-0.4 vs 0.04 µs), and seven of them cost several times parseCountdown itself.
  if (LOCAL_UNIT_WORD.test(text)) for (const [pattern, replacement, word] of LOCAL_UNITS) if (word.test(src)) src = src.replace(pattern, replacement);
  return parseCountdown(src, now) ?? undefined;
}

/** A date with an optional time (see DATE_SHAPE), with the zone the page names after it ("(GMT+7)", "UTC-8", "PST"), which readTime reads. */
const ZONED_DATE = String.raw`(${DATE_SHAPE}(?:\s*[(（]?\s*(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?\s*[)）]?|${ZONE_AFTER})?)`;

// A deadline's date before its words, as Chinese pages write it ("请在 2026-12-07 10:30 前付款", "今天 18:45 自动关闭"),
// around `date` (one capture group): the date is group 1, 2 or 3. German writes the words after ("… um 11:20 Uhr automatisch storniert").
const dateThenWords = (date: string) =>
  String.raw`(?:请在|请于|請在|需在|须在)\s*${date}\s*(?:之?前)\s*(?:完成)?(?:付款|支付)|(?<![\d:])${date}\s*(?:后|後)?\s*(?:自动关闭|自動關閉|自动取消|自動取消|关闭订单|前?未付款将?自动关闭)|(?<![\d:])${date}\s*(?:[Uu]hr\s*)?(?:automatisch\s*)?(?:storniert|annulliert)`;

// A weekday between a deadline's words and its date ("Pay by Mon, Dec 7, 2026", "Pagar até seg., 7 de dez. de 2026",
// "Payer avant le lun. 7 déc.", "Bayar sebelum Senin, 7 Des"): in the languages whose pages write one there.
const WEEKDAY_BEFORE = String.raw`(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|` +
  String.raw`(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?|s[áa]bado|domingo|seg|ter|qua|qui|sex|s[áa]b|dom|` +
  String.raw`lunes|martes|mi[ée]rcoles|jueves|viernes|lun|mar|mi[ée]|jue|vie|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mer|jeu|ven|sam|dim|` +
  String.raw`montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|` +
  String.raw`th[ứu]\s*(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|[2-7])|ch[ủu]\s*nh[ậa]t|пн|вт|ср|чт|пт|сб|вс)(?![\p{L}])\.?,?\s*)?`;

/**
 * A payment deadline shown as a date after its label ("Thanh toán trước 24/11/2026 07:00", "Pay by …", "Cierre
 * automático 07/12/2026 18:45 (GMT+1)"): the date, with a zone the page names after it, is group 1.
 */
export const DEADLINE = new RegExp(
  String.raw`(?:付款截止|支付截止|thanh\s*toán\s*trước|hạn\s*thanh\s*toán|(?:tự\s*động\s*)?hủy(?:\s*tự\s*động)?\s*(?:lúc|vào)|pay\s*by|pay\s*before|payment\s*due(?:\s*by)?|(?:due|closes?|expires?)\s*(?:by|on|at)|(?<![\p{L}])due(?=\s+\p{L}{3,9}\.?\s+\d)|auto[- ]?cancel(?:s|led)?\s*(?:at|on|by)|auto[- ]?clos(?:es|ing)(?:\s*(?:at|on))?|(?:closes?|cancels?|expires?)\s+if\s+(?:unpaid|not\s+paid)\s+(?:by|on|at)|prazo\s*(?:de|para)\s*pagamento|pagar\s*até|pagar\s*antes\s*del?|pagar\s*hasta(?:\s*el)?|cierre\s*automático(?:\s*el)?|se\s*cierra\s*el|fecha\s*límite(?:\s*del?\s*(?:pago|saldo))*|закроется|оплатить\s*до|cancelamento\s*automático\s*em|bayar\s*sebelum|batas\s*(?:waktu\s*)?pembayaran|ชำระ(?:เงิน)?\s*ภายใน|請於|付款期限|(?:お)?支払い?期限|支払い?期日|결제\s*기한|입금\s*기한|자동\s*취소|оплата\s*до|zahlbar\s*bis|zahlungsfrist|(?:ödeme\s*)?son\s*(?:ödeme\s*)?tarihi|(?:à\s*)?payer\s*avant(?:\s*le)?|pagare\s*entro)\s*[:：]?\s*` +
    WEEKDAY_BEFORE +
    ZONED_DATE,
  'iu',
);
const DATE_FIRST = new RegExp(dateThenWords(ZONED_DATE), 'u');
const DATE_FIRST_WORDS = /前付款|前支付|前完成|自动关闭|自動關閉|自动取消|自動取消|关闭订单|storniert|annulliert/;

/**
 * The date of a deadline written before its words ("请在 2026-12-07 10:30 前付款"), if `text` shows one. Searched only
 * where the words show: a date can start almost anywhere, so a search for one before words scans every position of an
 * order's text (13 % of a structural read when it ran on every order).
 */
export function dateFirstDeadline(text: string): string | undefined {
  if (!DATE_FIRST_WORDS.test(text)) return undefined;
  const found = DATE_FIRST.exec(text);
  return found ? found[1] ?? found[2] ?? found[3] : undefined;
}

/** The deadline `text` shows: a date with its words (DEADLINE, dateFirstDeadline) read on the page's clock, else a countdown (countdownIn). */
export function deadlineIn(raw: string, clock: Clock, now: number): number | undefined {
  // A year of another calendar written as its Gregorian year, so the label's date shape takes it ("請於 115/12/08 上午12:05 前").
  const text = gregorianYears(raw);
  const date = DEADLINE.exec(text)?.[1] ?? dateFirstDeadline(text);
  return (date ? readTime(date + zoneAfter(text, date), clock, now) : undefined) ?? countdownIn(raw, now);
}

/**
 * The time zone stated right after `date` in `text`, in brackets, before any other time: a cross-border list states
 * each deadline in its buyer's zone ("2026-12-08 08:03 前付款 （越南时间 GMT+7）", "Dec 12, 2026 18:00 (AEDT,
 * UTC+11, buyer's local time)"), not the page's. '' when it states none.
 */
function zoneAfter(text: string, date: string): string {
  const at = text.indexOf(date);
  if (at < 0) return '';
  let after = text.slice(at + date.length, at + date.length + ZONE_REACH);
  const next = OTHER_TIME.exec(after);
  if (next) after = after.slice(0, next.index);
  const open = after.search(/[(（]/);
  if (open < 0) return '';
  const close = after.slice(open).search(/[)）]/);
  const bracket = close < 0 ? '' : after.slice(open, open + close + 1);
  return bracket && (statedUtcOffset(bracket) !== undefined || namedZone(bracket)) ? ` ${bracket}` : '';
}
// How far after a deadline's time its zone may be stated, and another time or date that ends the search.
const ZONE_REACH = 64;
const OTHER_TIME = /\d{1,2}:\d{2}|\d{4}\s*[-/.年]/;

/**
 * An unpaid order's close time: the shown deadline, else `hours` after
 * creation marked as an estimate. Paid and closed orders get none: their
 * countdowns are about shipping, not payment.
 */
export function closeTimes(status: OrderStatus, shown: number | undefined, createdAt: number | undefined, hours: number): { autoCloseAt?: number; autoCloseEstimated?: true } {
  if (status !== 'unpaid') return { autoCloseAt: undefined, autoCloseEstimated: undefined };
  if (shown !== undefined) return { autoCloseAt: shown, autoCloseEstimated: undefined };
  if (createdAt === undefined) return { autoCloseAt: undefined, autoCloseEstimated: undefined };
  return { autoCloseAt: createdAt + hours * 3_600_000, autoCloseEstimated: true };
}

/**
 * `clock` reading "07/12/2026" day first where the page's language writes dates so (AliExpress's seller centre in
 * Spanish, Portuguese, French …: `<html lang="es">`); month first stays the reading elsewhere.
 */
export function inPageLanguage(clock: Clock, doc: Document): Clock {
  // A list drawn in a shadow root is read in a view of its own (see shadow.ts): the page's document says the language.
  const root = (doc.body ?? doc.documentElement)?.ownerDocument?.documentElement;
  return DAY_FIRST.test(root?.lang ?? '') ? { ...clock, order: 'dmy' } : clock;
}
const DAY_FIRST = /^(?:es|pt|fr|de|it|nl|pl|tr|ru|uk|vi|id|ms|th|ar|he|en-(?:GB|AU|NZ|IE|IN|SG|MY|PH|ZA))\b/i;
