// The gate's detection steps, the one definition shared by the content script, its watcher and the
// tests: find the markers of each pack's article and cut the text around them, to be judged against
// the article's fingerprint (core/judge.ts: in the background for the gate, in place for tests).
import { mayHaveInvisible, withoutInvisible } from './invisible.ts';
import { markerHits, mergeWindows } from './markers.ts';

/**
 * Up to this many markers in all, each is counted with a native substring search (~0.5 ms per MB
 * each). Beyond it (many packs), one pass over the page's words counts all of them at once
 * (one-pass.ts), so the gate does not grow with the number of packs.
 */
export const MAX_SEARCHED_MARKERS = 16;
/**
 * Longest stretch hashed in one go. Longer stretches are cut, with an overlap so that no shingle is
 * lost at a cut, so a caller can pause between them, and can stop at the first piece after which
 * the page carries the article: the share it needs (DETECTION_THRESHOLD) is usually reached before
 * the whole article has been hashed.
 */
const MAX_CANDIDATE = 2_000;
const CUT_OVERLAP = 200;
/**
 * Characters hashed first on each side of a marker: about a hundred words, some 25 sampled shingles
 * where the article is. The rest of a stretch is hashed only for the packs of which something was
 * found there (or before, on the page): a rare word on an unrelated page costs this, not the radius.
 */
const PROBE_RADIUS = 600;

/** Whether these packs' markers are counted in one pass over the words rather than one by one. */
export function usesOnePass(packs: ReadonlyArray<{ markers: readonly string[] }>): boolean {
  return packs.reduce((sum, pack) => sum + pack.markers.length, 0) > MAX_SEARCHED_MARKERS;
}

export interface GatePack {
  slug: string;
  /** Rare words of the article, as written (core/markers.ts). */
  markers: readonly string[];
  radius: number;
  minHits: number;
  /**
   * The article's sampled shingle hashes, where the text is judged here (tests, the benchmark's
   * in-page figures). The gate never has them: the background judges its text (background.ts).
   */
  fingerprint?: ReadonlySet<number>;
}

/** The markers of each pack that occur in a text (packs with none left out). */
export type MarkersFound = Map<GatePack, readonly string[]>;

/** A stretch of page text near the markers of `packs`, to hash once for all of them. */
export interface Candidate {
  packs: GatePack[];
  text: string;
  /** The rest of a stretch whose markers were looked around first: hashed only for the packs of which something was found on the page. */
  rest?: boolean;
}

/** Everything a page has shown of each article so far: text arriving later adds to it. */
export class ArticleSearch {
  /** Each pack's sampled shingles found on the page. */
  private readonly found = new Map<GatePack, Set<number>>();
  /** Each pack's different markers the page has shown. */
  private readonly shown = new Map<GatePack, Set<string>>();

  /** `markersIn`: the markers of each pack that occur in a text. */
  constructor(private readonly markersIn: (text: string) => MarkersFound) {}

  /**
   * The parts of `text` near the markers of packs that have now shown `minHits` different markers
   * on this page, each cut into stretches of at most MAX_CANDIDATE characters: where the markers
   * are sparse, the text around them first and then all of it as `rest`. Markers hidden by
   * invisible characters ("Ush\u200Bakov") are found in the text read again without them; text
   * that may still hide some (a soft-hyphenated body under a plain headline) is taken whole.
   */
  candidates(text: string): Candidate[] {
    let found = this.markersIn(text);
    if (found.size === 0 && mayHaveInvisible(text)) {
      text = withoutInvisible(text);
      found = this.markersIn(text);
    }
    const windows: Array<{ start: number; end: number; pack: GatePack }> = [];
    let hits: number[] = [];
    for (const [pack, markers] of found) {
      const seen = this.shown.get(pack) ?? new Set<string>();
      this.shown.set(pack, seen);
      for (const marker of markers) seen.add(marker);
      if (seen.size < pack.minHits) continue;
      const packHits = markerHits(text, pack.markers);
      // Not push(...packHits): a page of 200,000 markers would overflow the stack on every scan.
      hits = hits.concat(packHits);
      for (const [start, end] of mergeWindows(packHits, pack.radius, text.length)) windows.push({ start, end, pack });
    }
    hits.sort((a, b) => a - b);
    return regions(windows).flatMap(({ start, end, packs }) => {
      const pieces = (from: number, to: number, rest: boolean): Candidate[] => cut(text, MAX_CANDIDATE, CUT_OVERLAP, from, to).map((piece) => ({ packs, text: piece, rest }));
      const inside = hits.filter((hit) => hit >= start && hit < end);
      // Markers this dense (the article itself) leave little to skip: the stretch is hashed at once.
      if (inside.length * 4 * PROBE_RADIUS >= end - start || mayHaveInvisible(text)) return pieces(start, end, false);
      return [...mergeWindows(inside, PROBE_RADIUS, text.length).flatMap(([from, to]) => pieces(from, to, false)), ...pieces(start, end, true)];
    });
  }

  /** Texts already judged for each pack: a page read whole again (text-watch.ts) sends only what is new. */
  private readonly judged = new Map<GatePack, Set<string>>();

  /** The sampled shingles of `pack`'s article found on the page so far (added to by the caller that judges text elsewhere). */
  foundOf(pack: GatePack): Set<number> {
    let found = this.found.get(pack);
    if (!found) this.found.set(pack, (found = new Set()));
    return found;
  }

  /** Those of `texts` not judged for `pack` before, now counted as judged. */
  unjudged(pack: GatePack, texts: readonly string[]): string[] {
    const judged = this.judged.get(pack) ?? new Set<string>();
    this.judged.set(pack, judged);
    const fresh = texts.filter((text) => !judged.has(text));
    for (const text of fresh) judged.add(text);
    return fresh;
  }

  forget(): void {
    this.judged.clear();
    this.found.clear();
    this.shown.clear();
  }
}

/** Windows of several packs merged where they overlap: each region with every pack whose window touches it. */
function regions(windows: Array<{ start: number; end: number; pack: GatePack }>): Array<{ start: number; end: number; packs: GatePack[] }> {
  const merged: Array<{ start: number; end: number; packs: GatePack[] }> = [];
  for (const { start, end, pack } of windows.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      if (!last.packs.includes(pack)) last.packs.push(pack);
    } else {
      merged.push({ start, end, packs: [pack] });
    }
  }
  return merged;
}

/**
 * `text[start, end)` in pieces of at most `size` characters (at least one piece), each overlapping
 * the next by `overlap`, so that nothing shorter than that is cut in two: no shingle (or, for
 * pieces of page text, no article).
 */
export function cut(text: string, size: number, overlap: number, start = 0, end = text.length): string[] {
  const pieces: string[] = [];
  for (let from = start; ; from += size - overlap) {
    pieces.push(text.slice(from, Math.min(end, from + size)));
    if (from + size >= end) return pieces;
  }
}

/** Each marker of each pack looked for with a native substring search: for a few markers. */
export function wordSearch(packs: readonly GatePack[]): ArticleSearch {
  const markersIn = (text: string): MarkersFound => {
    const found: MarkersFound = new Map();
    for (const pack of packs) {
      const present = pack.markers.filter((marker) => text.includes(marker));
      if (present.length > 0) found.set(pack, present);
    }
    return found;
  };
  return new ArticleSearch(markersIn);
}
