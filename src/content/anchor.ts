// Finds the article's own text in a page and anchors every note in it, as DOM Ranges.
import { articleShingles, notes } from 'virtual:backstory-annotations';
import { names } from 'virtual:backstory-fingerprint';
import type { Note, NoteKind } from '../model/note.ts';
import { decodeFingerprint, markArticleWords, nameWindows } from '../core/fingerprint.ts';
import { compileNotes, findMatches } from '../core/match.ts';
import { tokenize } from '../core/tokenize.ts';
import { indexText, indexTextInSlices, rangeOf, type TextIndex } from './text-index.ts';

export interface Anchored {
  note: Note;
  kind: NoteKind;
  start: number;
  end: number;
  range: Range;
}

const notesById = new Map(notes.map((note) => [note.id, note]));
const compiled = compileNotes(notes);
const articleSet = decodeFingerprint(articleShingles);

export interface Anchoring {
  index: TextIndex;
  anchored: Anchored[];
}

export function anchorNotes(root: Node): Anchoring {
  return anchorInIndex(indexText(root));
}

/** anchorNotes for the live page: the walk yields to the page; undefined when aborted meanwhile. */
export async function anchorNotesInSlices(root: Node, signal: AbortSignal): Promise<Anchoring | undefined> {
  const index = await indexTextInSlices(root, signal);
  return index && anchorInIndex(index);
}

/**
 * Only the text near the article's people can hold it (every paragraph names one), so on a page of
 * 5 MB only that is tokenised. When invisible characters hide every name, all of it is.
 */
function anchorInIndex(index: TextIndex): Anchoring {
  const near = nameWindows(index.text, names);
  const words = tokenize(index.text, near.length > 0 ? near : undefined);
  const inArticle = markArticleWords(words.hashes, articleSet);
  const anchored = findMatches(words.hashes, inArticle, compiled).map((match) => {
    const start = words.starts[match.first];
    const end = words.ends[match.end - 1];
    return { note: notesById.get(match.noteId) as Note, kind: match.kind, start, end, range: rangeOf(index, start, end) };
  });
  return { index, anchored };
}
