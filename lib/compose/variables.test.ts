import { describe, expect, it } from 'vitest';
import type { Order } from '../orders/model';
import { fill, formatDeadline, formatTimeLeft, missingIn, optionalMissingIn, variablesFor } from './variables';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatTimeLeft', () => {
  it.each([
    ['zh-CN', 2 * DAY + 23 * HOUR + 5 * MINUTE, '2天23小时'],
    ['zh-TW', 5 * HOUR + 30 * MINUTE, '5小時30分'],
    ['zh-TW', 12 * MINUTE, '12分鐘'],
    ['en', 2 * DAY + 23 * HOUR, '2 days and 23 hours'],
    ['en', DAY, '1 day'],
    ['en', HOUR + MINUTE, '1 hour and 1 minute'],
    ['en', 30_000, 'less than a minute'],
    ['ru', 2 * DAY + 23 * HOUR, '2 дня 23 часа'],
    ['ru', 5 * HOUR + 21 * MINUTE, '5 часов 21 минуту'],
    ['ru', 11 * HOUR + 12 * MINUTE, '11 часов 12 минут'],
    ['ru', 21 * DAY + 3 * HOUR, '21 день 3 часа'],
    ['pt', DAY + HOUR, '1 dia e 1 hora'],
    ['pt', 45 * MINUTE, '45 minutos'],
    ['es', 3 * DAY, '3 días'],
    ['es', 2 * HOUR + 30 * MINUTE, '2 horas y 30 minutos'],
    ['es', 10_000, 'menos de un minuto'],
  ] as const)('%s %i ms reads "%s"', (language, ms, expected) => {
    expect(formatTimeLeft(ms, language)).toBe(expected);
  });

  it('has no value once the deadline has passed', () => {
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatTimeLeft(ms, 'en')).toBeUndefined();
  });
});

describe('formatDeadline', () => {
  const at = Date.UTC(2026, 10, 25, 6, 0); // 14:00 in China

  it('writes China time for Chinese unless told otherwise', () => {
    expect(formatDeadline(at, 'zh-CN')).toBe('11月25日 14:00');
    expect(formatDeadline(at, 'zh-TW')).toBe('11月25日 14:00');
    // A China date line crossed: 23:30 UTC is the next morning in Shanghai.
    expect(formatDeadline(Date.UTC(2026, 11, 31, 23, 30), 'zh-CN')).toBe('1月1日 07:30');
  });

  it('labels another zone for Chinese and always labels the offset for other languages', () => {
    expect(formatDeadline(at, 'zh-CN', { timeZone: 'Europe/Moscow' })).toBe('11月25日 09:00（莫斯科标准时间，UTC+3）');
    expect(formatDeadline(at, 'en')).toBe('Nov 25, 06:00 (UTC+0)');
    expect(formatDeadline(at, 'en', { utcOffsetMinutes: 480 })).toBe('Nov 25, 14:00 (UTC+8)');
    expect(formatDeadline(at, 'pt', { utcOffsetMinutes: -180 })).toBe('25 de novembro às 03:00 (UTC-3)');
    expect(formatDeadline(at, 'es', { utcOffsetMinutes: 330 })).toBe('25 de noviembre a las 11:30 (UTC+5:30)');
    expect(formatDeadline(at, 'ru', { timeZone: 'Europe/Moscow' })).toBe('25 ноября в 09:00 (Москва, стандартное время, UTC+3)');
  });

  it('follows daylight saving time in a named zone', () => {
    // New York leaves DST on Sunday 1 Nov 2026 at 02:00 local.
    expect(formatDeadline(Date.UTC(2026, 9, 31, 12, 0), 'en', { timeZone: 'America/New_York' })).toBe('Oct 31, 08:00 (Eastern Daylight Time, UTC-4)');
    expect(formatDeadline(Date.UTC(2026, 10, 1, 12, 0), 'en', { timeZone: 'America/New_York' })).toBe('Nov 1, 07:00 (Eastern Standard Time, UTC-5)');
    // ... and enters it on 8 Mar 2026: 01:59 EST is followed by 03:00 EDT.
    expect(formatDeadline(Date.UTC(2026, 2, 8, 6, 59), 'en', { timeZone: 'America/New_York' })).toBe('Mar 8, 01:59 (Eastern Standard Time, UTC-5)');
    expect(formatDeadline(Date.UTC(2026, 2, 8, 7, 0), 'en', { timeZone: 'America/New_York' })).toBe('Mar 8, 03:00 (Eastern Daylight Time, UTC-4)');
    // Southern hemisphere: Santiago is on summer time in January.
    expect(formatDeadline(Date.UTC(2026, 0, 15, 15, 0), 'es', { timeZone: 'America/Santiago' })).toBe('15 de enero a las 12:00 (hora de verano de Chile, UTC-3)');
    expect(formatDeadline(Date.UTC(2026, 6, 15, 15, 0), 'es', { timeZone: 'America/Santiago' })).toBe('15 de julio a las 11:00 (hora estándar de Chile, UTC-4)');
  });

  it("names the zone in the buyer's language, and leaves it out when it is the buyer's own", () => {
    expect(formatDeadline(at, 'pt', { timeZone: 'America/Sao_Paulo' })).toBe('25 de novembro às 03:00 (Horário Padrão de Brasília, UTC-3)');
    expect(formatDeadline(at, 'zh-TW', { timeZone: 'America/Los_Angeles' })).toBe('11月24日 22:00（太平洋標準時間，UTC-8）');
    expect(formatDeadline(at, 'pt', { timeZone: 'America/Sao_Paulo' }, { timeZone: 'America/Sao_Paulo' })).toBe('25 de novembro às 03:00');
    expect(formatDeadline(at, 'ru', { timeZone: 'Europe/Moscow' }, { utcOffsetMinutes: 180 })).toBe('25 ноября в 09:00');
  });

  it('prefers the zone name over a fixed offset, and gives nothing for an unknown zone', () => {
    expect(formatDeadline(at, 'en', { timeZone: 'Asia/Shanghai', utcOffsetMinutes: -300 })).toBe('Nov 25, 14:00 (China Standard Time, UTC+8)');
    expect(formatDeadline(at, 'en', { timeZone: 'Mars/Olympus' })).toBeUndefined();
  });
});

