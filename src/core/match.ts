// Finds where each note applies in a page's words: every mention of a name (alias or variant), and
// the passage a TextQuoteSelector names, exactly or as an editor rewrote it. Works on word hashes
// and word indices only, never on the DOM. The rules are stated in docs/anchoring.md.
import type { NoteKind, TextQuoteSelector } from '../model/note.ts';
import { alignments, EDIT, sameWord, type Alignment } from './approx.ts';
import { readWords, type Words } from './page-words.ts';
import { isLetterDigitOrMark, tokenize } from './tokenize.ts';
import { areOpposite, BREAK, DATE, LIGHT, NAME, NEGATION, NUMBER, QUOTED, SENTENCE_START } from './word-classes.ts';

export interface MatchableNote {
  id: string;
  kind: NoteKind;
  aliases?: readonly string[];
  variants?: readonly string[];
  selectors?: readonly TextQuoteSelector[];
}

/** How a placement was found: a name, a quote word for word, or a quote as an editor rewrote it. */
export type MatchHow = 'alias' | 'exact' | 'edited';

export interface WordMatch {
  noteId: string;
  kind: NoteKind;
  /** Index of the first word. */
  first: number;
  /** Index just past the last word. */
  end: number;
  how: MatchHow;
  /** For a quote: which of the note's selectors. */
  selector?: number;
}

/** Why a quote found no place. */
export type OrphanReason =
  | 'removed'
  | 'too-different'
  | 'number'
  | 'date'
  | 'name'
  | 'negation'
  | 'quoted'
  | 'opposite'
  | 'negation-before'
  | 'number-before'
  | 'date-before'
  | 'context';

export interface QuoteOutcome {
  noteId: string;
  selector: number;
  how?: 'exact' | 'edited';
  reason?: OrphanReason;
  /** The place chosen, or (orphaned) the nearest one rejected: page word indices. */
  first?: number;
  end?: number;
}

export interface Alias {
  noteIndex: number;
  noteId: string;
  kind: NoteKind;
  words: Words;
  /** Symbols (not prose punctuation) before, between and after its words: "Disney+" is not "Disney". */
  symbols: string[] | undefined;
}

export interface Quote {
  noteId: string;
  kind: NoteKind;
  selector: number;
  exact: Words;
  prefix: Words;
  suffix: Words;
  /** Note of the name each quote word belongs to (-1: none): whom the quote names. */
  namedBy: Int32Array;
  names: Set<number>;
}

/** How many words of a selector's prefix and suffix are compared. */
const CONTEXT_WORDS = 8;
/** Quotes this short anchor only where their prefix and suffix agree. */
const SHORT_QUOTE = 2;
/** Words of the page before a match (same sentence) looked at for an inserted negation… */
const NEGATION_BEFORE = 8;
/** …and for an inserted number or date. */
const NUMBER_BEFORE = 4;
/** Page words in a row inside a match that are not the quote's: more is someone else's sentence. */
const MAX_FOREIGN_RUN = 3;

/** The notes' names and quotes read one way: as written (with merges, capitals) or by hash alone. */
export interface Form {
  aliasesByFirstWord: Map<number, Alias[]>;
  quotes: Quote[];
}

export interface CompiledNotes {
  /** Read as written: for pages whose text is given (made on first use, like `hashed`). */
  written: () => Form;
  /** Read by hash alone, as the tokenizer reads them: for word hashes without text. */
  hashed: () => Form;
  /** Hashes of capitalised words of the notes' names. */
  names: Set<number>;
}

/** Prose punctuation and invisible characters: not symbols that make a different name. */
const PROSE = new Set('.,;:!?\'"‘’“”„«»‹›()[]{}-‐‑‒–—―/…·•\u00ad\u034f\u200b\u200c\u200d\u2060\ufeff'.split('').map((c) => c.charCodeAt(0)));

/** Letters and digits of any script (ASCII by its code, the rest by a regular expression: rare). */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isLetterDigitOrMark(String.fromCharCode(code));
}

const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x3000;

