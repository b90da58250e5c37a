// Which words of a page are the article's own text (as opposed to navigation, sidebars or comments
// that repeat its names).
import { SHINGLE_SIZE, shinglesOfWords } from './shingles.ts';

/** Fewest consecutive words, all inside article shingles, that count as the article's own text. */
export const MIN_ARTICLE_RUN = 8;

/**
 * Marks the words of a page that belong to the article's own text: words covered by article
 * shingles, in runs of at least MIN_ARTICLE_RUN words. A sidebar that repeats a name, or a related
 * link that shares a phrase, stays unmarked.
 */
export function markArticleWords(pageWords: ArrayLike<number>, articleShingles: ReadonlySet<number>): Uint8Array {
  const covered = new Uint8Array(pageWords.length);
  const shingles = shinglesOfWords(pageWords);
  for (let i = 0; i < shingles.length; i++) {
    if (articleShingles.has(shingles[i])) covered.fill(1, i, i + SHINGLE_SIZE);
  }
  let runStart = 0;
  for (let i = 0; i <= covered.length; i++) {
    if (i < covered.length && covered[i]) continue;
    if (i - runStart < MIN_ARTICLE_RUN) covered.fill(0, runStart, i);
    runStart = i + 1;
  }
  return covered;
}
