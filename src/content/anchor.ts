// Anchors a pack's notes on the page: the page's text is read into an index (text-index.ts), the
// background finds the notes' places in that text (core/anchor-text.ts, off the page's main thread),
// and DOM Ranges are made of the places here.
import type { TextPlace } from '../core/anchor-text.ts';
import type { MatchHow } from '../core/match.ts';
import type { Note, NoteKind } from '../model/note.ts';
import { indexText, indexTextInSlices, rangeOf, type TextIndex } from './text-index.ts';

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

/** The notes' places in a text, at most MOST_PLACES (the background's answer to an `anchor` message); throws when there is no answer. */
export type TextAnchorer = (text: string) => Promise<readonly TextPlace[]>;

export interface Anchorer {
  anchorNotes(root: Node): Promise<Anchoring>;
  /** anchorNotes for the live page: the walk yields to the page; undefined when aborted meanwhile. */
  anchorNotesInSlices(root: Node, signal: AbortSignal): Promise<Anchoring | undefined>;
  /** The match alone, on an index already read (vouch.ts runs it again with unseen text masked). */
  anchorIndex(index: TextIndex): Promise<Anchoring>;
}

export function createAnchorer(notes: readonly Note[], anchorText: TextAnchorer): Anchorer {
  const notesById = new Map(notes.map((note) => [note.id, note]));

  async function anchorIndex(index: TextIndex): Promise<Anchoring> {
    const places = await anchorText(index.text);
    const anchored: Anchored[] = [];
    for (const { noteId, kind, how, start, end } of places) {
      const range = rangeOf(index, start, end);
      const note = notesById.get(noteId);
      if (range && note) anchored.push({ note, kind, how, start, end, range });
    }
    return { index, anchored };
  }

  return {
    anchorNotes: (root) => anchorIndex(indexText(root)),
    anchorIndex,
    async anchorNotesInSlices(root, signal) {
      const index = await indexTextInSlices(root, signal);
      if (!index || signal.aborted) return undefined;
      const anchoring = await anchorIndex(index);
      return signal.aborted ? undefined : anchoring;
    },
  };
}
