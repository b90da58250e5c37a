// The gate's detection steps, the one definition shared by the content script, its watcher and the
// tests: find the markers of each pack's article, hash only the text around them, and say which
// article (if any) the page now carries.
import { mayHaveInvisible, withoutInvisible } from './invisible.ts';
import { markerWindows } from './markers.ts';
import { carriesArticle, collectMatches } from './shingles.ts';

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

  constructor(readonly packs: readonly GatePack[]) {}

  /**
   * The parts of `text` near a marker. Pages that hide words with invisible characters
   * ("Ush\u200Bakov") are read again without them, only when no marker was found at all.
   */
  candidates(text: string): Candidate[] {
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
    const candidates: Candidate[] = [];
    for (const pack of this.packs) {
      for (const [start, end] of markerWindows(text, pack.markers, pack.radius)) {
        candidates.push({ pack, text: start === 0 && end === text.length ? text : text.slice(start, end) });
      }
    }
    return candidates;
  }
}
