import { describe, expect, it } from 'vitest';
import { parseCountdown } from '../orders/time';
import { countdownIn } from './times';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const MIN = 60_000;

// Every local unit replaced in turn, each pass over what the passes before it left: what countdownIn must give.
const EVERY_UNIT: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\d)\s*ngày/giu, '$1d'],
  [/(\d)\s*giờ/giu, '$1h'],
  [/(\d)\s*phút/giu, '$1m'],
  [/(\d)\s*giây/giu, '$1s'],
  [/(\d)\s*dias?(?![a-z])/giu, '$1d'],
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
];
const everyPass = (text: string) => parseCountdown(EVERY_UNIT.reduce((src, [p, r]) => src.replace(p, r), text), NOW) ?? undefined;

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
    const words = ['ngày', 'GIỜ', 'phút', 'giây', 'dias', 'Horas', 'min', 'minutos', 'ias', 'oras', 'inutos', ' ', '2', '10', 'x', 'còn', 'left', ':', '剩余'];
    let seed = 7;
    const pick = <T,>(xs: readonly T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    for (let i = 0; i < 400; i++) texts.push(Array.from({ length: 2 + (i % 9) }, () => pick(words)).join(pick(['', ' '])));
    for (const text of texts) expect(countdownIn(text, NOW), text).toBe(everyPass(text));
  });
});
