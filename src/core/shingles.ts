// The article's fingerprint: hashes of every run of SHINGLE_SIZE consecutive words. A page carries
// the article when it contains a large enough share of those shingles (containment), whatever
// boilerplate surrounds them.
import { forEachWord } from './tokenize.ts';

export const SHINGLE_SIZE = 5;
/** Share of the article's shingles a page must contain: an excerpt of the first quarter passes,
 * a commentary quoting a few sentences does not. */
export const DETECTION_THRESHOLD = 0.15;

function combineShingle(window: ArrayLike<number>, first: number): number {
  let hash = 0x9e3779b9;
  for (let k = 0; k < SHINGLE_SIZE; k++) {
    hash = Math.imul(hash ^ window[(first + k) % SHINGLE_SIZE], 0x85ebca6b);
    hash ^= hash >>> 13;
  }
  return hash >>> 0;
}

/** The gate keeps only shingles whose hash ends in two zero bits: a quarter of the data to ship
 * (about 240 shingles), the same expected share found. */
const isSampled = (shingle: number): boolean => (shingle & 3) === 0;

/** Calls `onShingle` with the hash of every shingle in `text`, in order. */
function forEachShingle(text: string, onShingle: (shingle: number) => void): void {
  const window = new Uint32Array(SHINGLE_SIZE);
  let count = 0;
  forEachWord(text, (hash) => {
    window[count % SHINGLE_SIZE] = hash;
    count++;
    if (count >= SHINGLE_SIZE) onShingle(combineShingle(window, count % SHINGLE_SIZE));
  });
}

export function shinglesOfWords(hashes: ArrayLike<number>): Uint32Array {
  const count = Math.max(0, hashes.length - SHINGLE_SIZE + 1);
  const shingles = new Uint32Array(count);
  const window = new Uint32Array(SHINGLE_SIZE);
  for (let i = 0; i < hashes.length; i++) {
    window[i % SHINGLE_SIZE] = hashes[i];
    const first = i - SHINGLE_SIZE + 1;
    if (first >= 0) shingles[first] = combineShingle(window, (i + 1) % SHINGLE_SIZE);
  }
  return shingles;
}

/** The sampled, distinct shingles of the article: what the gate ships and looks for. */
export function sampledFingerprint(articleText: string): Uint32Array {
  const sampled = new Set<number>();
  forEachShingle(articleText, (shingle) => {
    if (isSampled(shingle)) sampled.add(shingle);
  });
  return Uint32Array.from([...sampled].sort((a, b) => a - b));
}

/** One article's fingerprint and the shingles of it found so far. */
export interface FingerprintMatches {
  fingerprint: ReadonlySet<number>;
  found: Set<number>;
}

/** Hashes `text` once and adds each fingerprint's shingles that occur in it to its `found`. */
export function collectMatches(text: string, matches: readonly FingerprintMatches[]): void {
  forEachShingle(text, (shingle) => {
    if (!isSampled(shingle)) return;
    for (const { fingerprint, found } of matches) if (fingerprint.has(shingle)) found.add(shingle);
  });
}

export function containment(found: ReadonlySet<number>, fingerprint: ReadonlySet<number>): number {
  return fingerprint.size === 0 ? 0 : found.size / fingerprint.size;
}

/** containment(found, fingerprint) >= DETECTION_THRESHOLD. */
export function carriesArticle(found: ReadonlySet<number>, fingerprint: ReadonlySet<number>): boolean {
  return fingerprint.size > 0 && found.size >= DETECTION_THRESHOLD * fingerprint.size;
}

/** sampledFingerprint of an article given as its word hashes (a pack file carries those, not the text). */
export function sampledFingerprintOfWords(hashes: ArrayLike<number>): Uint32Array {
  const sampled = new Set([...shinglesOfWords(hashes)].filter(isSampled));
  return Uint32Array.from([...sampled].sort((a, b) => a - b));
}
