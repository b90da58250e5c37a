// Anchors a W3C TextQuoteSelector (and, as a fallback, a TextPositionSelector) in a pack's article
// by words, the way the extension matches notes on a page (src/core/match.ts): case, punctuation
// and invisible characters do not count.
import { wordHashes } from '../../src/core/tokenize.ts';
import { occurrences, wordAt, type ArticleIndex } from './article-index.ts';
import { nearestText, type NearestText } from './nearest.ts';

export interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** UTF-16 offsets in the article text. */
export interface Span {
  start: number;
  end: number;
}

export type Anchor =
  | { ok: true; /** first word */ first: number; /** just past the last word */ last: number; span: Span; ambiguous: boolean }
  | { ok: false; reason: string; nearest?: NearestText };

/** How many words of prefix and suffix are compared, as in src/core/match.ts. */
const CONTEXT_WORDS = 8;

function contextScore(index: ArticleIndex, at: number, length: number, prefix: number[], suffix: number[]): number {
  let score = 0;
  for (let k = 1; k <= prefix.length && index.hashes[at - k] === prefix[prefix.length - k]; k++) score++;
  for (let k = 0; k < suffix.length && index.hashes[at + length + k] === suffix[k]; k++) score++;
  return score;
}

function anchored(index: ArticleIndex, first: number, length: number, ambiguous: boolean): Anchor {
  const last = first + length;
  return { ok: true, first, last, span: { start: index.starts[first], end: index.ends[last - 1] }, ambiguous };
}

/** The words at a position, if it holds any. */
function atPosition(index: ArticleIndex, position: Span): Anchor {
  const first = wordAt(index, position.start);
  let last = first;
  while (last < index.starts.length && index.starts[last] < position.end) last++;
  if (last === first) return { ok: false, reason: `the position ${position.start}–${position.end} holds no words of the article` };
  return anchored(index, first, last - first, false);
}

/**
 * Where the quote is: the occurrence of `exact` whose surrounding words agree best with prefix and
 * suffix. When several agree equally, the one at `position` (if given and it holds the quote), else
 * the first, marked ambiguous. Without a quote, the words at `position`.
 */
export function anchorQuote(index: ArticleIndex, quote: Quote | undefined, position?: Span): Anchor {
  if (!quote) return position ? atPosition(index, position) : { ok: false, reason: 'it has neither a quote nor a position' };
  const exact = wordHashes(quote.exact);
  if (exact.length === 0) return { ok: false, reason: `the quote "${quote.exact}" has no words` };
  const found = occurrences(index, exact);
  if (found.length === 0) {
    return { ok: false, reason: `the quote "${quote.exact}" does not occur in the article`, nearest: nearestText(index, quote.exact) };
  }
  const prefix = wordHashes(quote.prefix ?? '').slice(-CONTEXT_WORDS);
  const suffix = wordHashes(quote.suffix ?? '').slice(0, CONTEXT_WORDS);
  const scores = found.map((at) => contextScore(index, at, exact.length, prefix, suffix));
  const top = Math.max(...scores);
  const best = found.filter((_, i) => scores[i] === top);
  if (best.length === 1) return anchored(index, best[0], exact.length, false);
  const atWord = position ? wordAt(index, position.start) : -1;
  const chosen = best.find((at) => at === atWord);
  return anchored(index, chosen ?? best[0], exact.length, chosen === undefined);
}

/** The offsets of `exact` itself when the article spells it exactly so, else of its words. */
export function exactSpan(index: ArticleIndex, anchor: Extract<Anchor, { ok: true }>, exact: string): Span {
  const lead = exact.search(/[\p{L}\p{N}]/u);
  const start = anchor.span.start - Math.max(lead, 0);
  if (lead >= 0 && start >= 0 && index.text.startsWith(exact, start)) return { start, end: start + exact.length };
  return anchor.span;
}