/** The symbol characters of text[from, to) (not letters, digits, spaces or prose punctuation): "Disney+" is not "Disney". */
function symbolsIn(text: string, from = 0, to = text.length): string {
  let symbols = '';
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isSpace(code) && !PROSE.has(code) && !isWordChar(code)) symbols += text[i];
  }
  return symbols;
}

/** Symbols right before `start` and right after `end` in `text`, up to a space or a letter. */
function symbolsAround(text: string, start: number, end: number): [string, string] {
  let from = start;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1)) && !isWordChar(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isSpace(text.charCodeAt(to)) && !isWordChar(text.charCodeAt(to))) to++;
  return [symbolsIn(text, from, start), symbolsIn(text, end, to)];
}

function symbolsOf(text: string, words: Words, starts: ArrayLike<number>, ends: ArrayLike<number>): string[] {
  const symbols: string[] = [];
  for (let k = 0; k <= words.count; k++) {
    const from = k === 0 ? 0 : ends[words.last[k - 1]];
    const to = k === words.count ? text.length : starts[words.first[k]];
    symbols.push(symbolsIn(text, from, to));
  }
  return symbols;
}

function sliceWords(words: Words, from: number, to: number): Words {
  from = Math.max(0, from);
  to = Math.min(words.count, to);
  return {
    count: Math.max(0, to - from),
    hash: words.hash.subarray(from, to),
    skeleton: words.skeleton.subarray(from, to),
    base: words.base.subarray(from, to),
    flags: words.flags.subarray(from, to),
    first: words.first.subarray(from, to),
    last: words.last.subarray(from, to),
  };
}

function compileForm(notes: readonly MatchableNote[], names: Set<number>, written: boolean): Form {
  const read = (text: string, startsSentence = true): { words: Words; tokens: ReturnType<typeof tokenize> } => {
    const tokens = tokenize(text);
    return { words: readWords(written ? { text, ...tokens } : tokens, undefined, names, startsSentence), tokens };
  };
  const aliasesByFirstWord = new Map<number, Alias[]>();
  notes.forEach((note, noteIndex) => {
    for (const alias of [...(note.aliases ?? []), ...(note.variants ?? [])]) {
      const { words, tokens } = read(alias);
      if (words.count === 0) continue;
      const list = aliasesByFirstWord.get(words.hash[0]) ?? [];
      list.push({ noteIndex, noteId: note.id, kind: note.kind, words, symbols: symbolsOf(alias, words, tokens.starts, tokens.ends) });
      aliasesByFirstWord.set(words.hash[0], list);
    }
  });
  for (const list of aliasesByFirstWord.values()) list.sort((a, b) => b.words.count - a.words.count);
  const form: Form = { aliasesByFirstWord, quotes: [] };
  for (const note of notes) {
    (note.selectors ?? []).forEach((selector, index) => {
      const prefix = selector.prefix ?? '';
      const { words: exact, tokens } = read(selector.exact, prefix.trim() === '' || /[.!?:]\s*$/.test(prefix));
      markQuoted(selector.exact, exact, tokens.starts);
      const prefixWords = read(prefix).words;
      const suffixWords = read(selector.suffix ?? '', false).words;
      const namedBy = new Int32Array(exact.count).fill(-1);
      for (const mention of mentions(exact, form, undefined)) namedBy.fill(mention.noteIndex, mention.start, mention.end);
      form.quotes.push({
        noteId: note.id,
        kind: note.kind,
        selector: index,
        exact,
        prefix: sliceWords(prefixWords, prefixWords.count - CONTEXT_WORDS, prefixWords.count),
        suffix: sliceWords(suffixWords, 0, CONTEXT_WORDS),
        namedBy,
        names: new Set([...namedBy].filter((noteIndex) => noteIndex >= 0)),
      });
    });
  }
  return form;
}

