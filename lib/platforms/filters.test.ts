// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { narrowed } from './filters';

/** A page holding `form` above a list, as a browser parses it (the option marked `selected` is the one chosen). */
function page(form: string): Document {
  const doc = new DOMParser().parseFromString(`<html><body><form class="search-form">${form}</form><table><tr><td>订单号 4012345678901234567</td></tr></table></body></html>`, 'text/html');
  // happy-dom does not select the option marked `selected` (browsers do).
  for (const select of doc.querySelectorAll('select')) select.selectedIndex = Math.max([...select.options].findLastIndex((o) => o.hasAttribute('selected')), 0);
  return doc;
}

describe('narrowed: a list the person narrowed with the page\'s filters', () => {
  it('is narrowed by words in a search box, whatever they are', () => {
    expect(narrowed(page('<input type="text" name="nick" value="小美">'))).toBe(true);
    expect(narrowed(page('<input type="search" value="newest_shop">'))).toBe(true);
    expect(narrowed(page('<input value="261123-384685998833090">'))).toBe(true);
    // A price range typed in.
    expect(narrowed(page('<label>Order amount <input type="text" inputmode="decimal" value="25.00"></label>'))).toBe(true);
    expect(narrowed(page('<input type="text" value="" placeholder="请输入买家昵称">'))).toBe(false);
  });

  it('is not narrowed by dates, date presets, a page number or a hidden copy of an order number', () => {
    for (const value of ['2026-11-06 ~ 2026-12-06', '06.11.2026 — 06.12.2026', '11/06/2026 - 12/06/2026', 'Created: 6 Nov 2026 – 6 Dec 2026', 'Ngày đặt hàng: 06/11/2026 - 06/12/2026', '2026-09-07 00:00:00', 'Dec 1, 2026 to Dec 6, 2026']) {
      expect(narrowed(page(`<input type="text" readonly value="${value}">`)), value).toBe(false);
      expect(narrowed(page(`<input type="text" value="${value}">`)), value).toBe(false);
    }
    for (const value of ['近30天', '近24小时', 'Last 90 days', 'Últimos 30 dias', '今天', '全部']) expect(narrowed(page(`<input type="text" readonly value="${value}">`)), value).toBe(false);
    expect(narrowed(page('到第 <input type="text" value="3"> 页'))).toBe(false);
    expect(narrowed(page('<span aria-hidden="true"><input type="text" readonly value="261206-518203746915302"></span>'))).toBe(false);
  });

  it('reads a drop-down drawn as a read-only field (Element UI) by what it shows', () => {
    expect(narrowed(page('<div class="el-select"><input class="el-input__inner" type="text" readonly value="全部"></div>'))).toBe(false);
    expect(narrowed(page('<div class="el-select"><input class="el-input__inner" type="text" readonly value="按成交时间 ↓"></div>'))).toBe(false);
    expect(narrowed(page('<div class="el-select"><input class="el-input__inner" type="text" readonly value="20条/页"></div>'))).toBe(false);
    expect(narrowed(page('<div class="el-select"><input class="el-input__inner" type="text" readonly value="预售订单"></div>'))).toBe(true);
  });

  it('reads a native select by the option chosen: the first is the default, a sort or page size leaves nothing out', () => {
    const pay = (chosen: number) => `<label>Payment method <select>${['All', 'Card', 'T/T'].map((o, i) => `<option${i === chosen ? ' selected' : ''}>${o}</option>`).join('')}</select></label>`;
    expect(narrowed(page(pay(0)))).toBe(false);
    expect(narrowed(page(pay(2)))).toBe(true);
    expect(narrowed(page('<select><option>Order date (newest first)</option><option selected>Order amount (high to low)</option></select>'))).toBe(false);
    expect(narrowed(page('<select><option>10 / page</option><option selected>50 / page</option></select>'))).toBe(false);
    expect(narrowed(page('<select><option>All</option><option>Full payment</option><option selected>All (incl. staged)</option></select>'))).toBe(false);
    // The unpaid status chosen on a list of unpaid orders leaves none of them out.
    expect(narrowed(page('<select><option>全部</option><option selected>等待买家付款</option></select>'))).toBe(false);
  });

  it('does not take the field a search box searches for a filter', () => {
    const search = (value: string) => `<div class="grp"><select><option>Order ID</option><option selected>Buyer name</option></select><input type="text" value="${value}"></div>`;
    expect(narrowed(page(search('')))).toBe(false);
    expect(narrowed(page(search('mike_d1987')))).toBe(true);
  });

  it('reads a custom drop-down by the option it marks selected, else by the words it shows', () => {
    const listed = (selected: number) =>
      `<div role="combobox"><span>${selected ? 'United States' : 'All countries/regions'}</span><span class="clear">×</span><ul role="listbox">${['All countries/regions', 'United States', 'Brazil'].map((o, i) => `<li role="option" aria-selected="${i === selected}">${o}</li>`).join('')}</ul></div>`;
    expect(narrowed(page(`<label>Buyer country</label>${listed(0)}`))).toBe(false);
    expect(narrowed(page(`<label>Buyer country</label>${listed(1)}`))).toBe(true);
    expect(narrowed(page('<div class="next-select" role="combobox"><span class="next-select-values"><em>快递</em></span><i class="clear">×</i></div>'))).toBe(true);
    expect(narrowed(page('<div class="next-select" role="combobox"><span class="next-select-values"><span class="next-select-placeholder">请选择</span></span></div>'))).toBe(false);
    expect(narrowed(page('<div role="combobox"><span class="val">All warehouses</span></div><div role="combobox"><span class="val">Created time (newest)</span></div>'))).toBe(false);
    expect(narrowed(page('<div role="combobox"><span class="val ph">Select</span></div><span role="combobox">10 ▾</span>'))).toBe(false);
  });

  it('is narrowed by a ticked "only …" box or switch, not by one that hides ended orders or selects rows', () => {
    expect(narrowed(page('<label><input type="checkbox" checked> 仅看有备注</label>'))).toBe(true);
    expect(narrowed(page('<label><input type="checkbox"> 仅看有备注</label>'))).toBe(false);
    expect(narrowed(page('<label><input type="checkbox" checked> 不显示已关闭的订单</label>'))).toBe(false);
    expect(narrowed(page('<label><input type="checkbox" checked> 全选</label>'))).toBe(false);
    expect(narrowed(page('<div class="sw"><span>Only orders with buyer messages</span><span role="switch" aria-checked="true"></span></div>'))).toBe(true);
    expect(narrowed(page('<div class="sw"><span>Only orders with buyer messages</span><span role="switch" aria-checked="false"></span></div>'))).toBe(false);
  });

  it('is narrowed by a row of applied filters that holds any', () => {
    expect(narrowed(page('<div class="applied"><span>Applied filters:</span><span class="chip">Shipping option: <b>Standard</b> <span role="button">×</span></span><button>Clear all</button></div>'))).toBe(true);
    expect(narrowed(page('<div class="filter-tags"><span>已选条件：</span><span class="tag">物流方式：快递 ×</span><a>清空</a></div>'))).toBe(true);
    expect(narrowed(page('<div class="applied"><span>Applied filters:</span><button>Clear all</button></div>'))).toBe(false);
  });

  it('does not take a field in a dialog over the list (a price being changed) for a filter, unless the dialog holds the filters', () => {
    expect(narrowed(page('<div class="next-dialog" role="dialog"><h3>Adjust price</h3><input type="text" value="8.80"></div>'))).toBe(false);
    expect(narrowed(page('<div class="drawer" role="dialog"><h3>Filters</h3><input type="text" value="Ceramic kettle"></div>'))).toBe(true);
  });
});
