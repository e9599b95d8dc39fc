// @vitest-environment happy-dom
import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { variantOf } from './variants';
import { readPage } from '../../lib/platforms/read';
import { readByStructure } from '../../lib/platforms/structure/reader';
import { taobaoAdapter } from '../../lib/platforms/taobao/adapter';
import { pddAdapter } from '../../lib/platforms/pdd/adapter';
import { aliexpressAdapter } from '../../lib/platforms/aliexpress/adapter';
import { tiktokAdapter } from '../../lib/platforms/tiktok/adapter';
import { alibabaAdapter } from '../../lib/platforms/alibaba/adapter';
import { shopeeAdapter } from '../../lib/platforms/shopee/adapter';
const A: any = { taobao: taobaoAdapter, pdd: pddAdapter, aliexpress: aliexpressAdapter, tiktok: tiktokAdapter, alibaba: alibabaAdapter, shopee: shopeeAdapter };
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
it('debug', async () => {
  const name = process.env.PAGE!;
  const v = (process.env.VARIANT ?? 'renamed') as never;
  const page = JSON.parse(readFileSync(`${process.env.DIR ?? 'test/fixtures/unseen'}/${name}.json`, 'utf8'));
  let html = readFileSync(`${process.env.DIR ?? 'test/fixtures/unseen'}/${name}.html`, 'utf8');
  const doc0 = parse(html);
  for (const o of page.orders) { const w = doc0.createTreeWalker(doc0.body, 4); for (let t = w.nextNode(); t; t = w.nextNode()) if (t.nodeValue!.includes(o.orderId)) { let b = t.parentElement!; while (b.parentElement && b.parentElement !== doc0.body && !page.orders.some((x: any) => x.orderId !== o.orderId && b.parentElement!.textContent!.includes(x.orderId))) b = b.parentElement; b.setAttribute('data-fixture-order', o.orderId); break; } }
  if (v !== 'none') html = variantOf(doc0.documentElement.outerHTML, parse, v, { nicks: page.orders.map((o: any) => o.buyer) }).html;
  const whys: string[] = []; (globalThis as any).__why = (r: string) => whys.push(r);
  const r = readByStructure(parse(html), page.platform, page.url, Date.UTC(2026, 11, 6, 4), null);
  const { findHeaderRow } = await import('../../lib/platforms/grid'); const h = findHeaderRow(parse(html).body, ['thead tr', 'tr', '[role="row"]', 'div'], 3); console.log('HEADER', h?.cells.map((c) => c.textContent?.trim().slice(0, 30)), JSON.stringify(h?.columns));
  console.log('STRUCT', r?.orders.length, r?.unreadable, [...new Set(whys)], process.env.NICKS ? r?.orders.map((o) => o.buyer.nick) : '');
  if (process.env.SHOW) { const i = html.indexOf(process.env.SHOW); console.log('SHOW', html.slice(i - 200, i + 600)); }
  const rp = readPage(parse(html), A[page.platform], page.url, Date.UTC(2026, 11, 6, 4));
  console.log('READPAGE', rp?.orders.length, rp?.unreadable);
  for (const o of page.orders) { const g = rp?.orders.find((x) => x.orderId === o.orderId); const s = g && { orderId: g.orderId, currency: g.amount.currency, minor: g.amount.minor, buyer: g.buyer.nick, status: g.status, items: g.items.length }; if (JSON.stringify(s) !== JSON.stringify(o)) console.log('DIFF', JSON.stringify(o), '\n   GOT', JSON.stringify(s), g?.items.map((i) => i.title)); }
  const got = new Set(r?.orders.map((o) => o.orderId));
  const miss = page.orders.find((o: any) => !got.has(o.orderId));
  if (miss && process.env.MISS) { const i = html.indexOf(miss.orderId); console.log('MISS', miss.orderId, html.slice(i - 300, i + 2500)); }
});
