import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import type { HealthProblem } from '@/lib/messaging/platforms';
import { healthText } from './HealthBanner';

const NO_ROWS: HealthProblem = {
  tabId: 7,
  platform: 'taobao',
  url: 'https://qn.taobao.com/home.htm/trade-platform/tp/sold',
  listKey: 'qn.taobao.com/home.htm/trade-platform/tp/sold#tab=待付款&page=1',
  unpaidOnly: true,
  selectorsVersion: 'taobao-2026-11-23',
  kind: 'no-rows',
  count: 0,
  rows: 0,
  at: 0,
};

afterEach(() => setLocale(undefined));

describe('healthText', () => {
  it('says in plain Chinese which page is unreadable and which selector version failed', () => {
    setLocale('zh-CN');
    expect(healthText(NO_ROWS)).toBe(
      '淘宝/天猫：这页像是待付款订单列表，但一行订单也读不出来（选择器版本 taobao-2026-11-23）。页面可能改版了，这里的订单暂时不会出现在面板中，请先在页面上手动查看。',
    );
  });

  it('counts the failed rows and names an unknown version as such, in English', () => {
    setLocale('en');
    expect(healthText({ ...NO_ROWS, platform: 'alibaba', kind: 'unreadable-rows', count: 2, rows: 9, selectorsVersion: undefined })).toBe(
      'Alibaba.com: 2 of 9 orders on this page could not be read (selector version unknown). They are missing from the panel; check them on the page.',
    );
  });

  it('says "order list" when the page is not the unpaid tab (zh-TW)', () => {
    setLocale('zh-TW');
    expect(healthText({ ...NO_ROWS, unpaidOnly: false })).toContain('這頁看起來是訂單列表');
  });
});
