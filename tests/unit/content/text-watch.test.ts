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

describe('watchAddedText', () => {
  it('looks again at custom elements seen without a shadow root 1, 2, 4… 128 s after it starts, with no change on the page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    // timers.ts times with AbortSignal.timeout, which fake timers do not reach.
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), ms);
      return controller.signal;
    });
    try {
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
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
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
