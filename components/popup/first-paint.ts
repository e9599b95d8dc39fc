// The popup's numbers painted with plain DOM from the background's first
// reply, before React and the rest of the popup (~350 KB) are loaded and run:
// opening an extension page here takes 30-80 ms, the popup's scripts another
// 60-80 ms on top, and the numbers are what the person opened it for. Run by
// entrypoints/popup-early.ts; React's first render (Popup.tsx) starts from the
// same reply and draws exactly this block again, then the lists and buttons
// below it. Text only (textContent), never markup: the reply carries page text.
import type { Locale } from '@/lib/i18n/define';
import core from '@/lib/i18n/messages/core';
import options from '@/lib/i18n/messages/options';
import type { DataResponses } from '@/lib/messaging/data';
import { formatMoney, type Money } from '@/lib/orders/money';

export type PopupSummary = DataResponses['popup/summary'];

const early = globalThis as {
  __paynudgePopupSummary?: Promise<unknown>;
  __paynudgePopupPainted?: PopupSummary;
};

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isMoney = (m: unknown): m is Money =>
  typeof m === 'object' && m !== null && typeof (m as Money).minor === 'number' && typeof (m as Money).currency === 'string' && (m as Money).currency.length <= 8;
const isMoneyList = (xs: unknown): xs is Money[] => Array.isArray(xs) && xs.length <= 64 && xs.every(isMoney);

/**
 * The summary in a reply of the background, if it is one the number block can show: a refusal, no reply or
 * anything malformed gives undefined, and the popup's React part asks and shows the error as before.
 */
export function earlySummary(raw: unknown): PopupSummary | undefined {
  if (typeof raw !== 'object' || raw === null || (raw as { ok?: unknown }).ok !== true) return undefined;
  const data = (raw as { data?: unknown }).data as Partial<PopupSummary> | undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  if (!isCount(data.count) || !isCount(data.followUpCount) || typeof data.now !== 'number' || !Number.isFinite(data.now)) return undefined;
  if (!isMoneyList(data.totals) || !isMoneyList(data.stagesOutstanding) || !Array.isArray(data.urgent) || !Array.isArray(data.followUps)) return undefined;
  return data as PopupSummary;
}

function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** What Popup.tsx's MoneyLines draws. */
function moneyLines(amounts: Money[], testId: string): HTMLElement {
  if (amounts.length === 0) return el('div', { class: 'muted' }, '—');
  return el('div', { class: 'totals' }, ...amounts.map((m) => el('div', { 'data-testid': testId, class: 'stat-value small' }, formatMoney(m))));
}

/** The popup's top block (title, unpaid count, money to collect, stages outstanding) as Popup.tsx draws it, in `locale`. */
export function numberBlock(summary: PopupSummary, locale: Locale): HTMLElement {
  const words = { ...core.en, ...core[locale] };
  const popupWords = { ...options.en, ...options[locale] };
  const main = el(
    'main',
    { class: 'popup', 'aria-busy': 'false' },
    el('h1', {}, words.appName),
    el(
      'div',
      { class: 'stat' },
      el('span', { class: 'stat-label', id: 'unpaid-count-label' }, words.unpaidOrders),
      el('span', { class: 'stat-value', 'data-testid': 'unpaid-count', 'aria-labelledby': 'unpaid-count-label' }, String(summary.count)),
    ),
    el('div', { class: 'stat' }, el('span', { class: 'stat-label' }, words.unpaidMoney), moneyLines(summary.totals, 'unpaid-total')),
  );
  if (summary.stagesOutstanding.length > 0) {
    main.append(
      el(
        'div',
        { class: 'stat' },
        el('span', { class: 'stat-label' }, popupWords['opt.popup.stagesOutstanding']),
        moneyLines(summary.stagesOutstanding, 'stages-outstanding'),
      ),
    );
  }
  return main;
}

/**
 * Paints the number block into the popup's empty root and notes what it showed (the summary React starts from).
 * Does nothing once React has drawn there: React then has the reply from the request itself.
 */
export function paintFirst(root: HTMLElement, summary: PopupSummary, locale: Locale): boolean {
  if (root.childNodes.length > 0) return false;
  root.append(numberBlock(summary, locale));
  early.__paynudgePopupPainted = summary;
  return true;
}

/** The summary the first paint showed, for React's first render to draw the same. */
export function paintedSummary(): PopupSummary | undefined {
  return early.__paynudgePopupPainted;
}

/**
 * Resolves when the early request is answered (and its numbers painted), or after `waitMs`: React draws the popup
 * after the first paint rather than before it with no numbers, unless the background is slow to answer.
 */
export function earlyAnswered(waitMs: number): Promise<void> {
  const sent = early.__paynudgePopupSummary;
  if (!sent) return Promise.resolve();
  // Reactions run in the order they were added: the paint's (startEarly) comes before this one.
  return Promise.race([sent.then(() => undefined), new Promise<void>((done) => setTimeout(done, waitMs))]);
}

/** The request the early script sent (its raw reply), for the popup's first ask; taken once. */
export function takeEarlyRequest(): Promise<unknown> | undefined {
  const sent = early.__paynudgePopupSummary;
  delete early.__paynudgePopupSummary;
  return sent;
}

/**
 * Sends the popup's request and paints its numbers as soon as both the reply and the page's root are there.
 * `pickLocale` runs after the request is sent: the person's language is kept in localStorage, whose first read in
 * a page waits for the browser process (a blocking call, 2-70 ms in traces of the popup), and the background
 * can work on the request meanwhile.
 */
export function startEarly(send: () => Promise<unknown>, pickLocale: () => Locale): void {
  let sent: Promise<unknown>;
  try {
    sent = send().catch(() => undefined);
  } catch {
    return; // No runtime: the popup asks itself.
  }
  const locale = pickLocale();
  document.documentElement.lang = locale;
  early.__paynudgePopupSummary = sent;
  void sent.then((raw) => {
    const summary = earlySummary(raw);
    if (!summary) return;
    const paint = () => {
      const root = document.getElementById('root');
      if (root) paintFirst(root, summary, locale);
    };
    // 'interactive' comes when the page is parsed, before its module scripts run (React: the part this is ahead of).
    if (document.getElementById('root') || document.readyState !== 'loading') paint();
    else document.addEventListener('readystatechange', paint, { once: true });
  });
}
