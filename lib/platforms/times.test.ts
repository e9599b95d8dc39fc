import { describe, expect, it } from 'vitest';
import { parseCountdown } from '../orders/time';
import { countdownIn, deadlineIn } from './times';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const MIN = 60_000;

// Every local unit replaced in turn, each pass over what the passes before it left: what countdownIn must give.
const EVERY_UNIT: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\d)\s*ngày/giu, '$1d'],
  [/(\d)\s*giờ/giu, '$1h'],
  [/(\d)\s*phút/giu, '$1m'],
  [/(\d)\s*giây/giu, '$1s'],
  [/(\d)\s*d[ií]as?(?![a-z])/giu, '$1d'],
  [/(\d)\s*horas?(?![a-z])/giu, '$1h'],
  [/(\d)\s*min(?:utos?|utes?|uten|uti)?(?![a-z])/giu, '$1m'],
  [/(\d)\s*hari(?![a-z])/giu, '$1d'],
  [/(\d)\s*jam(?![a-z])/giu, '$1h'],
  [/(\d)\s*menit(?![a-z])/giu, '$1m'],
  [/(\d)\s*detik(?![a-z])/giu, '$1s'],
  [/(\d)\s*วัน/gu, '$1d'],
  [/(\d)\s*ชั่วโมง/gu, '$1h'],
  [/(\d)\s*นาที/gu, '$1m'],
  [/(\d)\s*วินาที/gu, '$1s'],
  [/(\d)\s*小時/gu, '$1小时'],
  [/(\d)\s*分鐘/gu, '$1分钟'],
  [/(\d)\s*時間/gu, '$1小时'],
  [/(\d)\s*(?:std\.?|stunden?)(?![a-z])/giu, '$1h'],
  [/(\d)\s*tag(?:e|en)?(?![a-z])/giu, '$1d'],
  [/(\d)\s*(?:heures?|ore)(?![a-z])/giu, '$1h'],
  [/(\d)\s*(?:jours?|giorni)(?![a-z])/giu, '$1d'],
  [/(\d)\s*gün(?![\p{L}])/giu, '$1d'],
  [/(\d)\s*(?:saat|sa)\.?(?![\p{L}])/giu, '$1h'],
  [/(\d)\s*(?:dakika|dk)\.?(?![\p{L}])/giu, '$1m'],
  [/(\d)\s*(?:saniye|sn)\.?(?![\p{L}])/giu, '$1s'],
  [/(\d)\s*ชม\.?/gu, '$1h'],
  [/(\d)\s*일(?![\p{L}])/gu, '$1d'],
  [/(\d)\s*시간/gu, '$1h'],
  [/(\d)\s*분(?![\p{L}])/gu, '$1m'],
  [/(\d)\s*초(?![\p{L}])/gu, '$1s'],
  [/(\d)\s*(?:дн(?:ей|я)|день|д)\.?(?![\p{L}])/giu, '$1d'],
  [/(\d)\s*(?:час(?:а|ов)?|ч)\.?(?![\p{L}])/giu, '$1h'],
  [/(\d)\s*мин(?:ут[аы]?)?\.?(?![\p{L}])/giu, '$1m'],
  [/(\d)\s*сек(?:унд[аы]?)?\.?(?![\p{L}])/giu, '$1s'],
  [/(\d+)\s*n\s*(\d+)\s*g\s*(\d+)\s*p(?:\s*(\d+)\s*s)?(?![a-z])/giu, '$1d $2h $3m $4s'],
];
const everyPass = (text: string) => parseCountdown(EVERY_UNIT.reduce((src, [p, r]) => src.replace(p, r), text), NOW) ?? undefined;

