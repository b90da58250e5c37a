// What the build makes of an annotation pack (packs/<slug>/): the gate's part, shipped in the
// content script for every pack; the fingerprint and the notes as the matcher reads them, kept by
// the background, which judges the text around the pack's markers and anchors the notes in an
// article page's text; and the notes themselves, loaded on the article's page only.
import type { AnchorablePack } from '../core/anchor-text.ts';
import type { NotesData } from '../core/notes-codec.ts';
import type { ArticleMeta, Note } from './note.ts';

/** Everything detection needs of a pack (the gate carries all but the fingerprint: build/gate-data.ts). */
export interface DetectionData {
  slug: string;
  /** Rare words of the article, as written (core/markers.ts). */
  markers: string[];
  /** Characters hashed on each side of a marker found on a page. */
  radius: number;
  /** Different markers a page must show before the text near them is hashed (core/markers.ts). */
  minHits: number;
  /** Base64 of the article's sampled shingle hashes. */
  fingerprint: string;
}

export interface PackData {
  slug: string;
  /** The markers and radius again: notes are anchored near the markers first. */
  markers: string[];
  radius: number;
  article: ArticleMeta;
  notes: Note[];
  /** Base64 of every distinct shingle hash of the article. */
  articleShingles: string;
  /** The highlightable notes as the matcher reads them, read when the pack was made: in an imported pack only (the background reads them). */
  notesData?: NotesData;
}

/** What the background anchors a bundled pack's notes with (build/annotation-plugin.ts). */
export interface AnchoringData extends AnchorablePack {
  slug: string;
}
