// Asks the background for the side panel's first screen as the page starts,
// before its modules (React and the rest, ~650 KB) are loaded and run: the
// background reads and ranks the queue meanwhile (a waking worker starts in
// that time too). components/sidepanel/early.ts hands this reply to the
// panel's first load when that load asks for exactly the same; otherwise, or
// when stored data changed while it was on its way, the panel asks anew.
// A plain script, not a module, so it runs at once. It sends the same request
// the panel sends (the background validates it like any other) and nothing else.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.sendMessage) return;
  const ROW_HEIGHT = 118; // components/workspace/QueueList.tsx
  const OVERSCAN = 8;
  const WINDOW_AFTER = 300;
  const params = new URLSearchParams(location.search);
  const fixed = Number(params.get('tabId'));
  const bound = params.has('tabId') && Number.isInteger(fixed) && fixed >= 0 ? fixed : undefined;
  const early = { changed: false };
  // A change told while the answer is on its way may not be in it: the panel then asks again.
  const onChange = (raw, sender) => {
    if (sender?.id === api.runtime.id && sender.tab === undefined && raw?.type === 'db/changed') early.changed = true;
  };
  try {
    api.runtime.onMessage.addListener(onChange);
    early.stop = () => api.runtime.onMessage.removeListener(onChange);
    const tab =
      bound !== undefined
        ? Promise.resolve(bound)
        : Promise.resolve(api.tabs.query({ active: true, currentWindow: true })).then(
            (tabs) => tabs[0]?.id,
            () => undefined,
          );
    early.reply = tab.then((tabId) => {
      // The panel starts bound to this tab instead of looking it up again (it still follows later switches).
      early.tab = { tabId };
      early.request = {
        type: 'orders/list',
        tabId,
        offset: 0,
        limit: WINDOW_AFTER,
        screen: Math.ceil((window.innerHeight || 860) / ROW_HEIGHT) + OVERSCAN,
        filter: { search: '', platform: 'all', status: 'all', tag: '', claim: 'all' },
      };
      return Promise.resolve(api.runtime.sendMessage(early.request))
        .catch(() => undefined)
        .then((reply) => {
          // Kept for the panel's first render, should it come after the answer.
          early.answer = reply;
          return reply;
        });
    });
    globalThis.__paynudgePanelFirst = early;
  } catch {
    // No runtime (opened outside the extension): the panel asks itself.
  }
})();
