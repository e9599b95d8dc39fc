import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/support/fuzz';
import {
  agoInstant,
  AGO_SHAPE,
  CHINA_OFFSET_MINUTES,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  formatAgeZh,
  formatDurationZh,
  parseCountdown,
  DATE_FORMS,
  firstDate,
  parseWallTime,
  parseZonedWallTime,
  DATE_SHAPE,
  zoneOffsetMinutes,
} from './time';

const CN = CHINA_OFFSET_MINUTES;
// Wall-clock components as they read at UTC+8, turned into the UTC instant.
const cn = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) - 8 * HOUR_MS;

describe('constants', () => {
  it('have the expected values', () => {
    expect(CHINA_OFFSET_MINUTES).toBe(480);
    expect(MINUTE_MS).toBe(60_000);
    expect(HOUR_MS).toBe(3_600_000);
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe('parseWallTime', () => {
  // 2026-11-23 12:00 in Beijing; 2026-11-22 20:00 in Los Angeles.
  const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
  it.each<[string, number]>([
    ['今天 14:03', cn(2026, 11, 23, 14, 3)],
    ['今日 14:03:11', cn(2026, 11, 23, 14, 3, 11)],
    ['创建时间：昨天 09:12', cn(2026, 11, 22, 9, 12)],
    ['昨天 下午3:00', cn(2026, 11, 22, 15, 0)],
    ['前天 23:59', cn(2026, 11, 21, 23, 59)],
    ['Today 2:03 PM', cn(2026, 11, 23, 14, 3)],
    ['Yesterday, 9:12 AM', cn(2026, 11, 22, 9, 12)],
    ['yesterday at 21:40', cn(2026, 11, 22, 21, 40)],
    ['Hôm nay 14:03', cn(2026, 11, 23, 14, 3)],
    ['Hôm qua lúc 09:12', cn(2026, 11, 22, 9, 12)],
    ['Hoje às 14:03', cn(2026, 11, 23, 14, 3)],
    ['Ontem 09:12', cn(2026, 11, 22, 9, 12)],
    ['Hoy 14:03', cn(2026, 11, 23, 14, 3)],
    ['Сегодня в 14:03', cn(2026, 11, 23, 14, 3)],
    ['вчера 09:12', cn(2026, 11, 22, 9, 12)],
  ])('reads a day named relative to now with its clock: %s', (text, want) => {
    expect(parseWallTime(text, CN, 'ymd', NOW)).toBe(want);
    // The named day is found after a label, as every label search looks for a date.
    expect(new RegExp(`(${DATE_SHAPE})`, 'u').exec(`下单时间：${text}`)?.[1]?.trim()).toBe(text.replace(/^创建时间：/, ''));
  });

  it('reads a relative day only with a clock, only given now, and counts days on the page\'s clock', () => {
    // The day alone would put the order at midnight: no time.
    expect(parseWallTime('今天', CN, 'ymd', NOW)).toBeNull();
    expect(parseWallTime('Yesterday', CN, 'ymd', NOW)).toBeNull();
    // Not knowing when now is, "today" is no day.
    expect(parseWallTime('今天 14:03', CN)).toBeNull();
    // A word that only starts like one is none.
    expect(parseWallTime('Todays deal 14:03', CN, 'ymd', NOW)).toBeNull();
    // Just past midnight in Beijing (16:30 UTC) it is already the next day there.
    const late = Date.UTC(2026, 10, 23, 16, 30);
    expect(parseWallTime('今天 00:10', CN, 'ymd', late)).toBe(cn(2026, 11, 24, 0, 10));
    expect(parseWallTime('昨天 23:50', CN, 'ymd', late)).toBe(cn(2026, 11, 23, 23, 50));
    // In Los Angeles it is still the 22nd: "Today" there is that day, in that zone.
    expect(parseZonedWallTime('Today 2:03 PM', 'America/Los_Angeles', 'mdy', NOW)).toBe(Date.UTC(2026, 10, 22, 22, 3));
    expect(parseZonedWallTime('Yesterday 2:03 PM', 'America/Los_Angeles', 'mdy', NOW)).toBe(Date.UTC(2026, 10, 21, 22, 3));
    // An explicit date wins over nothing: a date printed in full is read as before.
    expect(parseWallTime('2026-11-20 14:03', CN, 'ymd', NOW)).toBe(cn(2026, 11, 20, 14, 3));
  });

  it('applies the China offset', () => {
    expect(parseWallTime('2026-11-20 14:03:11', CN)).toBe(Date.UTC(2026, 10, 20, 6, 3, 11));
    // Crossing midnight backwards: 02:00 in Beijing is the previous UTC day.
    expect(parseWallTime('2026-01-01 02:00', CN)).toBe(Date.UTC(2025, 11, 31, 18, 0, 0));
  });

  it('honours other offsets', () => {
    expect(parseWallTime('2026-11-20 14:03:11', 0)).toBe(Date.UTC(2026, 10, 20, 14, 3, 11));
    expect(parseWallTime('2026-11-20 14:03:11', -300)).toBe(Date.UTC(2026, 10, 20, 19, 3, 11));
    expect(parseWallTime('2026-11-20 14:03', 330)).toBe(Date.UTC(2026, 10, 20, 8, 33));
  });

  it.each<[string, number]>([
    ['2026-11-20 14:03:11', cn(2026, 11, 20, 14, 3, 11)],
    ['创建时间: 2026-11-20 14:03:11', cn(2026, 11, 20, 14, 3, 11)],
    ['订单号: 3141592653589793 创建时间: 2026-11-20 14:03:11 付款时间: 2026-11-21 09:00:00', cn(2026, 11, 20, 14, 3, 11)],
    ['2026-11-20 14:03', cn(2026, 11, 20, 14, 3)],
    ['2026-11-20T14:03:11', cn(2026, 11, 20, 14, 3, 11)],
    ['2026-11-20 14:03:11.250', cn(2026, 11, 20, 14, 3, 11)],
    ['2026/11/20 14:03:11', cn(2026, 11, 20, 14, 3, 11)],
    ['2026.11.20 14:03', cn(2026, 11, 20, 14, 3)],
    ['2026-1-5 9:07', cn(2026, 1, 5, 9, 7)],
    ['2026-11-20', cn(2026, 11, 20)],
    ['2026年11月20日 14:03', cn(2026, 11, 20, 14, 3)],
    ['2026年11月20日14:03:11', cn(2026, 11, 20, 14, 3, 11)],
    ['2026年1月5日', cn(2026, 1, 5)],
    ['２０２６－１１－２０　１４：０３', cn(2026, 11, 20, 14, 3)], // full width
    ['11/20/2026 2:03 PM', cn(2026, 11, 20, 14, 3)],
    ['11/20/2026 2:03 pm', cn(2026, 11, 20, 14, 3)],
    ['11/20/2026 2:03 p.m.', cn(2026, 11, 20, 14, 3)],
    ['11/20/2026 2:03:45 AM', cn(2026, 11, 20, 2, 3, 45)],
    ['11/20/2026 2:03PM', cn(2026, 11, 20, 14, 3)],
    ['20/11/2026 14:03', cn(2026, 11, 20, 14, 3)],
    ['20.11.2026 14:03', cn(2026, 11, 20, 14, 3)],
    ['11-20-2026', cn(2026, 11, 20)],
    ['2026/11/20 下午2:03', cn(2026, 11, 20, 14, 3)],
    ['2026/11/20 下午 2:03', cn(2026, 11, 20, 14, 3)],
    ['2026/11/20 上午9:15', cn(2026, 11, 20, 9, 15)],
    ['2026/11/20 下午14:03', cn(2026, 11, 20, 14, 3)], // redundant marker
    ['2024-02-29', cn(2024, 2, 29)],
    ['2026-12-31 23:59:59', cn(2026, 12, 31, 23, 59, 59)],
    ['2026-11-20 00:00:00', cn(2026, 11, 20)],
  ])('%j', (text, expected) => {
    expect(parseWallTime(text, CN)).toBe(expected);
  });

  describe('12-hour edges', () => {
    it.each<[string, [number, number]]>([
      ['12:05 AM', [0, 5]],
      ['12:00 AM', [0, 0]],
      ['12:05 PM', [12, 5]],
      ['1:00 AM', [1, 0]],
      ['11:59 PM', [23, 59]],
      ['0:30 AM', [0, 30]],
    ])('%s', (clock, [h, mi]) => {
      expect(parseWallTime(`11/20/2026 ${clock}`, CN)).toBe(cn(2026, 11, 20, h, mi));
    });

    it('reads Chinese periods of the day before a 12-hour clock (a page written blind, batch 41)', () => {
      expect(parseWallTime('2026-12-07 凌晨12:30', CN)).toBe(cn(2026, 12, 7, 0, 30));
      expect(parseWallTime('2026-12-06 早上9:12', CN)).toBe(cn(2026, 12, 6, 9, 12));
      expect(parseWallTime('2026-12-06 中午12:20', CN)).toBe(cn(2026, 12, 6, 12, 20));
      expect(parseWallTime('2026-12-06 中午1:05', CN)).toBe(cn(2026, 12, 6, 13, 5));
      expect(parseWallTime('2026-12-06 晚上11:58', CN)).toBe(cn(2026, 12, 6, 23, 58));
    });
    it('reads the Japanese hours after noon counted from 0 (a page written blind, batch 41)', () => {
      expect(parseWallTime('2026年12月7日(月) 午後0:30', 540)).toBe(Date.UTC(2026, 11, 7, 3, 30));
      expect(parseWallTime('2026年12月6日(日) 午前0:20', 540)).toBe(Date.UTC(2026, 11, 5, 15, 20));
    });
    it('handles 上午12 and 下午12 like AM/PM', () => {
      expect(parseWallTime('2026/11/20 上午12:30', CN)).toBe(cn(2026, 11, 20, 0, 30));
      expect(parseWallTime('2026/11/20 下午12:30', CN)).toBe(cn(2026, 11, 20, 12, 30));
    });

    it.each(['11/20/2026 13:00 AM', '11/20/2026 0:30 PM', '2026/11/20 上午2:03 PM'])('%j -> null', (text) => {
      expect(parseWallTime(text, CN)).toBeNull();
    });
  });

  describe('years of other calendars (pages written blind, batch 41)', () => {
    it.each<[string, number, number]>([
      // Japan's eras: 令和 from 2019 (its first year 元年), 平成 from 1989.
      ['令和8年12月8日(火) 午前0:05', 540, Date.UTC(2026, 11, 7, 15, 5)],
      ['令和元年5月1日 10:00', 540, Date.UTC(2019, 4, 1, 1, 0)],
      ['平成30年1月5日', 540, Date.UTC(2018, 0, 4, 15, 0)],
      // Taiwan's Minguo years, in words and in digits (115 is 2026).
      ['民國115年12月6日 下午3:22', CN, cn(2026, 12, 6, 15, 22)],
      ['請於 115/12/08 上午12:05 前完成付款', CN, cn(2026, 12, 8, 0, 5)],
      ['115-12-06 09:41', CN, cn(2026, 12, 6, 9, 41)],
      // The Buddhist era's last two digits after a Thai month (69 is 2569, that is 2026), the clock after a middle dot.
      ['อา. 6 ธ.ค. 69 · 23:47 น.', 420, Date.UTC(2026, 11, 6, 16, 47)],
      ['6 ธันวาคม 69 10:30', 420, Date.UTC(2026, 11, 6, 3, 30)],
    ])('%s', (text, offset, want) => {
      expect(parseWallTime(text, offset)).toBe(want);
    });
    it.each(['123/12/06 10:00', '99/12/06 10:00', '6 ชิ้น 12', '6 ธ.ค. 10:30', 'ราคา 69'])('%s is no date of another calendar', (text) => {
      expect(parseWallTime(text, CN)).toBeNull();
    });
  });

  it('reads tomorrow and the day after as a deadline shows them, with a clock', () => {
    const now = cn(2026, 12, 6, 12, 0);
    expect(parseWallTime('支付截止 明天 上午9:12', CN, 'ymd', now)).toBe(cn(2026, 12, 7, 9, 12));
    expect(parseWallTime('Pay by tomorrow, 9:12 AM', CN, 'ymd', now)).toBe(cn(2026, 12, 7, 9, 12));
    expect(parseWallTime('Pagar até amanhã às 21:40', CN, 'ymd', now)).toBe(cn(2026, 12, 7, 21, 40));
    expect(parseWallTime('后天 10:00 自动关闭', CN, 'ymd', now)).toBe(cn(2026, 12, 8, 10, 0));
    expect(parseWallTime('明天', CN, 'ymd', now)).toBeNull();
  });

  describe('ambiguous year-last dates', () => {
    it('reads month first by default and for mdy', () => {
      expect(parseWallTime('03/04/2026', CN)).toBe(cn(2026, 3, 4));
      expect(parseWallTime('03/04/2026', CN, 'ymd')).toBe(cn(2026, 3, 4));
      expect(parseWallTime('03/04/2026', CN, 'mdy')).toBe(cn(2026, 3, 4));
    });

    it('reads day first for dmy', () => {
      expect(parseWallTime('03/04/2026 10:00', CN, 'dmy')).toBe(cn(2026, 4, 3, 10));
      expect(parseWallTime('12/05/2026 12:05 AM', CN, 'dmy')).toBe(cn(2026, 5, 12, 0, 5));
    });

    it('lets a value over 12 decide regardless of order', () => {
      expect(parseWallTime('20/11/2026', CN, 'mdy')).toBe(cn(2026, 11, 20));
      expect(parseWallTime('20/11/2026', CN)).toBe(cn(2026, 11, 20));
      expect(parseWallTime('11/20/2026', CN, 'dmy')).toBe(cn(2026, 11, 20));
    });

    it('ignores order for year-first dates', () => {
      expect(parseWallTime('2026-03-04', CN, 'dmy')).toBe(cn(2026, 3, 4));
      expect(parseWallTime('2026-03-04', CN, 'mdy')).toBe(cn(2026, 3, 4));
    });
  });

  it.each([
    '2026-02-30',
    '2026-02-29', // not a leap year
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-20 24:00',
    '2026-11-20 23:60',
    '2026-11-20 23:59:60',
    '13/13/2026',
    '31/02/2026',
    '2026年2月30日',
    '',
    'abc',
    '14:03:11',
    '11/20',
    '-',
  ])('%j -> null', (text) => {
    expect(parseWallTime(text, CN)).toBeNull();
  });

  it('reads a month written out, in the back-offices\' languages, with the clock after it', () => {
    const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);
    const cases: Array<[string, number]> = [
      ['Nov 23, 2026 11:00:00 AM', utc(2026, 11, 23, 11)],
      ['Created Nov 23, 2026, 2:03 PM', utc(2026, 11, 23, 14, 3)],
      ['Placed on November 3 2026 at 9:05 pm', utc(2026, 11, 3, 21, 5)],
      ['December 1st, 2026', utc(2026, 12, 1)],
      ['23 Nov 2026, 14:00', utc(2026, 11, 23, 14)],
      ['23-Nov-2026 09:15', utc(2026, 11, 23, 9, 15)],
      ['Data do pedido: 23 de nov. de 2026 às 03:30', utc(2026, 11, 23, 3, 30)],
      ['23 nov 2026 03:30', utc(2026, 11, 23, 3, 30)],
      ['5 de febrero de 2026 a las 18:20', utc(2026, 2, 5, 18, 20)],
      ['Masa pesanan 7 Ogos 2026 10:00', utc(2026, 8, 7, 10)],
      ['23 thg 11, 2026 11:00', utc(2026, 11, 23, 11)],
      ['23 tháng 11 năm 2026', utc(2026, 11, 23)],
      ['23 нояб. 2026 г. 14:03', utc(2026, 11, 23, 14, 3)],
      ['2 мая 2026 г.', utc(2026, 5, 2)],
    ];
    for (const [text, want] of cases) expect(parseWallTime(text, 0, 'mdy'), text).toBe(want);
    // Written out, day and month cannot be the wrong way round, whatever the page's order.
    expect(parseWallTime('Mar 4, 2026', 0, 'dmy')).toBe(utc(2026, 3, 4));
    expect(parseWallTime('4 Mar 2026', 0, 'mdy')).toBe(utc(2026, 3, 4));
  });

  it('reads a month written out in German, French, Italian and Thai, with the clock after it', () => {
    const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
    const cases: Array<[string, number]> = [
      ['Bestellt am 23. Nov. 2026, 14:03', utc(2026, 11, 23, 14, 3)],
      ['3. März 2026 um 09:15', utc(2026, 3, 3, 9, 15)],
      ['3. Mrz. 2026', utc(2026, 3, 3)],
      ['12. Oktober 2026', utc(2026, 10, 12)],
      ['1. Dez. 2026 18:00', utc(2026, 12, 1, 18)],
      ['Commandé le 23 nov. 2026 à 14:03', utc(2026, 11, 23, 14, 3)],
      ['9 févr. 2026', utc(2026, 2, 9)],
      ['14 avr. 2026', utc(2026, 4, 14)],
      ['5 juin 2026', utc(2026, 6, 5)],
      ['5 juil. 2026 08:30', utc(2026, 7, 5, 8, 30)],
      ['15 août 2026', utc(2026, 8, 15)],
      ['15 AOUT 2026', utc(2026, 8, 15)],
      ['2 déc. 2026', utc(2026, 12, 2)],
      ['23 nov 2026 alle 14:03', utc(2026, 11, 23, 14, 3)],
      ['8 gen 2026', utc(2026, 1, 8)],
      ['4 mag 2026, 10:00', utc(2026, 5, 4, 10)],
      ['1 giu 2026', utc(2026, 6, 1)],
      ['7 luglio 2026', utc(2026, 7, 7)],
      ['12 ott 2026', utc(2026, 10, 12)],
      // Thai: the Buddhist era (2569 is 2026), short months with points and whole ones.
      ['23 พ.ย. 2569 14:03', utc(2026, 11, 23, 14, 3)],
      ['วันที่สั่งซื้อ 5 มิ.ย. 2569', utc(2026, 6, 5)],
      ['3 มี.ค. 2569', utc(2026, 3, 3)],
      ['1 มกราคม 2570', utc(2027, 1, 1)],
      ['30 กันยายน 2569 09:00', utc(2026, 9, 30, 9)],
      ['12 ธ.ค. 2026', utc(2026, 12, 12)],
    ];
    for (const [text, want] of cases) expect(parseWallTime(text, 0, 'dmy'), text).toBe(want);
    // "jui" alone is neither juin nor juillet; a Thai word that is no month is none; the month-first English form
    // does not take another language's month.
    for (const text of ['5 jui 2026', '5 พ.ร. 2569', '5 สวัสดีครับ 2569', 'Gen 4, 2026', 'Ott 12, 2026']) expect(parseWallTime(text, 0, 'dmy'), text).toBeNull();
  });

  it('reads a time elapsed as its earliest instant, in the back-offices\' languages', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const h = 3_600_000;
    const m = 60_000;
    const cases: Array<[string, number]> = [
      ['3小时前', now - 4 * h + 1000],
      ['创建时间：3小时前', now - 4 * h + 1000],
      ['下单于25分钟前', now - 26 * m + 1000],
      ['2 小時前', now - 3 * h + 1000],
      ['3 hours ago', now - 4 * h + 1000],
      ['Created 1 hr ago', now - 2 * h + 1000],
      ['5 mins ago', now - 6 * m + 1000],
      ['40 seconds ago', now - 41_000 + 1000],
      ['há 2 horas', now - 3 * h + 1000],
      ['2 horas atrás', now - 3 * h + 1000],
      ['hace 45 minutos', now - 46 * m + 1000],
      ['vor 3 Stunden', now - 4 * h + 1000],
      ['il y a 3 heures', now - 4 * h + 1000],
      ['2 ore fa', now - 3 * h + 1000],
      ['3 giờ trước', now - 4 * h + 1000],
      ['3 jam yang lalu', now - 4 * h + 1000],
      ['10 minit lalu', now - 11 * m + 1000],
      ['3 ชั่วโมงที่แล้ว', now - 4 * h + 1000],
      ['3 часа назад', now - 4 * h + 1000],
      ['3時間前', now - 4 * h + 1000],
      ['刚刚', now - m + 1000],
      ['Just now', now - m + 1000],
    ];
    for (const [text, want] of cases) expect(agoInstant(text, now), text).toBe(want);
    // The age the panel shows is the page's: a second inside the next hour.
    expect(formatAgeZh(now - agoInstant('3小时前', now)!)).toBe('3小时前');
    expect(formatAgeZh(now - agoInstant('刚刚', now)!)).toBe('刚刚');
    // A count without a word for "ago" is a countdown or a promise; days are too coarse to estimate a close from.
    for (const text of ['剩余3小时', '3 hours left', '请在3小时内付款', 'Ships in 2 hours', '2天前', '3 days ago', '3 hours', 'fast 3 min', 'Order 12345', '']) {
      expect(agoInstant(text, now), text).toBeUndefined();
    }
    expect(agoInstant('3小时前', Number.NaN)).toBeUndefined();
    // After a label, in either order of words (what the readers' label searches capture).
    const label = new RegExp(`Created:\\s*(${AGO_SHAPE})`, 'iu');
    for (const text of ['há 2 horas', 'hace 2 horas', 'vor 3 Stunden', 'il y a 3 heures', '3 hours ago', '2 ore fa', '3小时前', 'just now']) {
      expect(label.exec(`Created: ${text}`)?.[1], text).toBe(text);
    }
  });

  it('reads a clock written in Chinese or Japanese after the date, not midnight', () => {
    expect(parseWallTime('2026年11月23日 14时03分', CN)).toBe(cn(2026, 11, 23, 14, 3));
    expect(parseWallTime('2026年11月23日 14時03分05秒', CN)).toBe(cn(2026, 11, 23, 14, 3, 5));
    expect(parseWallTime('2026-11-23 下午2点03分', CN)).toBe(cn(2026, 11, 23, 14, 3));
    expect(parseWallTime('2026年11月23日 9点05分', CN)).toBe(cn(2026, 11, 23, 9, 5));
    // As before: the colon forms, and a date with no clock.
    expect(parseWallTime('2026-11-23 14:03:05', CN)).toBe(cn(2026, 11, 23, 14, 3, 5));
    expect(parseWallTime('2026年11月23日', CN)).toBe(cn(2026, 11, 23));
  });

  it('takes a clock printed right before a date that has none', () => {
    expect(parseWallTime('11:00 23/11/2026', 0, 'dmy')).toBe(Date.UTC(2026, 10, 23, 11));
    expect(parseWallTime('Thời gian tạo 14:03:22 - 23/11/2026', 0, 'dmy')).toBe(Date.UTC(2026, 10, 23, 14, 3, 22));
    expect(parseWallTime('9:05 PM, Nov 3, 2026', 0)).toBe(Date.UTC(2026, 10, 3, 21, 5));
    expect(parseWallTime('下午3:00 2026-11-23', CN)).toBe(cn(2026, 11, 23, 15));
    // A clock after the date wins; one further away or the tail of a longer count is not the date's.
    expect(parseWallTime('08:00 23/11/2026 11:00', 0, 'dmy')).toBe(Date.UTC(2026, 10, 23, 11));
    expect(parseWallTime('11:00 paid 23/11/2026', 0, 'dmy')).toBe(Date.UTC(2026, 10, 23));
    expect(parseWallTime('1:23:59:59 23/11/2026', 0, 'dmy')).toBe(Date.UTC(2026, 10, 23));
  });

  it('does not take a word that is no month, or an impossible day, for a date', () => {
    for (const text of ['Sold out 12 2026', 'Qty 2 pcs 2026', 'Feb 30, 2026', '31 abr 2026', 'Order 12 Nov', 'Nov 2026']) expect(parseWallTime(text, 0), text).toBeNull();
    // The earliest date counts, whichever way each is written.
    expect(parseWallTime('Created 2026-11-20, due Nov 23, 2026', 0)).toBe(Date.UTC(2026, 10, 20));
    expect(parseWallTime('Created Nov 20, 2026, due 2026-11-23', 0)).toBe(Date.UTC(2026, 10, 20));
  });

  it('rejects a non-finite offset', () => {
    expect(parseWallTime('2026-11-20', Number.NaN)).toBeNull();
  });
});

describe('parseCountdown', () => {
  const now = Date.UTC(2026, 10, 20, 6, 0, 0);
  const hms = (h: number, m = 0, s = 0, d = 0) => d * DAY_MS + h * HOUR_MS + m * MINUTE_MS + s * 1000;

  it.each<[string, number]>([
    ['剩余 23:59:10', hms(23, 59, 10)],
    ['剩余23:59:10', hms(23, 59, 10)],
    ['还剩 23:59:10', hms(23, 59, 10)],
    ['剩余支付时间：23:59:10', hms(23, 59, 10)],
    ['剩余 1天 23:59:10', hms(23, 59, 10, 1)],
    // Japanese days after a word for the time left; Thai words for "cancels automatically in" and "left" (pages written blind).
    ['お支払いまで 残り 2日 10:52:13', hms(10, 52, 13, 2)],
    ['ยกเลิกอัตโนมัติใน 22:14:07', hms(22, 14, 7)],
    ['เหลือเวลา 05:10:00', hms(5, 10)],
    ['left 01:00:00', hms(1)],
    ['Auto-cancels in 23:59:10', hms(23, 59, 10)],
    ['Time left: 05:10:00', hms(5, 10)],
    ['剩余1天2小时3分', hms(2, 3, 0, 1)],
    ['2天23时59分', hms(23, 59, 0, 2)],
    ['23时59分10秒', hms(23, 59, 10)],
    ['剩余 3小时', hms(3)],
    ['还剩 45分钟', hms(0, 45)],
    ['还剩1天23小时自动关闭', hms(23, 0, 0, 1)],
    ['Auto-cancels in 23h 59m', hms(23, 59)],
    ['closes in 1d 2h', hms(2, 0, 0, 1)],
    ['closes in 2 hours', hms(2)],
    ['2 days 3 hours left', hms(3, 0, 0, 2)],
    ['2 days, 3 hours and 4 minutes left', hms(3, 4, 0, 2)],
    ['1 hour remaining', hms(1)],
    ['30 mins left', hms(0, 30)],
    ['剩余 00:00:00', 0],
    // A label's colon right before the count (full-width, as Chinese pages print it).
    ['剩余时间：2天', hms(0, 0, 0, 2)],
    ['剩余时间：1天 3小时', hms(3, 0, 0, 1)],
    ['剩余时间:5小时', hms(5)],
    ['剩余付款时间：1天3小时20分', hms(3, 20, 0, 1)],
    ['Time left:2h', hms(2)],
  ])('%j', (text, remaining) => {
    expect(parseCountdown(text, now)).toBe(now + remaining);
  });

  it('finds the countdown inside a whole order block', () => {
    const block = '2026-11-20 14:03:11 订单号: 123456 ¥1,280.00 7天无理由退货 等待买家付款 剩余 23:59:10';
    expect(parseCountdown(block, now)).toBe(now + hms(23, 59, 10));
  });

  it.each([
    '23:59:10', // a bare clock is more likely a time of day
    '2026-11-20 14:03:11',
    '创建时间: 2026-11-20 14:03:11',
    '30天无理由退货', // single duration without a keyword is a policy, not a deadline
    '24小时发货',
    '5分钟前',
    '2 hours ago',
    '3小时前',
    '2026年11月20日',
    '剩余',
    '剩余 23:61:00',
    '14:30分 20秒', // the tail of a clock is not a count (else "30分 20秒" would read as two units)
    '剩余 1.5h', // nor is a decimal's tail
    '下单时间：14:03 5分钟', // a clock then a lone unit, no keyword
    '261203A1D4S7PV', // units inside a code: a Shopee order number's "1D4S" (a page written blind, batch 44)
    'Nº do pedido 261203A1D4S7PV · 2612069KQ2M7TX',
    '',
    'nothing here',
  ])('%j -> null', (text) => {
    expect(parseCountdown(text, now)).toBeNull();
  });

  it('reads a clock before a word that says it runs out, and after a word for the time left in more languages', () => {
    expect(parseCountdown('18:30:00后自动关闭', now)).toBe(now + 18 * HOUR_MS + 30 * MINUTE_MS);
    expect(parseCountdown('261203A1D4S7PV · auto-cancels in 5h 30m', now)).toBe(now + 5 * HOUR_MS + 30 * MINUTE_MS);
    // A date's "日" before such a clock is no count of days.
    expect(parseCountdown('11月20日 18:30:00后自动关闭', now)).toBe(now + 18 * HOUR_MS + 30 * MINUTE_MS);
    expect(parseCountdown('20:59:00 left to pay', now)).toBe(now + 20 * HOUR_MS + 59 * MINUTE_MS);
    expect(parseCountdown('Restam 22:30:00 para pagar', now)).toBe(now + 22 * HOUR_MS + 30 * MINUTE_MS);
    expect(parseCountdown('Còn 1 d 05:59:10', now)).toBe(now + DAY_MS + 5 * HOUR_MS + 59 * MINUTE_MS + 10_000);
    expect(parseCountdown('Осталось 03:00:00', now)).toBe(now + 3 * HOUR_MS);
    // A time of day stays one: no word for the time left before it, none that it runs out after it.
    expect(parseCountdown('Created 14:03:22', now)).toBeNull();
    expect(parseCountdown('14:03:22 下单', now)).toBeNull();
  });

  it('skips an "ago" duration and keeps looking', () => {
    expect(parseCountdown('下单 5分钟前, 剩余 23小时', now)).toBe(now + hms(23));
  });

  it('rejects a non-finite now', () => {
    expect(parseCountdown('剩余 3小时', Number.NaN)).toBeNull();
  });
});

describe('formatDurationZh', () => {
  it.each<[number, string]>([
    [2 * DAY_MS + 3 * HOUR_MS, '2天3小时'],
    [2 * DAY_MS + 3 * HOUR_MS + 59 * MINUTE_MS, '2天3小时'],
    [DAY_MS, '1天'],
    [5 * HOUR_MS + 12 * MINUTE_MS, '5小时12分'],
    [5 * HOUR_MS + 12 * MINUTE_MS + 59_000, '5小时12分'],
    [HOUR_MS, '1小时'],
    [DAY_MS - 1, '23小时59分'],
    [12 * MINUTE_MS, '12分钟'],
    [MINUTE_MS, '1分钟'],
    [HOUR_MS - 1, '59分钟'],
    [59_999, '不到1分钟'],
    [1, '不到1分钟'],
    [0, '已超时'],
    [-5 * MINUTE_MS, '已超时'],
    [Number.NaN, '—'],
  ])('%i -> %s', (ms, text) => {
    expect(formatDurationZh(ms)).toBe(text);
  });
});

describe('formatAgeZh', () => {
  it.each<[number, string]>([
    [0, '刚刚'],
    [59_999, '刚刚'],
    [-30_000, '刚刚'], // clock skew
    [MINUTE_MS, '1分钟前'],
    [5 * MINUTE_MS + 30_000, '5分钟前'],
    [59 * MINUTE_MS, '59分钟前'],
    [HOUR_MS, '1小时前'],
    [3 * HOUR_MS + 59 * MINUTE_MS, '3小时前'],
    [DAY_MS, '1天前'],
    [2 * DAY_MS + 23 * HOUR_MS, '2天前'],
    [Number.NaN, '—'],
  ])('%i -> %s', (ms, text) => {
    expect(formatAgeZh(ms)).toBe(text);
  });
});

describe('zoneOffsetMinutes', () => {
  // What Intl says, asked directly: the reference the day cache must agree with.
  const formats = new Map<string, Intl.DateTimeFormat>();
  const exact = (timeZone: string, utcMs: number) => {
    if (!formats.has(timeZone)) {
      formats.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
    }
    const parts: Record<string, number> = Object.fromEntries(
      formats
        .get(timeZone)!
        .formatToParts(utcMs)
        .filter((p) => p.type !== 'literal')
        .map((p) => [p.type, Number(p.value)]),
    );
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / MINUTE_MS);
  };

  it('changes at the exact minute a clock springs forward or falls back, asked in any order', () => {
    // Los Angeles: 2026-03-08 02:00 PST -> 03:00 PDT (10:00 UTC); 2026-11-01 02:00 PDT -> 01:00 PST (09:00 UTC).
    const spring = Date.UTC(2026, 2, 8, 10, 0, 0);
    const fall = Date.UTC(2026, 10, 1, 9, 0, 0);
    expect(zoneOffsetMinutes('America/Los_Angeles', spring - 1000)).toBe(-480);
    expect(zoneOffsetMinutes('America/Los_Angeles', spring)).toBe(-420);
    expect(zoneOffsetMinutes('America/Los_Angeles', spring - 1000)).toBe(-480);
    expect(zoneOffsetMinutes('America/Los_Angeles', fall)).toBe(-480);
    expect(zoneOffsetMinutes('America/Los_Angeles', fall - 1000)).toBe(-420);
    // London's change (01:00 UTC) and a half-hour zone on a quiet day.
    expect(zoneOffsetMinutes('Europe/London', Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(0);
    expect(zoneOffsetMinutes('Europe/London', Date.UTC(2026, 2, 29, 1, 0, 0))).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 2, 29, 1, 0, 0))).toBe(330);
  });

  it('agrees with Intl every 53 minutes across a year of several zones', () => {
    for (const zone of ['America/Los_Angeles', 'America/Sao_Paulo', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Shanghai']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 53 * MINUTE_MS) {
        if (zoneOffsetMinutes(zone, t) !== exact(zone, t)) throw new Error(`${zone} at ${new Date(t).toISOString()}`);
      }
    }
  });

  it('is null for an unknown zone or a non-finite instant', () => {
    expect(zoneOffsetMinutes('Mars/Olympus_Mons', Date.UTC(2026, 0, 1))).toBeNull();
    expect(zoneOffsetMinutes('Europe/London', Number.NaN)).toBeNull();
  });
});

