// A bundled pack's notes are read at build time (core/notes-codec.ts) so that the article page does
// not read them again: read back, they must be exactly what the page would have read.
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { createTextAnchorer } from '../../../src/core/anchor-text.ts';
import { compileNotes } from '../../../src/core/match.ts';
import { decodeNotes, encodeNotes, type NotesData } from '../../../src/core/notes-codec.ts';
import { editedCopies } from '../../support/edited.ts';
import { trimmed } from '../../support/word-lists.ts';
import type { TextQuoteSelector } from '../../../src/model/note.ts';

const notes = pack.notes;
/** The original article, as one of the edited copies. */
const copiesText = () => editedCopies(notes.map((note) => note.id)).find((copy) => copy.name === 'original')?.text ?? '';

/** As the pack file carries it: through JSON. */
const built = (): NotesData => JSON.parse(JSON.stringify(encodeNotes(notes))) as NotesData;

describe('notes read at build time', () => {
  it('read back, are the notes as the matcher reads them on the page: every name, quote and context word', () => {
    const onPage = compileNotes(notes);
    const read = decodeNotes(built(), notes);
    expect(read).toBeDefined();
    expect(read?.names).toEqual(onPage.names);
    expect(trimmed(read?.written)).toEqual(trimmed(onPage.written()));
    expect(read?.written.quotes.length).toBeGreaterThan(20);
  });

  it('anchor every edited copy of the article exactly as the notes read on the page do', () => {
    const onPage = createTextAnchorer(pack);
    const fromBuild = createTextAnchorer({ ...pack, notesData: built() });
    const copies = editedCopies(notes.map((note) => note.id));
    expect(copies.length).toBeGreaterThan(10);
    for (const copy of copies) {
      const expected = onPage(copy.text);
      const actual = fromBuild(copy.text);
      expect(actual.matches, copy.name).toEqual(expected.matches);
      expect(actual.quotes, copy.name).toEqual(expected.quotes);
    }
  });

  it('are not used for other notes, in another order, or when damaged: the page then reads the notes itself', () => {
    const data = built();
    expect(decodeNotes(data, notes.slice(1))).toBeUndefined();
    expect(decodeNotes(data, [...notes].reverse())).toBeUndefined();
    expect(decodeNotes({ ...data, quotes: [[0, 0, [1, 2, 3], [], [], []]] }, notes)).toBeUndefined();
    expect(decodeNotes({ ...data, aliases: [[notes.length, data.aliases[0][1], []]] }, notes)).toBeUndefined();
    expect(decodeNotes(undefined, notes)).toBeUndefined();
  });

  it('are not used for notes that kept their ids but changed what they name or quote', () => {
    const data = built();
    const renamed = notes.map((note, index) => (index === 0 ? { ...note, aliases: ['Zzzqx Nobody'], variants: [] } : note));
    expect(decodeNotes(data, renamed)).toBeUndefined();
    const requoted = notes.map((note) => (note.selectors?.length ? { ...note, selectors: note.selectors.map((selector: TextQuoteSelector) => ({ ...selector, exact: selector.exact.replace(/\bthe\b/, 'a') })) } : note));
    expect(decodeNotes(data, requoted)).toBeUndefined();
    // And the anchoring with them is the page's own reading: the renamed note is not on "Musk".
    const onPage = createTextAnchorer({ ...pack, notes: renamed });
    const withStale = createTextAnchorer({ ...pack, notes: renamed, notesData: data });
    const text = copiesText();
    expect(text).toContain('Elon Musk');
    expect(withStale(text).matches).toEqual(onPage(text).matches);
  });

  it('refuse data of another shape without throwing', () => {
    const data = built();
    for (const damaged of [{ ...data, aliases: undefined }, { ...data, quotes: [null] }, { ...data, aliases: [[0, 'words', []]] }]) {
      expect(decodeNotes(damaged as unknown as NotesData, notes)).toBeUndefined();
    }
  });
});
