import { describe, expect, it } from 'vitest';
import { fill, roundFor, suggest, variablesFor, type SuggestContext } from './engine';
import { BUILTIN_TEMPLATES, type Template } from './templates';
import type { Order } from '../orders/model';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const HOUR = 3_600_000;
const MINUTE = 60_000;

function order(overrides: Partial<Order> = {}): Order {
  return {
    key: 'taobao:2471093385512748201',
    platform: 'taobao',
    orderId: '2471093385512748201',
    buyer: { nick: '快乐的小熊' },
    items: [{ title: '纯棉儿童睡衣套装 春秋款', sku: '颜色分类：蓝色小熊', qty: 1 }],
    amount: { minor: 9900, currency: 'CNY' },
    createdAt: NOW - HOUR,
    autoCloseAt: NOW + 71 * HOUR,
    autoCloseEstimated: true,
    status: 'unpaid',
    pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    statusSource: 'page',
    firstSeenAt: NOW - HOUR,
    lastSeenAt: NOW,
    statusChangedAt: NOW - HOUR,
    ...overrides,
  };
}

const ctx = (overrides: Partial<SuggestContext> = {}): SuggestContext => ({ now: NOW, attempts: 0, customer: 'new', ...overrides });
const template = (id: string): Template => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const ids = (list: { templateId: string }[]) => list.map((s) => s.templateId);

function expectNoPlaceholders(list: { text: string }[]) {
  for (const s of list) {
    expect(s.text).not.toMatch(/\{\{|\}\}/);
    expect(s.text).not.toContain('undefined');
    expect(s.text).not.toContain('NaN');
    expect(s.text.trim()).not.toBe('');
  }
}

describe('suggest: a fresh order', () => {
  const list = suggest(order(), ctx());

  it('offers at least three different messages, all filled in', () => {
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(new Set(list.map((s) => s.text)).size).toBe(list.length);
    expect(new Set(ids(list)).size).toBe(list.length);
    expectNoPlaceholders(list);
  });

  it('leads with first-reminder messages that name the buyer, the item and the amount', () => {
    expect(template(list[0]!.templateId).rounds).toContain('first');
    expect(list.some((s) => s.text.includes('快乐的小熊'))).toBe(true);
    expect(list.every((s) => s.text.includes('纯棉儿童睡衣套装 春秋款') || s.text.includes('¥99.00'))).toBe(true);
    expect(list.some((s) => s.text.includes('¥99.00'))).toBe(true);
  });

  it('gives each suggestion the label and style of its template', () => {
    for (const s of list) {
      expect(s.label).toBe(template(s.templateId).label);
      expect(s.style).toBe(template(s.templateId).style);
    }
  });

  it('writes a display name in place of the nick when the page has one', () => {
    const named = suggest(order({ buyer: { nick: 'tb_83920', displayName: '王女士' } }), ctx());
    expect(named.some((s) => s.text.includes('王女士'))).toBe(true);
    expect(named.some((s) => s.text.includes('tb_83920'))).toBe(false);
  });

  it('keeps a nick with HTML specials as literal text', () => {
    const nick = 'tb_<img src=x onerror=alert(1)>&"小美\'';
    const texts = suggest(order({ buyer: { nick } }), ctx()).map((s) => s.text);
    expect(texts.some((t) => t.includes(nick))).toBe(true);
    expect(texts.some((t) => t.includes('&amp;') || t.includes('&lt;'))).toBe(false);
  });

  it('respects the limit', () => {
    expect(suggest(order(), ctx(), BUILTIN_TEMPLATES, 2)).toHaveLength(2);
  });
});

describe('suggest: later rounds', () => {
  const first = suggest(order(), ctx({ attempts: 0 }));
  const second = suggest(order(), ctx({ attempts: 1 }));

  it('does not open the second reminder with the first one again', () => {
    expect(roundFor(order(), ctx({ attempts: 1 }))).toBe('second');
    expect(second[0]!.templateId).not.toBe(first[0]!.templateId);
    expect(ids(second)).not.toEqual(ids(first));
    expect(template(second[0]!.templateId).rounds).toContain('second');
  });

  it('never ranks a first-round-only template above a second-round one', () => {
    const rounds = second.map((s) => template(s.templateId).rounds);
    const lastSecond = rounds.map((r) => r.includes('second')).lastIndexOf(true);
    const firstOnlyPositions = rounds.flatMap((r, i) => (r.length === 1 && r[0] === 'first' ? [i] : []));
    expect(lastSecond).toBeGreaterThanOrEqual(0);
    for (const position of firstOnlyPositions) expect(position).toBeGreaterThan(lastSecond);
  });

  it('tells how long the order is still held in the second round', () => {
    const texts = second.map((s) => s.text);
    expect(texts.some((t) => t.includes('2天23小时'))).toBe(true);
  });

  it('treats two earlier attempts as the last round', () => {
    expect(roundFor(order(), ctx({ attempts: 2 }))).toBe('last');
    expect(suggest(order(), ctx({ attempts: 2 }))[0]!.templateId).toBe('zh-last-honest');
  });
});