describe('deadlines as pages draw them (pages written blind)', () => {
  it('reads a Thai countdown in hours and minutes as such, never a number in it as a year of the Buddhist era', () => {
    const thai = { offset: 420, order: 'dmy' } as const;
    expect(deadlineIn('รอชำระเงิน ยกเลิกอัตโนมัติใน 19 ชั่วโมง 59 นาที', thai, NOW)).toBe(NOW + 19 * HOUR + 59 * MIN);
    // A date with the year's last two digits after the month's name is one.
    expect(deadlineIn('ชำระเงินภายใน 7 ธ.ค. 69 10:30', thai, NOW)).toBe(Date.UTC(2026, 11, 7, 3, 30));
  });
  const CHINA = { offset: 480, order: 'ymd' } as const;
  const MADRID = { offset: 60, order: 'dmy' } as const;
  it('reads a clock drawn a digit or a part an element', () => {
    expect(countdownIn('0 0 : 4 5 : 1 2 后自动关闭', NOW)).toBe(NOW + 45 * MIN + 12_000);
    expect(countdownIn('Quedan 1 d 04 : 13 : 22', NOW)).toBe(NOW + 28 * HOUR + 13 * MIN + 22_000);
    expect(countdownIn('Se cierra en 2 3 : 1 4 : 0 5', NOW)).toBe(NOW + 23 * HOUR + 14 * MIN + 5_000);
    // A time of day drawn so is no countdown.
    expect(countdownIn('下单时间 2026-12-05 1 2 : 4 5 : 1 2', NOW)).toBeUndefined();
  });
  it('reads Turkish units and a Turkish deadline label', () => {
    expect(countdownIn('Kalan süre: 15 sa 15 dk', NOW)).toBe(NOW + 15 * HOUR + 15 * MIN);
    expect(countdownIn('2 gün 3 saat', NOW)).toBe(NOW + 51 * HOUR);
    expect(deadlineIn('Ödeme son tarihi: 06.12.2026 10:20', { offset: 180, order: 'dmy' }, NOW)).toBe(Date.UTC(2026, 11, 6, 7, 20));
  });
  it('reads a Malay or Indonesian cancel countdown of one unit, never a delivery promise', () => {
    expect(countdownIn('Batal secara automatik dalam 5 jam', NOW)).toBe(NOW + 5 * HOUR);
    expect(countdownIn('Dibatalkan otomatis dalam 45 menit', NOW)).toBe(NOW + 45 * MIN);
    expect(countdownIn('Sisa 3 jam', NOW)).toBe(NOW + 3 * HOUR);
    expect(countdownIn('Dikirim dalam 2 hari', NOW)).toBeUndefined();
  });
  it('reads Vietnamese units cut to a letter, only as a run', () => {
    expect(countdownIn('Tự động hủy sau 1 n 04 g 30 p 09 s', NOW)).toBe(NOW + 28 * HOUR + 30 * MIN + 9_000);
    expect(countdownIn('Size 2n', NOW)).toBeUndefined();
  });
  it('reads a deadline\'s date before or after its words, with the zone the page names', () => {
    expect(deadlineIn('请在 2026-11-24 10:30 前付款', CHINA, NOW)).toBe(Date.UTC(2026, 10, 24, 2, 30));
    expect(deadlineIn('待支付 2026-11-23 18:45 自动关闭', CHINA, NOW)).toBe(Date.UTC(2026, 10, 23, 10, 45));
    expect(deadlineIn('Cierre automático 24/11/2026 18:45 (GMT+1)', MADRID, NOW)).toBe(Date.UTC(2026, 10, 24, 17, 45));
    expect(deadlineIn('Payment due by Nov 25, 2026 (UTC-8)', CHINA, NOW)).toBe(Date.UTC(2026, 10, 25, 8, 0));
    expect(deadlineIn('Thanh toán trước 08:15 CH 24/11/2026 (GMT+7)', { offset: 420, order: 'dmy' }, NOW)).toBe(Date.UTC(2026, 10, 24, 13, 15));
    // A cross-border list states each deadline in its buyer's zone, after the words or inside a longer note (a page
    // written blind): that zone, not the page's.
    expect(deadlineIn('剩余 1天21小时3分 买家需在 2026-12-08 08:03 前付款 （越南时间 GMT+7）', CHINA, NOW)).toBe(Date.UTC(2026, 11, 8, 1, 3));
    expect(deadlineIn("Pay by Dec 12, 2026 18:00 (AEDT, UTC+11, buyer's local time)", CHINA, NOW)).toBe(Date.UTC(2026, 11, 12, 7, 0));
    // A zone stated for another time after it is not the deadline's.
    expect(deadlineIn('请在 2026-11-24 10:30 前付款 · 下单 2026-11-22 09:00 (GMT+7)', CHINA, NOW)).toBe(Date.UTC(2026, 10, 24, 2, 30));
    // A promise to ship by a date is no payment deadline.
    expect(deadlineIn('承诺发货时间 2026-11-25 12:00', CHINA, NOW)).toBeUndefined();
  });
  it('reads a deadline whose date comes after a weekday (a page written blind: "Pagar até seg., 7 de dez. de 2026, 00:05")', () => {
    const BRASILIA = { offset: -180, order: 'dmy' as const };
    const at = Date.UTC(2026, 11, 7, 3, 5);
    expect(deadlineIn('Pagar até seg., 7 de dez. de 2026, 00:05', BRASILIA, NOW)).toBe(at);
    expect(deadlineIn('Pagar até segunda-feira, 7 de dez. de 2026, 00:05', BRASILIA, NOW)).toBe(at);
    expect(deadlineIn('Pay by Mon, Dec 7, 2026, 00:05', BRASILIA, NOW)).toBe(at);
    expect(deadlineIn('Pay by Monday 7 December 2026 00:05', BRASILIA, NOW)).toBe(at);
    expect(deadlineIn('Pagar antes del lun. 7 dic. 2026 00:05', BRASILIA, NOW)).toBe(at);
    expect(deadlineIn('Bayar sebelum Senin, 7 Des 2026 00:05', BRASILIA, NOW)).toBe(at);
    expect(deadlineIn('Оплатить до пн, 7 дек. 2026 00:05', BRASILIA, NOW)).toBe(at);
    // "Mar" is Tuesday in Spanish and March in English: a month it stays when no date follows it as a weekday.
    expect(deadlineIn('Pay by Mar 7, 2027, 00:05', BRASILIA, NOW)).toBe(Date.UTC(2027, 2, 7, 3, 5));
    // Any other word there is no weekday: the words and the date stay apart.
    expect(deadlineIn('Pay by card 7 Dec 2026 00:05', BRASILIA, NOW)).toBeUndefined();
  });
  it('reads deadlines in Japanese, Korean, Russian, German, Thai and Spanish back-offices (batch 26)', () => {
    const SEOUL = { zone: 'Asia/Seoul', order: 'ymd' } as const;
    const TOKYO = { zone: 'Asia/Tokyo', order: 'ymd' } as const;
    const MOSCOW = { zone: 'Europe/Moscow', order: 'dmy' } as const;
    const BERLIN = { zone: 'Europe/Berlin', order: 'dmy' } as const;
    expect(deadlineIn('支払い待ち 残り 09:47:12', TOKYO, NOW)).toBe(NOW + 9 * HOUR + 47 * MIN + 12_000);
    expect(deadlineIn('自動キャンセルまで 残り約6時間', TOKYO, NOW)).toBe(NOW + 6 * HOUR);
    expect(deadlineIn('お支払い期限: 2026年11月25日(水) 23:59', TOKYO, NOW)).toBe(Date.UTC(2026, 10, 25, 14, 59));
    expect(deadlineIn('결제 대기 5시간 12분 남음', SEOUL, NOW)).toBe(NOW + 5 * HOUR + 12 * MIN);
    expect(deadlineIn('남은 시간 23:41:05', SEOUL, NOW)).toBe(NOW + 23 * HOUR + 41 * MIN + 5_000);
    expect(deadlineIn('자동 취소: 2026. 11. 24. 오전 9:30', SEOUL, NOW)).toBe(Date.UTC(2026, 10, 24, 0, 30));
    expect(deadlineIn('결제 기한: 11월 24일 (화) 오후 11:59', SEOUL, NOW)).toBe(Date.UTC(2026, 10, 24, 14, 59));
    expect(deadlineIn('Автоотмена через 1 д 06 ч 12 мин', MOSCOW, NOW)).toBe(NOW + 30 * HOUR + 12 * MIN);
    expect(deadlineIn('Закроется 24.11.2026 в 14:30 (МСК)', CHINA, NOW)).toBe(Date.UTC(2026, 10, 24, 11, 30));
    expect(deadlineIn('Noch ca. 4 Std.', BERLIN, NOW)).toBe(NOW + 4 * HOUR);
    expect(deadlineIn('Läuft bald ab · 00:40:59', BERLIN, NOW)).toBe(NOW + 40 * MIN + 59_000);
    expect(deadlineIn('Wird am 24.11.2026 um 11:20 Uhr automatisch storniert', BERLIN, NOW)).toBe(Date.UTC(2026, 10, 24, 10, 20));
    expect(deadlineIn('รอชำระเงิน 2 วัน 10 ชม.', { zone: 'Asia/Bangkok', order: 'dmy' }, NOW)).toBe(NOW + 58 * HOUR);
    expect(deadlineIn('Cierre automático en: 2 días 17:42:00', MADRID, NOW)).toBe(NOW + 65 * HOUR + 42 * MIN);
    expect(deadlineIn('Fecha límite del pago del saldo: 30 nov. 2026 17:00 (UTC+8)', MADRID, NOW)).toBe(Date.UTC(2026, 10, 30, 9, 0));
    expect(deadlineIn('Auto-closes 2026-11-24 08:14 PST', CHINA, NOW)).toBe(Date.UTC(2026, 10, 24, 16, 14));
  });
  it('reads Chinese deadlines written short: "剩 14 小时", a month and day without the year, "前未付款将自动关闭"', () => {
    expect(deadlineIn('待支付 拼单中 剩 14 小时', CHINA, NOW)).toBe(NOW + 14 * HOUR);
    expect(deadlineIn('将于 11-23 22:19 自动关闭', CHINA, NOW)).toBe(Date.UTC(2026, 10, 23, 14, 19));
    expect(deadlineIn('2026-11-24 20:03 前未付款将自动关闭', CHINA, NOW)).toBe(Date.UTC(2026, 10, 24, 12, 3));
    // Seen in late December, a deadline on "01-02" is next year's.
    expect(deadlineIn('将于 01-02 10:00 自动关闭', CHINA, Date.UTC(2026, 11, 30))).toBe(Date.UTC(2027, 0, 2, 2, 0));
  });
});

