// Times as seller pages show them. Everything leaves here as epoch
// milliseconds (UTC); offsets are minutes east of UTC. Pure: no Date parsing
// of free text, because Date.parse reads wall times in the *browser's* zone.
import { nfkc } from './nfkc';

export const CHINA_OFFSET_MINUTES = 480;
export const MINUTE_MS: number = 60_000;
export const HOUR_MS: number = 60 * MINUTE_MS;
export const DAY_MS: number = 24 * HOUR_MS;

// Optional clock after a date. "上午/下午" (Japanese "午前/午後") come before the clock, AM/PM after (Vietnamese "SA/CH").
// The clock written in Chinese or Japanese too: "14时03分", "14時03分05秒", "下午2点03分" (else the date would read as midnight).
// Chinese, Japanese and Korean words for before and after noon, written before the clock.
// Chinese periods of the day too: "凌晨12:30" is half past midnight, "中午12:20" twenty past noon, "晚上11:58" 23:58.
const MERIDIEM_BEFORE = '上午|下午|午前|午後|오전|오후|凌晨|早上|中午|晚上';
const MORNING: ReadonlySet<string> = new Set(['上午', '午前', '오전', '凌晨', '早上']);
const CLOCK =
  String.raw`(?:(?:T|\s*)(?:(?<cnMer>${MERIDIEM_BEFORE})\s*)?(?<h>\d{1,2})(?::|\s*[时時点點]\s*)(?<mi>\d{2})(?:\s*分)?(?:(?::|(?<=分)\s*)(?<s>\d{2})(?:\.\d{1,3})?(?:\s*秒)?)?(?!\d)` +
  String.raw`(?:\s*(?<mer>[AaPp]\.?\s?[Mm]|SA|CH)\.?(?![A-Za-z]))?)?`;

// A clock after a written-out date may follow a comma or a word for "at"; the
// lookahead keeps those from being taken when no clock follows.
// What joins a date to its clock: a comma, a word for "at" (", ", " at ", " às ", " lúc ", " в ").
// German "um", French "à", Italian "alle" too.
const JOIN_WORDS = String.raw`at|às|as|a\s+las|lúc|в|um|à|alle`;
// A middle dot too, as Thai and TikTok lists write "6 ธ.ค. 2569 · 23:47 น.".
const CLOCK_JOIN = String.raw`\s*[,·]?\s*(?:(?:${JOIN_WORDS})\s+)?`;
const WORD_CLOCK = String.raw`(?:${CLOCK_JOIN}(?=\d|${MERIDIEM_BEFORE}))?` + CLOCK;

// A weekday in brackets after a date ("2026年12月7日(月)", "12월 7일 (월)", "（周一）").
const WEEKDAY = String.raw`(?:\s*[(（](?:周|週|星期)?[月火水木金土日一二三四五六天월화수목금토일][)）])?`;
// Sticky: each is tried only where a run of digits starts (see firstDate),
// instead of scanning the whole text three times for where one might.
/** The numeric date forms, year first, in Chinese, and year last (with whether the year is last): see firstDate. */
export const DATE_FORMS: ReadonlyArray<readonly [string, boolean]> = [
  // Korean writes a point and a space after each part ("2026. 12. 8. 오전 9:30").
  [String.raw`(?<!\d)(?<y>\d{4})(?:(?<sep>[-/.])(?<a>\d{1,2})\k<sep>(?<b>\d{1,2})(?!\d)|\.\s(?<ka>\d{1,2})\.\s(?<kb>\d{1,2})\.(?!\d))` + WEEKDAY + CLOCK, false],
  [String.raw`(?<!\d)(?<y>\d{4})\s*[年년]\s*(?<a>\d{1,2})\s*[月월]\s*(?<b>\d{1,2})\s*[日일]` + WEEKDAY + CLOCK, false],
  // Its clock may follow a word for "at" ("08.12.2026 в 14:30", "06.12.2026 um 11:20").
  [String.raw`(?<!\d)(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>\d{4})(?!\d)` + WORD_CLOCK, true],
];
const [YEAR_FIRST_RE, CHINESE_RE, YEAR_LAST_RE] = DATE_FORMS.map(([source]) => new RegExp(source, 'uy')) as [RegExp, RegExp, RegExp];

/** `re` (sticky) matched at `at`, or null. */
function stickyAt(re: RegExp, src: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(src);
}

/**
 * The first date in `src` of any of the three forms, and whether its year
 * comes last. Every form starts where a run of ASCII digits does ((?<!\d)\d),
 * and at one start at most one form can match (the run's length and what
 * follows it tell them apart), so trying the forms run by run, in page
 * order, finds the match with the lowest index: what the earliest of three
 * whole-text searches gives.
 */
export function firstDate(src: string): { m: RegExpExecArray; yearLast: boolean } | null {
  const chinese = src.includes('年') || src.includes('년');
  for (let i = 0; i < src.length; ) {
    const c = src.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < src.length && src.charCodeAt(end) >= 48 && src.charCodeAt(end) <= 57) end++;
    const run = end - i;
    if (run === 4) {
      const m = stickyAt(YEAR_FIRST_RE, src, i) ?? (chinese ? stickyAt(CHINESE_RE, src, i) : null);
      if (m) return { m, yearLast: false };
    } else if (run <= 2) {
      const m = stickyAt(YEAR_LAST_RE, src, i);
      if (m) return { m, yearLast: true };
    }
    i = end;
  }
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function to24h(hour: number, meridiem: 'am' | 'pm' | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (meridiem === 'am') {
    if (hour === 12) return 0;
    return hour <= 11 ? hour : null;
  }
  if (hour === 0) return null;
  if (hour === 12) return 12;
  // "下午 14:03" happens on Chinese pages: the marker is redundant, not wrong.
  return hour < 12 ? hour + 12 : hour;
}

