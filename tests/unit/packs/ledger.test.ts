// The review ledger (docs/notes-review.md) and the notes stay in step: every note has a section,
// every source of a note is listed there by index and address, every cited index appears in the
// section's claims, and the ledger names no note that does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notes } from 'virtual:backstory-annotations';
import { citedIndices, sentences } from '../../../src/model/citations.ts';
import type { Source } from '../../../src/model/note.ts';

const LEDGER = readFileSync(join(process.cwd(), 'docs/notes-review.md'), 'utf8');
const sections = new Map(
  LEDGER.split(/^## /m)
    .slice(1)
    .map((section) => [/^`([^`]+)`/.exec(section)?.[1] ?? '', section] as const),
);

describe('the review ledger', () => {
  it('has a section for every note, and no section for a note that does not exist', () => {
    expect([...sections.keys()].sort()).toEqual(notes.map((note) => note.id).sort());
  });

  it('names no note id that the notes do not have', () => {
    const ids = new Set(notes.map((note) => note.id));
    const named = LEDGER.match(/\b(?:person|event|claim)\/[a-z0-9-]+/g) ?? [];
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('lists every source of each note by its index and address', () => {
    for (const note of notes) {
      const section = sections.get(note.id) ?? '';
      note.sources.forEach((source: Source, i: number) => {
        expect(section, `${note.id} source ${i + 1}`).toContain(`- [${i + 1}] ${source.title} — <${source.url}>`);
      });
      expect(section.match(/^- \[\d+\]/gm) ?? [], note.id).toHaveLength(note.sources.length);
    }
  });

  it('gives every claim of each note with the indices it cites', () => {
    for (const note of notes) {
      const section = sections.get(note.id) ?? '';
      for (const field of ['summary', 'body'] as const) {
        for (const sentence of sentences(note[field])) {
          const indices = citedIndices(sentence);
          const cited = indices.length > 0 ? indices.map((index) => `[${index}]`).join(', ') : 'no index';
          const plain = sentence.replace(/\[[\d,\s]+\]/g, '').replace(/\|/g, '\\|');
          expect(section, `${note.id}: ${plain}`).toContain(`| ${field}: ${plain} | ${cited} |`);
        }
      }
    }
  });
});