/** Words the quote itself quotes (between quotation marks: “failed”) are the speaker's: never edited. */
function markQuoted(text: string, words: Words, starts: ArrayLike<number>): void {
  for (const quoted of text.matchAll(/[“"«]([^”"»]+)[”"»]/g)) {
    const from = quoted.index;
    const to = from + quoted[0].length;
    for (let k = 0; k < words.count; k++) if (starts[words.first[k]] > from && starts[words.first[k]] < to) words.flags[k] |= QUOTED;
  }
}

/** What the build read of a pack's notes (notes-codec.ts): the names' hashes and the form as written. */
export interface PrecompiledNotes {
  names: Set<number>;
  written: Form;
}

/** `precompiled`: the same notes as the build read them, so that a page does not read them again. */
export function compileNotes(notes: readonly MatchableNote[], precompiled?: PrecompiledNotes): CompiledNotes {
  if (precompiled) {
    let hashed: Form | undefined;
    const { names, written } = precompiled;
    return { written: () => written, hashed: () => (hashed ??= compileForm(notes, names, false)), names };
  }
  const names = new Set<number>();
  for (const note of notes) {
    for (const name of [...(note.aliases ?? []), ...(note.variants ?? [])]) {
      const tokens = tokenize(name);
      tokens.hashes.forEach((hash, i) => {
        const first = name[tokens.starts[i]];
        if (first !== first.toLowerCase()) names.add(hash);
      });
    }
  }
  let written: Form | undefined;
  let hashed: Form | undefined;
  return {
    written: () => (written ??= compileForm(notes, names, true)),
    hashed: () => (hashed ??= compileForm(notes, names, false)),
    names,
  };
}

/** The tokenizer's words that `words` [start, end) span (a date read "February 17" from "17 February" included). */
function spanOf(words: Words, start: number, end: number): { first: number; end: number } {
  let first = words.first[start];
  let last = words.last[end - 1];
  for (let k = start; k < end; k++) {
    first = Math.min(first, words.first[k]);
    last = Math.max(last, words.last[k]);
  }
  return { first, end: last + 1 };
}

interface Mention {
  noteIndex: number;
  alias: Alias;
  start: number;
  end: number;
}

interface PageText {
  text: string;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

/** Every name mention in `words`, longest first, never overlapping; with the page's text, only where the symbols agree. */
function mentions(words: Words, notes: Form, page: PageText | undefined): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < words.count; i++) {
    const candidates = notes.aliasesByFirstWord.get(words.hash[i]);
    if (!candidates) continue;
    const alias = candidates.find((candidate) => {
      const length = candidate.words.count;
      if (i + length > words.count) return false;
      for (let k = 0; k < length; k++) {
        if (words.hash[i + k] !== candidate.words.hash[k] || (k > 0 && words.flags[i + k] & BREAK)) return false;
      }
      return !page || !candidate.symbols || symbolsAgree(page, words, i, length, candidate.symbols);
    });
    if (!alias) continue;
    found.push({ noteIndex: alias.noteIndex, alias, start: i, end: i + alias.words.count });
    i += alias.words.count - 1;
  }
  return found;
}

function symbolsAgree({ text, starts, ends }: PageText, words: Words, at: number, length: number, expected: readonly string[]): boolean {
  const [before, after] = symbolsAround(text, starts[words.first[at]], ends[words.last[at + length - 1]]);
  if (before !== expected[0] || after !== expected[length]) return false;
  for (let k = 1; k < length; k++) {
    if (symbolsIn(text, ends[words.last[at + k - 1]], starts[words.first[at + k]]) !== expected[k]) return false;
  }
  return true;
}

let previousRow = new Uint8Array(32);
let currentRow = new Uint8Array(32);

