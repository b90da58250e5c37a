// Anchors a pack's notes in a page's text: the words near the article's markers, which of them are
// the article's own text, then every name and quote (match.ts). The background runs it on the text
// an article page's overlay sends and answers with the places (textPlaces), of which the overlay
// makes DOM Ranges (content/anchor.ts); `pack check --against` prints it.
import { markArticleWords } from './article-words.ts';
import { decodeHashes } from './base64.ts';
import { markerWindows } from './markers.ts';
import { compileNotes, matchPage, type MatchableNote, type MatchHow, type MatchResult } from './match.ts';
import type { NoteKind } from '../model/note.ts';
import { decodeNotes, type NotesData } from './notes-codec.ts';
import { tokenize, type Tokens } from './tokenize.ts';

export interface AnchorablePack {
  markers: readonly string[];
  radius: number;
  notes: readonly MatchableNote[];
  /** Base64 of every distinct shingle hash of the article. */
  articleShingles: string;
  /** `notes` as the build read them, when it did (used only if made of these very notes). */
  notesData?: NotesData;
}

export interface TextAnchoring extends MatchResult {
  /** The page's words; a match's `first` and `end` index them. */
  words: Tokens;
}

export function createTextAnchorer(pack: AnchorablePack): (text: string) => TextAnchoring {
  const compiled = compileNotes(pack.notes, decodeNotes(pack.notesData, pack.notes));
  const articleShingles = decodeHashes(pack.articleShingles);
  /**
   * Only the text near the article's markers can hold it, so on a page of 5 MB only that is
   * tokenised. When invisible characters hide every marker, all of it is.
   */
  return (text) => {
    const near = markerWindows(text, pack.markers, pack.radius);
    const words = tokenize(text, near.length > 0 ? near : undefined);
    const allowed = markArticleWords(words.hashes, articleShingles);
    return { words, ...matchPage({ hashes: words.hashes, allowed, page: { text, starts: words.starts, ends: words.ends } }, compiled) };
  };
}

/** A note's place in the text: character offsets [start, end). */
export interface TextPlace {
  noteId: string;
  kind: NoteKind;
  how: MatchHow;
  start: number;
  end: number;
}

/** The places of an anchoring's matches, in its order, at most `most` of them. */
export function textPlaces({ words, matches }: TextAnchoring, most = Infinity): TextPlace[] {
  return matches.slice(0, most).map(({ noteId, kind, how, first, end }) => ({ noteId, kind, how, start: words.starts[first], end: words.ends[end - 1] }));
}
