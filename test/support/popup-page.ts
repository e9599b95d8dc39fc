import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** A fresh popup page for a component test: React's act environment, an empty #root, window 1, nothing painted early. */
export function freshPopupPage(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'root' }));
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as unknown as Awaited<ReturnType<typeof fakeBrowser.windows.getCurrent>>);
  delete (globalThis as { __paynudgePopupPainted?: unknown }).__paynudgePopupPainted;
}