/** Longest common subsequence of `context` and page words [from, to), same or respelt words. */
function agreement(context: Words, page: Words, from: number, to: number): number {
  from = Math.max(0, from);
  to = Math.min(page.count, to);
  if (context.count === 0 || to <= from) return 0;
  const width = to - from + 1;
  if (previousRow.length < width) {
    previousRow = new Uint8Array(width * 2);
    currentRow = new Uint8Array(width * 2);
  }
  previousRow.fill(0, 0, width);
  for (let i = 0; i < context.count; i++) {
    currentRow[0] = 0;
    for (let j = from; j < to; j++) {
      const col = j - from + 1;
      currentRow[col] = sameWord(context, i, page, j) ? previousRow[col - 1] + 1 : Math.max(previousRow[col], currentRow[col - 1]);
    }
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return previousRow[width - 1];
}

interface Candidate extends Alignment {
  prefixAgrees: number;
  suffixAgrees: number;
  /** Lower is better: the edits, less the context words that agree. */
  score: number;
}

interface Page {
  words: Words;
  /** Per page word of the tokenizer: part of the article's own text (its shingle runs). */
  allowed: ArrayLike<number>;
  /** Per page word (of `words`): the note whose name it is part of, or -1. */
  namedBy: Int32Array;
  approximate: boolean;
  /** Where each quote's first word occurs. */
  quoteStarts: Map<number, number[]>;
  /** Where each word (hash) and each spelling skeleton occurs: made on first use (an edited quote). */
  index: () => { positions: Map<number, number[]>; skeletons: Map<number, number[]> };
  /** Block (paragraph) of each word, and where each block starts (one more entry: the end). */
  blockOf: Int32Array;
  blockStart: number[];
}

function exactAlignments(quote: Quote, page: Page): Alignment[] {
  const { words } = page;
  const found: Alignment[] = [];
  const n = quote.exact.count;
  outer: for (const at of page.quoteStarts.get(quote.exact.hash[0]) ?? []) {
    if (at + n > words.count) continue;
    for (let k = 1; k < n; k++) {
      if (words.hash[at + k] !== quote.exact.hash[k] || words.flags[at + k] & BREAK) continue outer;
    }
    found.push({ start: at, end: at + n, cost: 0, pairs: Int32Array.from({ length: n }, (_, k) => at + k) });
  }
  return found;
}

function approximateAlignments(quote: Quote, page: Page): Alignment[] {
  const { words } = page;
  const nameOfQuote = (p: number) => quote.names.has(page.namedBy[p]);
  const n = quote.exact.count;
  const cap = 2 * EDIT * Math.ceil(n / 2) + EDIT;
  // Where the quote's words that carry meaning are (as written or respelt), block by block: a block
  // holding under half of them cannot hold the quote, and within one, only the stretch around them.
  const { positions, skeletons } = page.index();
  const seen: number[] = [];
  let needed = 0;
  for (let i = 0; i < n; i++) {
    if (quote.exact.flags[i] & LIGHT) continue;
    needed++;
    seen.push(...(positions.get(quote.exact.hash[i]) ?? []));
    if (quote.exact.skeleton[i] !== 0) seen.push(...(skeletons.get(quote.exact.skeleton[i]) ?? []));
  }
  needed = Math.max(1, Math.ceil(needed / 2));
  seen.sort((a, b) => a - b);
  const found: Alignment[] = [];
  for (let k = 0; k < seen.length; ) {
    const block = page.blockOf[seen[k]];
    let count = 0;
    let last = -1;
    const first = seen[k];
    for (; k < seen.length && page.blockOf[seen[k]] === block; k++) {
      if (seen[k] !== last) count++;
      last = seen[k];
    }
    if (count < needed) continue;
    const from = Math.max(page.blockStart[block], first - n);
    const to = Math.min(page.blockStart[block + 1], last + n + 1);
    found.push(...alignments(quote.exact, words, from, to, cap, nameOfQuote));
  }
  return found;
}

function scored(quote: Quote, words: Words, alignment: Alignment): Candidate {
  const prefixAgrees = agreement(quote.prefix, words, alignment.start - quote.prefix.count - 2, alignment.start);
  const suffixAgrees = agreement(quote.suffix, words, alignment.end, alignment.end + quote.suffix.count + 2);
  return { ...alignment, prefixAgrees, suffixAgrees, score: alignment.cost - prefixAgrees - suffixAgrees };
}

/**
 * Why `candidate` may not carry the quote's note, or undefined when it may (docs/anchoring.md has
 * the table). The rules, in order: the quote's negations, quoted words, numbers and dates are all
 * there as written; its names are there (or respelt, or the same person under another of their
 * names), not replaced; no word gained or lost a negating prefix or became its opposite; the page
 * added no negation, number, date or other name inside it, and no run of more than MAX_FOREIGN_RUN
 * words; no negation, number or date of the page's own stands just before it in the same sentence,
 * nor in place of words cut off either end; a one- or two-word quote has every word and its context;
 * the edits are few enough for its length (context that agrees allows more) and two thirds of its
 * words are there.
 */
function rejection(quote: Quote, page: Page, candidate: Candidate): OrphanReason | undefined {
  const { words } = page;
  const q = quote.exact;
  const n = q.count;
  const pairedTo = new Int32Array(candidate.end - candidate.start).fill(-1);
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const p = candidate.pairs[i];
    if (p >= 0) pairedTo[p - candidate.start] = i;
    if (p >= 0 && sameWord(q, i, words, p)) matched++;
  }
  const mentioned = (noteIndex: number): boolean => {
    for (let p = candidate.start; p < candidate.end; p++) if (page.namedBy[p] === noteIndex) return true;
    return false;
  };
  // The quote's own numbers, dates, negations and names.
  for (let i = 0; i < n; i++) {
    const p = candidate.pairs[i];
    const flags = q.flags[i];
    const same = p >= 0 && words.hash[p] === q.hash[i];
    if (flags & NEGATION && !same) return 'negation';
    if (flags & QUOTED && !same) return 'quoted';
    if (flags & NUMBER && !same) return 'number';
    if (flags & DATE && !same) return 'date';
    // A name may be dropped where the person is still named ("Vladimir Putin" → "Putin"), not replaced.
    const kept = p >= 0 ? sameWord(q, i, words, p) || (quote.namedBy[i] >= 0 && page.namedBy[p] === quote.namedBy[i]) : quote.namedBy[i] >= 0 && mentioned(quote.namedBy[i]);
    if (flags & NAME && !kept) return 'name';
    // "unconditional" → "conditional", "likely" → "unlikely", "increasing" → "declining".
    if (p >= 0 && !same && ((q.base[i] !== 0 && q.base[i] === words.hash[p]) || (words.base[p] !== 0 && words.base[p] === q.hash[i]))) return 'negation';
    if (p >= 0 && !same && areOpposite(q.hash[i], words.hash[p])) return 'opposite';
  }
  // What the page has inside the match that the quote does not.
  let foreignRun = 0;
  for (let p = candidate.start; p < candidate.end; p++) {
    const i = pairedTo[p - candidate.start];
    const flags = words.flags[p];
    const same = i >= 0 && words.hash[p] === q.hash[i];
    if (!same && flags & NEGATION) return 'negation';
    if (!same && flags & NUMBER) return 'number';
    if (!same && flags & DATE) return 'date';
    const respelt = i >= 0 && sameWord(q, i, words, p);
    if (!respelt && flags & NAME && !quote.names.has(page.namedBy[p])) return 'name';
    foreignRun = respelt ? 0 : foreignRun + 1;
    if (foreignRun > MAX_FOREIGN_RUN) return 'too-different';
  }
  // A negation, number or date of the page's own just before it, in the same sentence.
  for (let p = candidate.start - 1; p >= Math.max(0, candidate.start - NEGATION_BEFORE); p--) {
    if (words.flags[p + 1] & (SENTENCE_START | BREAK)) break;
    const flags = words.flags[p];
    const near = candidate.start - p <= NUMBER_BEFORE;
    if (!(flags & NEGATION || (near && flags & (NUMBER | DATE))) || page.allowed[words.first[p]]) continue;
    if (quote.prefix.hash.includes(words.hash[p])) continue;
    return flags & NEGATION ? 'negation-before' : flags & NUMBER ? 'number-before' : 'date-before';
  }
  // Where the quote was cut short, what the page has in place of the words cut off.
  const cutWords = new Set<number>();
  let cut = 0;
  while (cut < n && candidate.pairs[n - 1 - cut] < 0) cutWords.add(q.hash[n - 1 - cut++]);
  for (let p = candidate.end; cut > 0 && p < Math.min(words.count, candidate.end + cut + 1); p++) {
    if (words.flags[p] & (SENTENCE_START | BREAK)) break;
    const flags = words.flags[p];
    if (opposes(cutWords, words, p)) return 'opposite';
    if (!(flags & (NEGATION | NUMBER | DATE)) || cutWords.has(words.hash[p]) || quote.suffix.hash.includes(words.hash[p])) continue;
    return flags & NEGATION ? 'negation' : flags & NUMBER ? 'number' : 'date';
  }
  cutWords.clear();
  let lead = 0;
  while (lead < n && candidate.pairs[lead] < 0) cutWords.add(q.hash[lead++]);
  for (let p = candidate.start - 1; lead > 0 && p >= Math.max(0, candidate.start - lead - 1); p--) {
    if (words.flags[p + 1] & (SENTENCE_START | BREAK)) break;
    const flags = words.flags[p];
    if (opposes(cutWords, words, p)) return 'opposite';
    if (!(flags & (NEGATION | NUMBER | DATE)) || cutWords.has(words.hash[p]) || quote.prefix.hash.includes(words.hash[p])) continue;
    return flags & NEGATION ? 'negation' : flags & NUMBER ? 'number' : 'date';
  }
  if (n <= SHORT_QUOTE) {
    if (matched < n) return 'too-different';
    // Its context agrees: half the words given on both sides together, and half of one side's own.
    const given = quote.prefix.count + quote.suffix.count;
    const agreeing = candidate.prefixAgrees + candidate.suffixAgrees;
    const half = (side: Words, agrees: number) => side.count > 0 && agrees * 2 >= side.count;
    if (given === 0 || agreeing * 2 < given || !(half(quote.prefix, candidate.prefixAgrees) || half(quote.suffix, candidate.suffixAgrees))) return 'context';
  }
  const context = Math.min(candidate.prefixAgrees + candidate.suffixAgrees, Math.floor(0.6 * n));
  if (candidate.cost > n + context || matched * 3 < n * 2) return 'too-different';
  return undefined;
}

