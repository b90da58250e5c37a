// @vitest-environment jsdom
// The gate's watcher (text-watch.ts): new text in batches, in the document and in the shadow roots the gate has read.
import { describe, expect, it, vi } from 'vitest';
import { pageTexts, Shadows } from '../../../src/content/page-text.ts';
import { watchAddedText } from '../../../src/content/text-watch.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The gate's first look at the page: the shadow roots it reads are marked read. */
const readPage = (doc: Document, shadows: Shadows) => Array.from(pageTexts(doc, shadows));

/** Watches `doc` and resolves with the first batch that has any text. */
function nextBatch(doc: Document, shadows: Shadows, signal: AbortSignal): Promise<string[]> {
  return new Promise((resolve) => {
    watchAddedText(doc, shadows, (texts) => {
      const read = [...texts].filter((text) => text.trim() !== '').map((text) => text.trim());
      if (read.length > 0) resolve(read);
    }, signal);
  });
}

/** Runs `body` with fake timers that timers.ts's AbortSignal.timeout also follows. */
async function withFakeTimers(body: () => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  // timers.ts times with AbortSignal.timeout, which fake timers do not reach.
  vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), ms);
    return controller.signal;
  });
  try {
    await body();
  } finally {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  }
}

/** Counts the calls every MutationObserver made from now on makes to its callback. */
function countObserverCalls(): { calls: number } {
  const count = { calls: 0 };
  const Native = MutationObserver;
  vi.stubGlobal('MutationObserver', class extends Native {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        count.calls++;
        callback(records, observer);
      });
    }
  });
  return count;
}

/** A live blog: a paragraph added every 16 ms (a frame) for `ms`. */
async function changeEveryFrame(doc: Document, ms: number): Promise<void> {
  for (let at = 0, update = 0; at < ms; at += 16) {
    const paragraph = doc.createElement('p');
    paragraph.textContent = `update ${++update}`;
    doc.body.prepend(paragraph);
    await vi.advanceTimersByTimeAsync(16);
  }
}

