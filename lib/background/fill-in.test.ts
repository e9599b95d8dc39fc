// The panel's fill-in: an order whose page gave no item title still gets
// suggestions, says what a missing field would unlock, and what the person
// types in place (or the shop facts in the settings) unlocks it.
import { describe, expect, it } from 'vitest';
import { createBackground, type SenderInfo } from './service';
import { testDeps } from '@/test/support/background-deps';
import { freshDb } from '@/test/support/db';
import type { BackgroundResponses } from '../messaging/protocol';
import type { ObservedOrder } from '../orders/model';
import { HOUR_MS } from '../orders/time';
import { DEFAULT_SETTINGS } from '../settings';
import { setLocale } from '../i18n';
import { readCadence } from '../reminders/settings';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const SOLD_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&auctionStatus=NOT_PAID&tabCode=waitBuyerPay';
const CONTENT: SenderInfo = { id: 'ext', url: SOLD_URL, tab: { id: 7 } };
const PANEL: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };

const untitled: ObservedOrder = {
  platform: 'taobao',
  orderId: '2001',
  buyer: { nick: 'xiaomei' },
  items: [],
  amount: { minor: 12800, currency: 'CNY' },
  createdAt: NOW - HOUR_MS,
  autoCloseAt: NOW + 30 * HOUR_MS,
  status: 'unpaid',
};

async function harness() {
  setLocale('en');
  const db = await freshDb('fill');
  const bg = createBackground(testDeps(async () => db, () => NOW));
  async function send(raw: object, sender: SenderInfo): Promise<unknown> {
    const reply = await bg.handle(raw, sender);
    if (!reply?.ok) throw new Error(reply ? JSON.stringify(reply.error) : "no reply");
    return reply.data;
  }
  await send({ type: 'page/read', read: { platform: 'taobao', url: SOLD_URL, listKey: 'sold#unpaid', unpaidOnly: true, complete: true, orders: [untitled], unreadable: 0 } }, CONTENT);
  const detail = (choices: object = {}) => send({ type: 'order/detail', orderKey: 'taobao:2001', ...choices }, PANEL) as Promise<BackgroundResponses['order/detail']>;
  return { send, detail };
}

describe('an order with no item title', () => {
  it('gets three or more suggestions and is told what the item name, a gift or a cut-off time would unlock', async () => {
    const { detail } = await harness();
    const d = await detail();
    expect(d.suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of d.suggestions) expect(s.text).not.toMatch(/\{\{|\[\[|undefined/);
    const names = (d.missing ?? []).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['item', 'gift', 'cutoff']));
    for (const m of d.missing ?? []) {
      expect(m.askable).toBe(true);
      expect(m.templateIds.length).toBeGreaterThan(0);
    }
  });

  it('uses what the person types in place, for this order', async () => {
    const { detail } = await harness();
    const d = await detail({ vars: { item: '纯棉睡衣', coupon: '满99减10' }, reason: 'waiting_discount' });
    expect(d.suggestions.some((s) => s.text.includes('纯棉睡衣') || s.text.includes('满99减10'))).toBe(true);
    expect((d.missing ?? []).map((m) => m.name)).not.toContain('coupon');
  });

  it('offers a stock message only once the person confirms low stock, and a ship-today one once the cut-off is set', async () => {
    const { send, detail } = await harness();
    const all = async (choices: object) => (await detail({ ...choices })).suggestions.concat((await detail({ ...choices, style: 'incentive' })).suggestions);
    expect((await all({ vars: { item: '纯棉睡衣' } })).map((s) => s.templateId)).not.toContain('zh-first-incentive');
    expect((await all({ vars: { item: '纯棉睡衣' }, facts: ['low_stock'] })).map((s) => s.templateId)).toContain('zh-first-incentive');
    await send({ type: 'settings/set', settings: { ...DEFAULT_SETTINGS, shops: { taobao: { shopName: '', signature: '', shipsTodayCutoff: '16:00' } } } }, PANEL);
    const d = await detail({ style: 'incentive' });
    expect(d.suggestions.find((s) => s.templateId === 'zh-first-ship-today')?.text).toContain('16:00前付款的订单当天打包发出');
    expect((d.missing ?? []).map((m) => m.name)).not.toContain('cutoff');
  });
});

describe('the deadline in a message', () => {
  it("is written in the seller's zone, named for the buyer, and unlabelled once the buyer is known to share it", async () => {
    const { send, detail } = await harness();
    await send({ type: 'settings/cadence-set', settings: { ...readCadence(undefined), sellerTimeZone: 'America/Sao_Paulo' } }, PANEL);
    const text = async () => (await detail({ language: 'pt', reason: 'company_transfer' })).suggestions.find((s) => s.templateId === 'pt-company-transfer')!.text;
    // 30 hours after 04:00 UTC on 23 Nov is 10:00 UTC on 24 Nov: 07:00 in São Paulo.
    expect(await text()).toContain('até 24 de novembro às 07:00 (Horário Padrão de Brasília, UTC-3)');
    await send({ type: 'buyer/update', buyerKey: 'taobao:xiaomei', patch: { timeZone: 'America/Sao_Paulo' } }, PANEL);
    expect(await text()).toContain('até 24 de novembro às 07:00. Se precisar');
  });
});
