// The words matching compares: the tokenizer's words (tokenize.ts), read the way an editor may
// have rewritten them. "U.S." is "US", "20,000" one number, "17th" is "17", "Feb." is "February",
// "17 February" is "February 17"; each word also carries its classes (word-classes.ts) and its
// spelling skeleton. Notes' names and quotes go through the same function as the page.
import { wordHashes, type Tokens } from './tokenize.ts';
import { BREAK, classOfHash, DATE, isMonth, LIGHT, MAY_HASH, MONTH_ABBREVIATIONS, NAME, NEGATION, NUMBER, SENTENCE_START, skeleton, T_HASH, TITLE } from './word-classes.ts';

export interface Words {
  count: number;
  hash: Uint32Array;
  /** Spelling skeleton (word-classes.ts), 0 when too short to tell. */
  skeleton: Uint32Array;
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
const SENTENCE_GAP = /[.!?;:]["'”’»)\]]*\s|\n/;
/** A word right after an opening quotation mark or bracket starts a phrase: its capital is no name. */
const PHRASE_GAP = /[“"«‘([]\s*$/;
const THOUSANDS_GAP = /^[,\u00a0\u2009\u202f]$/;
const ORDINAL = /^(\d+)(st|nd|rd|th)$/i;
/** Numbers that can be a day of the month. */
const DAYS = new Set(wordHashes(Array.from({ length: 31 }, (_, day) => day + 1).join(' ')));

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
    flags: new Uint16Array(total),
    first: new Uint32Array(total),
    last: new Uint32Array(total),
  };
  const { text, starts, ends } = source;
  const at = (k: number): number => (include ? include[k] : k);
  const wordText = (i: number): string => (text && starts && ends ? text.slice(starts[i], ends[i]).replace(INVISIBLE, '') : '');
  const gapBefore = (i: number): string => (text && starts && ends && i > 0 ? text.slice(ends[i - 1], starts[i]) : '');
  let previous = -2;
  for (let k = 0; k < total; k++) {
    const i = at(k);
    let hash = source.hashes[i];
    let last = i;
    let flags = classOfHash(hash);
    const gap = gapBefore(i);
    if (i !== previous + 1 || gap.includes('\n')) flags |= BREAK;
    if (i === 0 ? firstStartsSentence : text ? SENTENCE_GAP.test(gap) : k === 0) flags |= SENTENCE_START;
    let skel = 0;
    if (text) {
      let word = wordText(i);
      const next = (j: number) => k + (j - i) < total && at(k + (j - i)) === j && !gapBefore(j).includes('\n');
      if (word.length === 1 && /\p{L}/u.test(word) && next(i + 1) && gapBefore(i + 1) === '.' && wordText(i + 1).length === 1) {
        // "U.S.", "U.K.": letters with dots are one word.
        while (next(last + 1) && gapBefore(last + 1) === '.' && wordText(last + 1).length === 1) word += wordText(++last);
        hash = wordHashes(word)[0];
      } else if (/^\d+$/.test(word)) {
        while (next(last + 1) && THOUSANDS_GAP.test(gapBefore(last + 1)) && /^\d{3}$/.test(wordText(last + 1))) word += wordText(++last);
        if (last > i) hash = wordHashes(word)[0];
      } else if (ORDINAL.test(word)) {
        word = word.replace(ORDINAL, '$1');
        hash = wordHashes(word)[0];
      } else if (MONTH_ABBREVIATIONS.has(hash) && (text[ends?.[i] ?? 0] === '.' || (next(i + 1) && /^\d{1,2}$/.test(wordText(i + 1))))) {
        hash = MONTH_ABBREVIATIONS.get(hash) ?? hash;
      }
      flags |= classOfHash(hash);
      const capital = word.length > 0 && word[0] !== word[0].toLowerCase();
      if (/^\d/.test(word)) flags |= NUMBER;
      if (hash === MAY_HASH && capital) flags |= DATE;
      if (hash === T_HASH && !/['’]$/.test(gap)) flags &= ~NEGATION;
      const plain = !(flags & (TITLE | LIGHT | DATE | NUMBER | NEGATION));
      const initial = flags & SENTENCE_START || PHRASE_GAP.test(gap);
      if (capital && plain && (!initial || names?.has(hash))) flags |= NAME;
      skel = skeleton(word);
    }
    const n = out.count++;
    out.hash[n] = hash;
    out.skeleton[n] = skel;
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
  for (const array of [words.hash, words.skeleton, words.first, words.last]) [array[a], array[b]] = [array[b], array[a]];
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
