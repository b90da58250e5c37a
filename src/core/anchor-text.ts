// Anchors a pack's notes in a page's text: the words near the article's markers, which of them are
// the article's own text, then every name and quote (match.ts). The overlay makes DOM Ranges of
// the result (content/anchor.ts); `pack check --against` prints it.
import { markArticleWords } from './article-words.ts';
import { decodeHashes } from './base64.ts';
import { markerWindows } from './markers.ts';
import { compileNotes, matchPage, type MatchableNote, type MatchResult } from './match.ts';
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