/** Page word p is the opposite of one of `cut` (or it with a negating prefix, or without). */
function opposes(cut: ReadonlySet<number>, words: Words, p: number): boolean {
  for (const hash of cut) if (areOpposite(hash, words.hash[p]) || (words.base[p] !== 0 && words.base[p] === hash)) return true;
  return false;
}

function findQuote(quote: Quote, page: Page): QuoteOutcome {
  const outcome: QuoteOutcome = { noteId: quote.noteId, selector: quote.selector };
  if (quote.exact.count === 0) return { ...outcome, reason: 'removed' };
  const best = (alignments: Alignment[]): Candidate | undefined => {
    // Context can lower a score by at most its word count: costlier places cannot win.
    const least = alignments.reduce((min, alignment) => Math.min(min, alignment.cost), Infinity);
    let top: Candidate | undefined;
    for (const alignment of alignments) {
      if (alignment.cost > least + quote.prefix.count + quote.suffix.count) continue;
      const candidate = scored(quote, page.words, alignment);
      if (!top || candidate.score < top.score) top = candidate;
    }
    return top;
  };
  let chosen = best(exactAlignments(quote, page));
  let reason = chosen && rejection(quote, page, chosen);
  if ((!chosen || reason) && page.approximate) {
    const near = best(approximateAlignments(quote, page));
    if (near && (!chosen || near.score < chosen.score)) {
      chosen = near;
      reason = rejection(quote, page, near);
    }
  }
  if (!chosen) return { ...outcome, reason: 'removed' };
  const where = spanOf(page.words, chosen.start, chosen.end);
  return reason ? { ...outcome, ...where, reason } : { ...outcome, ...where, how: chosen.cost === 0 ? 'exact' : 'edited' };
}

