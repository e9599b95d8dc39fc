import { describe, expect, it } from 'vitest';
import { BackgroundRequests, parseMessage } from './protocol';
import { parseContentRequest } from './content';
import { ObservedOrderSchema, type PageRead } from '../orders/model';

// The background's table, built the same way the background builds it.
const background = Object.fromEntries(Object.entries(BackgroundRequests).map(([type, spec]) => [type, spec.schema]));

const KEY = 'taobao:3398752046183927614';

function validRead(): PageRead {
  return {
    platform: 'taobao',
    url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?tabCode=waitBuyerPay',
    listKey: 'trade.taobao.com/trade/itemlist/list_sold_items.htm#tab=waitBuyerPay&page=1',
    unpaidOnly: true,
    complete: true,
    unreadable: 0,
    orders: [
      {
        platform: 'taobao',
        orderId: '3398752046183927614',
        buyer: { nick: 'tb_<img src=x onerror=alert(1)>&"小美\'' },
        items: [{ title: '秋冬加厚羊毛混纺大衣', qty: 2 }],
        amount: { minor: 128000, currency: 'CNY' },
        status: 'unpaid',
      },
    ],
  };
}

describe('parseMessage: what is not a message', () => {
  it.each([null, undefined, 'orders/list', 42, true, () => 'orders/list'])('drops %s', (raw) => {
    expect(parseMessage(background, raw)).toBeUndefined();
  });

  it('drops an array of message parts', () => {
    expect(parseMessage(background, ['orders/list'])).toBeUndefined();
    expect(parseMessage(background, ['summary/get', {}])).toBeUndefined();
  });

  it('drops objects without a string type', () => {
    expect(parseMessage(background, {})).toBeUndefined();
    expect(parseMessage(background, { type: 7 })).toBeUndefined();
    expect(parseMessage(background, { type: ['summary/get'] })).toBeUndefined();
    expect(parseMessage(background, { kind: 'summary/get' })).toBeUndefined();
  });

  it('drops unknown types', () => {
    expect(parseMessage(background, { type: 'orders/delete' })).toBeUndefined();
    expect(parseMessage(background, { type: 'ORDERS/LIST' })).toBeUndefined();
    expect(parseMessage(background, { type: 'orders/list ' })).toBeUndefined();
    // A content-script request is not a background request.
    expect(parseMessage(background, { type: 'composer/insert', text: 'hi' })).toBeUndefined();
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'drops the prototype key %s as a type',
    (type) => {
      expect(parseMessage(background, { type })).toBeUndefined();
      expect(parseContentRequest({ type })).toBeUndefined();
    },
  );
});

describe('parseMessage: payloads', () => {
  it('accepts a valid request and hands back the payload without the type', () => {
    expect(parseMessage(background, { type: 'orders/list', tabId: 3 })).toEqual({ type: 'orders/list', payload: { tabId: 3 } });
    expect(parseMessage(background, { type: 'summary/get' })).toEqual({ type: 'summary/get', payload: {} });
  });

  it('strips extra junk instead of passing it on', () => {
    const parsed = parseMessage(background, { type: 'order/detail', orderKey: KEY, isAdmin: true, __proto__x: 1, then: 'x' });
    expect(parsed).toEqual({ type: 'order/detail', payload: { orderKey: KEY } });
    expect(Object.keys(parsed!.payload as object)).toEqual(['orderKey']);
  });

  it('does not let a JSON "__proto__" key reach the payload or Object.prototype', () => {
    const raw: unknown = JSON.parse('{"type":"orders/list","tabId":1,"__proto__":{"isAdmin":true}}');
    const parsed = parseMessage(background, raw);
    expect(parsed).toEqual({ type: 'orders/list', payload: { tabId: 1 } });
    expect((parsed!.payload as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('rejects negative, fractional and textual tab ids', () => {
    for (const tabId of [-1, 1.5, '3', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseMessage(background, { type: 'orders/list', tabId }), String(tabId)).toBeUndefined();
    }
    expect(parseMessage(background, { type: 'orders/list', tabId: 0 })).toBeDefined();
    expect(parseMessage(background, { type: 'orders/list' })).toEqual({ type: 'orders/list', payload: {} });
  });

  it('rejects bad order keys', () => {
    for (const orderKey of ['', 'ab', 'x'.repeat(201), 3398752046183927614, null, undefined]) {
      expect(parseMessage(background, { type: 'order/detail', orderKey }), String(orderKey)).toBeUndefined();
    }
    expect(parseMessage(background, { type: 'order/detail', orderKey: 'x'.repeat(200) })).toBeDefined();
  });

  it('rejects empty or oversized suggestion text', () => {
    const base = { type: 'suggestion/insert', tabId: 4, orderKey: KEY, templateId: 'zh-first-friendly' };
    expect(parseMessage(background, { ...base, text: '' })).toBeUndefined();
    expect(parseMessage(background, { ...base, text: '亲'.repeat(5001) })).toBeUndefined();
    expect(parseMessage(background, { ...base, text: '亲'.repeat(5000) })).toBeDefined();
    expect(parseMessage(background, { ...base, tabId: -4, text: '亲' })).toBeUndefined();
    expect(parseMessage(background, { ...base, templateId: 't'.repeat(101), text: '亲' })).toBeUndefined();
    expect(parseContentRequest({ type: 'composer/insert', text: '亲'.repeat(5001) })).toBeUndefined();
    expect(parseContentRequest({ type: 'composer/insert', text: '亲', extra: 1 })).toBeUndefined();
    expect(parseContentRequest({ type: 'composer/insert', text: 5 })).toBeUndefined();
    expect(parseContentRequest({ type: 'tab/context', x: 1 })).toBeUndefined();
    expect(parseContentRequest({ type: 'tab/context' })).toEqual({ type: 'tab/context', payload: {} });
    expect(parseContentRequest({ type: 'composer/insert', text: '亲，在吗' })).toEqual({
      type: 'composer/insert',
      payload: { text: '亲，在吗' },
    });
  });

  it('rejects unknown outcomes and channels', () => {
    expect(parseMessage(background, { type: 'attempt/outcome', id: 'a1', outcome: 'deleted' })).toBeUndefined();
    expect(parseMessage(background, { type: 'attempt/outcome', id: '', outcome: 'paid' })).toBeUndefined();
    expect(parseMessage(background, { type: 'attempt/outcome', id: 'a1', outcome: 'promised', promisedAt: -1 })).toBeUndefined();
    expect(parseMessage(background, { type: 'attempt/manual', orderKey: KEY, channel: 'carrier-pigeon', outcome: 'sent' })).toBeUndefined();
    expect(parseMessage(background, { type: 'attempt/manual', orderKey: KEY, channel: 'phone', outcome: 'sent' })).toBeDefined();
  });

  it('accepts a page read and keeps 19-digit ids as strings', () => {
    const parsed = parseMessage(background, { type: 'page/read', read: validRead() });
    expect(parsed?.type).toBe('page/read');
    const read = (parsed!.payload as { read: PageRead }).read;
    expect(read.orders[0]!.orderId).toBe('3398752046183927614');
    expect(read.orders[0]!.buyer.nick).toBe('tb_<img src=x onerror=alert(1)>&"小美\'');
  });

  it('refuses broken orders (the background drops each one and counts it unreadable)', () => {
    const numericId = validRead();
    (numericId.orders[0] as unknown as { orderId: number }).orderId = 3398752046183927614;
    expect(ObservedOrderSchema.safeParse(numericId.orders[0]).success).toBe(false);

    const negative = validRead();
    negative.orders[0]!.amount.minor = -100;
    expect(ObservedOrderSchema.safeParse(negative.orders[0]).success).toBe(false);

    const fractional = validRead();
    fractional.orders[0]!.amount.minor = 1280.5;
    expect(ObservedOrderSchema.safeParse(fractional.orders[0]).success).toBe(false);

    const badCurrency = validRead();
    badCurrency.orders[0]!.amount.currency = 'rmb';
    expect(ObservedOrderSchema.safeParse(badCurrency.orders[0]).success).toBe(false);

    const hugeNick = validRead();
    hugeNick.orders[0]!.buyer.nick = '小'.repeat(201);
    expect(ObservedOrderSchema.safeParse(hugeNick.orders[0]).success).toBe(false);

    const sneakyId = validRead();
    sneakyId.orders[0]!.orderId = '123/../../etc';
    expect(ObservedOrderSchema.safeParse(sneakyId.orders[0]).success).toBe(false);

    const negativeUnreadable = { ...validRead(), unreadable: -1 };
    expect(parseMessage(background, { type: 'page/read', read: negativeUnreadable })).toBeUndefined();

    expect(parseMessage(background, { type: 'page/read' })).toBeUndefined();
  });

  it('rejects a chat link that is not a URL', () => {
    const read = validRead();
    read.orders[0]!.chatUrl = 'not a url';
    expect(ObservedOrderSchema.safeParse(read.orders[0]).success).toBe(false);
  });
});
