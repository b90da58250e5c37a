// The words matching compares: the tokenizer's words (tokenize.ts), read the way an editor may
// have rewritten them. "U.S." is "US", "20,000" one number, "17th" is "17", "Feb." is "February",
// "17 February" is "February 17"; each word also carries its classes (word-classes.ts) and its
// spelling skeleton. Notes' names and quotes go through the same function as the page.
import { wordHashes, type Tokens } from './tokenize.ts';
import { BREAK, classOfHash, DATE, isMonth, LIGHT, MAY_HASH, MONTH_ABBREVIATIONS, NAME, NEGATION, NUMBER, SENTENCE_START, skeleton, T_HASH, TITLE, withoutNegativePrefix } from './word-classes.ts';

export interface Words {
  count: number;
  hash: Uint32Array;
  /** Spelling skeleton (word-classes.ts), 0 when too short to tell. */
  skeleton: Uint32Array;
  /** The word's hash without a negating prefix ("unconditional" → "conditional"), else 0. */
  base: Uint32Array;
  flags: Uint16Array;
  /** The tokenizer's words each one spans (one, or several merged: "U", "S"). */
  first: Uint32Array;
  last: Uint32Array;
}

export interface WordSource {
  hashes: ArrayLike<number>;
  /** With the text, words are read as written (merges, capitals, numbers); without, by hash only. */
  text?: string;
  starts?: ArrayLike<number>;
  ends?: ArrayLike<number>;
}

const INVISIBLE = /[\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g;
const ORDINAL = /^(\d+)(st|nd|rd|th)$/i;
/** Numbers that can be a day of the month. */
const DAYS = new Set(wordHashes(Array.from({ length: 31 }, (_, day) => day + 1).join(' ')));

// What lies between two words, read in one pass over the (short) gap.
const GAP_NEWLINE = 1;
/** Sentence punctuation (closing quotes may follow it), then a space: a new sentence. */
const GAP_SENTENCE = 2;
/** An opening quotation mark or bracket right before the word: a new phrase. */
const GAP_PHRASE = 4;
/** An apostrophe right before the word ("n't" is "n", "'", "t"). */
const GAP_APOSTROPHE = 8;
/** Exactly "." ("U.S."). */
const GAP_DOT = 16;
/** Exactly a thousands separator (",", a non-breaking or thin space: "20,000"). */
const GAP_THOUSANDS = 32;

function readGap(text: string, from: number, to: number): number {
  if (to - from === 1 && text.charCodeAt(from) === 32) return 0;
  let bits = 0;
  let punctuation = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) bits |= GAP_NEWLINE;
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 58) punctuation = true;
    else if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009) {
      if (punctuation) bits |= GAP_SENTENCE;
    } else if (!(c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb)) punctuation = false;
  }
  if (to > from) {
    const lastChar = text.charCodeAt(to - 1);
    if (lastChar === 0x201c || lastChar === 34 || lastChar === 0xab || lastChar === 0x2018 || lastChar === 40 || lastChar === 91) bits |= GAP_PHRASE;
    if (lastChar === 39 || lastChar === 0x2019) bits |= GAP_APOSTROPHE;
    if (to - from === 1 && lastChar === 46) bits |= GAP_DOT;
    if (to - from === 1 && (lastChar === 44 || lastChar === 0xa0 || lastChar === 0x2009 || lastChar === 0x202f)) bits |= GAP_THOUSANDS;
  }
  return bits;
}

/** Skeletons by word hash: pages repeat their words, and the skeleton is the costly part of reading one. */
const skeletons = new Map<number, number>();