export interface MatchInput {
  /** The tokenizer's word hashes of the page. */
  hashes: ArrayLike<number>;
  /** Words of the article's own text (article-words.ts), per word. */
  allowed: ArrayLike<number>;
  /**
   * The page's text and each word's offsets. With them, the article's text is every block
   * (paragraph) that holds words of its own, quotes may be matched with edits, and names only where
   * their symbols agree; without them, only the words in `allowed` are the article's, and quotes
   * are matched word for word.
   */
  page?: PageText;
}

export interface MatchResult {
  matches: WordMatch[];
  quotes: QuoteOutcome[];
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Share of a block's words that must be the article's own (shingle runs) for the block to be the
 * article's text: a machine-translated paragraph keeps over a third; a comment quoting one sentence
 * of the article among its own words, under that.
 */
const ARTICLE_BLOCK_SHARE = 0.3;

/** Page word indices that are the article's text: whole blocks holding enough of its own words, and its own words anywhere. */
function articleText(input: MatchInput): number[] {
  const { hashes, allowed, page } = input;
  const inArticle: number[] = [];
  if (!page) {
    for (let i = 0; i < hashes.length; i++) if (allowed[i]) inArticle.push(i);
    return inArticle;
  }
  let blockStart = 0;
  let own = 0;
  for (let i = 0; i <= hashes.length; i++) {
    const newBlock = i === hashes.length || (i > 0 && hasNewline(page.text, page.ends[i - 1], page.starts[i]));
    if (newBlock) {
      // A block that is mostly the article's own words is its text, edited or not; in any other, the
      // article's own words still are (as before edits were matched: a page in one big block).
      const whole = own >= ARTICLE_BLOCK_SHARE * (i - blockStart);
      for (let j = blockStart; j < i; j++) if (whole || allowed[j]) inArticle.push(j);
      blockStart = i;
      own = 0;
    }
    if (i < hashes.length && allowed[i]) own++;
  }
  return inArticle;
}

/**
 * Every name mention (longest name first, mentions never overlapping) and every quote, in the
 * article's text on the page, with how each quote fared. No page word that is not the article's
 * sits inside a name or an exact quote; inside an edited quote, only as an edit the score pays for
 * and the meaning guards allow (see `rejection`).
 */
export function matchPage(input: MatchInput, notes: CompiledNotes): MatchResult {
  const inArticle = articleText(input);
  const form = input.page ? notes.written() : notes.hashed();
  const words = readWords({ hashes: input.hashes, ...input.page }, inArticle, notes.names, false);
  const namedBy = new Int32Array(words.count).fill(-1);
  const matches: WordMatch[] = [];
  for (const mention of mentions(words, form, input.page)) {
    namedBy.fill(mention.noteIndex, mention.start, mention.end);
    const { noteId, kind } = mention.alias;
    matches.push({ noteId, kind, ...spanOf(words, mention.start, mention.end), how: 'alias' });
  }
  const blockOf = new Int32Array(words.count);
  const blockStart: number[] = [];
  const quoteStarts = new Map<number, number[]>(form.quotes.map((quote) => [quote.exact.hash[0], []]));
  for (let i = 0; i < words.count; i++) {
    if (i === 0 || words.flags[i] & BREAK) blockStart.push(i);
    blockOf[i] = blockStart.length - 1;
    quoteStarts.get(words.hash[i])?.push(i);
  }
  blockStart.push(words.count);
  let index: ReturnType<Page['index']> | undefined;
  const makeIndex = () => {
    const positions = new Map<number, number[]>();
    const skeletons = new Map<number, number[]>();
    const add = (map: Map<number, number[]>, key: number, at: number) => {
      const list = map.get(key);
      if (list) list.push(at);
      else map.set(key, [at]);
    };
    for (let i = 0; i < words.count; i++) {
      add(positions, words.hash[i], i);
      if (words.skeleton[i] !== 0) add(skeletons, words.skeleton[i], i);
    }
    return { positions, skeletons };
  };
  const page: Page = { words, allowed: input.allowed, namedBy, approximate: input.page !== undefined, quoteStarts, index: () => (index ??= makeIndex()), blockOf, blockStart };
  const quotes = form.quotes.map((quote) => {
    const outcome = findQuote(quote, page);
    if (outcome.how && outcome.first !== undefined && outcome.end !== undefined) {
      matches.push({ noteId: quote.noteId, kind: quote.kind, first: outcome.first, end: outcome.end, how: outcome.how, selector: quote.selector });
    }
    return outcome;
  });
  matches.sort((a, b) => a.first - b.first || b.end - a.end);
  return { matches, quotes };
}

/** matchPage's placements, sorted by position (words outside `allowed` are not the article's; quotes word for word). */
export function findMatches(words: ArrayLike<number>, allowed: ArrayLike<number>, notes: CompiledNotes): WordMatch[] {
  return matchPage({ hashes: words, allowed }, notes).matches;
}
