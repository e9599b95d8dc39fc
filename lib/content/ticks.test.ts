// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTick, onlyTicks } from './ticks';

describe('isTick', () => {
  it('takes a countdown moving on as a tick, in the back-offices\' languages', () => {
    expect(isTick('剩余 23:59:10', '剩余 23:59:09')).toBe(true);
    expect(isTick('剩余 1天2小时', '剩余 23小时59分')).toBe(true);
    expect(isTick('Auto-cancels in 23h 59m', 'Auto-cancels in 23h 58m')).toBe(true);
    expect(isTick('Tự động hủy sau 2 giờ 5 phút', 'Tự động hủy sau 2 giờ 4 phút')).toBe(true);
    expect(isTick('9:59', '10:00')).toBe(true);
  });

  it('takes any other change as content: amounts, statuses, ids, and an amount beside a countdown', () => {
    expect(isTick('¥128.00', '¥138.00')).toBe(false);
    expect(isTick('等待买家付款', '交易关闭')).toBe(false);
    expect(isTick('剩余 23:59:10 · ¥128.00', '剩余 23:59:09 · ¥118.00')).toBe(false);
    expect(isTick('订单号 1001', '订单号 1002')).toBe(false);
    expect(isTick('剩余 00:00:01', '已关闭')).toBe(false);
  });
});

describe('onlyTicks, from a real MutationObserver', () => {
  async function records(change: (root: HTMLElement) => void): Promise<MutationRecord[]> {
    document.body.innerHTML = '<ul><li><b>¥128.00</b> <span>剩余 23:59:10</span></li></ul>';
    const root = document.body;
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((r) => seen.push(...r));
    observer.observe(root, { childList: true, subtree: true, characterData: true, characterDataOldValue: true, attributes: true, attributeFilter: ['class'] });
    change(root);
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    return seen;
  }

  it('ignores a countdown whose text node is updated or replaced', async () => {
    expect(onlyTicks(await records((r) => (r.querySelector('span')!.firstChild!.nodeValue = '剩余 23:59:09')))).toBe(true);
    expect(onlyTicks(await records((r) => (r.querySelector('span')!.textContent = '剩余 23:59:08')))).toBe(true);
  });

  it('rereads for a new row, a changed amount, or a class change', async () => {
    expect(onlyTicks(await records((r) => r.querySelector('ul')!.append(document.createElement('li'))))).toBe(false);
    expect(onlyTicks(await records((r) => (r.querySelector('b')!.textContent = '¥99.00')))).toBe(false);
    expect(onlyTicks(await records((r) => r.querySelector('li')!.classList.add('closed')))).toBe(false);
  });
});
