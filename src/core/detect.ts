// The gate's detection steps, the one definition shared by the content script, its watcher and the
// tests: find the markers of each pack's article, hash only the text around them, and say which
// article (if any) the page now carries.
import { mayHaveInvisible, withoutInvisible } from './invisible.ts';
import { markerWindows } from './markers.ts';
import { carriesArticle, collectMatches } from './shingles.ts';

/**
 * Up to this many markers in all, each is found with a native substring search (~0.5 ms per MB
 * each). Beyond it (many packs), one pass of the tokenizer finds all of them at once (one-pass.ts,
 * ~8 ms per MB whatever their number), so the gate does not grow with the number of packs.
 */
export const MAX_SEARCHED_MARKERS = 16;
/**
 * Longest stretch hashed in one go: about a millisecond of work. Longer stretches are cut, with an
 * overlap so that no shingle is lost at a cut, so a caller can pause between them.
 */
const MAX_CANDIDATE = 20_000;
const CUT_OVERLAP = 200;
/** Whether these packs' markers are searched in one tokenizer pass rather than one by one. */
export function usesOnePass(packs: ReadonlyArray<{ markers: readonly string[] }>): boolean {
  return packs.reduce((sum, pack) => sum + pack.markers.length, 0) > MAX_SEARCHED_MARKERS;
}

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

  /** `near`: how to find the text near markers; by default, one native search per marker. */
  constructor(
    readonly packs: readonly GatePack[],
    private readonly near: (text: string) => Candidate[] = (text) => searchedNear(packs, text),
  ) {}

  /** The parts of `text` near a marker, cut into stretches of at most MAX_CANDIDATE characters. */
  candidates(text: string): Candidate[] {
    return this.near(text);
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
}

/**
 * Each marker found with a native substring search. Pages that hide words with invisible characters
 * ("Ush\u200Bakov") are read again without them, only when no marker was found at all.
 */
function searchedNear(packs: readonly GatePack[], text: string): Candidate[] {
  const near = (source: string) => packs.flatMap((pack) => cut(source, pack, markerWindows(source, pack.markers, pack.radius)));
  const found = near(text);
  return found.length > 0 || !mayHaveInvisible(text) ? found : near(withoutInvisible(text));
}

/** Candidates for `windows` of `text`, long ones cut (with an overlap, so no shingle is lost). */
export function cut(text: string, pack: GatePack, windows: ReadonlyArray<readonly [number, number]>): Candidate[] {
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
