// Splits text into normalised word tokens: the one definition of "the same words" that the
// fingerprint, the gate and the anchoring all share. Works on UTF-16 code units in one pass,
// without allocating strings, because the gate runs it over every page a reader opens.
import { isInvisible } from './invisible.ts';

const UNKNOWN = 0;
const WORD = 1;
const SEPARATOR = 2;
/** Characters that render as nothing (invisible.ts): skipped, inside words and out. */
const INVISIBLE = 3;

const charClass = new Uint8Array(65536);
const lowerCase = new Uint16Array(65536);
/** Made on first need: making a regular expression of Unicode properties took 0.4–5 ms in a new tab, on pages that never hash a word. */
let wordChar: RegExp | undefined;

/** Whether `char` is a letter, digit or mark of any script. */
export const isLetterDigitOrMark = (char: string): boolean => (wordChar ??= /[\p{L}\p{N}\p{M}]/u).test(char);

for (let c = 0; c < 128; c++) {
  const isDigit = c >= 48 && c <= 57;
  const isUpper = c >= 65 && c <= 90;
  const isLower = c >= 97 && c <= 122;
  charClass[c] = isDigit || isUpper || isLower ? WORD : SEPARATOR;
  lowerCase[c] = isUpper ? c + 32 : c;
}

/** Astral characters are classified by code point; only the invisible ones are not word characters. */
const invisibleAstral = new Map<number, boolean>();

function astralKind(high: number, low: number): number {
  const codePoint = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let invisible = invisibleAstral.get(codePoint);
  if (invisible === undefined) {
    invisible = isInvisible(codePoint);
    invisibleAstral.set(codePoint, invisible);
  }
  return invisible ? INVISIBLE : WORD;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function classify(code: number): number {
  let kind = charClass[code];
  if (kind === UNKNOWN) {
    // Surrogates are halves of astral characters (emoji, rare scripts): word characters unless the
    // pair is invisible, which forEachWord checks.
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const char = String.fromCharCode(code);
    kind = isSurrogate ? WORD : isInvisible(code) ? INVISIBLE : isLetterDigitOrMark(char) ? WORD : SEPARATOR;
    charClass[code] = kind;
    const lower = char.toLowerCase();
    lowerCase[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  return kind;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Calls `onWord(hash, start, end)` for every word of `text[from, to)`. `start` and `end` are offsets
 * into `text`; the hash ignores case and invisible characters, so "Musk", "MUSK" and "Mu\u00ADsk"
 * hash alike.
 */
export function forEachWord(
  text: string,
  onWord: (hash: number, start: number, end: number) => void,
  from = 0,
  to = text.length,
): void {
  let hash = FNV_OFFSET;
  let start = -1;
  let lastWordEnd = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? charClass[code] : classify(code);
    if (kind === WORD && isHighSurrogate(code) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1)) && astralKind(code, text.charCodeAt(i + 1)) === INVISIBLE) {
      i++;
      continue;
    }
    if (kind === WORD) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ lowerCase[code], FNV_PRIME);
      lastWordEnd = i + 1;
    } else if (kind === SEPARATOR && start >= 0) {
      onWord(hash >>> 0, start, lastWordEnd);
      start = -1;
    }
  }
  if (start >= 0) onWord(hash >>> 0, start, lastWordEnd);
}

export interface Tokens {
  /** Hash of each word, in order. */
  hashes: Uint32Array;
  /** Offset of each word's first character in the source text. */
  starts: Uint32Array;
  /** Offset just past each word's last visible character. */
  ends: Uint32Array;
}

/** The words of `text`, or only of the given [start, end) spans of it, in order. */
export function tokenize(text: string, spans: ReadonlyArray<readonly [number, number]> = [[0, text.length]]): Tokens {
  const hashes: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const onWord = (hash: number, start: number, end: number) => {
    hashes.push(hash);
    starts.push(start);
    ends.push(end);
  };
  for (const [from, to] of spans) forEachWord(text, onWord, from, to);
  return {
    hashes: Uint32Array.from(hashes),
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
  };
}

export function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  forEachWord(text, (hash) => hashes.push(hash));
  return hashes;
}