// ---- Dates with the month written out ----
// "Nov 23, 2026 11:00 AM", "23 Nov 2026", "23 de nov. de 2026 às 14:03",
// "23 thg 11, 2026", "23 нояб. 2026 г.": how back-offices in English,
// Portuguese, Spanish, Malay, Indonesian, Vietnamese and Russian write a date
// out. A word counts as a month by how it starts (its first three letters):
// every language's full and short names alike, in few bytes, since the date
// shape around the word does the rest.
const MONTH_STEMS: readonly string[] = [
  'jan ene янв gen',
  'feb fev фев fév',
  'mar mac мар mär mrz',
  'apr abr апр avr',
  'may mai mei май мая mag',
  'jun июн giu',
  'jul июл lug',
  'aug ago agu agt ogo авг aoû aou',
  'sep set сен',
  'oct okt out окт ott',
  'nov ноя',
  'dec dez dic dis des дек déc',
];
const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_STEMS.flatMap((stems, i) => stems.split(' ').map((w) => [w, i + 1] as const)));
// Only English puts the month first ("Nov 23, 2026"): there, other languages' stems that start English words
// ("out 12 2026", "des…") are no month.
const NOT_ENGLISH: ReadonlySet<string> = new Set(['ene', 'fev', 'mac', 'abr', 'mai', 'mei', 'ago', 'agu', 'agt', 'ogo', 'set', 'okt', 'out', 'dez', 'dic', 'dis', 'des', 'gen', 'mrz', 'avr', 'mag', 'giu', 'lug', 'aou', 'ott']);
// French months that share their first three letters: juin and juillet ("juil.").
const FRENCH_JU: ReadonlyMap<string, number> = new Map([
  ['juin', 6],
  ['juil', 7],
]);
// Thai months, as a Thai-locale page writes them: short ("พ.ย.", its letters without the points) or whole
// ("พฤศจิกายน", told apart by its first three letters).
const THAI_SHORT = 'มค กพ มีค เมย พค มิย กค สค กย ตค พย ธค'.split(' ');
const THAI_WHOLE = 'มกร กุม มีน เมษ พฤษ มิถ กรก สิง กัน ตุล พฤศ ธัน'.split(' ');

/** The month a Thai month word names ("พ.ย.", "พฤศจิกายน"), if any. */
function thaiMonth(word: string): number | undefined {
  const letters = word.replace(/[.\s]/g, '');
  const at = letters.length <= 4 ? THAI_SHORT.indexOf(letters) : THAI_WHOLE.indexOf(letters.slice(0, 3));
  return at < 0 ? undefined : at + 1;
}

/** The month a written-out word names (`english`: only as English names them), if any. */
function monthOf(word: string, english: boolean): number | undefined {
  const stem = word.slice(0, 3).toLowerCase();
  if (english && (NOT_ENGLISH.has(stem) || !/^[a-z]+$/i.test(word))) return undefined;
  if (stem === 'jui') return english ? undefined : FRENCH_JU.get(word.slice(0, 4).toLowerCase());
  return MONTHS.get(stem);
}

// Day, month, year: "23 Nov 2026", "23 de nov. de 2026", "23-Nov-2026", "23 thg 11, 2026", "23 нояб. 2026 г.",
// "23. Nov. 2026", "23 พ.ย. 2569" (Thai: letters and vowel marks, short with points or whole).
const THAI_MONTH = String.raw`[\u0e01-\u0e4e]{1,3}\.\s?[\u0e01-\u0e4e]{1,2}\.|[\u0e01-\u0e4e]{5,12}`;
const DAY_MONTH = String.raw`(?<b>\d{1,2})(?:st|nd|rd|th)?\.?[\s/-]*(?:de\s+)?(?:(?:thg|tháng)\s*(?<mn>\d{1,2})|(?<thm>${THAI_MONTH})|(?<mon>\p{L}{3,10})\.?)(?:\s*(?:de|năm))?[\s,/-]*(?<y>\d{4})(?!\d)`;
// Month, day, year: "Nov 23, 2026", "November 23 2026".
const MONTH_DAY = String.raw`(?<mon>\p{L}{3,10})\.?\s*(?<b>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?<y>\d{4})(?!\d)`;
const DAY_MONTH_RE = new RegExp(String.raw`(?<![\p{L}\d])` + DAY_MONTH + String.raw`(?:\s*г(?:ода|\.)?)?` + WORD_CLOCK, 'giu');
const MONTH_DAY_RE = new RegExp(String.raw`(?<![\p{L}\d])` + MONTH_DAY + WORD_CLOCK, 'giu');
// Three letters of a script months are written in: texts without them (most, and every Chinese one) skip the search.
// A Thai short month ("พ.ย.") has no three letters in a row: any Thai letter is a hint.
const MONTH_HINT = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff]{3}|[\u0e01-\u0e4e]/;

