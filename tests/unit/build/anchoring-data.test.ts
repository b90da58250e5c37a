// What the background anchors a bundled pack's notes with (build/annotation-plugin.ts): the notes
// as the matcher reads them, made of exactly the notes that are painted, a withdrawn note left out.
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { anchoringData } from '../../../build/annotation-plugin.ts';
import { createTextAnchorer } from '../../../src/core/anchor-text.ts';
import { decodeNotes } from '../../../src/core/notes-codec.ts';
import { compileNotes } from '../../../src/core/match.ts';
import { highlightable } from '../../../src/model/note-changes.ts';
import type { PackData } from '../../../src/model/pack.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';
import { trimmed } from '../../support/word-lists.ts';

const data: PackData = { slug: 'demo', markers: pack.markers, radius: pack.radius, article: pack.article, notes: pack.notes, articleShingles: pack.articleShingles };
const withdrawn = { ...data, notes: data.notes.map((note, index) => (index === 1 ? { ...note, withdrawn: { on: '2026-12-01', reason: 'Superseded by a newer note.' } } : note)) };

describe('a bundled pack’s anchoring data', () => {
  it('carries the painted notes as the matcher reads them, a withdrawn note left out', () => {
    const anchoring = anchoringData(withdrawn);
    expect(anchoring.notes.map((note) => note.id)).toEqual(highlightable(withdrawn.notes).map((note) => note.id));
    expect(anchoring.notes.length).toBe(data.notes.length - 1);
    const read = decodeNotes(anchoring.notesData, anchoring.notes);
    expect(read).toBeDefined();
    expect(trimmed(read?.written)).toEqual(trimmed(compileNotes(anchoring.notes).written()));
  });

  it('carries none of a note’s text beyond what matching reads', () => {
    const fields = new Set(anchoringData(data).notes.flatMap((note) => Object.keys(note)));
    expect([...fields].filter((field) => !['id', 'kind', 'aliases', 'variants', 'selectors'].includes(field))).toEqual([]);
  });

  it('anchors the article as the pack’s whole data does', () => {
    const fromData = createTextAnchorer({ ...data, notes: highlightable(data.notes) })(ARTICLE_TEXT);
    const fromAnchoring = createTextAnchorer(anchoringData(data))(ARTICLE_TEXT);
    expect(fromAnchoring.matches).toEqual(fromData.matches);
    expect(fromAnchoring.matches.length).toBeGreaterThan(40);
  });
});
