// Asks the background for the popup's numbers as the page starts, before its
// scripts (React and the rest, ~570 KB) are loaded and run: the background
// works on the answer meanwhile. Popup.tsx takes this reply for its first
// render (and asks again itself if it is missing). A plain script, not a
// module, so it runs at once; it only sends the same request the popup sends.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    globalThis.__paynudgePopupSummary = Promise.resolve(api.runtime.sendMessage({ type: 'popup/summary' })).catch(() => undefined);
  } catch {
    // No runtime (opened outside the extension): the popup asks itself.
  }
})();
