// What a bundled pack's file carries (build/content-scripts.ts): the notes as the matcher reads
// them, made of exactly the notes the overlay anchors, a withdrawn note left out.
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { packFileData } from '../../../build/content-scripts.ts';
import { decodeNotes } from '../../../src/core/notes-codec.ts';
import { compileNotes } from '../../../src/core/match.ts';
import { highlightable } from '../../../src/model/note-changes.ts';
import type { PackData } from '../../../src/model/pack.ts';
import { trimmed } from '../../support/word-lists.ts';

const data: PackData = { slug: 'demo', markers: pack.markers, radius: pack.radius, article: pack.article, notes: pack.notes, articleShingles: pack.articleShingles };

describe('a bundled pack’s file', () => {
  it('carries the notes the overlay anchors as the matcher reads them, a withdrawn note left out', () => {
    const withdrawn = { ...data, notes: data.notes.map((note, index) => (index === 1 ? { ...note, withdrawn: { on: '2026-12-01', reason: 'Superseded by a newer note.' } } : note)) };
    const file = packFileData(withdrawn);
    const anchored = highlightable(file.notes);
    expect(anchored.length).toBe(data.notes.length - 1);
    const read = decodeNotes(file.notesData, anchored);
    expect(read).toBeDefined();
    expect(trimmed(read?.written)).toEqual(trimmed(compileNotes(anchored).written()));
    expect(decodeNotes(file.notesData, file.notes)).toBeUndefined();
  });
});