describe('suggest: close to auto-close', () => {
  it('puts the honest last reminder first within six hours of closing', () => {
    const list = suggest(order({ autoCloseAt: NOW + 5 * HOUR + 30 * MINUTE }), ctx());
    expect(list[0]!.templateId).toBe('zh-last-honest');
    expect(list[0]!.style).toBe('notice');
    expect(list[0]!.text).toContain('快乐的小熊');
    expect(list[0]!.text).toContain('5小时30分');
    expect(list[0]!.text).toContain('自动关闭');
    expectNoPlaceholders(list);
  });

  it('does so at exactly six hours, but not well before', () => {
    expect(suggest(order({ autoCloseAt: NOW + 6 * HOUR }), ctx())[0]!.templateId).toBe('zh-last-honest');
    expect(suggest(order({ autoCloseAt: NOW + 7 * HOUR }), ctx())[0]!.templateId).not.toBe('zh-last-honest');
  });

  it('says "under a minute" rather than zero when almost closed', () => {
    const list = suggest(order({ autoCloseAt: NOW + 30_000 }), ctx());
    expect(list[0]!.text).toContain('不到1分钟');
  });
});

describe('suggest: unknown or passed deadline', () => {
  it.each([
    ['unknown', undefined],
    ['passed', NOW - HOUR],
    ['closing now', NOW],
  ])('never leaves a raw {{timeLeft}} when the deadline is %s', (_label, autoCloseAt) => {
    for (const attempts of [0, 1, 2, 5]) {
      for (const customer of ['new', 'returning'] as const) {
        const list = suggest(order({ autoCloseAt, autoCloseEstimated: undefined }), ctx({ attempts, customer }));
        expect(list.length, `attempts ${attempts}, ${customer}`).toBeGreaterThanOrEqual(3);
        expectNoPlaceholders(list);
        expect(list.some((s) => s.text.includes('已超时'))).toBe(false);
        expect(ids(list)).not.toContain('zh-last-honest');
        expect(ids(list)).not.toContain('zh-second-time-left');
      }
    }
  });

  it('leaves out templates that need an item when the order lists none', () => {
    const list = suggest(order({ items: [] }), ctx());
    expectNoPlaceholders(list);
    for (const s of list) expect(template(s.templateId).body).not.toContain('{{item}}');
  });
});

describe('suggest: new and returning buyers', () => {
  it('greets a returning buyer as one', () => {
    const list = suggest(order(), ctx({ customer: 'returning' }));
    expect(ids(list)).toContain('zh-returning-warm');
    expect(list.find((s) => s.templateId === 'zh-returning-warm')!.text).toContain('又见面啦');
    expect(ids(list)).not.toContain('zh-first-incentive');
    expect(list.length).toBeGreaterThanOrEqual(3);
  });

  it('never greets a new buyer as a returning one, in any round', () => {
    for (const attempts of [0, 1, 2]) {
      for (const autoCloseAt of [NOW + 71 * HOUR, NOW + HOUR, undefined]) {
        const list = suggest(order({ autoCloseAt }), ctx({ attempts, customer: 'new' }), BUILTIN_TEMPLATES, 100);
        expect(ids(list)).not.toContain('zh-returning-warm');
        expect(list.some((s) => s.text.includes('又见面啦') || s.text.includes('一直以来的支持'))).toBe(false);
      }
    }
  });
});

describe('suggest: item wording', () => {
  it('shortens a long item title and marks the cut', () => {
    const title = '2026秋冬新款加厚羊毛混纺双面呢大衣女中长款宽松显瘦高级感外套';
    expect([...title].length).toBeGreaterThan(24);
    const list = suggest(order({ items: [{ title, qty: 1 }] }), ctx());
    const shortened = `${[...title].slice(0, 24).join('')}…`;
    const withItem = list.filter((s) => template(s.templateId).body.includes('{{item}}'));
    expect(withItem.length).toBeGreaterThan(0);
    for (const s of withItem) {
      expect(s.text).toContain(`「${shortened}」`);
      expect(s.text).not.toContain(title);
    }
  });

  it('does not cut an emoji in half when shortening', () => {
    const title = '🌸'.repeat(30);
    const text = suggest(order({ items: [{ title, qty: 1 }] }), ctx())[0]!.text;
    expect(text).toContain(`${'🌸'.repeat(24)}…`);
    expect(text).not.toContain('🌸'.repeat(25));
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('keeps a title of exactly 24 characters whole', () => {
    const title = '纯棉儿童睡衣套装春秋款男童女童宝宝家居服两件套装';
    expect([...title]).toHaveLength(24);
    const text = variablesFor(order({ items: [{ title, qty: 1 }] }), NOW).item;
    expect(text).toBe(title);
  });

  it('names the first item and the count for a multi-item order', () => {
    const items = [
      { title: '手工编织草帽 度假风', qty: 2 },
      { title: '草帽防风绳', qty: 1 },
      { title: '帽子收纳盒', qty: 1 },
    ];
    const list = suggest(order({ items }), ctx());
    const withItem = list.filter((s) => template(s.templateId).body.includes('{{item}}'));
    expect(withItem.length).toBeGreaterThan(0);
    for (const s of withItem) {
      expect(s.text).toContain('「手工编织草帽 度假风等3件宝贝」');
      expect(s.text).not.toContain('草帽防风绳');
    }
  });
});

describe('fill', () => {
  it('fills every placeholder', () => {
    expect(fill('{{buyer}}您好，订单{{amount}}', { buyer: '小美', amount: '¥1.00' })).toBe('小美您好，订单¥1.00');
  });

  it('refuses a template with any unknown or missing value', () => {
    expect(fill('{{buyer}}，还剩{{timeLeft}}', { buyer: '小美', timeLeft: undefined })).toBeUndefined();
    expect(fill('{{nobody}}', { buyer: '小美' })).toBeUndefined();
  });

  it('does not re-expand placeholders that arrive inside a value', () => {
    expect(fill('{{buyer}}您好', { buyer: '{{amount}}', amount: '¥1.00' })).toBe('{{amount}}您好');
  });
});
