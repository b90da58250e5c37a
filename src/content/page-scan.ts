// The gate's look at a whole page: its text (page-text.ts) searched by core/detect.ts, hashed in
// slices that leave the page room on huge pages. Also run synchronously by tests and the benchmark.
import type { ArticleSearch, GatePack } from '../core/detect.ts';
import { lightText, shadowTexts } from './page-text.ts';
import { nextTask } from './timers.ts';

/** Hashing work between two yields to the page. */
const SLICE_MS = 4;

function pageTexts(doc: Document): string[] {
  const text = lightText(doc);
  return [text, ...shadowTexts(doc, text.length)];
}

/** The pack whose article the page carries, if any, with a yield whenever SLICE_MS has passed. */
export async function scanPage(doc: Document, search: ArticleSearch, signal: AbortSignal): Promise<GatePack | undefined> {
  let sliceStart = performance.now();
  for (const text of pageTexts(doc)) {
    for (const candidate of search.candidates(text)) {
      const found = search.add(candidate);
      if (found) return found;
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        if (signal.aborted) return undefined;
        sliceStart = performance.now();
      }
    }
  }
  return undefined;
}

/** scanPage without yields. */
export function scanPageNow(doc: Document, search: ArticleSearch): GatePack | undefined {
  for (const text of pageTexts(doc)) {
    for (const candidate of search.candidates(text)) {
      const found = search.add(candidate);
      if (found) return found;
    }
  }
  return undefined;
}
