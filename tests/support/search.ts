// The search the gate makes for a set of packs, from the same data the build gives it
// (build/gate-data.ts), with the fingerprints the gate would have injected.
import { gateData, searchMaker } from '../../build/gate-data.ts';
import { decodeHashes } from '../../src/core/base64.ts';
import type { ArticleSearch } from '../../src/core/detect.ts';
import * as gateSearch from '../../src/core/gate-search.ts';
import type { DetectionData } from '../../src/model/pack.ts';

/** Each pack's fingerprint is known as soon as a candidate shows the pack, as the gate's loader makes it. */
export function searchFor(packs: readonly DetectionData[]): ArticleSearch {
  const search = gateSearch[searchMaker(packs)](...gateData(packs));
  const fingerprints = new Map(packs.map((pack) => [pack.slug, decodeHashes(pack.fingerprint)]));
  const candidates = search.candidates.bind(search);
  search.candidates = (text) =>
    candidates(text).map((candidate) => {
      for (const pack of candidate.packs) pack.fingerprint ??= fingerprints.get(pack.slug);
      return candidate;
    });
  return search;
}
