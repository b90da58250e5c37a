// Finds a pack's article in a page and anchors every note in it, as offsets into the page's text
// index (the DOM Ranges are made from them by text-index.ts).
import { createTextAnchorer } from '../core/anchor-text.ts';
import type { MatchHow } from '../core/match.ts';
import type { Note, NoteKind } from '../model/note.ts';
import type { PackData } from '../model/pack.ts';
import { indexText, indexTextInSlices, rangeOf, type TextIndex } from './text-index.ts';
import { highlightable } from '../model/note-changes.ts';

/** A note's place on the page: offsets into the index's text, and the live Range over them. */
export interface Anchored {
  note: Note;
  kind: NoteKind;
  /** Found by a name, a quote word for word, or a quote as edited on this page. */
  how?: MatchHow;
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
  const anchorText = createTextAnchorer({ ...pack, notes: highlightable(pack.notes) });

  function anchorInIndex(index: TextIndex): Anchoring {
    const { words, matches } = anchorText(index.text);
    const anchored: Anchored[] = [];
    for (const match of matches) {
      if (anchored.length >= MAX_ANCHORED) break;
      const start = words.starts[match.first];
      const end = words.ends[match.end - 1];
      const range = rangeOf(index, start, end);
      const note = notesById.get(match.noteId);
      if (range && note) anchored.push({ note, kind: match.kind, how: match.how, start, end, range });
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
