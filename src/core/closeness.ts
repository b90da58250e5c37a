// Why a page was not recognised: for each pack, how much of its article the page carries against
// what detection needs, and how many of its rare words it shows. Run on request only (the popup's
// "Check this page"), over the page's whole text: never on the gate's path.
import type { DetectionData } from '../model/pack.ts';
import { decodeHashes } from './base64.ts';
import { collectMatches, containment, DETECTION_THRESHOLD } from './shingles.ts';

export interface Closeness {
  slug: string;
  /** Share of the article's sampled shingles found on the page, 0–1. */
  found: number;
  /** The share detection needs. */
  needed: number;
  /** Different rare words of the article on the page, and how many the gate needs to look further. */
  markersFound: number;
  markersNeeded: number;
  markersTotal: number;
}

/** Every pack, the closest first. */
export function closeness(text: string, packs: readonly DetectionData[]): Closeness[] {
  const matches = packs.map((pack) => ({ fingerprint: decodeHashes(pack.fingerprint), found: new Set<number>() }));
  collectMatches(text, matches);
  return packs
    .map((pack, i) => {
      return {
        slug: pack.slug,
        found: containment(matches[i].found, matches[i].fingerprint),
        needed: DETECTION_THRESHOLD,
        markersFound: pack.markers.filter((marker) => text.includes(marker)).length,
        markersNeeded: pack.minHits,
        markersTotal: pack.markers.length,
      };
    })
    .sort((a, b) => b.found - a.found || b.markersFound - a.markersFound);
}
