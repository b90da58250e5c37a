// The gate's look at the page (page-scan.ts's lookInSlices over pageTexts) without pauses, the text
// judged here with the fingerprints already known: for tests and the benchmark's in-page figures.
// Not part of the gate, which never hashes (the background judges its text).
import type { ArticleSearch, GatePack } from '../core/detect.ts';
import { judge } from '../core/judge.ts';
import { pageTexts, Shadows } from './page-text.ts';

/** The pack whose article the page carries, if any. */
export function scanPageNow(doc: Document, search: ArticleSearch, shadows = new Shadows()): GatePack | undefined {
  for (const text of pageTexts(doc, shadows)) {
    for (const candidate of search.candidates(text)) {
      const [found] = judge(search, candidate);
      if (found) return found;
    }
  }
  return undefined;
}