describe('countdowns in local units', () => {
  it('reads Vietnamese and Portuguese units, any case', () => {
    expect(countdownIn('Tự động hủy sau 1 giờ 30 phút', NOW)).toBe(NOW + 90 * MIN);
    expect(countdownIn('TỰ ĐỘNG HỦY SAU 2 NGÀY 3 GIỜ', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('Cancelamento automático em 2 dias 3 horas', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('Pagar em 45 Minutos', NOW)).toBeUndefined();
    // One unit counts after a word for the time left ("Restam", "Còn"), as "left" and "剩余" do.
    expect(countdownIn('restam 45 Minutos', NOW)).toBe(NOW + 45 * MIN);
    expect(countdownIn('Còn 2 giờ', NOW)).toBe(NOW + 2 * HOUR);
    // After "after" words one unit is a promise ("Giao hàng sau 2 ngày": delivery in two days), a clock to the second a countdown.
    expect(countdownIn('Giao hàng sau 2 ngày', NOW)).toBeUndefined();
    expect(countdownIn('Hủy sau 19:59:00', NOW)).toBe(NOW + 19 * HOUR + 59 * MIN);
    // Units joined by "e" / "và" are one duration.
    expect(countdownIn('Cancelamento em 22 horas e 30 minutos', NOW)).toBe(NOW + 22 * HOUR + 30 * MIN);
    expect(countdownIn('Hủy sau 2 ngày và 3 giờ', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('Chờ thanh toán', NOW)).toBeUndefined();
  });

  it('reads a countdown of minutes alone after "hủy sau" (cancelled after), and a stage due on a date (blind batch 34)', () => {
    expect(countdownIn('Đang xác nhận thanh toán từ ví MoMo · Tự động hủy sau 58 phút', NOW)).toBe(NOW + 58 * MIN);
    expect(countdownIn('Giao hàng sau 58 phút', NOW)).toBeUndefined();
    expect(deadlineIn('Initial payment (30%): US$ 14,625.00 · due Dec 9, 2026, 23:59 (UTC+8)', { order: 'mdy' }, NOW)).toBe(Date.UTC(2026, 11, 9, 15, 59));
  });

  it('reads Indonesian, Thai, Traditional Chinese, Japanese, German, French and Italian units', () => {
    expect(countdownIn('Dibatalkan otomatis dalam 1 jam 30 menit', NOW)).toBe(NOW + 90 * MIN);
    expect(countdownIn('Dibatalkan otomatis dalam 2 hari 3 jam', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('ยกเลิกอัตโนมัติใน 1 ชั่วโมง 30 นาที', NOW)).toBe(NOW + 90 * MIN);
    expect(countdownIn('ยกเลิกอัตโนมัติใน 2 วัน 3 ชั่วโมง', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('1小時30分鐘後自動取消', NOW)).toBe(NOW + 90 * MIN);
    expect(countdownIn('2天3小時後自動取消', NOW)).toBe(NOW + 51 * HOUR);
    // Thai seconds are not minutes ("วินาที" holds "นาที").
    expect(countdownIn('เหลือ 5 นาที 30 วินาที', NOW)).toBe(NOW + 5 * MIN + 30_000);
    expect(countdownIn('19時間59分後に自動キャンセル', NOW)).toBe(NOW + 19 * HOUR + 59 * MIN);
    expect(countdownIn('Automatische Stornierung in 19 Std. 59 Min.', NOW)).toBe(NOW + 19 * HOUR + 59 * MIN);
    expect(countdownIn('Stornierung in 2 Tagen 3 Stunden', NOW)).toBe(NOW + 51 * HOUR);
    expect(countdownIn('Annulation automatique dans 19 heures 59 minutes', NOW)).toBe(NOW + 19 * HOUR + 59 * MIN);
    expect(countdownIn('Annullamento automatico tra 2 giorni 3 ore', NOW)).toBe(NOW + 51 * HOUR);
    // One unit alone is a promise, not a countdown ("Dikirim dalam 2 hari": shipped within two days).
    expect(countdownIn('Dikirim dalam 2 hari', NOW)).toBeUndefined();
  });

  it('gives what replacing every unit in turn gives, also where a replaced unit runs into the next word', () => {
    // "5 ngàyias" becomes "5dias" after the first pass and "5d" after the Portuguese one.
    const texts = [
      'còn 5 ngàyias 3 giờ',
      'còn 2 giờoras 5 phútinutos',
      'Chờ thanh toán Thanh toán trước 24/11/2026 10:00',
      'Unpaid Đơn hàng sẽ bị hủy nếu không thanh toán trong vòng 23 giờ 59 phút 10 giây',
      'Aguardando pagamento 1 dia 2 horas 3 minutos',
      '剩余支付时间：18:30:00',
      'Awaiting payment, pay within 23h 59m',
      '7 dias para devolução',
    ];
    const words = ['ngày', 'GIỜ', 'phút', 'giây', 'dias', 'días', 'Horas', 'min', 'minutos', 'ias', 'oras', 'inutos', ' ', '2', '10', 'x', 'còn', 'left', ':', '剩余', '일', '시간', '분', '남음', 'д', 'ч', 'мин', 'ชม.', 'วัน'];
    let seed = 7;
    const pick = <T,>(xs: readonly T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    for (let i = 0; i < 400; i++) texts.push(Array.from({ length: 2 + (i % 9) }, () => pick(words)).join(pick(['', ' '])));
    for (const text of texts) expect(countdownIn(text, NOW), text).toBe(everyPass(text));
  });
});
