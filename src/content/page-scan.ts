// The gate's look at page text: core/detect.ts over the page's text (page-text.ts), in slices of a
// few milliseconds with the page's turn between them, so that no task of Backstory's is long
// enough for a page to see (a long-task entry) on any page. Also run synchronously by tests and the
// benchmark.
import type { ArticleSearch, GatePack } from '../core/detect.ts';
import { pageTexts, Shadows } from './page-text.ts';
import { nextTask } from './timers.ts';

/** Work between two yields to the page. */
const SLICE_MS = 3;
/** Gets the fingerprints of packs whose markers were found (gate.ts: from the background). */
export type FingerprintLoader = (packs: readonly GatePack[]) => Promise<void>;

/** The pack whose article `texts` carry, if any, pausing whenever SLICE_MS has passed. */
export async function lookInSlices(search: ArticleSearch, texts: Iterable<string>, signal: AbortSignal, loadFingerprints: FingerprintLoader): Promise<GatePack | undefined> {
  let sliceStart = performance.now();
  const pause = async (): Promise<boolean> => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
    return signal.aborted;
  };
  for (const text of texts) {
    if (await pause()) return undefined;
    for (const candidate of search.candidates(text)) {
      if (candidate.packs.some((pack) => !pack.fingerprint)) {
        await loadFingerprints(candidate.packs);
        sliceStart = performance.now();
      }
      if (await pause()) return undefined;
      const [found] = search.add(candidate);
      if (found) return found;
    }
  }
  return undefined;
}

/** The gate's look at the page (lookInSlices over pageTexts) without pauses, with the fingerprints already known. */
export function scanPageNow(doc: Document, search: ArticleSearch, shadows = new Shadows()): GatePack | undefined {
  for (const text of pageTexts(doc, shadows)) {
    for (const candidate of search.candidates(text)) {
      const [found] = search.add(candidate);
      if (found) return found;
    }
  }
  return undefined;
}