/** The first match of `re` (global) whose month word is a month, with that month. */
function firstNamed(re: RegExp, src: string, english: boolean): { m: RegExpExecArray; month: number } | null {
  re.lastIndex = 0;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    const g = m.groups ?? {};
    const month = g.mn !== undefined ? Number(g.mn) : g.thm !== undefined ? thaiMonth(g.thm) : monthOf(g.mon ?? '', english);
    if (month !== undefined) return { m, month };
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** The first date in `src` with its month written out (or "thg 11"), if any. */
function namedDate(src: string): { m: RegExpExecArray; month: number } | null {
  if (!MONTH_HINT.test(src)) return null;
  const dayFirst = firstNamed(DAY_MONTH_RE, src, false);
  const monthFirst = firstNamed(MONTH_DAY_RE, src, true);
  if (dayFirst === null) return monthFirst;
  return monthFirst !== null && monthFirst.m.index < dayFirst.m.index ? monthFirst : dayFirst;
}

// A clock right before a date that has none ("11:00 23/11/2026", "14:03 - 23 thg 11, 2026"), as Vietnamese pages print it.
const CLOCK_BEFORE_RE = new RegExp(String.raw`(?<![\d:])(?:(?<cnMer>${MERIDIEM_BEFORE})\s*)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<mer>[AaPp]\.?\s?[Mm]|SA|CH)\.?)?[\s,\-–]*$`, 'u');

// A day named relative to today, as lists print their newest orders ("今天 14:03", "Yesterday, 9:12 AM", "Hôm qua
// 09:12", "Hoje às 14:03", "Сегодня в 14:03"): read only with a clock after it, and only when the reader knows when
// "now" is (the read's time, on the page's clock). Without a clock the day alone would put the order at midnight.
// A deadline may be tomorrow's ("支付截止 明天 上午9:12", "Pay by tomorrow, 9:12 AM"): a day ahead counts back -1.
const RELATIVE_DAYS = String.raw`今天|今日|昨天|昨日|前天|明天|明日|后天|[Tt]oday|TODAY|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW|[Hh]ôm\s+nay|[Hh]ôm\s+qua|[Nn]gày\s+mai|[Hh]oje|[Oo]ntem|[Aa]manhã|[Hh]oy|[Aa]yer|[Mm]añana|[Сс]егодня|[Вв]чера|[Зз]автра`;
const DAYS_BACK: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:今天|今日|today|hôm\s+nay|hoje|hoy|сегодня)$/i, 0],
  [/^(?:昨天|昨日|yesterday|hôm\s+qua|ontem|ayer|вчера)$/i, 1],
  [/^前天$/, 2],
  [/^(?:明天|明日|tomorrow|ngày\s+mai|amanhã|mañana|завтра)$/i, -1],
  [/^后天$/, -2],
];
// The word and what joins it to its clock (", ", " at ", " lúc "), which a date written out in digits does without.
const RELATIVE_RE = new RegExp(String.raw`(?<![\p{L}\d])(${RELATIVE_DAYS})(?![\p{L}\d])${CLOCK_JOIN}(?=(?:${MERIDIEM_BEFORE})?\s*\d{1,2}:\d{2})`, 'u');

/**
 * `src` with a day named relative to today ("今天 14:03") written as that
 * day's date ("2026-11-23 14:03"), the wall date of `now` at `offsetMinutes`
 * counted back; `src` itself when it names none (or no clock follows).
 */
function withRelativeDay(src: string, now: number | undefined, offsetMinutes: number): string {
  if (now === undefined || !Number.isFinite(now)) return src;
  const m = RELATIVE_RE.exec(src);
  if (!m) return src;
  const word = m[1]!;
  const back = DAYS_BACK.find(([re]) => re.test(word))?.[1];
  if (back === undefined) return src;
  const day = new Date(now + offsetMinutes * MINUTE_MS - back * DAY_MS);
  const iso = `${day.getUTCFullYear()}-${day.getUTCMonth() + 1}-${day.getUTCDate()}`;
  return `${src.slice(0, m.index)}${iso} ${src.slice(m.index + m[0].length)}`;
}

// Time elapsed, as lists print their newest orders: "3小时前", "5 minutes ago", "há 2 horas", "hace 2 horas",
// "vor 3 Stunden", "il y a 3 heures", "2 ore fa", "3 giờ trước", "3 jam yang lalu", "3 ชั่วโมงที่แล้ว", "3 часа назад",
// "3時間前"; and "刚刚", "just now". Days are left out: a day's uncertainty is as long as some platforms' whole
// window before an unpaid order closes.
const AGO_HOURS = String.raw`小时|小時|時間|hours?|hrs?|h|giờ|horas?|jam|ชั่วโมง|час(?:а|ов)?|Stunden?|heures?|ore|ora`;
const AGO_MINUTES = String.raw`分钟|分鐘|分|minutes?|mins?|min|phút|minutos?|menit|minit|นาที|минут[уы]?|Minuten?|minuti?`;
// Seconds and "just now" in Chinese and English only: an order that new is far from closing.
const AGO_SECONDS = String.raw`秒|seconds?|secs?`;
const AGO_BEFORE = String.raw`há|hace|vor|il\s+y\s+a`;
const AGO_AFTER = String.raw`前|以前|ago|trước|atrás|yang\s+lalu|lalu|ที่แล้ว|назад|fa`;
const JUST_NOW = String.raw`刚刚|剛剛|just\s+now`;
// Letters of scripts that space their words: the words above are whole words there ("min" is not "mint"). Chinese,
// Japanese and Thai run their words together.
const WORD_LETTER = String.raw`[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff\d]`;
const AGO_UNIT = `(?:(?<h>${AGO_HOURS})|(?<mi>${AGO_MINUTES})|(?<s>${AGO_SECONDS}))`;
const AGO_RE_ALL = new RegExp(
  String.raw`(?<!${WORD_LETTER})(?:(?<just>${JUST_NOW})|(?:(?<pre>${AGO_BEFORE})\s+)?(?<n>\d{1,3})\s*${AGO_UNIT}(?:\s*(?<post>${AGO_AFTER}))?)(?!${WORD_LETTER})`,
  'iu',
);
// The unit is a whole word where words are spaced ("h" is not the start of "horas").
const AGO_COUNT = String.raw`\d{1,3}\s*(?:${AGO_HOURS}|${AGO_MINUTES}|${AGO_SECONDS})(?!${WORD_LETTER})`;
/** The shape of a time elapsed (see agoInstant), without capture groups, for label searches. */
export const AGO_SHAPE: string = String.raw`(?:${JUST_NOW}|(?:${AGO_BEFORE})\s+${AGO_COUNT}|${AGO_COUNT}\s*(?:${AGO_AFTER}))`;

