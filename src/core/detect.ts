// The gate's detection steps, the one definition shared by the content script, its watcher and the
// tests: find the markers of each pack's article, hash only the text around them, and say which
// article (if any) the page now carries.
import { mayHaveInvisible, withoutInvisible } from './invisible.ts';
import { markerWindows, mergeWindows } from './markers.ts';
import { carriesArticle, collectMatches } from './shingles.ts';
import { forEachWord, wordHashes } from './tokenize.ts';

/**
 * Up to this many markers in all, each is found with a native substring search (~0.5 ms per MB
 * each). Beyond it (many packs), one pass of the tokenizer finds all of them at once (~8 ms per MB,
 * whatever their number), so the gate does not grow with the number of packs.
 */
export const MAX_SEARCHED_MARKERS = 16;
/**
 * Longest stretch hashed in one go: about a millisecond of work. Longer stretches are cut, with an
 * overlap so that no shingle is lost at a cut, so a caller can pause between them.
 */
export const MAX_CANDIDATE = 20_000;
const CUT_OVERLAP = 200;
/** Bits of a word hash used for the first, table lookup in the one-pass search. */
const TABLE_BITS = 16;

export interface GatePack {
  slug: string;
  markers: readonly string[];
  radius: number;
  /** The article's sampled shingle hashes. */
  fingerprint: ReadonlySet<number>;
}

/** A stretch of page text worth hashing for one pack. */
export interface Candidate {
  pack: GatePack;
  text: string;
}

/** Everything a page has shown of each article so far: text arriving later adds to it. */
export class ArticleSearch {
  private readonly found = new Map<GatePack, Set<number>>();
  /** For the one-pass search: marker word hash → the packs it belongs to, and a table of their low bits. */
  private readonly byHash = new Map<number, GatePack[]>();
  private readonly table = new Uint8Array(1 << TABLE_BITS);
  private readonly onePass: boolean;

  constructor(readonly packs: readonly GatePack[]) {
    this.onePass = packs.reduce((sum, pack) => sum + pack.markers.length, 0) > MAX_SEARCHED_MARKERS;
    if (!this.onePass) return;
    for (const pack of packs) {
      for (const marker of pack.markers) {
        const [hash] = wordHashes(marker);
        this.byHash.set(hash, [...(this.byHash.get(hash) ?? []), pack]);
        this.table[hash & ((1 << TABLE_BITS) - 1)] = 1;
      }
    }
  }

  /**
   * The parts of `text` near a marker. With few markers, pages that hide words with invisible
   * characters ("Ush\u200Bakov") are read again without them, only when no marker was found at
   * all; the one-pass search skips those characters as it goes.
   */
  candidates(text: string): Candidate[] {
    if (this.onePass) return this.nearByWords(text);
    const near = this.near(text);
    if (near.length > 0 || !mayHaveInvisible(text)) return near;
    return this.near(withoutInvisible(text));
  }

  /** Hashes one candidate; the pack when its article is now found. */
  add(candidate: Candidate): GatePack | undefined {
    const found = this.found.get(candidate.pack) ?? new Set<number>();
    this.found.set(candidate.pack, found);
    collectMatches(candidate.text, candidate.pack.fingerprint, found);
    return carriesArticle(found, candidate.pack.fingerprint) ? candidate.pack : undefined;
  }

  /** candidates + add, in one go (small texts: a watcher batch, a unit test). */
  look(text: string): GatePack | undefined {
    let detected: GatePack | undefined;
    for (const candidate of this.candidates(text)) detected = this.add(candidate) ?? detected;
    return detected;
  }

  forget(): void {
    this.found.clear();
  }

  private near(text: string): Candidate[] {
    return this.packs.flatMap((pack) => slices(text, pack, markerWindows(text, pack.markers, pack.radius)));
  }

  private nearByWords(text: string): Candidate[] {
    const hits = new Map<GatePack, number[]>();
    const mask = (1 << TABLE_BITS) - 1;
    forEachWord(text, (hash, start) => {
      if (this.table[hash & mask] === 0) return;
      for (const pack of this.byHash.get(hash) ?? []) hits.set(pack, [...(hits.get(pack) ?? []), start]);
    });
    return [...hits].flatMap(([pack, starts]) => slices(text, pack, mergeWindows(starts, pack.radius, text.length)));
  }
}

function slices(text: string, pack: GatePack, windows: ReadonlyArray<readonly [number, number]>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [start, end] of windows) {
    if (start === 0 && end === text.length && end <= MAX_CANDIDATE) {
      candidates.push({ pack, text });
      continue;
    }
    for (let from = start; from < end; from += MAX_CANDIDATE - CUT_OVERLAP) {
      candidates.push({ pack, text: text.slice(from, Math.min(end, from + MAX_CANDIDATE)) });
      if (from + MAX_CANDIDATE >= end) break;
    }
  }
  return candidates;
}
