// Bundled into each benchmark page: the contenders, run on the page's live DOM.
// floor: the least any text-based detector must do (read every text node once).
// gate: Backstory's content-script work on a page, from start to "here or not".
// full: detection + anchoring + highlights registered. markjs: mark.js on the same names and phrases.
import Mark from 'mark.js';
import { packs } from 'virtual:backstory-detection';
import * as firstPack from 'virtual:backstory-annotations';
import { createAnchorer } from '../../src/content/anchor.ts';
import { OwnHighlights } from '../../src/content/highlight-registry.ts';
import { scanPageNow } from '../../src/content/scan-now.ts';
import { localTextAnchorer } from '../../tests/support/anchoring.ts';
import { searchFor } from '../../tests/support/search.ts';

const { notes } = firstPack;
// The matching runs in the page here (a reader's background runs it): this table times the work, not who pays it.
const anchorer = createAnchorer(notes, localTextAnchorer(firstPack));
const highlights = new OwnHighlights();
const terms = notes.flatMap((note) => [...(note.aliases ?? []), ...(note.variants ?? []), ...(note.selectors ?? []).map((selector: { exact: string }) => selector.exact)]);

function floor(): number {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) length += (node as Text).data.length;
  return length;
}

/** The content script's scan, without the yields between slices of huge pages. */
const gate = async () => scanPageNow(document, searchFor(packs)) !== undefined;

async function full(): Promise<number> {
  if (!(await gate())) return 0;
  const { anchored } = await anchorer.anchorNotes(document.body);
  highlights.paint(anchored, 'normal');
  return anchored.length;
}

function markjs(container: Element): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    new Mark(container).mark(terms, {
      acrossElements: true,
      separateWordSearch: false,
      diacritics: false,
      accuracy: 'exactly',
      each: () => void count++,
      done: () => resolve(count),
    });
  });
}

function unmark(container: Element): Promise<void> {
  return new Promise((resolve) => new Mark(container).unmark({ done: () => resolve() }));
}

/** Pages' clocks tick in 0.1 ms steps: small pages are run repeatedly, for at least this long. */
const MIN_SAMPLE_MS = 5;

/** Mean time of `run` (cleanup excluded), over as many runs as fill MIN_SAMPLE_MS. */
async function time<T>(run: () => Promise<T>, cleanup: () => void = () => undefined): Promise<{ ms: number; result: T }> {
  let total = 0;
  let runs = 0;
  let result: T;
  do {
    const start = performance.now();
    result = await run();
    total += performance.now() - start;
    runs++;
    cleanup();
  } while (total < MIN_SAMPLE_MS && runs < 500);
  return { ms: total / runs, result };
}

/** Counts every change to the page's DOM while `run` executes (the gate must make none). */
async function domWritesDuring(run: () => Promise<unknown>): Promise<number> {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  await run();
  const writes = observer.takeRecords().length;
  observer.disconnect();
  return writes;
}

const api = {
  floor: () => time(async () => floor()),
  gate: () => time(gate),
  gateWrites: () => domWritesDuring(gate),
  full: () => time(full, () => highlights.clear()),
  async markjs(selector: string) {
    const container = document.querySelector(selector) ?? document.body;
    const start = performance.now();
    const result = await markjs(container);
    const ms = performance.now() - start;
    await unmark(container);
    return { ms, result };
  },
  textNodes: () => {
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  },
};

(window as unknown as { backstoryBench: typeof api }).backstoryBench = api;
