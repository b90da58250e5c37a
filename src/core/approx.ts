// Approximate quote search: word-level edit distance (Sellers' algorithm: the quote may start and
// end anywhere in the page's words) over the words page-words.ts reads. Costs are in quarter
// edits, so that a respelling or a title costs less than a changed word.
import type { Words } from './page-words.ts';
import { DATE, LIGHT, NEGATION, NUMBER, QUOTED, TITLE } from './word-classes.ts';

/** One whole edit: a changed, added or dropped word. */
export const EDIT = 4;

export interface Alignment {
  /** First page word of the match (index into the page's Words). */
  start: number;
  /** Just past its last page word. */
  end: number;
  /** Cost in quarter edits. */
  cost: number;
  /** For each quote word, the page word it stands on, or -1 when dropped. */
  pairs: Int32Array;
}

/** Same word, or the same word spelt otherwise. */
export const sameWord = (a: Words, i: number, b: Words, j: number): boolean =>
  a.hash[i] === b.hash[j] || (a.skeleton[i] !== 0 && a.skeleton[i] === b.skeleton[j]);

/** Words whose loss or change always changes the meaning (match.ts rejects it): the search does not prefer places that drop or change them. */
const GUARDED = NUMBER | DATE | NEGATION | QUOTED;

function substitution(quote: Words, q: number, page: Words, p: number): number {
  if (quote.hash[q] === page.hash[p]) return 0;
  if (quote.skeleton[q] !== 0 && quote.skeleton[q] === page.skeleton[p]) return 1;
  if (quote.flags[q] & page.flags[p] & LIGHT) return 2;
  return (quote.flags[q] | page.flags[p]) & GUARDED ? 2 * EDIT : EDIT;
}

/** Adding or dropping a title costs a quarter, a light word half, a number, date or negation two edits, any other word one. */
const indel = (words: Words, i: number): number => (words.flags[i] & GUARDED ? 2 * EDIT : words.flags[i] & TITLE ? 1 : words.flags[i] & LIGHT ? 2 : EDIT);
/** A quote cut short at either end: each word left out costs three quarters of an edit (a light word half, a title a quarter). */
const cut = (words: Words, i: number): number => Math.min(words.flags[i] & GUARDED ? 2 * EDIT : 3, indel(words, i));

let matrix = new Int32Array(0);

/**
 * Every place in page words [from, to) (one block: no BREAK inside) where `quote` aligns at a cost
 * of at most `cap`: the local minima of the cost over the place's last word, each with its
 * alignment.
 */
export function alignments(quote: Words, page: Words, from: number, to: number, cap: number, nameOfQuote?: (p: number) => boolean): Alignment[] {
  const n = quote.count;
  const m = to - from;
  const cols = m + 1;
  if (matrix.length < (n + 1) * cols) matrix = new Int32Array((n + 1) * cols * 2);
  const d = matrix;
  const lead = new Int32Array(n + 1);
  const trail = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) lead[i] = lead[i - 1] + cut(quote, i - 1);
  for (let i = n - 1; i >= 0; i--) trail[i] = trail[i + 1] + cut(quote, i);
  for (let i = 0; i <= n; i++) d[i * cols] = lead[i];
  for (let j = 1; j <= m; j++) {
    const p = from + j - 1;
    d[j] = 0;
    // A word of a name the quote names ("Joe" in "President Joe Biden") costs what a title does.
    const insert = nameOfQuote?.(p) ? 1 : indel(page, p);
    for (let i = 1; i <= n; i++) {
      const here = i * cols + j;
      let best = d[here - cols - 1] + substitution(quote, i - 1, page, p);
      const drop = d[here - cols] + indel(quote, i - 1);
      if (drop < best) best = drop;
      const add = d[here - 1] + insert;
      if (add < best) best = add;
      if (lead[i] < best) best = lead[i];
      d[here] = best;
    }
  }
  // The cost of the best match ending at each page word, the quote cut short at its end if cheaper.
  const finals = new Float64Array(m + 2).fill(Infinity);
  const rows = new Int32Array(m + 2);
  for (let j = 1; j <= m; j++) {
    for (let i = 1; i <= n; i++) {
      const value = d[i * cols + j] + trail[i];
      if (value < finals[j]) {
        finals[j] = value;
        rows[j] = i;
      }
    }
  }
  const found: Alignment[] = [];
  for (let j = 1; j <= m; j++) {
    if (finals[j] > cap || finals[j] >= finals[j - 1] || finals[j] > finals[j + 1]) continue;
    const alignment = traceBack(quote, page, from, cols, j, rows[j], finals[j], nameOfQuote);
    if (alignment) found.push(alignment);
  }
  return found;
}

function traceBack(quote: Words, page: Words, from: number, cols: number, column: number, row: number, cost: number, nameOfQuote?: (p: number) => boolean): Alignment | undefined {
  const d = matrix;
  const pairs = new Int32Array(quote.count).fill(-1);
  let i = row;
  let j = column;
  let start = -1;
  let end = -1;
  while (i > 0) {
    const here = i * cols + j;
    const p = from + j - 1;
    if (j > 0 && d[here] === d[here - cols - 1] + substitution(quote, i - 1, page, p)) {
      pairs[i - 1] = p;
      if (end < 0) end = p + 1;
      start = p;
      i--;
      j--;
    } else if (d[here] === d[here - cols] + indel(quote, i - 1)) i--;
    else if (j > 0 && d[here] === d[here - 1] + (nameOfQuote?.(p) ? 1 : indel(page, p))) j--;
    else break;
  }
  return start < 0 ? undefined : { start, end, cost, pairs };
}
