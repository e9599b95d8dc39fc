// @vitest-environment happy-dom
// The order list inside a same-origin iframe of the seller centre shell (the
// shell's own page has navigation only): the adapter reads the frame's list.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderFixture } from '../../../test/support/fixtures.mjs';
import { alibabaAdapter } from './adapter';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const raw = (file: string) => readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/alibaba', file), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(renderFixture(html, NOW), 'text/html');

/** The live document as the shell, with `file` rendered into a same-origin iframe. */
function framed(file: string): Document {
  document.body.innerHTML = '<nav class="shell-nav--side--1Aa2b"><a href="#">My Alibaba</a></nav><main><iframe title="app"></iframe></main>';
  const inner = document.querySelector('iframe')!.contentDocument!;
  inner.documentElement.innerHTML = parse(raw(file)).documentElement.innerHTML;
  return document;
}

const CASES: Array<[string, string]> = [
  [
    'order-list-unpaid-en.html',
    'https://biz.alibaba.com/ta/order/list.htm?tab=unpay'
  ]
];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('alibabaAdapter: a list in a same-origin iframe', () => {
  it.each(CASES)('reads %s inside the frame as on its own page', (file, url) => {
    const own = alibabaAdapter.readOrders(parse(raw(file)), url, NOW);
    expect(own?.orders.length).toBeGreaterThan(0);
    const inFrame = alibabaAdapter.readOrders(framed(file), url, NOW);
    expect(inFrame).toEqual(own);
  });

  it('gives null when neither the shell nor its frame holds a list', () => {
    document.body.innerHTML = '<nav><a href="#">My Alibaba</a></nav><iframe title="app"></iframe>';
    expect(alibabaAdapter.readOrders(document, CASES[0]![1], NOW)).toBeNull();
  });
});
