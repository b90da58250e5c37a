// What the build makes of an annotation pack (packs/<slug>/): the gate's part, shipped in the
// content script for every pack; the fingerprint, injected when the pack's markers are found on a
// page; and the rest, loaded on the article's page only.
import type { ArticleMeta, Note } from './note.ts';

interface GateCommon {
  slug: string;
  /** Characters hashed on each side of a marker found on a page. */
  radius: number;
  /** Marker occurrences a page must show before the text near them is hashed (core/markers.ts). */
  minHits: number;
}

/**
 * A pack as the gate carries it. Its markers (rare words of the article, core/markers.ts) as
 * written, when a build has few enough to find one by one with a native search; as base64 word
 * hashes when it has more, found all at once in one pass (core/one-pass.ts).
 */
export type GatePackData = GateCommon & ({ markers: string[] } | { markerHashes: string });

/** Everything detection needs of a pack: the gate's data with the markers as words, and the fingerprint. */
export interface DetectionData extends GateCommon {
  markers: string[];
  /** Base64 of the article's sampled shingle hashes. */
  fingerprint: string;
}

export interface PackData {
  slug: string;
  /** The markers and radius again: the overlay anchors notes near the markers first. */
  markers: string[];
  radius: number;
  article: ArticleMeta;
  notes: Note[];
  /** Base64 of every distinct shingle hash of the article. */
  articleShingles: string;
}
