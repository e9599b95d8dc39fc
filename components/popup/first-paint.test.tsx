// @vitest-environment happy-dom
// @vitest-environment-options {"url": "chrome-extension://test-extension-id/popup.html"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { freshPopupPage } from '@/test/support/popup-page';
import { MESSAGES, setLocale, type Locale } from '@/lib/i18n';
import type { Reply } from '@/lib/messaging/protocol';
import { earlyAnswered, earlySummary, startEarly, type PopupSummary } from './first-paint';

// The popup paints its numbers from the background's first reply before React and the rest of it load
// (entrypoints/popup-early.ts), then React draws the same block again with the lists and buttons. What the person
// sees first must be the reply's numbers in their language, and React's render of that block must be the very same
// DOM (no flash of zeros or of other words); a refusal paints nothing and is shown by React as before.

const asked: string[] = [];
let answer: () => Promise<unknown>;
vi.mock('./link', async (original) => ({
  ...(await original<typeof import('./link')>()),
  ask: (type: string) => {
    asked.push(type);
    return answer();
  },
}));

const summary: PopupSummary = {
  now: Date.UTC(2026, 11, 5, 3, 0),
  count: 4321,
  totals: [
    { minor: 128_000, currency: 'CNY' },
    { minor: 4_599, currency: 'USD' },
  ],
  stagesOutstanding: [{ minor: 50_000, currency: 'CNY' }],
  urgent: [],
  followUps: [],
  followUpCount: 0,
};
const ok = (data: PopupSummary): Reply<PopupSummary> => ({ ok: true, data });

