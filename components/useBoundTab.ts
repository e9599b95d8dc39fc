import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { earlyTab } from './sidepanel/early';

/**
 * The tab the panel works for: `?tabId=N` binds it (tests, detached panel
 * windows); otherwise it follows the active tab of the panel's window.
 * `known` is false until that tab has been looked up once, so a first request
 * is not made for no tab and then again for the tab.
 */
export function useBoundTab(): { tabId: number | undefined; known: boolean } {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const bound = Number.isInteger(fixed) && fixed >= 0 && new URLSearchParams(location.search).has('tabId') ? fixed : undefined;
  // Unbound: the active tab public/panel-early.js found as the page started (its first screen was asked for it), so
  // the first request need not wait for a second look-up; the look-up below still runs and corrects it.
  const [state, setState] = useState<{ tabId: number | undefined; known: boolean }>(() => {
    const early = bound === undefined ? earlyTab() : undefined;
    return early ? { tabId: early.tabId, known: true } : { tabId: bound, known: bound !== undefined };
  });

  useEffect(() => {
    if (bound !== undefined) return;
    let windowId: number | undefined;
    const refresh = async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        windowId = tab?.windowId;
        setState((current) => (current.known && current.tabId === tab?.id ? current : { tabId: tab?.id, known: true }));
      } catch {
        // No tabs API answer: the panel works for no tab.
        setState((current) => ({ ...current, known: true }));
      }
    };
    void refresh();
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setState({ tabId: info.tabId, known: true });
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [bound]);

  return state;
}