// parseWallTime tries its three date forms only where a run of digits starts
// (sticky regexps). The reference below is the plain reading: each form
// searched over the whole text, the earliest match taken. They must agree on
// any text, including the shapes where backtracking decides (a seconds field
// followed by a digit, "p.m." followed by a letter, runs of 3 or 5 digits).
describe('parseWallTime: the first date found run by run is the earliest of three whole-text searches', () => {
  // The same forms, searched over the whole text.
  const FORMS = DATE_FORMS.map(([source, yearLast]) => [new RegExp(source, 'u'), yearLast] as const);
  /** What the three searches give: the earliest match, and whether its form puts the year last. */
  const reference = (text: string) => {
    let best: { m: RegExpExecArray; yearLast: boolean } | null = null;
    for (const [re, yearLast] of FORMS) {
      const m = re.exec(text);
      if (m && (best === null || m.index < best.m.index)) best = { m, yearLast };
    }
    return best;
  };
  const piece = fc.constantFrom(
    '2026', '11', '5', '20', '123', '12345', '2026-11-20', '20/11/2026', '11.20.2026', '-', '/', '.', ':', ' ', '\n', 'T',
    '14:03', '14:03:22', ':22', '.5', '.1234', '9', '0', ' PM', 'p.m.', 'am', 'x', 'a', 'M', '年', '月', '日', '上午', '下午',
    '２０２６', '：', '下单时间：', 'Order time ', '¥12.50', '5/11/2026', '1.2.', '7-8-', '. ', ' в ', ', ', '(月)', '（周一）', '오후 ', '2026. 12. 8.',
  );
  const text = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));

  it('finds the same match: where it starts, what it holds, its groups and its form', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const t = raw.normalize('NFKC');
        const want = reference(t);
        const got = firstDate(t);
        if (want === null) return got === null;
        return got !== null && got.m.index === want.m.index && got.m[0] === want.m[0] && got.yearLast === want.yearLast && JSON.stringify(got.m.groups) === JSON.stringify(want.m.groups);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('reads the shapes where backtracking decides as the whole-text search does', () => {
    const cases = ['x2026-11-20 14:03:225', '2026-11-20 2:03 p.m.x', '12345 2026/1/2 3:04 PM', '123-1-2026 20/11/2026 23:59', '2026 年 11 月 20 日 下午 2:03', '20.11.2026T14:03:22.1234', 'SKU 12345 5/1/2026 9:05 am'];
    const want = ['2026-11-20 14:03', '2026-11-20 2:03 p.m', '2026/1/2 3:04 PM', '20/11/2026 23:59', '2026 年 11 月 20 日 下午 2:03', '20.11.2026T14:03:22', '5/1/2026 9:05 am'];
    cases.forEach((t, i) => {
      expect(reference(t)?.m[0], t).toBe(want[i]);
      expect(firstDate(t)?.m[0], t).toBe(want[i]);
      expect(parseWallTime(t, 0, 'dmy'), t).not.toBeNull();
    });
  });
});