let root: Root | undefined;
beforeEach(() => {
  freshPopupPage();
  asked.length = 0;
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

/** What main.tsx does once the page's modules run. */
async function reactRenders(): Promise<void> {
  const { Popup } = await import('./Popup');
  await earlyAnswered(250);
  await act(async () => {
    root = createRoot(document.getElementById('root')!);
    root.render(<Popup />);
  });
}

/** The early script sends; the reply comes when `reply` resolves. */
function earlyScript(locale: Locale, reply: Promise<unknown>): void {
  setLocale(locale);
  startEarly(() => reply, () => locale);
}

describe('the popup first paint', () => {
  it.each([
    ['zh-CN', '待付款订单', '待收金额', '分期待收'],
    ['zh-TW', '待付款訂單', '待收金額', '分期待收'],
    ['en', 'Unpaid orders', 'To collect', 'Due in open stages'],
  ] as const)('shows the reply numbers in %s before React, and React draws the same block', async (locale, unpaid, toCollect, stages) => {
    let deliver!: (raw: unknown) => void;
    earlyScript(locale, new Promise((done) => (deliver = done)));
    expect(document.documentElement.lang).toBe(locale);
    expect(document.getElementById('root')!.childNodes.length).toBe(0);
    deliver(ok(summary));
    await Promise.resolve();
    await Promise.resolve();

    const painted = document.querySelector('main.popup[aria-busy="false"]')!;
    expect(painted).not.toBeNull();
    expect(painted.querySelector('[data-testid="unpaid-count"]')!.textContent).toBe('4321');
    expect([...painted.querySelectorAll('[data-testid="unpaid-total"]')].map((n) => n.textContent)).toEqual(['¥1,280.00', 'US$45.99']);
    expect(painted.querySelector('[data-testid="stages-outstanding"]')!.textContent).toBe('¥500.00');
    expect([...painted.querySelectorAll('.stat-label')].map((n) => n.textContent)).toEqual([unpaid, toCollect, stages]);
    expect(document.getElementById('unpaid-count-label')!.textContent).toBe(unpaid);
    // No lists or buttons yet: those come with React.
    expect(document.querySelector('[data-testid="open-panel"]')).toBeNull();
    const first = painted.cloneNode(true) as Element;

    answer = async () => summary;
    await reactRenders();
    const main = document.querySelector('main.popup')!;
    expect(main).not.toBe(painted);
    expect(main.getAttribute('aria-busy')).toBe('false');
    expect(document.querySelector('[data-testid="open-panel"]')).not.toBeNull();
    // React's first children are the painted block, node for node (tags, attributes, text).
    expect(first.children.length).toBe(4);
    for (let i = 0; i < first.children.length; i++) expect(main.children[i]!.isEqualNode(first.children[i]!), main.children[i]!.outerHTML).toBe(true);
    expect([...main.attributes].map((a) => `${a.name}=${a.value}`).sort()).toEqual([...first.attributes].map((a) => `${a.name}=${a.value}`).sort());
  });

  it('leaves the stages line out when nothing is due in open stages, as React does', async () => {
    earlyScript('en', Promise.resolve(ok({ ...summary, count: 0, totals: [], stagesOutstanding: [] })));
    await earlyAnswered(250);
    const painted = document.querySelector('main.popup')!.cloneNode(true) as Element;
    expect(painted.querySelector('[data-testid="unpaid-count"]')!.textContent).toBe('0');
    expect(painted.querySelector('.muted')!.textContent).toBe('—');
    expect(painted.children.length).toBe(3);
    answer = async () => ({ ...summary, count: 0, totals: [], stagesOutstanding: [] });
    await reactRenders();
    const main = document.querySelector('main.popup')!;
    for (let i = 0; i < painted.children.length; i++) expect(main.children[i]!.isEqualNode(painted.children[i]!)).toBe(true);
  });

  it('paints nothing for a refusal, and React shows the error in the picked language', async () => {
    const refusal = { ok: false, error: { code: 'internal', params: { detail: 'a test refusal' } } };
    earlyScript('en', Promise.resolve(refusal));
    await earlyAnswered(250);
    expect(document.getElementById('root')!.childNodes.length).toBe(0);
    const { unwrap } = await import('./link');
    answer = () => unwrap(refusal as Reply<PopupSummary>);
    await reactRenders();
    await vi.waitFor(
      async () => {
        await act(async () => {
          await new Promise((done) => setTimeout(done, 20));
        });
        expect(document.querySelector('[role="alert"]')?.textContent).toBe(MESSAGES.en['err.internal']);
      },
      { timeout: 4000 },
    );
    expect(document.querySelector('main.popup')!.getAttribute('aria-busy')).toBe('false');
    expect(document.querySelector('[data-testid="unpaid-count"]')!.textContent).toBe('0');
  });

  it('does not paint over React when React drew first (the reply was late)', async () => {
    let deliver!: (raw: unknown) => void;
    earlyScript('en', new Promise((done) => (deliver = done)));
    answer = () => new Promise(() => undefined);
    const { Popup } = await import('./Popup');
    await act(async () => {
      root = createRoot(document.getElementById('root')!);
      root.render(<Popup />);
    });
    const reactMain = document.querySelector('main.popup');
    expect(reactMain!.getAttribute('aria-busy')).toBe('true');
    deliver(ok(summary));
    await act(async () => {
      await new Promise((done) => setTimeout(done, 10));
    });
    expect(document.querySelectorAll('main.popup')).toHaveLength(1);
    expect(document.querySelector('main.popup')).toBe(reactMain);
    expect(document.querySelector('[data-testid="unpaid-count"]')!.textContent).toBe('4321');
  });

  it('writes page text as text: a hostile currency code stays a string', async () => {
    earlyScript('en', Promise.resolve(ok({ ...summary, totals: [{ minor: 100, currency: '<b>x' }] })));
    await earlyAnswered(250);
    const total = document.querySelector('[data-testid="unpaid-total"]')!;
    expect(total.children).toHaveLength(0);
    expect(total.textContent).toContain('<B>X');
  });

  it("sends the request before it looks up the person's language (a blocking localStorage read), and paints in it", async () => {
    const steps: string[] = [];
    setLocale('en');
    startEarly(
      () => {
        steps.push('sent');
        return Promise.resolve(ok(summary));
      },
      () => {
        steps.push('language');
        return 'en';
      },
    );
    expect(steps).toEqual(['sent', 'language']);
    expect(document.documentElement.lang).toBe('en');
    await earlyAnswered(250);
    expect(document.querySelector('.stat-label')!.textContent).toBe('Unpaid orders');
  });

  it('takes only a well-formed summary from the reply', () => {
    expect(earlySummary(ok(summary))).toEqual(summary);
    for (const bad of [
      undefined,
      null,
      'ok',
      { ok: false, error: { code: 'internal' } },
      { ok: true },
      { ok: true, data: { ...summary, count: -1 } },
      { ok: true, data: { ...summary, count: 1.5 } },
      { ok: true, data: { ...summary, count: '3' } },
      { ok: true, data: { ...summary, totals: [{ minor: '1', currency: 'CNY' }] } },
      { ok: true, data: { ...summary, stagesOutstanding: undefined } },
      { ok: true, data: { ...summary, urgent: {} } },
      { ok: true, data: { ...summary, now: Number.NaN } },
    ]) {
      expect(earlySummary(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
