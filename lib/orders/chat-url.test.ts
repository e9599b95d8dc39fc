import { describe, expect, it } from 'vitest';
import { ObservedOrderSchema, type ObservedOrder } from './model';

// A chat link read from a page is opened from the panel: https only.

const order = (chatUrl: string): ObservedOrder => ({
  platform: 'taobao',
  orderId: '1001',
  buyer: { nick: '小美' },
  items: [{ title: '睡衣', qty: 1 }],
  amount: { minor: 9900, currency: 'CNY' },
  status: 'unpaid',
  chatUrl,
});

describe('chatUrl', () => {
  it('takes an https link', () => {
    expect(ObservedOrderSchema.safeParse(order('https://amos.alicdn.com/getcid.aw?uid=x')).success).toBe(true);
  });
  it.each(['javascript:alert(document.domain)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://amos.alicdn.com/x', 'chrome-extension://abc/options.html'])(
    'refuses %s',
    (url) => {
      expect(ObservedOrderSchema.safeParse(order(url)).success).toBe(false);
    },
  );
});
