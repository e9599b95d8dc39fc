import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_AWAKE_MS, keptAwake } from './keep-awake';

afterEach(() => vi.useRealTimers());

describe('keptAwake', () => {
  it('calls an extension API every 20 s while the work runs, and stops when it settles', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(async () => ({}));
    let finish!: (n: number) => void;
    const kept = keptAwake(new Promise<number>((done) => (finish = done)), ping);
    // The browser stops an idle worker after 30 s: a call comes before that, and again while the work goes on.
    await vi.advanceTimersByTimeAsync(KEEP_AWAKE_MS * 5);
    expect(ping).toHaveBeenCalledTimes(5);
    finish(7);
    expect(await kept).toBe(7);
    await vi.advanceTimersByTimeAsync(KEEP_AWAKE_MS * 5);
    expect(ping).toHaveBeenCalledTimes(5);
  });

  it('stops when the work fails too, and a failed call does not break the work', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(async () => Promise.reject(new Error('no runtime')));
    let fail!: (e: Error) => void;
    const kept = keptAwake(new Promise<number>((_done, reject) => (fail = reject)), ping);
    const outcome = kept.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(KEEP_AWAKE_MS * 2);
    fail(new Error('disk full'));
    expect(await outcome).toBe('disk full');
    await vi.advanceTimersByTimeAsync(KEEP_AWAKE_MS * 3);
    expect(ping).toHaveBeenCalledTimes(2);
  });
});
