// What the build makes of an annotation pack (packs/<slug>/): the gate's part, shipped in the
// content script for every pack, and the rest, loaded on the article's page only.
import type { ArticleMeta, Note } from './note.ts';

export interface GatePackData {
  slug: string;
  /** Rare words of the article, searched for first (core/markers.ts). */
  markers: string[];
  /** Characters hashed on each side of a marker found on a page. */
  radius: number;
  /** Base64 of the article's sampled shingle hashes. */
  fingerprint: string;
}

export interface PackData extends GatePackData {
  article: ArticleMeta;
  notes: Note[];
  /** Base64 of every distinct shingle hash of the article. */
  articleShingles: string;
}
