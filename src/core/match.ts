// Finds where each note applies in a page's words: every mention of an alias, and the passage a
// TextQuoteSelector names. Works on word hashes and word indices only, never on the DOM.
import type { NoteKind, TextQuoteSelector } from '../model/note.ts';
import { wordHashes } from './tokenize.ts';

export interface MatchableNote {
  id: string;
  kind: NoteKind;
  aliases?: readonly string[];
  variants?: readonly string[];
  selectors?: readonly TextQuoteSelector[];
}

export interface WordMatch {
  noteId: string;
  kind: NoteKind;
  /** Index of the first word. */
  first: number;
  /** Index just past the last word. */
  end: number;
}

interface Alias {
  noteId: string;
  kind: NoteKind;
  words: number[];
}

interface Quote {
  noteId: string;
  kind: NoteKind;
  exact: number[];
  prefix: number[];
  suffix: number[];
}

/** How many words of a selector's prefix and suffix are compared to tell repeated quotes apart. */
const CONTEXT_WORDS = 8;

export interface CompiledNotes {
  aliasesByFirstWord: Map<number, Alias[]>;
  quotes: Quote[];
}

export function compileNotes(notes: readonly MatchableNote[]): CompiledNotes {
  const aliasesByFirstWord = new Map<number, Alias[]>();
  const quotes: Quote[] = [];
  for (const note of notes) {
    for (const alias of [...(note.aliases ?? []), ...(note.variants ?? [])]) {
      const words = wordHashes(alias);
      if (words.length === 0) continue;
      const list = aliasesByFirstWord.get(words[0]) ?? [];
      list.push({ noteId: note.id, kind: note.kind, words });
      aliasesByFirstWord.set(words[0], list);
    }
    for (const selector of note.selectors ?? []) {
      quotes.push({
        noteId: note.id,
        kind: note.kind,
        exact: wordHashes(selector.exact),
        prefix: wordHashes(selector.prefix ?? '').slice(-CONTEXT_WORDS),
        suffix: wordHashes(selector.suffix ?? '').slice(0, CONTEXT_WORDS),
      });
    }
  }
  for (const list of aliasesByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { aliasesByFirstWord, quotes };
}

function wordsEqualAt(words: ArrayLike<number>, at: number, expected: readonly number[]): boolean {
  if (at < 0 || at + expected.length > words.length) return false;
  for (let k = 0; k < expected.length; k++) {
    if (words[at + k] !== expected[k]) return false;
  }
  return true;
}

function contextScore(words: ArrayLike<number>, quote: Quote, at: number): number {
  let score = 0;
  for (let k = 1; k <= quote.prefix.length && words[at - k] === quote.prefix[quote.prefix.length - k]; k++) score++;
  const after = at + quote.exact.length;
  for (let k = 0; k < quote.suffix.length && words[after + k] === quote.suffix[k]; k++) score++;
  return score;
}

/** Where `quote` occurs in `words` (as `occursAt` says), the occurrence whose context matches best. */
function findQuote(words: ArrayLike<number>, quote: Quote, occursAt: (at: number, expected: readonly number[]) => boolean): number {
  let best = -1;
  let bestScore = -1;
  if (quote.exact.length === 0) return best;
  for (let at = 0; at + quote.exact.length <= words.length; at++) {
    if (words[at] !== quote.exact[0] || !occursAt(at, quote.exact)) continue;
    const score = contextScore(words, quote, at);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Every alias mention (longest alias first, mentions never overlap) and every quote, among the
 * words marked in `allowed` (the article's own text). Words outside the article between two
 * mentions, such as an ad between paragraphs, are skipped over; a mention or quote with such a word
 * inside it is not matched, so that no note covers words the article does not have. Sorted by
 * position.
 */
export function findMatches(words: ArrayLike<number>, allowed: ArrayLike<number>, notes: CompiledNotes): WordMatch[] {
  const positions: number[] = [];
  for (let i = 0; i < words.length; i++) if (allowed[i]) positions.push(i);
  const article = Uint32Array.from(positions, (position) => words[position]);
  const matches: WordMatch[] = [];
  /** `expected` at `at` among the article's words, with none of the page's in between. */
  const occursAt = (at: number, expected: readonly number[]) =>
    wordsEqualAt(article, at, expected) && positions[at + expected.length - 1] - positions[at] === expected.length - 1;
  const add = (noteId: string, kind: NoteKind, first: number, length: number) =>
    matches.push({ noteId, kind, first: positions[first], end: positions[first + length - 1] + 1 });
  for (let i = 0; i < article.length; i++) {
    const candidates = notes.aliasesByFirstWord.get(article[i]);
    const alias = candidates?.find((candidate) => occursAt(i, candidate.words));
    if (!alias) continue;
    add(alias.noteId, alias.kind, i, alias.words.length);
    i += alias.words.length - 1;
  }
  for (const quote of notes.quotes) {
    const at = findQuote(article, quote, occursAt);
    if (at >= 0) add(quote.noteId, quote.kind, at, quote.exact.length);
  }
  return matches.sort((a, b) => a.first - b.first || b.end - a.end);
}