const NOW = Date.UTC(2026, 10, 23, 4, 0);

function order(overrides: Partial<Order> = {}): Order {
  return {
    key: 'aliexpress:8123',
    platform: 'aliexpress',
    orderId: '8123',
    buyer: { nick: 'maria_s' },
    items: [{ title: 'Wireless earbuds with charging case, Bluetooth 5.3', sku: 'Color: Black', qty: 1 }],
    amount: { minor: 2350, currency: 'USD' },
    autoCloseAt: NOW + 20 * HOUR,
    status: 'unpaid',
    pageUrl: 'https://csp.aliexpress.com/m_apps/order-manage',
    statusSource: 'page',
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    statusChangedAt: NOW,
    ...overrides,
  };
}

describe('variablesFor', () => {
  it('fills everything the order and the person provide', () => {
    const vars = variablesFor(order(), NOW, {
      language: 'en',
      utcOffsetMinutes: 480,
      vars: { shop: ' Bright Audio ', coupon: 'EAR5', gift: 'a pouch', seller: 'Lin', orderLink: 'https://www.aliexpress.com/p/order/detail.html?orderId=8123' },
    });
    expect(vars).toEqual({
      buyer: 'maria_s',
      item: 'Wireless earbuds with charging case…',
      sku: 'Color: Black',
      amount: 'US$23.50',
      currency: 'USD',
      orderId: '8123',
      orderLink: 'https://www.aliexpress.com/p/order/detail.html?orderId=8123',
      deadline: 'Nov 24, 08:00 (UTC+8)',
      timeLeft: '20 hours',
      shop: 'Bright Audio',
      coupon: 'EAR5',
      gift: 'a pouch',
      seller: 'Lin',
    });
  });

  it('leaves blank or absent values missing rather than empty', () => {
    const vars = variablesFor(order({ items: [{ title: '  ', qty: 1 }], autoCloseAt: NOW - 1 }), NOW, { vars: { coupon: '   ' } });
    for (const name of ['item', 'sku', 'deadline', 'timeLeft', 'coupon', 'shop', 'orderLink'] as const) expect(vars[name], name).toBeUndefined();
  });

  it.each([
    ['en', 'Wireless earbuds with charging case… and 2 other items'],
    ['ru', 'Wireless earbuds with charging case… и ещё 2 товара'],
    ['pt', 'Wireless earbuds with charging case… e mais 2 itens'],
    ['es', 'Wireless earbuds with charging case… y 2 artículos más'],
    ['zh-TW', 'Wireless earbuds with charging case…等3件商品'],
  ] as const)('names a multi-item order in %s', (language, expected) => {
    const items = [order().items[0]!, { title: 'Case', qty: 1 }, { title: 'Strap', qty: 2 }];
    expect(variablesFor(order({ items }), NOW, { language }).item).toBe(expected);
  });

  it('uses a shorter item name in an SMS', () => {
    expect(variablesFor(order(), NOW, { language: 'en', channel: 'sms' }).item).toBe('Wireless earbuds…');
  });
});

