// changesSince: what a reader is told when they come back to an article (new, updated and
// withdrawn notes since the versions they saw).
import { describe, expect, it } from 'vitest';
import { notes as bundled } from 'virtual:backstory-annotations';
import { changesSince, highlightable, isWithdrawn, seenNow } from '../../../src/model/note-changes.ts';
import type { Note } from '../../../src/model/note.ts';

type Edition = Pick<Note, 'id' | 'title' | 'version' | 'updated' | 'changeNote' | 'withdrawn'>;

const NOTES: Edition[] = [
  { id: 'person/a', title: 'A', version: 1, updated: '2026-11-25' },
  { id: 'event/b', title: 'B', version: 2, updated: '2026-12-07', changeNote: 'What changed: the 2024 figures.' },
  { id: 'claim/c', title: 'C', version: 3, updated: '2026-12-07', withdrawn: { on: '2026-12-07', reason: 'Merged into event/b.' } },
  { id: 'claim/d', title: 'D', version: 1, updated: '2026-12-07' },
];

describe('changesSince', () => {
  it('lists new, updated and withdrawn notes in the notes’ order, with what changed', () => {
    expect(changesSince(NOTES, { 'person/a': 1, 'event/b': 1, 'claim/c': 2 })).toEqual([
      { kind: 'updated', id: 'event/b', title: 'B', version: 2, date: '2026-12-07', what: 'What changed: the 2024 figures.', seenVersion: 1 },
      { kind: 'withdrawn', id: 'claim/c', title: 'C', version: 3, date: '2026-12-07', what: 'Merged into event/b.', seenVersion: 2 },
      { kind: 'new', id: 'claim/d', title: 'D', version: 1, date: '2026-12-07' },
    ]);
  });

  it('lists nothing when the reader has seen every current version', () => {
    expect(changesSince(NOTES, { 'person/a': 1, 'event/b': 2, 'claim/c': 3, 'claim/d': 1 })).toEqual([]);
  });

  it('does not tell a reader of a withdrawal they never saw the note for, nor twice', () => {
    expect(changesSince(NOTES, { 'person/a': 1, 'event/b': 2, 'claim/d': 1 })).toEqual([]);
    expect(changesSince(NOTES, seenNow(NOTES, { 'claim/c': 1 }))).toEqual([]);
  });

  it('treats a version seen that is newer than the pack’s (a pack rolled back) as seen', () => {
    expect(changesSince(NOTES, { 'person/a': 5, 'event/b': 2, 'claim/c': 3, 'claim/d': 1 })).toEqual([]);
  });

  it('counts every note that is not withdrawn as new on a first visit', () => {
    expect(changesSince(NOTES, {}).map((change) => `${change.kind} ${change.id}`)).toEqual(['new person/a', 'new event/b', 'new claim/d']);
  });

  it('ignores what the seen record inherits (a note id like "constructor" is not seen)', () => {
    const odd = [{ id: 'constructor', title: 'Odd', version: 1, updated: '2026-12-07' }];
    expect(changesSince(odd, {}).map((change) => change.kind)).toEqual(['new']);
  });

  it('is pure: it changes neither the notes nor the seen record', () => {
    const notes = structuredClone(NOTES);
    const seen = Object.freeze({ 'person/a': 1 });
    changesSince(notes, seen);
    expect(notes).toEqual(NOTES);
    expect(seen).toEqual({ 'person/a': 1 });
  });
});

describe('seenNow, highlightable', () => {
  it('records each note’s current version, keeping notes seen before that are no longer in the pack', () => {
    expect(seenNow(NOTES, { 'claim/gone': 2, 'person/a': 1 })).toEqual({ 'claim/gone': 2, 'person/a': 1, 'event/b': 2, 'claim/c': 3, 'claim/d': 1 });
  });

  it('leaves withdrawn notes out of what is highlighted', () => {
    expect(highlightable(NOTES).map((note) => note.id)).toEqual(['person/a', 'event/b', 'claim/d']);
    expect(NOTES.filter(isWithdrawn).map((note) => note.id)).toEqual(['claim/c']);
  });
});

describe('the bundled pack’s editions', () => {
  it('gives every note a version and an updated date; a changed note says what changed', () => {
    for (const note of bundled) {
      expect(Number.isInteger(note.version) && note.version >= 1, note.id).toBe(true);
      expect(note.updated, note.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (note.version > 1 && !note.withdrawn) expect(note.changeNote, note.id).toMatch(/^What changed: /);
    }
  });
});
