// A bundled pack's notes are read at build time (core/notes-codec.ts) so that the article page does
// not read them again: read back, they must be exactly what the page would have read.
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { createTextAnchorer } from '../../../src/core/anchor-text.ts';
import { compileNotes } from '../../../src/core/match.ts';
import { decodeNotes, encodeNotes, type NotesData } from '../../../src/core/notes-codec.ts';
import { editedCopies } from '../../support/edited.ts';

const notes = pack.notes;

/** `value` with every word list cut to its count: the slots past it (left by merged words) are never read. */
function trimmed(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, trimmed(item)]));
  if (value instanceof Set || ArrayBuffer.isView(value) || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(trimmed);
  const record = value as Record<string, unknown>;
  const count = typeof record.count === 'number' && ArrayBuffer.isView(record.hash) ? record.count : undefined;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, count !== undefined && ArrayBuffer.isView(item) ? (item as Uint32Array).subarray(0, count) : trimmed(item)]));
}
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
});
