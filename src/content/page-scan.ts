// The gate's look at page text: core/detect.ts over the page's text (page-text.ts), in slices of a
// few milliseconds with the page's turn between them, so that no task of Backstory's is long
// enough for a page to see (a long-task entry) on any page. scan-now.ts runs the same look
// synchronously, judging the text where it is (tests, the benchmark).
import type { ArticleSearch, Candidate, GatePack } from '../core/detect.ts';
import { nextTask } from './timers.ts';

/** Work between two yields to the page. */
const SLICE_MS = 3;
/** Judges the text around markers (gate.ts: in the background): the pack whose article the page now carries, if any. */
export type ArticleCheck = (candidates: readonly Candidate[]) => Promise<GatePack | undefined>;

/** The pack whose article `texts` carry, if any, pausing whenever SLICE_MS has passed. */
export async function lookInSlices(search: ArticleSearch, texts: Iterable<string>, signal: AbortSignal, check: ArticleCheck): Promise<GatePack | undefined> {
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
    const candidates = search.candidates(text);
    if (candidates.length === 0) continue;
    const found = await check(candidates);
    sliceStart = performance.now();
    if (found) return signal.aborted ? undefined : found;
  }
  return undefined;
}