describe('watchAddedText', () => {
  it('stops listening to a page that changes every frame after 16 calls in a batch, and reads it whole when the batch ends', async () => {
    await withFakeTimers(async () => {
      const count = countObserverCalls();
      const doc = parse('<body><main>the page as loaded</main></body>');
      const shadows = new Shadows();
      readPage(doc, shadows);
      const controller = new AbortController();
      const batches: Array<{ text: string; calls: number; newest: string }> = [];
      watchAddedText(doc, shadows, (texts) => batches.push({ text: [...texts].join(''), calls: count.calls, newest: doc.body.firstElementChild!.textContent! }), controller.signal);
      await changeEveryFrame(doc, 6000);
      // 375 changes in 6 s; each batch heard only its first 17.
      const callsPerBatch = batches.map(({ calls }, i) => calls - (batches[i - 1]?.calls ?? 0));
      expect(Math.max(...callsPerBatch)).toBe(17);
      expect(count.calls).toBeLessThan(100);
      // Each batch that stopped listening read the whole page, with every paragraph added until it ended.
      const last = batches.filter(({ calls }, i) => calls - (batches[i - 1]?.calls ?? 0) === 17).at(-1);
      expect(last?.text).toContain('the page as loaded');
      expect(last?.newest).toMatch(/^update \d+$/);
      expect(last?.text).toContain(last?.newest);
      controller.abort();
    });
  });

  it('reads the shadow roots it had read again when it reads a page whole, with what changed in them meanwhile', async () => {
    await withFakeTimers(async () => {
      const doc = parse('<body><x-story></x-story><main></main></body>');
      const root = doc.querySelector('x-story')!.attachShadow({ mode: 'open' });
      root.textContent = 'the story as loaded';
      const shadows = new Shadows();
      readPage(doc, shadows);
      const controller = new AbortController();
      const batches: string[] = [];
      watchAddedText(doc, shadows, (texts) => batches.push([...texts].join(' ')), controller.signal);
      // Enough changes to stop listening; then a paragraph in the root already read.
      await changeEveryFrame(doc, 17 * 16);
      const paragraph = doc.createElement('p');
      paragraph.textContent = 'added to the story while nobody listened';
      root.append(paragraph);
      await vi.advanceTimersByTimeAsync(3000);
      expect(batches.some((text) => text.includes('added to the story while nobody listened'))).toBe(true);
      controller.abort();
    });
  });

  it('keeps listening to every change on a page too large to read natively, where a whole read is slow', async () => {
    await withFakeTimers(async () => {
      const count = countObserverCalls();
      // More than 20,000 elements: the page is read a text node at a time (page-text.ts).
      const doc = parse(`<body><main>${'<i>large page </i>'.repeat(20_001)}</main></body>`);
      const shadows = new Shadows();
      readPage(doc, shadows);
      const controller = new AbortController();
      const batches: string[] = [];
      watchAddedText(doc, shadows, (texts) => batches.push([...texts].join('')), controller.signal);
      await changeEveryFrame(doc, 6000);
      expect(count.calls).toBe(Math.ceil(6000 / 16));
      await vi.advanceTimersByTimeAsync(2000);
      expect(batches.some((text) => text.includes('large page'))).toBe(false);
      expect(batches.join('')).toContain(`update ${Math.ceil(6000 / 16)}`);
      controller.abort();
    });
  });

  it('looks again at custom elements seen without a shadow root 1, 2, 4… 128 s after it starts, with no change on the page', async () => {
    await withFakeTimers(async () => {
      const doc = parse('<body><x-story></x-story></body>');
      const shadows = new Shadows();
      readPage(doc, shadows);
      const controller = new AbortController();
      const looks: number[] = [];
      const start = Date.now();
      watchAddedText(doc, shadows, () => looks.push(Date.now() - start), controller.signal);
      await vi.advanceTimersByTimeAsync(300_000);
      expect(looks).toEqual([1, 2, 4, 8, 16, 32, 64, 128].map((seconds) => seconds * 1000));
      controller.abort();
    });
  });

  it('hands over text added inside a shadow root the gate has read', async () => {
    const doc = parse('<body><x-story></x-story></body>');
    const root = doc.querySelector('x-story')!.attachShadow({ mode: 'open' });
    const shadows = new Shadows();
    readPage(doc, shadows);
    const controller = new AbortController();
    const batch = nextBatch(doc, shadows, controller.signal);
    const paragraph = doc.createElement('p');
    paragraph.textContent = 'filled later';
    root.append(paragraph);
    expect(await batch).toEqual(['filled later']);
    controller.abort();
  });

  it('reads a shadow root attached to a custom element it saw without one, with the next batch of changes', async () => {
    const doc = parse('<body><x-story></x-story><main></main></body>');
    const shadows = new Shadows();
    readPage(doc, shadows);
    const controller = new AbortController();
    const batch = nextBatch(doc, shadows, controller.signal);
    doc.querySelector('x-story')!.attachShadow({ mode: 'open' }).textContent = 'attached later';
    doc.querySelector('main')!.append(doc.createTextNode('a change elsewhere'));
    expect(await batch).toEqual(['a change elsewhere', 'attached later']);
    controller.abort();
  });

  it('reads a shadow root added with a new element, and watches it from then on', async () => {
    const doc = parse('<body><main></main></body>');
    const shadows = new Shadows();
    readPage(doc, shadows);
    const controller = new AbortController();
    const first = nextBatch(doc, shadows, controller.signal);
    const card = doc.createElement('x-card');
    const root = card.attachShadow({ mode: 'open' });
    root.textContent = 'in the card';
    doc.querySelector('main')!.append(card);
    expect(await first).toEqual(['in the card']);
    controller.abort();
    const again = new AbortController();
    const second = nextBatch(doc, shadows, again.signal);
    root.append(doc.createTextNode(' and more'));
    expect(await second).toEqual(['and more']);
    again.abort();
  });
});
