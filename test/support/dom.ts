import { Window } from 'happy-dom';

let window: Window | undefined;
let parsed = 0;

/**
 * A parsed page for one run of a property test. happy-dom keeps every
 * document its window ever parsed until the window is closed (about 3 MB per
 * fixture page), which a fuzz run of thousands of pages cannot afford: these
 * documents come from a window of their own that is closed and replaced every
 * 50 pages, once the runs that used them are over.
 */
export function scratchDocument(html: string): Document {
  if (!window || parsed >= 50) {
    void window?.happyDOM.close();
    window = new Window({ url: 'https://paynudge.test/' });
    parsed = 0;
  }
  parsed++;
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