describe('fill: optional parts', () => {
  it('keeps an optional part whose variables are known, without its brackets', () => {
    expect(fill('Thanks for your order[[ of {{item}}]]!', { item: 'a hat' })).toBe('Thanks for your order of a hat!');
  });

  it('drops an optional part whole when a variable in it is unknown, and tidies the spaces it leaves', () => {
    expect(fill('Thanks for your order[[ of {{item}}]]!', {})).toBe('Thanks for your order!');
    expect(fill('Order {{orderId}} [[closes in {{timeLeft}} ]]today.', { orderId: '8' })).toBe('Order 8 today.');
    expect(fill('您的订单[[（还剩{{timeLeft}}）]]即将关闭', {})).toBe('您的订单即将关闭');
    expect(fill('Best regards,[[\n{{seller}}]]', {})).toBe('Best regards,');
    expect(fill('Best regards,[[\n{{seller}}]]', { seller: 'Lin' })).toBe('Best regards,\nLin');
  });

  it('still refuses a template whose required variables are missing', () => {
    expect(fill('Hi {{buyer}}[[, {{item}}]]', {})).toBeUndefined();
    expect(missingIn('Hi {{buyer}}[[, {{item}}]]', {})).toEqual(['buyer']);
    expect(optionalMissingIn('Hi {{buyer}}[[, {{item}}]]', { buyer: 'A' })).toEqual(['item']);
  });

  it('never tidies a value the page gave', () => {
    expect(fill('[[{{shop}}: ]]Hi {{buyer}}', { buyer: 'a  ,b ' })).toBe('Hi a  ,b ');
  });
});

describe('plurals', () => {
  it.each([
    [1, 'минуту'], [2, 'минуты'], [4, 'минуты'], [5, 'минут'], [11, 'минут'], [14, 'минут'], [21, 'минуту'], [22, 'минуты'], [25, 'минут'], [41, 'минуту'], [44, 'минуты'], [12, 'минут'],
  ] as const)('ru %i %s', (n, word) => {
    expect(formatTimeLeft(n * MINUTE, 'ru')).toBe(`${n} ${word}`);
  });

  it('writes under a minute as a phrase of its own in every language', () => {
    expect(formatTimeLeft(30_000, 'zh-CN')).toBe('不到1分钟');
    expect(formatTimeLeft(30_000, 'zh-TW')).toBe('不到1分鐘');
    expect(formatTimeLeft(30_000, 'ru')).toBe('считаные секунды');
    expect(formatTimeLeft(30_000, 'pt')).toBe('menos de um minuto');
  });

  it('counts the other items of an order with the language plural rules', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ title: i === 0 ? 'Hat' : `Item ${i}`, qty: 1 }));
    expect(variablesFor(order({ items: items(2) }), NOW, { language: 'en' }).item).toBe('Hat and 1 other item');
    expect(variablesFor(order({ items: items(6) }), NOW, { language: 'ru' }).item).toBe('Hat и ещё 5 товаров');
    expect(variablesFor(order({ items: items(22) }), NOW, { language: 'ru' }).item).toBe('Hat и ещё 21 товар');
    expect(variablesFor(order({ items: items(2) }), NOW, { language: 'pt' }).item).toBe('Hat e mais 1 item');
  });
});

describe('fill', () => {
  it('reports which placeholders have no value', () => {
    expect(missingIn('{{buyer}} {{coupon}} {{gift}} {{coupon}}', { buyer: 'x' })).toEqual(['coupon', 'gift']);
  });

  it('does not take values from the object prototype', () => {
    expect(fill('{{toString}}{{constructor}}', {})).toBeUndefined();
  });
});
