import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab the panel works for: `?tabId=N` binds it (tests, detached panel
 * windows); otherwise it follows the active tab of the panel's window.
 * `known` is false until that tab has been looked up once, so a first request
 * is not made for no tab and then again for the tab.
 */
export function useBoundTab(): { tabId: number | undefined; known: boolean } {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const bound = Number.isInteger(fixed) && fixed >= 0 && new URLSearchParams(location.search).has('tabId') ? fixed : undefined;
  const [state, setState] = useState<{ tabId: number | undefined; known: boolean }>({ tabId: bound, known: bound !== undefined });

  useEffect(() => {
    if (bound !== undefined) return;
    let windowId: number | undefined;
    const refresh = async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        windowId = tab?.windowId;
        setState({ tabId: tab?.id, known: true });
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
