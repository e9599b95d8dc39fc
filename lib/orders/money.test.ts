import { describe, it, expect } from 'vitest';
import { currencyDigits, formatMoney, parseMoney, parseMoneyAll, parseMoneyIn, sumByCurrency, type Money } from './money';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

// IDR's minor digits differ between ICU versions; parsing pins the separator
// meaning, and the stored scale follows whatever the runtime says.
const idr = (whole: number): Money => ({ minor: whole * 10 ** currencyDigits('IDR'), currency: 'IDR' });

describe('currencyDigits', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['BRL', 2],
    ['RUB', 2],
    ['MYR', 2],
    ['GBP', 2],
    ['VND', 0],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['cny', 2],
  ] as const)('%s has %i digits', (code, digits) => {
    expect(currencyDigits(code)).toBe(digits);
  });

  it.each(['', 'US', 'DOLLAR', '12$', 'ZZZ'])('falls back to 2 for %j', (code) => {
    expect(currencyDigits(code)).toBe(2);
  });
});

describe('parseMoney', () => {
  const cny = (minor: number): Money => ({ minor, currency: 'CNY' });

  it.each<[string, Money]>([
    // Chinese marketplaces
    ['¥1,280.00', cny(128000)],
    ['￥99', cny(9900)],
    ['¥ 128.00', cny(12800)],
    ['含运费: ¥10.00', cny(1000)],
    ['实付款 ¥1,280.00 (含运费 ¥10.00)', cny(128000)],
    ['CN¥5.5', cny(550)],
    ['RMB 100', cny(10000)],
    ['100元', cny(10000)],
    ['¥0.29', cny(29)],
    ['￥１２８．００', cny(12800)], // full-width digits and point
    // Dollars
    ['US $23.50', { minor: 2350, currency: 'USD' }],
    ['US$1,200', { minor: 120000, currency: 'USD' }],
    ['$5', { minor: 500, currency: 'USD' }],
    ['S$12.90', { minor: 1290, currency: 'SGD' }],
    ['NT$1,200', { minor: 120000, currency: 'TWD' }],
    ['HK$88', { minor: 8800, currency: 'HKD' }],
    // Comma decimals and space grouping
    ['R$ 59,90', { minor: 5990, currency: 'BRL' }],
    ['R$ 1.234,56', { minor: 123456, currency: 'BRL' }],
    ['€12,50', { minor: 1250, currency: 'EUR' }],
    ['12,50 €', { minor: 1250, currency: 'EUR' }],
    ['€1.200', { minor: 120000, currency: 'EUR' }],
    ['1 234,56 руб.', { minor: 123456, currency: 'RUB' }],
    [`1${NBSP}234,56 руб.`, { minor: 123456, currency: 'RUB' }],
    [`1${NNBSP}234,56 руб.`, { minor: 123456, currency: 'RUB' }],
    [`12${NNBSP}345${NNBSP}678 руб`, { minor: 1234567800, currency: 'RUB' }],
    ['₽ 500', { minor: 50000, currency: 'RUB' }],
    ['500 р.', { minor: 50000, currency: 'RUB' }],
    // Zero-digit currencies: a lone separator is always grouping
    ['₫250.000', { minor: 250000, currency: 'VND' }],
    ['584.901₫', { minor: 584901, currency: 'VND' }],
    ['1.250.000 ₫', { minor: 1250000, currency: 'VND' }],
    ['250.000đ', { minor: 250000, currency: 'VND' }],
    ['JP¥1,200', { minor: 1200, currency: 'JPY' }],
    ['1,200円', { minor: 1200, currency: 'JPY' }],
    ['₩15,000', { minor: 15000, currency: 'KRW' }],
    ['Rp 150.000', idr(150000)],
    ['Rp1.250.000', idr(1250000)],
    // Other symbols
    ['RM 45.00', { minor: 4500, currency: 'MYR' }],
    ['RM45', { minor: 4500, currency: 'MYR' }],
    ['£9.99', { minor: 999, currency: 'GBP' }],
    ['฿1,200.00', { minor: 120000, currency: 'THB' }],
    ['₱1,499.50', { minor: 149950, currency: 'PHP' }],
    // ISO codes either side
    ['USD 23.50', { minor: 2350, currency: 'USD' }],
    ['23.50 USD', { minor: 2350, currency: 'USD' }],
    ['CNY 10', cny(1000)],
    ['EUR 1.234,50', { minor: 123450, currency: 'EUR' }],
  ])('%j', (text, expected) => {
    expect(parseMoney(text)).toEqual(expected);
  });

  it.each<[string, number]>([
    ['¥1,234', 123400], // once, three digits: grouping
    ['¥1,23', 123], // once, two digits: decimal
    ['¥1.5', 150], // once, one digit: decimal
    ['¥1,234,567', 123456700], // repeated: grouping
    ['¥1.234.567', 123456700],
    ['¥1,234.56', 123456], // both: last one is decimal
    ['¥1.234,56', 123456],
    ['¥0,123', 12], // "0," cannot start a grouped number, so decimal (then rounded)
    ['¥1234,567', 123457], // a 4-digit head cannot be grouped either
    ['¥1 234,567', 123457], // spaces already group, so the comma is decimal
  ])('separator rule: %j -> %i', (text, minor) => {
    expect(parseMoney(text)).toEqual(cny(minor));
  });

  it.each<[string, Money]>([
    ['¥0.295', cny(30)],
    ['¥0.294', cny(29)],
    ['¥1,000.005', cny(100001)],
    ['¥1,000.00499', cny(100000)],
    ['$1.2345', { minor: 123, currency: 'USD' }],
    ['$1.2350', { minor: 124, currency: 'USD' }],
    ['€1.234,565', { minor: 123457, currency: 'EUR' }],
    ['JP¥1,200.50', { minor: 1201, currency: 'JPY' }], // both separators: decimal, rounded to 0 digits
    ['JP¥1,200.49', { minor: 1200, currency: 'JPY' }],
  ])('rounds half away from zero: %j', (text, expected) => {
    expect(parseMoney(text)).toEqual(expected);
  });

  it('uses integer arithmetic, never float artefacts', () => {
    for (const [text, minor] of [
      ['¥0.29', 29],
      ['¥0.57', 57],
      ['¥1.15', 115],
      ['¥4.35', 435],
      ['¥1,005.05', 100505],
    ] as const) {
      const m = parseMoney(text);
      expect(m?.minor).toBe(minor);
      expect(Number.isInteger(m?.minor)).toBe(true);
    }
  });

  it('accepts up to Number.MAX_SAFE_INTEGER minor units and rejects beyond', () => {
    expect(parseMoney('¥90071992547409.91')).toEqual(cny(Number.MAX_SAFE_INTEGER));
    expect(parseMoney('¥90071992547409.92')).toBeNull();
    expect(parseMoney('¥99999999999999999999')).toBeNull();
    expect(parseMoney('₫9007199254740991')).toEqual({ minor: Number.MAX_SAFE_INTEGER, currency: 'VND' });
    expect(parseMoney('₫9007199254740992')).toBeNull();
    // Rounding up across the limit also counts.
    expect(parseMoney('¥90071992547409.915')).toBeNull();
  });

  it.each(['', '-', '—', '¥', '￥', 'abc', 'US $', 'RM', '¥abc', 'N/A', '免运费'])('%j -> null', (text) => {
    expect(parseMoney(text)).toBeNull();
    expect(parseMoney(text, 'CNY')).toBeNull();
  });

  it.each(['-¥5.00', '¥-5.00', '− ¥5', '-$5', '$ -5', '-5 €', '-12,50 €'])('negative %j -> null', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('reads digits grouped by apostrophes as Swiss pages write them, never the first group alone', () => {
    expect(parseMoney('CHF 1’234.50')).toEqual({ minor: 123450, currency: 'CHF' });
    expect(parseMoney("CHF 12'345'678.00")).toEqual({ minor: 1234567800, currency: 'CHF' });
    expect(parseMoney('1’234.50 €')).toEqual({ minor: 123450, currency: 'EUR' });
    // An apostrophe that groups no three digits: no amount is made of any part of that number.
    expect(parseMoney("CHF 1'23.50")).toBeNull();
    expect(parseMoney("1'23.50", 'CHF')).toBeNull();
    expect(parseMoney("CHF 1'234'5")).toBeNull();
    expect(parseMoney("Jacket size 4'11 ¥20")).toEqual({ minor: 2000, currency: 'CNY' });
  });

  it('reads Polish, Turkish, Saudi and Emirati amounts, and each amount\'s own currency written after it (pages written blind)', () => {
    expect(parseMoney('1\u202f924,60\u00a0zł')).toEqual({ minor: 192460, currency: 'PLN' });
    expect(parseMoney('85.000,00 TL')).toEqual({ minor: 8500000, currency: 'TRY' });
    expect(parseMoney('1,439.00 ر.س')).toEqual({ minor: 143900, currency: 'SAR' });
    expect(parseMoney('3,240.00 د.إ')).toEqual({ minor: 324000, currency: 'AED' });
    // A total and its struck old price, each with its currency after it: two amounts, never the second alone (the
    // marker between them was taken for the second's, the first left bare, and the old price read as the total).
    expect(parseMoneyAll('1,439.00 ر.س 1,482.00 ر.س')).toEqual([{ minor: 143900, currency: 'SAR' }, { minor: 148200, currency: 'SAR' }]);
    expect(parseMoneyAll('45,80 € 50,00 €')).toEqual([{ minor: 4580, currency: 'EUR' }, { minor: 5000, currency: 'EUR' }]);
    expect(parseMoneyAll('1 ¥20')).toEqual([{ minor: 2000, currency: 'CNY' }]);
  });

  it('reads a marker written apart ("JP ¥3,480"), and Chile\'s and Colombia\'s pesos (pages written blind)', () => {
    expect(parseMoney('JP ¥3,480')).toEqual({ minor: 3480, currency: 'JPY' });
    expect(parseMoney('HK $ 128.00')).toEqual({ minor: 12800, currency: 'HKD' });
    expect(parseMoney('CLP$ 24.990')).toEqual({ minor: 24990, currency: 'CLP' });
    expect(parseMoney('COP$ 129.900')).toEqual({ minor: 129900, currency: 'COP' });
    // Letters that end a word are no marker's.
    expect(parseMoney('SHIP ¥20.00')).toEqual({ minor: 2000, currency: 'CNY' });
  });

  it('reads a bare "$" or "kr" by the code written beside its amount, and never guesses a crown (a page written blind)', () => {
    // Every amount of a cell, not only the first: "$612.40 MXN" was read as US dollars where all amounts were listed.
    expect(parseMoneyAll('$ 612.40 MXN')).toEqual([{ minor: 61240, currency: 'MXN' }]);
    // The text's other amounts with the sign are in that currency too ("商品小計 ¥3,280" under "¥3,880 JPY").
    expect(parseMoneyAll('$612.40 MXN Products $ 579.40')).toEqual([{ minor: 61240, currency: 'MXN' }, { minor: 57940, currency: 'MXN' }]);
    expect(parseMoneyAll('¥3,880 JPY （税込） 商品小計 ¥3,280')).toEqual([{ minor: 3880, currency: 'JPY' }, { minor: 3280, currency: 'JPY' }]);
    // Two codes for one sign name neither for the bare amounts.
    expect(parseMoneyAll('$5 MXN $6 USD $7')).toEqual([{ minor: 500, currency: 'MXN' }, { minor: 600, currency: 'USD' }, { minor: 700, currency: 'USD' }]);
    expect(parseMoney('349,00 kr SEK')).toEqual({ minor: 34900, currency: 'SEK' });
    expect(parseMoney('kr 437,00 NOK')).toEqual({ minor: 43700, currency: 'NOK' });
    // Swedish, Norwegian, Danish or Icelandic: "kr" alone says none, and the number is not read as the page's money.
    expect(parseMoney('kr 437,00')).toBeNull();
    expect(parseMoney('349,00 kr', 'CNY')).toBeNull();
    expect(parseMoneyAll('349,00 kr')).toEqual([]);
  });

  it('rejects malformed groupings instead of guessing', () => {
    expect(parseMoney('¥1,2,3')).toBeNull();
    expect(parseMoney('¥1.234,5.6')).toBeNull();
    expect(parseMoney('JP¥1.50')).toBeNull(); // 0-digit: "." must be grouping, but "50" is not a group
  });

  describe('default currency', () => {
    it('applies to a bare number', () => {
      expect(parseMoney('128.00', 'CNY')).toEqual(cny(12800));
      expect(parseMoney('合计: 1,280.00', 'CNY')).toEqual(cny(128000));
      expect(parseMoney('1.234,56', 'EUR')).toEqual({ minor: 123456, currency: 'EUR' });
      expect(parseMoney('250.000', 'VND')).toEqual({ minor: 250000, currency: 'VND' });
    });

    it('is normalised to upper case', () => {
      expect(parseMoney('5', 'usd')).toEqual({ minor: 500, currency: 'USD' });
    });

    it('without it a bare number is unreadable', () => {
      expect(parseMoney('128.00')).toBeNull();
      expect(parseMoney('128.00', '')).toBeNull();
      expect(parseMoney('128.00', 'yuan')).toBeNull();
    });

    it('never overrides an explicit marker', () => {
      expect(parseMoney('US $23.50', 'CNY')).toEqual({ minor: 2350, currency: 'USD' });
      expect(parseMoney('€12,50', 'CNY')).toEqual({ minor: 1250, currency: 'EUR' });
    });

    it('is also recognised as a code in the text', () => {
      expect(parseMoney('PEN 59.90', 'PEN')).toEqual({ minor: 5990, currency: 'PEN' });
    });

    it('rejects a bare negative number', () => {
      expect(parseMoney('-5', 'CNY')).toBeNull();
    });
  });

  describe('surrounding text', () => {
    it('prefers a marked amount over an earlier bare number', () => {
      expect(parseMoney('共3件商品 合计: ¥30.00', 'CNY')).toEqual(cny(3000));
      expect(parseMoney('Qty 2 Total US $23.50')).toEqual({ minor: 2350, currency: 'USD' });
    });

    it('takes the first of several marked amounts', () => {
      expect(parseMoney('¥10.00 ¥20.00')).toEqual(cny(1000));
      expect(parseMoney('原价 ¥99 现价 ¥79')).toEqual(cny(9900));
    });

    it('does not give a symbol to the number before it', () => {
      expect(parseMoney('x1 ¥20.00')).toEqual(cny(2000));
      expect(parseMoney('1 ¥20')).toEqual(cny(2000));
    });

    it('ignores numbers labelled by a non-currency code or glued to letters', () => {
      expect(parseMoney('SKU 123 ¥10')).toEqual(cny(1000));
      expect(parseMoney('TOP 10')).toBeNull();
      expect(parseMoney('ALL 3 items')).toBeNull();
      expect(parseMoney('Order A123 total 5', 'USD')).toEqual({ minor: 500, currency: 'USD' });
      expect(parseMoney('FORM45', 'CNY')).toBeNull();
    });

    it('does not merge neighbouring numbers through a space', () => {
      expect(parseMoney('CNY 10 2026')).toEqual(cny(1000));
    });
  });

  it('never returns NaN or throws on odd input', () => {
    const odd = ['¥'.repeat(1000), '9'.repeat(400), `¥${'9'.repeat(400)}`, '1,'.repeat(500), '\u0000¥1', '¥1e5'];
    for (const text of odd) {
      const m = parseMoney(text, 'CNY');
      if (m !== null) expect(Number.isSafeInteger(m.minor)).toBe(true);
    }
    expect(parseMoney(undefined as unknown as string)).toBeNull();
  });
});

describe('parseMoney: an amount written short with its magnitude after it (pages written blind)', () => {
  it('reads none at face value ("US$ 12.8k" is no US$ 12.80), and the exact amount beside it', () => {
    for (const text of ['US$ 12.8k', '¥1.28万', '¥12万', '₫1,2 tr', '₫385 N', '₫2,0 triệu', 'Rp1,2jt', 'Rp250rb', 'R$ 1,2 mil', 'US $1.2K', '$3.4M', '1,2 млн ₽', 'VND 1,2 tr', '₫1,25 tr']) {
      expect(parseMoney(text), text).toBeNull();
      expect(parseMoneyAll(text), text).toEqual([]);
    }
    expect(parseMoneyAll('¥1.28万 实付 ¥12,800.00')).toEqual([{ minor: 1280000, currency: 'CNY' }]);
    expect(parseMoney('US$ 12.8k (US$ 12,800.00)')).toEqual({ minor: 1280000, currency: 'USD' });
    // A letter after the magnitude's makes a word of it: no magnitude ("kg", "km", "Nhận").
    expect(parseMoney('US$ 12.80 kg')).toEqual({ minor: 1280, currency: 'USD' });
    expect(parseMoney('¥59 Mini')).toEqual({ minor: 5900, currency: 'CNY' });
  });
});

describe('parseMoney: Korean won written after the amount', () => {
  it('reads "34,800원" as won, and no amount in a word that starts with the sign ("원피스", a dress)', () => {
    expect(parseMoney('34,800원')).toEqual({ minor: 34800, currency: 'KRW' });
    expect(parseMoneyAll('총 결제 금액 649,000원')).toEqual([{ minor: 649000, currency: 'KRW' }]);
    expect(parseMoneyAll('여름 원피스 2 원피스')).toEqual([]);
  });
});

describe('parseMoneyIn', () => {
  it('reads an amount in the one currency, marked or bare', () => {
    expect(parseMoneyIn('¥88.00', 'CNY')).toEqual({ minor: 8800, currency: 'CNY' });
    expect(parseMoneyIn('88.00', 'CNY')).toEqual({ minor: 8800, currency: 'CNY' });
  });
  it('refuses an amount marked in another currency', () => {
    expect(parseMoneyIn('$5', 'CNY')).toBeNull();
    expect(parseMoneyIn('US $5.00', 'CNY')).toBeNull();
    expect(parseMoneyIn('no amount', 'CNY')).toBeNull();
  });
});

describe('formatMoney', () => {
  it.each<[Money, string]>([
    [{ minor: 128000, currency: 'CNY' }, '¥1,280.00'],
    [{ minor: 9900, currency: 'CNY' }, '¥99.00'],
    [{ minor: 29, currency: 'CNY' }, '¥0.29'],
    [{ minor: 0, currency: 'CNY' }, '¥0.00'],
    [{ minor: 2350, currency: 'USD' }, 'US$23.50'],
    [{ minor: 1250, currency: 'EUR' }, '€12.50'],
    [{ minor: 999, currency: 'GBP' }, '£9.99'],
    [{ minor: 5990, currency: 'BRL' }, 'R$59.90'],
    [{ minor: 123456, currency: 'RUB' }, '₽1,234.56'],
    [{ minor: 250000, currency: 'VND' }, '₫250,000'],
    [{ minor: 4500, currency: 'MYR' }, 'RM45.00'],
    [{ minor: 1200, currency: 'JPY' }, 'JP¥1,200'],
    [{ minor: 1234, currency: 'THB' }, 'THB 12.34'],
    [{ minor: 123456789, currency: 'SGD' }, 'SGD 1,234,567.89'],
    [{ minor: 12345, currency: 'KRW' }, 'KRW 12,345'],
    [{ minor: 1234, currency: 'BHD' }, 'BHD 1.234'],
    [{ minor: Number.MAX_SAFE_INTEGER, currency: 'CNY' }, '¥90,071,992,547,409.91'],
    [{ minor: -1250, currency: 'EUR' }, '-€12.50'],
    [{ minor: -5, currency: 'CNY' }, '-¥0.05'],
    [{ minor: -1234, currency: 'THB' }, '-THB 12.34'],
    [{ minor: 1250, currency: 'eur' }, '€12.50'],
    [{ minor: Number.NaN, currency: 'CNY' }, '—'],
  ])('%j -> %s', (money, text) => {
    expect(formatMoney(money)).toBe(text);
  });

  it.each(['¥1,280.00', 'US$23.50', '€12.50', '£9.99', 'R$59.90', '₽1,234.56', '₫250,000', 'RM45.00', 'JP¥1,200'])(
    'round-trips %s through parseMoney',
    (text) => {
      const m = parseMoney(text);
      expect(m).not.toBeNull();
      expect(formatMoney(m as Money)).toBe(text);
    },
  );
});

describe('sumByCurrency', () => {
  it('returns nothing for nothing', () => {
    expect(sumByCurrency([])).toEqual([]);
  });

  it('sums per currency and sorts by code', () => {
    expect(
      sumByCurrency([
        { minor: 1000, currency: 'USD' },
        { minor: 2500, currency: 'CNY' },
        { minor: 250000, currency: 'VND' },
        { minor: 1, currency: 'USD' },
        { minor: 500, currency: 'CNY' },
        { minor: 1250, currency: 'EUR' },
      ]),
    ).toEqual([
      { minor: 3000, currency: 'CNY' },
      { minor: 1250, currency: 'EUR' },
      { minor: 1001, currency: 'USD' },
      { minor: 250000, currency: 'VND' },
    ]);
  });

  it('keeps a currency whose total is zero and merges code case', () => {
    expect(
      sumByCurrency([
        { minor: 0, currency: 'CNY' },
        { minor: 5, currency: 'usd' },
        { minor: 5, currency: 'USD' },
      ]),
    ).toEqual([
      { minor: 0, currency: 'CNY' },
      { minor: 10, currency: 'USD' },
    ]);
  });

  it('does not mutate its input', () => {
    const input: readonly Money[] = Object.freeze([
      Object.freeze({ minor: 1, currency: 'USD' }),
      Object.freeze({ minor: 2, currency: 'CNY' }),
    ]);
    expect(sumByCurrency(input)).toEqual([
      { minor: 2, currency: 'CNY' },
      { minor: 1, currency: 'USD' },
    ]);
  });
});

describe('parseMoney: a sign several currencies share, with the code after the amount', () => {
  it('takes the code\'s currency ("$867.40 MXN", "¥1,280 JPY"), and a bare sign\'s otherwise', () => {
    expect(parseMoney('$867.40 MXN')).toEqual({ minor: 86740, currency: 'MXN' });
    expect(parseMoney('¥1,280 JPY')).toEqual({ minor: 1280, currency: 'JPY' });
    expect(parseMoney('$867.40')).toEqual({ minor: 86740, currency: 'USD' });
    expect(parseMoney('US$ 12.00 USD')).toEqual({ minor: 1200, currency: 'USD' });
  });
});

describe('parseMoney: amounts whose digits are not all in the text', () => {
  it('reads none where cents are cut off by a space (a translator\'s spacing): neither the whole units nor a guess', () => {
    expect(parseMoney('R$ 45, 90 · Pix')).toBeNull();
    expect(parseMoneyAll('R$ 45, 90 · Pix')).toEqual([]);
    expect(parseMoney('US $12. 50')).toBeNull();
    // A list of amounts and a count after an amount stay readable.
    expect(parseMoneyAll('¥12.00, ¥15.00').map((m) => m.minor)).toEqual([1200, 1500]);
    expect(parseMoney('₱668.00 1 item')).toEqual({ minor: 66800, currency: 'PHP' });
    expect(parseMoney('R$ 45,90 · Pix')).toEqual({ minor: 4590, currency: 'BRL' });
    // A date's numbers are no amount: the amount beside it reads.
    expect(parseMoneyAll('Price changed on Dec 5, 2026, 18:02 -US $3.26 US $29.34').map((m) => m.minor)).toEqual([2934]);
  });

  it('reads none where the style sheet draws a digit (U+FFFD, see spacedText)', () => {
    expect(parseMoney('¥4\ufffd .00')).toBeNull();
    expect(parseMoneyAll('¥4\ufffd .00 (含运费 ¥0.00)')).toEqual([]);
    // The mark beside words, no number, changes nothing.
    expect(parseMoney('\ufffd 小店 ¥9.90')).toEqual({ minor: 990, currency: 'CNY' });
  });
});
