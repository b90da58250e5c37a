// Judging page text against the fingerprints where they are known: in the background (for the gates,
// background.ts), in tests and in the benchmark's in-page figures. Kept apart from detect.ts so that
// the gate, which finds the markers but never hashes, carries none of the hashing.
import type { ArticleSearch, Candidate, GatePack } from './detect.ts';
import { carriesArticle, collectMatches, type FingerprintMatches } from './shingles.ts';

/** Hashes one candidate for its packs whose fingerprint is known (see `rest`); the packs whose article is now found. */
export function judge(search: ArticleSearch, { packs, text, rest }: Candidate): GatePack[] {
  let matches: Array<FingerprintMatches & { pack: GatePack }> = [];
  for (const pack of packs) {
    // An empty fingerprint (one that could not be had) never carries the article: nothing to hash for it.
    if (!pack.fingerprint?.size) continue;
    matches.push({ pack, fingerprint: pack.fingerprint, found: search.foundOf(pack) });
  }
  if (rest) matches = matches.filter(({ found }) => found.size > 0);
  if (matches.length === 0) return [];
  collectMatches(text, matches);
  return matches.filter(({ found, fingerprint }) => carriesArticle(found, fingerprint)).map(({ pack }) => pack);
}

/** Adds to `found` the sampled shingles of the article that `texts` hold; whether the page now carries it (the background's judging of a gate's text). */
export function judgeTexts(texts: readonly string[], fingerprint: ReadonlySet<number>, found: Set<number>): boolean {
  for (const text of texts) collectMatches(text, [{ fingerprint, found }]);
  return carriesArticle(found, fingerprint);
}

/** candidates + judge in one go, with fingerprints already known: the first article found. */
export function look(search: ArticleSearch, text: string): GatePack | undefined {
  let detected: GatePack | undefined;
  for (const candidate of search.candidates(text)) detected ??= judge(search, candidate)[0];
  return detected;
}
