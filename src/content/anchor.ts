// Finds the article's own text in a page and anchors every note in it, as DOM Ranges.
import { articleShingles, notes } from 'virtual:backstory-annotations';
import type { Note, NoteKind } from '../annotations/types.ts';
import { decodeFingerprint, markArticleWords } from '../core/fingerprint.ts';
import { compileNotes, findMatches } from '../core/match.ts';
import { tokenize } from '../core/tokenize.ts';
import { indexText, rangeOf, type TextIndex } from './text-index.ts';

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

export function anchorNotes(root: Node): { index: TextIndex; anchored: Anchored[] } {
  const index = indexText(root);
  const words = tokenize(index.text);
  const inArticle = markArticleWords(words.hashes, articleSet);
  const anchored = findMatches(words.hashes, inArticle, compiled).map((match) => {
    const start = words.starts[match.first];
    const end = words.ends[match.end - 1];
    return { note: notesById.get(match.noteId) as Note, kind: match.kind, start, end, range: rangeOf(index, start, end) };
  });
  return { index, anchored };
}