/**
 * The instant a time elapsed in `text` names ("3小时前", "5 minutes ago", "há 2 horas", "刚刚"), counted back from
 * `now`; undefined when it names none. A page counts whole units, so "3 hours ago" is more than 3 and less than 4
 * hours back: the earliest of them is taken (a second short of 4 hours), so a close time estimated from it is never
 * later than the platform's, and the order's age still reads "3小时前" as on the page.
 */
export function agoInstant(text: string, now: number): number | undefined {
  if (!Number.isFinite(now)) return undefined;
  const m = AGO_RE_ALL.exec(nfkc(text));
  const g = m?.groups;
  if (!g) return undefined;
  if (g.just !== undefined) return now - MINUTE_MS + INSIDE_MS;
  // A count with neither word around it ("3 hours", a countdown or a delivery promise) is no time elapsed; "vor",
  // "há", "hace" and "il y a" come before the count, the rest after it.
  if ((g.pre === undefined) === (g.post === undefined)) return undefined;
  const unit = g.h !== undefined ? HOUR_MS : g.mi !== undefined ? MINUTE_MS : 1000;
  return now - (Number(g.n) + 1) * unit + INSIDE_MS;
}
/** How far inside the next unit the earliest instant of a time elapsed lies. */
const INSIDE_MS = 1000;

/**
 * The shape of a date as the back-offices print one after a label, in every
 * form parseWallTime reads, for label searches ("创建时间: …", "Order time:
 * …"). No capture groups; use with the `u` flag.
 */
