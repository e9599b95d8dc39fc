// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findOrderAnchors, leadingDigits } from './order-blocks';
import { ORDER_NUMBER } from './order-numbers';
import { ORDER_SN as PDD_SN } from './pdd/selectors';
import { ORDER_SN as SHOPEE_SN } from './shopee/selectors';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('order numbers on a page', () => {
  it('skips texts without the run of digits every number starts with, only for patterns whose shape says so', () => {
    expect(leadingDigits(new RegExp(`(${ORDER_NUMBER.taobao.source})`))).toBe(18);
    expect(leadingDigits(PDD_SN)).toBe(6);
    expect(leadingDigits(SHOPEE_SN)).toBe(6);
    // An alternative or an optional group may match without digits: no shortcut.
    expect(leadingDigits(/(\d{6}|[A-Z]{8})/)).toBe(0);
    expect(leadingDigits(/(\d{6})?[A-Z]{4}/)).toBe(0);
    expect(leadingDigits(/([A-Z]{2}\d{10})/)).toBe(0);
  });

  it('finds every number whatever the texts around it', () => {
    const list = parse('<p>  </p><p>订单号：261123-384685998833090</p><p>¥131.00 x2</p><p>2611-23 384685 261124-000000000000001</p>').body;
    expect(findOrderAnchors(list, PDD_SN).map((a) => a.id)).toEqual(['261123-384685998833090', '261124-000000000000001']);
    expect(findOrderAnchors(list, /([A-Z]{2}\d{4})/).map((a) => a.id)).toEqual([]);
    // A pattern the shortcut does not trust is searched in every text.
    expect(findOrderAnchors(parse('<p>AB1234</p>').body, /([A-Z]{2}\d{4})/).map((a) => a.id)).toEqual(['AB1234']);
  });
});