function skeletonOf(hash: number, at: number, word: (at: number) => string): number {
  let skel = skeletons.get(hash);
  if (skel === undefined) {
    if (skeletons.size > 50_000) skeletons.clear();
    skel = skeleton(word(at));
    skeletons.set(hash, skel);
  }
  return skel;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

const NOT_HASH = wordHashes('not')[0];
/** The verb before "n't" as it is written out: "won" → "will", "didn" → "did". */
const CONTRACTED = new Map<number, number>(
  'won will don do doesn does didn did isn is wasn was aren are weren were hasn has haven have hadn had couldn could wouldn would shouldn should mustn must needn need ain is'
    .split(' ')
    .flatMap((word, i, all) => (i % 2 === 0 ? [[wordHashes(word)[0], wordHashes(all[i + 1])[0]] as [number, number]] : [])),
);

const PREFIX_LETTERS: Record<number, true> = { 117: true, 110: true, 105: true, 100: true };
const bases = new Map<number, number>();

function baseOf(hash: number, at: number, word: (at: number) => string): number {
  let base = bases.get(hash);
  if (base === undefined) {
    if (bases.size > 50_000) bases.clear();
    base = withoutNegativePrefix(word(at));
    bases.set(hash, base);
  }
  return base;
}

/**
 * The words of `source` at the indices `include` (in order; all when undefined). `names`: hashes of
 * words that name someone in the notes, so "Putin said" still reads "Putin" as a name.
 */
export function readWords(source: WordSource, include?: ArrayLike<number>, names?: ReadonlySet<number>, firstStartsSentence = true): Words {
  const total = include ? include.length : source.hashes.length;
  const out: Words = {
    count: 0,
    hash: new Uint32Array(total),
    skeleton: new Uint32Array(total),
    base: new Uint32Array(total),
    flags: new Uint16Array(total),
    first: new Uint32Array(total),
    last: new Uint32Array(total),
  };
  const { text, starts, ends } = source;
  const at = (k: number): number => (include ? include[k] : k);
  const rawText = (j: number): string => (text && starts && ends ? text.slice(starts[j], ends[j]) : '');
  const wordText = (j: number): string => rawText(j).replace(INVISIBLE, '');
  const gapBits = (j: number): number => (text && starts && ends && j > 0 ? readGap(text, ends[j - 1], starts[j]) : GAP_NEWLINE);
  let k = 0;
  let i = 0;
  /** Word j follows word j - 1 in the same block, and both are read. */
  const follows = (j: number): boolean => k + (j - i) < total && at(k + (j - i)) === j && !(gapBits(j) & GAP_NEWLINE);
  let previous = -2;
  for (k = 0; k < total; k++) {
    i = at(k);
    let hash = source.hashes[i];
    let last = i;
    let flags = classOfHash(hash);
    let skel = 0;
    let base = 0;
    if (!text || !starts || !ends) {
      if (i !== previous + 1) flags |= BREAK;
      if (i === 0 ? firstStartsSentence : k === 0) flags |= SENTENCE_START;
    } else {
      const gap = gapBits(i);
      if (i !== previous + 1 || gap & GAP_NEWLINE) flags |= BREAK;
      if (i === 0 ? firstStartsSentence : gap & (GAP_SENTENCE | GAP_NEWLINE)) flags |= SENTENCE_START;
      const firstChar = text.charCodeAt(starts[i]);
      const length = ends[i] - starts[i];
      if (length === 1 && !isDigit(firstChar) && follows(i + 1) && gapBits(i + 1) & GAP_DOT && ends[i + 1] - starts[i + 1] === 1) {
        // "U.S.", "U.K.": letters with dots are one word.
        let word = wordText(i);
        while (follows(last + 1) && gapBits(last + 1) & GAP_DOT && ends[last + 1] - starts[last + 1] === 1) word += wordText(++last);
        hash = wordHashes(word)[0];
      } else if (isDigit(firstChar)) {
        let word = wordText(i);
        if (/^\d+$/.test(word)) {
          while (follows(last + 1) && gapBits(last + 1) & GAP_THOUSANDS && /^\d{3}$/.test(wordText(last + 1))) word += wordText(++last);
          if (last > i) hash = wordHashes(word)[0];
        } else if (ORDINAL.test(word)) {
          word = word.replace(ORDINAL, '$1');
          hash = wordHashes(word)[0];
        }
      } else if (MONTH_ABBREVIATIONS.has(hash) && (text[ends[i]] === '.' || (follows(i + 1) && isDigit(text.charCodeAt(starts[i + 1])) && ends[i + 1] - starts[i + 1] <= 2))) {
        hash = MONTH_ABBREVIATIONS.get(hash) ?? hash;
      }
      flags |= classOfHash(hash);
      const first = text[starts[i]];
      const capital = firstChar < 128 ? firstChar >= 65 && firstChar <= 90 : first !== first.toLowerCase();
      if (isDigit(firstChar)) flags |= NUMBER;
      if (hash === MAY_HASH && capital) flags |= DATE;
      if (hash === T_HASH && !(gap & GAP_APOSTROPHE)) flags &= ~NEGATION;
      else if (hash === T_HASH && out.count > 0 && out.last[out.count - 1] + 1 === i) {
        // "won't" reads "will not", "didn't" "did not".
        hash = NOT_HASH;
        const before = out.count - 1;
        out.hash[before] = CONTRACTED.get(out.hash[before]) ?? out.hash[before];
      }
      const plain = !(flags & (TITLE | LIGHT | DATE | NUMBER | NEGATION));
      const initial = flags & SENTENCE_START || gap & GAP_PHRASE;
      if (capital && plain && (!initial || names?.has(hash))) flags |= NAME;
      if (!isDigit(firstChar) && last === i) {
        // A month abbreviation read as its month ("Sept." as "September") is not cached under the
        // month's hash: "September" read later would get the skeleton of "Sept".
        skel = hash === source.hashes[i] ? skeletonOf(hash, i, rawText) : skeleton(rawText(i));
        // u, n, i, d: the first letters of a negating prefix.
        if (length >= 6 && (firstChar | 32) in PREFIX_LETTERS) base = baseOf(hash, i, wordText);
      }
    }
    const n = out.count++;
    out.hash[n] = hash;
    out.skeleton[n] = skel;
    out.base[n] = base;
    out.flags[n] = flags;
    out.first[n] = i;
    out.last[n] = last;
    // "17 February" reads "February 17".
    if (n > 0 && flags & DATE && isMonth(hash) && DAYS.has(out.hash[n - 1]) && !(flags & BREAK) && out.last[n - 1] + 1 === i) {
      swap(out, n - 1, n);
    }
    previous = last;
    k += last - i;
  }
  return out;
}

function swap(words: Words, a: number, b: number): void {
  for (const array of [words.hash, words.skeleton, words.base, words.first, words.last]) [array[a], array[b]] = [array[b], array[a]];
  const keep = BREAK | SENTENCE_START;
  const [flagsA, flagsB] = [words.flags[a], words.flags[b]];
  words.flags[a] = (flagsB & ~keep) | (flagsA & keep);
  words.flags[b] = (flagsA & ~keep) | (flagsB & keep);
}

/** A note's string (name, quote, prefix or suffix) read as the page is. */
export function wordsOfString(text: string, tokenize: (text: string) => Tokens, names?: ReadonlySet<number>, startsSentence = true): Words {
  const tokens = tokenize(text);
  return readWords({ text, hashes: tokens.hashes, starts: tokens.starts, ends: tokens.ends }, undefined, names, startsSentence);
}