// A month and day printed without a year, which withYear reads: "12-06 22:19" (a clock after it), "12월 7일", "12月6日".
const YEARLESS_FORMS = [
  String.raw`(?<![\d\-/.:])(?<ym>\d{1,2})-(?<yd>\d{1,2})(?=\s+(?:${MERIDIEM_BEFORE})?\s*\d{1,2}:\d{2})`,
  String.raw`(?<![\d年년]\s*)(?<km>\d{1,2})\s*[月월]\s*(?<kd>\d{1,2})\s*[日일]`,
] as const;
const YEARLESS_RE = new RegExp(YEARLESS_FORMS.join('|'), 'u');
/** A date form without its group names, for a label's regexp that has its own group. */
const unnamed = (form: string) => form.replace(/\(\?<[A-Za-z]\w*>/g, '(?:');

export const DATE_SHAPE: string = (() => {
  const clock = String.raw`\d{1,2}(?::|\s*[时時点點]\s*)\d{2}(?:\s*分)?(?:(?::|(?<=分)\s*)\d{2}(?:\s*秒)?)?(?:\s*(?:[AaPp]\.?[Mm]\.?|SA|CH))?`;
  const dates = [
    String.raw`\d{4}\s*[-/.年년]\s*\d{1,2}\s*[-/.月월]\s*\d{1,2}\s*(?:日|일|\.(?=\s))?` + WEEKDAY,
    // A month and day without a year, which withYear reads ("12-06 22:19", "12월 7일 (월)", "12月6日").
    unnamed(YEARLESS_FORMS[0]),
    unnamed(YEARLESS_FORMS[1]) + WEEKDAY,
    String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{4},?`,
    // The written-out forms parseWallTime reads.
    ...[DAY_MONTH, MONTH_DAY].map(unnamed),
    // A day named relative to today: withRelativeDay reads it when a clock follows.
    String.raw`(?:${RELATIVE_DAYS})(?=${CLOCK_JOIN}(?:${MERIDIEM_BEFORE})?\s*\d{1,2}:\d{2})`,
  ];
  return String.raw`(?:${clock}[\s,\-–]*)?(?:${dates.join('|')})(?:\s*,?\s*(?:(?:${JOIN_WORDS})\s+)?(?:${MERIDIEM_BEFORE})?\s*${clock})?`;
})();

/**
 * First date (and optional time) in `text`, read as wall time at
 * `offsetMinutes`. For "a/b/yyyy" both a,b <= 12 is ambiguous: it is read as
 * month/day unless `order` is 'dmy'; a value > 12 settles it either way. A
 * month written out ("Nov 23, 2026", "23 de nov. de 2026") is never
 * ambiguous. A date without a clock takes one printed right before it.
 * Given `now`, a day named relative to it with a clock ("今天 14:03",
 * "Yesterday, 9:12 AM") is that day on the clock at `offsetMinutes`.
 */
export function parseWallTime(
  text: string,
  offsetMinutes: number,
  order: 'ymd' | 'mdy' | 'dmy' = 'ymd',
  now?: number,
): number | null {
  if (typeof text !== 'string' || !Number.isFinite(offsetMinutes)) return null;
  // NFKC turns full-width digits and "：" into ASCII (plain ASCII needs no pass: the common case on every row).
  const src = nfkc(text);
  const read = readWallTime(src, offsetMinutes, order);
  if (read !== null) return read;
  // A year of another calendar ("令和8年", "115/12/06"), only where no date read.
  const gregorian = gregorianYears(src);
  if (gregorian !== src) return readWallTime(gregorian, offsetMinutes, order);
  // A day named relative to now only where no date is printed: the search for its words costs a few µs a text.
  if (now === undefined) return read;
  const relative = withRelativeDay(src, now, offsetMinutes);
  if (relative !== src) return readWallTime(relative, offsetMinutes, order);
  const dated = withYear(src, now, offsetMinutes);
  return dated === src ? null : readWallTime(dated, offsetMinutes, order);
}

// Years of other calendars as Japanese, Taiwanese and Thai pages write them: Japan's eras ("令和8年" is 2026,
// "平成30年" 2018, "元年" an era's first), Taiwan's Minguo years ("民國115年", and "115/12/06" in digits: 115 is 2026),
// and the Buddhist era's last two digits after a Thai month ("6 ธ.ค. 69": 2569, that is 2026). Minguo years in digits
// are read from 100 to 119 only (2011-2030): a number of three digits before a month and day is no year otherwise.
// A Thai month short with its point ("ธ.ค. 69") or whole ("ธันวาคม 69"); not a price ("฿459": the baht sign is a Thai character).
const ERA_HINT = /令和|平成|民[國国]|(?<![\d/.-])1[01]\d[/.-]\d|[\u0e01-\u0e4e](?:\.|[\u0e01-\u0e4e]{4})\s?\d\d(?![\d:])/u;
const JAPANESE_ERA = /(令和|平成)\s*(\d{1,2}|元)\s*年/gu;
const JAPANESE_ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988 };
const MINGUO_WORDS = /民[國国]\s*(\d{2,3})\s*年/gu;
const MINGUO_DIGITS = /(?<![\d/.-])(1[01]\d)([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])/gu;
const MINGUO_START = 1911;
const THAI_SHORT_YEAR = new RegExp(String.raw`((?<!\d)\d{1,2}\s*(?:${THAI_MONTH}))\s*(\d{2})(?![\d:.])`, 'gu');

/** `src` with the years of other calendars (see ERA_HINT) written as the Gregorian year; `src` itself when it holds none. */
export function gregorianYears(src: string): string {
  if (!ERA_HINT.test(src)) return src;
  return src
    .replace(JAPANESE_ERA, (_, era: string, n: string) => `${JAPANESE_ERA_START[era]! + (n === '元' ? 1 : Number(n))}年`)
    .replace(MINGUO_WORDS, (_, n: string) => `${MINGUO_START + Number(n)}年`)
    .replace(MINGUO_DIGITS, (_, y: string, sep: string, a: string, b: string) => `${MINGUO_START + Number(y)}${sep}${a}${sep}${b}`)
    // Only after a month's name: "19 ชั่วโมง 59 นาที" is a countdown, not a date.
    .replace(THAI_SHORT_YEAR, (whole: string, dayMonth: string, yy: string) => (thaiMonth(dayMonth.replace(/^\d+\s*/, '')) === undefined ? whole : `${dayMonth} 25${yy}`));
}

/**
 * `src` with the year written into a month and day printed without one (see YEARLESS_RE): the year that puts the
 * date within half a year of `now`'s wall date at `offsetMinutes` (a deadline in early January seen in December is
 * next year's). `src` itself when it holds no such date.
 */
function withYear(src: string, now: number, offsetMinutes: number): string {
  const m = YEARLESS_RE.exec(src);
  if (!m) return src;
  const g = m.groups ?? {};
  const month = Number(g.ym ?? g.km);
  const day = Number(g.yd ?? g.kd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return src;
  const today = now + offsetMinutes * MINUTE_MS;
  let year = new Date(today).getUTCFullYear();
  const at = Date.UTC(year, month - 1, day);
  if (at - today > 183 * DAY_MS) year--;
  else if (today - at > 183 * DAY_MS) year++;
  return `${src.slice(0, m.index)}${year}年${month}月${day}日${src.slice(m.index + m[0].length)}`;
}

/**
 * An order's created time: the wall time `text` shows (see parseWallTime), else the time elapsed it shows, at its
 * earliest (see agoInstant). Only for a created time: a deadline is never in the past.
 */
export function parseCreatedTime(text: string, offsetMinutes: number, order: 'ymd' | 'mdy' | 'dmy', now: number): number | undefined {
  return parseWallTime(text, offsetMinutes, order, now) ?? agoInstant(text, now);
}

const BUDDHIST_ERA_OFFSET = 543;
const BUDDHIST_ERA_FROM = 2400;
const BUDDHIST_ERA_TO = 2700;

/** parseWallTime of a text already folded (NFKC), without relative days. */
function readWallTime(src: string, offsetMinutes: number, order: 'ymd' | 'mdy' | 'dmy'): number | null {

  const numeric = firstDate(src);
  const named = namedDate(src);
  let g: Record<string, string | undefined>;
  let year: number;
  let month: number;
  let day: number;
  let at: number;
  if (named !== null && (numeric === null || named.m.index < numeric.m.index)) {
    g = named.m.groups ?? {};
    year = Number(g.y);
    month = named.month;
    day = Number(g.b);
    at = named.m.index;
  } else if (numeric !== null) {
    g = numeric.m.groups ?? {};
    year = Number(g.y);
    const a = Number(g.a ?? g.ka);
    const b = Number(g.b ?? g.kb);
    month = a;
    day = b;
    if (numeric.yearLast) {
      const dayFirst = a > 12 ? true : b > 12 ? false : order === 'dmy';
      month = dayFirst ? b : a;
      day = dayFirst ? a : b;
    }
    at = numeric.m.index;
  } else return null;
  // A page formatted in the Thai locale prints the Buddhist era (2569 is 2026): no order is dated 543 years ahead.
  if (year >= BUDDHIST_ERA_FROM && year <= BUDDHIST_ERA_TO) year -= BUDDHIST_ERA_OFFSET;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (g.h === undefined && at > 0) g = CLOCK_BEFORE_RE.exec(src.slice(Math.max(0, at - 24), at))?.groups ?? g;

  let hour = 0;
  let minute = 0;
  let second = 0;
  if (g.h !== undefined) {
    const cn = g.cnMer === undefined ? undefined : MORNING.has(g.cnMer) ? 'am' : 'pm';
    // "a.m.", "AM", Vietnamese "SA" (sáng) before noon; "p.m.", "PM", "CH" (chiều) after.
    const mer = g.mer?.charAt(0).toLowerCase();
    const en = mer === undefined ? undefined : mer === 'a' || mer === 's' ? 'am' : 'pm';
    if (cn !== undefined && en !== undefined && cn !== en) return null;
    // Japanese writes the hours after noon from 0 ("午後0:30" is half past noon); "0:30 PM" is no time.
    const h = cn === 'pm' && Number(g.h) === 0 ? 12 : to24h(Number(g.h), cn ?? en);
    if (h === null) return null;
    hour = h;
    minute = Number(g.mi);
    second = g.s === undefined ? 0 : Number(g.s);
    if (hour > 23 || minute > 59 || second > 59) return null;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * MINUTE_MS;
}

// Words for the time left before a countdown, in the back-offices' languages ("剩余", "left", "Còn", "Restam").
// Those outside ASCII are looked for only in texts that hold one (MORE_WORDS): a case-insensitive search
// for them costs 10-40 times the ASCII one (6 vs 0.15 µs on an order's text), and every order's text is searched.
// Chinese "剩 14 小时", Japanese "残り約6時間", "あと2時間".
const keywordBefore = (words: string, notLetter: string) => String.raw`(?:(?:剩余|还剩|剩餘|還剩|剩|残り|あと|倒计时|倒計時)[\u4e00-\u9fff]{0,6}[:：]?\s*|(?<!${notLetter})(?:${words})[\s:]*)`;
const KEYWORD_BEFORE = keywordBefore('left|in|remaining', '[A-Za-z]');
// Also what closes in it ("Se cierra en", "Expira em", "Vence em", "Ferme dans", "Batal secara automatik dalam").
const KEYWORD_BEFORE_MORE = keywordBefore(String.raw`left|in|remaining|còn|restam?|faltam?|quedan?|осталось|(?:se\s+)?cierra\s+en|cierre\s+en|expira\s+e[nm]|vence\s+e[nm]|fecha\s+em|cancela\s+e[nm]|ferme\s+dans|expire\s+dans|закроется\s+через|noch(?:\s+ca\.)?|cierre\s+automático\s+en|cancelamento\s+automático\s+em|läuft\s+(?:bald\s+)?ab\s*·?|남은\s*시간|(?:hủy|đóng)\s+sau|(?:di)?batal(?:kan)?\s+(?:secara\s+)?(?:automatik|otomatis)\s+dalam|tersisa|sisa|ยกเลิก(?:อัตโนมัติ)?ใน|เหลือ(?:เวลา|อีก)?`, String.raw`\p{L}`);
const MORE_WORDS = /còn|rest|falt|qued|остал|sau|через|cierr|expir|venc|fecha|cancela|ferme|noch|läuft|남은|dalam|sisa|ยกเลิก(?:อัตโนมัติ)?ใน|เหลือ/i;
const KEYWORD_BEFORE_END_RE = new RegExp(`${KEYWORD_BEFORE}$`, 'iu');
const KEYWORD_BEFORE_END_MORE_RE = new RegExp(`${KEYWORD_BEFORE_MORE}$`, 'iu');
// Korean writes it after: "5시간 12분 남음".
const KEYWORD_AFTER_RE = /^\s*(?:left|remaining|남음|남았)(?![A-Za-z])/i;
const AGO_RE = /^\s*(?:前|以前|ago(?![A-Za-z]))/i;

// A bare "23:59:10" is as likely a time of day as a countdown, so a clock only
// counts after a keyword, or before one that says it runs out ("18:30:00后自动关闭",
// "20:59:00 left"). Before a clock "after" words count too ("Hủy sau 19:59:00",
// "через 19:59:00"): a single duration after them ("Giao hàng sau 2 ngày") is
// a delivery promise, but a clock to the second is a countdown. An optional
// leading day count: "剩余 1天 23:59:10".
const clockParts = (days: string) => String.raw`(?:(?<d>\d{1,3})\s*(?:${days})\s*)?(?<h>\d{1,3}):(?<m>\d{2}):(?<s>\d{2})(?!\d)`;
const CLOCK_PARTS = clockParts('天|days?|d');
// After a word for the time left, Japanese days too ("残り 2日 10:52:13"); before "后" a "日" ends a date ("11月20日 10:52:13后").
const CLOCK_PARTS_AFTER_WORD = clockParts('天|日|days?|d');
const CLOCK_COUNTDOWN_RE = new RegExp(KEYWORD_BEFORE + CLOCK_PARTS_AFTER_WORD, 'iu');
const CLOCK_COUNTDOWN_MORE_RE = new RegExp(String.raw`(?:${KEYWORD_BEFORE_MORE}|(?<!\p{L})(?:sau|через)\s+)` + CLOCK_PARTS_AFTER_WORD, 'iu');
const CLOCK_THEN_KEYWORD_RE = new RegExp(String.raw`(?<![\d:])` + CLOCK_PARTS + String.raw`\s*(?:后|後|left|remaining)`, 'iu');
const RUNS_OUT_WORD = /[后後]|left|remaining/i;

const CLOCK_SHAPE_RE = /\d:\d\d:\d\d/;
const SPACED_HINT = /\d\s:|:\s\d/;
const SPACED_CLOCK = /(?<![\d:])(\d)\s?(\d)?\s?:\s?(\d)\s?(\d)\s?:\s?(\d)\s?(\d)(?![\d:])/g;

const UNIT_MS: Readonly<Record<string, number>> = { d: DAY_MS, h: HOUR_MS, m: MINUTE_MS, s: 1000 };

function unitKey(unit: string): string | null {
  const u = unit.toLowerCase();
  if (u === '天' || u.startsWith('d')) return 'd';
  if (/^(小时|小時|时|時|钟头|h)/.test(u)) return 'h';
  if (u.startsWith('分') || u.startsWith('m')) return 'm';
  if (u.startsWith('秒') || u.startsWith('s')) return 's';
  return null;
}

// "日" is deliberately not a unit: it would read "11月20日" as 20 days.
// A number right after another number and "." or ":" is the tail of a clock
// or a decimal ("14:03 5分", "1.5h"), not a count; after a label's colon
// ("剩余时间：2天", which NFKC turns into "剩余时间:2天") it is one.
const UNIT_TOKEN_RE =
  /(?<![\d.])(?<!\d\s*[.:]\s*)(\d{1,4})\s*(天|小时|小時|钟头|时|時|分钟|分鐘|分|秒|days?|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|d)(?![A-Za-z])/giu;
// Units of one duration may be joined by "and" ("22 horas e 30 minutos", "2 ngày và 3 giờ").
const TOKEN_GAP_RE = /^[\s,，、]*(?:(?:and|e|y|và|и)\s*)?$/i;

interface UnitRun {
  start: number;
  end: number;
  ms: number;
  units: number;
  valid: boolean;
}

function unitRuns(src: string): UnitRun[] {
  const runs: UnitRun[] = [];
  let run: (UnitRun & { seen: Set<string> }) | null = null;
  // exec on the shared regexp rather than matchAll, which clones it per call; no match is empty.
  UNIT_TOKEN_RE.lastIndex = 0;
  for (let m = UNIT_TOKEN_RE.exec(src); m !== null; m = UNIT_TOKEN_RE.exec(src)) {
    const start = m.index ?? 0;
    const key = unitKey(m[2] ?? '');
    if (key === null) continue;
    const ms = Number(m[1]) * (UNIT_MS[key] ?? 0);
    if (run !== null && TOKEN_GAP_RE.test(src.slice(run.end, start))) {
      // "2天3天" is not a duration; keep the run but refuse it.
      if (run.seen.has(key)) run.valid = false;
      run.seen.add(key);
      run.ms += ms;
      run.units += 1;
      run.end = start + m[0].length;
    } else {
      if (run !== null) runs.push(run);
      run = { start, end: start + m[0].length, ms, units: 1, valid: true, seen: new Set([key]) };
    }
  }
  if (run !== null) runs.push(run);
  // Units inside a code of letters and digits are none: Shopee's order number "261203A1D4S7PV" holds "1D4S", which
  // is no day and four seconds.
  for (const r of runs) if (IN_CODE.test(src.charAt(r.start - 1)) || IN_CODE.test(src.charAt(r.end))) r.valid = false;
  return runs;
}
const IN_CODE = /[A-Za-z\d]/;

/**
 * Deadline instant for a countdown shown in `text`: `now` plus the remaining
 * time. Unit forms ("2天23时59分", "23h 59m") need two units or a keyword
 * (剩余/还剩/in/left/remaining), because single durations like "30天无理由退货"
 * or "24小时发货" are everywhere in order blocks and are not deadlines.
 */
export function parseCountdown(text: string, now: number): number | null {
  if (typeof text !== 'string' || !Number.isFinite(now)) return null;
  let src = nfkc(text);
  // A clock drawn a digit or a part an element ("0 0 : 4 5 : 1 2", "04 : 13 : 22" as page text joins them): one clock.
  if (SPACED_HINT.test(src)) src = src.replace(SPACED_CLOCK, '$1$2:$3$4:$5$6');

  let bestStart = Infinity;
  let bestMs: number | null = null;

  // A clock countdown holds "h:mm:ss": text without one skips the keyword search.
  // Most clocks are times of day (a created time in every order's text): the search for a word after one runs only where such a word shows.
  const more = MORE_WORDS.test(src);
  const clock = CLOCK_SHAPE_RE.test(src) ? (more ? CLOCK_COUNTDOWN_MORE_RE : CLOCK_COUNTDOWN_RE).exec(src) ?? (RUNS_OUT_WORD.test(src) ? CLOCK_THEN_KEYWORD_RE.exec(src) : null) : null;
  if (clock) {
    const g = clock.groups ?? {};
    const minutes = Number(g.m);
    const seconds = Number(g.s);
    if (minutes <= 59 && seconds <= 59) {
      bestStart = clock.index;
      bestMs =
        Number(g.d ?? 0) * DAY_MS + Number(g.h) * HOUR_MS + minutes * MINUTE_MS + seconds * 1000;
    }
  }

  for (const run of unitRuns(src)) {
    if (run.start >= bestStart) break;
    if (!run.valid || AGO_RE.test(src.slice(run.end))) continue;
    // Two units decide it without looking for a keyword.
    if (run.units >= 2 || (more ? KEYWORD_BEFORE_END_MORE_RE : KEYWORD_BEFORE_END_RE).test(src.slice(0, run.start)) || KEYWORD_AFTER_RE.test(src.slice(run.end))) {
      bestStart = run.start;
      bestMs = run.ms;
      break;
    }
  }
  return bestMs === null ? null : now + bestMs;
}

/** Time left for the panel: "2天3小时", "5小时12分", "12分钟", "不到1分钟", "已超时". Rounds down, like a countdown. */
export function formatDurationZh(ms: number): string {
  if (Number.isNaN(ms)) return '—';
  if (ms <= 0) return '已超时';
  if (!Number.isFinite(ms)) return '—';
  if (ms < MINUTE_MS) return '不到1分钟';
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`;
  return `${minutes}分钟`;
}

/** Order age: "刚刚", "5分钟前", "3小时前", "2天前". A slightly future timestamp (clock skew) reads as "刚刚". */
export function formatAgeZh(ms: number): string {
  if (Number.isNaN(ms)) return '—';
  if (ms < MINUTE_MS) return '刚刚';
  if (!Number.isFinite(ms)) return '—';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)}分钟前`;
  if (ms < DAY_MS) return `${Math.floor(ms / HOUR_MS)}小时前`;
  return `${Math.floor(ms / DAY_MS)}天前`;
}

// ---- Named time zones (cross-border back-offices) ----
// Cross-border back-offices print wall times in a region's zone with summer
// time (US Pacific, São Paulo…), which a fixed offset cannot express. Intl
// knows the rules; we only ask it for the offset at an instant.

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

// Offsets by zone and UTC day, for days without a clock change: Intl's
// formatToParts is slow, and a page of 500 orders asks about a few days only.
// null marks a day with a change (or an unknown zone): those are asked exactly.
const dayOffsets = new Map<string, number | null>();

/** Minutes east of UTC in an IANA zone at a UTC instant; null for an unknown zone. */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number | null {
  if (!Number.isFinite(utcMs)) return null;
  const day = Math.floor(utcMs / DAY_MS);
  const key = `${timeZone}\n${day}`;
  let whole = dayOffsets.get(key);
  if (whole === undefined) {
    // One offset at both ends of the day: no zone changes its clock twice in a day.
    const start = exactZoneOffset(timeZone, day * DAY_MS);
    whole = start !== null && start === exactZoneOffset(timeZone, (day + 1) * DAY_MS - 1000) ? start : null;
    if (dayOffsets.size >= 2000) dayOffsets.clear();
    dayOffsets.set(key, whole);
  }
  return whole ?? exactZoneOffset(timeZone, utcMs);
}

function exactZoneOffset(timeZone: string, utcMs: number): number | null {
  if (!Number.isFinite(utcMs)) return null;
  let fmt = zoneFormatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    zoneFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const whole = Math.floor(utcMs / 1000) * 1000;
  return Math.round((wall - whole) / MINUTE_MS);
}

/**
 * First date (and optional time) in `text`, read as wall time in the IANA
 * zone `timeZone` (summer time included). In the hour a clock is set back the
 * earlier instant is taken; a wall time skipped when it springs forward reads
 * as if the clock had not moved yet. Given `now`, a day named relative to it
 * ("Today 14:03") is that day in the zone.
 */
export function parseZonedWallTime(text: string, timeZone: string, order: 'ymd' | 'mdy' | 'dmy' = 'ymd', now?: number): number | null {
  let asUtc = parseWallTime(text, 0, order);
  // A day named relative to now, or a date without its year, only where no date is printed (see parseWallTime), on the
  // zone's clock now.
  if (asUtc === null && now !== undefined) {
    const today = zoneOffsetMinutes(timeZone, now);
    const src = nfkc(text);
    let dated = today === null ? src : withRelativeDay(src, now, today);
    // Or a month and day without a year (see withYear).
    if (dated === src && today !== null) dated = withYear(src, now, today);
    if (dated !== src) asUtc = parseWallTime(dated, 0, order);
  }
  if (asUtc === null) return null;
  const first = zoneOffsetMinutes(timeZone, asUtc);
  if (first === null) return null;
  let guess = asUtc - first * MINUTE_MS;
  const second = zoneOffsetMinutes(timeZone, guess);
  if (second !== null && second !== first) {
    const retry = asUtc - second * MINUTE_MS;
    // Take the earlier of two candidates that both read back as the wall time.
    if (zoneOffsetMinutes(timeZone, retry) === second) guess = Math.min(guess, retry);
  }
  return guess;
}
