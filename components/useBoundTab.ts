import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab the panel works for: `?tabId=N` binds it (tests, detached panel
 * windows); otherwise it follows the active tab of the panel's window.
 */
export function useBoundTab(): number | undefined {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const bound = Number.isInteger(fixed) && fixed >= 0 && new URLSearchParams(location.search).has('tabId') ? fixed : undefined;
  const [active, setActive] = useState<number | undefined>(bound);

  useEffect(() => {
    if (bound !== undefined) return;
    let windowId: number | undefined;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      setActive(tab?.id);
    };
    void refresh();
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setActive(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [bound]);

  return active;
}
