// Finds a pack's article in a page and anchors every note in it, as offsets into the page's text
// index (the DOM Ranges are made from them by text-index.ts).
import { markArticleWords } from '../core/article-words.ts';
import { decodeHashes } from '../core/base64.ts';
import { markerWindows } from '../core/markers.ts';
import { compileNotes, findMatches } from '../core/match.ts';
import { tokenize } from '../core/tokenize.ts';
import type { Note, NoteKind } from '../model/note.ts';
import type { PackData } from '../model/pack.ts';
import { indexText, indexTextInSlices, rangeOf, type TextIndex } from './text-index.ts';
import { highlightable } from '../model/note-changes.ts';

/** A note's place on the page: offsets into the index's text, and the live Range over them. */
export interface Anchored {
  note: Note;
  kind: NoteKind;
  start: number;
  end: number;
  range: Range;
}

export interface Anchoring {
  index: TextIndex;
  anchored: Anchored[];
}

/** More places than any real copy of an article has: a page cannot make Backstory keep millions. */
const MAX_ANCHORED = 2000;

export interface Anchorer {
  anchorNotes(root: Node): Anchoring;
  /** anchorNotes for the live page: the walk yields to the page; undefined when aborted meanwhile. */
  anchorNotesInSlices(root: Node, signal: AbortSignal): Promise<Anchoring | undefined>;
  /** The match alone, on an index already read (vouch.ts runs it again with unseen text masked). */
  anchorIndex(index: TextIndex): Anchoring;
}

export function createAnchorer(pack: PackData): Anchorer {
  const notesById = new Map(pack.notes.map((note) => [note.id, note]));
  // A withdrawn note is listed (popup) but never painted.
  const compiled = compileNotes(highlightable(pack.notes));
  const articleShingles = decodeHashes(pack.articleShingles);

  /**
   * Only the text near the article's markers can hold it, so on a page of 5 MB only that is
   * tokenised. When invisible characters hide every marker, all of it is.
   */
  function anchorInIndex(index: TextIndex): Anchoring {
    const near = markerWindows(index.text, pack.markers, pack.radius);
    const words = tokenize(index.text, near.length > 0 ? near : undefined);
    const inArticle = markArticleWords(words.hashes, articleShingles);
    const anchored: Anchored[] = [];
    for (const match of findMatches(words.hashes, inArticle, compiled)) {
      if (anchored.length >= MAX_ANCHORED) break;
      const start = words.starts[match.first];
      const end = words.ends[match.end - 1];
      const range = rangeOf(index, start, end);
      const note = notesById.get(match.noteId);
      if (range && note) anchored.push({ note, kind: match.kind, start, end, range });
    }
    return { index, anchored };
  }

  return {
    anchorNotes: (root) => anchorInIndex(indexText(root)),
    anchorIndex: anchorInIndex,
    async anchorNotesInSlices(root, signal) {
      const index = await indexTextInSlices(root, signal);
      return index && !signal.aborted ? anchorInIndex(index) : undefined;
    },
  };
}
