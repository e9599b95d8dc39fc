import type { Page } from '@playwright/test';

/**
 * Holds back the page's requests of one type to the background until the test lets them through (`releaseHeld`):
 * a background still waking up, or busy. `answeredHeld` counts the held requests answered since.
 */
export async function holdMessages(page: Page, type: string): Promise<void> {
  await page.addInitScript((held: string) => {
    const scope = globalThis as unknown as {
      chrome: { runtime: { sendMessage: (...args: unknown[]) => Promise<unknown> } };
      __release: () => void;
      __answered: number;
    };
    const runtime = scope.chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    scope.__release = release;
    scope.__answered = 0;
    runtime.sendMessage = (msg: unknown, ...rest: unknown[]) =>
      (msg as { type?: string } | null)?.type === held ? gate.then(() => send(msg, ...rest)).then((reply) => (scope.__answered++, reply)) : send(msg, ...rest);
  }, type);
}

/** Lets the held requests through (see holdMessages). */
export const releaseHeld = (page: Page): Promise<void> => page.evaluate(() => (globalThis as unknown as { __release: () => void }).__release());

/** How many held requests have been answered (see holdMessages). */
export const answeredHeld = (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as { __answered: number }).__answered);
