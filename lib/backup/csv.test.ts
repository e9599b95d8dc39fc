import { describe, expect, it } from 'vitest';
import { attemptsCsv, csvCell, decimalAmount, ordersCsv } from './csv';
import type { ContactAttempt, Order } from '../orders/model';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

const ORDER: Order = {
  key: 'taobao:1', platform: 'taobao', orderId: '3398752046183927614', buyer: { nick: '=HYPERLINK("http://x","小美")' },
  items: [{ title: '羊毛大衣, "驼色"\n M码', qty: 2 }, { title: '围巾', qty: 1 }], amount: { minor: 128000, currency: 'CNY' },
  status: 'unpaid', statusSource: 'page', pageUrl: 'https://trade.taobao.com/x', firstSeenAt: 0, lastSeenAt: 0, statusChangedAt: 0,
};

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF so Excel reads Chinese text', () => {
    const text = ordersCsv([ORDER]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and line breaks, and reads back to the same values', () => {
    const rows = parseCsv(ordersCsv([ORDER]).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe('3398752046183927614');
    expect(rows[1]![4]).toBe('1280.00');
    expect(rows[1]![6]).toBe('羊毛大衣, "驼色"\n M码 ×2 | 围巾');
  });

  it('makes formula-looking cells inert', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    const rows = parseCsv(ordersCsv([ORDER]).slice(1));
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://x","小美")`);
    expect(csvCell('plain 文本')).toBe('plain 文本');
  });

  it('writes attempts with their text and note', () => {
    const attempt: ContactAttempt = {
      id: 'a1', orderKey: 'taobao:1', buyerKey: 'taobao:x', platform: 'taobao', channel: 'chat', direction: 'outbound', action: 'inserted',
      templateId: 'zh-first-friendly', text: '亲，在吗？\n订单还没付款哦', at: Date.UTC(2026, 0, 2, 3, 4, 5), outcome: 'promised', note: '-说晚上付',
    };
    const rows = parseCsv(attemptsCsv([attempt]).slice(1));
    expect(rows[0]).toContain('template_id');
    expect(rows[1]).toEqual(['a1', 'taobao:1', 'taobao', 'chat', 'inserted', 'zh-first-friendly', 'promised', '2026-01-02T03:04:05.000Z', '', '亲，在吗？\n订单还没付款哦', "'-说晚上付"]);
  });

  it('writes amounts as plain decimals in the currency’s digits', () => {
    expect(decimalAmount(5, 'CNY')).toBe('0.05');
    expect(decimalAmount(1200, 'JPY')).toBe('1200');
    expect(decimalAmount(123456, 'USD')).toBe('1234.56');
  });
});
