// The words of a pack's article, with their offsets: what every selector is anchored against.
import { tokenize, wordHashes } from '../../src/core/tokenize.ts';

export interface ArticleIndex {
  text: string;
  hashes: Uint32Array;
  /** UTF-16 offset of each word's first character. */
  starts: Uint32Array;
  /** UTF-16 offset just past each word. */
  ends: Uint32Array;
}

export function indexArticle(text: string): ArticleIndex {
  return { text, ...tokenize(text) };
}

/** Word indexes at which `needle` (word hashes) starts. */
export function occurrences(index: ArticleIndex, needle: readonly number[]): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  outer: for (let i = 0; i + needle.length <= index.hashes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (index.hashes[i + k] !== needle[k]) continue outer;
    found.push(i);
  }
  return found;
}

/** How many times prefix + exact + suffix occurs, by words: the validator's uniqueness rule. */
export function contextOccurrences(index: ArticleIndex, exact: string, prefix = '', suffix = ''): number {
  return occurrences(index, wordHashes(`${prefix} ${exact} ${suffix}`)).length;
}

/** The word index that holds (or follows) the UTF-16 offset. */
export function wordAt(index: ArticleIndex, offset: number): number {
  let low = 0;
  let high = index.ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.ends[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** 1-based line of article.txt (one paragraph a line) holding the UTF-16 offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
