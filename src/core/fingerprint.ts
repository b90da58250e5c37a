// The article's fingerprint: hashes of every run of SHINGLE_SIZE consecutive words. A page carries
// the article when it contains a large enough share of those shingles (containment), whatever
// boilerplate surrounds them.
import { forEachWord } from './tokenize.ts';

export const SHINGLE_SIZE = 5;
/** Share of the article's shingles a page must contain: an excerpt of the first quarter passes,
 * a commentary quoting a few sentences does not. */
export const DETECTION_THRESHOLD = 0.15;
/** Fewest consecutive words, all inside article shingles, that count as the article's own text. */
export const MIN_ARTICLE_RUN = 8;

export function combineShingle(window: ArrayLike<number>, first: number): number {
  let hash = 0x9e3779b9;
  for (let k = 0; k < SHINGLE_SIZE; k++) {
    hash = Math.imul(hash ^ window[(first + k) % SHINGLE_SIZE], 0x85ebca6b);
    hash ^= hash >>> 13;
  }
  return hash >>> 0;
}

/** The gate keeps only shingles whose hash ends in two zero bits: a quarter of the data to ship
 * (about 240 shingles), the same expected share found. */
export function isSampled(shingle: number): boolean {
  return (shingle & 3) === 0;
}

/** Calls `onShingle` with the hash of every shingle in `text`, in order. */
export function forEachShingle(text: string, onShingle: (shingle: number) => void): void {
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

/** Adds to `found` every fingerprint shingle that occurs in `text`. */
export function collectMatches(text: string, fingerprint: ReadonlySet<number>, found: Set<number>): void {
  forEachShingle(text, (shingle) => {
    if (isSampled(shingle) && fingerprint.has(shingle)) found.add(shingle);
  });
}

export function containment(found: ReadonlySet<number>, fingerprint: ReadonlySet<number>): number {
  return fingerprint.size === 0 ? 0 : found.size / fingerprint.size;
}

export function carriesArticle(found: ReadonlySet<number>, fingerprint: ReadonlySet<number>): boolean {
  return containment(found, fingerprint) >= DETECTION_THRESHOLD;
}

/**
 * Marks the words of a page that belong to the article's own text: words covered by article
 * shingles, in runs of at least MIN_ARTICLE_RUN words. A sidebar that repeats a name, or a related
 * link that shares a phrase, stays unmarked.
 */
export function markArticleWords(pageWords: ArrayLike<number>, articleShingles: ReadonlySet<number>): Uint8Array {
  const covered = new Uint8Array(pageWords.length);
  const shingles = shinglesOfWords(pageWords);
  for (let i = 0; i < shingles.length; i++) {
    if (articleShingles.has(shingles[i])) covered.fill(1, i, i + SHINGLE_SIZE);
  }
  let runStart = 0;
  for (let i = 0; i <= covered.length; i++) {
    if (i < covered.length && covered[i]) continue;
    if (i - runStart < MIN_ARTICLE_RUN) covered.fill(0, runStart, i);
    runStart = i + 1;
  }
  return covered;
}

/** Characters that can hide inside a word and defeat a plain text search. */
const INVISIBLE_IN_WORDS = /[\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g;

/**
 * The forms the gate searches for: each of the article's people's names as written and in capitals
 * (headlines). Any copy of the article, even its first quarter, names several of them.
 */
export function nameForms(names: readonly string[]): string[] {
  const forms = [...new Set(names.flatMap((name) => [name, name.toUpperCase()]))];
  // A form that contains another is found through it ("Zelenskyy" through "Zelensky").
  return forms.filter((form) => !forms.some((other) => other !== form && form.includes(other)));
}

/** Text hashed around each name: more than any stretch of the article between two of its names. */
export const NAME_WINDOW = 4000;

/**
 * The cheap first look: the parts of `text` where the article could be. Native substring searches
 * find the article's people (about 0.5 ms per MB); only the text within `radius` characters of a
 * name is worth hashing. A page that names nobody yields nothing. When no name is found but the text
 * has invisible characters, they are removed (hashing ignores them anyway) and the search repeated,
 * so they cannot hide every name from it.
 */
export function textNearNames(text: string, names: readonly string[], radius = NAME_WINDOW): string[] {
  const slices = (source: string) => nameWindows(source, names, radius).map(([start, end]) => (start === 0 && end === source.length ? source : source.slice(start, end)));
  const found = slices(text);
  if (found.length > 0) return found;
  INVISIBLE_IN_WORDS.lastIndex = 0;
  return INVISIBLE_IN_WORDS.test(text) ? slices(text.replace(INVISIBLE_IN_WORDS, '')) : [];
}

/** The [start, end) spans of `text` within `radius` characters of a name, merged where they overlap. */
export function nameWindows(text: string, names: readonly string[], radius = NAME_WINDOW): Array<[number, number]> {
  const hits: number[] = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  const windows: Array<[number, number]> = [];
  for (const hit of hits) {
    const start = Math.max(0, hit - radius);
    const end = Math.min(text.length, hit + radius);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

export function encodeFingerprint(shingles: Uint32Array): string {
  const bytes = new Uint8Array(shingles.buffer, shingles.byteOffset, shingles.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeFingerprint(encoded: string): Set<number> {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Set(new Uint32Array(bytes.buffer));
}
