// The passage of the article that comes closest to a quote that does not occur in it, word by word,
// so that a fact-checker sees what to copy: "upcomming talks" finds "upcoming US-Russia talks".
import { forEachWord } from '../../src/core/tokenize.ts';
import type { ArticleIndex } from './article-index.ts';
import { lineOf } from './article-index.ts';
import { editDistance } from './edit-distance.ts';

export interface NearestText {
  /** The passage, as written in the article. */
  text: string;
  /** 1-based line of article.txt. */
  line: number;
  /** Words of the quote found as written in the passage (the passage may also hold near spellings of others). */
  matched: number;
  total: number;
  /** Words of the quote not found in the passage. */
  missing: string[];
}

const INVISIBLE = /[\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g;

function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (_hash, start, end) => out.push(text.slice(start, end).replace(INVISIBLE, '').toLowerCase()));
  return out;
}

/** 1 for the same word, 0.75 for a near spelling, 0 otherwise. */
function similarity(a: string, b: string, cache: Map<string, number>): number {
  if (a === b) return 1;
  const key = `${a}\u0000${b}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = Math.min(a.length, b.length) >= 4 && editDistance(a, b) <= Math.ceil(Math.max(a.length, b.length) / 4) ? 0.75 : 0;
    cache.set(key, value);
  }
  return value;
}

/** Best in-order alignment of `quote` inside `window`: score, and which quote/window words pair up. */
function align(quote: readonly string[], window: readonly string[], cache: Map<string, number>) {
  const rows = quote.length + 1;
  const cols = window.length + 1;
  const score = new Float64Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const pair = similarity(quote[i - 1], window[j - 1], cache);
      score[i * cols + j] = Math.max(score[(i - 1) * cols + j], score[i * cols + j - 1], pair > 0 ? score[(i - 1) * cols + j - 1] + pair : 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = quote.length, j = window.length; i > 0 && j > 0; ) {
    const pair = similarity(quote[i - 1], window[j - 1], cache);
    if (pair > 0 && score[i * cols + j] === score[(i - 1) * cols + j - 1] + pair) {
      pairs.unshift([i - 1, j - 1]);
      i--;
      j--;
    } else if (score[(i - 1) * cols + j] >= score[i * cols + j - 1]) i--;
    else j--;
  }
  return { score: score[rows * cols - 1], pairs };
}

/** The passage closest to `quote`, or undefined when no word of it is anywhere in the article. */
export function nearestText(index: ArticleIndex, quote: string): NearestText | undefined {
  const wanted = words(quote);
  if (wanted.length === 0) return undefined;
  const article = Array.from(index.starts, (start, i) => index.text.slice(start, index.ends[i]).replace(INVISIBLE, '').toLowerCase());
  const size = Math.min(article.length, wanted.length + 2);
  const cache = new Map<string, number>();
  let best: { at: number; score: number; pairs: [number, number][] } | undefined;
  for (let at = 0; at + size <= article.length; at++) {
    const { score, pairs } = align(wanted, article.slice(at, at + size), cache);
    if (score > 0 && (!best || score > best.score)) best = { at, score, pairs };
  }
  if (!best) return undefined;
  const first = best.at + best.pairs[0][1];
  const last = best.at + best.pairs[best.pairs.length - 1][1];
  const found = new Set(best.pairs.filter(([q, w]) => wanted[q] === article[best.at + w]).map(([q]) => q));
  const start = index.starts[first];
  return {
    text: index.text.slice(start, index.ends[last]),
    line: lineOf(index.text, start),
    matched: found.size,
    total: wanted.length,
    missing: wanted.filter((_, q) => !found.has(q)),
  };
}
