import { describe, expect, it } from 'vitest';
import { frameAsker, mergeTabContexts, TabFrames } from './frames';

/** A tab whose frames answer as given (undefined: no script there, so the send rejects); logs what each frame got. */
function tab(answers: Record<number, (message: { type: string }) => unknown>) {
  const got: [number, string][] = [];
  const send = async (_tabId: number, frameId: number, message: object) => {
    const m = message as { type: string };
    got.push([frameId, m.type]);
    const answer = answers[frameId];
    if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
    return answer(m);
  };
  return { got, send };
}

const context = (platform: string, orderIds: string[], extra: object = {}) => ({ platform, orderIds, hasComposer: false, ...extra });

describe('a tab whose order list is in a frame of another seller host', () => {
  it('asks the top frame alone until a frame reports a read, then both, and merges their contexts', async () => {
    const frames = new TabFrames();
    const { got, send } = tab({ 0: () => context('taobao', [], { hasComposer: true }), 7: () => context('taobao', ['3912830471625580441']) });
    const askTab = frameAsker(frames, send);
    expect((await askTab(1, 'tab/context', {}))?.orderIds).toEqual([]);
    frames.saw(1, 7);
    frames.saw(1, 0);
    frames.saw(2, 9);
    expect(frames.of(1)).toEqual([0, 7]);
    expect(await askTab(1, 'tab/context', {})).toEqual({ platform: 'taobao', orderIds: ['3912830471625580441'], hasComposer: true });
    expect(got.filter(([, type]) => type === 'tab/context').map(([f]) => f)).toEqual([0, 0, 7]);
  });

  it('takes the orders of the frame that shows them, the chat buyer of any, and refuses malformed replies', () => {
    const merged = mergeTabContexts([
      context('taobao', []),
      { platform: 'taobao', orderIds: 'not a list', hasComposer: true },
      context('taobao', ['1', '2'], { chatBuyer: { nick: '买家' } }),
      context('pdd', ['9']),
      context('taobao', ['2', '3']),
    ]);
    expect(merged).toEqual({ platform: 'taobao', orderIds: ['1', '2', '3'], chatBuyer: { nick: '买家' }, hasComposer: false });
    expect(mergeTabContexts([undefined, { nope: 1 }])).toBeUndefined();
  });

  it('inserts in one frame only: the top one when it has a composer, else the next frame that has one', async () => {
    const frames = new TabFrames();
    frames.saw(1, 4);
    frames.saw(1, 5);
    const inserted = { inserted: true, method: 'native-setter' };
    const none = { inserted: false, method: 'no-composer' };
    const top = tab({ 0: () => inserted, 4: () => inserted, 5: () => inserted });
    expect(await frameAsker(frames, top.send)(1, 'composer/insert', { text: 'hi' })).toEqual(inserted);
    expect(top.got).toEqual([[0, 'composer/insert']]);

    const inFrame = tab({ 0: () => none, 5: () => inserted });
    expect(await frameAsker(frames, inFrame.send)(1, 'composer/insert', { text: 'hi' })).toEqual(inserted);
    expect(inFrame.got).toEqual([[0, 'composer/insert'], [4, 'composer/insert'], [5, 'composer/insert']]);
    // Frame 4 did not answer (gone): it is no longer asked.
    expect(frames.of(1)).toEqual([0, 5]);

    // A composer that refused the text stops the search: the text is not put into another frame's box.
    const refused = { inserted: false, method: 'not-editable' };
    const stop = tab({ 0: () => refused, 5: () => inserted });
    expect(await frameAsker(frames, stop.send)(1, 'composer/insert', { text: 'hi' })).toEqual(refused);
    expect(stop.got).toEqual([[0, 'composer/insert']]);

    const nowhere = tab({ 0: () => none, 5: () => none });
    expect(await frameAsker(frames, nowhere.send)(1, 'composer/insert', { text: 'hi' })).toEqual(none);
  });

  it('gives a taught recipe to every frame, and anything else to the top frame alone', async () => {
    const frames = new TabFrames();
    frames.saw(3, 8);
    const { got, send } = tab({ 0: () => ({ count: 1 }), 8: () => ({ count: 1 }) });
    const askTab = frameAsker(frames, send);
    expect(await askTab(3, 'recipes/use', { recipes: [] })).toEqual({ count: 1 });
    await askTab(3, 'teach/end', {});
    expect(got).toEqual([[0, 'recipes/use'], [8, 'recipes/use'], [0, 'teach/end']]);
    frames.forget(3);
    expect(frames.of(3)).toEqual([0]);
  });

  it('lists the frames of a tab it has heard nothing about once per worker (one woken after sleep)', async () => {
    const frames = new TabFrames();
    const listed: number[] = [];
    const listFrames = async (tabId: number) => (listed.push(tabId), tabId === 1 ? [6] : []);
    const { got, send } = tab({ 0: () => context('taobao', []), 6: () => context('taobao', ['1']) });
    const askTab = frameAsker(frames, send, listFrames);
    expect((await askTab(1, 'tab/context', {}))?.orderIds).toEqual(['1']);
    await askTab(1, 'tab/context', {});
    await askTab(2, 'tab/context', {});
    await askTab(2, 'tab/context', {});
    expect(listed).toEqual([1, 2]);
    // A tab whose frame reported a read is listed only for want of a composer (below); a closed tab is forgotten,
    // and listed again if asked.
    frames.saw(5, 3);
    await askTab(5, 'tab/context', {});
    frames.forget(1);
    await askTab(1, 'tab/context', {});
    expect(listed).toEqual([1, 2, 5, 1]);
    expect(got.filter(([f]) => f === 6)).toHaveLength(3);
    // Listing that fails (a page the extension may not script) lists nothing and is not retried.
    const failing = frameAsker(new TabFrames(), send, async () => Promise.reject(new Error('Cannot access contents of the page')));
    expect((await failing(9, 'tab/context', {}))?.orderIds).toEqual([]);
  });

  it('finds a chat pane in a frame that never reported a read: an insert lists the frames at once, a context at most every 10 s', async () => {
    // The order list is in frame 4 (it reported a read); the chat opened later in frame 9, which shows no list.
    let clock = 1_000_000;
    const frames = new TabFrames();
    frames.saw(1, 4);
    frames.listedNow(1, []);
    let chatOpen = false;
    const listed: number[] = [];
    const listFrames = async () => (listed.push(1), chatOpen ? [4, 9] : [4]);
    const inserted = { inserted: true, method: 'lexical' };
    const none = { inserted: false, method: 'no-composer' };
    const { got, send } = tab({
      0: (m) => (m.type === 'tab/context' ? context('alibaba', []) : none),
      4: (m) => (m.type === 'tab/context' ? context('alibaba', ['1001']) : none),
      9: (m) => (m.type === 'tab/context' ? context('alibaba', [], { hasComposer: true, chatBuyer: { nick: 'Carlos' } }) : inserted),
    });
    const askTab = frameAsker(frames, send, listFrames, () => clock);
    // No chat yet: the context lists the frames once, then not again within 10 s.
    expect(await askTab(1, 'tab/context', {})).toEqual({ platform: 'alibaba', orderIds: ['1001'], hasComposer: false });
    chatOpen = true;
    clock += 5_000;
    expect((await askTab(1, 'tab/context', {}))?.hasComposer).toBe(false);
    expect(listed).toHaveLength(1);
    // An insert does not wait: the frames are listed, and the text goes into the chat frame's composer, once.
    expect(await askTab(1, 'composer/insert', { text: 'hi' })).toEqual(inserted);
    expect(got.filter(([, type]) => type === 'composer/insert').map(([f]) => f)).toEqual([0, 4, 9]);
    expect(listed).toHaveLength(2);
    // From then on the chat frame is one of the tab's: its buyer and composer show in the context, with no listing.
    expect(await askTab(1, 'tab/context', {})).toEqual({ platform: 'alibaba', orderIds: ['1001'], chatBuyer: { nick: 'Carlos' }, hasComposer: true });
    expect(listed).toHaveLength(2);
  });

  it('a context found no composer in the known frames: after 10 s the frames are listed again and a new chat frame counts', async () => {
    let clock = 0;
    const frames = new TabFrames();
    frames.saw(2, 4);
    const listed: number[] = [];
    let chatOpen = false;
    const { send } = tab({
      0: () => context('alibaba', []),
      4: () => context('alibaba', ['1001']),
      9: () => context('alibaba', [], { hasComposer: true, chatBuyer: { nick: 'Carlos' } }),
    });
    const askTab = frameAsker(frames, send, async () => (listed.push(2), chatOpen ? [4, 9] : [4]), () => clock);
    await askTab(2, 'tab/context', {});
    chatOpen = true;
    clock += 9_999;
    expect((await askTab(2, 'tab/context', {}))?.chatBuyer).toBeUndefined();
    clock += 1;
    expect((await askTab(2, 'tab/context', {}))?.chatBuyer).toEqual({ nick: 'Carlos' });
    expect(listed).toEqual([2, 2]);
  });
});
